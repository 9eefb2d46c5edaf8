"""Deficiencies against 第十二条至第十四条 and the 第二十六条 situation each triggers."""

from __future__ import annotations

import pytest

from .mcase import absent, case, check, only, run, sup


def deficient(article: int, item: int, confirmed: bool = True, **supervision):
    doc = case()
    rec = {"id": "QX-D", "article": article, "item": item, "confirmed": confirmed, "found_on": "2025-05-06"}
    return sup(doc, deficiencies=[rec], **supervision)


def check_item(article: int, item: int, name: str, art26: int) -> None:
    rid = f"art_{article:03d}.p1.i{item}.{name}"
    r = run(deficient(article, item))
    f = only(r, rid)
    check(f, rid, article, 1, item, "violation", "恩施市市场监督管理局")
    assert f"第二十六条第（{'一二三四五六'[art26 - 1]}）项" in f.message
    # the chain: the triggered situation makes the 建议书 due under 第二十六条
    chained = only(r, f"art_026.p1.i{art26}.letter_required")
    assert chained.facts[0] == "QX-D"


def check_unconfirmed(article: int, item: int, name: str, art26: int) -> None:
    r = run(deficient(article, item, confirmed=False))
    absent(r, f"art_{article:03d}.p1.i{item}.{name}")
    absent(r, f"art_026.p1.i{art26}.letter_required")


def params(items):
    return pytest.mark.parametrize(("item", "name", "art26"), [(i, n, a) for i, (n, _, a) in sorted(items.items())])
