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
    """Import every article module (idempotent: a module already imported is not re-run)."""
    for name in ARTICLE_MODULES:
        importlib.import_module(f"{__name__}.{name}")
