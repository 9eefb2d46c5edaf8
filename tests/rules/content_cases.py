"""Deficiencies found under 第十二条至第十四条: never a violation of those articles (they list what is
supervised), always the 第二十六条 situation each amounts to, with the item as its 监督内容 (A12-1)."""

from __future__ import annotations

import enshi_rules
from enshi_rules.testing import assert_derived, assert_not_derived

from .mcase import absent, case, only, run, sup

ARTICLE_ZH = {12: "第十二条", 13: "第十三条", 14: "第十四条"}
ITEM_ZH = "一二三四五六七八九十"


def item_zh(n: int) -> str:
    return "十一" if n == 11 else ITEM_ZH[n - 1]


def deficient(article: int, item: int, confirmed: bool = True, provision: str = "", **supervision):
    doc = case()
    rec = {"id": "QX-D", "article": article, "item": item, "confirmed": confirmed, "found_on": "2025-05-06"}
    if provision:
        rec["provision"] = provision
    return sup(doc, deficiencies=[rec], **supervision)


PROVISION = "《湖北省行政执法条例》第二十条"


def check_item(article: int, item: int, name: str, art26: int) -> None:
    """``art26`` is the expected 第二十六条 item, written out in each test module (not read from the code)."""
    rid = f"art_{article:03d}.p1.i{item}.{name}"
    doc = deficient(article, item, provision=PROVISION if art26 == 6 else "")
    r = run(doc)
    # never a finding citing 第十二条至第十四条
    assert r.cites(article) == (), [f.rule_id for f in r.cites(article)]
    f = only(r, f"art_026.p1.i{art26}.letter_required")
    assert f.facts[0] == "QX-D"
    assert f"监督内容：{ARTICLE_ZH[article]}第（{item_zh(item)}）项" in f.message
    if art26 == 6:
        assert f"违反{PROVISION}" in f.message
    # the 第十二至十四条 item is the first link of the finding's explanation
    exp = enshi_rules.explain(doc, f"art_026.p1.i{art26}.letter_required", as_of="2025-12-31")
    assert assert_derived(exp, rid, into=f"art_026.p1.i{art26}.letter_required") == f"art_026.p1.i{art26}.letter_required"
    (x,) = exp.findings
    assert [c.rule_id for c in x.chain] == [rid]
    assert x.chain[0].citation.endswith(f"{ARTICLE_ZH[article]}第（{item_zh(item)}）项")
    assert f"该问题按第二十六条第（{item_zh(art26)}）项" in x.chain[0].message
    # this deficiency triggers this item of 第二十六条 and no other
    assert [x.rule_id for x in r.cites(26)] == [f"art_026.p1.i{art26}.letter_required"]
    for other26 in range(1, 7):  # 第二十六条 has six items; a deficiency is never a situation of another
        if other26 != art26:
            absent(r, f"art_026.p1.i{other26}")
    # the finding names this one 监督内容: no other item of the article derived a situation from it
    assert f.message.count(f"{ARTICLE_ZH[article]}第（") == 1, f.message


def check_unconfirmed(article: int, item: int, name: str, art26: int) -> None:
    doc = deficient(article, item, confirmed=False, provision=PROVISION)
    r = run(doc)
    assert r.cites(article) == ()
    absent(r, f"art_026.p1.i{art26}.letter_required")
    assert_not_derived(enshi_rules.explain(doc, as_of="2025-12-31"), f"art_{article:03d}.p1.i{item}.{name}")
    # a confirmed deficiency of the same item number under another of 第十二至十四条 is not this one
    from enshi_rules.rules import art_012, art_013, art_014

    for other, items in ((12, art_012.ITEMS), (13, art_013.ITEMS), (14, art_014.ITEMS)):
        if other != article and item in items:
            other_doc = deficient(other, item)
            assert_not_derived(enshi_rules.explain(other_doc, as_of="2025-12-31"), f"art_{article:03d}.p1.i{item}.{name}")


def check_without_provision(article: int, item: int) -> None:
    """第二十六条第（六）项 needs the provision violated: without it, a missing fact and no letter (A26-4)."""
    r = run(deficient(article, item))
    assert r.cites(26) == () and r.cites(article) == ()
    assert [(m.field, m.needed_for) for m in r.missing_facts] == [
        ("supervision.deficiencies[0].provision", "第二十六条第（六）项")
    ]
