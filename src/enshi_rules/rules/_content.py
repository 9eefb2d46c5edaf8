"""Shared shape of 第十二条至第十四条 (a helper, not an article): a confirmed deficiency against an item
is a finding against the supervised organ citing that item, and it is the 第二十六条 situation it
triggers. When the case has not recorded that situation itself, the rule derives it (a ``situation``
fact, confirmed), so the rules of 第二十六条 then say whether the 建议书 is due or issued.

The interpretive choices above are registered for legal review as A12-1, D-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from typing import Any

from .._rulebook import Fact, Modality, Outcome, Role, m, rule
from .art_026 import SITUATIONS

_MARK = "一二三四五六七八九十"


def item_mark(n: int) -> str:
    return "十一" if n == 11 else _MARK[n - 1]


def declare_items(article: int, items: dict[int, tuple[str, str, int]]) -> None:
    """``items``: item -> (rule name, what is supervised, the 第二十六条 item it triggers)."""
    for item, (name, text, art26) in items.items():
        _declare(article, item, name, text, art26)


def _declare(article: int, item: int, name: str, text: str, art26: int) -> None:
    @rule(
        f"art_{article:03d}.p1.i{item}.{name}",
        article=article, paragraph=1, item=item,
        modality=Modality.VIOLATION,
        subject=Role.SUPERVISED,
        when=(m.kind == "deficiency") & (m.article == article) & (m.item == item) & (m.confirmed == True),  # noqa: E712
        summary=f"经调查属实“{text}”存在问题的，认定被监督机关存在缺陷，并构成第二十六条第（{item_mark(art26)}）项情形。",
    )
    def deficiency(f: Fact) -> Outcome:
        detail = f"：{f['description']}" if f["description"] else ""
        msg = (
            f"经调查属实，被监督机关在“{text}”方面存在问题{detail}；属于第二十六条第（{item_mark(art26)}）项"
            f"“{SITUATIONS[art26]}”的情形。"
        )
        if str(art26) in f["situation_items"]:
            return Outcome(msg)
        situation: dict[str, Any] = {
            "kind": "situation", "as_of": f["as_of"], "refs": list(f["refs"]), "item": art26, "confirmed": True,
        }
        if "letter" in f:
            situation["letter"] = f["letter"]
            situation["refs"].append(f["letter_id"])
        return Outcome(msg, derived=(situation,))
