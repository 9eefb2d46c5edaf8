"""Shared shape of 第十二条至第十四条 (a helper, not an article).

第十二条至第十四条 list what the supervision covers (监督内容); they impose no duty of their own. A
confirmed deficiency found under one of their items is therefore never reported as a violation of
that item: it is the 第二十六条 situation it amounts to, and 第二十六条 reports it. Each item's rule
here derives that ``situation`` fact (confirmed, with ``content`` naming the 第十二至十四条 item it
was found under, and the ``provision`` violated when the record names one) and makes no finding of
its own; ``explain`` shows it as the first link of the 第二十六条 finding's chain.

第二十六条第（六）项 (其他违反法律法规规定的情形) holds only when the record names the provision
violated: the rule of 第二十六条 tests that, and the case's missing facts name the field (A26-4).

The interpretive choices above are registered for legal review as A12-1, A12-2, A13-1, A14-1, A26-4, D-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from typing import Any

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule, true
from .art_026 import SITUATIONS
from .kinds import DEFICIENCY

_MARK = "一二三四五六七八九十"

_ARTICLE_ZH = {12: "第十二条", 13: "第十三条", 14: "第十四条"}


def item_mark(n: int) -> str:
    return "十一" if n == 11 else _MARK[n - 1]


def content_label(article: int, item: int, text: str) -> str:
    """The 监督内容 a deficiency was found under: 第十四条第（九）项“…”."""
    return f"{_ARTICLE_ZH[article]}第（{item_mark(item)}）项“{text}”"


class ContentItems(dict[int, tuple[str, str, int]]):
    """The items of one of 第十二条至第十四条: item -> (rule name, what is supervised, the 第二十六条
    item it amounts to). :meth:`add` declares an item's rule where the article module states it."""

    def __init__(self, article: int) -> None:
        super().__init__()
        self.article = article

    def add(self, item: int, name: str, text: str, *, amounts_to: int) -> None:
        self[item] = (name, text, amounts_to)
        _declare(self.article, item, name, text, amounts_to)


def _declare(article: int, item: int, name: str, text: str, art26: int) -> None:
    content = content_label(article, item, text)
    summary = (
        f"监督内容“{text}”中经调查属实的问题，不作为对本条的违反，而作为第二十六条第（{item_mark(art26)}）项"
        f"“{SITUATIONS[art26]}”的情形，由第二十六条认定" + ("（须写明违反的法律法规规定）" if art26 == 6 else "") + "。"
    )

    # 对…的监督包括: what the supervising organ shall look at; the finding is 第二十六条's
    @rule(f"art_{article:03d}.p1.i{item}.{name}", Modality.SHALL, Role.SUPERVISING, reports=False, summary=summary,
          when=DEFICIENCY & (m.article == article) & (m.item == item) & true(m.confirmed))
    def deficiency(f: Fact) -> Outcome:
        situation: dict[str, Any] = {
            "kind": "situation", "as_of": f["as_of"], "refs": list(f["refs"]), "item": art26, "confirmed": True,
            "content": content,
        }
        if f.get("provision"):
            situation["provision"] = f["provision"]
        if "letter" in f:
            situation["letter"] = f["letter"]
            situation["refs"].append(f["letter_id"])
        detail = f"：{f['description']}" if f["description"] else ""
        return Outcome(
            f"在监督内容{content}中经调查属实发现问题{detail}；该问题按第二十六条第（{item_mark(art26)}）项"
            f"“{SITUATIONS[art26]}”认定。",
            derived=(situation,),
        )
