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


def test_a_review_the_justice_bureau_organised_is_the_governments():
    # 第五条第一款: the 司法行政部门 承担本级人民政府行政执法监督具体工作 (A15-5); legal review (a)6
    doc = annual()
    doc["annual_duties"] = [{"organ": "422802", "year": 2025, "case_file_reviews": []},
                            {"organ": "422802.sfj", "year": 2025, "case_file_reviews": ["2025-09-15"]}]
    r = run(doc, AFTER)
    gov = [f for f in r.findings if f.article == 18 and f.subject == "利川市人民政府"]
    assert [f.rule_id for f in gov] == ["art_018.p1.case_file_review.on_time"]
    check(gov[0], "art_018.p1.case_file_review.on_time", 18, 1, None, "shall", "利川市人民政府")
    assert gov[0].performed and "由利川市司法局组织行政执法案卷评查1次" in gov[0].message
    assert "A15-5" in gov[0].interpretations
    # without the bureau's review the government's year is a breach, as before
    doc["annual_duties"][1]["case_file_reviews"] = []
    r = run(doc, AFTER)
    f = [f for f in r.findings if f.article == 18 and f.subject == "利川市人民政府"]
    assert [x.rule_id for x in f] == ["art_018.p1.case_file_review.overdue"] and f[0].modality.value == "violation"


def test_a_review_the_justice_bureau_organised_during_the_year_leaves_nothing_pending():
    # A15-5 before the year ends: held by the bureau, the government's duty is met, not pending
    doc = annual()
    doc["annual_duties"] = [{"organ": "422802", "year": 2025, "case_file_reviews": []},
                            {"organ": "422802.sfj", "year": 2025, "case_file_reviews": ["2025-09-15"]}]
    gov = [f for f in run(doc, DURING).findings if f.article == 18 and f.subject == "利川市人民政府"]
    assert [f.rule_id for f in gov] == ["art_018.p1.case_file_review.on_time"]
    # the bureau's record of the year without a review: pending until the year ends
    doc["annual_duties"][1]["case_file_reviews"] = []
    gov = [f for f in run(doc, DURING).findings if f.article == 18 and f.subject == "利川市人民政府"]
    assert [f.rule_id for f in gov] == ["art_018.p1.case_file_review.pending"]
    check(gov[0], "art_018.p1.case_file_review.pending", 18, 1, None, "shall", "利川市人民政府")
