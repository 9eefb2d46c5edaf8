"""The command line in its users' language: bilingual help, --version, article references, JSON errors,
batch's period options and error records, and options that override only what they name."""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from pathlib import Path

import pytest

import enshi_rules
from enshi_rules import cli
from enshi_rules._evaluate import versions as _versions

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "overdue_decision.json"
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORDS = re.compile(r"[A-Za-z]{3,}(\s+[A-Za-z]{2,}){1,}")


def _all_parsers(p: argparse.ArgumentParser, name: str = "enshi-rules"):
    yield name, p
    for a in p._actions:
        if isinstance(a, argparse._SubParsersAction):
            for sub_name, sp in a.choices.items():
                yield from _all_parsers(sp, f"{name} {sub_name}")


def test_every_command_and_option_has_help_in_chinese_and_english():
    parser = cli.build_parser()
    missing = []
    for name, p in _all_parsers(parser):
        for a in p._actions:
            if isinstance(a, argparse._SubParsersAction):
                for choice in a._choices_actions:
                    if not (choice.help and CJK.search(choice.help) and LATIN_WORDS.search(choice.help)):
                        missing.append(f"{name} {choice.dest}: {choice.help!r}")
                continue
            if not (a.help and CJK.search(a.help) and LATIN_WORDS.search(a.help)):
                missing.append(f"{name} {'/'.join(a.option_strings) or a.dest}: {a.help!r}")
    assert not missing, "\n".join(missing)


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["--version"])
    assert exc.value.code == 0
    out = capsys.readouterr().out.splitlines()
    v = _versions.static_versions()
    assert out == [
        f"enshi-rules {enshi_rules.__version__}",
        f"rules {v['rules']}",
        f"article_map {v['article_map']}",
        f"regulation {v['regulation']}",
        f"tiaoli {v['tiaoli']}",
        f"tiaoli_map {v['tiaoli_map']}",
    ]


@pytest.mark.parametrize("ref", ["27", "第二十七条", "《恩施土家族苗族自治州行政执法监督办法》第二十七条"])
def test_articles_accepts_a_number_and_a_chinese_label(ref, capsys):
    assert cli.main(["articles", ref]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "《恩施土家族苗族自治州行政执法监督办法》第二十七条"
    assert "art_27__para_1" in out and "art_27__para_2" in out


@pytest.mark.parametrize("ref", ["27.2", "第二十七条第二款"])
def test_articles_accepts_a_paragraph_and_shows_only_it(ref, capsys):
    assert cli.main(["articles", ref]) == 0
    out = capsys.readouterr().out
    assert "art_27__para_2" in out and "三十日内完成整改" in out
    assert "art_27__para_1  〔" not in out and "有异议的，可以" not in out


@pytest.mark.parametrize("ref", ["36", "27.5", "第三十六条", "twenty-seven", "0"])
def test_articles_refuses_what_names_no_unit(ref, capsys):
    assert cli.main(["articles", ref]) == 2
    err = capsys.readouterr().err
    assert "没有" in err and "there is no article" in err


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize("command", ["evaluate", "explain"])
def test_json_format_errors_are_problem_objects(command, monkeypatch, capsys):
    _stdin(monkeypatch, b"{}")
    assert cli.main([command, "-", "--format", "json"]) == 2
    captured = capsys.readouterr()
    body = json.loads(captured.out)
    assert body["type"] == "urn:enshi-rules:problem:invalid-case"
    assert body["status"] == 422
    assert [p["path"] for p in body["problems"]] == ["case_id", "supervising_organ", "supervised_organ"]
    assert body["problems"][0] == {"path": "case_id", "message_zh": "缺少必填字段", "message_en": "Field required"}
    assert body["versions"]["enshi_rules"] == enshi_rules.__version__
    assert captured.err == ""


def test_json_format_unreadable_file_is_a_problem_object(tmp_path, capsys):
    assert cli.main(["evaluate", str(tmp_path / "missing.json"), "--format", "json"]) == 2
    body = json.loads(capsys.readouterr().out)
    assert body["type"] == "urn:enshi-rules:problem:input-unreadable"
    assert "missing.json" in body["detail"]


def test_text_format_errors_stay_one_line(monkeypatch, capsys):
    _stdin(monkeypatch, b"{}")
    assert cli.main(["evaluate", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "case_id" in captured.err


def _doc_with_time_in_post() -> dict:
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["exclude_time_in_post"] = True
    return doc


def test_day_counting_overrides_only_day_counting(tmp_path, capsys):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(_doc_with_time_in_post(), ensure_ascii=False), encoding="utf-8")
    assert cli.main(["evaluate", str(path), "--format", "json", "--day-counting", "working"]) == 0
    policy = json.loads(capsys.readouterr().out)["policy"]
    assert policy["day_counting"] == "working"
    assert policy["exclude_time_in_post"] is True  # the document's own choice, kept
    assert cli.main(["evaluate", str(path), "--format", "json", "--no-time-in-post"]) == 0
    policy = json.loads(capsys.readouterr().out)["policy"]
    assert policy == {**policy, "day_counting": "calendar", "exclude_time_in_post": False}


def test_explain_options_override_only_what_they_name(tmp_path, capsys):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(_doc_with_time_in_post(), ensure_ascii=False), encoding="utf-8")
    assert cli.main(["explain", str(path), "--format", "json", "--day-counting", "working"]) == 0
    policy = json.loads(capsys.readouterr().out)["policy"]
    assert policy["day_counting"] == "working" and policy["exclude_time_in_post"] is True


def test_batch_takes_the_period_options_and_names_case_ids_in_errors(tmp_path, capsys):
    doc = _doc_with_time_in_post()
    src = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    src.write_text(
        "\n".join([
            json.dumps(doc, ensure_ascii=False),
            json.dumps({"case_id": "BAD-7", "supervising_organ": "422800"}),
            "{not json",
        ]) + "\n",
        encoding="utf-8",
    )
    status = cli.main(["batch", str(src), "-o", str(out), "--day-counting", "working", "--as-of", "2025-12-31"])
    assert status == 1
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["policy"]["day_counting"] == "working"
    assert lines[0]["policy"]["exclude_time_in_post"] is True
    assert lines[0]["as_of"] == "2025-12-31"
    assert lines[0] == json.loads(enshi_rules.evaluate({**doc, "day_counting": "working"}, as_of="2025-12-31").to_json())
    assert lines[1]["line"] == 2 and lines[1]["case_id"] == "BAD-7" and lines[1]["error"]["kind"] == "invalid"
    assert lines[2]["line"] == 3 and lines[2]["case_id"] is None
    err = capsys.readouterr().err
    assert "案件 3 件，报告 1 份，错误 2 条" in err and "3 cases, 1 report, 2 errors" in err
    assert "按条文统计的认定 / findings by article:" in err
    assert "第 2 行 / line 2 (BAD-7): invalid" in err


def test_batch_takes_the_calendar_options(tmp_path):
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["as_of"] = "2026-12-20"
    doc["supervision"] = {
        "started_on": "2026-11-02",
        "situations": [{"id": "QX-1", "item": 3, "found_on": "2026-11-02", "confirmed": True}],
        "suggestion_letter": {"id": "JYS-1", "issued_on": "2026-12-01", "received_on": "2026-12-02"},
    }
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    assert cli.main(["batch", str(src), "-o", str(out)]) == 0
    provisional = json.loads(out.read_text(encoding="utf-8"))
    assert any(c["year"] == 2027 and c["provisional"] for c in provisional["calendars"])
    assert cli.main(["batch", str(src), "-o", str(out), "--calendar-missing", "strict", "--force"]) == 0  # replaces out
    strict = json.loads(out.read_text(encoding="utf-8"))
    assert any("2027" in m["reason"] or "2027" in m["field"] for m in strict["missing_facts"])
    assert strict == json.loads(enshi_rules.evaluate(doc, policy=enshi_rules.PeriodPolicy(missing_calendar="strict")).to_json())
