"""第五条: the 司法局 for its government over 乡镇, 法制机构, 乡镇、街道 enforcement, 司法所."""

from __future__ import annotations

import pytest

from enshi_rules.testing import assert_no_finding, assert_no_note, assert_note

from .mcase import absent, case, check, check_note, not_supervision, only, run

SFJ = "恩施市司法局"


def test_p1_justice_for_county_over_township_enforcement():
    r = run(case(supervising_organ="422801.sfj", supervised_organ="422801.lhz.zhzf"))
    n = check_note(r, "art_005.p1.justice_for_county_over_township", 5, 1, "may", "supervising")
    assert "综合行政执法" in n.message
    absent(r, "art_003.p1.supervision_relation")
    absent(r, "art_003.p1.no_supervision_relation")


def test_p1_not_for_a_department_supervised_by_the_bureau():
    r = run(case())  # 恩施市司法局 over 恩施市市场监督管理局: 第三条 relation
    absent(r, "art_005.p1.justice_for_county_over_township")
    assert any(n.rule_id == "art_003.p1.supervision_relation" for n in r.notes)


def test_p2_legal_office_for_its_department():
    r = run(case(supervising_organ="422800.scjgj.fgk", supervised_organ="422801.scjgj"))
    n = check_note(r, "art_005.p2.legal_office_for_department", 5, 2, "may", "supervising")
    assert "法制机构" in n.message
    assert n.facts == ("422800.scjgj.fgk", "422801.scjgj")  # the relation of the two organs, not the matter
    absent(r, "art_003.p1.no_supervision_relation")


def test_p2_legal_office_of_another_system_has_no_relation():
    doc = case(supervising_organ="422800.scjgj.fgk", supervised_organ="422801.scjgj")
    doc["organs"][0] = {**doc["organs"][0], "system": "自然资源"}
    r = run(doc)
    absent(r, "art_005.p2.legal_office_for_department")
    not_supervision(r, "art_003.p1.no_supervision_relation")


def test_p3_county_government_over_township_enforcement():
    r = run(case(supervising_organ="422801", supervised_organ="422801.lhz.zhzf"))
    n = check_note(r, "art_005.p3.county_over_township_enforcement", 5, 3, "may", "supervising")
    assert n.facts == ("422801", "422801.lhz.zhzf")  # the relation of the two organs, not the matter
    absent(r, "art_003.p1.no_supervision_relation")


def test_p3_another_county_is_not_the_local_government():
    r = run(case(supervising_organ="422802", supervised_organ="422801.lhz.zhzf"))
    absent(r, "art_005.p3.county_over_township_enforcement")
    not_supervision(r, "art_003.p1.no_supervision_relation")


def test_p3_trade_supervision_by_the_competent_department():
    doc = case(supervising_organ="422801.scjgj", supervised_organ="422801.lhz.zhzf")
    doc["enforcement_action"]["system"] = "市场监管"
    r = run(doc)
    n = check_note(r, "art_005.p3.trade_supervision", 5, 3, "may", "supervising")
    assert "市场监管" in n.message


def test_p3_no_trade_supervision_for_another_trade():
    doc = case(supervising_organ="422801.scjgj", supervised_organ="422801.lhz.zhzf")
    doc["enforcement_action"]["system"] = "自然资源"
    r = run(doc)
    absent(r, "art_005.p3.trade_supervision")
    not_supervision(r, "art_003.p1.no_supervision_relation")


def test_p4_judicial_office_cannot_supervise_in_its_own_name():
    r = run(case(supervising_organ="422801.sfj.lhs", supervised_organ="422801.lhz.zhzf"))
    f = not_supervision(r, "art_005.p4.judicial_office_assists_only")
    check_note(r, "art_005.p4.judicial_office_assists_only", 5, 4, "shall", "supervising")
    assert "恩施市司法局龙凤司法所是司法所" in f.message
    assert f.citation.endswith("第五条第四款")
    assert f.facts == ("422801.sfj.lhs", "422801.lhz.zhzf")  # it rests on the organs, not on the matter


def test_p4_not_for_the_county_bureau_it_assists():
    r = run(case(supervising_organ="422801.sfj", supervised_organ="422801.lhz.zhzf"))
    absent(r, "art_005.p4.judicial_office_assists_only")


def test_p4_a_designation_does_not_make_a_judicial_office_competent():
    doc = case(supervising_organ="422801.sfj.lhs", supervised_organ="422801.lhz.zhzf",
               designation={"designated_by": "422801"})
    r = run(doc)
    not_supervision(r, "art_005.p4.judicial_office_assists_only")
    not_supervision(r, "art_003.p1.no_supervision_relation")


def test_trade_unknown_is_a_missing_fact_not_a_lack_of_competence():
    import enshi_rules

    doc = {
        "case_id": "T-TRADE",
        "organs": [
            {"id": "422801.lfz", "name": "龙凤镇人民政府", "kind": "人民政府", "level": "乡（镇）", "region": "422801", "parent": "422801"},
            {"id": "422801.lfz.zhzf", "name": "龙凤镇综合行政执法办公室", "kind": "乡镇综合行政执法", "level": "乡（镇）", "region": "422801", "parent": "422801.lfz"},
            {"id": "422801.nyj", "name": "恩施市农业农村局", "kind": "工作部门", "level": "县（市）", "region": "422801", "parent": "422801", "system": "农业农村"},
        ],
        "supervising_organ": "422801.nyj",
        "supervised_organ": "422801.lfz.zhzf",
        "enforcement_action": {"kind": "行政处罚"},
        "supervision": {"started_on": "2025-05-01", "situations": [{"item": 1, "confirmed": True}]},
    }
    report = enshi_rules.evaluate(doc, as_of="2025-06-30")
    note = assert_note(report, rule_id="art_005.p3.trade_unknown", excludes=False, message_contains="只能是第五条第三款的行业监督")
    assert note.citation == "《恩施土家族苗族自治州行政执法监督办法》第五条第三款"
    # once, on the two organs (the matter fact of 《行政执法监督条例》 carries the same relation)
    assert [n.rule_id for n in report.notes].count("art_005.p3.trade_unknown") == 1
    assert note.facts == ("422801.nyj", "422801.lfz.zhzf")
    assert [m.field for m in report.missing_facts] == ["enforcement_action.system"]
    assert "art_003.p1.no_supervision_relation" not in report.rule_ids()
    assert report.findings == ()  # the matter waits for the trade
    # with the trade given, the department supervises by trade
    doc["enforcement_action"]["system"] = "农业农村"
    report = enshi_rules.evaluate(doc, as_of="2025-06-30")
    assert_note(report, rule_id="art_005.p3.trade_supervision", excludes=False)
    assert_no_note(report, rule_id="art_005.p3.trade_unknown")


# 第五条第三款 行业监督和业务指导 is not a full supervision relation (A05-6, issue 12 point 3)


def _trade_case(supervising="422801.scjgj", **records):
    doc = case(supervising_organ=supervising, supervised_organ="422801.lhz.zhzf")
    doc["enforcement_action"]["system"] = "市场监管"
    doc["supervision"] = {
        "started_on": "2025-05-06",
        "situations": [{"item": 2, "confirmed": True, "found_on": "2025-05-06"}],
        "suggestion_letter": {"id": "JYS-1", "issued_on": "2025-05-12", "received_on": "2025-05-13"},
        **records,
    }
    return doc


def _beyond(r, rule_id):
    """第五条第三款 allocates and prohibits nothing (A05-6, legal review (c)18): a decision letter or an
    interview beyond 行业监督和业务指导 is a note of what it is not, never 【违反】 of 第五条第三款."""
    from enshi_rules._evaluate.text_report import render_text

    assert_no_finding(r, rule_id=rule_id)
    n = check_note(r, rule_id, 5, 3, "shall", "supervising")
    assert (n.article, n.paragraph, n.item, n.excludes) == (5, 3, None, False)
    assert "恩施市市场监督管理局" in n.message and "不在第五条第三款的行业监督和业务指导之内" in n.message
    assert "违反" not in n.message and "【违反】" not in render_text(r)
    return n


_DECISION = {"decision_letter": {"id": "JDS-1", "issued_on": "2025-07-10", "received_on": "2025-07-11"}}


def test_p3_a_decision_letter_of_trade_supervision_is_beyond_its_power():
    r = run(_trade_case(**_DECISION))
    f = _beyond(r, "art_005.p3.decision_beyond_trade_supervision")
    assert "不产生第二十八条规定的效力" in f.message
    assert "恩施市人民政府或者承担其监督具体工作的恩施市司法局" in f.message and "第七十三条第（三）项" in f.message
    assert [x.rule_id for x in r.findings if x.article == 28] == []  # neither "duty performed" nor a report duty
    assert "art_027.p2.rectify.overdue" in r.rule_ids()  # the 建议书 and its period stand


def test_p3_an_interview_of_trade_supervision_is_beyond_its_power():
    r = run(_trade_case(serious_impact=True, head_interviewed_on="2025-07-15"))
    f = _beyond(r, "art_005.p3.interview_beyond_trade_supervision")
    assert "不是第二十九条第二款的约谈" in f.message
    assert [x.rule_id for x in r.findings if x.article == 29 and x.paragraph == 2] == []


def test_p3_the_county_government_may_decide_and_interview():
    r = run(_trade_case("422801", head_interviewed_on="2025-07-15", **_DECISION))
    absent(r, "art_005.p3.decision_beyond_trade_supervision")
    absent(r, "art_005.p3.interview_beyond_trade_supervision")
    only(r, "art_028.p1.decision_issued")
    only(r, "art_029.p2.interview_head")


def test_p3_no_decision_duty_arises_for_trade_supervision():
    r = run(_trade_case())
    absent(r, "art_028.p1.decision_required")
    absent(r, "art_005.p3.decision_beyond_trade_supervision")


# issue 14: each act judged as what it is; nothing of 第二十八条第一款 or 第二十九条第二款 follows


@pytest.mark.parametrize("serious", [True, False])
def test_p3_an_interview_of_trade_supervision_is_judged_as_an_interview_only(serious):
    # 第五条第三款 gives 行业监督和业务指导, not the 约谈 of 第二十九条第二款: the interview is beyond that
    # power whether or not the situation was serious, the message says which organ may interview
    # (第二十九条第二款), and neither a permission nor a missing ground of 第二十九条第二款 is reported
    r = run(_trade_case(serious_impact=serious, head_interviewed_on="2025-07-15"))
    f = _beyond(r, "art_005.p3.interview_beyond_trade_supervision")
    assert "第二十九条第二款的约谈应由对其有监督关系的恩施市人民政府或者承担其监督具体工作的恩施市司法局进行" in f.message
    absent(r, "art_005.p3.decision_beyond_trade_supervision")
    absent(r, "art_029.p2.interview_head")
    absent(r, "art_029.p2.interview_without_ground")


@pytest.mark.parametrize(
    "issued",
    [
        "2025-07-10",  # after the thirty days of 第二十七条第二款 (to 2025-06-12) ran out unreported
        "2025-06-01",  # inside them
    ],
)
def test_p3_a_decision_letter_of_trade_supervision_is_judged_as_a_decision_only(issued):
    # the 决定书 is beyond the power of 行业监督和业务指导 (第五条第三款), whenever it came: no 第二十八条
    # finding (neither "duty performed" nor "without the premise"), no 第二十九条第二款 permission to
    # interview, and it is not an interview beyond the power
    r = run(_trade_case(decision_letter={"id": "JDS-1", "issued_on": issued, "received_on": issued}))
    _beyond(r, "art_005.p3.decision_beyond_trade_supervision")
    absent(r, "art_005.p3.interview_beyond_trade_supervision")
    absent(r, "art_028.p1")
    absent(r, "art_029.p2")
