"""The rules of the national 《行政执法监督条例》 (国务院令第825号, in force 2026-02-01), one module per
article of its verified excerpts: ``tl_NNN.py`` encodes 第N条 and its rule ids start ``tl_NNN``.

The 条例 is a 行政法规, higher law than the measures (a 地方政府规章). Only the excerpts shipped in
``data/xingzheng-zhifa-jiandu-tiaoli-2025-excerpts.txt`` exist here: a rule can cite nothing else
(``_rulebook`` refuses a citation of a unit not obtained). The facts these rules match (kinds
``tiaoli_matter`` and ``tiaoli_misconduct``, from ``_derive.tiaoli``) are asserted whatever the
measures decide (the engine's ``always`` gate): a matter the measures leave to 有关法律法规
(第二条第二款, a vertically managed body) is one the 条例 speaks to. Which steps the 条例 reaches
is decided in ``tl_002`` (T-1).
"""

from __future__ import annotations

__all__ = ["TIAOLI_MODULES"]

#: The article modules of the 条例, in article order. Importing one registers its rules.
TIAOLI_MODULES: tuple[str, ...] = ("tl_002", "tl_039", "tl_040", "tl_042")
