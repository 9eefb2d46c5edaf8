"""《行政执法监督条例》第四十二条第二款、第三款 (T-5, T-6, T-7): a local government over a vertically
managed body in its area; a 州 department over the county department of its system."""

from __future__ import annotations

import pytest

from enshi_rules.testing import assert_finding, assert_missing_fact, assert_no_finding, assert_no_note, assert_note

from .mcase import STATE_MARKET, case, run

TAX = {  # a tax bureau as a user enters it: 其他, no parent, vertically managed (issue 12 point 1)
    "id": "422823.sw", "name": "国家税务总局巴东县税务局", "kind": "其他", "level": "县（市）",
    "region": "422823", "vertically_managed": True,
}


def _tax(supervisor: str = "422823", informed=None, confirmed: bool = True, started: str = "2026-03-02"):
    doc = case(organs=[TAX], supervising_organ=supervisor, supervised_organ=TAX["id"])
    doc["supervision"] = {"started_on": started, "situations": [{"item": 1, "confirmed": confirmed, "found_on": started}]}
    if informed is not None:
        doc["supervision"]["superior_informed"] = informed
    return doc


def test_the_measures_stay_excluded_and_the_regulation_speaks():
    report = run(_tax(informed=True), "2026-04-01")
    assert report.in_scope is False
    assert_note(report, rule_id="art_002.p2.vertically_managed", excludes=True, instrument=None)
    n = assert_note(report, rule_id="tl_042.p2.local_government_supervision", excludes=False, cite="《行政执法监督条例》第四十二条第二款", instrument="tiaoli")
    assert (n.article, n.paragraph, n.item, n.excludes) == (42, 2, None, False)
    assert "遵守和执行法律和政策情况" in n.message and "巴东县人民政府" in n.message
    assert "依条例第四十二条第二款" in n.message and "本办法第二条第二款" in n.message
    assert not [f for f in report.findings if f.instrument is None]  # nothing of the measures


def test_problems_passed_on_is_the_duty_performed():
    f = assert_finding(
        run(_tax(informed=True), "2026-04-01"), rule_id="tl_042.p2.problems_passed_on", count=1,
        cite="《行政执法监督条例》第四十二条第二款", modality="shall", performed=True, instrument="tiaoli",
    )
    assert f.citation == "《行政执法监督条例》第四十二条第二款" and f.subject_id == "422823"
    assert "条例第四十二条第二款规定的告知职责" in f.message
    assert f.interpretations == ("T-1", "T-3", "T-5", "T-6")


def test_problems_not_passed_on_is_owed_never_a_violation():
    """及时告知 has no period in the excerpts (T-6): recorded as not told is 应当·尚未履行, not 【违反】."""
    from enshi_rules._evaluate.text_report import finding_tag, render_text

    report = run(_tax(informed=False), "2026-04-01")
    f = assert_finding(report, rule_id="tl_042.p2.problems_not_passed_on", count=1, cite="《行政执法监督条例》第四十二条第二款",
                       modality="shall", performed=False, instrument="tiaoli", subject="巴东县人民政府")
    assert (f.article, f.paragraph, f.item, f.status, f.days_late) == (42, 2, None, None, None)
    assert "应当将发现的问题及时告知其上一级主管部门，尚未履行" in f.message and "依条例第四十二条第二款" in f.message
    assert "案卷记载未告知其上一级主管部门" in f.message and "不认定为违反" in f.message  # what is recorded stays visible
    assert finding_tag(f) == "应当"
    assert not [x for x in report.findings if x.modality == "violation"]
    assert "【违反" not in render_text(report) and "【可能违反" not in render_text(report)
    assert_no_finding(report, rule_id="tl_042.p2.problems_passed_on")


def test_unknown_is_a_missing_fact_never_a_violation():
    report = run(_tax(), "2026-04-01")
    assert_no_finding(report, rule_id="tl_042.p2.problems_*")
    assert_missing_fact(report, "supervision.superior_informed", needed_for="《行政执法监督条例》第四十二条第二款")
    assert_note(report, rule_id="tl_042.p2.local_government_supervision", excludes=False)


def test_without_a_confirmed_problem_nothing_is_owed():
    report = run(_tax(informed=False, confirmed=False), "2026-04-01")
    assert_no_finding(report, rule_id="tl_042.p2.*")
    assert not [m for m in report.missing_facts if m.field == "supervision.superior_informed"]


@pytest.mark.parametrize("informed", [True, False])
def test_before_2026_02_01_the_report_is_the_exclusion_alone(informed):
    report = run(_tax(informed=informed, started="2026-01-30"), "2026-03-01")
    assert_no_finding(report, rule_id="tl_*")
    assert_no_note(report, rule_id="tl_*")
    assert all(n.excludes for n in report.notes)


def test_the_justice_bureau_acts_for_its_government():
    f = assert_finding(run(_tax("422823.sfj", informed=False), "2026-04-01"), rule_id="tl_042.p2.problems_not_passed_on")
    assert "巴东县人民政府" in f.message


@pytest.mark.parametrize("informed", [True, False])
@pytest.mark.parametrize("supervisor", ["422801", "422801.sfj"])  # 恩施市: not where the bureau is
def test_a_government_of_another_area_is_not_this_paragraph(supervisor, informed):
    report = run(_tax(supervisor, informed=informed), "2026-04-01")
    assert_no_note(report, rule_id="tl_042.p2.*")
    assert_no_finding(report, rule_id="tl_042.p2.*")


def test_the_prefecture_government_over_a_county_tax_bureau():
    assert_finding(run(_tax("422800", informed=False), "2026-04-01"), rule_id="tl_042.p2.problems_not_passed_on", modality="shall")


# 第三款

COUNTY_MARKET = case()["organs"][0]


def _own_system(started: str = "2026-03-02", supervised: str = "422801.scjgj"):
    doc = case(supervising_organ=STATE_MARKET["id"], supervised_organ=supervised)
    doc["supervision"] = {"started_on": started}
    return doc


def test_a_prefecture_department_over_the_county_department_is_guidance():
    report = run(_own_system(), "2026-04-01")
    n = assert_note(report, rule_id="tl_042.p3.department_guidance", excludes=False, cite="《行政执法监督条例》第四十二条第三款", instrument="tiaoli")
    assert (n.article, n.paragraph, n.item) == (42, 3, None)
    assert "督促指导" in n.message and "恩施州市场监督管理局对恩施市市场监督管理局" in n.message
    assert "条例对它的规定是第四十二条第三款" in n.message and "本办法第三条第一款" in n.message
    assert n.interpretations == ("T-1", "T-7", "T-8", "T-9")
    assert_note(report, rule_id="art_003.p1.supervision_relation")  # the measures' relation stands


def test_department_supervision_is_not_cited_to_article_2_of_the_regulation():
    """Legal review (c)16: 第二条 covers supervision by 县级以上人民政府; a 州 department over the county
    department is 第四十二条第三款's, and no note of the 条例 cites 第二条 for it (T-9)."""
    report = run(_own_system(), "2026-04-01")
    assert_no_note(report, rule_id="tl_002.*")
    assert_no_note(report, cite="《行政执法监督条例》第二条")
    tiaoli = [n for n in report.notes if n.instrument == "tiaoli"]
    assert [(n.rule_id, n.article, n.paragraph) for n in tiaoli] == [("tl_042.p3.department_guidance", 42, 3)]
    assert "不是条例第二条所说的县级以上人民政府开展的监督" in tiaoli[0].message


# 第一款 (T-9): a department over its own 派出机构


SUO = {"id": "422801.scjgj.lf", "name": "恩施市市场监督管理局龙凤市场监督管理所", "kind": "派出机构", "level": "乡（镇）",
       "region": "422801", "parent": "422801.scjgj", "system": "市场监管"}


def _own_body(started: str = "2026-03-02"):
    doc = case(organs=[COUNTY_MARKET, SUO], supervising_organ="422801.scjgj", supervised_organ=SUO["id"])
    doc["supervision"] = {"started_on": started}
    return doc


def test_a_department_over_its_own_agency_refers_to_the_regulation_under_paragraph_1():
    report = run(_own_body(), "2026-04-01")
    n = assert_note(report, rule_id="tl_042.p1.department_own_body", excludes=False, cite="《行政执法监督条例》第四十二条第一款", instrument="tiaoli")
    assert (n.article, n.paragraph, n.item, n.excludes) == (42, 1, None, False)
    assert "依条例第四十二条第一款，这一监督检查参照条例有关规定执行" in n.message and "第七条至第三十七条第一款" in n.message
    assert n.interpretations == ("T-1", "T-8", "T-9")
    assert_no_note(report, cite="《行政执法监督条例》第二条")
    assert_no_note(report, rule_id="tl_042.p3.*")


def test_before_2026_02_01_no_note_of_paragraph_1():
    assert_no_note(run(_own_body("2026-01-05"), "2026-01-31"), rule_id="tl_*")


def test_a_government_over_its_department_is_article_2_not_article_42():
    doc = case()  # 恩施市司法局 for 恩施市人民政府 over 恩施市市场监督管理局
    doc["supervision"] = {"started_on": "2026-03-02"}
    report = run(doc, "2026-04-01")
    assert_note(report, rule_id="tl_002.p1.applies", cite="《行政执法监督条例》第二条")
    assert_no_note(report, rule_id="tl_042.*")
    assert_no_note(report, rule_id="tl_002.p1.not_government_supervision")


def test_before_2026_02_01_no_guidance_note():
    assert_no_note(run(_own_system("2026-01-05"), "2026-01-31"), rule_id="tl_042.p3.*")


def test_a_county_government_over_its_department_is_not_this_paragraph():
    doc = case()
    doc["supervision"] = {"started_on": "2026-03-02"}
    assert_no_note(run(doc, "2026-04-01"), rule_id="tl_042.p3.*")


@pytest.mark.parametrize("informed", [True, False])
def test_without_a_confirmed_problem_nothing_is_told_or_owed(informed):
    report = run(_tax(informed=informed, confirmed=False), "2026-04-01")
    assert_no_finding(report, rule_id="tl_042.p2.problems_*")
    assert_note(report, rule_id="tl_042.p2.local_government_supervision", excludes=False)


@pytest.mark.parametrize("informed", [True, False])
def test_a_body_that_is_not_vertically_managed_is_not_this_paragraph(informed):
    doc = _tax(informed=informed)
    doc["organs"][0] = {**TAX, "vertically_managed": False, "kind": "工作部门", "parent": "422823", "system": "市场监管"}
    report = run(doc, "2026-04-01")
    assert_no_note(report, rule_id="tl_042.p2.*")
    assert_no_finding(report, rule_id="tl_042.p2.*")
    assert report.in_scope is True


@pytest.mark.parametrize("supervisor", ["422800", "422800.sfj"])
def test_the_prefecture_government_over_a_county_government_is_not_department_guidance(supervisor):
    doc = case(supervising_organ=supervisor, supervised_organ="422801")
    doc["supervision"] = {"started_on": "2026-03-02"}
    report = run(doc, "2026-04-01")
    assert_no_note(report, rule_id="tl_042.p3.*")
    assert_note(report, rule_id="art_003.p1.supervision_relation", excludes=False)


def test_explain_cites_the_unit_of_the_regulation():
    from enshi_rules import explain

    ex = explain(_tax(informed=False) | {"as_of": "2026-04-01"})
    e = next(x for x in ex.findings if x.finding.rule_id == "tl_042.p2.problems_not_passed_on")
    assert e.unit.citation == "《行政执法监督条例》第四十二条第二款"
    assert e.unit.text.endswith("将发现的问题及时告知其上一级主管部门。")


# Legal review (b)10 with T-9: the header line 适用《行政执法监督条例》 (text, JSON, workbench and DOCX all
# read report.applicability.tiaoli through text_report.tiaoli_applicability_zh) says what the notes say.


def test_the_header_of_a_department_matter_follows_its_note():
    import json

    from enshi_rules._evaluate.text_report import render_text, tiaoli_applicability_zh

    guidance = run(_own_system(), "2026-04-01")
    t = guidance.applicability.tiaoli
    assert (t.applicable, t.rule_ids) == ("yes", ("tl_042.p3.department_guidance",))
    assert tiaoli_applicability_zh(guidance).startswith("是（第四十二条第三款：州人民政府工作部门对县（市）相应部门的督促指导；")
    assert "适用《行政执法监督条例》：是（第四十二条第三款" in render_text(guidance)
    assert json.loads(guidance.to_json())["applicability"]["tiaoli"]["applicable"] == "yes"

    own = run(_own_body(), "2026-04-01")
    assert own.applicability.tiaoli.rule_ids == ("tl_042.p1.department_own_body",)
    assert tiaoli_applicability_zh(own).startswith("是（第四十二条第一款：部门对所属机构、派出机构的监督检查参照条例有关规定执行；")


def test_the_header_of_a_department_over_a_township_cannot_say():
    import json

    from enshi_rules._evaluate.text_report import render_text

    doc = case(supervising_organ="422801.scjgj", supervised_organ="422801.lhz.zhzf")
    doc["enforcement_action"]["system"] = "市场监管"
    doc["supervision"] = {"started_on": "2026-03-02"}
    report = run(doc, "2026-04-01")
    t = report.applicability.tiaoli
    assert (t.applicable, t.rule_ids) == ("undetermined", ("tl_002.p1.not_government_supervision",))
    assert "不在条例第二条之内" in t.reason
    assert "适用《行政执法监督条例》：不能确定（监督机关不是县级以上人民政府或者其司法行政部门" in render_text(report)
    assert json.loads(report.to_json())["applicability"]["tiaoli"]["applicable"] == "undetermined"


def test_the_header_of_a_government_matter_is_unchanged():
    from enshi_rules._evaluate.text_report import tiaoli_applicability_zh

    doc = case()
    doc["supervision"] = {"started_on": "2026-03-02"}
    report = run(doc, "2026-04-01")
    assert report.applicability.tiaoli.rule_ids == ("tl_002.p1.applies",)
    assert tiaoli_applicability_zh(report) == "是（2026年2月1日以后的步骤；只编码了已核对原文的节录，其他规定须人工核对）"
