"""One module per article of the measures: ``art_NNN.py`` encodes 第N条.

Each module opens with the article's text; each 款/项 stands right above the rules that encode it.
Articles with no module yet are listed in ``article_map.yaml`` with their status.
"""

from __future__ import annotations

import importlib

__all__ = ["ARTICLE_MODULES", "load_all"]

#: The article modules, in article order. Importing one registers its rules.
ARTICLE_MODULES: tuple[str, ...] = (
    "art_002",
    "art_003",
    "art_026",
    "art_027",
    "art_028",
    "art_035",
)


def load_all() -> None:
    """Import every article module (idempotent: a module already imported is not re-run)."""
    for name in ARTICLE_MODULES:
        importlib.import_module(f"{__name__}.{name}")
