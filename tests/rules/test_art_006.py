"""第六条: designated supervision (第一款) and disputes between supervising organs (第二款)."""

from __future__ import annotations

import pytest

from .mcase import absent, case, check, check_note, not_supervision, only, run


def test_p1_designated_supervision_gives_competence():
    # 恩施州人民政府 designates 利川市司法局 to supervise 恩施市市场监督管理局
    doc = case(supervising_organ="422802.sfj", designation={"designated_by": "422800", "document": "恩州政办函〔2025〕3号"})
    r = run(doc)
    n = check_note(r, "art_006.p1.designated_supervision", 6, 1, "may", "supervising")
    assert "指定" in n.message and "恩施土家族苗族自治州人民政府" in n.message
    absent(r, "art_003.p1.no_supervision_relation")


def test_p1_without_designation_the_other_county_has_no_competence():
    r = run(case(supervising_organ="422802.sfj"))
    absent(r, "art_006.p1.designated_supervision")
    not_supervision(r, "art_003.p1.no_supervision_relation")


def test_p1_designation_by_an_organ_without_competence():
    doc = case(supervising_organ="422802.sfj", designation={"designated_by": "422823"})  # 巴东县人民政府
    r = run(doc)
    f = not_supervision(r, "art_006.p1.designation_without_competence")
    check_note(r, "art_006.p1.designation_without_competence", 6, 1, "shall", "supervising")
    assert "利川市司法局" in f.message
    not_supervision(r, "art_003.p1.no_supervision_relation")


def test_p1_designation_by_a_competent_organ_is_no_violation():
    doc = case(supervising_organ="422802.sfj", designation={"designated_by": "422801"})
    r = run(doc)
    absent(r, "art_006.p1.designation_without_competence")


def _dispute(**kw):
    d = {"id": "ZY-1", "organs": ["422801.sfj", "422801.scjgj"], "matter": "同一执法案卷的评查"}
    d.update(kw)
    return case(dispute=d)


SUBJECT = "恩施市司法局、恩施市市场监督管理局"


def test_p2_negotiate_first():
    f = only(run(_dispute()), "art_006.p2.negotiate")
    check(f, "art_006.p2.negotiate", 6, 2, None, "shall", SUBJECT)


def test_p2_no_negotiation_duty_once_negotiated():
    absent(run(_dispute(negotiated=True, agreed=True)), "art_006.p2.negotiate")


def test_p2_settled_by_negotiation():
    f = only(run(_dispute(negotiated=True, agreed=True)), "art_006.p2.settled_by_negotiation")
    check(f, "art_006.p2.settled_by_negotiation", 6, 2, None, "shall", SUBJECT)


def test_p2_not_settled_while_negotiation_failed():
    absent(run(_dispute(negotiated=True, agreed=False)), "art_006.p2.settled_by_negotiation")


def test_p2_refer_to_common_superior():
    f = only(run(_dispute(negotiated=True)), "art_006.p2.refer_to_common_superior")
    check(f, "art_006.p2.refer_to_common_superior", 6, 2, None, "shall", SUBJECT)
    assert "恩施市人民政府" in f.message


def test_p2_no_referral_duty_when_agreed():
    absent(run(_dispute(negotiated=True, agreed=True)), "art_006.p2.refer_to_common_superior")


def test_p2_referred_to_common_superior_or_its_justice_bureau():
    for target in ("422801",):
        f = only(run(_dispute(negotiated=True, referred_to=target, referred_on="2025-06-01")), "art_006.p2.referred_to_common_superior")
        check(f, "art_006.p2.referred_to_common_superior", 6, 2, None, "shall", SUBJECT)


def test_p2_county_departments_referred_to_the_county_bureau():
    d = {"id": "ZY-2", "organs": ["422801.scjgj", "422801.zrzyj"], "negotiated": True, "referred_to": "422801.sfj"}
    doc = case(dispute=d)
    doc["organs"] = [*doc["organs"], {"id": "422801.zrzyj", "name": "恩施市自然资源和规划局", "kind": "工作部门",
                                      "level": "县（市）", "region": "422801", "parent": "422801", "system": "自然资源"}]
    r = run(doc)
    only(r, "art_006.p2.referred_to_common_superior")
    absent(r, "art_006.p2.referred_to_wrong_organ")


def test_p2_referred_to_wrong_organ():
    r = run(_dispute(negotiated=True, referred_to="422800"))
    f = only(r, "art_006.p2.referred_to_wrong_organ")
    check(f, "art_006.p2.referred_to_wrong_organ", 6, 2, None, "violation", SUBJECT)
    absent(r, "art_006.p2.referred_to_common_superior")


def test_p2_referred_without_negotiation():
    r = run(_dispute(referred_to="422801"))
    f = only(r, "art_006.p2.referred_without_negotiation")
    check(f, "art_006.p2.referred_without_negotiation", 6, 2, None, "violation", SUBJECT)


def test_p2_referral_after_negotiation_is_no_violation():
    absent(run(_dispute(negotiated=True, referred_to="422801")), "art_006.p2.referred_without_negotiation")


def test_p1_direct_supervision_by_an_upper_organ():
    r = run(case(supervising_organ="422800"))  # 州人民政府 over 恩施市市场监督管理局
    n = check_note(r, "art_006.p1.direct_supervision", 6, 1, "may", "supervising")
    assert "直接监督" in n.message
    assert n.facts == ("422800", "422801.scjgj")  # the relation of the two organs, not the matter
    absent(r, "art_003.p1.no_supervision_relation")
    absent(r, "art_003.p1.supervision_relation")


def test_p1_no_direct_supervision_note_for_a_first_level_relation():
    absent(run(case(supervising_organ="422801")), "art_006.p1.direct_supervision")


def test_p2_a_disputing_justice_bureau_cannot_take_the_referral_for_its_government():
    r = run(_dispute(negotiated=True, referred_to="422801.sfj"))
    only(r, "art_006.p2.referred_to_wrong_organ")
    absent(r, "art_006.p2.referred_to_common_superior")


def test_a_designation_does_not_take_away_a_supervisors_own_competence():
    from .casebuilder import MARKET, case, run

    doc = case()
    doc["organs"] = [MARKET, {"id": "422801.nyj", "name": "恩施市农业农村局", "kind": "工作部门", "level": "县（市）", "region": "422801", "parent": "422801", "system": "农业农村"}]
    doc["designation"] = {"designated_by": "422801.nyj"}
    report = run(doc, "2025-06-30")
    absent(report, "art_006.p1.designation_without_competence")
    assert "art_003.p1.supervision_relation" in report.rule_ids()
    assert "art_026.p1.i1.letter_required" in report.rule_ids()  # the matter is judged


_MARKET = {"kind": "工作部门", "system": "市场监管"}
_REGULATORS = [
    dict(_MARKET, id="422800.scjgj", name="恩施州市场监督管理局", level="州", region="422800", parent="422800"),
    dict(_MARKET, id="422801.scjgj", name="恩施市市场监督管理局", level="县（市）", region="422801", parent="422801"),
    dict(_MARKET, id="422802.scjgj", name="利川市市场监督管理局", level="县（市）", region="422802", parent="422802"),
]


def _regulators_dispute(**kw):
    d = {"id": "ZY-3", "organs": ["422801.scjgj", "422802.scjgj"], "negotiated": True}
    d.update(kw)
    doc = case(dispute=d)
    doc["organs"] = _REGULATORS
    return doc


def test_p2_a_system_line_superior_is_a_common_superior():
    # 恩施市 and 利川市 market regulators: 州市场监督管理局 supervises both (本系统), as does 州人民政府
    r = run(_regulators_dispute(referred_to="422800.scjgj"))
    f = only(r, "art_006.p2.referred_to_common_superior")
    check(f, "art_006.p2.referred_to_common_superior", 6, 2, None, "shall", "恩施市市场监督管理局、利川市市场监督管理局")
    assert "恩施州市场监督管理局" in f.message
    absent(r, "art_006.p2.referred_to_wrong_organ")


def test_p2_where_several_organs_qualify_the_duty_names_them():
    f = only(run(_regulators_dispute()), "art_006.p2.refer_to_common_superior")
    assert "恩施土家族苗族自治州人民政府或恩施州市场监督管理局" in f.message


def test_p2_a_referral_to_the_justice_bureau_names_the_government_it_acts_for():
    f = only(run(_regulators_dispute(referred_to="422800.sfj")), "art_006.p2.referred_to_common_superior")
    assert "共同上一级行政执法监督机关恩施土家族苗族自治州人民政府（由恩施土家族苗族自治州司法局承担具体工作）" in f.message


def test_p2_an_organ_two_levels_up_on_no_line_of_its_own_is_the_wrong_organ():
    # a county government is no superior of another county's regulator
    r = run(_regulators_dispute(referred_to="422801"))
    f = only(r, "art_006.p2.referred_to_wrong_organ")
    assert "恩施土家族苗族自治州人民政府或恩施州市场监督管理局" in f.message


def test_p1_a_competent_designator_is_no_designation_without_competence_even_for_a_judicial_office():
    # 恩施市人民政府 supervises 龙凤镇's enforcement, so its designation is not one "without competence";
    # what the 司法所 lacks is its own standing (第五条第四款: it assists, in the bureau's name)
    from .mcase import case as mcase

    doc = mcase(supervising_organ="422801.sfj.lhs", supervised_organ="422801.lhz.zhzf", designation={"designated_by": "422801"})
    r = run(doc)
    absent(r, "art_006.p1.designation_without_competence")
    not_supervision(r, "art_005.p4.judicial_office_assists_only")


@pytest.mark.parametrize("target", ["422801", "422800"])
def test_p2_once_referred_there_is_no_duty_left_to_refer(target):
    # 协商不成的，报请共同上一级行政执法监督机关协调处理: a referral made (to 恩施市人民政府, the common
    # superior, or to the wrong organ) ends the pending duty to refer; a wrong one is its own finding
    r = run(_dispute(negotiated=True, referred_to=target, referred_on="2025-06-01"))
    absent(r, "art_006.p2.refer_to_common_superior")
    done = "art_006.p2.referred_to_common_superior" if target == "422801" else "art_006.p2.referred_to_wrong_organ"
    check(only(r, done), done, 6, 2, None, "shall" if target == "422801" else "violation", SUBJECT)
