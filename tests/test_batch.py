"""Batch evaluation: ``evaluate_many`` and ``enshi-rules batch`` (issue 6; worker faults from issue 7).

Every result in input order, one bad record never stops a batch, a killed worker costs exactly the
record it was evaluating (reported, not lost), bounded read-ahead, the same output with 1 and 2
jobs, and the command's exit codes, error records and summary.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

import enshi_rules
from enshi_rules import (
    BatchError,
    BatchResult,
    CaseValidationError,
    cli,
    evaluate,
    evaluate_many,
)
from enshi_rules._batch import pool as _batch
from enshi_rules.testing.cases import case_mix, platform_mix

CASES = list(platform_mix(40, seed=11))
BAD_JSON = "{not json"
BAD_CASE = {"case_id": "BAD-1", "supervising_organ": "422800"}  # no supervised organ


def _mixed() -> list[object]:
    docs: list[object] = list(CASES)
    docs.insert(3, BAD_JSON)
    docs.insert(20, BAD_CASE)
    return docs


def _summary(results: list[BatchResult]) -> list[tuple[int, str | None, BatchError | None]]:
    return [(r.index, r.report_json, r.error) for r in results]


# --- the Python API ----------------------------------------------------------------------------


def test_results_come_in_input_order_with_errors_in_place() -> None:
    docs = _mixed()
    results = list(evaluate_many(docs))
    assert [r.index for r in results] == list(range(len(docs)))
    for doc, r in zip(docs, results, strict=True):
        if doc in (BAD_JSON, BAD_CASE):
            assert not r.ok and r.report is None and r.report_json is None
            assert r.error is not None and r.error.kind == "invalid" and r.error.type == "CaseValidationError"
        else:
            assert r.ok and r.error is None
            assert r.report == evaluate(doc)
    assert "supervised_organ" in [p.path for p in results[20].error.problems]
    assert "JSON" in results[3].error.message


def test_two_jobs_give_exactly_what_one_job_gives() -> None:
    docs = _mixed()
    one = list(evaluate_many(docs, jobs=1))
    two = list(evaluate_many(docs, jobs=2))
    assert _summary(two) == _summary(one)
    assert two == one
    assert two[0].report == one[0].report  # decoded on demand from the worker's JSON


def test_as_of_applies_to_every_case_and_bad_arguments_fail_at_once() -> None:
    docs = CASES[:5]
    later = [r.report.as_of.isoformat() for r in evaluate_many(docs, as_of="2026-12-31")]
    assert later == ["2026-12-31"] * 5
    with pytest.raises(CaseValidationError):
        evaluate_many(docs, as_of="2025-02-30")  # raised by the call, before anything is read
    with pytest.raises(ValueError, match="at least 1"):
        evaluate_many(docs, jobs=0)
    with pytest.raises(TypeError):
        evaluate_many(docs, jobs=1.5)  # type: ignore[arg-type]


def test_input_is_read_lazily_within_a_bounded_window() -> None:
    pulled = 0

    def source() -> Iterator[dict]:
        nonlocal pulled
        for doc in case_mix(400, seed=5):
            pulled += 1
            yield doc

    results = evaluate_many(source(), jobs=2)
    worst = 0
    for k, r in enumerate(results, 1):
        assert r.ok
        worst = max(worst, pulled - k)
    assert pulled == 400
    assert worst <= 2 * _batch.CHUNK * 2 * 2  # the default window for two workers

    pulled = 0
    for k, _ in enumerate(evaluate_many(source(), jobs=1), 1):
        assert pulled == k  # in-process: one record at a time


def test_stopping_early_stops_the_workers() -> None:
    results = evaluate_many(case_mix(300, seed=6), jobs=2)
    first = [next(results) for _ in range(3)]
    assert [r.index for r in first] == [0, 1, 2]
    assert multiprocessing.active_children()
    results.close()
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]


# --- a worker that dies ----------------------------------------------------------------------


def kill_on_marker(payload: object, as_of: object) -> str:
    """A task that dies (SIGKILL, like the OOM killer) on the record "KILL"; workers import it by name."""
    if payload == "KILL":
        os.kill(os.getpid(), signal.SIGKILL)
    return _batch.report_json_task(payload, as_of)


def test_a_worker_killed_mid_record_costs_that_record_only() -> None:
    docs: list[object] = [json.dumps(d, ensure_ascii=False) for d in case_mix(60, seed=8)]
    docs[7] = "KILL"  # inside the first chunk: its other records must be evaluated again
    docs[41] = "KILL"
    got = list(_batch.iter_values(docs, task=kill_on_marker, jobs=2))
    assert [i for i, _, _ in got] == list(range(60))
    for i, ok, value in got:
        if i in (7, 41):
            assert not ok and value.kind == "worker_died"
            assert "SIGKILL" in value.message
        else:
            assert ok, (i, value)
            assert value == evaluate(docs[i]).to_json(indent=None)


def test_a_worker_killed_from_outside_loses_nothing() -> None:
    docs = list(case_mix(240, seed=9))
    results = evaluate_many(docs, jobs=2)
    out = [next(results)]
    victims = [p for p in multiprocessing.active_children() if p.is_alive()]
    assert victims
    os.kill(victims[0].pid, signal.SIGKILL)
    out += list(results)
    assert [r.index for r in out] == list(range(240))  # every record answered, in order
    died = [r for r in out if not r.ok]
    assert len(died) <= 1  # at most the record the victim was evaluating
    for r in died:
        assert r.error.kind == "worker_died"
        assert "killed by signal SIGKILL" in r.error.message  # how it died, whenever that was reported
        assert evaluate(docs[r.index])  # an innocent record: evaluating it again succeeds
    for r in out:
        if r.ok:
            assert r.report_json == evaluate(docs[r.index]).to_json(indent=None)


#: A rectification period that runs into 2027, whose arrangement is not published: received
#: 2026-12-02 + 30 days = 2027-01-01 (元旦), rolled to Monday 2027-01-04 on the provisional calendar,
#: to 2027-01-05 with the test calendar of tests/scenarios, which makes 01-04 a day off.
INTO_2027 = {
    "case_id": "INTO-2027", "supervising_organ": "422801.sfj", "supervised_organ": "422801.scjgj",
    "organs": [{"id": "422801.scjgj", "name": "恩施市市场监督管理局", "kind": "工作部门", "level": "县（市）",
                "region": "422801", "parent": "422801", "system": "市场监管"}],
    "enforcement_action": {"kind": "行政处罚", "acted_on": "2026-10-01"},
    "supervision": {
        "started_on": "2026-11-01",
        "situations": [{"id": "QX-1", "item": 1, "confirmed": True, "found_on": "2026-11-01"}],
        "suggestion_letter": {"id": "JYS-1", "issued_on": "2026-11-30", "received_on": "2026-12-02", "rectification_days": 30},
    },
    "as_of": "2026-12-20",
}
TEST_CALENDAR_2027 = Path(__file__).parent / "scenarios" / "calendar_2027_test_notice.yaml"


def _rectification_due(report_json: str) -> str:
    (f,) = [f for f in json.loads(report_json)["findings"] if f["rule_id"].startswith("art_027.p2.rectify.")]
    return f["due"]


def test_workers_evaluate_in_the_callers_directory_and_environment(tmp_path: Path, monkeypatch) -> None:
    """Workers are forked from the fork server, which keeps the directory and environment of the
    moment it started (the process's first batch). A calendar named by ENSHI_RULES_CALENDAR after
    that, here relative to the caller's directory, gave the workers the provisional 2027 and the
    caller the file's: a batch report differed from evaluate's in one due date."""
    assert all(r.ok for r in evaluate_many(CASES[:2], jobs=2))  # the fork server runs from here on
    (tmp_path / "2027.yaml").write_bytes(TEST_CALENDAR_2027.read_bytes())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ENSHI_RULES_CALENDAR", "2027.yaml")
    direct = evaluate(INTO_2027).to_json(indent=None)
    assert _rectification_due(direct) == "2027-01-05"  # the file's calendar
    (one,) = evaluate_many([INTO_2027], jobs=2)
    assert _rectification_due(one.report_json) == "2027-01-05"
    assert one.report_json == direct
    # and the other way: the variable gone again, the provisional calendar in the workers too
    monkeypatch.delenv("ENSHI_RULES_CALENDAR")
    direct = evaluate(INTO_2027).to_json(indent=None)
    assert _rectification_due(direct) == "2027-01-04"
    (one,) = evaluate_many([INTO_2027], jobs=2)
    assert one.report_json == direct


def test_a_dead_workers_feeder_thread_ends_with_it() -> None:
    """A chunk larger than a pipe's buffer is half written when its worker dies: the thread writing
    it blocked for good (a multiprocessing.Queue keeps the read end open in the parent) and stayed
    until the process exited. Now the write fails and the thread ends with the batch."""
    docs = list(case_mix(400, seed=9))
    for d in docs:  # about 6 kB a record: a chunk of 64 is several pipe buffers
        d["supervision"]["situations"][0]["description"] = "情况" * 1000  # the longest allowed
    before = set(threading.enumerate())
    results = evaluate_many(docs, jobs=2)
    out = [next(results)]
    victims = [p for p in multiprocessing.active_children() if p.is_alive()]
    os.kill(victims[0].pid, signal.SIGKILL)
    out += list(results)
    assert [r.index for r in out] == list(range(400)) and sum(not r.ok for r in out) <= 1
    left = [t for t in set(threading.enumerate()) - before if t.is_alive()]
    assert left == [], [t.name for t in left]


def test_a_dead_worker_is_named_by_its_signal_however_late_its_exit_is_reported(monkeypatch) -> None:
    """Under load the fork server reports a worker's exit late (it must run to reap it): a join with
    a timeout then returns with no exit status. Simulated here: in this process, a join with a
    timeout waits for nothing. The record's error must still name SIGKILL (it said "exit status
    None", and the record was read from a process that might not be dead)."""
    real_join = multiprocessing.process.BaseProcess.join

    def late_report(self, timeout=None):  # type: ignore[no-untyped-def]
        if timeout is None:
            return real_join(self)
        return None  # as if the fork server had not reported the exit yet

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "join", late_report)
    docs: list[object] = [json.dumps(d, ensure_ascii=False) for d in case_mix(20, seed=8)]
    docs[5] = "KILL"
    got = list(_batch.iter_values(docs, task=kill_on_marker, jobs=2))
    assert [i for i, _, _ in got] == list(range(20))
    (dead,) = [(i, v) for i, ok, v in got if not ok]
    assert dead[0] == 5 and dead[1].kind == "worker_died"
    assert "killed by signal SIGKILL" in dead[1].message, dead[1].message
    assert all(ok for i, ok, _ in got if i != 5)


def test_a_task_error_and_an_unpicklable_record_are_that_records_error() -> None:
    docs: list[object] = [CASES[0], lambda: None, CASES[1]]  # a lambda cannot go to a worker
    got = list(evaluate_many(docs, jobs=2))
    assert [r.ok for r in got] == [True, False, True]
    assert got[1].error.kind == "unexpected"
    got1 = list(evaluate_many(docs, jobs=1))
    assert [r.ok for r in got1] == [True, False, True]  # in-process: evaluate refuses a lambda


# --- the command -------------------------------------------------------------------------------


def _write_jsonl(path: Path, records: list[object]) -> None:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_batch_command_writes_one_report_per_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    docs = CASES[:12]
    _write_jsonl(src, docs)
    assert cli.main(["batch", str(src), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == [evaluate(d).to_json(indent=None) for d in docs]
    assert enshi_rules.Report.from_json(lines[0]) == evaluate(docs[0])
    err = capsys.readouterr().err
    assert "12 cases, 12 reports, 0 errors" in err
    findings = sum(len(evaluate(d).findings) for d in docs)
    assert f"(合计 {findings:,} / total {findings:,})" in err and "findings by article: 第" in err
    assert "\r" not in err  # no progress bar when standard error is not a terminal


def test_bad_records_become_error_records_with_line_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, [CASES[0], BAD_JSON, "", json.dumps(BAD_CASE), CASES[1]])
    assert cli.main(["batch", str(src), "-o", str(out), "--jobs", "2"]) == 1
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 4  # the blank line 3 is not a record
    assert lines[0]["case_id"] == CASES[0]["case_id"] and lines[3]["case_id"] == CASES[1]["case_id"]
    assert lines[1]["line"] == 2 and lines[1]["error"]["kind"] == "invalid"
    assert "JSON" in lines[1]["error"]["message"]
    assert lines[1]["case_id"] is None  # not JSON: no case_id can be read
    assert lines[2]["line"] == 4 and lines[2]["case_id"] == BAD_CASE["case_id"]
    assert "supervised_organ" in [p["path"] for p in lines[2]["error"]["problems"]]
    err = capsys.readouterr().err
    assert "4 cases, 2 reports, 2 errors (invalid 2)" in err
    assert "line 2: invalid" in err and f"line 4 ({BAD_CASE['case_id']}): invalid" in err


def test_a_line_too_long_to_hold_is_an_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    huge = '{"case_id": "' + "x" * 2_100_000 + '"}'
    _write_jsonl(src, [huge, CASES[2]])
    assert cli.main(["batch", str(src), "-o", str(out)]) == 1
    first, second = (json.loads(x) for x in out.read_text(encoding="utf-8").splitlines())
    assert first["line"] == 1 and "line 1: record too long" in first["error"]["message"]
    assert "第 1 行记录过长" in first["error"]["message"]
    assert second["case_id"] == CASES[2]["case_id"]


def test_a_line_that_never_ends_is_its_lines_error_and_the_batch_ends() -> None:
    """Two cases, then a third line whose bytes never stop (written by a generator until the reader
    goes away): the two reports, one error naming line 3, exit 1, in bounded time."""
    from enshi_rules._cli.batch import MAX_LINE_SCAN_BYTES

    exe = Path(sys.executable).with_name("enshi-rules")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "enshi_rules.cli"]
    sent = 0

    def endless(stdin: IO[bytes]) -> None:
        nonlocal sent
        head = "\n".join(json.dumps(d, ensure_ascii=False) for d in CASES[:2]) + '\n{"case_id": "'
        chunk = b"x" * (1 << 16)
        try:
            stdin.write(head.encode("utf-8"))
            while True:  # never a line break
                stdin.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ValueError, OSError):
            return

    with subprocess.Popen([*cmd, "batch", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as p:
        assert p.stdin is not None and p.stdout is not None and p.stderr is not None
        writer = threading.Thread(target=endless, args=(p.stdin,), daemon=True)
        writer.start()
        try:
            assert p.wait(timeout=120) == 1  # its output is small: the pipes do not fill
        finally:
            if p.poll() is None:
                p.kill()
        writer.join(timeout=30)
        out, err = p.stdout.read(), p.stderr.read()
        with contextlib.suppress(BrokenPipeError):
            p.stdin.close()
    lines = out.decode("utf-8").splitlines()
    assert lines[:2] == [evaluate(d).to_json(indent=None) for d in CASES[:2]]
    assert len(lines) == 3
    third = json.loads(lines[2])
    assert third["line"] == 3 and third["error"]["kind"] == "invalid"
    assert "第 3 行" in third["error"]["message"] and "line 3 has no end" in third["error"]["message"]
    assert sent >= MAX_LINE_SCAN_BYTES - (1 << 16) * 2  # it looked that far, and no further than the pipe holds
    assert "3 cases, 2 reports, 1 error" in err.decode("utf-8")


def test_dev_zero_ends_with_one_error_record(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    out = tmp_path / "out.jsonl"
    assert cli.main(["batch", "/dev/zero", "-o", str(out)]) == 1
    (record,) = (json.loads(x) for x in out.read_text(encoding="utf-8").splitlines())
    assert record["line"] == 1 and record["case_id"] is None
    assert record["error"]["problems"][0]["message_zh"].startswith("第 1 行在 ")


def test_one_and_two_jobs_write_the_same_file(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, _mixed())
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        assert cli.main(["batch", str(src), "-o", str(out), "--jobs", jobs]) == 1
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["batch", "/nonexistent/in.jsonl"], "cannot read"),
        (["batch", "IN", "--as-of", "2025-13-01"], "--as-of"),
        (["batch", "IN", "--jobs", "-1"], "--jobs"),
        (["batch", "IN", "-o", "/nonexistent/dir/out.jsonl"], "cannot write"),
    ],
)
def test_unusable_arguments_exit_2(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, CASES[:1])
    argv = [str(src) if a == "IN" else a for a in argv]
    assert cli.main(argv) == 2
    assert message in capsys.readouterr().err


def test_batch_reads_standard_input_end_to_end() -> None:
    data = "\n".join(json.dumps(d, ensure_ascii=False) for d in CASES[:3]) + "\n" + BAD_JSON + "\n"
    exe = Path(sys.executable).with_name("enshi-rules")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "enshi_rules.cli"]
    p = subprocess.run([*cmd, "batch", "-"], input=data.encode("utf-8"), capture_output=True, timeout=120)
    assert p.returncode == 1, p.stderr.decode()
    lines = p.stdout.decode("utf-8").splitlines()
    assert lines[:3] == [evaluate(d).to_json(indent=None) for d in CASES[:3]]
    assert json.loads(lines[3])["line"] == 4
    assert "4 cases, 3 reports, 1 error" in p.stderr.decode("utf-8")
    assert b"Traceback" not in p.stderr


def test_a_progress_line_is_drawn_only_on_a_terminal(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, CASES[:5])
    leader, follower = pty.openpty()
    code = "import sys; from enshi_rules.cli import main; sys.exit(main(sys.argv[1:]))"
    p = subprocess.Popen(
        [sys.executable, "-c", code, "batch", str(src), "-o", str(out)], stderr=follower, stdout=subprocess.DEVNULL
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert p.wait(timeout=120) == 0
    text = seen.decode("utf-8", "replace")
    assert "\r[" in text and "cases" in text  # the progress line, redrawn in place
    assert "5 cases, 5 reports, 0 errors" in text
