"""第二十二条: filing and review of 重大行政执法决定."""

from __future__ import annotations

from .mcase import absent, case, check, only, run

SFJ = "恩施市司法局"


def _md(**kw):
    rec = {"id": "ZD-1", "made_on": "2025-05-01"}
    rec.update(kw)
    return case(major_decisions=[rec])


def test_filing_to_supervise():
    check(only(run(_md()), "art_022.p1.filing_to_supervise"), "art_022.p1.filing_to_supervise", 22, 1, None, "shall", SFJ)


def test_filed_decision_needs_no_filing_supervision():
    absent(run(_md(filed_on="2025-05-10")), "art_022.p1.filing_to_supervise")


def test_review_required():
    check(only(run(_md(filed_on="2025-05-10")), "art_022.p1.review_required"), "art_022.p1.review_required", 22, 1, None, "shall", SFJ)


def test_reviewed_needs_no_review():
    absent(run(_md(filed_on="2025-05-10", reviewed_on="2025-05-30", review_result="合法适当")), "art_022.p1.review_required")


def test_reviewed_unlawful_points_to_article_26():
    f = only(run(_md(filed_on="2025-05-10", reviewed_on="2025-05-30", review_result="不合法")), "art_022.p1.reviewed")
    check(f, "art_022.p1.reviewed", 22, 1, None, "shall", SFJ)
    assert "第二十六条第（二）项" in f.message


def test_unfiled_is_not_reviewed():
    absent(run(_md()), "art_022.p1.reviewed")


def test_no_major_decision_no_finding_under_article_22():
    """The same case without a 重大行政执法决定: none of the three rules of 第二十二条 applies."""
    r = run(case())
    for rid in ("art_022.p1.filing_to_supervise", "art_022.p1.review_required", "art_022.p1.reviewed"):
        absent(r, rid)
    assert [f.rule_id for f in r.findings if f.article == 22] == []
    assert [n.rule_id for n in r.notes] == ["art_003.p1.supervision_relation", "art_003.p2.listed_activity", "art_035.p1.in_force"]
