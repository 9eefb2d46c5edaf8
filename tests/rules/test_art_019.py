"""第十九条: at least one 考核评议 a year, internal and external; 专项 is allowed."""

from __future__ import annotations

from .annual_cases import AFTER, DURING, SUBJECT, annual, no_annual_record, rules_of
from .mcase import absent, check, only, run


def test_assessment_held():
    check(only(run(annual(), AFTER), "art_019.p1.assessment.on_time"), "art_019.p1.assessment.on_time", 19, 1, None, "shall", SUBJECT)


def test_no_assessment():
    r = run(annual(assessments=[]), AFTER)
    check(only(r, "art_019.p1.assessment.overdue"), "art_019.p1.assessment.overdue", 19, 1, None, "violation", SUBJECT)


def test_not_judged_before_the_year_ends():
    r = run(annual(assessments=[]), DURING)
    check(only(r, "art_019.p1.assessment.pending"), "art_019.p1.assessment.pending", 19, 1, None, "shall", SUBJECT)
    absent(r, "art_019.p1.assessment.overdue")


def test_no_pending_once_held():
    absent(run(annual(), DURING), "art_019.p1.assessment.pending")


def test_external_review_missing():
    r = run(annual(assessments=[{"held_on": "2025-11-01", "internal": True, "external": False, "scope": "专项"}]), AFTER)
    check(only(r, "art_019.p1.external_review_missing"), "art_019.p1.external_review_missing", 19, 1, None, "violation", SUBJECT)
    absent(r, "art_019.p1.internal_assessment_missing")


def test_internal_assessment_missing():
    r = run(annual(assessments=[{"held_on": "2025-11-01", "internal": False, "external": True}]), AFTER)
    check(only(r, "art_019.p1.internal_assessment_missing"), "art_019.p1.internal_assessment_missing", 19, 1, None, "violation", SUBJECT)


def test_both_parts_over_the_year_is_enough():
    two = [{"held_on": "2025-06-01", "internal": True, "external": False, "scope": "专项"},
           {"held_on": "2025-11-01", "internal": False, "external": True, "scope": "专项"}]
    r = run(annual(assessments=two), AFTER)
    absent(r, "art_019.p1.external_review_missing")
    absent(r, "art_019.p1.internal_assessment_missing")


def test_parts_not_judged_before_the_year_ends():
    r = run(annual(assessments=[{"held_on": "2025-11-01", "internal": True, "external": False}]), DURING)
    absent(r, "art_019.p1.external_review_missing")


def test_special_assessment_is_a_permission():
    r = run(annual(assessments=[{"held_on": "2025-11-01", "internal": True, "external": True, "scope": "专项"}]), AFTER)
    check(only(r, "art_019.p1.special_assessment"), "art_019.p1.special_assessment", 19, 1, None, "may", SUBJECT)


def test_comprehensive_assessment_is_not_special():
    absent(run(annual(), AFTER), "art_019.p1.special_assessment")


def test_no_annual_record_no_finding_under_article_19():
    """Near-identical to the cases above without the organ's annual-duties record: no organ and year
    to judge, so nothing of 第十九条."""
    assert rules_of(19) == [
        "art_019.p1.assessment.on_time", "art_019.p1.assessment.overdue", "art_019.p1.assessment.pending",
        "art_019.p1.external_review_missing", "art_019.p1.internal_assessment_missing",
        "art_019.p1.special_assessment",
    ]
    r = run(no_annual_record(), AFTER)
    for rid in rules_of(19):
        absent(r, rid)
    assert [f.rule_id for f in r.findings if f.article == 19] == []
    assert [n.rule_id for n in r.notes] == ["art_003.p1.supervision_relation", "art_003.p2.listed_activity", "art_035.p1.in_force"]


def test_no_assessment_at_all_is_one_breach_not_a_missing_part():
    # 每年至少开展一次考核评议 is breached; "包括内部考核和外部评议" judges an assessment that was held,
    # so with none held neither part is reported missing
    r = run(annual(assessments=[]), AFTER)
    check(only(r, "art_019.p1.assessment.overdue"), "art_019.p1.assessment.overdue", 19, 1, None, "violation", SUBJECT)
    absent(r, "art_019.p1.external_review_missing")
    absent(r, "art_019.p1.internal_assessment_missing")


def test_a_missing_internal_part_is_not_judged_before_the_year_ends():
    r = run(annual(assessments=[{"held_on": "2025-11-01", "internal": False, "external": True}]), DURING)
    absent(r, "art_019.p1.internal_assessment_missing")
    check(only(r, "art_019.p1.assessment.on_time"), "art_019.p1.assessment.on_time", 19, 1, None, "shall", SUBJECT)
