"""第十九条: at least one 考核评议 a year, internal and external; 专项 is allowed."""

from __future__ import annotations

from .annual_cases import AFTER, DURING, SUBJECT, annual, no_annual_record, rules_of
import pytest

from .mcase import absent, check, check_note, only, run


def test_assessment_held():
    r = run(annual(), AFTER)
    check(only(r, "art_019.p1.assessment.on_time"), "art_019.p1.assessment.on_time", 19, 1, None, "shall", SUBJECT)
    # a 综合 assessment with both parts: neither part is missing
    absent(r, "art_019.p1.external_review_missing")
    absent(r, "art_019.p1.internal_assessment_missing")


def test_no_assessment():
    r = run(annual(assessments=[]), AFTER)
    check(only(r, "art_019.p1.assessment.overdue"), "art_019.p1.assessment.overdue", 19, 1, None, "violation", SUBJECT)


def test_not_judged_before_the_year_ends():
    r = run(annual(assessments=[]), DURING)
    check(only(r, "art_019.p1.assessment.pending"), "art_019.p1.assessment.pending", 19, 1, None, "shall", SUBJECT)
    absent(r, "art_019.p1.assessment.overdue")


def test_no_pending_once_held():
    absent(run(annual(), DURING), "art_019.p1.assessment.pending")


def test_external_review_missing_with_a_comprehensive_assessment_is_a_violation():
    r = run(annual(assessments=[{"held_on": "2025-11-01", "internal": True, "external": False}]), AFTER)
    f = only(r, "art_019.p1.external_review_missing")
    check(f, "art_019.p1.external_review_missing", 19, 1, None, "violation", SUBJECT)
    assert f.certainty.value == "certain" and "A19-1" in f.interpretations
    absent(r, "art_019.p1.internal_assessment_missing")
    absent(r, "art_019.p1.external_review_missing_special_only")


def test_internal_assessment_missing():
    r = run(annual(assessments=[{"held_on": "2025-11-01", "internal": False, "external": True}]), AFTER)
    check(only(r, "art_019.p1.internal_assessment_missing"), "art_019.p1.internal_assessment_missing", 19, 1, None, "violation", SUBJECT)
    absent(r, "art_019.p1.internal_assessment_missing_special_only")


@pytest.mark.parametrize(("internal", "external", "part"), [(True, False, "external_review"), (False, True, "internal_assessment")])
def test_a_part_missing_when_only_special_assessments_were_held_is_a_note_not_a_violation(internal, external, part):
    # 第十九条 "可以……选取部分考核评议内容开展专项考核评议": an internal-only (external-only) 专项 year
    # can reasonably be read as allowed; a note for a person to judge, never a 【违反】 (A19-1)
    r = run(annual(assessments=[{"held_on": "2025-11-01", "internal": internal, "external": external, "scope": "专项"}]), AFTER)
    assert not [f for f in r.findings if f.article == 19 and f.modality.value == "violation"]
    absent(r, f"art_019.p1.{part}_missing")
    n = check_note(r, f"art_019.p1.{part}_missing_special_only", 19, 1, "shall", "supervising")
    assert (n.item, n.excludes, n.certainty.value) == (None, False, "certain") and "A19-1" in n.interpretations
    words = "外部评议" if part == "external_review" else "内部考核"
    assert n.message.startswith(f"恩施市司法局2025年度组织的行政执法考核评议均为专项考核评议（1次），均未包括{words}。")
    assert "须人工判断" in n.message
    check(only(r, "art_019.p1.special_assessment"), "art_019.p1.special_assessment", 19, 1, None, "may", SUBJECT)


def test_a_special_and_a_comprehensive_assessment_both_without_external_review_is_a_violation():
    two = [{"held_on": "2025-06-01", "internal": True, "external": False, "scope": "专项"},
           {"held_on": "2025-11-01", "internal": True, "external": False}]
    r = run(annual(assessments=two), AFTER)
    check(only(r, "art_019.p1.external_review_missing"), "art_019.p1.external_review_missing", 19, 1, None, "violation", SUBJECT)
    absent(r, "art_019.p1.external_review_missing_special_only")


def test_a_special_only_year_is_not_judged_before_it_ends():
    r = run(annual(assessments=[{"held_on": "2025-11-01", "internal": True, "external": False, "scope": "专项"}]), DURING)
    absent(r, "art_019.p1.external_review_missing_special_only")
    absent(r, "art_019.p1.external_review_missing")


def test_both_parts_over_the_year_is_enough():
    two = [{"held_on": "2025-06-01", "internal": True, "external": False, "scope": "专项"},
           {"held_on": "2025-11-01", "internal": False, "external": True, "scope": "专项"}]
    r = run(annual(assessments=two), AFTER)
    absent(r, "art_019.p1.external_review_missing")
    absent(r, "art_019.p1.internal_assessment_missing")
    absent(r, "art_019.p1.external_review_missing_special_only")
    absent(r, "art_019.p1.internal_assessment_missing_special_only")


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
        "art_019.p1.external_review_missing", "art_019.p1.external_review_missing_special_only",
        "art_019.p1.internal_assessment_missing", "art_019.p1.internal_assessment_missing_special_only",
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
    # nor a note: with no assessment held there is no 专项-only year either (0 of 0)
    absent(r, "art_019.p1.external_review_missing_special_only")
    absent(r, "art_019.p1.internal_assessment_missing_special_only")


def test_a_missing_internal_part_is_not_judged_before_the_year_ends():
    r = run(annual(assessments=[{"held_on": "2025-11-01", "internal": False, "external": True}]), DURING)
    absent(r, "art_019.p1.internal_assessment_missing")
    check(only(r, "art_019.p1.assessment.on_time"), "art_019.p1.assessment.on_time", 19, 1, None, "shall", SUBJECT)


def test_an_assessment_the_justice_bureau_organised_is_the_governments():
    # 第五条第一款: the 司法行政部门 承担本级人民政府行政执法监督具体工作 (A15-5); legal review (a)6
    held = [{"held_on": "2025-11-01", "internal": True, "external": True}]
    doc = annual()
    doc["annual_duties"] = [{"organ": "422802", "year": 2025, "assessments": []},
                            {"organ": "422802.sfj", "year": 2025, "assessments": held}]

    def government(r):
        return [f for f in r.findings if f.rule_id.startswith("art_019.p1.assessment.") and f.subject == "利川市人民政府"]

    # the year over: the bureau's assessment is the government's, nothing is overdue
    gov = government(run(doc, AFTER))
    assert [f.rule_id for f in gov] == ["art_019.p1.assessment.on_time"]
    check(gov[0], "art_019.p1.assessment.on_time", 19, 1, None, "shall", "利川市人民政府")
    assert gov[0].performed and "利川市司法局" in gov[0].message and "A15-5" in gov[0].interpretations
    # during the year: held by the bureau, so nothing is pending either
    gov = government(run(doc, DURING))
    assert [f.rule_id for f in gov] == ["art_019.p1.assessment.on_time"]
    # the bureau's record of the year without an assessment: the government's year is a breach
    doc["annual_duties"][1]["assessments"] = []
    gov = government(run(doc, AFTER))
    assert [f.rule_id for f in gov] == ["art_019.p1.assessment.overdue"]
    check(gov[0], "art_019.p1.assessment.overdue", 19, 1, None, "violation", "利川市人民政府")
    # and before the year ends it is pending, not yet a breach
    gov = government(run(doc, DURING))
    assert [f.rule_id for f in gov] == ["art_019.p1.assessment.pending"]
    check(gov[0], "art_019.p1.assessment.pending", 19, 1, None, "shall", "利川市人民政府")


def _government_missing(r):
    """The 第十九条 "missing part" findings and notes of 利川市人民政府 (a note names it in its message)."""
    return [x for x in [*r.findings, *r.notes] if x.rule_id.startswith("art_019.p1.") and "missing" in x.rule_id
            and (getattr(x, "subject", None) == "利川市人民政府" or x.message.startswith("利川市人民政府"))]


@pytest.mark.parametrize(("part", "rid"), [("internal", "art_019.p1.internal_assessment_missing"),
                                           ("external", "art_019.p1.external_review_missing")])
@pytest.mark.parametrize("special", [False, True])
def test_a_part_the_justice_bureau_held_is_the_governments(part, rid, special):
    # A15-5 for 第十九条's "包括内部考核和外部评议": the government's assessments lack a part its 司法行政部门
    # held in the same year: nothing is missing for the government; the bureau's record without it: missing
    other = "external" if part == "internal" else "internal"
    own = [{"held_on": "2025-11-01", part: False, other: True, "scope": "专项" if special else "综合"}]
    rid = rid + ("_special_only" if special else "")
    for bureau_holds, expected in ((True, []), (False, [rid])):
        doc = annual()
        doc["annual_duties"] = [{"organ": "422802", "year": 2025, "assessments": own},
                                {"organ": "422802.sfj", "year": 2025,
                                 "assessments": [{"held_on": "2025-06-01", part: bureau_holds, other: True}]}]
        r = run(doc, AFTER)
        got = _government_missing(r)
        assert [x.rule_id for x in got] == expected
        # before the year ends nothing is missing yet
        r = run(doc, DURING)
        assert _government_missing(r) == []
