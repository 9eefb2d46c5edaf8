"""The measures unit by unit as JSON: for ``GET /v1/articles`` and ``GET /v1/articles/{n}``.

Each unit (条, 款, 项) with its text, its status in the article map (``encoded``, ``not-operative``
and why, ``planned``), the rules that encode it (id, modality, subject, what the code does) and the
interpretations of the register it rests on. The map is the one the package carries
(``data/article_map.yaml``, identical to the repository's ``article_map.yaml``); the same text,
rules and register as ``enshi-rules articles N`` and ``docs/articles/``.
"""

from __future__ import annotations

import functools
from typing import Any

from ..errors import RuleDefinitionError
from ..rules import all_rules
from . import text as _text
from .article_map import STATUS_ZH, ArticleMap, load_package_map, rules_by_unit
from .register import load_register

__all__ = ["article_json", "index_json", "parse_unit_ref", "unit_of"]


def _unit_json(u: _text.Unit, amap: ArticleMap, by_unit: dict[str, list[Any]], register: dict[str, Any]) -> dict[str, Any]:
    e = amap.entries.get(u.id)
    status = e.status if e is not None else None
    return {
        "id": u.id,
        "article": u.article,
        "paragraph": u.paragraph,
        "item": u.item,
        "citation": u.citation(),
        "text": u.text,
        "status": status,
        "status_zh": STATUS_ZH.get(status, "") if isinstance(status, str) else "",
        "reason": e.text("reason") if e is not None else "",
        "note": e.text("note") if e is not None else "",
        "rules": [
            {
                "rule_id": r.rule_id,
                "modality": r.modality.value,
                "subject": str(r.subject),
                "citation": r.citation,
                "summary": r.summary,
            }
            for r in by_unit.get(u.id, [])
        ],
        "interpretations": [
            {"id": x, "title": register[x].title, "choice": register[x].choice}
            if x in register
            else {"id": x, "title": "", "choice": ""}
            for x in (e.interpretations if e is not None else [])
        ],
    }


@functools.cache
def _all() -> tuple[dict[int, dict[str, Any]], list[dict[str, Any]]]:
    reg = _text.regulation()
    amap = load_package_map()
    by_unit = rules_by_unit(all_rules())
    register = load_register().by_id
    articles: dict[int, dict[str, Any]] = {}
    index = []
    for ch in reg.chapters.values():
        for n in ch.articles:
            units = [_unit_json(u, amap, by_unit, register) for u in reg.units.values() if u.article == n]
            head = units[0]
            art = {
                "article": n,
                "label": reg.articles[n].label,
                "chapter": {"number": ch.number, "label": ch.label, "title": ch.title},
                "citation": _text.citation(n),
                "status": head["status"],
                "status_zh": head["status_zh"],
                "rule_count": sum(len(u["rules"]) for u in units),
                "text": reg.articles[n].text,
                "units": units,
            }
            articles[n] = art
            index.append({k: art[k] for k in ("article", "label", "chapter", "citation", "status", "status_zh", "rule_count")})
    return articles, index


def index_json() -> dict[str, Any]:
    """Every article, in order, without its units."""
    reg = _text.regulation()
    return {"title": reg.title, "articles": _all()[1]}


def article_json(n: int) -> dict[str, Any] | None:
    """One article with its units; ``None`` when there is no such article."""
    return _all()[0].get(n)


def parse_unit_ref(text: str) -> tuple[int, int | None, int | None] | None:
    """``27``, ``27.2``, ``27.2.1``, ``第二十七条``, ``第二十七条第二款第（一）项`` → (article, paragraph, item).

    ``None`` when the text names no unit in any of these forms.
    """
    s = text.strip()
    if not s or len(s) > 60:
        return None
    parts = s.split(".")
    try:
        if all(p.isascii() and p.isdigit() and len(p) <= 3 for p in parts) and len(parts) <= 3:
            nums: list[int | None] = [int(p) for p in parts]
            nums += [None] * (3 - len(nums))
            return _text.regulation().resolve(nums[0], nums[1], nums[2])  # type: ignore[arg-type]
        return _text.parse_citation(s)
    except (ValueError, RuleDefinitionError):
        return None


def unit_of(ref: tuple[int, int | None, int | None]) -> str:
    """The unit id of a resolved reference (``art_27`` for a whole article)."""
    return _text.unit_id(*ref)
