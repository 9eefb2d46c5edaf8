"""The JSON report of every bundled example and of every YAML scenario case is byte-identical to the
one recorded in tests/golden/ (scripts/golden_reports.py says what is recorded and what is not
compared; ``python scripts/golden_reports.py record`` records again, in a commit of its own that says
which reports changed and why)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("golden_reports", ROOT / "scripts" / "golden_reports.py")
golden = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("golden_reports", golden)
_spec.loader.exec_module(golden)

CASES = list(golden.cases())


def test_every_example_and_scenario_file_has_golden_reports():
    keys = {c.key for c in CASES}
    assert {f"examples/{p.stem}" for p in (ROOT / "examples").glob("*.json")} <= keys
    scenario_files = {c.source for c in CASES if c.key.startswith("scenarios/")}
    assert scenario_files == {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests" / "scenarios").rglob("*.scenario.yaml")}
    assert len(CASES) >= 100


@pytest.mark.parametrize("case", CASES, ids=[c.key for c in CASES])
def test_report_is_byte_identical_to_the_recorded_one(case):
    target = golden.GOLDEN / f"{case.key}.json"
    assert target.is_file(), f"{case.key}: no recorded report; run `python scripts/golden_reports.py record`"
    want = target.read_bytes().decode("utf-8")
    got = case.compute()
    if got != want:
        where = f"{case.source}" + (f", scenario「{case.name}」" if case.name else "")
        pytest.fail(f"{case.key} ({where}): the report is not the recorded one\n{golden._diff(want, got, case.key)}",
                    pytrace=False)


def test_no_stale_golden_reports_and_the_index_is_current():
    problems = [p for p in golden.check() if "differs from" not in p]
    assert not problems, "\n".join(problems)


def test_the_check_fails_on_one_changed_byte_and_names_the_case(tmp_path):
    copy = tmp_path / "golden"
    shutil.copytree(golden.GOLDEN, copy)
    target = copy / "scenarios" / "art_027_p2_rectification" / "02.json"
    text = target.read_text("utf-8")
    assert '"days_late": 1' in text
    target.write_text(text.replace('"days_late": 1', '"days_late": 2', 1), "utf-8")
    (copy / "examples" / "overdue_decision.json").unlink()
    problems = golden.check(copy)
    assert len(problems) == 2, problems
    changed = next(p for p in problems if "art_027_p2_rectification/02" in p)
    assert "tests/scenarios/art_027_p2_rectification.scenario.yaml" in changed
    assert "逾期一日" in changed  # the scenario's name
    assert '-      "days_late": 2,' in changed and '+      "days_late": 1,' in changed  # recorded, then now
    assert any("examples/overdue_decision" in p and "missing" in p for p in problems)


def test_the_code_hashes_are_checked_before_they_are_left_out():
    from enshi_rules import evaluate

    r = evaluate((ROOT / "examples" / "rectified_on_time.json").read_text("utf-8"))
    text = r.to_json()
    assert golden.NOT_COMPARED["rules"] in golden._stable(text, r.versions)
    forged = r.versions.model_copy(update={"rules": "sha256:" + "0" * 64})
    with pytest.raises(AssertionError, match="versions.rules"):
        golden._stable(text.replace(r.versions.rules, forged.rules), forged)


def test_no_recorded_report_names_the_checkout_it_was_recorded_in():
    # A scenario's calendar file is named by its absolute path; recorded as it is, the report of
    # calendar_2027_and_zhouqing would match only in the worktree that recorded it.
    for path in golden.GOLDEN.rglob("*.json"):
        text = path.read_text("utf-8")
        assert "/work/" not in text and ROOT.as_posix() not in text, f"{path.name} names a checkout directory"
    calendar_case = next(c for c in CASES if "calendar_2027_test_notice" in c.compute())
    assert f"{golden.REPOSITORY}/tests/scenarios/calendar_2027_test_notice.yaml" in calendar_case.compute()
