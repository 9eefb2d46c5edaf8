"""第二十五条: the supervised organ and others must cooperate; refusing or obstructing is a finding."""

from __future__ import annotations

import pytest

from .mcase import absent, case, check, only, run


def _ob(party="被监督机关", conduct="拒绝", confirmed=True, actor="恩施市市场监督管理局执法大队"):
    return case(obstructions=[{"id": "ZA-1", "party": party, "actor": actor, "conduct": conduct, "on": "2025-05-20", "confirmed": confirmed}])


@pytest.mark.parametrize("conduct", ["拒绝", "阻碍"])
def test_p1_refused_or_obstructed(conduct):
    f = only(run(_ob(conduct=conduct)), "art_025.p1.refused_or_obstructed", message_contains="另依第三十二条第一款第（四）项处理")
    check(f, "art_025.p1.refused_or_obstructed", 25, 1, None, "violation", "恩施市市场监督管理局")


def test_p1_unconfirmed_refusal_is_no_finding():
    absent(run(_ob(confirmed=False)), "art_025.p1.refused_or_obstructed")


@pytest.mark.parametrize("conduct", ["不如实反映情况", "不提供资料", "不配合"])
def test_p1_did_not_cooperate(conduct):
    r = run(_ob(conduct=conduct))
    f = only(r, "art_025.p1.did_not_cooperate")
    check(f, "art_025.p1.did_not_cooperate", 25, 1, None, "violation", "恩施市市场监督管理局")
    absent(r, "art_025.p1.refused_or_obstructed")


def test_p1_refusal_is_not_mere_non_cooperation():
    absent(run(_ob(conduct="拒绝")), "art_025.p1.did_not_cooperate")


def test_p2_other_party_did_not_assist():
    f = only(run(_ob(party="其他单位和个人", conduct="不配合", actor="恩施某物业公司")), "art_025.p2.other_party_did_not_assist")
    check(f, "art_025.p2.other_party_did_not_assist", 25, 2, None, "violation", "恩施某物业公司")


def test_p2_not_for_the_supervised_organ():
    absent(run(_ob(conduct="不配合")), "art_025.p2.other_party_did_not_assist")


@pytest.mark.parametrize("conduct", ["拒绝", "不提供资料"])
def test_p1_points_to_article_32_and_names_who_should_be_recorded(conduct):
    r = run(_ob(conduct=conduct))
    f = next(x for x in r.findings if x.article == 25)
    assert "责任人员另依第三十二条第一款第（四）项处理" in f.message
    (m,) = [m for m in r.missing_facts if m.needed_for == "第三十二条第一款第（四）项"]
    assert m.field == "liabilities"
    # in words for legal staff (review 2, item 10): the record counted from 1, the behaviour by its item
    assert "（阻挠监督记录第1条），应当在责任追究记录中记录" in m.reason and "行为为第三十二条第一款第（四）项" in m.reason


def test_p1_no_missing_fact_once_the_persons_are_recorded():
    doc = _ob(conduct="不提供资料")
    doc["liabilities"] = [{"id": "ZR-1", "person": "张某", "role": "直接负责的主管人员", "behaviour": 4, "confirmed": True}]
    r = run(doc)
    assert [m for m in r.missing_facts if m.needed_for == "第三十二条第一款第（四）项"] == []
    only(r, "art_032.p1.i4.obstructed_supervision")


def test_p2_refusal_by_another_party_points_to_article_34_and_mere_non_cooperation_does_not():
    f = only(run(_ob(party="其他单位和个人", conduct="拒绝", actor="恩施某物业公司")), "art_025.p2.other_party_did_not_assist")
    assert "有关责任人员另依第三十四条处理" in f.message
    g = only(run(_ob(party="其他单位和个人", conduct="不配合", actor="恩施某物业公司")), "art_025.p2.other_party_did_not_assist")
    assert "未达到第三十四条的阻挠、妨碍" in g.message


@pytest.mark.parametrize(
    ("party", "conduct", "rid"),
    [
        ("被监督机关", "不配合", "art_025.p1.did_not_cooperate"),
        ("被监督机关", "拒绝", "art_025.p1.refused_or_obstructed"),
        ("其他单位和个人", "不配合", "art_025.p2.other_party_did_not_assist"),
    ],
)
def test_only_a_confirmed_record_of_the_right_party_is_a_finding(party, conduct, rid):
    # 经调查属实 only; and 第一款 binds the supervised organ, 第二款 other units and persons
    absent(run(_ob(party=party, conduct=conduct, confirmed=False)), rid)
    if rid.startswith("art_025.p1"):
        absent(run(_ob(party="其他单位和个人", conduct=conduct, actor="恩施某物业公司")), rid)


# ---- 第三十五条: a refusal or obstruction is a step of the supervision (A35-1, A34-2) ----
# The supervision starts on 2025-02-10 and is circulated on 2025-06-10: its later steps are under the
# measures (程序从新); a refusal before 2025-03-01 is not judged under 第二十五条.


def _continuing(party, acted_on):
    doc = _ob(party=party, actor="恩施某砂石公司" if party == "其他单位和个人" else "恩施市市场监督管理局执法大队")
    doc["supervision"].update(started_on="2025-02-10", circulated_on="2025-06-10")
    del doc["obstructions"][0]["on"]
    if acted_on is not None:
        doc["obstructions"][0]["acted_on"] = acted_on
    return doc


@pytest.mark.parametrize(("party", "rule_id", "paragraph"), [
    ("被监督机关", "art_025.p1.refused_or_obstructed", 1), ("其他单位和个人", "art_025.p2.other_party_did_not_assist", 2),
])
def test_a_refusal_before_commencement_is_not_judged_and_from_that_day_is(party, rule_id, paragraph):
    r = run(_continuing(party, "2025-02-28"))
    absent(r, rule_id)
    assert [f for f in r.findings if f.article == 25] == []
    assert "art_032.p1.conduct_before_commencement" not in [n.rule_id for n in r.notes]
    f = only(run(_continuing(party, "2025-03-01")), rule_id)
    assert (f.article, f.paragraph, f.modality.value, f.certainty.value, f.uncertain_facts) == (25, paragraph, "violation", "certain", ())


def test_a_refusal_whose_date_may_precede_commencement_is_only_possible():
    r = run(_continuing("被监督机关", None))  # confirmed, no date: done on a day not recorded (A34-2)
    f = only(r, "art_025.p1.refused_or_obstructed")
    assert (f.article, f.paragraph, f.certainty.value, f.uncertain_facts) == (25, 1, "possible", ("obstructions[0].acted_on（已做，日期不详）",))
    (m,) = [m for m in r.missing_facts if m.field == "obstructions[0].acted_on"]
    assert "施行前的步骤不依第二十五条认定" in m.reason and m.needed_for == "日期"
