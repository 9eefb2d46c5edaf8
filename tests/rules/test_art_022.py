"""第二十二条: filing and review of 重大行政执法决定."""

from __future__ import annotations

from .mcase import absent, case, check, only, run

SFJ = "恩施市司法局"


def _md(**kw):
    rec = {"id": "ZD-1", "made_on": "2025-05-01"}
    rec.update(kw)
    return case(major_decisions=[rec])


def test_filing_to_supervise():
    f = only(run(_md()), "art_022.p1.filing_to_supervise", message_contains="未备案属于第十二条第（一）项备案制度未落实")
    check(f, "art_022.p1.filing_to_supervise", 22, 1, None, "shall", SFJ)


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


def test_two_decisions_each_finding_says_which_decision_it_concerns():
    doc = case(major_decisions=[
        {"id": "恩市监罚〔2025〕12号", "made_on": "2025-05-01", "filed_on": "2025-05-10"},
        {"id": "恩市监罚〔2025〕15号", "made_on": "2025-05-20"},
    ])
    r = run(doc)
    review = only(r, "art_022.p1.review_required")
    filing = only(r, "art_022.p1.filing_to_supervise")
    assert "重大行政执法决定“恩市监罚〔2025〕12号”（2025年5月1日作出）" in review.message
    assert "重大行政执法决定“恩市监罚〔2025〕15号”（2025年5月20日作出）" in filing.message


def test_a_review_done_is_a_duty_performed():
    f = only(run(_md(filed_on="2025-05-10", reviewed_on="2025-05-30", review_result="合法适当")), "art_022.p1.reviewed")
    assert f.performed and "“ZD-1”" in f.message


def test_an_application_for_review_of_a_suggestion_letter_is_no_major_decision():
    # a 复查 application under 第二十七条 is filed too, but it is not a 重大行政执法决定 to review
    doc = case()
    doc["supervision"].update(
        situations=[{"id": "QX-1", "item": 1, "confirmed": True, "found_on": "2025-05-06"}],
        suggestion_letter={"id": "JYS-1", "issued_on": "2025-05-20", "received_on": "2025-05-21"},
        objection={"id": "FC-1", "filed_on": "2025-05-26"},
    )
    r = run(doc, "2025-05-30")
    for rid in ("art_022.p1.filing_to_supervise", "art_022.p1.review_required", "art_022.p1.reviewed"):
        absent(r, rid)
    assert "art_027.p1.review.pending" in r.rule_ids()
