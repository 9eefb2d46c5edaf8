"""Every page and form path of the workbench, through the test client, read as HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from _support.cases import c3b, late_application_upheld, letter_case

lxml_html = pytest.importorskip("lxml.html")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
OVERDUE = json.loads((ROOT / "examples" / "overdue_decision.json").read_text(encoding="utf-8"))


def page(resp):
    return lxml_html.fromstring(resp.text)


def text_of(el) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def assert_every_control_labelled(doc) -> None:
    """Every visible input, select and textarea has a <label for> (keyboard and screen reader users)."""
    for el in doc.xpath("//input[not(@type='hidden')] | //select | //textarea"):
        el_id = el.get("id")
        assert el_id, f"a {el.tag} named {el.get('name')!r} has no id"
        assert doc.xpath(f"//label[@for='{el_id}']"), f"no label for #{el_id}"


def assert_nothing_from_another_host(doc) -> None:
    for attr in ("src", "href"):
        for v in doc.xpath(f"//@{attr}"):
            assert not re.match(r"^(https?:)?//", v), f"{attr}={v!r} points to another host"


# ---------------------------------------------------------------------------- 条文对照


def test_index_lists_every_article_by_chapter(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    doc = page(r)
    assert doc.get("lang") == "zh-CN"
    links = doc.xpath("//table[@class='index']//th/a/@href")
    assert links == [f"/articles/{n}" for n in range(1, 36)]
    assert "第四章 监督处理" in text_of(doc)  # \u3000 normalised to a space
    row27 = doc.xpath("//a[@href='/articles/27']/ancestor::tr")[0]
    assert "已编码" in text_of(row27) and "21" in text_of(row27)  # 21 rules since art_027.p2.letter_period_too_long (legal review 2, item 1)
    assert_every_control_labelled(doc)
    assert_nothing_from_another_host(doc)


def test_article_27_units_rules_tests_and_interpretations(client):
    r = client.get("/articles/27")
    assert r.status_code == 200
    doc = page(r)
    assert text_of(doc.xpath("//h1")[0]) == "第二十七条"
    para2 = doc.get_element_by_id("art_27__para_2")
    assert "应当分别自收到《行政执法监督建议书》、复查答复之日起三十日内完成整改" in text_of(para2)
    assert "已编码" in text_of(para2.xpath(".//span[contains(@class,'status')]")[0])
    rule = doc.get_element_by_id("rule-art_027.p2.rectify.overdue")
    rt = text_of(rule)
    assert "违反" in rt and "对象：被监督机关" in rt and "第二十七条第二款" in rt
    assert "条件：整改期限：" in rt and "且未记录整改情况报送日，且判断日晚于整改期限最后一日" in rt  # in words
    assert "tests/rules/test_art_027.py::" in rt  # the tests that pin it
    # the citation links back to the unit; interpretations link to the register
    assert rule.xpath(".//a[@href='#art_27__para_2']")
    assert para2.xpath(".//a[@href='/interpretations#A27-2']")
    assert_nothing_from_another_host(doc)


def test_not_operative_unit_says_why(client):
    doc = page(client.get("/articles/1"))
    unit = doc.get_element_by_id("art_1__para_1")
    assert "不编码" in text_of(unit) and "不编码的理由" in text_of(unit)


def test_interpretations_link_back_to_units_and_rules(client):
    doc = page(client.get("/interpretations"))
    choice = doc.get_element_by_id("A27-1")
    assert "/articles/27#art_27__para_1" in choice.xpath(".//a/@href")
    assert any(h.startswith("/articles/27#rule-art_027.") for h in choice.xpath(".//a/@href"))


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("27", "/articles/27#art_27"),
        ("二十七", "/articles/27#art_27"),
        ("第二十七条", "/articles/27#art_27"),
        ("27.2", "/articles/27#art_27__para_2"),
        ("第二十七条第二款", "/articles/27#art_27__para_2"),
        ("32.1.3", "/articles/32#art_32__para_1__item_3"),
        ("第三十二条第一款第（三）项", "/articles/32#art_32__para_1__item_3"),
        ("第二十六条第（三）项", "/articles/26#art_26__para_1__item_3"),
        ("26.3", "/articles/26#art_26__para_1__item_3"),
        ("27条", "/articles/27#art_27"),
    ],
)
def test_find_by_number(client, query, target):
    r = client.get("/articles", params={"q": query}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == target


def test_find_by_keyword(client):
    doc = page(client.get("/articles", params={"q": "复查"}))
    hrefs = doc.xpath("//ul[@class='results']//a/@href")
    assert "/articles/27#art_27__para_1" in hrefs
    assert any(h.startswith("/articles/27#rule-") for h in hrefs)


def test_find_nothing_says_how_to_search(client):
    doc = page(client.get("/articles", params={"q": "量子纠缠"}))
    assert "没有找到" in text_of(doc)


def test_article_that_does_not_exist_is_404(client):
    r = client.get("/articles/36")
    assert r.status_code == 404 and "共 35 条" in r.text


def test_article_by_chinese_numeral(client):
    assert "第二十七条" in client.get("/articles/二十七").text


def test_static_files_and_nothing_else(client):
    for name, kind in (("workbench.css", "text/css"), ("print.css", "text/css"), ("workbench.js", "text/javascript")):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and r.headers["content-type"].startswith(kind)
        assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import|@font-face", r.text)
    assert client.get("/static/..%2F_web.py").status_code == 404
    assert "@media print" in client.get("/static/workbench.css").text or "@page" in client.get("/static/print.css").text


# ---------------------------------------------------------------------------- 试算: the form


def test_try_form_every_field_labelled(client):
    doc = page(client.get("/try"))
    assert_every_control_labelled(doc)
    assert_nothing_from_another_host(doc)
    names = set(doc.xpath("//form[@class='trial']//*[@name]/@name"))
    for expected in (
        "case_id",
        "supervising_organ",
        "supervised_organ",
        "supervision.situations[0].item",
        "supervision.suggestion_letter.received_on",
        "supervision.objection.filed_on",
        "supervision.review_answer.objection_upheld",
        "supervision.rectification_report.submitted_on",
        "supervision.decision_letter.orders",
        "supervision.execution_report.submitted_on",
        "as_of",
        "day_counting",
        "case_json",
        "case_file",
    ):
        assert expected in names
    # organs from the built-in registry
    options = doc.xpath("//select[@name='supervising_organ']/option/@value")
    assert "422800" in options and "422822.sfj" in options


def test_example_fills_the_form_when_it_can(client):
    doc = page(client.get("/try", params={"example": "overdue_decision"}))
    assert doc.xpath("//input[@id='mode-form']/@checked")
    assert doc.xpath("//input[@name='supervision.suggestion_letter.received_on']/@value") == ["2025-09-24"]
    assert doc.xpath("//input[@name='as_of']/@value") == ["2025-12-15"]
    assert doc.xpath("//select[@name='supervised_organ']/option[@selected]/@value") == ["422822.zrzyj"]
    # a case beyond the guided form opens as a document (a dispute of 第六条第二款, deficiencies of 第十四条)
    doc = page(client.get("/try", params={"example": "jurisdiction_township_trade"}))
    assert doc.xpath("//input[@id='mode-paste']/@checked")
    assert "dispute" in text_of(doc.get_element_by_id("f-case_json"))
    assert client.get("/try", params={"example": "nope"}).status_code == 404


def _form_for_overdue() -> dict[str, object]:
    return {
        "mode": "form",
        "as_of": "2025-12-15",
        "case_id": "ESJD-2025-031",
        "supervising_organ": "422822.sfj",
        "supervised_organ": "__new__",
        "organs[0].id": "422822.zrzyj",
        "organs[0].name": "建始县自然资源和规划局",
        "organs[0].kind": "工作部门",
        "organs[0].level": "县（市）",
        "organs[0].region": "422822",
        "organs[0].parent": "422822",
        "organs[0].system": "自然资源",
        "enforcement_action.kind": "行政处罚",
        "supervision.started_on": "2025-08-20",
        "supervision.situations[0].item": "3",
        "supervision.situations[0].confirmed": "true",
        "supervision.situations[0].confirmed_on": "2025-09-05",
        "supervision.suggestion_letter.issued_on": "2025-09-22",
        "supervision.suggestion_letter.received_on": "2025-09-24",
        "supervision.decision_letter.issued_on": "2025-11-10",
        "supervision.decision_letter.received_on": "2025-11-12",
        "supervision.decision_letter.orders": ["限期履行法定职责"],
    }


def _findings(doc) -> dict[str, str]:
    return {li.get("data-rule"): text_of(li) for li in doc.xpath("//li[contains(@class,'finding ')]")}


def test_guided_form_overdue_case(client):
    r = client.post("/try", data=_form_for_overdue())
    assert r.status_code == 200, r.text[:2000]
    doc = page(r)
    f = _findings(doc)
    assert "【违反·逾期未完成】" in f["art_027.p2.rectify.overdue"]
    assert "2025年10月24日" in f["art_027.p2.rectify.overdue"]
    assert "逾期 17 日（计至2025年11月10日）" in f["art_027.p2.rectify.overdue"]  # counted to the decision letter (A27-6)
    assert "【违反·逾期未完成】" in f["art_028.p2.execution_report.overdue"]
    assert "【可以·期限届满未行使】" in f["art_027.p1.review_application.overdue"]
    li = doc.xpath("//li[@data-rule='art_027.p2.rectify.overdue']")[0]
    assert li.xpath(".//a[@class='citation']/@href") == ["/articles/27#art_27__para_2"]
    # explain's explanation, in place: the condition tested on the facts, the case fields, the period
    details = li.xpath(".//details[@class='explain']")[0]
    explain = text_of(details)
    assert "自2025年9月24日起算（当日不计入）；30日" in explain and "期限最后一日为2025年10月24日（含当日）" in explain
    assert [text_of(t) for t in details.xpath(".//ul[@class='tests']/li[@class='holds']")][-1].endswith("判断日晚于整改期限最后一日")
    assert "supervision.rectification_report.submitted_on" in details.xpath(".//table[@class='facts']//code/text()")
    assert "/interpretations#A27-1" in details.xpath(".//a/@href")  # the interpretations relied on
    # the 十日 window ended in the National Day holiday and rolled to 10月9日: each day with its reason
    window = text_of(doc.xpath("//li[@data-rule='art_027.p1.review_application.overdue']//details")[0])
    assert "依次顺延：2025年10月4日（星期六，法定节假日（国庆节））" in window and "至2025年10月9日（星期四，工作日）" in window
    # the chart
    svg = doc.xpath("//figure[@class='chart']/*[local-name()='svg']")[0]
    periods = svg.xpath(".//*[local-name()='g'][contains(@class,'period')]")
    assert [g.get("data-due") for g in periods] == ["2025-10-09", "2025-10-24", "2025-12-12"]
    assert "permission" in periods[0].get("class")  # the ten days to apply for review are a right
    assert len(periods[0].xpath(".//*[@class='rolled']")) == 5
    assert svg.xpath(".//*[@class='as-of']")
    # the versions it was computed with, from the report itself
    import enshi_rules

    versions = text_of(doc.xpath("//dl[@class='versions']")[0])
    assert enshi_rules.evaluate(OVERDUE).versions.rules in versions and "CLI.11.8484969" in versions
    # the printable page: a print stylesheet and the DOCX export of the same case
    assert doc.xpath("//link[@media='print'][@href='/static/print.css']")
    posted = json.loads(doc.xpath("//form[@action='/report.docx']/input[@name='case_json']/@value")[0])
    assert posted["supervised_organ"] == "422822.zrzyj" and posted["organs"][0]["id"] == "422822.zrzyj"


def test_guided_form_bad_case_shows_problems_next_to_fields(client):
    data = _form_for_overdue()
    data["supervision.suggestion_letter.received_on"] = "2025-09-20"  # before it was issued
    r = client.post("/try", data=data)
    assert r.status_code == 422
    doc = page(r)
    summary = doc.get_element_by_id("error-summary")
    assert "建议书·被监督机关收到日期" in text_of(summary)
    assert summary.xpath(".//a/@href") == ["#f-supervision-suggestion_letter-received_on"]
    field = doc.get_element_by_id("f-supervision-suggestion_letter-received_on")
    assert field.get("aria-invalid") == "true"
    assert "建议书收到日期早于制发日期" in text_of(field.getparent())
    assert field.get("value") == "2025-09-20"  # what was typed is kept
    assert doc.xpath("//input[@name='organs[0].id']/@value") == ["422822.zrzyj"]


def test_guided_form_item_out_of_range(client):
    data = _form_for_overdue() | {"supervision.situations[0].item": "9"}  # 第二十六条 has six items
    doc = page(client.post("/try", data=data))
    assert "情形1·第二十六条所列情形" in text_of(doc.get_element_by_id("error-summary"))
    item = doc.get_element_by_id("f-supervision-situations-0-item")
    assert item.get("aria-invalid") == "true" and "数值过大" in text_of(item.getparent())


def test_form_missing_required_fields(client):
    r = client.post("/try", data={"mode": "form"})
    assert r.status_code == 422
    doc = page(r)
    for fid in ("f-case_id", "f-supervising_organ", "f-supervised_organ"):
        el = doc.get_element_by_id(fid)
        assert el.get("aria-invalid") == "true" and "缺少必填字段" in text_of(el.getparent())


def test_bad_as_of_date(client):
    data = _form_for_overdue() | {"as_of": "2025-13-01"}
    r = client.post("/try", data=data)
    assert r.status_code == 422
    el = page(r).get_element_by_id("f-as_of")
    assert el.get("aria-invalid") == "true" and "判断日应为" in text_of(el.getparent())


def test_day_counting_choice(client):
    doc = page(client.post("/try", data=_form_for_overdue() | {"day_counting": "working"}))
    assert "期间按工作日计算" in text_of(doc.xpath("//dl[@class='summary']")[0])
    svg = doc.xpath("//figure[@class='chart']/*[local-name()='svg']")[0]
    assert svg.xpath(".//*[@class='skipped']")  # days not counted are shaded


# ---------------------------------------------------------------------------- 试算: a document


def test_paste_a_case(client):
    r = client.post("/try", data={"mode": "paste", "case_json": json.dumps(OVERDUE, ensure_ascii=False)})
    assert r.status_code == 200
    assert "【违反·逾期未完成】" in _findings(page(r))["art_027.p2.rectify.overdue"]


def test_paste_not_json(client):
    r = client.post("/try", data={"mode": "paste", "case_json": '{"case_id": '})
    assert r.status_code == 422
    doc = page(r)
    assert "不是有效的 JSON：第1行" in text_of(doc.get_element_by_id("error-summary"))
    assert doc.get_element_by_id("f-case_json").get("aria-invalid") == "true"
    assert doc.xpath("//input[@id='mode-paste']/@checked")


def test_paste_bad_case_document(client):
    bad = json.loads(json.dumps(OVERDUE))
    bad["supervision"]["suggestion_letter"]["received_on"] = "2025-09-01"
    r = client.post("/try", data={"mode": "paste", "case_json": json.dumps(bad, ensure_ascii=False)})
    assert r.status_code == 422
    doc = page(r)
    summary = text_of(doc.get_element_by_id("error-summary"))
    assert "supervision.suggestion_letter.received_on" in summary and "建议书收到日期早于制发日期" in summary
    # next to the document it is about, and the document kept as pasted
    panel = text_of(doc.get_element_by_id("panel-paste"))
    assert "建议书收到日期早于制发日期" in panel and "2025-09-01" in panel
    bad = json.loads(json.dumps(OVERDUE)) | {"unknown_field": 1}
    r = client.post("/try", data={"mode": "paste", "case_json": json.dumps(bad, ensure_ascii=False)})
    assert r.status_code == 422 and "unknown_field" in text_of(page(r).get_element_by_id("error-summary"))


def test_upload_a_case(client):
    files = {"case_file": ("case.json", json.dumps(OVERDUE).encode(), "application/json")}
    r = client.post("/try", data={"mode": "upload", "as_of": "2025-11-20"}, files=files)
    assert r.status_code == 200
    doc = page(r)
    assert "2025年11月20日" in text_of(doc.xpath("//dl[@class='summary']")[0])
    assert "【违反·逾期未完成】" in _findings(doc)["art_027.p2.rectify.overdue"]


def test_upload_nothing_or_not_utf8(client):
    r = client.post("/try", data={"mode": "upload"}, files={"case_file": ("empty.json", b"", "application/json")})
    assert r.status_code == 422 and "没有选择文件" in r.text
    r = client.post("/try", data={"mode": "upload"}, files={"case_file": ("x.json", "{}".encode("utf-16"), "application/json")})
    assert r.status_code == 422 and "不是 UTF-8" in r.text


def test_edit_returns_to_the_form(client):
    r = client.post("/try/edit", data={"case_json": json.dumps(OVERDUE, ensure_ascii=False)})
    doc = page(r)
    assert doc.xpath("//input[@name='case_id']/@value") == ["ESJD-2025-031"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_report_page(client, path):
    doc_json = json.loads(path.read_text(encoding="utf-8"))
    import enshi_rules

    report = enshi_rules.evaluate(doc_json)
    r = client.get(f"/examples/{path.stem}")
    assert r.status_code == 200
    doc = page(r)
    shown = doc.xpath("//li[contains(@class,'finding ')]")
    assert len(shown) == len(report.findings)
    for li, f in zip(shown, report.findings):
        assert li.get("data-rule") == f.rule_id
        assert text_of(li.xpath(".//a[@class='citation']")[0]) == f.citation.split("》", 1)[-1]
    assert len(doc.xpath("//*[local-name()='g'][contains(@class,'period')]")) == len(report.timeline)
    assert_nothing_from_another_host(doc)


def test_docx_download(client):
    r = client.post("/report.docx", data={"case_json": json.dumps(OVERDUE, ensure_ascii=False), "as_of": "2025-12-15"})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert 'filename="report-ESJD-2025-031.docx"' in r.headers["content-disposition"]
    import io

    import docx

    document = docx.Document(io.BytesIO(r.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "案件编号：ESJD-2025-031" in text
    # the downloaded document can be signed: the signing block at the end, page numbers in the footer
    assert text.endswith("供法制审核参考。\n七、法制审核")
    assert [row.cells[0].text for row in document.tables[-1].rows] == ["审核人", "审核意见", "签字", "日期"]
    footer = document.sections[0].footer._element.xml
    assert " PAGE </w:instrText>" in footer and " NUMPAGES </w:instrText>" in footer


def test_docx_download_bad_case(client):
    r = client.post("/report.docx", data={"case_json": "{}"})
    assert r.status_code == 422 and "缺少必填字段" in r.text


# a letter received 2026-12-02: the thirty days of 第二十七条第二款 end in 2027, whose holiday arrangement
# is not published: due 2027-01-04 (01-01 元旦, 01-02 and 01-03 a weekend), provisional
# the shared letter case (州人民政府 over 建始县人民政府, item 3 confirmed) moved to late 2026: received
# 2026-12-02, its thirty days end in 2027, a year whose arrangement is not published (provisional)
PROVISIONAL = letter_case(
    started_on="2026-11-02",
    suggestion_letter={"issued_on": "2026-11-30", "received_on": "2026-12-02"},
) | {"case_id": "ESJD-2026-090"}


def test_provisional_due_dates_are_marked(client):
    r = client.post("/try", data={"mode": "paste", "as_of": "2026-12-20", "case_json": json.dumps(PROVISIONAL)})
    assert r.status_code == 200
    doc = page(r)
    pending = text_of(doc.xpath("//li[@data-rule='art_027.p2.rectify.pending']")[0])
    assert "2027年1月4日" in pending and "暂定：2027年节假日安排尚未公布，按《全国年节及纪念日放假办法》推算" in pending
    window = text_of(doc.xpath("//li[@data-rule='art_027.p1.review_application.overdue']")[0])
    assert "暂定" not in window.split("为什么")[0]  # 2026-12-14 depends on no unpublished year
    svg = doc.xpath("//figure[@class='chart']/*[local-name()='svg']")[0]
    g12, g2 = svg.xpath(".//*[local-name()='g'][contains(@class,'period')]")
    assert "provisional" not in g12.get("class") and "provisional" in g2.get("class")
    assert g2.get("data-due") == "2027-01-04"
    assert g2.xpath(".//*[@class='bar']/@stroke-dasharray") and "届满 1月4日（暂定）" in text_of(g2)
    assert len(g2.xpath(".//*[@class='rolled']")) == 3  # 2027-01-01, 02, 03
    assert "暂定日期" in text_of(svg)  # the legend
    row = doc.xpath("//table[@class='timeline-table']//tr[td='第二十七条第二款']")[0]
    assert "暂定" in text_of(row)
    years = {text_of(tr.xpath("td")[0]): text_of(tr) for tr in doc.xpath("//table[@class='calendars']/tbody/tr")}
    assert set(years) == {"2026年", "2027年"}
    assert "暂定" in years["2027年"] and "暂定" not in years["2026年"]


def test_served_by_the_service_behind_its_tokens(tmp_path):
    """``enshi-rules serve --tokens FILE``: the workbench asks for the same token as /v1."""
    from fastapi.testclient import TestClient

    from enshi_rules.server import ServerSettings, create_app
    from enshi_rules.server._auth import hash_line

    tokens = tmp_path / "tokens"
    tokens.write_text(hash_line("s3cret-token-for-the-test") + "\n", encoding="utf-8")
    c = TestClient(create_app(ServerSettings(tokens_file=str(tokens))))
    assert c.get("/").status_code == 401
    assert c.post("/try", data={"mode": "form"}).status_code == 401
    ok = c.get("/articles/27", headers={"Authorization": "Bearer s3cret-token-for-the-test"})
    assert ok.status_code == 200 and "第二十七条" in ok.text


def test_a_post_too_large_is_refused_unread(client):
    r = client.post("/try", data={"mode": "paste", "case_json": "x" * (5_000_000)})
    assert r.status_code == 413 and "不能超过 2 MB" in r.text


def test_a_document_too_large_is_named_next_to_the_field(client):
    r = client.post("/try", data={"mode": "paste", "case_json": " " * 2_000_100})
    assert r.status_code == 422
    assert "案件文件过大（超过 2 MB）" in text_of(page(r).get_element_by_id("panel-paste"))


def test_a_defeated_finding_is_kept_and_says_so(client):
    """容错 granted (第三十二条第二款): the 第一款 finding stays, marked 已被排除, not shown as a violation."""
    doc = page(client.get("/examples/liability_tolerance_holds"))
    li = doc.xpath("//li[@data-rule='art_032.p1.i3.unlawful_enforcement']")[0]
    assert "finding-defeated" in li.get("class")
    # the exclusion is the headline (review 2, items 10, 11), with the clause's own word (应予处理, (c)14);
    # the exception named by its 条/款/项 in words, its rule id only after it as a reference (hygiene)
    assert "【已被排除（原为：应予处理）】" in text_of(li) and "【违反" not in text_of(li)
    assert "【应予处理·已被排除】" not in text_of(li)
    assert "已被排除：第三十二条第二款的例外排除了该认定" in text_of(li)
    assert "（规则编号 art_032.p2.tolerance）" in text_of(li)


def test_a_possible_violation_shows_as_possible_in_chinese(client):
    # issue 19: a receipt known only to the month; judged on 20 October the rectification may be
    # overdue (received early in September) or still running (received late): 可能, never 【违反】
    imprecise = {
        "case_id": "IMP-W",
        "as_of": "2025-10-20",
        "supervising_organ": "422800",
        "supervised_organ": "422822",
        "supervision": {
            "started_on": "2025-08",
            "source": {"kind": "专项行动", "note": "2025年执法规范化专项行动"},
            "situations": [{"item": 3, "confirmed": True}],
            "suggestion_letter": {"issued_on": "2025-09-01", "received_on": "2025-09"},
        },
    }
    r = client.post("/try", data={"mode": "paste", "case_json": json.dumps(imprecise, ensure_ascii=False)})
    assert r.status_code == 200, r.text[:2000]
    doc = page(r)
    found = _findings(doc)
    overdue = found["art_027.p2.rectify.overdue"]
    assert "【可能违反·逾期未完成】" in overdue and "可能：" in overdue and "2025年9月，只知月份" in overdue
    assert "【违反" not in overdue
    body = text_of(doc.body)
    assert "监督事项来源" in body and "专项行动（2025年执法规范化专项行动）" in body


# ---------------------------------------------------------------------------- 《行政执法监督条例》节录


TAX_2026 = {
    "case_id": "TAX-2026",
    "organs": [{"id": "422823.sw", "name": "国家税务总局巴东县税务局", "kind": "其他", "level": "县（市）",
                "region": "422823", "vertically_managed": True}],
    "supervising_organ": "422823",
    "supervised_organ": "422823.sw",
    "supervision": {"started_on": "2026-03-02", "situations": [{"item": 1, "confirmed": True, "found_on": "2026-03-02"}],
                    "superior_informed": False},
}


def test_tiaoli_index_lists_only_the_excerpts_and_says_what_is_missing(client):
    from enshi_rules._law import text as _text

    r = client.get("/tiaoli")
    assert r.status_code == 200
    doc = page(r)
    assert text_of(doc.xpath("//h1")[0]) == "《行政执法监督条例》（节录）条文对照"
    links = doc.xpath("//table[@class='index']//th/a/@href")
    assert links == [f"/tiaoli/{n}" for n in (1, 2, 3, 4, 5, 6, 37, 38, 39, 40, 41, 42)]
    assert list(_text.regulation(_text.TIAOLI).articles) == [1, 2, 3, 4, 5, 6, 37, 38, 39, 40, 41, 42]
    notice = text_of(doc.xpath("//p[@class='excerpt-notice']")[0])
    assert "第六条第二款；第七条至第三十七条第一款；第四十三条、第四十四条未取得原文" in notice and "不得据此推断" in notice
    row42 = doc.xpath("//a[@href='/tiaoli/42']/ancestor::tr")[0]
    assert "已编码" in text_of(row42) and "4" in text_of(row42)  # four rules of 第四十二条
    row1 = doc.xpath("//a[@href='/tiaoli/1']/ancestor::tr")[0]
    assert "不编码" in text_of(row1)
    assert "（所在章未取得原文）" in text_of(doc)  # 第三十七条、第三十八条: their chapter was not obtained
    assert doc.xpath("//nav//a[@href='/tiaoli'][@aria-current='page']")
    assert_nothing_from_another_host(doc)


def test_tiaoli_article_42_units_status_rules_and_tests(client):
    r = client.get("/tiaoli/42")
    assert r.status_code == 200
    doc = page(r)
    assert text_of(doc.xpath("//h1")[0]) == "第四十二条（节录）"
    assert "引用：《行政执法监督条例》第四十二条" in text_of(doc.xpath("//p[@class='meta']")[0])
    p1 = doc.get_element_by_id("art_42__para_1")
    assert "已编码" in text_of(p1) and "参照本条例有关规定执行" in text_of(p1)
    assert p1.get_element_by_id("rule-tl_042.p1.department_own_body") is not None
    p2 = doc.get_element_by_id("art_42__para_2")
    assert "已编码" in text_of(p2) and "将发现的问题及时告知其上一级主管部门" in text_of(p2)
    rule = doc.get_element_by_id("rule-tl_042.p2.problems_not_passed_on")
    assert "应当" in text_of(rule) and "违反" not in text_of(rule).replace("不认定违反", "").replace("不认定为违反", "").replace("never_a_violation", "")
    assert "引用：《行政执法监督条例》第四十二条第二款" in text_of(rule)
    assert "tests/rules/test_tl_042.py::test_problems_not_passed_on_is_owed_never_a_violation" in text_of(rule)
    assert [a.get("href") for a in p2.xpath(".//ul[@class='interp']//a")] == [f"/interpretations#{x}" for x in ("T-1", "T-3", "T-5", "T-6")]
    assert "督促指导" in text_of(doc.get_element_by_id("art_42__para_3"))
    assert doc.xpath("//nav[@class='pager']/a[@rel='prev']/@href") == ["/tiaoli/41"]


def test_tiaoli_article_6_says_its_second_paragraph_was_not_obtained(client):
    doc = page(client.get("/tiaoli/6"))
    assert "第二款未取得原文" in text_of(doc.xpath("//p[@class='excerpt-notice']")[0])
    assert not doc.xpath("//*[@id='art_6__para_2']")
    assert doc.xpath("//nav[@class='pager']/a[@rel='next']/@href") == ["/tiaoli/37"]


@pytest.mark.parametrize("n", ["7", "36", "43", "44", "45", "x"])
def test_an_article_not_obtained_is_not_shown(client, n):
    r = client.get(f"/tiaoli/{n}")
    assert r.status_code == 404 and "没有取得原文" in r.text and "不推断" in r.text


def test_interpretations_of_the_tiaoli_link_to_its_units_and_rules(client):
    doc = page(client.get("/interpretations"))
    t6 = doc.get_element_by_id("T-6").getparent() if doc.get_element_by_id("T-6").tag != "section" else doc.get_element_by_id("T-6")
    hrefs = doc.xpath("//a[@href='/tiaoli/42#art_42__para_2']")
    assert hrefs and "《行政执法监督条例》第四十二条第二款" in text_of(hrefs[0])
    assert doc.xpath("//a[@href='/tiaoli/42#rule-tl_042.p2.problems_not_passed_on']")
    assert t6 is not None


def test_search_finds_the_tiaoli_text(client):
    doc = page(client.get("/articles", params={"q": "上一级主管部门"}))
    hits = doc.xpath("//ul[@class='results']//a/@href")
    assert "/tiaoli/42#art_42__para_2" in hits


def test_a_trial_after_2026_02_01_shows_the_tiaoli_and_links_to_it(client):
    r = client.post("/try", data={"mode": "paste", "case_json": json.dumps(TAX_2026, ensure_ascii=False), "as_of": "2026-04-01"})
    assert r.status_code == 200, r.text[:2000]
    doc = page(r)
    f = _findings(doc)
    assert "【应当】" in f["tl_042.p2.problems_not_passed_on"] and "【违反" not in "".join(f.values())
    li = doc.xpath("//li[@data-rule='tl_042.p2.problems_not_passed_on']")[0]
    cite = li.xpath(".//a[@class='citation']")[0]
    assert text_of(cite) == "《行政执法监督条例》第四十二条第二款" and cite.get("href") == "/tiaoli/42#art_42__para_2"
    assert li.xpath(".//a[@href='/tiaoli/42#rule-tl_042.p2.problems_not_passed_on']")
    notes = text_of(doc.xpath("//ul[@class='notes']")[0])
    # a vertically managed body: 第四十二条第二款 only, never 条例第二条 (review 2, item 8; T-10)
    assert "（《行政执法监督条例》第二条）" not in notes and "（《行政执法监督条例》第四十二条第二款）" in notes
    assert "（第二条第二款）" in notes  # the measures' exclusion, as before
    assert not doc.xpath("//ul[@class='notes']//a[@href='/tiaoli/2#art_2__para_1']")
    summary = text_of(doc.xpath("//dl[@class='summary']")[0])
    assert "适用本办法否" in summary and "适用《行政执法监督条例》是（第四十二条第二款：对设在本行政区域内的垂直管理机关的监督" in summary


def test_the_docx_of_a_2026_matter_cites_the_tiaoli(client):
    import io

    import docx

    r = client.post("/report.docx", data={"case_json": json.dumps(TAX_2026, ensure_ascii=False), "as_of": "2026-04-01"})
    assert r.status_code == 200
    document = docx.Document(io.BytesIO(r.content))
    paras = "\n".join(p.text for p in document.paragraphs)
    assert "（《行政执法监督条例》第四十二条第二款）" in paras and "（《行政执法监督条例》第二条）" not in paras
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    row = next(x for x in rows if "tl_042.p2.problems_not_passed_on" in x[2])
    assert row[1].startswith("【应当】") and row[2].startswith("《行政执法监督条例》第四十二条第二款")


# ---------------------------------------------------------------------------- records as they are (issue 19, review item 4)

from enshi_rules.workbench import _trial  # noqa: E402

IMPRECISE_FORM_DOC = {
    "case_id": "IMP-FORM",
    "supervising_organ": "422800",
    "supervised_organ": "422822",
    "supervision": {
        "started_on": "2025-08",
        "superior_informed": False,
        "situations": [{"item": 3, "confirmed": True, "found_on": "2025"}],
        "suggestion_letter": {"issued_on": "done", "received_on": "2025-09"},
        "objection": {"filed_on": "not_done"},
        "rectification_report": {"submitted_on": "unknown"},
    },
}


def test_the_guided_form_holds_months_years_acts_without_dates_and_superior_informed():
    values = _trial.form_from_case(IMPRECISE_FORM_DOC)
    assert (values["supervision.started_on"], values["supervision.started_on~how"]) == ("2025-08-01", "month")
    assert (values["supervision.situations[0].found_on"], values["supervision.situations[0].found_on~how"]) == ("2025-01-01", "year")
    assert (values["supervision.suggestion_letter.issued_on"], values["supervision.suggestion_letter.issued_on~how"]) == ("", "done")
    assert values["supervision.objection.filed_on~how"] == "not_done"
    assert values["supervision.rectification_report.submitted_on~how"] == "unknown"
    assert values["supervision.superior_informed"] == "false"
    assert _trial.case_from_form(values, lambda name: values.get(name) or []) == IMPRECISE_FORM_DOC
    assert _trial.form_holds(IMPRECISE_FORM_DOC)
    # a word the format refuses for a date that is not an act is not held: the document opens as JSON
    assert not _trial.form_holds({**IMPRECISE_FORM_DOC, "enforcement_action": {"id": "X", "acted_on": "done"}})


@pytest.mark.parametrize(
    ("raw", "how", "act", "want"),
    [
        ("2025-05-17", "", True, "2025-05-17"),
        ("2025-05-17", "month", False, "2025-05"),
        ("2025-05-17", "year", False, "2025"),
        ("", "done", True, "done"),
        ("", "not_done", True, "not_done"),
        ("", "unknown", True, "unknown"),
        ("2025-05-17", "done", True, "2025-05-17"),  # done, and the day is known
        ("", "month", True, "month"),  # no day picked: passed on for the loader to refuse at the field
        ("2025-05-17", "not_done", True, "2025-05-17（not_done）"),  # a day and 未做 at once: refused too
        ("", "done", False, ""),  # not an act: no such choice
    ],
)
def test_a_date_of_the_form_as_the_document_writes_it(raw, how, act, want):
    assert _trial.date_value(raw, how, act=act) == want


def test_the_form_offers_the_choices_for_each_date(client):
    doc = page(client.get("/try"))
    assert_every_control_labelled(doc)
    acts = doc.xpath("//select[@name='supervision.suggestion_letter.issued_on~how']/option/@value")
    assert acts == ["", "month", "year", "done", "not_done", "unknown"]
    dates = doc.xpath("//select[@name='supervision.situations[0].found_on~how']/option/@value")
    assert dates == ["", "month", "year"]
    assert doc.xpath("//select[@name='enforcement_action.acted_on~how']/option/@value") == ["", "month", "year"]
    assert doc.xpath("//select[@name='supervision.superior_informed']/option/@value") == ["", "true", "false"]


def _imprecise_form(**extra: str) -> dict[str, str]:
    return {
        "mode": "form",
        "case_id": "IMP-FORM",
        "supervising_organ": "422800",
        "supervised_organ": "422822",
        "supervision.situations[0].item": "3",
        "supervision.situations[0].confirmed": "true",
        "supervision.suggestion_letter.issued_on~how": "done",
        "as_of": "2026-12-01",
        **extra,
    }


def test_a_letter_issued_on_an_unknown_day_entered_in_the_form_is_issued(client):
    r = client.post("/try", data=_imprecise_form())
    assert r.status_code == 200, r.text[:2000]
    doc = page(r)
    issued = _findings(doc)["art_026.p1.i3.letter_issued"]
    assert "已于日期未记录的某日制发" in issued and "【应当·已履行（可能）】" in issued
    summary = text_of(doc.xpath("//dl[@class='summary']")[0])
    assert "适用本办法不能确定（见第三十五条的说明）" in summary
    assert "尚未制发" not in text_of(doc.body)


def test_a_start_known_to_the_month_entered_in_the_form_is_a_month(client):
    r = client.post("/try", data=_imprecise_form(**{"supervision.started_on": "2025-08-17", "supervision.started_on~how": "month"}))
    assert r.status_code == 200, r.text[:2000]
    doc = page(r)
    summary = text_of(doc.xpath("//dl[@class='summary']")[0])
    assert "适用本办法是" in summary
    assert "本次监督程序于2025年8月1日至2025年8月31日之间启动" in text_of(doc.body)


def test_a_month_without_a_day_is_refused_at_its_field(client):
    r = client.post("/try", data=_imprecise_form(**{"supervision.started_on~how": "month"}))
    assert r.status_code == 422
    doc = page(r)
    field = doc.xpath("//input[@name='supervision.started_on']")[0]
    assert field.get("aria-invalid") == "true"
    # the choice made is kept
    assert doc.xpath("//select[@name='supervision.started_on~how']/option[@selected]/@value") == ["month"]


def test_a_finding_only_under_a_bounding_calendar_shows_that_bound_and_its_period(client):
    # P10, case c3b (tests/_support/cases.py): the on-time application exists under the late bound only
    r = client.post("/try", data={"mode": "paste", "case_json": json.dumps(c3b(), ensure_ascii=False)})
    assert r.status_code == 200, r.text[:2000]
    found = _findings(page(r))
    on_time = found["art_027.p1.review_application.on_time"]
    assert "按放假日最多的边界日历（P10，late）计算，不是按暂定日历" in on_time and "期限最后一日为2027年2月19日" in on_time
    assert "期限最后一日为2027年2月11日" not in on_time
    late = found["art_027.p1.review_application.late"]
    assert "不是按暂定日历" not in late and "期限最后一日为2027年2月11日" in late


def test_a_question_for_a_person_reads_as_one_not_as_a_permission(client):
    """c13 (review 2, item 11): an answer to a late application that upholds the objection leaves to a
    person whether the supervision ended; the page tags it 【有待人工判断】, never 【可以】 (E-2), and
    the findings resting on it say so with the same words."""
    r = client.post("/try", data={"mode": "paste", "as_of": "2025-11-10", "case_json": json.dumps(late_application_upheld(), ensure_ascii=False)})
    assert r.status_code == 200
    doc = page(r)
    li = text_of(doc.xpath("//li[@data-rule='art_027.p1.late_application_answered']")[0])
    assert li.startswith("【有待人工判断】 恩施土家族苗族自治州人民政府：复查申请已超过十日期限（至2025年9月15日，含当日），监督机关仍于2025年10月9日作出复查答复")
    assert "【可以】" not in li.split("为什么")[0]
    dep = text_of(doc.xpath("//li[@data-rule='art_027.p2.rectify.overdue']")[0])
    assert "有待人工判断" in dep and "第二十七条第一款" in dep
    # the article page gives the rule the same word (性质)
    art = page(client.get("/articles/27"))
    head = next(p for p in art.xpath("//p[@class='rule-head']") if "art_027.p1.late_application_answered" in text_of(p))
    assert "有待人工判断" in text_of(head) and "可以" not in text_of(head)


@pytest.mark.parametrize("name", sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "examples").glob("*.json")))
def test_an_example_page_shows_no_code_in_what_legal_staff_read(client, name):
    """Review 2, item 10: no backtick anywhere on the page (the interpretations' texts in 为什么 are
    shown in words, plain_zh), and the missing facts named in Chinese, the field path only after."""
    doc = page(client.get(f"/examples/{name}"))
    body = text_of(doc.xpath("//main")[0]) if doc.xpath("//main") else text_of(doc)
    assert "`" not in body
    for li in doc.xpath("//section[@aria-labelledby='missing-h']//li"):
        assert not text_of(li).startswith(("supervision.", "liabilities", "annual_duties", "clues", "calendar.")), text_of(li)


def test_the_register_page_gives_choices_and_sources_in_words(client):
    """/interpretations: each choice and its 依据 without code spans (plain_zh); the 影响 line says
    where in the code, and is marked so (review 2, item 10)."""
    doc = page(client.get("/interpretations"))
    choices = doc.xpath("//article[@class='choice']")
    assert len(choices) > 100
    for a in choices:
        for p in a.xpath("./p[not(@class)] | ./p[@class='source']"):
            assert "`" not in text_of(p), a.get("id")
    a282 = doc.get_element_by_id("A28-5")
    assert "第二十八条第一款的说明（标为“有待人工判断”，E-2）" in text_of(a282)


@pytest.mark.parametrize(("section", "record", "label"), [
    ("liabilities", {"id": "ZR-1", "person": "张某", "role": "直接负责的主管人员", "behaviour": 1, "confirmed": True}, "责任追究记录1·行为日期"),
    ("conduct", {"id": "WG-1", "person": "王某", "role": "其他直接责任人员", "behaviour": "玩忽职守", "confirmed": True}, "监督人员行为记录1·行为日期"),
    ("obstructions", {"id": "ZA-1", "party": "其他单位和个人", "actor": "恩施某砂石公司", "conduct": "阻碍", "confirmed": True}, "阻挠监督记录1·行为日期"),
])
def test_a_conduct_date_is_named_in_chinese(client, section, record, label):
    # the date of the conduct of 第三十二条至第三十四条 (A32-7, A34-2): the form's error summary calls it
    # 行为日期 of its record; a pasted document is named by its path, as every other field
    assert _trial.field_name(f"{section}[0].acted_on") == label
    bad = json.loads(json.dumps(OVERDUE)) | {section: [record | {"acted_on": "2099-01-01"}]}
    r = client.post("/try", data={"mode": "paste", "case_json": json.dumps(bad, ensure_ascii=False)})
    assert r.status_code == 422
    assert f"{section}[0].acted_on：日期 2099-01-01 晚于判断日" in text_of(page(r).get_element_by_id("error-summary"))
