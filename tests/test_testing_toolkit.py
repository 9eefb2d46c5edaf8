"""The testing toolkit (issue 5): assertion helpers, strategies, scenario files and the pytest plugin."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import enshi_rules
from enshi_rules import CalendarDataError, CaseValidationError, Finding, load_case
from enshi_rules._periods.counting import is_working_day
from enshi_rules.testing import (
    ANY,
    assert_finding,
    assert_in_scope,
    assert_missing_fact,
    assert_no_finding,
    assert_no_missing_facts,
    assert_no_note,
    assert_note,
    assert_out_of_scope,
    find_findings,
    find_notes,
    format_report,
)
from enshi_rules.testing import strategies as s
from enshi_rules.testing.scenarios import (
    ScenarioFormatError,
    load_scenarios,
    parse_scenarios,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "overdue_decision.json"
SCENARIOS = ROOT / "tests" / "scenarios"


@pytest.fixture(scope="module")
def report():
    return enshi_rules.evaluate(EXAMPLE.read_bytes())  # as of 2025-12-15


# --------------------------------------------------------------------------- assertion helpers


def test_assert_finding_returns_the_finding(report) -> None:
    f = assert_finding(report, cite="第二十八条第二款", status="overdue", due="2025-12-12", days_late=3)
    assert isinstance(f, Finding) and f.rule_id == "art_028.p2.execution_report.overdue"
    assert assert_finding(report, article=27, paragraph=2, modality="违反", status="逾期未完成") .due == date(2025, 10, 24)
    assert assert_finding(report, rule_id="art_026.*", cite="第二十六条第（三）项", subject="建始县司法局")
    assert assert_finding(report, cite="《恩施土家族苗族自治州行政执法监督办法》第二十七条", count=2)
    assert assert_finding(report, cite="第二十八条第一款", days_late=None, status=None)
    assert assert_finding(report, message_contains="至判断日（2025年12月15日）仍未报告", due=date(2025, 12, 12))
    assert len(find_findings(report, article=27)) == 2
    assert find_notes(report, cite="第三十五条")[0].rule_id == "art_035.p1.in_force"
    assert ANY is not None and repr(ANY) == "ANY"


def test_a_failed_assert_finding_says_what_differs_and_shows_the_report(report) -> None:
    with pytest.raises(AssertionError) as info:
        assert_finding(report, cite="第二十八条第二款", status="on_time")
    msg = str(info.value)
    assert msg.startswith("expected a finding matching 第二十八条第二款, status=on_time; there is none.")
    assert "art_028.p2.execution_report.overdue（第二十八条第二款）" in msg
    assert "status is overdue, expected on_time" in msg
    assert "report of case ESJD-2025-031 as of 2025-12-15:" in msg
    assert "二、认定事项" in msg and "逾期 3 日" in msg  # the readable report of the CLI


def test_count_and_absence_failures_list_what_was_found(report) -> None:
    with pytest.raises(AssertionError, match=r"expected 1 finding\(s\) matching 第二十七条; found 2"):
        assert_finding(report, article=27, count=1)
    with pytest.raises(AssertionError, match="expected no finding matching 第二十八条; found") as info:
        assert_no_finding(report, article=28)
    assert "art_028.p1.decision_issued" in str(info.value)
    assert_no_finding(report, cite="第二十七条第一款", status="late")


def test_notes_scope_and_missing_facts(report) -> None:
    assert_in_scope(report)
    assert_note(report, rule_id="art_003.p1.supervision_relation", excludes=False)
    assert_no_note(report, article=2)
    assert_no_missing_facts(report)
    with pytest.raises(AssertionError, match="expected the case to be outside the measures"):
        assert_out_of_scope(report)
    doc = json.loads(EXAMPLE.read_text("utf-8"))
    doc["special_supervision"] = "审计"
    out = enshi_rules.evaluate(doc)
    assert assert_out_of_scope(out, cite="第二条第二款").rule_id == "art_002.p2.special_supervision"
    with pytest.raises(AssertionError, match="excluded by:\n  - art_002.p2.special_supervision"):
        assert_in_scope(out)
    del doc["special_supervision"]
    del doc["supervision"]["decision_letter"]["received_on"]
    doc["supervision"]["started_on"] = "2025-08-20"
    missing = enshi_rules.evaluate(doc)
    assert assert_missing_fact(missing, "supervision.decision_letter.received_on", needed_for="第二十八条第二款")
    with pytest.raises(AssertionError, match="expected the missing fact x.y; the report names:"):
        assert_missing_fact(missing, "x.y")
    with pytest.raises(AssertionError, match="expected no missing facts"):
        assert_no_missing_facts(missing)


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        ({"cite": "第九十九条"}, "cite"),
        ({"cite": "第二十七条第二款", "article": 28}, "cite"),
        ({"status": "late-ish"}, "status"),
        ({"modality": "must"}, "modality"),
        ({"due": "2025-02-30"}, "due"),
        ({"days_late": "3"}, "days_late"),
        ({"excludes": "yes"}, "excludes"),
    ],
)
def test_criteria_that_can_never_match_are_refused(report, kw, match) -> None:
    with pytest.raises(ValueError, match=match):
        assert_finding(report, **kw)


def test_helpers_refuse_what_is_not_a_report() -> None:
    with pytest.raises(TypeError, match="Report"):
        assert_finding({"findings": []}, article=27)  # type: ignore[arg-type]


def test_format_report_is_the_text_of_the_cli(report) -> None:
    from enshi_rules.cli import render_text

    assert format_report(report) == render_text(report)


# --------------------------------------------------------------------------- optional hypothesis

_WITHOUT_HYPOTHESIS = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "hypothesis" or name.startswith("hypothesis."):
            raise ImportError("hypothesis is blocked")
sys.meta_path.insert(0, Block())
import enshi_rules.testing, enshi_rules.testing.scenarios, enshi_rules.testing.cases
assert "hypothesis" not in sys.modules
try:
    import enshi_rules.testing.strategies
except ImportError as exc:
    print("strategies:", exc)
"""


def test_the_toolkit_imports_without_hypothesis_except_the_strategies() -> None:
    proc = subprocess.run([sys.executable, "-c", _WITHOUT_HYPOTHESIS], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "strategies: enshi_rules.testing.strategies needs hypothesis" in proc.stdout
    assert "enshi-rules[test]" in proc.stdout


# --------------------------------------------------------------------------- strategies


@given(doc=s.case_documents())
def test_case_documents_are_valid(doc) -> None:
    lc = load_case(doc)
    assert lc.as_of == date.fromisoformat(doc["as_of"])


@given(tree=s.organ_trees())
def test_organ_trees_extend_the_registry_validly(tree) -> None:
    ids = [o["id"] for o in tree]
    assert len(ids) == len(set(ids))
    sup = next((o["id"] for o in tree if o["kind"] == "工作部门"), "422801.sfj")
    load_case({"case_id": "T", "organs": tree, "supervising_organ": "422800", "supervised_organ": sup})


@given(d=s.dates_around_holidays(3), h=s.statutory_holidays(), w=s.adjusted_working_days())
def test_holiday_strategies(d, h, w) -> None:
    assert d.year in range(s.IN_FORCE.year - 1, s.LAST_CALENDAR_YEAR + 1)
    assert not is_working_day(h)
    assert w.weekday() >= 5 and is_working_day(w)


@given(d=s.dates_around_holidays(0, min_value=date(2025, 10, 1), max_value=date(2025, 10, 31)))
def test_dates_around_holidays_with_no_slack_are_the_special_days(d) -> None:
    assert date(2025, 10, 1) <= d <= date(2025, 10, 31)
    assert d.weekday() >= 5 and is_working_day(d) or not is_working_day(d)


@given(dc=s.deadline_cases(["art_027.p2.rectify"]), n=s.period_days())
def test_deadline_cases_keep_to_the_obligation_asked_for(dc, n) -> None:
    assert dc.obligation.rule_prefix == "art_027.p2.rectify" and dc.days == 30
    assert n in (10, 15, 30)
    moved = dc.with_act(None).at(dc.as_of + timedelta(days=1))
    assert "rectification_report" not in moved.document["supervision"]
    with pytest.raises(ValueError):
        dc.at(dc.last_event - timedelta(days=1))


def test_calendar_dates_refuse_an_empty_range() -> None:
    with pytest.raises(ValueError):
        s.calendar_dates(date(2090, 1, 1), date(2091, 1, 1))


# --------------------------------------------------------------------------- scenario files


def test_the_bundled_scenarios_are_many_named_as_sentences_and_unique() -> None:
    files = sorted(SCENARIOS.glob("*.scenario.yaml"))
    scenarios = [sc for f in files for sc in load_scenarios(f)]
    assert len(scenarios) >= 20
    names = [sc.name for sc in scenarios]
    assert len(names) == len(set(names))
    assert all(len(n) >= 10 and "的" in n for n in names)  # sentences, the way a legal officer says it
    assert all(sc.run().passed for sc in scenarios)


BASE = {
    "case_id": "Y-1",
    "supervising_organ": 422800,  # a number in YAML: read as the code it is
    "supervised_organ": 422801,
    "supervision": {"started_on": date(2025, 3, 10), "situations": [{"item": 1, "confirmed": True}]},
}


def test_changes_lay_over_the_shared_case_and_null_removes() -> None:
    data = {
        "case": BASE,
        "as_of": date(2025, 6, 30),
        "scenarios": [
            {"name": "尚未制发建议书的，应当制发", "expect": ["第二十六条第（一）项", "art_026.p1.i1.letter_required"]},
            {
                "name": "情形未经调查属实的，不产生义务",
                "changes": {"supervision": {"situations": [{"item": 1, "confirmed": False}]}},
                "absent": ["第二十六条"],
            },
            {"name": "去掉监督程序记录的，同样不产生义务", "changes": {"supervision": None}, "absent": [{"article": 26}]},
        ],
    }
    scs = parse_scenarios(data, source="inline.scenario.yaml")
    assert [sc.run().passed for sc in scs] == [True, True, True]
    assert scs[0].case["supervised_organ"] == "422801" and scs[0].case["supervision"]["started_on"] == "2025-03-10"
    assert "supervision" not in scs[2].case
    assert scs[0].as_of == date(2025, 6, 30)


def test_a_case_given_as_a_path_is_read_relative_to_the_file(tmp_path) -> None:
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "c.json").write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    f = tmp_path / "x.scenario.yaml"
    f.write_text("name: 决定书收到后三十日内未报告的，逾期\ncase: cases/c.json\nexpect: [{cite: 第二十八条第二款, status: overdue}]\n", "utf-8")
    (sc,) = load_scenarios(f)
    assert sc.run().passed


def test_raises_expects_an_error_instead_of_a_report() -> None:
    # a letter received before it was issued is a data error (docs/data-errors.md), never a report
    bad = {**BASE, "supervision": {**BASE["supervision"], "suggestion_letter": {"issued_on": "2026-12-20", "received_on": "2026-12-19"}}}
    (sc,) = parse_scenarios({"name": "收到日早于制发日的，报错而不猜测", "case": bad, "as_of": "2027-03-01", "raises": "CaseValidationError"})
    result = sc.run()
    assert result.passed and isinstance(result.error, CaseValidationError) and result.report is None
    (sc,) = parse_scenarios({"name": "同一案件不写 raises 的，报错即为失败", "case": bad, "as_of": "2027-03-01", "absent": ["第二十八条"]})
    result = sc.run()
    assert not result.passed and "evaluation raised CaseValidationError" in result.message()
    # a period that reaches 2027 (no published arrangement) no longer raises: it is provisional ([P9])
    late = {**BASE, "supervision": {**BASE["supervision"], "suggestion_letter": {"issued_on": "2026-12-20", "received_on": "2026-12-21"}}}
    (sc,) = parse_scenarios({"name": "期限跨入2027年的，到期日暂定", "case": late, "as_of": "2027-03-01", "raises": "CalendarDataError"})
    assert "expected evaluation to raise CalendarDataError; it gave a report" in sc.run().message()


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ([1, 2], "holds a mapping"),
        ({"scenarios": []}, "at least one"),
        ({"case": BASE, "scenarios": [{"expect": ["第二十六条"]}]}, "name is required"),
        ({"case": BASE, "scenarios": [{"name": "甲的情形", "expcet": ["第二十六条"]}]}, r"unknown key\(s\) \['expcet'\]"),
        ({"case": BASE, "scenarios": [{"name": "甲的情形"}]}, "expects nothing"),
        ({"scenarios": [{"name": "甲的情形", "absent": ["第二十六条"]}]}, "no case"),
        ({"case": BASE, "scenarios": [{"name": "甲的情形", "absent": ["第二十六条"]}] * 2}, "two scenarios"),
        ({"case": BASE, "scenarios": [{"name": "甲的情形", "expect": ["第九十九条"]}]}, "expect #1"),
        ({"case": BASE, "scenarios": [{"name": "甲的情形", "expect": [{"cite": "第二十六条", "color": "red"}]}]}, "color"),
        ({"case": BASE, "scenarios": [{"name": "甲的情形", "expect": [{"status": "soon"}]}]}, "status"),
        ({"case": BASE, "scenarios": [{"name": "甲的情形", "absent": [{"cite": "第二十六条", "count": 2}]}]}, "count"),
        ({"case": BASE, "scenarios": [{"name": "甲的情形", "as_of": "soon", "absent": ["第二十六条"]}]}, "as_of"),
        ({"case": BASE, "scenarios": [{"name": "甲的情形", "raises": "OSError"}]}, "raises"),
        ({"case": "nowhere.json", "scenarios": [{"name": "甲的情形", "absent": ["第二十六条"]}]}, "cannot be read"),
        ({"case": BASE, "scenarios": [{"name": "甲的情形", "in_scope": "yes"}]}, "in_scope"),
    ],
)
def test_format_errors_name_the_file_the_scenario_and_the_problem(data, match) -> None:
    with pytest.raises(ScenarioFormatError, match=match) as info:
        parse_scenarios(data, source="bad.scenario.yaml")
    assert str(info.value).startswith("bad.scenario.yaml")


# --------------------------------------------------------------------------- the pytest plugin

GOOD = """\
title: 正确的情景
case: {case}
scenarios:
  - name: 12月15日仍未报告执行情况的，逾期三日
    as_of: 2025-12-15
    expect:
      - {{cite: 第二十八条第二款, status: overdue, due: 2025-12-12, days_late: 3}}
"""

WRONG = """\
title: 故意写错的情景
case: {case}
scenarios:
  - name: 12月12日报告执行情况的，逾期一日（写错了：其实按期）
    changes:
      supervision:
        execution_report: {{submitted_on: 2025-12-12}}
    as_of: 2025-12-31
    expect:
      - {{cite: 第二十八条第二款, status: late, days_late: 1}}
    absent:
      - 第二十六条
"""

MALFORMED = """\
case: {case}
scenarios:
  - name: 拼错了键名的情景
    expcet: [第二十八条]
"""


def test_the_plugin_collects_scenario_files_and_a_wrong_one_fails_readably(tmp_path) -> None:
    case = "overdue_decision.json"  # a case file must lie in the scenario file's own directory
    shutil.copy(EXAMPLE, tmp_path / case)
    (tmp_path / "good.scenario.yaml").write_text(GOOD.format(case=case), "utf-8")
    (tmp_path / "wrong.scenario.yaml").write_text(WRONG.format(case=case), "utf-8")
    (tmp_path / "sub").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "sub" / case)
    (tmp_path / "sub" / "malformed.scenario.yml").write_text(MALFORMED.format(case=case), "utf-8")
    (tmp_path / "ignored.yaml").write_text("not: a scenario\n", "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", "--continue-on-collection-errors", str(tmp_path)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )  # fmt: skip
    out = proc.stdout
    assert proc.returncode == 1, out + proc.stderr
    # the right scenario passes, the wrong one fails, the malformed scenario fails alone
    assert "PASSED good.scenario.yaml::12月15日仍未报告执行情况的，逾期三日" in out
    assert "FAILED wrong.scenario.yaml::12月12日报告执行情况的，逾期一日（写错了：其实按期）" in out
    assert "FAILED sub/malformed.scenario.yml::拼错了键名的情景" in out
    # the failure names the scenario and the file, and says what differs
    assert "scenario「12月12日报告执行情况的，逾期一日（写错了：其实按期）」failed" in out
    assert "wrong.scenario.yaml" in out
    assert "✗ expected 第二十八条第二款, status=late, days_late=1: not in the report; nearest:" in out
    assert "status is on_time, expected late" in out
    assert "✗ expected nothing matching 第二十六条; found art_026.p1.i3.letter_issued" in out
    assert "二、认定事项" in out  # the report, readable
    assert "Traceback" not in out
    # the format error names the file, the scenario and the key
    assert "malformed.scenario.yml: scenario「拼错了键名的情景」 (line 3): 有未知的键（可能拼错了） / unknown key(s) ['expcet']" in out


def test_the_plugin_marks_scenarios(tmp_path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "overdue_decision.json")
    (tmp_path / "good.scenario.yaml").write_text(GOOD.format(case="overdue_decision.json"), "utf-8")
    (tmp_path / "test_other.py").write_text("def test_x():\n    pass\n", "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-m", "scenario", "--strict-markers", str(tmp_path)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 passed, 1 deselected" in proc.stdout


def test_a_scenario_name_with_newlines_is_collapsed() -> None:
    (sc,) = parse_scenarios({"case": BASE, "scenarios": [{"name": "  多行\n  的名称 ", "absent": [{"cite": "第二十七条"}]}]})
    assert sc.name == "多行 的名称"
    assert textwrap.dedent(sc.name) == sc.name


def test_the_example_of_docs_scenarios_md_runs_and_passes() -> None:
    import yaml

    text = (ROOT / "docs" / "scenarios.md").read_text("utf-8")
    block = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    scenarios = parse_scenarios(yaml.safe_load(block), base_dir=SCENARIOS, source="docs/scenarios.md")
    assert len(scenarios) == 2
    assert [sc.run().problems for sc in scenarios] == [(), ()]


# --------------------------------------------------------------------------- a hardened reader

TWO = """\
case: overdue_decision.json
scenarios:
  - name: 第一个情景写对了
    as_of: 2025-12-15
    expect:
      - {cite: 第二十八条第二款, status: overdue, due: 2025-12-12, days_late: 3}
  - name: 第二个情景写了两次 expect
    as_of: 2025-12-15
    expect:
      - {cite: 第二十八条第二款, status: on_time}
    expect:
      - {cite: 第二十八条第二款, status: overdue}
"""


def _two(tmp_path, text: str):
    shutil.copy(EXAMPLE, tmp_path / "overdue_decision.json")
    f = tmp_path / "x.scenario.yaml"
    f.write_text(text, "utf-8")
    return f


def test_a_duplicate_key_fails_its_scenario_alone_naming_the_file_and_line(tmp_path) -> None:
    f = _two(tmp_path, TWO)
    with pytest.raises(ScenarioFormatError, match=r"line 11: key .expect. appears twice"):
        load_scenarios(f)
    good, bad = load_scenarios(f, isolate=True)
    assert good.error is None and good.run().passed
    assert bad.name == "第二个情景写了两次 expect"
    assert bad.error is not None and str(f) in bad.error and "第11行：键 'expect' 重复出现" in bad.error
    assert not bad.run().passed


@pytest.mark.parametrize("word", ["on", "off", "yes", "No", "ON", "true"])
def test_an_unquoted_yaml_boolean_key_fails_its_scenario_naming_file_line_and_fix(tmp_path, word) -> None:
    """``on:`` unquoted is the boolean True in YAML 1.1 (PyYAML): the key the officer wrote would be gone."""
    text = TWO.replace("    expect:\n      - {cite: 第二十八条第二款, status: on_time}\n", f"    {word}: 2025-12-12\n", 1)
    assert f"    {word}: 2025-12-12" in text
    f = _two(tmp_path, text)
    truth = word.lower() in ("on", "yes", "true")
    with pytest.raises(ScenarioFormatError, match=rf"line 9: the key {word} is unquoted, so YAML reads it as the boolean {truth}"):
        load_scenarios(f)
    good, bad = load_scenarios(f, isolate=True)
    assert good.error is None and good.run().passed
    assert bad.error is not None and str(f) in bad.error
    assert f"第9行：键 {word} 未加引号" in bad.error and f'quote it: "{word}":' in bad.error


def test_a_quoted_on_key_is_read_as_the_string_it_is(tmp_path) -> None:
    f = _two(tmp_path, TWO.replace("    expect:\n      - {cite: 第二十八条第二款, status: on_time}\n", '    "on": 2025-12-12\n', 1))
    good, bad = load_scenarios(f, isolate=True)
    assert bad.error is not None and "unknown key(s) ['on']" in bad.error and "boolean" not in bad.error


def test_a_boolean_key_outside_any_scenario_refuses_the_file_at_its_line(tmp_path) -> None:
    f = _two(tmp_path, "yes: 1\n" + TWO)
    with pytest.raises(ScenarioFormatError, match=r"x\.scenario\.yaml:1.*line 1: the key yes is unquoted") as info:
        load_scenarios(f, isolate=True)
    assert "请加引号" in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        # the "billion laughs": nine levels of nine aliases
        "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
        ) + "scenarios: [{name: n, absent: [第二十八条]}]\n",
        "case: &c {case_id: X}\nscenarios: [{name: n, case: *c, absent: [第二十八条]}]\n",
    ],
)
def test_anchors_and_aliases_are_refused(tmp_path, text) -> None:
    with pytest.raises(ScenarioFormatError, match="aliases are not allowed|anchors are not allowed") as info:
        load_scenarios(_two(tmp_path, text))
    assert "不允许使用" in str(info.value) and ":1" in str(info.value)


@pytest.mark.parametrize("case", ["/etc/passwd", "../overdue_decision.json", "sub/../../overdue_decision.json"])
def test_a_case_path_must_stay_inside_the_scenario_directory(tmp_path, case) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    shutil.copy(EXAMPLE, tmp_path / "overdue_decision.json")
    f = inner / "x.scenario.yaml"
    f.write_text(f"case: {case}\nscenarios: [{{name: n, absent: [第二十八条]}}]\n", "utf-8")
    with pytest.raises(ScenarioFormatError, match="outside the directory of the scenario file") as info:
        load_scenarios(f)
    assert "不在场景文件所在目录之内" in str(info.value)


def test_an_expectation_without_modality_holds_the_modality_the_rule_had_when_read(monkeypatch) -> None:
    import dataclasses as dc

    from enshi_rules._engine import durable as _engine
    from enshi_rules._engine import rulebook as _rulebook

    (sc,) = parse_scenarios(
        {"name": "决定书制发义务", "case": json.loads(EXAMPLE.read_text("utf-8")), "as_of": "2025-12-15",
         "expect": [{"rule_id": "art_028.p1.decision_issued"}]}
    )  # fmt: skip
    assert sc.run().passed
    rid = "art_028.p1.decision_issued"
    rules = _engine.compiled_ruleset().rules
    monkeypatch.setitem(rules, rid, dc.replace(rules[rid], modality=_rulebook.Modality.MAY))
    result = sc.run()
    assert not result.passed and "art_028.p1.decision_issued is may, was shall" in result.problems[0]
