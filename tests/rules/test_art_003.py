"""第三条: the supervision relations of 第一款 and the enforcement activities of 第二款."""

from __future__ import annotations

import json

import pytest

from enshi_rules import Modality
from enshi_rules.errors import CaseValidationError
from enshi_rules.testing import assert_no_note, assert_note

from .casebuilder import MARKET, absent, case, not_supervision, only, run


def _once_on_the_organs(report, rule_id, supervising, supervised, **criteria):
    """The one note of ``rule_id``, resting on the two organs whose relation it states: the matter
    fact of 《行政执法监督条例》 (``tiaoli_matter``) carries the same relation, but the note is the
    measures' and comes once, from the relation of the organs."""
    assert [n.rule_id for n in report.notes].count(rule_id) == 1, [n.rule_id for n in report.notes]
    note = assert_note(report, rule_id=rule_id, **criteria)
    assert note.facts == (supervising, supervised)
    return note


def _relation(report, supervising="422801.sfj", supervised="422801.scjgj"):
    return _once_on_the_organs(report, "art_003.p1.supervision_relation", supervising, supervised, cite="第三条第一款", excludes=False)


@pytest.mark.parametrize(
    ("supervising", "supervised", "organs", "phrase"),
    [
        ("422800", "422801", [], "上级人民政府对下级人民政府"),
        ("422801", "422801.scjgj", [MARKET], "人民政府对其工作部门"),
        ("422801.sfj", "422801.scjgj", [MARKET], "司法行政部门承担本级人民政府行政执法监督具体工作（人民政府对其工作部门）"),
        ("422800.sfj", "422802", [], "司法行政部门承担本级人民政府行政执法监督具体工作（上级人民政府对下级人民政府）"),
        (
            "422801",
            "422801.jd1",
            [{"id": "422801.jd1", "name": "舞阳坝街道办事处", "kind": "派出机关", "level": "街道", "region": "422801", "parent": "422801"}],
            "人民政府对其派出机关、派出机构",
        ),
        (
            "422800.scjgj",
            "422801.scjgj",
            [MARKET, {"id": "422800.scjgj", "name": "恩施州市场监督管理局", "kind": "工作部门", "level": "州", "region": "422800", "parent": "422800", "system": "市场监管"}],
            "人民政府工作部门对本系统",
        ),
    ],
)
def test_each_supervision_relation_of_paragraph_1(supervising, supervised, organs, phrase):
    doc = case()
    doc["organs"], doc["supervising_organ"], doc["supervised_organ"] = organs, supervising, supervised
    report = run(doc, "2025-06-30")
    note = _relation(report, supervising, supervised)
    assert note.citation == "《恩施土家族苗族自治州行政执法监督办法》第三条第一款"
    assert phrase in note.message
    absent(report, "art_003.p1.no_supervision_relation")


def test_a_matter_the_tiaoli_reaches_too_has_one_relation_note_of_paragraph_1():
    # steps from 2026-02-01: 《行政执法监督条例》 applies beside the measures (tl_002.p1.applies), and
    # its matter fact carries the organs' relation; 第三条第一款's note still comes once, on the organs
    doc = case(started_on="2026-03-10", situations=[{"item": 1, "confirmed": True, "found_on": "2026-03-10"}])
    doc["supervising_organ"] = "422801"
    doc["enforcement_action"]["acted_on"] = "2026-02-20"
    report = run(doc, "2026-06-30")
    assert_note(report, rule_id="tl_002.p1.applies", cite="《行政执法监督条例》第二条")
    note = _relation(report, "422801", "422801.scjgj")
    assert "人民政府对其工作部门" in note.message
    absent(report, "art_003.p1.no_supervision_relation")


@pytest.mark.parametrize(
    ("supervising", "supervised"),
    [
        ("422802.sfj", "422801.scjgj"),  # another county's justice bureau
        ("422801", "422800"),  # a lower government over a higher one
        ("422802", "422801"),  # two county governments
        ("422801.sfj", "422801"),  # a bureau over its own government
    ],
)
def test_no_relation_is_a_note_never_a_violation_of_the_definition(supervising, supervised):
    """第三条第一款 is a definition ("本办法所称行政执法监督，是指……") and imposes no duty (A03-5, legal
    review (a)8): no relation is said as a note (not supervision within 第一款, no 行政执法监督机关 of
    第三款, no effect under 第二十七条、第二十八条), never as 【违反】 of 第三条第一款."""
    from enshi_rules._evaluate.text_report import render_text
    from enshi_rules.rules import all_rules

    doc = case()
    doc["supervising_organ"], doc["supervised_organ"] = supervising, supervised
    report = run(doc, "2025-06-30")
    n = not_supervision(report, "art_003.p1.no_supervision_relation", cite="第三条第一款")
    assert (n.article, n.paragraph, n.item, n.excludes) == (3, 1, None, False)
    r = all_rules()["art_003.p1.no_supervision_relation"]
    assert r.note and r.modality is Modality.SHALL and r.modality is not Modality.VIOLATION
    assert "第三条第三款所称的行政执法监督机关" in n.message
    assert report.in_scope is True and not [f for f in report.findings if f.article == 3]
    text = render_text(report)
    assert "【违反】" not in text and "无权对其实施行政执法监督" in text.split("二、认定事项")[0]
    absent(report, "art_003.p1.supervision_relation")


def test_listed_enforcement_activity():
    report = run(case(), "2025-06-30")
    note = assert_note(report, rule_id="art_003.p2.listed_activity", excludes=False, message_contains="属于第三条第二款所列")
    assert "行政处罚" in note.message
    assert note.citation == "《恩施土家族苗族自治州行政执法监督办法》第三条第二款"
    assert_no_note(report, rule_id="art_003.p2.other_activity")


def test_other_enforcement_activity_asks_for_human_judgement():
    doc = case()
    doc["enforcement_action"]["kind"] = "其他"
    report = run(doc, "2025-06-30")
    note = assert_note(report, rule_id="art_003.p2.other_activity", cite="第三条第二款", excludes=False, message_contains="不属于第三条第二款列举")
    assert "人工判断" in note.message
    assert_no_note(report, rule_id="art_003.p2.listed_activity")
    assert report.in_scope is True


def test_no_enforcement_action_no_activity_note():
    doc = case()
    del doc["enforcement_action"]
    report = run(doc, "2025-06-30")
    assert_no_note(report, cite="第三条第二款")


def test_without_competence_nothing_else_of_the_matter_is_judged():
    # two county governments: the letter, the rectification and the decision are not judged
    doc = case(suggestion_letter={"id": "JYS-1", "issued_on": "2025-04-01", "received_on": "2025-04-03"})
    doc["supervising_organ"], doc["supervised_organ"] = "422801", "422802"
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": "2025-06-10", "received_on": "2025-06-11"}
    report = run(doc, "2025-08-30")
    assert report.findings == ()
    assert "不再认定" in not_supervision(report, "art_003.p1.no_supervision_relation").message
    assert report.in_scope is True  # the measures apply; this organ may not act under them


HEALTH = {"id": "422801.wjj", "name": "恩施市卫生健康局", "kind": "工作部门", "level": "县（市）", "region": "422801", "parent": "422801", "system": "卫生健康"}


def _conduct_case():
    doc = case(suggestion_letter={"id": "JYS-1", "issued_on": "2025-04-01", "received_on": "2025-04-03"})
    doc["organs"] = [MARKET, HEALTH]
    doc["conduct"] = [{"id": "M1", "person": "张三", "role": "直接负责的主管人员", "behaviour": "滥用职权", "confirmed": True}]
    doc["inspections"] = [
        {
            "id": "I1", "on_site": True, "conducted_on": "2025-03-20", "measures": [2],
            "supervisors": [{"name": "李四", "certificate_shown": False}, {"name": "赵六", "certificate_shown": True}],
            "confidential": ["商业秘密"], "confidentiality_breached": True,
        }
    ]
    doc["complaints"] = [{"id": "C1", "complainant": "公民", "received_on": "2025-03-15"}]
    doc["clues"] = [{"id": "K1", "person": "王五", "kind": "失职渎职", "found_on": "2025-03-20"}]
    return doc


def test_without_competence_the_procedure_halts_but_conduct_is_judged():
    # A03-5: 恩施市卫生健康局 "supervising" 恩施市市场监督管理局 (no relation): the procedure of
    # 第二十六至二十八条 halts; on-site conduct (24), complaints (10), clues (31), misconduct (33) are judged
    doc = _conduct_case()
    doc["supervising_organ"] = "422801.wjj"
    report = run(doc, "2025-06-30")
    assert sorted(f.rule_id for f in report.findings) == sorted(
        [
            "art_010.p2.complaint_unhandled",
            "art_024.p1.i1.at_least_two",
            "art_024.p1.i1.certificate_not_shown",
            "art_024.p1.i3.confidentiality_breached",
            "art_031.p1.transfer_required",
            "art_033.p1.supervisor_misconduct",
        ]
    )
    assert "仍予认定" in not_supervision(report, "art_003.p1.no_supervision_relation").message
    assert only(report, "art_024.p1.i1.certificate_not_shown").modality is Modality.VIOLATION
    # what only a competent supervisor may do is not reported as permitted
    assert not any(f.article in (17, 23, 26, 27, 28, 29, 30) for f in report.findings)


def test_with_competence_the_same_case_judges_the_procedure_too():
    doc = _conduct_case()  # supervised by 恩施市司法局 (for its government)
    report = run(doc, "2025-06-30")
    ids = report.rule_ids()
    assert "art_003.p1.no_supervision_relation" not in ids
    assert {"art_017.p1.inspection", "art_023.p1.i2.examine_files", "art_027.p2.rectify.overdue"} <= set(ids)
    assert {"art_010.p2.complaint_unhandled", "art_024.p1.i3.confidentiality_breached", "art_031.p1.transfer_required"} <= set(ids)


# 第三条第一款 工作部门对本系统: the system is a closed vocabulary (A03-6, issue 12 point 7)

_STATE = {"id": "422800.scjgj", "name": "恩施州市场监督管理局", "kind": "工作部门", "level": "州", "region": "422800", "parent": "422800"}


def _system_case(state_system, county_system):
    doc = case()
    doc["organs"] = [dict(MARKET, system=county_system), dict(_STATE, system=state_system)]
    for o in doc["organs"]:
        if o["system"] is None:
            del o["system"]
    doc["supervising_organ"] = "422800.scjgj"
    return doc


def test_an_alias_of_a_system_is_the_system():
    report = run(_system_case("市场监督管理", "市场监管"), "2025-06-30")
    assert "人民政府工作部门对本系统" in _relation(report, "422800.scjgj", "422801.scjgj").message
    assert "art_003.p1.no_supervision_relation" not in report.rule_ids()


def test_an_unknown_system_is_a_validation_problem_listing_the_allowed_values():
    with pytest.raises(CaseValidationError) as exc:
        run(_system_case("市场管理", "市场监管"), "2025-06-30")
    [p] = exc.value.problems
    assert p.path == "organs[1].system"
    assert "市场管理" in p.message_zh and "市场监管" in p.message_zh and "自然资源" in p.message_zh


def test_a_case_may_add_a_system_and_its_aliases():
    doc = _system_case("市场管理", "市管")
    doc["systems"] = {"市场管理": ["市管"]}
    report = run(doc, "2025-06-30")
    assert "人民政府工作部门对本系统" in _relation(report, "422800.scjgj", "422801.scjgj").message


def test_a_missing_system_is_a_missing_fact_never_a_violation():
    report = run(_system_case(None, "市场监管"), "2025-06-30")
    assert "art_003.p1.no_supervision_relation" not in report.rule_ids()
    note = _once_on_the_organs(report, "art_003.p1.system_unknown", "422800.scjgj", "422801.scjgj", excludes=False)
    assert (note.article, note.paragraph, note.excludes) == (3, 1, False)
    assert [m.field for m in report.missing_facts] == ["organs[422800.scjgj].system"]
    assert report.findings == ()  # the procedure waits for the fact


def test_different_systems_recorded_are_no_relation():
    report = run(_system_case("自然资源", "市场监管"), "2025-06-30")
    not_supervision(report, "art_003.p1.no_supervision_relation")
    assert_no_note(report, rule_id="art_003.p1.system_unknown")


def test_a_registry_file_may_add_a_system(tmp_path):
    from enshi_rules import jurisdiction

    path = tmp_path / "registry.json"
    organs = [dict(_STATE, system="市场管理"), dict(MARKET, system="市管")]
    path.write_text(json.dumps({"systems": {"市场管理": ["市管"]}, "organs": organs}, ensure_ascii=False), encoding="utf-8")
    reg = jurisdiction.load_registry(path)
    assert reg["422801.scjgj"].system == "市场管理"
    assert jurisdiction.competence("422800.scjgj", "422801.scjgj", organs=reg).relation == "own_system"
    path.write_text(json.dumps({"organs": organs}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CaseValidationError) as exc:
        jurisdiction.load_registry(path)
    assert {p.path for p in exc.value.problems} == {"organs[0].system", "organs[1].system"}


# ---- 委托执法: an act done under 委托 (legal review (c)17, A03-7) ----
# The measures say nothing of 委托 (第二十三条第（四）项's 委托 is of social organisations for an
# appraisal, not of an enforcement act); who is the 被监督机关 stays the case's supervised_organ, and
# a note says the act was done under 委托 and who answers for it, never a finding.

TOWNSHIP = {"id": "422801.lfz", "name": "恩施市龙凤镇人民政府", "kind": "人民政府", "level": "乡（镇）", "region": "422801", "parent": "422801"}
NATURAL = {"id": "422801.zrzyj", "name": "恩施市自然资源和规划局", "kind": "工作部门", "level": "县（市）", "region": "422801",
           "parent": "422801", "system": "自然资源"}


def _entrusted(supervised: str, entrusted_by: str | None = "422801.zrzyj"):
    # c2 of the legal review: a township fining on behalf of the county's bureau of natural resources
    doc = case()
    doc["organs"] = [MARKET, TOWNSHIP, NATURAL]
    doc["supervised_organ"] = supervised
    if entrusted_by is not None:
        doc["enforcement_action"]["entrusted_by"] = entrusted_by
    return doc


def test_an_act_done_under_entrustment_is_a_note_naming_the_entrusting_organ():
    report = run(_entrusted("422801.lfz"), "2025-06-30")
    note = assert_note(report, rule_id="art_003.p3.entrusted_act", cite="第三条第三款", excludes=False)
    assert (note.article, note.paragraph, note.item, note.certainty.value) == (3, 3, None, "certain")
    assert "受恩施市自然资源和规划局委托实施" in note.message and "本办法对委托执法没有规定" in note.message
    assert "委托机关对该行为负责监督并承担其法律后果" in note.message and "须人工判断" in note.message
    assert "A03-7" in note.interpretations
    assert_no_note(report, rule_id="art_003.p3.entrusting_organ_supervised")
    # nothing else changes: the township is still the supervised organ the findings name
    assert report.in_scope is True
    assert {f.subject_id for f in report.findings if f.subject_id == "422801.zrzyj"} == set()
    assert not [f for f in report.findings if f.article == 3]


def test_the_entrusting_organ_recorded_as_the_supervised_organ_is_a_note_that_it_answers():
    report = run(_entrusted("422801.zrzyj"), "2025-06-30")
    note = assert_note(report, rule_id="art_003.p3.entrusting_organ_supervised", cite="第三条第三款", excludes=False)
    assert "以委托机关恩施市自然资源和规划局为被监督机关" in note.message and "A03-7" in note.interpretations
    assert_no_note(report, rule_id="art_003.p3.entrusted_act")


def test_no_entrustment_recorded_no_note_of_paragraph_3():
    report = run(_entrusted("422801.lfz", entrusted_by=None), "2025-06-30")
    assert_no_note(report, cite="第三条第三款")


def test_an_unknown_entrusting_organ_is_refused_naming_the_field():
    with pytest.raises(CaseValidationError, match=r"enforcement_action\.entrusted_by"):
        run(_entrusted("422801.lfz", entrusted_by="422801.nosuch"), "2025-06-30")
