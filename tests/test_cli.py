"""The enshi-rules command: exit codes, one-line errors, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from enshi_rules.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_evaluate_text(capsys):
    assert main(["evaluate", str(ROOT / "examples" / "overdue_decision.json")]) == 0
    out = capsys.readouterr().out
    assert "第二十七条第二款" in out and "art_027.p2.rectify.overdue" in out and "逾期 17 日（计至 2025-11-10）" in out and "【应当·已履行】" in out


def test_text_timeline_words_a_right_as_a_right(capsys):
    """第二十七条第一款's review window is a right (可以): unused, it is 期限届满未行使, not a broken duty."""
    assert main(["evaluate", str(ROOT / "examples" / "overdue_decision.json")]) == 0
    timeline = capsys.readouterr().out.split("三、期限")[1].split("\n\n")[0].splitlines()
    (window,) = [line for line in timeline if "第二十七条第一款" in line]
    (rectify,) = [line for line in timeline if "第二十七条第二款" in line]
    assert window.startswith("  2025-10-09") and window.endswith("期限届满未行使")
    assert rectify.startswith("  2025-10-24") and rectify.endswith("逾期未完成")


def test_evaluate_json_with_as_of(capsys):
    assert main(["evaluate", str(ROOT / "examples" / "overdue_decision.json"), "--format", "json", "--as-of", "2025-12-12"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == "2025-12-12"
    assert "art_028.p2.execution_report.pending" in [f["rule_id"] for f in data["findings"]]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"[]", "JSON object"),
        (json.dumps({"case_id": "x", "supervising_organ": "422800"}).encode(), "supervised_organ"),
        (json.dumps({"case_id": "x", "supervising_organ": "422800", "supervised_organ": "999999"}).encode(), "999999"),
    ],
)
def test_invalid_input_exits_2_with_one_line(tmp_path, capsys, content, needle):
    p = tmp_path / "case.json"
    p.write_bytes(content)
    assert main(["evaluate", str(p)]) == 2
    err = capsys.readouterr().err
    assert needle in err and err.count("\n") == 1 and "Traceback" not in err


def test_missing_file_exits_2(capsys):
    assert main(["evaluate", "/nonexistent/case.json"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_a_period_reaching_a_year_without_a_published_calendar_is_reported_provisional(tmp_path, capsys):
    doc = json.loads((ROOT / "examples" / "rectified_on_time.json").read_text("utf-8"))
    doc["as_of"] = "2027-03-01"
    doc["supervision"]["suggestion_letter"].update(issued_on="2026-12-20", received_on="2026-12-28")
    doc["supervision"]["rectification_report"]["submitted_on"] = "2027-01-10"
    p = tmp_path / "c.json"
    p.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    assert main(["evaluate", str(p)]) == 0
    out = capsys.readouterr().out
    assert "（暂定：2027年节假日安排尚未公布，按《全国年节及纪念日放假办法》推算）" in out
    assert main(["evaluate", str(p), "--calendar-missing", "strict"]) == 0
    out = capsys.readouterr().out
    # both time limits need 2027: the year is named once, with both (P9)
    assert out.count("2027年节假日日历（") == 1 and "2027年节假日日历（第二十七条第一款、第二十七条第二款）" in out


def _case_reaching_2027(tmp_path):
    doc = json.loads((ROOT / "examples" / "rectified_on_time.json").read_text("utf-8"))
    doc["as_of"] = "2027-03-01"
    doc["supervision"]["suggestion_letter"].update(issued_on="2026-12-20", received_on="2026-12-28")
    doc["supervision"]["rectification_report"]["submitted_on"] = "2027-01-10"
    p = tmp_path / "c.json"
    p.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return p


CALENDAR_2027 = ROOT / "tests" / "scenarios" / "calendar_2027_test_notice.yaml"


@pytest.mark.parametrize(
    "options",
    [["--calendar", str(CALENDAR_2027)], ["--calendar-missing", "strict"], ["--no-prefecture-days-off"], []],
)
def test_explain_takes_the_calendar_options_of_evaluate_and_explains_the_same_report(tmp_path, capsys, options):
    p = _case_reaching_2027(tmp_path)
    assert main(["evaluate", str(p), "--format", "json", *options]) == 0
    report = json.loads(capsys.readouterr().out)
    assert main(["explain", str(p), "--format", "json", *options]) == 0
    exp = json.loads(capsys.readouterr().out)
    assert [x["finding"] for x in exp["findings"]] == report["findings"]
    due = {f["rule_id"]: (f["due"], f.get("provisional")) for f in report["findings"] if f["rule_id"].startswith("art_027")}
    if options[:1] == ["--calendar"]:  # the file is the 2027 arrangement: nothing provisional
        assert due and all(prov is not True for _, prov in due.values())
    elif options[:1] == ["--calendar-missing"]:  # strict: no due date in 2027, the year a missing fact
        assert "calendar.2027" in [m["field"] for m in report["missing_facts"]]
    elif not options:
        assert any(prov is True for _, prov in due.values())


def test_explain_and_report_refuse_a_bad_calendar_file_naming_it(tmp_path, capsys):
    p = _case_reaching_2027(tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("calendars: []\n", "utf-8")
    assert main(["explain", str(p), "--calendar", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "日历文件无效 / invalid calendar file" in err and "bad.yaml" in err and "Traceback" not in err
    pytest.importorskip("docx")
    assert main(["report", str(p), "-o", str(tmp_path / "r.docx"), "--calendar", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "日历文件无效 / invalid calendar file" in err and "bad.yaml" in err


def test_every_command_that_evaluates_has_the_same_case_and_calendar_options():
    import argparse

    from enshi_rules.cli import build_parser

    def options(name: str) -> set[str]:
        sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
        return {o for a in sub.choices[name]._actions for o in a.option_strings}

    wanted = {"--as-of", "--day-counting", "--time-in-post", "--calendar", "--calendar-missing", "--no-prefecture-days-off"}
    for name in ("evaluate", "explain", "report", "batch"):
        assert wanted <= options(name), (name, wanted - options(name))


def test_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "supervising_organ" in schema["properties"]


def test_console_script_runs_from_stdin():
    doc = (ROOT / "examples" / "objection_upheld.json").read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "enshi_rules.cli", "evaluate", "-", "--format", "json"], input=doc, capture_output=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "art_027.p1.terminate_supervision" in proc.stdout.decode()


def test_evaluate_with_a_day_counting_policy(capsys):
    path = str(ROOT / "examples" / "overdue_decision.json")
    assert main(["evaluate", path, "--format", "json", "--day-counting", "working", "--time-in-post"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["policy"]["day_counting"] == "working" and data["policy"]["exclude_time_in_post"] is True
    # 2025-09-24 + 30 working days (National Day holidays skipped) is 2025-11-11, not 2025-10-24
    rect = next(f for f in data["findings"] if f["rule_id"].startswith("art_027.p2.rectify"))
    assert rect["due"] == "2025-11-11"
