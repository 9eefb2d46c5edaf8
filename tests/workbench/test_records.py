"""The guided form's repeatable records (legal review 2, item 13), through the test client.

For each section of ``_records.SECTIONS`` (现场监督 第二十三条、第二十四条, …):
the form posted builds the case document field by field (compared whole, so a field the form drops
fails); the report cites the expected 条/款/项 with the expected label; 修改案件 opens the form with
every field, and the form submitted as the browser would submit it builds the same document again;
a row is added and removed; invalid input is refused at its field with the Chinese name of the row
and the field.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

lxml_html = pytest.importorskip("lxml.html")

from enshi_rules.workbench import _records, _trial  # noqa: E402


def page(resp):
    return lxml_html.fromstring(resp.text)


def text_of(el) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def findings(doc) -> list[tuple[str, str, str, str, str]]:
    """Each finding shown: (rule id, label, citation, its link, the whole text)."""
    out = []
    for li in doc.xpath("//li[contains(@class,'finding ')]"):
        a = li.xpath(".//a[@class='citation']")[0]
        out.append((li.get("data-rule"), text_of(li.xpath(".//span[@class='label']")[0]), text_of(a), a.get("href"), text_of(li)))
    return out


def posted_document(doc) -> dict[str, Any]:
    """The case document the report was computed from (the one 下载 Word and 修改案件 post)."""
    return json.loads(doc.xpath("//form[@action='/try/edit']/input[@name='case_json']/@value")[0])


def _as_mapping(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            out[k] = (out[k] if isinstance(out[k], list) else [out[k]]) + [v]
        else:
            out[k] = v
    return out


def submitted_as_a_browser_would(doc, **extra: str) -> dict[str, Any]:
    """The trial form's successful controls (what a browser posts when 试算 is pressed), in the
    form mode: text inputs, selected options, checked boxes, hidden row counts."""
    form = doc.xpath("//form[@class='trial']")[0]
    return _as_mapping([(k, v) for k, v in form.form_values() if k != "mode"] + [("mode", "form")] + list(extra.items()))


def assert_the_form_round_trips(client, case: dict[str, Any]) -> Any:
    """修改案件 opens the guided form (not the JSON) holding all of ``case``; the form submitted
    unchanged builds exactly ``case`` again. Returns the report page of the second submission."""
    r = client.post("/try/edit", data={"case_json": json.dumps(case, ensure_ascii=False)})
    assert r.status_code == 200
    doc = page(r)
    assert doc.xpath("//input[@id='mode-form']/@checked"), "修改案件 should open the form"
    again = client.post("/try", data=submitted_as_a_browser_would(doc))
    assert again.status_code == 200, again.text[:3000]
    rebuilt = posted_document(page(again))
    assert rebuilt == case
    return page(again)


def form_post(**fields: Any) -> dict[str, Any]:
    return {"mode": "form", **fields}


def test_every_record_field_has_a_label_and_every_id_is_unique(client):
    """The form as first shown and as 修改案件 shows a case with every section filled."""
    from tests.workbench.test_pages import assert_every_control_labelled, assert_nothing_from_another_host

    docs = [page(client.get("/try"))]
    case = posted_document(page(client.post("/try", data=form_post(**INSPECTION_FORM))))
    docs.append(page(client.post("/try/edit", data={"case_json": json.dumps(case, ensure_ascii=False)})))
    for doc in docs:
        assert_every_control_labelled(doc)
        assert_nothing_from_another_host(doc)
        ids = doc.xpath("//@id")
        assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


# ---------------------------------------------------------------------------- 现场监督（第二十三条、第二十四条）

INSPECTION_FORM = {
    "as_of": "2026-10-01",
    "case_id": "JC-FORM",
    "supervising_organ": "422800",
    "supervised_organ": "422822",
    "inspections[0].id": "JC-1",
    "inspections[0].on_site": "true",
    "inspections[0].conducted_on": "2026-09-08",
    "inspections[0].supervisors[0].name": "向某",
    "inspections[0].supervisors[0].certificate_no": "鄂执监4228000012",
    "inspections[0].supervisors[0].certificate_shown": "false",
    "inspections[0].supervisors[0].conflict_of_interest": "false",
    "inspections[0].supervisors[1].name": "冉某",
    "inspections[0].supervisors[1].certificate_shown": "true",
    "inspections[0].supervisors[1].conflict_of_interest": "true",
    "inspections[0].supervisors[1].withdrew": "true",
    "inspections[0].measures": ["2", "5"],
    "inspections[0].confidential": ["商业秘密", "个人隐私"],
    "inspections[0].confidentiality_breached": "true",
    # row 1 left empty: dropped, and row 2 becomes the document's second record
    "inspections[2].id": "JC-2",
    "inspections[2].on_site": "false",
    "inspections[2].conducted_on": "2026-09-17",
    "inspections[2].conducted_on~how": "month",
    "inspections[2].supervisors[0].name": "田某",
    "inspections[2].supervisors[0].certificate_shown": "false",
    "inspections[2].supervisors[0].withdrew": "false",
    "inspections~rows": "3",
}

INSPECTIONS = [
    {
        "id": "JC-1",
        "on_site": True,
        "conducted_on": "2026-09-08",
        "supervisors": [
            {"name": "向某", "certificate_no": "鄂执监4228000012", "certificate_shown": False, "conflict_of_interest": False},
            {"name": "冉某", "certificate_shown": True, "conflict_of_interest": True, "withdrew": True},
        ],
        "measures": [2, 5],
        "confidential": ["商业秘密", "个人隐私"],
        "confidentiality_breached": True,
    },
    {
        "id": "JC-2",
        "on_site": False,
        "conducted_on": "2026-09",  # 只知月份: the day picked (17) is not kept
        "supervisors": [{"name": "田某", "certificate_shown": False, "withdrew": False}],
    },
]


def test_the_form_offers_the_inspection_fields_each_labelled_with_its_article(client):
    doc = page(client.get("/try"))
    section = doc.get_element_by_id("f-section-inspections")
    assert "第二十三条、第二十四条" in text_of(section.xpath("./summary")[0])
    labels = {el.get("for"): text_of(el) for el in section.xpath(".//label[@for]")}
    assert labels["f-inspections-0-on_site"] == "是否现场行政执法监督活动（第二十四条第（一）项）"
    assert labels["f-inspections-0-supervisors-1-certificate_shown"] == "是否出示行政执法监督证件（第二十四条第（一）项） （必填）"
    assert labels["f-inspections-0-supervisors-0-withdrew"].startswith("是否回避（第二十四条第（二）项")
    assert labels["f-inspections-0-confidentiality_breached"] == "有关秘密或者隐私是否被泄露（第二十四条第（三）项）"
    legends = [text_of(x) for x in section.xpath(".//fieldset[contains(@class,'checks')]/legend")]
    assert legends == ["采取的监督措施（第二十三条）", "监督事项涉及（第二十四条第（三）项）"]
    assert section.xpath(".//input[@name='inspections[0].measures']/@value") == [str(i) for i in range(1, 8)]
    # two supervisors to start with; the date has its precision and the sentence saying what is ignored
    assert len(section.xpath(".//fieldset[contains(@class,'record')][legend[starts-with(.,'现场监督记录1·监督人员')]]")) == 2
    assert section.xpath(".//select[@name='inspections[0].conducted_on~how']/option/@value") == ["", "month", "year"]
    note = text_of(doc.get_element_by_id("f-inspections-0-conducted_on-note"))
    assert "只知月份" in note and "所选的日被忽略" in note and "所选的月、日被忽略" in note


def test_inspections_posted_build_the_document_field_by_field(client):
    r = client.post("/try", data=form_post(**INSPECTION_FORM))
    assert r.status_code == 200, r.text[:3000]
    doc = page(r)
    assert posted_document(doc)["inspections"] == INSPECTIONS
    shown = findings(doc)
    by_rule = {f[0]: f for f in shown}
    assert by_rule["art_024.p1.i1.certificate_not_shown"][1:4] == ("【违反】", "第二十四条第（一）项", "/articles/24#art_24__para_1__item_1")
    assert "2026年9月8日的现场监督（JC-1）中向某未出示行政执法监督证件" in by_rule["art_024.p1.i1.certificate_not_shown"][4]
    # 冉某 withdrew: not counted, so one person took part
    assert by_rule["art_024.p1.i1.too_few_supervisors"][1:3] == ("【违反】", "第二十四条第（一）项")
    assert "只有1名行政执法监督人员参加（回避者不计）" in by_rule["art_024.p1.i1.too_few_supervisors"][4]
    assert by_rule["art_024.p1.i2.withdrew"][1:4] == ("【应当·已履行】", "第二十四条第（二）项", "/articles/24#art_24__para_1__item_2")
    assert "冉某已回避" in by_rule["art_024.p1.i2.withdrew"][4]
    assert by_rule["art_024.p1.i3.confidentiality_breached"][1:3] == ("【违反】", "第二十四条第（三）项")
    assert "涉及商业秘密、个人隐私" in by_rule["art_024.p1.i3.confidentiality_breached"][4]
    assert by_rule["art_023.p1.i2.examine_files"][1:3] == ("【可以】", "第二十三条第（二）项")
    assert by_rule["art_023.p1.i5.question_persons"][1:3] == ("【可以】", "第二十三条第（五）项")
    # JC-2 is not on site: 第二十四条第（一）项 says nothing of it (田某 showed no certificate)
    assert [f[0] for f in shown if "JC-2" in f[4] and f[0].startswith("art_024.p1.i1")] == []
    assert sum(f[0] == "art_024.p1.i1.certificate_not_shown" for f in shown) == 1


def test_inspections_round_trip_through_edit(client):
    case = posted_document(page(client.post("/try", data=form_post(**INSPECTION_FORM))))
    doc = page(client.post("/try/edit", data={"case_json": json.dumps(case, ensure_ascii=False)}))
    # the month shown as the first of the month with 只知月份 chosen
    assert doc.xpath("//input[@name='inspections[1].conducted_on']/@value") == ["2026-09-01"]
    assert doc.xpath("//select[@name='inspections[1].conducted_on~how']/option[@selected]/@value") == ["month"]
    assert doc.xpath("//input[@name='inspections[0].measures'][@checked]/@value") == ["2", "5"]
    assert doc.xpath("//input[@name='inspections[0].supervisors[0].certificate_no']/@value") == ["鄂执监4228000012"]
    assert doc.xpath("//details[@id='f-section-inspections']/@open")
    again = assert_the_form_round_trips(client, case)
    assert {f[0] for f in findings(again)} == {f[0] for f in findings(page(client.post("/try", data=form_post(**INSPECTION_FORM))))}


def test_an_example_with_an_inspection_and_other_sections_opens_as_a_document(client):
    # jurisdiction_township_trade also has a dispute and deficiencies, which the form does not hold
    doc = page(client.get("/try", params={"example": "jurisdiction_township_trade"}))
    assert doc.xpath("//input[@id='mode-paste']/@checked")


def test_an_inspection_with_a_supervisor_missing_a_required_answer_is_refused_at_the_field(client):
    data = dict(INSPECTION_FORM)
    del data["inspections[0].supervisors[1].certificate_shown"]
    r = client.post("/try", data=form_post(**data))
    assert r.status_code == 422
    doc = page(r)
    summary = doc.get_element_by_id("error-summary")
    assert [text_of(li) for li in summary.xpath(".//li")] == ["现场监督记录1·监督人员2·是否出示证件：缺少必填字段 / Field required"]
    assert summary.xpath(".//a/@href") == ["#f-inspections-0-supervisors-1-certificate_shown"]
    field = doc.get_element_by_id("f-inspections-0-supervisors-1-certificate_shown")
    assert field.get("aria-invalid") == "true" and "缺少必填字段" in text_of(field.getparent())
    # what was typed is kept, in the renumbered rows (the empty row dropped)
    assert doc.xpath("//input[@name='inspections[1].id']/@value") == ["JC-2"]
    assert doc.xpath("//select[@name='inspections[1].conducted_on~how']/option[@selected]/@value") == ["month"]
    assert doc.xpath("//input[@name='inspections~rows']/@value") == ["2"]
    assert doc.xpath("//input[@name='inspections[0].confidential'][@checked]/@value") == ["商业秘密", "个人隐私"]


def test_an_inspection_after_the_as_of_date_is_refused_at_its_renumbered_row(client):
    data = {**INSPECTION_FORM, "inspections[2].conducted_on": "2026-11-03", "inspections[2].conducted_on~how": ""}
    r = client.post("/try", data=form_post(**data))
    assert r.status_code == 422
    doc = page(r)
    summary = doc.get_element_by_id("error-summary")
    assert [text_of(li) for li in summary.xpath(".//li")] == [
        "现场监督记录2·日期：日期 2026-11-03 晚于判断日 2026-10-01 / date 2026-11-03 is after the as-of date 2026-10-01"
    ]
    assert summary.xpath(".//a/@href") == ["#f-inspections-1-conducted_on"]
    field = doc.get_element_by_id("f-inspections-1-conducted_on")
    assert field.get("aria-invalid") == "true" and field.get("value") == "2026-11-03"


def test_a_month_without_a_day_in_a_record_is_refused_at_its_field(client):
    data = {**INSPECTION_FORM, "inspections[2].conducted_on": ""}
    r = client.post("/try", data=form_post(**data))
    assert r.status_code == 422
    doc = page(r)
    assert "日期无效" in text_of(doc.get_element_by_id("f-inspections-1-conducted_on").getparent())
    assert doc.xpath("//select[@name='inspections[1].conducted_on~how']/option[@selected]/@value") == ["month"]


def test_rows_are_added_and_removed_keeping_what_was_typed(client):
    data = form_post(**INSPECTION_FORM, row_action="add:inspections[0].supervisors")
    doc = page(client.post("/try/rows", data=data))
    assert doc.xpath("//input[@id='mode-form']/@checked")
    assert doc.xpath("//input[@name='inspections[0].supervisors~rows']/@value") == ["3"]
    assert doc.xpath("//input[@name='inspections[0].supervisors[2].name']/@value") == [""]
    assert doc.xpath("//input[@name='inspections[0].supervisors[1].name']/@value") == ["冉某"]
    assert doc.xpath("//input[@name='inspections[0].measures'][@checked]/@value") == ["2", "5"]
    assert doc.xpath("//details[@id='f-section-inspections']/@open") and not doc.xpath("//details[@id='f-section-liabilities']/@open")
    # the button that adds a row and the one that removes each row post to /try/rows
    assert doc.xpath("//button[@value='add:inspections']/@formaction") == ["/try/rows#f-inspections-3"]
    assert text_of(doc.xpath("//button[@value='remove:inspections[0].supervisors[1]']")[0]) == "删除现场监督记录1·监督人员2"
    # remove the first record: the others move up, nothing of them lost
    doc = page(client.post("/try/rows", data=form_post(**INSPECTION_FORM, row_action="remove:inspections[0]")))
    assert doc.xpath("//input[@name='inspections~rows']/@value") == ["2"]
    assert doc.xpath("//input[@name='inspections[1].id']/@value") == ["JC-2"]
    assert doc.xpath("//input[@name='inspections[1].supervisors[0].name']/@value") == ["田某"]
    assert doc.xpath("//select[@name='inspections[1].conducted_on~how']/option[@selected]/@value") == ["month"]
    assert not doc.xpath("//input[@name='inspections[2].id']")
    r = client.post("/try", data=submitted_as_a_browser_would(doc))
    assert posted_document(page(r))["inspections"] == INSPECTIONS[1:]


def test_a_row_action_for_a_list_the_form_does_not_have_changes_nothing(client):
    data = form_post(**INSPECTION_FORM)
    for action in ("add:nothing", "remove:case_id[0]", "remove:inspections", "", "add:inspections[0].measures"):
        doc = page(client.post("/try/rows", data=data | {"row_action": action}))
        assert doc.xpath("//input[@name='inspections~rows']/@value") == ["3"], action


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("inspections[0].supervisors[1].certificate_shown", "现场监督记录1·监督人员2·是否出示证件"),
        ("inspections[1]", "现场监督记录2"),
        ("inspections[0].measures[3]", "现场监督记录1·监督措施"),
        ("inspections[0].nope", None),
        ("supervision.situations[0].item", None),
    ],
)
def test_the_error_summary_names_a_record_field_in_chinese(path, name):
    assert _records.field_name(path) == name
    if name is not None:
        assert _trial.field_name(path) == name


# ---------------------------------------------------------------------------- 责任追究与容错（第三十二条）

LIABILITY_FORM = {
    "as_of": "2025-11-20",
    "case_id": "ZR-FORM",
    "supervising_organ": "422823.sfj",
    "supervised_organ": "__new__",
    "organs[0].id": "422823.zrzyj",
    "organs[0].name": "巴东县自然资源和规划局",
    "organs[0].kind": "工作部门",
    "organs[0].level": "县（市）",
    "organs[0].region": "422823",
    "organs[0].parent": "422823",
    "enforcement_action.kind": "行政强制",
    "supervision.started_on": "2025-09-01",
    "liabilities[0].id": "ZR-1",
    "liabilities[0].person": "谭某",
    "liabilities[0].organ": "__new__",
    "liabilities[0].role": "直接负责的主管人员",
    "liabilities[0].behaviour": "3",
    "liabilities[0].description": "划定封闭范围，未复核监测数据",
    "liabilities[0].acted_on": "2025-07-08",
    "liabilities[0].confirmed": "true",
    "liabilities[0].tolerance": "true",
    "liabilities[0].tolerance.lawful_performance": "true",
    "liabilities[0].tolerance.objective_cause": "true",
    "liabilities[0].tolerance.duties_performed": "true",
    "liabilities[1].id": "ZR-2",
    "liabilities[1].count": "2",
    "liabilities[1].role": "其他直接责任人员",
    "liabilities[1].behaviour": "6",
    "liabilities[1].acted_on": "2025-07-19",
    "liabilities[1].acted_on~how": "month",
    "liabilities[1].confirmed": "true",
    "liabilities[1].suspected_crime": "true",
    "liabilities[1].tolerance": "true",
    "liabilities[1].tolerance.lawful_performance": "true",
    "liabilities[1].tolerance.duties_performed": "false",
    "liabilities[2].id": "ZR-3",
    "liabilities[2].person": "李某",
    "liabilities[2].role": "直接负责的主管人员",
    "liabilities[2].behaviour": "1",
    "liabilities[2].acted_on": "2024-06-30",
    "liabilities[2].acted_on~how": "year",
    "liabilities[2].confirmed": "true",
    "liabilities[2].suspected_crime": "false",
    "liabilities[3].id": "ZR-4",
    "liabilities[3].person": "周某",
    "liabilities[3].role": "其他直接责任人员",
    "liabilities[3].behaviour": "2",
    "liabilities[3].acted_on~how": "done",
    "liabilities[3].confirmed": "true",
    "liabilities[3].tolerance": "true",
    "liabilities~rows": "4",
}

LIABILITIES = [
    {
        "id": "ZR-1", "person": "谭某", "organ": "422823.zrzyj", "role": "直接负责的主管人员", "behaviour": 3,
        "description": "划定封闭范围，未复核监测数据", "acted_on": "2025-07-08", "confirmed": True,
        "tolerance": {"lawful_performance": True, "objective_cause": True, "duties_performed": True},
    },
    {
        "id": "ZR-2", "count": 2, "role": "其他直接责任人员", "behaviour": 6, "acted_on": "2025-07", "confirmed": True,
        "suspected_crime": True, "tolerance": {"lawful_performance": True, "duties_performed": False},
    },
    {
        "id": "ZR-3", "person": "李某", "role": "直接负责的主管人员", "behaviour": 1, "acted_on": "2024", "confirmed": True,
        "suspected_crime": False,
    },
    {"id": "ZR-4", "person": "周某", "role": "其他直接责任人员", "behaviour": 2, "acted_on": "done", "confirmed": True, "tolerance": {}},
]


def test_the_form_offers_the_liability_fields_each_labelled_with_its_article(client):
    doc = page(client.get("/try"))
    section = doc.get_element_by_id("f-section-liabilities")
    assert text_of(section.xpath("./summary")[0]) == "责任追究与容错（第三十二条）"
    labels = {el.get("for"): text_of(el) for el in section.xpath(".//label[@for]")}
    assert labels["f-liabilities-0-behaviour"] == "行为（第三十二条第一款所列） （必填）"
    assert labels["f-liabilities-0-acted_on"] == "行为日期（第三十二条只适用于2025年3月1日以后的行为）"
    assert labels["f-liabilities-0-tolerance"] == "是否主张容错（第三十二条第二款）"
    assert labels["f-liabilities-0-tolerance-duties_performed"] == "容错条件三：已经按照职能分工、岗位职责和监督管理工作计划要求履行职责"
    options = section.xpath(".//select[@name='liabilities[0].behaviour']/option")
    assert [o.get("value") for o in options] == ["", "1", "2", "3", "4", "5", "6", "7"]
    assert text_of(options[6]) == "（六）利用行政执法职权谋取不正当利益"
    # the conduct date: a day, a month, a year, or 已发生，日期不详 (never 未做: the behaviour happened)
    assert section.xpath(".//select[@name='liabilities[0].acted_on~how']/option/@value") == ["", "month", "year", "done"]
    assert "所选的日被忽略" in text_of(doc.get_element_by_id("f-liabilities-0-acted_on-note"))
    for cond in ("lawful_performance", "objective_cause", "duties_performed"):
        assert section.xpath(f".//select[@name='liabilities[0].tolerance.{cond}']/option/@value") == ["", "true", "false"]
        assert [text_of(o) for o in section.xpath(f".//select[@name='liabilities[0].tolerance.{cond}']/option")] == ["（不详）", "成立", "不成立"]


def test_liabilities_posted_build_the_document_field_by_field(client):
    r = client.post("/try", data=form_post(**LIABILITY_FORM))
    assert r.status_code == 200, r.text[:3000]
    doc = page(r)
    assert posted_document(doc)["liabilities"] == LIABILITIES
    shown = findings(doc)
    by_rule: dict[str, list[tuple[str, str, str, str, str]]] = {}
    for f in shown:
        by_rule.setdefault(f[0], []).append(f)
    # 谭某: 容错 holds (第二款), the 第一款第（三）项 finding kept and marked defeated
    (tan,) = by_rule["art_032.p1.i3.unlawful_enforcement"]
    assert tan[1:4] == ("【已被排除（原为：应予处理）】", "第三十二条第一款第（三）项", "/articles/32#art_32__para_1__item_3")
    assert "巴东县自然资源和规划局谭某（直接负责的主管人员）" in tan[4]
    (tol,) = by_rule["art_032.p2.tolerance"]
    assert tol[1:4] == ("【例外】", "第三十二条第二款", "/articles/32#art_32__para_2")
    # ZR-2: two persons not named, a month; 容错 does not cover （六）
    (gain,) = by_rule["art_032.p1.i6.improper_gain"]
    assert gain[1:3] == ("【应予处理】", "第三十二条第一款第（六）项")
    assert "不属于可以容错的情形（A32-3）" in gain[4]
    # ZR-4: 已发生，日期不详: the finding is only possible; 容错 claimed with nothing recorded: not established
    (rude,) = by_rule["art_032.p1.i2.uncivil_enforcement"]
    assert rude[1:3] == ("【可能应予处理】", "第三十二条第一款第（二）项")
    # ZR-3 (2024): no finding of 第三十二条, a note
    assert [f for f in shown if "李某" in f[4]] == []
    notes = [text_of(li) for li in doc.xpath("//ul[@class='notes']/li")]
    assert any("李某（直接负责的主管人员）被追究的行为（记录“ZR-3”" in n and n.endswith("（第三十二条第一款）") for n in notes), notes
    assert any("记录“ZR-2”）涉嫌构成犯罪" in n for n in notes), notes


def test_liabilities_round_trip_through_edit(client):
    case = posted_document(page(client.post("/try", data=form_post(**LIABILITY_FORM))))
    doc = page(client.post("/try/edit", data={"case_json": json.dumps(case, ensure_ascii=False)}))
    assert doc.xpath("//select[@name='liabilities[0].organ']/option[@selected]/@value") == ["422823.zrzyj"]
    assert doc.xpath("//select[@name='liabilities[1].acted_on~how']/option[@selected]/@value") == ["month"]
    assert doc.xpath("//input[@name='liabilities[1].acted_on']/@value") == ["2025-07-01"]
    assert doc.xpath("//select[@name='liabilities[2].acted_on~how']/option[@selected]/@value") == ["year"]
    assert doc.xpath("//select[@name='liabilities[3].acted_on~how']/option[@selected]/@value") == ["done"]
    assert doc.xpath("//select[@name='liabilities[3].tolerance']/option[@selected]/@value") == ["true"]
    assert doc.xpath("//select[@name='liabilities[1].tolerance.objective_cause']/option[@selected]") == []  # the first: （不详）
    assert doc.xpath("//select[@name='liabilities[1].tolerance.duties_performed']/option[@selected]/@value") == ["false"]
    assert_the_form_round_trips(client, case)


def test_organs_added_on_the_form_stay_selected_when_a_row_is_added_or_removed(client):
    """被监督机关, a liability's 所在机关 (and the supervising organ, a year's 机关) set to the organ
    added on the form (下面新增的机关) are still selected after a row is added or removed, and 试算
    then builds the same document as before the row was added and removed."""
    selected = "//select[@name='{}']/option[@selected]"
    for action in ("add:liabilities", "remove:liabilities[3]"):
        doc = page(client.post("/try/rows", data=form_post(**LIABILITY_FORM, row_action=action)))
        for name in ("supervised_organ", "liabilities[0].organ"):
            (opt,) = doc.xpath(selected.format(name))
            assert (opt.get("value"), text_of(opt)) == ("422823.zrzyj", "巴东县自然资源和规划局（下面新增的机关）"), (action, name)
        assert doc.xpath(selected.format("supervising_organ") + "/@value") == ["422823.sfj"]
    # added and removed again: 试算 builds the document the form first built
    first = posted_document(page(client.post("/try", data=form_post(**LIABILITY_FORM))))
    doc = page(client.post("/try/rows", data=form_post(**LIABILITY_FORM, row_action="add:liabilities")))
    doc = page(client.post("/try/rows", data=submitted_as_a_browser_would(doc, row_action="remove:liabilities[4]")))
    again = client.post("/try", data=submitted_as_a_browser_would(doc))
    assert again.status_code == 200, again.text[:3000]
    assert posted_document(page(again)) == first
    # the supervising organ and a year's organ, when they are the organ added below
    data = form_post(**(LIABILITY_FORM | {"supervising_organ": "__new__"}), row_action="add:annual_duties[0].assessments")
    data |= {"annual_duties[0].organ": "__new__", "annual_duties[0].year": "2025", "annual_duties~rows": "1"}
    doc = page(client.post("/try/rows", data=data))
    for name in ("supervising_organ", "supervised_organ", "annual_duties[0].organ"):
        assert doc.xpath(selected.format(name) + "/@value") == ["422823.zrzyj"], name


def edit_from_report(client, doc) -> Any:
    """修改案件 pressed on a report page: its form posted as a browser would."""
    form = doc.xpath("//form[@action='/try/edit']")[0]
    return page(client.post("/try/edit", data=_as_mapping(list(form.form_values()))))


def test_edit_brings_back_the_as_of_date_and_the_calendar_options_of_the_trial(client):
    """修改案件 returns what the trial had beside the case document: the 判断日 typed (not in the
    document, so a re-run would otherwise judge at today), the day counting and 在途时间."""
    data = form_post(**(LIABILITY_FORM | {"as_of": "2026-12-01"}), day_counting="working", time_in_post="true")
    report = page(client.post("/try", data=data))
    assert "as_of" not in posted_document(report)
    doc = edit_from_report(client, report)
    assert doc.xpath("//input[@name='as_of']/@value") == ["2026-12-01"]
    assert doc.xpath("//select[@name='day_counting']/option[@selected]/@value") == ["working"]
    assert doc.xpath("//input[@name='time_in_post']/@checked")
    again = page(client.post("/try", data=submitted_as_a_browser_would(doc)))
    assert text_of(again.xpath("//dl[@class='summary']/dd")[0]) == "2026年12月1日"
    assert posted_document(again) == posted_document(report)
    # nothing typed: nothing brought back (the document's own 判断日, else today, applies again)
    report = page(client.post("/try", data=form_post(**(LIABILITY_FORM | {"as_of": ""}))))
    doc = edit_from_report(client, report)
    assert doc.xpath("//input[@name='as_of']/@value") in ([], [""])
    assert doc.xpath("//select[@name='day_counting']/option[@selected]") == []
    assert not doc.xpath("//input[@name='time_in_post']/@checked")


@pytest.mark.parametrize("name", ["liability_tolerance_fails", "liability_tolerance_holds"])
def test_the_liability_examples_open_in_the_form_and_round_trip(client, name):
    from pathlib import Path

    case = json.loads((Path(__file__).resolve().parents[2] / "examples" / f"{name}.json").read_text(encoding="utf-8"))
    doc = page(client.get("/try", params={"example": name}))
    assert doc.xpath("//input[@id='mode-form']/@checked")
    assert doc.xpath("//input[@name='liabilities[0].id']/@value") == ["ZR-1"]
    assert doc.xpath("//input[@name='as_of']/@value") == [case.pop("as_of")]  # a field of the page, not of the form's case
    again = client.post("/try", data=submitted_as_a_browser_would(doc))
    assert posted_document(page(again)) == case


def test_a_liability_with_bad_input_is_refused_at_its_fields(client):
    data = {k: v for k, v in LIABILITY_FORM.items() if not k.startswith("liabilities[") or k.startswith("liabilities[0]")}
    data |= {"liabilities~rows": "1", "liabilities[0].count": "两", "liabilities[0].acted_on": "2025-12-01"}
    del data["liabilities[0].role"]
    r = client.post("/try", data=form_post(**data))
    assert r.status_code == 422
    doc = page(r)
    items = [text_of(li) for li in doc.get_element_by_id("error-summary").xpath(".//li")]
    assert items[0].startswith("责任追究记录1·人数：") and "整数" in items[0]
    assert items[1] == "责任追究记录1·身份：缺少必填字段 / Field required"
    for fid in ("f-liabilities-0-count", "f-liabilities-0-role"):
        assert doc.get_element_by_id(fid).get("aria-invalid") == "true"
    # a conduct date after the as-of date, once the record is valid
    data |= {"liabilities[0].role": "直接负责的主管人员", "liabilities[0].count": ""}
    doc = page(client.post("/try", data=form_post(**data)))
    items = [text_of(li) for li in doc.get_element_by_id("error-summary").xpath(".//li")]
    assert items == ["责任追究记录1·行为日期：日期 2025-12-01 晚于判断日 2025-11-20 / date 2025-12-01 is after the as-of date 2025-11-20"]
    assert doc.get_element_by_id("f-liabilities-0-acted_on").get("aria-invalid") == "true"


# ---------------------------------------------------------------------------- 年度义务（第十五条、第十八条、第十九条）

ANNUAL_FORM = {
    "as_of": "2026-01-20",
    "case_id": "ND-FORM",
    "supervising_organ": "422800.sfj",
    "supervised_organ": "422802.sfj",
    "annual_duties[0].organ": "422802.sfj",
    "annual_duties[0].year": "2025",
    "annual_duties[0].responsibility_list_on": "2025-04-08",
    "annual_duties[0].annual_plan_on~how": "not_done",
    "annual_duties[0].case_file_reviews[0]": "2025-10-15",
    "annual_duties[0].case_file_reviews[0]~how": "month",
    # an empty date row between two: dropped
    "annual_duties[0].case_file_reviews[2]": "2025-11-03",
    "annual_duties[0].case_file_reviews~rows": "3",
    "annual_duties[0].assessments[0].held_on": "2025-12-05",
    "annual_duties[0].assessments[0].internal": "true",
    "annual_duties[0].assessments[0].external": "false",
    "annual_duties[0].assessments[0].scope": "专项",
    "annual_duties[1].organ": "422802",
    "annual_duties[1].year": "2025",
    "annual_duties[1].responsibility_list_on~how": "done",
    "annual_duties[1].annual_plan_on": "2025-06-30",
    "annual_duties[1].annual_plan_on~how": "year",
    "annual_duties[1].assessments[0].held_on": "2025-12-18",
    "annual_duties[1].assessments[0].held_on~how": "month",
    "annual_duties[1].assessments[0].internal": "true",
    "annual_duties[1].assessments[0].external": "false",
    "annual_duties[2].organ": "422802",
    "annual_duties[2].year": "2026",
    "annual_duties[2].annual_plan_on~how": "unknown",
    "annual_duties~rows": "3",
}

ANNUAL = [
    {
        "organ": "422802.sfj", "year": 2025, "responsibility_list_on": "2025-04-08", "annual_plan_on": "not_done",
        "case_file_reviews": ["2025-10", "2025-11-03"],
        "assessments": [{"held_on": "2025-12-05", "internal": True, "external": False, "scope": "专项"}],
    },
    {
        "organ": "422802", "year": 2025, "responsibility_list_on": "done", "annual_plan_on": "2025",
        "assessments": [{"held_on": "2025-12", "internal": True, "external": False}],
    },
    {"organ": "422802", "year": 2026, "annual_plan_on": "unknown"},
]


def test_the_form_offers_the_annual_fields_each_labelled_with_its_article(client):
    doc = page(client.get("/try"))
    section = doc.get_element_by_id("f-section-annual_duties")
    assert text_of(section.xpath("./summary")[0]) == "监督机关的年度义务（第十五条、第十八条、第十九条）"
    labels = {el.get("for"): text_of(el) for el in section.xpath(".//label[@for]")}
    assert labels["f-annual_duties-0-responsibility_list_on"] == "制定行政执法监督权责清单的日期（第十五条）"
    assert labels["f-annual_duties-0-annual_plan_on"] == "制定年度行政执法监督工作计划的日期（第十五条）"
    assert labels["f-annual_duties-0-case_file_reviews-0"] == "行政执法案卷评查日期（第十八条）"
    assert labels["f-annual_duties-0-assessments-0-external"] == "是否包括外部评议（第十九条） （必填）"
    # an act: 已做，日期不详 / 未做 / 是否已做不详 too; a review date: a day, a month or a year
    acts = section.xpath(".//select[@name='annual_duties[0].annual_plan_on~how']/option/@value")
    assert acts == ["", "month", "year", "done", "not_done", "unknown"]
    assert section.xpath(".//select[@name='annual_duties[0].case_file_reviews[0]~how']/option/@value") == ["", "month", "year"]
    assert "所选的月、日被忽略" in text_of(doc.get_element_by_id("f-annual_duties-0-case_file_reviews-0-note"))
    assert text_of(doc.xpath("//button[@value='remove:annual_duties[0].case_file_reviews[0]']")[0]) == "删除年度记录1·案卷评查1"


def test_annual_records_posted_build_the_document_field_by_field(client):
    r = client.post("/try", data=form_post(**ANNUAL_FORM))
    assert r.status_code == 200, r.text[:3000]
    doc = page(r)
    assert posted_document(doc)["annual_duties"] == ANNUAL
    by_rule: dict[str, list[tuple[str, str, str, str, str]]] = {}
    for f in findings(doc):
        by_rule.setdefault(f[0], []).append(f)
    (plan,) = by_rule["art_015.p1.annual_plan.overdue"]
    assert plan[1:4] == ("【违反·逾期未完成】", "第十五条", "/articles/15#art_15__para_1")
    assert "利川市司法局：2025年度：年度结束仍未制定年度行政执法监督工作计划" in plan[4]
    made = [f for f in by_rule["art_015.p1.responsibility_list.made"] if "利川市司法局：2025年度" in f[4]]
    assert [f[1:3] for f in made] == [("【应当·已履行】", "第十五条")] and "已于2025年4月8日制定" in made[0][4]
    reviews = [f for f in by_rule["art_018.p1.case_file_review.on_time"] if "利川市司法局：2025年度" in f[4]]
    assert [f[1:3] for f in reviews] == [("【应当·已履行】", "第十八条")] and "已组织行政执法案卷评查2次" in reviews[0][4]
    (external,) = by_rule["art_019.p1.external_review_missing"]
    assert external[1:3] == ("【违反】", "第十九条") and "利川市人民政府：2025年度" in external[4]
    (special,) = by_rule["art_019.p1.special_assessment"]
    assert special[1:3] == ("【可以】", "第十九条") and "利川市司法局：2025年度" in special[4]
    pending = [f for f in by_rule["art_015.p1.annual_plan.pending"] if "2026年度" in f[4]]
    assert [f[1] for f in pending] == ["【应当·期限未届满（可能）】"]


def test_annual_records_round_trip_through_edit(client):
    case = posted_document(page(client.post("/try", data=form_post(**ANNUAL_FORM))))
    doc = page(client.post("/try/edit", data={"case_json": json.dumps(case, ensure_ascii=False)}))
    assert doc.xpath("//input[@name='annual_duties[0].case_file_reviews[0]']/@value") == ["2025-10-01"]
    assert doc.xpath("//select[@name='annual_duties[0].case_file_reviews[0]~how']/option[@selected]/@value") == ["month"]
    assert doc.xpath("//input[@name='annual_duties[0].case_file_reviews~rows']/@value") == ["2"]
    assert doc.xpath("//select[@name='annual_duties[1].responsibility_list_on~how']/option[@selected]/@value") == ["done"]
    assert doc.xpath("//select[@name='annual_duties[0].assessments[0].scope']/option[@selected]/@value") == ["专项"]
    assert doc.xpath("//select[@name='annual_duties[1].organ']/option[@selected]/@value") == ["422802"]
    assert_the_form_round_trips(client, case)


def test_annual_records_with_bad_input_are_refused_at_their_fields(client):
    data = dict(ANNUAL_FORM)
    data["annual_duties[0].case_file_reviews[2]"] = "2024-11-03"  # not in the record's year
    data["annual_duties[1].assessments[0].internal"] = "false"  # neither internal nor external
    data["annual_duties[2].year"] = "2025"  # a second 2025 record of the same organ
    r = client.post("/try", data=form_post(**data))
    assert r.status_code == 422
    doc = page(r)
    summary = doc.get_element_by_id("error-summary")
    items = [text_of(li) for li in summary.xpath(".//li")]
    assert "年度记录1·案卷评查2·日期：案卷评查日期 2024-11-03 不在 2025 年度内 / review date 2024-11-03 is not in 2025" in items
    assert "年度记录2·考核评议1：考核评议既无内部考核也无外部评议 / an assessment with neither internal nor external part" in items
    assert any(t.startswith("年度记录3：机关 422802 的 2025 年度记录重复") for t in items), items
    assert set(summary.xpath(".//a/@href")) == {
        "#f-annual_duties-0-case_file_reviews-1", "#f-annual_duties-1-assessments-0", "#f-annual_duties-2",
    }
    assert doc.get_element_by_id("f-annual_duties-0-case_file_reviews-1").get("aria-invalid") == "true"
    row = doc.get_element_by_id("f-annual_duties-1-assessments-0")
    assert "has-error" in row.get("class") and "既无内部考核也无外部评议" in text_of(row)
    assert "年度记录重复" in text_of(doc.get_element_by_id("f-annual_duties-2"))


def test_the_annual_example_opens_in_the_form_and_round_trips(client):
    from pathlib import Path

    case = json.loads((Path(__file__).resolve().parents[2] / "examples" / "annual_review.json").read_text(encoding="utf-8"))
    doc = page(client.get("/try", params={"example": "annual_review"}))
    assert doc.xpath("//input[@id='mode-form']/@checked")
    assert doc.xpath("//input[@name='complaints[0].id']/@value") == ["12345-2025-0931"]
    assert doc.xpath("//input[@name='as_of']/@value") == [case.pop("as_of")]
    again = client.post("/try", data=submitted_as_a_browser_would(doc))
    # the second record's "case_file_reviews": [] says what leaving it out says: the form leaves it out
    assert case["annual_duties"][1].pop("case_file_reviews") == []
    assert posted_document(page(again)) == case


# ---------------------------------------------------------------------------- 投诉、举报（第十条第二款）和问题线索移送（第三十一条）

CC_FORM = {
    "as_of": "2025-12-31",
    "case_id": "TS-FORM",
    "supervising_organ": "422801.sfj",
    "supervised_organ": "422801",
    "complaints[0].id": "12345-1",
    "complaints[0].complainant": "公民",
    "complaints[0].about": "执法人员未着制式服装",
    "complaints[0].received_on": "2025-10-08",
    "complaints[0].handled_on": "2025-10-20",
    "complaints[0].outcome": "已转交并答复",
    "complaints[1].id": "12345-2",
    "complaints[1].complainant": "法人",
    "complaints[1].kind": "举报",
    "complaints[1].received_on": "2025-11-17",
    "complaints[1].received_on~how": "month",
    "complaints[1].handled_on~how": "done",
    "complaints[2].id": "12345-3",
    "complaints[2].complainant": "其他组织",
    "complaints[2].received_on": "2025-12-02",
    "complaints~rows": "3",
    "clues[0].id": "XS-1",
    "clues[0].person": "杨某",
    "clues[0].kind": "贪污贿赂",
    "clues[0].found_on": "2025-10-10",
    "clues[0].transferred_on": "2025-10-15",
    "clues[0].transferred_to": "恩施市纪委监委",
    "clues[0].transferred_to_kind": "纪检监察机关",
    "clues[1].id": "XS-2",
    "clues[1].kind": "失职渎职",
    "clues[1].found_on": "2025-11-03",
    "clues[1].found_on~how": "month",
    "clues[1].transferred_on": "2025-11-20",
    "clues[1].transferred_to": "恩施市公安局",
    "clues[1].transferred_to_kind": "公安机关",
    "clues[2].id": "XS-3",
    "clues[2].person": "陈某",
    "clues~rows": "3",
}

COMPLAINTS = [
    {"id": "12345-1", "complainant": "公民", "about": "执法人员未着制式服装", "received_on": "2025-10-08", "handled_on": "2025-10-20", "outcome": "已转交并答复"},
    {"id": "12345-2", "complainant": "法人", "kind": "举报", "received_on": "2025-11", "handled_on": "done"},
    {"id": "12345-3", "complainant": "其他组织", "received_on": "2025-12-02"},
]
CLUES = [
    {"id": "XS-1", "person": "杨某", "kind": "贪污贿赂", "found_on": "2025-10-10", "transferred_on": "2025-10-15",
     "transferred_to": "恩施市纪委监委", "transferred_to_kind": "纪检监察机关"},
    {"id": "XS-2", "kind": "失职渎职", "found_on": "2025-11", "transferred_on": "2025-11-20", "transferred_to": "恩施市公安局",
     "transferred_to_kind": "公安机关"},
    {"id": "XS-3", "person": "陈某"},
]


def test_the_form_offers_complaints_and_clues_each_labelled_with_its_article(client):
    doc = page(client.get("/try"))
    assert text_of(doc.get_element_by_id("f-section-complaints").xpath("./summary")[0]) == "投诉、举报（第十条第二款）"
    assert text_of(doc.get_element_by_id("f-section-clues").xpath("./summary")[0]) == "问题线索移送（第三十一条）"
    labels = {el.get("for"): text_of(el) for el in doc.xpath("//label[@for]")}
    assert labels["f-complaints-0-handled_on"] == "依法处理的日期（第十条第二款）"
    assert labels["f-clues-0-transferred_to_kind"] == "接收机关的类别（第三十一条：依纪依法移送监察机关）"
    assert doc.xpath("//select[@name='clues[0].transferred_to_kind']/option/@value") == [
        "", "监察委员会", "纪律检查委员会", "纪检监察机关", "公安机关", "检察机关", "其他"]
    assert doc.xpath("//select[@name='complaints[0].handled_on~how']/option/@value") == ["", "month", "year", "done", "not_done", "unknown"]


def test_complaints_and_clues_posted_build_the_document_field_by_field(client):
    r = client.post("/try", data=form_post(**CC_FORM))
    assert r.status_code == 200, r.text[:3000]
    doc = page(r)
    posted = posted_document(doc)
    assert posted["complaints"] == COMPLAINTS and posted["clues"] == CLUES
    shown = findings(doc)
    handled = [f for f in shown if f[0] == "art_010.p2.complaint_handled"]
    assert [f[1:4] for f in handled] == [("【应当·已履行】", "第十条第二款", "/articles/10#art_10__para_2")] * 2
    assert "法人于2025年11月1日至2025年11月30日之间提出的举报（12345-2），监督机关已于日期未记录的某日处理" in handled[1][4]
    (open_,) = [f for f in shown if f[0] == "art_010.p2.complaint_unhandled"]
    assert open_[1:3] == ("【应当】", "第十条第二款") and "（12345-3）" in open_[4]
    (done,) = [f for f in shown if f[0] == "art_031.p1.transferred"]
    assert done[1:4] == ("【应当·已履行】", "第三十一条", "/articles/31#art_31__para_1") and "移送恩施市纪委监委（纪检监察机关）" in done[4]
    (elsewhere,) = [f for f in shown if f[0] == "art_031.p1.transferred_elsewhere"]
    assert elsewhere[1:3] == ("【违反】", "第三十一条") and "移送恩施市公安局（公安机关）" in elsewhere[4]
    (required,) = [f for f in shown if f[0] == "art_031.p1.transfer_required"]
    assert required[1:3] == ("【应当】", "第三十一条") and "陈某" in required[4]


def test_complaints_and_clues_round_trip_through_edit(client):
    case = posted_document(page(client.post("/try", data=form_post(**CC_FORM))))
    doc = page(client.post("/try/edit", data={"case_json": json.dumps(case, ensure_ascii=False)}))
    assert doc.xpath("//select[@name='complaints[1].received_on~how']/option[@selected]/@value") == ["month"]
    assert doc.xpath("//select[@name='complaints[1].handled_on~how']/option[@selected]/@value") == ["done"]
    assert doc.xpath("//select[@name='clues[1].transferred_to_kind']/option[@selected]/@value") == ["公安机关"]
    assert_the_form_round_trips(client, case)


def test_a_complaint_without_its_required_fields_is_refused_at_them(client):
    data = {k: v for k, v in CC_FORM.items() if not k.startswith("complaints[2]")}
    data |= {"complaints[2].about": "只填了事由", "complaints~rows": "3"}
    r = client.post("/try", data=form_post(**data))
    assert r.status_code == 422
    doc = page(r)
    items = [text_of(li) for li in doc.get_element_by_id("error-summary").xpath(".//li")]
    assert items == [
        "投诉举报记录3·编号：缺少必填字段 / Field required",
        "投诉举报记录3·投诉、举报人：缺少必填字段 / Field required",
        "投诉举报记录3·收到日期：缺少必填字段 / Field required",
    ]
    assert doc.get_element_by_id("f-complaints-2-received_on").get("aria-invalid") == "true"


# ---------------------------------------------------------------------------- 第三十三条、第二十五条和第三十四条

CONDUCT_FORM = {
    "as_of": "2025-12-31",
    "case_id": "JD-FORM",
    "supervising_organ": "422800",
    "supervised_organ": "422801",
    "conduct[0].id": "JD-1",
    "conduct[0].person": "张某",
    "conduct[0].role": "直接负责的主管人员",
    "conduct[0].behaviour": "玩忽职守",
    "conduct[0].description": "未按期复查",
    "conduct[0].acted_on": "2025-06-18",
    "conduct[0].acted_on~how": "month",
    "conduct[0].confirmed": "true",
    "conduct[0].suspected_crime": "false",
    "conduct[1].id": "JD-2",
    "conduct[1].count": "2",
    "conduct[1].role": "其他直接责任人员",
    "conduct[1].behaviour": "滥用职权",
    "conduct[1].acted_on": "2024-05-05",
    "conduct[1].acted_on~how": "year",
    "conduct[1].confirmed": "true",
    "conduct~rows": "2",
    "obstructions[0].id": "ZA-1",
    "obstructions[0].party": "被监督机关",
    "obstructions[0].actor": "恩施市某局",
    "obstructions[0].conduct": "拒绝",
    "obstructions[0].acted_on": "2025-09-10",
    "obstructions[0].description": "拒绝提供案卷",
    "obstructions[0].confirmed": "true",
    "obstructions[1].id": "ZA-2",
    "obstructions[1].party": "其他单位和个人",
    "obstructions[1].actor": "王某",
    "obstructions[1].conduct": "阻碍",
    "obstructions[1].acted_on~how": "done",
    "obstructions[1].confirmed": "true",
    "obstructions~rows": "2",
}

CONDUCT = [
    {"id": "JD-1", "person": "张某", "role": "直接负责的主管人员", "behaviour": "玩忽职守", "description": "未按期复查",
     "acted_on": "2025-06", "confirmed": True, "suspected_crime": False},
    {"id": "JD-2", "count": 2, "role": "其他直接责任人员", "behaviour": "滥用职权", "acted_on": "2024", "confirmed": True},
]
OBSTRUCTIONS = [
    {"id": "ZA-1", "party": "被监督机关", "actor": "恩施市某局", "conduct": "拒绝", "acted_on": "2025-09-10", "description": "拒绝提供案卷",
     "confirmed": True},
    {"id": "ZA-2", "party": "其他单位和个人", "actor": "王某", "conduct": "阻碍", "acted_on": "done", "confirmed": True},
]


def test_the_form_offers_conduct_and_obstructions_each_labelled_with_its_article(client):
    doc = page(client.get("/try"))
    assert text_of(doc.get_element_by_id("f-section-conduct").xpath("./summary")[0]) == "行政执法监督机关工作人员的责任（第三十三条）"
    assert text_of(doc.get_element_by_id("f-section-obstructions").xpath("./summary")[0]) == "拒绝、阻碍、不配合监督（第二十五条、第三十四条）"
    labels = {el.get("for"): text_of(el) for el in doc.xpath("//label[@for]")}
    assert labels["f-conduct-0-acted_on"] == "行为日期（第三十三条只适用于2025年3月1日以后的行为）"
    assert labels["f-obstructions-0-conduct"] == "行为（第三十四条） （必填）"
    for path in ("conduct[0].acted_on~how", "obstructions[0].acted_on~how"):
        assert doc.xpath(f"//select[@name='{path}']/option/@value") == ["", "month", "year", "done"]
    assert doc.xpath("//select[@name='obstructions[0].conduct']/option/@value") == ["", "拒绝", "阻碍", "不如实反映情况", "不提供资料", "不配合"]


def test_conduct_and_obstructions_posted_build_the_document_field_by_field(client):
    r = client.post("/try", data=form_post(**CONDUCT_FORM))
    assert r.status_code == 200, r.text[:3000]
    doc = page(r)
    posted = posted_document(doc)
    assert posted["conduct"] == CONDUCT and posted["obstructions"] == OBSTRUCTIONS
    shown = {f[0]: f for f in findings(doc)}
    assert shown["art_033.p1.supervisor_misconduct"][1:4] == ("【应予处理】", "第三十三条", "/articles/33#art_33__para_1")
    assert "张某（直接负责的主管人员）" in shown["art_033.p1.supervisor_misconduct"][4]
    assert shown["art_025.p1.refused_or_obstructed"][1:3] == ("【违反】", "第二十五条第一款")
    assert shown["art_025.p2.other_party_did_not_assist"][1:3] == ("【可能违反】", "第二十五条第二款")
    assert shown["art_034.p1.obstruction_by_others"][1:4] == ("【可能应予处理】", "第三十四条", "/articles/34#art_34__para_1")
    notes = [text_of(li) for li in doc.xpath("//ul[@class='notes']/li")]
    assert any("（记录“JD-2”）发生在本办法施行日期2025年3月1日之前" in n and n.endswith("（第三十三条）") for n in notes), notes


def test_conduct_and_obstructions_round_trip_through_edit(client):
    case = posted_document(page(client.post("/try", data=form_post(**CONDUCT_FORM))))
    doc = page(client.post("/try/edit", data={"case_json": json.dumps(case, ensure_ascii=False)}))
    assert doc.xpath("//select[@name='conduct[0].acted_on~how']/option[@selected]/@value") == ["month"]
    assert doc.xpath("//select[@name='obstructions[1].acted_on~how']/option[@selected]/@value") == ["done"]
    assert_the_form_round_trips(client, case)


def test_an_obstruction_in_the_older_spelling_opens_as_a_document(client):
    # "on" is read as acted_on (A34-2); the form writes acted_on, so such a case is edited as JSON, never rewritten
    case = {"case_id": "OLD", "supervising_organ": "422800", "supervised_organ": "422801",
            "obstructions": [{"id": "ZA-1", "party": "被监督机关", "actor": "某局", "conduct": "拒绝", "on": "2025-09-10", "confirmed": True}]}
    doc = page(client.post("/try/edit", data={"case_json": json.dumps(case, ensure_ascii=False)}))
    assert doc.xpath("//input[@id='mode-paste']/@checked")
