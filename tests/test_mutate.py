"""Mutation testing of the rules (``enshi-rules mutate``, docs/mutation.md): the operators, the
equivalence checks, and a run that proves a change of issue 14's table is now caught."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from enshi_rules._engine import mutate as _mutate
from enshi_rules._engine.rulebook import Modality, Role
from enshi_rules.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]


def _ids(prefix: str) -> list[str]:
    return [m.id for m in _mutate.generate() if m.id.startswith(prefix)]


def test_every_rule_has_its_operators():
    ids = _ids("art_024.p1.i2.withdrew:")
    assert "art_024.p1.i2.withdrew: modality: shall -> may" in ids
    assert "art_024.p1.i2.withdrew: subject: supervising -> supervised" in ids
    assert 'art_024.p1.i2.withdrew: conjunct: drop {"conflicted": 0}' in ids  # the fourth change of issue 14
    assert 'art_024.p1.i2.withdrew: comparison: negate {"$gt": {"withdrew": 0}} -> {"$lte": {"withdrew": 0}}' in ids
    assert "art_024.p1.i2.withdrew: citation: 项 2 -> 3" in ids
    periods = [m.id for m in _mutate.generate() if m.operator == "period"]
    assert "art_028.EXECUTION_REPORT_DAYS: period: 30 -> 31 days" in periods  # the first change
    assert len(periods) == 8


def test_a_mutant_is_undone_completely():
    rules = all_rules()
    m = next(x for x in _mutate.generate() if x.id == "art_026.p1.i1.letter_issued: modality: shall -> may")
    undo = m.apply()
    try:
        assert all_rules()["art_026.p1.i1.letter_issued"].modality is Modality.MAY
    finally:
        undo()
    assert all_rules() == rules
    assert all_rules()["art_024.p1.i2.withdrew"].subject is Role.SUPERVISING


def test_message_citations_move_to_a_unit_that_exists():
    assert _mutate._shift_citations("不具备第二十八条第一款的前提") == "不具备第二十八条第二款的前提"
    assert _mutate._shift_citations("第三十二条第一款第（七）项") == "第三十二条第二款第（八）项"
    assert _mutate._shift_citations("没有引用") == "没有引用"


def test_equivalence_is_decided_by_evaluation_not_assumed():
    a = {"$and": [{"kind": "x"}, {"$or": [{"flag": False}, {"$and": [{"flag": True}, {"n": 1}]}]}]}
    absorbed = {"$and": [{"kind": "x"}, {"$or": [{"flag": False}, {"n": 1}]}]}  # differs if flag is null
    assert _mutate.same_condition(a, absorbed) is False
    assert _mutate.same_condition(a, a) is True
    # +m.done is implied by a comparison of done (durable never compares a missing property)
    assert _mutate.presence_test_equivalent({"$ex": {"done": 1}}, [{"$lte": {"done": {"$m": "due"}}}])
    assert _mutate.presence_test_equivalent({"$ex": {"done": 1}}, [{"$nex": {"done": 1}}]) is None


def test_a_kind_guard_is_equivalent_only_if_no_other_kind_declares_what_the_rest_needs():
    # the census of generated cases never filled a deficiency's provision nor a misconduct's
    # suspected_crime; their kinds declare them, so dropping the guard can change the matches
    empty = _mutate.Census({}, {}, {})
    for rid, kind in (("art_026.p1.i6.letter_required", "situation"), ("art_033.p1.criminal_liability", "misconduct")):
        r = all_rules()[rid]
        (drop,) = [(d, c) for what, c, d, top, rest in _mutate._conjunct_drops(r.condition) if d == {"kind": kind}]
        assert _mutate.kind_guard_equivalent(r, drop[0], drop[1], empty) is None, rid
    # 第二十六条 has no other kind of fact with a letter's grounds, undetermined and recorded counts
    r = all_rules()["art_026.p1.letter_without_confirmed_situation"]
    (drop,) = [(d, c) for what, c, d, top, rest in _mutate._conjunct_drops(r.condition) if d == {"kind": "letter"}]
    assert "rules/kinds.py" in (_mutate.kind_guard_equivalent(r, drop[0], drop[1], empty) or "")


def test_a_run_kills_the_dropped_conjunct_of_the_mixed_inspection():
    """The fourth change of issue 14's table, as a mutant: now killed by a listed test."""
    proc = subprocess.run(
        [sys.executable, "-m", "enshi_rules.cli", "mutate", "--rules", "art_024.p1.i2.withdrew: conjunct", "-q"],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    assert set(data) == {"mutants", "killed", "kill_rate", "survivors"}
    assert data["survivors"] == [] and data["mutants"] >= 2 and data["kill_rate"] == 1.0


# ---- isolation: each mutant runs in a forked child (issue 14: verdicts that depended on order) ----

_LEAKED: dict[str, bool] = {}


class _Item:
    def __init__(self, nodeid: str) -> None:
        self.nodeid = nodeid


class _FakeRun(_mutate._Plugin):
    """The plugin with the test run replaced: a test fails when an earlier mutant's state is left."""

    def _fails(self, item):
        return _LEAKED.get("state", False)


def _leaking_mutant() -> _mutate.Mutant:
    def apply():
        _LEAKED["state"] = True  # global state its undo does not restore (as a stale cache would)
        return lambda: None

    return _mutate.Mutant("leaky: conjunct: drop x", "conjunct", (), apply)


def _inert_mutant(mid: str) -> _mutate.Mutant:
    return _mutate.Mutant(mid, "conjunct", (), lambda: (lambda: None))


def test_a_mutant_that_leaves_state_behind_cannot_change_the_next_verdict():
    _LEAKED.clear()
    run = _FakeRun([], {}, "tests/scenarios", None, False)
    items = [_Item("tests/rules/test_x.py::test_y")]
    # in one process the leak would kill the next mutant ...
    assert run._verdict(_inert_mutant("probe: in process"), items, lambda _: None) == ("survived", "")
    first = run._isolated(_leaking_mutant(), items)
    assert (first.outcome, first.by) == ("killed", "tests/rules/test_x.py::test_y")  # it sees its own state
    # ... but the child's state died with it: the next mutant starts from the parent's, and survives
    assert _LEAKED == {}
    second = run._isolated(_inert_mutant("probe: after the leak"), items)
    assert (second.outcome, second.by) == ("survived", "")
    _leaking_mutant().apply()  # the same leak in this process does change the verdict (the test is not vacuous)
    try:
        assert run._verdict(_inert_mutant("probe: in process"), items, lambda _: None)[0] == "killed"
    finally:
        _LEAKED.clear()


def test_a_mutant_that_crashes_the_process_is_killed_with_the_reason():
    import os
    import signal

    def crash():
        os.kill(os.getpid(), signal.SIGSEGV)  # what the C engine does on some joins (field notes item 1)
        return lambda: None

    run = _FakeRun([], {}, "tests/scenarios", None, False)
    res = run._isolated(_mutate.Mutant("crashy: conjunct: drop x", "conjunct", (), crash), [_Item("t::a")])
    assert res.outcome == "killed" and res.by == "crashed (signal SIGSEGV) before its tests"


def test_the_kind_guard_of_a_decision_without_default_is_killed():
    """Without its kind the rule fires on the review fact (its ``due`` is the review's) for a decision
    letter issued within the review period. It used to be killed on the ``rectification`` fact, which
    has no ``due``, by durable-rules reading uninitialised memory for ``decision_issued <= due``, so it
    survived a full run in one process and was killed alone (issue det; docs/mutation.md)."""
    mid = 'art_028.p1.decision_without_default: conjunct: drop {"kind": "rectification_outcome"}'
    proc = subprocess.run(
        [sys.executable, "-m", "enshi_rules.cli", "mutate", "--rules", "art_028.p1.decision_without_default: conjunct"],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    assert mid not in data["survivors"] and data["mutants"] >= 2, data
    assert f"killed    {mid}  <- tests/rules/test_art_028.py::test_a_decision_within_the_review_period_is_judged_as_one_during_review_only" in proc.stderr
