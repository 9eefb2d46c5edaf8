#!/usr/bin/env python3
"""Golden reports: the JSON report of every bundled example and of every YAML scenario case, recorded
in ``tests/golden/`` and checked byte for byte by the suite (``tests/test_golden_reports.py``).

A refactoring that must not change behaviour (issue 11: the stage layout, the fact-kind
declarations) proves it here: every report is the same text before and after.

    python scripts/golden_reports.py check    # compare; exit 1 and show the first differing lines
    python scripts/golden_reports.py record   # write tests/golden/ again from the code as it is

Record again only in a commit of its own whose message says which reports changed and why (a legal
fix, a new note); never to make a refactoring pass.

What is recorded
- ``tests/golden/examples/<name>.json``: ``evaluate(examples/<name>.json).to_json()``;
- ``tests/golden/scenarios/<file>/<NN>.json``: the NN-th scenario of ``tests/scenarios/<file>.scenario.yaml``
  evaluated exactly as the scenario runs it (its case after ``changes``, its ``as_of``, its ``policy``);
  a scenario that expects an error records the error (type and message) instead of a report;
- ``tests/golden/index.json``: every case (its key, source and scenario name, and the as-of date).

What is not compared, and why (nothing legal): two fields of ``versions`` are hashes of the code and
of the article map, so they change with every edit of a deciding module or of the map, whatever the
reports say. Before a report is recorded or compared, each is checked to be exactly what
``enshi_rules._evaluate.versions.static_versions()`` computes from the installed files, then replaced by a fixed
placeholder. The checkout's own absolute directory (in the name of a scenario's calendar file) is
written as ``<repository>``, so a report recorded in one worktree is the same in another. Everything
else is compared verbatim: every finding, note, date, citation, message, the
package version, the hashes of the regulation text and of the 条例 excerpts (``tiaoli``) and the
calendar basis of every year.

A case with no as-of date of its own (neither the scenario nor its case document gives one) would
be judged on the day the check runs; it is judged on ``PINNED_AS_OF`` instead, and the index says so.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
EXAMPLES = ROOT / "examples"
SCENARIOS = ROOT / "tests" / "scenarios"

#: The as-of date of a case that gives none (the session day these reports were first recorded).
PINNED_AS_OF = date(2026, 12, 1)

#: The ``versions`` fields that hash code or a map of law to code (checked live, then replaced by this).
NOT_COMPARED = {
    "rules": "sha256:(the hash of the deciding modules: checked against the installed files, not compared)",
    "article_map": "sha256:(the hash of the article map: checked against the installed file, not compared)",
    "tiaoli_map": "sha256:(the hash of the map of the tiaoli excerpts: checked against the installed file, not compared)",
}


@dataclass(frozen=True)
class GoldenCase:
    key: str  # the path of its golden file under tests/golden/, without ".json"
    source: str  # where the case comes from (relative to the repository)
    name: str  # the scenario's name ("" for an example)
    as_of: str | None  # the as-of date it is judged on ("pinned" when PINNED_AS_OF was used)
    compute: Callable[[], str]


#: What stands for the repository's own directory in a recorded report: a scenario's calendar file is
#: named by its absolute path (``calendar_basis``), which differs in every checkout.
REPOSITORY = "<repository>"


def _here(text: str) -> str:
    """The report with this checkout's absolute directory written as ``REPOSITORY``."""
    return text.replace(ROOT.as_posix() + "/", REPOSITORY + "/")


def _stable(text: str, versions: Any) -> str:
    from enshi_rules._evaluate.versions import static_versions

    live = static_versions()
    for field, placeholder in NOT_COMPARED.items():
        value = getattr(versions, field)
        if value != live[field] or not isinstance(value, str) or not value.startswith("sha256:"):
            raise AssertionError(f"versions.{field} is {value!r}, not the hash of the installed files {live[field]!r}")
        needle = json.dumps(value)
        if text.count(needle) != 1:
            raise AssertionError(f"versions.{field} {value!r} occurs {text.count(needle)} times in the report")
        text = text.replace(needle, json.dumps(placeholder))
    text = _here(text)
    return text if text.endswith("\n") else text + "\n"


def _example(path: Path) -> Callable[[], str]:
    def compute() -> str:
        from enshi_rules import evaluate

        report = evaluate(path.read_text("utf-8"))
        return _stable(report.to_json(), report.versions)

    return compute


def _scenario(sc: Any, as_of: date | None) -> Callable[[], str]:
    def compute() -> str:
        from enshi_rules import EnshiRulesError, evaluate

        if sc.error is not None:
            return json.dumps({"scenario_error": sc.error}, ensure_ascii=False, indent=2) + "\n"
        try:
            report = evaluate(sc.case, as_of=as_of, policy=sc.policy)
        except EnshiRulesError as exc:
            return _here(json.dumps({"error": type(exc).__name__, "message": str(exc)}, ensure_ascii=False, indent=2) + "\n")
        return _stable(report.to_json(), report.versions)

    return compute


def cases() -> Iterator[GoldenCase]:
    """Every golden case, in a fixed order: the examples, then each scenario file's scenarios."""
    from enshi_rules.testing.scenarios import load_scenarios

    for path in sorted(EXAMPLES.glob("*.json")):
        own = json.loads(path.read_text("utf-8")).get("as_of")
        yield GoldenCase(f"examples/{path.stem}", path.relative_to(ROOT).as_posix(), "", own, _example(path))
    files = sorted(p for p in SCENARIOS.rglob("*") if p.name.endswith((".scenario.yaml", ".scenario.yml")))
    for path in files:
        stem = path.relative_to(SCENARIOS).as_posix().rsplit(".scenario.", 1)[0]
        for n, sc in enumerate(load_scenarios(path, isolate=True), 1):
            as_of: date | None = sc.as_of
            shown = as_of.isoformat() if as_of else None
            if as_of is None:
                own = sc.case.get("as_of") if isinstance(sc.case, dict) else None
                if own:
                    shown = str(own)
                else:
                    as_of, shown = PINNED_AS_OF, f"{PINNED_AS_OF.isoformat()} (pinned)"
            yield GoldenCase(f"scenarios/{stem}/{n:02d}", path.relative_to(ROOT).as_posix(), sc.name, shown,
                             _scenario(sc, as_of))


def _index(all_cases: list[GoldenCase]) -> str:
    rows = [{"key": c.key, "source": c.source, "name": c.name, "as_of": c.as_of} for c in all_cases]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def record(golden: Path = GOLDEN) -> int:
    """Write every golden report again (and remove the files of cases that no longer exist)."""
    all_cases = list(cases())
    keep = {golden / "index.json"}
    for c in all_cases:
        target = golden / f"{c.key}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(c.compute(), "utf-8", newline="\n")
        keep.add(target)
    (golden / "index.json").write_text(_index(all_cases), "utf-8", newline="\n")
    for old in golden.rglob("*.json"):
        if old not in keep:
            old.unlink()
    return len(all_cases)


def _diff(want: str, got: str, name: str, limit: int = 24) -> str:
    lines = list(difflib.unified_diff(want.splitlines(), got.splitlines(), f"recorded/{name}", f"now/{name}",
                                      n=2, lineterm=""))
    more = f"\n    ... ({len(lines) - limit} more diff lines)" if len(lines) > limit else ""
    return "\n".join("    " + ln for ln in lines[:limit]) + more


def _shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def check(golden: Path = GOLDEN) -> list[str]:
    """One message per case whose report is not byte-identical to the recorded one (empty: all are)."""
    problems: list[str] = []
    all_cases = list(cases())
    seen = set()
    for c in all_cases:
        target = golden / f"{c.key}.json"
        seen.add(target)
        label = f"{c.key} ({c.source}" + (f", scenario「{c.name}」" if c.name else "") + (f", as of {c.as_of}" if c.as_of else "") + ")"
        if not target.is_file():
            problems.append(f"{label}: no recorded report ({_shown(target)} is missing)")
            continue
        want = target.read_bytes().decode("utf-8")
        got = c.compute()
        if want != got:
            problems.append(f"{label}: the report differs from {_shown(target)}\n{_diff(want, got, c.key)}")
    for old in sorted(golden.rglob("*.json")):
        if old != golden / "index.json" and old not in seen:
            problems.append(f"{_shown(old)}: recorded, but no such case exists any more")
    index = golden / "index.json"
    want_index = index.read_text("utf-8") if index.is_file() else ""
    got_index = _index(all_cases)
    if want_index != got_index:
        problems.append(f"tests/golden/index.json: the cases are not the recorded ones\n{_diff(want_index, got_index, 'index.json')}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["check", "record"])
    args = parser.parse_args(argv)
    if args.command == "record":
        n = record()
        print(f"recorded {n} reports in {_shown(GOLDEN)}/")
        return 0
    problems = check()
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} golden report(s) differ", file=sys.stderr)
        return 1
    print("every golden report is byte-identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
