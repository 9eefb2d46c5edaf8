"""One module per article of the measures: ``art_NNN.py`` encodes 第N条.

A module reads like its article. The text of each 款/项 is a comment block (its citation alone on
a line, then the text word for word) right above the declarations that encode it, and
``tests/test_text_above_rules.py`` checks that for every rule. A declaration names the rule (its
id carries the citation: ``art_024.p1.i1.at_least_two`` is 第二十四条第一款第（一）项), its
modality and subject, and its condition over one fact kind (``kinds.py``: a condition on a
property or predicate the kind does not declare is refused at import); the builder's docstring is
the rule's summary and it returns the finding's message::

    # 第二十七条第二款
    # 被监督机关对《行政执法监督建议书》无异议或者经复查异议不成立的，……

    @rule("art_027.p2.letter_period_too_short", Modality.VIOLATION, Role.SUPERVISING,
          when=RECTIFICATION & (+m.letter_days) & (m.letter_days < RECTIFICATION_DAYS))
    def letter_period_too_short(f: Fact) -> str:
        '''《行政执法监督建议书》载明的整改期限少于……三十日的，认定监督机关限期不当……'''
        return f"《行政执法监督建议书》限期{f['letter_days']}日整改，……"

The recurring shapes have helpers (``enshi_rules._engine.rulebook``): ``deadline_rules`` (a time limit:
pending, on time, late, overdue), ``Duty`` (a duty without a time limit, or a 不得: binds,
required, done, observed, violated), ``exception`` (an exception that defeats other findings and
leaves its trace, E-1: 容错 of 第三十二条第二款, the termination of 第二十七条第一款). A legal
predicate used by more than one rule is declared once with ``predicate`` beside the 款 that gives
it its meaning (``timely_objection`` in ``art_027.py``); which supervision relation exists
(第三、五、六条) is decided in ``competence.py``. Articles with no module yet are listed in
``article_map.yaml`` with their status.
"""

from __future__ import annotations

import importlib

from .._engine.rulebook import Rule, declared_rules
from . import (
    kinds as kinds,  # the fact kinds: declared before any rule that matches them
)
from .tiaoli import TIAOLI_MODULES

__all__ = ["ARTICLE_MODULES", "all_rules", "load_all"]

#: The article modules, in article order. Importing one registers its rules.
ARTICLE_MODULES: tuple[str, ...] = (
    "art_002",
    "art_003",
    "art_005",
    "art_006",
    "art_010",
    "art_012",
    "art_013",
    "art_014",
    "art_015",
    "art_017",
    "art_018",
    "art_019",
    "art_021",
    "art_022",
    "art_023",
    "art_024",
    "art_025",
    "art_026",
    "art_027",
    "art_028",
    "art_029",
    "art_030",
    "art_031",
    "art_032",
    "art_033",
    "art_034",
    "art_035",
)


def load_all() -> None:
    """Import every article module, the measures' and the 条例's (``rules/tiaoli``; idempotent: a
    module already imported is not re-run)."""
    for name in ARTICLE_MODULES:
        importlib.import_module(f"{__name__}.{name}")
    for name in TIAOLI_MODULES:
        importlib.import_module(f"{__name__}.tiaoli.{name}")


_loaded = False


def all_rules() -> dict[str, Rule]:
    """Every rule, the measures' and the 条例's, by id (sorted by id), after importing every article module."""
    global _loaded
    if not _loaded:
        load_all()
        _loaded = True
    return declared_rules()
