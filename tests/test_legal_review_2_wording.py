"""The second legal review's cases (/work/legal-review-2.md, section 二), as fixtures: how a finding
names the record it is about (item 6), which article of the 条例 a note may cite (item 8), and the
wording a legal officer reads (items 10, 11). The expected Chinese is the review's, or the articles'.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import enshi_rules
from enshi_rules._evaluate.text_report import render_text
from enshi_rules.testing import assert_no_note, assert_note

CASES = Path(__file__).resolve().parent / "fixtures" / "legal_review_2"


def case(name: str) -> dict:
    return json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))


def messages(report, rule_id: str) -> list[str]:
    return sorted(f.message for f in report.findings if f.rule_id == rule_id)


# ---- item 6: every finding about one inspection names it (第十七条、第二十三条、第二十四条) ----------


@pytest.fixture(scope="module")
def c3():
    # JC-1 9月8日 现场 1人; JC-2 9月15日 现场 2人，向某未出示证件、有利害关系未回避; JC-3 9月20日 非现场
    return enshi_rules.evaluate(case("c3_onsite_one_person"))


def test_the_two_on_site_findings_that_read_as_contradictory_name_their_inspections(c3):
    # 第二十四条第（一）项: "不得少于两人" kept by JC-2 and broken by JC-1
    assert messages(c3, "art_024.p1.i1.too_few_supervisors") == [
        "2026年9月8日的现场监督（JC-1）只有1名行政执法监督人员参加（回避者不计），少于两人。"
    ]
    assert messages(c3, "art_024.p1.i1.at_least_two") == ["2026年9月15日的现场监督（JC-2）由2名行政执法监督人员开展，不少于两人。"]
    # 出示证件: shown at JC-1, not by 向某 at JC-2
    assert messages(c3, "art_024.p1.i1.certificates_shown") == [
        "参加2026年9月8日的现场监督（JC-1）的行政执法监督人员均出示了行政执法监督证件。"
    ]
    assert messages(c3, "art_024.p1.i1.certificate_not_shown") == ["2026年9月15日的现场监督（JC-2）中向某未出示行政执法监督证件。"]
    # 第二十四条第（二）项
    assert messages(c3, "art_024.p1.i2.withdrawal_required") == [
        "2026年9月15日的现场监督（JC-2）中，向某与监督事项有利害关系或者有其他可能影响公正处理的情形，应当回避而未回避。"
    ]


def test_the_same_measure_in_two_inspections_gives_two_findings_that_differ(c3):
    # 第二十三条第（二）项 taken at JC-1 and at JC-3: no two findings read the same
    assert messages(c3, "art_023.p1.i2.examine_files") == [
        "监督机关在2026年9月20日的非现场监督（JC-3）中采取了“查阅、复制、调取行政执法案卷以及其他有关材料”的监督措施，属于可以采取的措施。",
        "监督机关在2026年9月8日的现场监督（JC-1）中采取了“查阅、复制、调取行政执法案卷以及其他有关材料”的监督措施，属于可以采取的措施。",
    ]
    assert messages(c3, "art_017.p1.inspection") == [
        "监督机关以2026年9月15日的现场监督（JC-2）组织开展行政执法监督检查，属于可以采取的监督方式。",
        "监督机关以2026年9月20日的非现场监督（JC-3）组织开展行政执法监督检查，属于可以采取的监督方式。",
        "监督机关以2026年9月8日的现场监督（JC-1）组织开展行政执法监督检查，属于可以采取的监督方式。",
    ]
    said = Counter((f.rule_id, f.subject, f.message) for f in c3.findings)
    assert not [k for k, n in said.items() if n > 1]


def test_an_inspection_without_id_or_date_is_named_by_its_place_in_the_list():
    doc = case("c3_onsite_one_person")
    del doc["inspections"][0]["id"]  # ids are unique: one record may go without
    del doc["inspections"][0]["conducted_on"]
    got = messages(enshi_rules.evaluate(doc), "art_024.p1.i1.too_few_supervisors")
    assert got == ["日期未记录的现场监督（第1条记录）只有1名行政执法监督人员参加（回避者不计），少于两人。"]


def test_the_text_report_names_the_inspection(c3):
    out = render_text(c3)
    assert "【违反】宣恩县司法局：2026年9月8日的现场监督（JC-1）只有1名行政执法监督人员参加（回避者不计），少于两人。" in out


def test_a_complaint_is_named_by_its_record_and_the_date_of_judgment():
    doc = case("c3_onsite_one_person")
    doc["complaints"] = [{"id": "TS-7", "complainant": "公民", "kind": "投诉", "received_on": "2026-10-08"}]
    got = messages(enshi_rules.evaluate(doc), "art_010.p2.complaint_unhandled")
    assert got == ["公民于2026年10月8日提出的投诉（TS-7），监督机关应当依法处理；至判断日（2026年11月30日）仍未处理。"]


# ---- item 8: the 条例 note of a vertically managed body; annual duties after 2026-02-01 -----------


def test_a_vertically_managed_body_gets_only_the_note_of_tiaoli_42_2():
    report = enshi_rules.evaluate(case("c11_vertical"))
    ids = {n.rule_id for n in report.notes}
    # the measures do not apply (第二条第二款): no 条例第二条, no premise of the measures' periods
    assert "tl_002.p1.applies" not in ids and "tl_042.p2.local_government_supervision" in ids
    assert not [n for n in report.notes if n.instrument == "tiaoli" and n.article == 2]
    assert not [n for n in report.notes if "第二十七条的十日" in n.message]
    assert report.applicability.tiaoli.applicable.value == "yes"
    assert report.applicability.tiaoli.rule_ids == ("tl_042.p2.local_government_supervision",)
    out = render_text(report)
    assert "（《行政执法监督条例》第二条）" not in out
    assert "适用《行政执法监督条例》：是（第四十二条第二款：对设在本行政区域内的垂直管理机关的监督，本办法不适用；" in out


def test_annual_duties_of_2026_say_what_the_excerpts_support():
    report = enshi_rules.evaluate(case("c6_annual"))
    assert_note(report, rule_id="tl_002.p1.annual_duties", excludes=False)
    notes = [n for n in report.notes if n.rule_id == "tl_002.p1.annual_duties"]
    assert [n.message for n in notes] == [
        "案件记录了2026年度的年度职责（本办法第十五条、第十八条、第十九条），该年度内《行政执法监督条例》（国务院令第825号，"
        "2026年2月1日起施行）已施行；它是行政法规，位阶高于本办法。已核对的节录中没有关于权责清单、年度行政执法监督工作计划、"
        "案卷评查、考核评议的规定（条例第七条至第三十七条第一款未取得原文），这些年度职责是否另受条例规定，须对照条例全文人工核对；"
        "本办法照常认定。恩施土家族苗族自治州司法局对宣恩县司法局的监督是州人民政府工作部门对县（市）人民政府相应部门的本系统监督，"
        "条例第四十二条第三款规定为在本级人民政府行政执法监督机构的指导下、依照有关法律规定进行的督促指导。"
    ]
    assert report.applicability.tiaoli.applicable.value == "undetermined"
    assert "适用《行政执法监督条例》：不能确定（年度职责所在年度条例已施行，已核对的节录中没有相应规定，须人工核对；" in render_text(report)


def test_annual_duties_that_end_before_2026_02_01_are_not_touched():
    doc = case("c6_annual")
    doc["annual_duties"] = [a for a in doc["annual_duties"] if a["year"] == 2025]
    doc["as_of"] = "2026-01-20"
    report = enshi_rules.evaluate(doc)
    assert_no_note(report, rule_id="tl_002.p1.annual_duties")
    assert not [n for n in report.notes if n.instrument == "tiaoli"]
    assert report.applicability.tiaoli.applicable.value == "no"


# ---- items 10, 11: words a legal officer reads ---------------------------------------------------


def _docx_text(report) -> str:
    import io

    docx = pytest.importorskip("docx")
    from enshi_rules.workbench import render_docx

    document = docx.Document(io.BytesIO(render_docx(report)))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_word_document_of_a_provisional_year_has_no_english_sentence():
    report = enshi_rules.evaluate(case("c4b_2027_spring"))
    assert any("Due dates in 2027" in n for n in report.calendar_notes)  # the report's field keeps both
    text = _docx_text(report)
    assert "2027年的到期日为暂定：2027年节假日安排尚未公布，按《全国年节及纪念日放假办法》推算；该年通知公布后，到期日可能改变，届时应重新评估。" in text
    assert "Due dates" not in text and "evaluate again" not in render_text(report)


def test_a_reason_of_possible_names_the_field_in_words_with_records_counted_from_one():
    from enshi_rules._evaluate.text_report import certainty_zh, field_zh

    assert field_zh("annual_duties[2].responsibility_list_on") == "年度职责记录（第3条）的权责清单制定日"
    assert field_zh("supervision.suggestion_letter.received_on") == "收到建议书之日"
    assert field_zh("inspections[0].conducted_on") == "监督活动记录（第1条）的监督活动日"
    report = enshi_rules.evaluate(case("c6_annual"))
    f = next(f for f in report.findings if f.rule_id.startswith("art_015.p1.responsibility_list") and f.uncertain_facts)
    # 第十五条 (A15-6, letters) now gives this reason in words itself; field_zh is what the other reasons use
    assert certainty_zh(f) == (
        "可能：该认定只在部分可能的日期或情况下成立，原因：宣恩县司法局2026年度的记录未载明行政执法监督权责清单是否已经制定，"
        "以前年度的记录也没有已制定的日期；是否已经制定须查明（A15-2、A15-6）"
    )
    assert "annual_duties[" not in render_text(report).split("四、缺少的事实")[0]


def test_a_last_day_known_as_a_range_reads_with_one_until():
    report = enshi_rules.evaluate(case("c9_month_only"))
    late = next(f for f in report.findings if f.rule_id == "art_027.p2.rectify.late")
    assert "超过三十日期限（最后一日在2025年10月31日至2025年12月1日之间，含当日）" in late.message
    assert "至2025年10月31日至" not in render_text(report)


def test_a_defeated_finding_reads_as_defeated_first(capsys):
    report = enshi_rules.evaluate(case("c2_upheld_continued"))
    out = render_text(report)
    # the one plain 【违反】 left is the supervising organ's own (continued after upheld), not a defeated one
    assert "·已被排除】" not in out and "【违反·逾期未完成·已被排除" not in out
    f = next(f for f in report.findings if f.rule_id == "art_028.p2.execution_report.overdue")
    assert f.defeated_by == "art_027.p1.terminate_supervision"
    assert "【已被排除（原为：逾期未完成）】来凤县市场监督管理局：被监督机关应当在2026年11月11日（含当日）前报告决定书的执行情况，至判断日（2026年11月30日）仍未报告。" in out
    # the exception named by its 条/款/项 first, its rule id after (hygiene's defeated_by_zh)
    assert "已被排除：第二十七条第一款的认定排除了该认定，保留在报告中，以示被排除的是什么（规则编号 art_027.p1.terminate_supervision）" in out
    assert "art_027.p1.terminate_supervision 所报告的例外" not in out


def test_no_finding_says_deemed_or_so_far():
    # the measures have no "视为无异议"; a report is read after the day it was judged on
    for name in ("c2_upheld_continued", "c9_month_only", "c4b_2027_spring"):
        out = render_text(enshi_rules.evaluate(case(name)))
        assert "视为对建议书无异议" not in out and "至今" not in out
    out = render_text(enshi_rules.evaluate(case("c4b_2027_spring")))
    assert "被监督机关未在2027年1月18日（含当日）前申请复查，按第二十七条第二款无异议的情形自收到建议书之日起计算整改期限。" in out


def test_the_obligor_of_article_30_is_the_organ_that_keeps_the_assessment():
    report = enshi_rules.evaluate(case("c4b_2027_spring"))
    f = next(f for f in report.findings if f.rule_id == "art_030.p1.performance_assessment")
    assert f.subject == "纳入考核的机关（负责法治建设绩效考核的机关，案件未记录）"
    assert f.subject_id == "HF-2027-002"


def test_the_notice_of_the_excerpts_names_the_paragraphs_held():
    from enshi_rules._law import text as _text

    held = _text.held_labels(_text.regulation(_text.TIAOLI))
    assert "第六条第一款" in held and "第三十七条第二款" in held
    assert "第六条、" not in held and "第三十七条、" not in held


def test_an_unrecorded_serious_impact_is_explained_as_not_recorded():
    from enshi_rules import explain

    doc = case("c2_upheld_continued")
    doc["supervision"].pop("serious_impact", None)
    # 第二十九条第二款 gives one finding per ground (A29-2): without a decision letter an interview's
    # finding is the one that asks for 情况突出、造成重大影响
    doc["supervision"].pop("decision_letter", None)
    doc["supervision"]["head_interviewed_on"] = "2026-11-20"
    e = explain(doc, "art_029.p2")
    rows = [x for f in e.findings for x in f.facts if x.field == "supervision.serious_impact"]
    assert rows and all(x.value is None and x.value_zh == "未记录" for x in rows)
