"""第十八条: at least one 案卷评查 a year."""

from __future__ import annotations

from .annual_cases import AFTER, DURING, SUBJECT, annual, no_annual_record, rules_of
from .mcase import absent, check, only, run


def test_review_held():
    check(only(run(annual(), AFTER), "art_018.p1.case_file_review.on_time"), "art_018.p1.case_file_review.on_time", 18, 1, None, "shall", SUBJECT)


def test_no_review_in_the_year():
    r = run(annual(case_file_reviews=[]), AFTER)
    check(only(r, "art_018.p1.case_file_review.overdue"), "art_018.p1.case_file_review.overdue", 18, 1, None, "violation", SUBJECT)
    absent(r, "art_018.p1.case_file_review.on_time")


def test_not_judged_before_the_year_ends():
    r = run(annual(case_file_reviews=[]), DURING)
    check(only(r, "art_018.p1.case_file_review.pending"), "art_018.p1.case_file_review.pending", 18, 1, None, "shall", SUBJECT)
    absent(r, "art_018.p1.case_file_review.overdue")


def test_no_pending_once_held():
    absent(run(annual(), DURING), "art_018.p1.case_file_review.pending")


def test_review_dated_outside_the_year_is_a_data_error():
    import pytest

    import enshi_rules

    with pytest.raises(enshi_rules.CaseValidationError, match=r"annual_duties\[0\]\.case_file_reviews\[0\]"):
        run(annual(case_file_reviews=["2024-12-01"]), AFTER)


def test_no_annual_record_no_finding_under_article_18():
    """Near-identical to the cases above without the organ's annual-duties record: no organ and year
    to judge, so nothing of 第十八条."""
    assert rules_of(18) == [
        "art_018.p1.case_file_review.on_time", "art_018.p1.case_file_review.overdue",
        "art_018.p1.case_file_review.pending",
    ]
    r = run(no_annual_record(), AFTER)
    for rid in rules_of(18):
        absent(r, rid)
    assert [f.rule_id for f in r.findings if f.article == 18] == []
    assert [n.rule_id for n in r.notes] == ["art_003.p1.supervision_relation", "art_003.p2.listed_activity", "art_035.p1.in_force"]
