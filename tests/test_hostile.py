"""Hostile input (issue 15): each numbered finding of the hostile test, reproduced, and what it gives now.

Bounded memory for any input, our own typed errors everywhere, one escaped line per message, and
nothing silently accepted. The malformed-document corpus (field paths and messages) is in
``test_malformed.py``; the fuzz run with edge years in ``test_fuzz.py``.
"""

from __future__ import annotations

import copy
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import enshi_rules
from enshi_rules import (
    CaseValidationError,
    EnshiRulesError,
    InputError,
    InputTooLargeError,
    RegistryError,
    Report,
    ReportFormatError,
    jurisdiction,
)
from enshi_rules.cli import main
from enshi_rules.errors import MAX_PROBLEMS, Problem, printable
from enshi_rules.facts._input import parse_json, read_bounded

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "overdue_decision.json"
VALID = json.loads(EXAMPLE.read_text("utf-8"))
CLI = [sys.executable, "-c", "import sys; from enshi_rules.cli import main; sys.exit(main())"]
#: Every evaluation of any input stays under this resident size (issue 15).
RSS_LIMIT_KB = 200 * 1024

# In a child process: run the command line in-process, then report the peak resident size. VmHWM
# (not getrusage's ru_maxrss, which keeps the size of the forked pytest process across exec).
_MEASURED = (
    "import re, sys\n"
    "from enshi_rules.cli import main\n"
    "rc = main(sys.argv[1:])\n"
    "hwm = re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read()).group(1)\n"
    "print('RSS', hwm, file=sys.stderr)\n"
    "sys.exit(rc)\n"
)


def _measured(*args: str, timeout: float = 120) -> tuple[int, str, int, float]:
    """Exit status, standard error (without the RSS line), peak RSS in KB, seconds."""
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args], capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
    )
    seconds = time.monotonic() - start
    lines = proc.stderr.splitlines()
    rss = int(lines[-1].split()[1])
    return proc.returncode, "\n".join(lines[:-1]) + "\n", rss, seconds


def _one_clean_line(err: str) -> None:
    assert err.count("\n") == 1 and "Traceback" not in err and "\x1b" not in err, err


def _bash(script: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"}
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)


# ---- 1. dates at the end of the calendar ------------------------------------------------------


def _every_date(doc: object, value: str) -> object:
    if isinstance(doc, dict):
        return {k: _every_date(v, value) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_every_date(v, value) for v in doc]
    if isinstance(doc, str) and len(doc) == 10 and doc[4] == "-" and doc[7] == "-":
        return value
    return doc


@pytest.mark.parametrize("day", ["9999-12-30", "9999-12-31", "9999-01-01"])
def test_1_dates_a_period_would_push_past_9999_are_refused_with_their_fields(day):
    doc = _every_date(VALID, day)
    with pytest.raises(CaseValidationError) as info:
        enshi_rules.evaluate(doc)
    paths = [p.path for p in info.value.problems]
    assert paths == [
        "as_of",
        "enforcement_action.acted_on",
        "supervision.started_on",
        "supervision.situations[0].found_on",
        "supervision.situations[0].confirmed_on",
        "supervision.suggestion_letter.issued_on",
        "supervision.suggestion_letter.received_on",
        "supervision.decision_letter.issued_on",
        "supervision.decision_letter.received_on",
    ]
    assert all(f"日期 {day} 过晚" in p.message_zh and "9999-12-31" in p.message_en for p in info.value.problems)


@pytest.mark.parametrize("policy", ["calendar", "working"])
def test_1_the_latest_accepted_date_evaluates_or_names_a_missing_calendar_never_crashes(policy):
    doc = _every_date(VALID, "9998-12-31")
    doc["supervision"]["suggestion_letter"].pop("received_on")
    doc["supervision"].pop("decision_letter")
    doc["supervision"]["rectification_report"] = {"submitted_on": "9998-12-31"}
    try:
        report = enshi_rules.evaluate(doc, policy=policy)
    except enshi_rules.CalendarDataError as exc:  # a year without a holiday calendar, named
        assert exc.year >= 9998
    else:
        assert report.as_of.isoformat() == "9998-12-31"


def test_1_cli_on_a_9999_case_exits_2_with_one_line(tmp_path, capsys):
    p = tmp_path / "late.json"
    p.write_text(json.dumps(_every_date(VALID, "9999-12-31")), "utf-8")
    assert main(["evaluate", str(p)]) == 2
    err = capsys.readouterr().err
    _one_clean_line(err)
    assert "过晚" in err


# ---- 2. input is bounded while it is read ----------------------------------------------------


def test_2_dev_zero_is_refused_after_reading_at_most_the_limit():
    rc, err, rss, seconds = _measured("evaluate", "/dev/zero")
    assert rc == 2 and "文档过大" in err and "2000000" in err
    _one_clean_line(err)
    assert rss < RSS_LIMIT_KB and seconds < 30


def test_2_a_500_mb_file_is_refused_without_being_held(tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as fh:  # sparse: costs no disk
        fh.truncate(500_000_000)
    rc, err, rss, _ = _measured("evaluate", str(big))
    assert rc == 2 and "文档过大" in err
    assert rss < RSS_LIMIT_KB


def test_2_read_bounded_stops_at_the_limit_and_names_the_input(tmp_path):
    p = tmp_path / "x"
    p.write_bytes(b"x" * 101)
    assert read_bounded(p, 101) == b"x" * 101
    with pytest.raises(InputTooLargeError) as info:
        read_bounded(p, 100)
    assert info.value.path == str(p) and info.value.limit == 100
    with pytest.raises(InputError, match="No such file"):
        read_bounded(tmp_path / "missing", 100)
    with pytest.raises(InputError, match="Is a directory"):
        read_bounded(tmp_path, 100)
    assert issubclass(InputError, OSError) and issubclass(InputError, EnshiRulesError)


# ---- 3. problem lists and counts -------------------------------------------------------------

_SITUATIONS = b'{"case_id": "x", "supervision": {"situations": [' + b"{}," * 639_999 + b'{}]}}'


def test_3_640000_empty_situations_are_counted_before_any_is_validated(tmp_path):
    p = tmp_path / "many.json"
    p.write_bytes(_SITUATIONS)
    rc, err, rss, seconds = _measured("evaluate", str(p))
    assert rc == 2
    _one_clean_line(err)
    assert "supervision.situations: 条目过多（640000 项，上限 50 项）" in err
    assert len(err) < 1000 and rss < RSS_LIMIT_KB and seconds < 20


def test_3_the_problem_list_keeps_the_first_50_and_counts_the_rest():
    doc = copy.deepcopy(VALID)
    doc["organs"] = [{"id": f"o{i}"} for i in range(120)]  # each lacks name, kind, level, region
    with pytest.raises(CaseValidationError) as info:
        enshi_rules.evaluate(doc)
    err = info.value
    assert len(err.problems) == MAX_PROBLEMS
    assert err.omitted == 120 * 4 - MAX_PROBLEMS
    assert err.problems[0].path == "organs[0].name" and err.problems[-1].path == "organs[12].kind"
    assert err.one_line().endswith(f"…另有 {err.omitted} 个问题 / {err.omitted} more problems")
    assert f"{120 * 4} problems" in str(err)


def test_3_the_worst_document_under_the_limits_stays_under_200_mb(tmp_path):
    # 490 organs of 100 unknown keys each: as many validation errors as the limits let through
    organs = [{f"k{j}": 0 for j in range(100)} for _ in range(490)]
    p = tmp_path / "wide.json"
    p.write_text(json.dumps({"case_id": "x", "supervising_organ": "a", "supervised_organ": "b", "organs": organs}), "utf-8")
    assert p.stat().st_size < 2_000_000
    rc, err, rss, _ = _measured("evaluate", str(p))
    assert rc == 2 and "more problems" in err
    _one_clean_line(err)
    assert rss < RSS_LIMIT_KB


def test_3_a_batch_error_record_stays_small(tmp_path):
    doc = copy.deepcopy(VALID)
    doc["organs"] = [{"id": f"o{i}"} for i in range(500)]
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(doc) + "\n" + _SITUATIONS.decode() + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out)]) == 1
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [len(r["error"]["problems"]) for r in records] == [MAX_PROBLEMS, 1]
    assert all(len(line) < 20_000 for line in out.read_text("utf-8").splitlines())


# ---- 4. organ registries ---------------------------------------------------------------------


def _organ(oid: str, parent: str | None) -> dict[str, object]:
    return {"id": oid, "name": f"{oid}局", "kind": "工作部门", "level": "县（市）", "region": "422801", "parent": parent}


LOOP = [_organ("A", "B"), _organ("B", "A")]


@pytest.mark.parametrize(
    ("organs", "path", "ring"),
    [(LOOP, "organs[0].parent", "A → B → A"), ([_organ("S", "S")], "organs[0].parent", "S → S"),
     ([_organ("X", "422801"), _organ("B", "C"), _organ("C", "D"), _organ("D", "B")], "organs[1].parent", "B → C → D → B")],
)
def test_4_a_loop_of_parents_is_a_problem_naming_its_organs(tmp_path, organs, path, ring):
    p = tmp_path / "reg.json"
    p.write_text(json.dumps(organs, ensure_ascii=False), "utf-8")
    with pytest.raises(RegistryError) as info:
        jurisdiction.load_registry(p)
    assert [(q.path, q.message_zh) for q in info.value.problems] == [(path, f"机关隶属关系成环：{ring}")]
    assert info.value.path == str(p) and ring in info.value.reason
    with pytest.raises(RegistryError):
        jurisdiction.organ_registry(organs)


@pytest.mark.parametrize(
    "call",
    [
        lambda o: jurisdiction.supervisors_of("A", organs=o),
        lambda o: jurisdiction.common_superior("A", "422801", organs=o),
        lambda o: jurisdiction.competence("422801", "A", organs=o),
        lambda o: jurisdiction.is_competent("422801", "A", organs=o),
        lambda o: jurisdiction.justice_bureau_of("A", organs=o),
    ],
)
def test_4_questions_about_a_looping_tree_raise_instead_of_climbing_forever(call):
    with pytest.raises(RegistryError, match="A → B → A"):
        call(LOOP)


def test_4_a_loop_through_a_built_in_organ_is_found_too():
    organs = [{**_organ("422800", "422801"), "kind": "人民政府", "level": "州", "region": "422800"}]
    with pytest.raises(RegistryError, match="成环"):
        jurisdiction.organ_registry(organs)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "No such file or directory"),
        ("dir", "Is a directory"),
        (b"\xff\xfe\x00binary", "不是 UTF-8"),
        (b'{"organs": [', "不是有效的 JSON"),
        (b'[{"id": "A", "id": "B"}]', "字段重复出现"),
        (b'{"organs": 3}', "机关名录应为数组"),
        ("big", "文档过大"),
    ],
)
def test_4_every_failure_to_read_a_registry_is_a_registry_error_with_path_and_reason(tmp_path, content, reason):
    p = tmp_path / "reg.json"
    if content == "dir":
        p.mkdir()
    elif content == "big":
        with open(p, "wb") as fh:
            fh.truncate(50_000_000)
    elif content is not None:
        p.write_bytes(content)
    with pytest.raises(RegistryError) as info:
        jurisdiction.load_registry(p)
    assert info.value.path == str(p) and reason in info.value.reason
    assert str(p) in str(info.value) and "\n" not in str(info.value)
    assert isinstance(info.value, EnshiRulesError)


# ---- 5. closed or full standard streams ------------------------------------------------------


@pytest.mark.parametrize(
    ("script", "code", "phrase"),
    [
        ("enshi-rules evaluate - <&-", 2, "standard input is closed"),
        ("enshi-rules batch - <&-", 2, "standard input: it is closed"),
        (f"enshi-rules evaluate {EXAMPLE} >&-", 2, "standard output: it is closed"),
        (f"enshi-rules evaluate {EXAMPLE} >/dev/full", 1, "No space left on device"),
        (f"enshi-rules batch - >&- < {EXAMPLE}", 2, "standard output: it is closed"),
        (f"tr -d '\\n' < {EXAMPLE} | enshi-rules batch - >/dev/full", 1, "No space left on device"),
        (f"enshi-rules evaluate {EXAMPLE} 2>&- >/dev/full; echo rc=$? >&2", None, None),
    ],
)
def test_5_closed_or_full_streams_give_one_line_not_a_traceback(tmp_path, script, code, phrase):
    proc = _bash(script, tmp_path)
    if code is None:  # standard error closed as well: nothing to say it on, and no crash
        assert "Traceback" not in proc.stderr and proc.returncode == 0
        return
    assert proc.returncode == code, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if not line.startswith("enshi-rules batch: 0 cases") and not line.startswith("findings by")]
    assert len(lines) == 1 and phrase in lines[0] and "Traceback" not in proc.stderr, proc.stderr


# ---- 7. messages cannot forge output ---------------------------------------------------------


def test_7_a_parent_with_a_newline_and_an_escape_prints_one_escaped_line(tmp_path, capsys):
    doc = copy.deepcopy(VALID)
    doc["organs"][0]["parent"] = "a\nFAKE LINE\u001b[2J"
    doc["colour\nFORGED"] = 1
    p = tmp_path / "forge.json"
    p.write_text(json.dumps(doc), "utf-8")
    assert main(["evaluate", str(p)]) == 2
    err = capsys.readouterr().err
    _one_clean_line(err)
    assert "organs[0].parent: 格式不符合要求" in err and "colour\\nFORGED: 未知字段" in err


def test_7_printable_escapes_every_invisible_character():
    assert printable("a\nb\tc\x00\x1b\u202e\u200b\u2028 d 中文") == "a\\nb\\tc\\x00\\x1b\\u202e\\u200b\\u2028 d 中文"
    assert str(Problem("x\ny", "中\u202e", "e\r")) == "x\\ny: 中\\u202e / e\\r"


# ---- 8. fork while another thread evaluates --------------------------------------------------

_FORK = r"""
import json, os, sys, threading, time
import enshi_rules
doc = json.load(open(sys.argv[1], encoding="utf-8"))
expected = enshi_rules.evaluate(doc).to_json()
stop = False
def busy():
    while not stop:
        enshi_rules.evaluate(doc)
t = threading.Thread(target=busy, daemon=True)
t.start()
time.sleep(0.2)
children = []
for _ in range(10):
    time.sleep(0.013)
    pid = os.fork()
    if pid == 0:
        ok = enshi_rules.evaluate(doc).to_json() == expected
        os._exit(0 if ok else 3)
    children.append(pid)
stop = True
deadline = time.monotonic() + 60
codes = {}
while children and time.monotonic() < deadline:
    for pid in list(children):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            codes[pid] = os.waitstatus_to_exitcode(status)
            children.remove(pid)
    time.sleep(0.05)
for pid in children:  # hung on the engine lock: the failure this test is about
    os.kill(pid, 9)
    os.waitpid(pid, 0)
print(json.dumps({"ok": sum(1 for c in codes.values() if c == 0), "hung": len(children), "codes": sorted(codes.values())}))
"""


def test_8_children_forked_while_another_thread_evaluates_all_finish():
    # Python 3.12 warns that forking a threaded process may deadlock: that is what is tested.
    proc = subprocess.run(
        [sys.executable, "-W", "ignore::DeprecationWarning", "-c", _FORK, str(EXAMPLE)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout) == {"ok": 10, "hung": 0, "codes": [0] * 10}


# ---- 9 and 10. batch: SIGTERM, and an output that never destroys anything --------------------


def _cases(path: Path, n: int) -> None:
    line = json.dumps(VALID, ensure_ascii=False)
    path.write_text("".join(line.replace("ESJD-2025-031", f"C{i}") + "\n" for i in range(n)), "utf-8")


def test_9_sigterm_stops_a_parallel_batch_cleanly_and_keeps_the_old_output(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _cases(src, 20_000)
    out.write_text("old\n", "utf-8")
    proc = subprocess.Popen(
        [*CLI, "batch", str(src), "-o", str(out), "--force", "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until reports are being written
        tmps = list(tmp_path.glob(".out.jsonl.*.tmp"))
        if tmps and tmps[0].stat().st_size > 10_000:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert "terminated (SIGTERM)" in err
    assert "Traceback" not in err and "leaked" not in err and "BrokenPipeError" not in err, err
    assert out.read_text("utf-8") == "old\n"  # the old report file, untouched
    assert sorted(q.name for q in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]  # no half report left


def test_10_output_redirected_onto_the_input_is_refused_and_the_input_kept(tmp_path):
    src = tmp_path / "f.jsonl"
    _cases(src, 3)
    before = src.read_bytes()
    for script in ("enshi-rules batch - -o f.jsonl < f.jsonl", "enshi-rules batch - < f.jsonl >> f.jsonl",
                   "enshi-rules batch f.jsonl -o f.jsonl --force", "ln -sf f.jsonl l.jsonl; enshi-rules batch - -o l.jsonl --force < f.jsonl"):
        proc = _bash(script, tmp_path)
        assert proc.returncode == 2 and "is the input" in proc.stderr and "Traceback" not in proc.stderr, (script, proc.stderr)
        assert src.read_bytes() == before


def test_10_an_existing_output_needs_force_and_a_link_is_replaced_not_followed(tmp_path, capsys):
    src, out, target, link = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "target", tmp_path / "link.jsonl"
    _cases(src, 2)
    out.write_text("old\n", "utf-8")
    assert main(["batch", str(src), "-o", str(out)]) == 2
    assert "exists: add --force" in capsys.readouterr().err and out.read_text("utf-8") == "old\n"
    assert main(["batch", str(src), "-o", str(out), "--force"]) == 0
    assert [json.loads(x)["case_id"] for x in out.read_text("utf-8").splitlines()] == ["C0", "C1"]
    target.write_text("keep\n", "utf-8")
    link.symlink_to(target)
    assert main(["batch", str(src), "-o", str(link)]) == 2
    assert main(["batch", str(src), "-o", str(link), "--force"]) == 0
    assert target.read_text("utf-8") == "keep\n" and not link.is_symlink() and len(link.read_text("utf-8").splitlines()) == 2
    assert sorted(q.name for q in tmp_path.iterdir()) == ["in.jsonl", "link.jsonl", "out.jsonl", "target"]
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_10_a_new_output_file_and_dev_null_need_no_force(tmp_path):
    src = tmp_path / "in.jsonl"
    _cases(src, 1)
    assert main(["batch", str(src), "-o", str(tmp_path / "new.jsonl")]) == 0
    assert main(["batch", str(src), "-o", os.devnull]) == 0


# ---- 11. API edges ---------------------------------------------------------------------------


def test_11_load_case_takes_the_as_of_string_evaluate_takes():
    lc = enshi_rules.load_case(VALID, as_of="2025-12-15")
    assert lc.as_of.isoformat() == "2025-12-15"
    assert enshi_rules.evaluate(VALID, as_of="2025-12-15") == enshi_rules.evaluate(VALID, as_of=lc.as_of)


@pytest.mark.parametrize("value", ["20251101", "2025-W44-6", "2025-11-1", "２０２５-１１-０１", "2025-11-01T00:00", " 2025-11-01", 20251101])
def test_11_as_of_is_exactly_yyyy_mm_dd_everywhere(value, capsys):
    for call in (lambda: enshi_rules.evaluate(VALID, as_of=value), lambda: enshi_rules.load_case(VALID, as_of=value),
                 lambda: list(enshi_rules.evaluate_many([VALID], as_of=value))):
        with pytest.raises(CaseValidationError) as info:
            call()
        assert [p.path for p in info.value.problems] == ["as_of"]
    if isinstance(value, str):
        assert main(["evaluate", str(EXAMPLE), "--as-of", value]) == 2
        assert main(["batch", str(EXAMPLE), "--as-of", value]) == 2
        err = capsys.readouterr().err
        assert err.count("--as-of: as_of:") == 2 and "YYYY-MM-DD" in err


@pytest.mark.parametrize("text", ["not json", "{}", '{"case_id": 1}', b"\xff", "[]"])
def test_11_report_from_json_raises_our_error(text):
    with pytest.raises(ReportFormatError) as info:
        Report.from_json(text)
    assert isinstance(info.value, EnshiRulesError) and isinstance(info.value, ValueError)
    assert "\n" not in str(info.value)


# ---- strict JSON, directly -------------------------------------------------------------------


def test_parse_json_names_each_duplicate_key_at_its_path():
    with pytest.raises(CaseValidationError) as info:
        parse_json(b'{"a": {"b": 1, "b": 2, "c": [{"d": 1, "d": 1, "d": 1}]}, "e": {"f": 1, "f": 2}, "e": 0}')
    # the first "e" (with its own duplicate) was replaced by the second: only what is left is named
    assert [p.path for p in info.value.problems] == ["e", "a.b", "a.c[0].d"]


def test_a_mapping_given_in_python_meets_the_same_counts():
    doc = copy.deepcopy(VALID)
    doc["supervision"]["situations"] = [{}] * 100_000
    with pytest.raises(CaseValidationError) as info:
        enshi_rules.evaluate(doc)
    assert [p.path for p in info.value.problems] == ["supervision.situations"]


# ---- 12. Python 3.13 -------------------------------------------------------------------------


def test_12_readme_says_what_to_do_on_python_3_13():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "3.13" in readme and "python3.12 -m venv .venv" in readme
