"""``explain``: every finding with its text, condition, facts, chain, period and interpretations."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import enshi_rules
from enshi_rules import CaseValidationError, Explanation
from enshi_rules.cli import main

from _support.cases import c3b

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
OVERDUE = ROOT / "examples" / "overdue_decision.json"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_finding_of_every_example_is_explained(path):
    report = enshi_rules.evaluate(path.read_bytes())
    exp = enshi_rules.explain(path.read_bytes())
    assert [x.finding for x in exp.findings] == list(report.findings)
    for x in exp.findings:
        assert x.unit.citation == x.finding.citation and x.unit.text
        assert all(t.text for t in x.tests)  # a rule on every record of a kind has no test beyond the kind
        assert x.condition
        assert [i.id for i in x.interpretations] == list(x.finding.interpretations)
        assert (x.period is not None) == (x.finding.due is not None)
    assert Explanation.from_json(exp.to_json()) == exp


def test_rectification_overdue_is_explained_fact_by_fact():
    exp = enshi_rules.explain(OVERDUE.read_bytes(), "art_027.p2.rectify.overdue")
    (x,) = exp.findings
    assert x.unit.citation.endswith("第二十七条第二款")
    assert x.unit.text.startswith("被监督机关对《行政执法监督建议书》无异议或者经复查异议不成立的")
    facts = {v.name: v for v in x.facts}
    assert facts["done"].field == "supervision.rectification_report.submitted_on"
    assert facts["done"].value is None and facts["done"].value_zh == "未记录"
    assert facts["letter_due"].field is None and facts["letter_due"].value == "2025-10-24"
    assert "三十日" in facts["letter_due"].computed
    assert facts["as_of"].field == "as_of" and facts["as_of"].value == "2025-12-15"
    tests = {t.text: t.holds for t in x.tests}
    assert tests["未记录整改情况报送日"] is True
    assert tests["判断日晚于整改期限最后一日"] is True
    assert tests["申请复查日晚于申请复查期限最后一日"] is False  # the other branch of the "or"
    p = x.period
    assert (p.start, p.days, p.raw_last_day, p.due) == (date(2025, 9, 24), 30, date(2025, 10, 24), date(2025, 10, 24))
    assert p.rolled_over == () and p.stopped_by is None
    assert p.start_field == "supervision.suggestion_letter.received_on"
    assert p.done_field == "supervision.rectification_report.submitted_on"


def test_a_period_rolled_over_the_national_day_holidays_names_each_day_and_why():
    exp = enshi_rules.explain(OVERDUE.read_bytes(), "art_027.p1.review_application")
    (x,) = exp.findings
    p = x.period
    assert p.raw_last_day == date(2025, 10, 4) and p.due == date(2025, 10, 9)
    assert [(d.on.isoformat(), d.reason) for d in p.rolled_over] == [
        ("2025-10-04", "星期六，法定节假日（国庆节）"),
        ("2025-10-05", "星期日，法定节假日（国庆节）"),
        ("2025-10-06", "星期一，法定节假日（中秋节）"),
        ("2025-10-07", "星期二，调休放假（国庆节）"),
        ("2025-10-08", "星期三，调休放假（国庆节）"),
    ]
    assert "2025年10月9日（含当日）" in p.text
    assert x.finding.interpretations[:4] == ("P1", "P2", "P3", "P4")


def test_an_adjusted_working_sunday_stops_the_period_and_is_named():
    # received 2025-09-18: ten days end on Sunday 2025-09-28, a 调休上班日 (P5): not rolled
    doc = json.loads(OVERDUE.read_text("utf-8"))
    doc["supervision"]["suggestion_letter"].update(issued_on="2025-09-16", received_on="2025-09-18")
    exp = enshi_rules.explain(doc, "art_027.p1.review_application")
    (x,) = exp.findings
    p = x.period
    assert p.raw_last_day == p.due == date(2025, 9, 28)
    assert p.rolled_over == ()
    assert p.stopped_by is not None and p.stopped_by.on == date(2025, 9, 28)
    assert p.stopped_by.reason == "星期日，调休上班日（国庆节调休）"
    assert x.finding.interpretations[:4] == ("P1", "P2", "P3", "P5")
    assert "P4" not in x.finding.interpretations


def test_a_decision_finding_shows_the_article_27_finding_it_rests_on():
    exp = enshi_rules.explain(OVERDUE.read_bytes(), "art_028.p1.decision_issued")
    (x,) = exp.findings
    assert [(c.rule_id, c.derived_kind) for c in x.chain] == [("art_027.p2.rectify.overdue", "rectification_outcome")]
    assert x.chain[0].citation.endswith("第二十七条第二款")
    assert {v.name: v.value for v in x.facts}["status"] == "overdue"
    assert {v.name: v.value_zh for v in x.facts}["status"] == "逾期未完成"


def test_explaining_a_report_needs_its_case_and_the_case_must_give_that_report():
    doc = json.loads(OVERDUE.read_text("utf-8"))
    report = enshi_rules.evaluate(doc, as_of="2025-12-12")
    exp = enshi_rules.explain(report, case=doc)
    assert exp.as_of == date(2025, 12, 12) and [x.finding for x in exp.findings] == list(report.findings)
    with pytest.raises(CaseValidationError, match="case="):
        enshi_rules.explain(report)
    other = enshi_rules.evaluate(doc, as_of="2025-12-15")
    with pytest.raises(CaseValidationError, match="does not give this report"):
        enshi_rules.explain(other, case={**doc, "supervision": {**doc["supervision"], "decision_letter": None}})


def test_an_unknown_rule_id_is_named():
    with pytest.raises(CaseValidationError, match="art_099"):
        enshi_rules.explain(OVERDUE.read_bytes(), "art_099")


def test_cli_explain_text_and_json(capsys):
    assert main(["explain", str(OVERDUE), "--rule", "art_028.p1"]) == 0
    out = capsys.readouterr().out
    assert "第二十八条第一款" in out and "推导链" in out and "art_027.p2.rectify.overdue" in out
    assert main(["explain", str(OVERDUE), "--format", "json", "--as-of", "2025-12-12"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == 1 and data["as_of"] == "2025-12-12"
    assert list(data["findings"][0]) == [
        "finding", "unit", "rule_summary", "condition", "tests", "facts", "chain", "period", "interpretations",
        "bound", "bound_zh",
    ]
    assert main(["explain", str(OVERDUE), "--rule", "art_099"]) == 2
    assert "art_099" in capsys.readouterr().err


def test_schema_report_and_explanation(capsys):
    assert main(["schema", "--report"]) == 0
    schema = json.loads(capsys.readouterr().out)
    finding = schema["$defs"]["Finding"]["properties"]
    for field in ("interpretations", "defeated_by", "depends_on", "counted_to", "performed"):
        assert field in finding and finding[field]["description"], field
    assert "interpretations" in schema["$defs"]["Note"]["properties"]
    assert main(["schema", "--explanation"]) == 0
    assert "FindingExplanation" in json.loads(capsys.readouterr().out)["$defs"]


def test_explain_pages_of_the_examples_are_fresh():
    from enshi_rules._law import docs as _trace_docs

    for path in EXAMPLES:
        page = ROOT / "docs" / "explain" / f"{path.stem}.md"
        assert page.is_file(), f"{page} missing: run enshi-rules trace --write-docs"
        assert page.read_text("utf-8") == _trace_docs.render_example_explanation(path), (
            f"{page} is stale: run enshi-rules trace --write-docs"
        )


def test_notes_name_their_interpretations_too():
    report = enshi_rules.evaluate((ROOT / "examples" / "objection_upheld.json").read_bytes())
    by_rule = {n.rule_id: n.interpretations for n in report.notes}
    assert by_rule["art_035.p1.in_force"] == ("A35-1",)
    assert "A03-2" in by_rule["art_003.p1.supervision_relation"]


def test_explain_takes_the_calendar_files_evaluate_takes() -> None:
    """A period reaching 2027 is provisional without a calendar file and not with one; the explanation
    of a report computed with the file needs the same file (else it is not that report's)."""
    doc = json.loads((ROOT / "examples" / "rectified_on_time.json").read_text("utf-8"))
    doc["as_of"] = "2027-03-01"
    doc["supervision"]["suggestion_letter"].update(issued_on="2026-12-20", received_on="2026-12-28")
    doc["supervision"]["rectification_report"]["submitted_on"] = "2027-01-10"
    cal = [str(ROOT / "tests" / "scenarios" / "calendar_2027_test_notice.yaml")]
    with_file = enshi_rules.evaluate(doc, calendar=cal)
    exp = enshi_rules.explain(doc, calendar=cal)
    assert [x.finding for x in exp.findings] == list(with_file.findings)
    assert [x.finding for x in enshi_rules.explain(doc).findings] == list(enshi_rules.evaluate(doc).findings)
    assert list(with_file.findings) != list(enshi_rules.evaluate(doc).findings)
    assert enshi_rules.explain(with_file, case=doc, calendar=cal).findings == exp.findings
    with pytest.raises(CaseValidationError, match="does not give this report"):
        enshi_rules.explain(with_file, case=doc)


# ---- P10: a finding given under a bounding calendar only ---------------------------------------

# case c3b (tests/_support/cases.py): the ten days end on 2027-02-11 with the provisional 2027 calendar
# (the application of 2027-02-12 late by one day), on 2027-02-19 under the late bound of P10 (on time):
# the on-time finding exists under that bound only.


def test_a_finding_only_under_a_bounding_calendar_is_explained_by_that_calendar(tmp_path, capsys):
    e = enshi_rules.explain(c3b(), "art_027.p1.review_application")
    by = {x.finding.rule_id: x for x in e.findings}
    on_time, late = by["art_027.p1.review_application.on_time"], by["art_027.p1.review_application.late"]
    # the finding of the late bound: its tests, facts and period are the late bound's, and it says so
    assert on_time.bound == "late" and "放假日最多" in on_time.bound_zh and "不是按暂定日历" in on_time.bound_zh
    assert on_time.finding.due == date(2027, 2, 19)
    p = on_time.period
    assert (p.start, p.days, p.due, p.status.value) == (date(2027, 1, 26), 10, date(2027, 2, 19), "on_time")
    assert "期限最后一日为2027年2月19日（含当日；按放假日最多的情形推算，节假日安排尚未公布）" in p.text and "未超过期限" in p.text
    assert [t.holds for t in on_time.tests] == [True, True]
    assert any(v.name.endswith("due") and v.value_zh.startswith("2027年2月19日") for v in on_time.facts)
    # the finding of the provisional calendar keeps its own trace, and names no bound
    assert late.bound is None and late.bound_zh is None
    assert (late.period.due, late.period.status.value) == (date(2027, 2, 11), "late")
    case = tmp_path / "c3b.json"
    case.write_text(json.dumps(c3b(), ensure_ascii=False), "utf-8")
    assert main(["explain", str(case), "--rule", "art_027.p1.review_application"]) == 0
    text = capsys.readouterr().out
    blocks = {
        line.rsplit("（规则编号 ", 1)[1].rstrip("）"): b
        for b in text.split("\n\n") for line in b.splitlines() if line.startswith("   规则：")
    }
    assert "   边界日历：本认定只在放假日最多" in blocks["art_027.p1.review_application.on_time"]
    assert "期限最后一日为2027年2月19日" in blocks["art_027.p1.review_application.on_time"]
    assert "   边界日历：" not in blocks["art_027.p1.review_application.late"]
    # the JSON says the same
    got = json.loads(e.to_json())
    assert [(x["finding"]["rule_id"], x["bound"]) for x in got["findings"]] == [
        ("art_027.p1.review_application.late", None), ("art_027.p1.review_application.on_time", "late"),
    ]
