"""A report depends on its case document and options only: not on what the process evaluated before,
nor on the process that evaluates it (issue det).

A batch worker once gave a report that differed from a direct ``evaluate`` of the same document (a
finding of 第二十八条第二款 whose period runs into 2027). Every module-level cache (the periods and
traces kept with each calendar, the P10 bounding calendars, the organ relations, the interpretations
by rule id, the compiled rule set) is keyed by what decides its answer, and this test holds them to
it: the same documents are evaluated in a fresh interpreter in one order and here, after whatever the
suite ran before, in another, each one right after a case of another kind (a provisional 2027 period
judged at the P10 bounds, other calendar options, a case that raises, an imprecise date), and through
``evaluate_many`` on worker processes; every report must be the same text.

``python tests/test_order_independence.py ITEMS OUT`` is the fresh interpreter's side.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import pickle
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: Calendar options drawn for the cases moved into 2026-2027 (none, working days, strict, no 州庆, a file).
_OPTIONS: list[dict[str, Any]] = [
    {}, {}, {"policy": "working"}, {"missing_calendar": "strict"}, {"prefecture_days_off": False},
    {"calendar": str(ROOT / "tests" / "scenarios" / "calendar_2027_test_notice.yaml")},
]


def _golden() -> Any:
    spec = importlib.util.spec_from_file_location("golden_reports", ROOT / "scripts" / "golden_reports.py")
    assert spec is not None and spec.loader is not None
    mod = sys.modules.get("golden_reports")
    if mod is None:
        mod = importlib.util.module_from_spec(spec)
        sys.modules["golden_reports"] = mod
        spec.loader.exec_module(mod)
    return mod


def _shifted(doc: Any, days: int) -> Any:
    """``doc`` with every ISO date moved by ``days`` days."""
    if isinstance(doc, dict):
        return {k: _shifted(v, days) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_shifted(v, days) for v in doc]
    if isinstance(doc, str) and len(doc) == 10 and doc[4] == "-" and doc[7] == "-":
        return (date.fromisoformat(doc) + timedelta(days=days)).isoformat()
    return doc


def items(n: int = 24, seed: int = 9) -> list[tuple[str, str, Any]]:
    """(label, kind, payload): every golden case (examples and scenario cases, by key), generated
    cases as they are, moved into 2026-2027 with calendar options, and made invalid."""
    from enshi_rules.testing.cases import case_mix, platform_mix

    out: list[tuple[str, str, Any]] = [(c.key, "golden", c.key) for c in _golden().cases()]
    rng = random.Random(seed)
    out += [(f"mix/{i}", "doc", (d, {})) for i, d in enumerate(platform_mix(n, seed=seed))]
    for i, d in enumerate(case_mix(n, seed=seed + 1)):
        out.append((f"2027/{i}", "doc", (_shifted(d, rng.randint(200, 500)), rng.choice(_OPTIONS))))
    for i, d in enumerate(case_mix(n // 4, seed=seed + 2)):
        bad = copy.deepcopy(d)
        if i % 2:
            bad.pop("supervised_organ")
        else:
            bad["supervision"]["started_on"] = "2025-02-30"
        out.append((f"invalid/{i}", "doc", (bad, {})))
    return out


def evaluate_item(item: tuple[str, str, Any], goldens: dict[str, Any]) -> str:
    """The report of one item as text (``versions`` left out), or its error."""
    from enshi_rules import EnshiRulesError
    from enshi_rules._evaluate import evaluate as _evaluate

    _, kind, payload = item
    if kind == "golden":
        return str(goldens[payload].compute())
    doc, options = payload
    opts = dict(options)
    try:
        report = _evaluate.run(doc, policy=opts.pop("policy", None), calendar=opts.pop("calendar", None), **opts).report
    except EnshiRulesError as exc:
        return f"{type(exc).__name__}: {exc}"
    return _without_versions(report.to_json(indent=None))


def _without_versions(text: str) -> str:
    data = json.loads(text)
    data.pop("versions")
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _evaluate_in_order(all_items: list[tuple[str, str, Any]], order: list[int]) -> dict[str, str]:
    goldens = {c.key: c for c in _golden().cases()}
    return {all_items[i][0]: evaluate_item(all_items[i], goldens) for i in order}


def _interleaved(all_items: list[tuple[str, str, Any]], seed: int) -> list[int]:
    """Every item once, shuffled, each right after one of another kind (a 2027 case with calendar
    options, judged at the P10 bounds, or an invalid one) evaluated again."""
    rng = random.Random(seed)
    order = list(range(len(all_items)))
    rng.shuffle(order)
    others = [i for i, it in enumerate(all_items) if it[0].startswith(("2027/", "invalid/"))]
    out: list[int] = []
    for i in order:
        out += [rng.choice(others), i]
    return out


def test_a_report_does_not_depend_on_what_the_process_evaluated_before(tmp_path: Path) -> None:
    all_items = items()
    path = tmp_path / "items.pkl"
    path.write_bytes(pickle.dumps(all_items))
    out = tmp_path / "fresh.json"
    # a fresh interpreter, in the items' own order
    subprocess.run([sys.executable, __file__, str(path), str(out)], check=True, cwd=ROOT, timeout=600)
    fresh = json.loads(out.read_text("utf-8"))
    # this process, after whatever the suite ran before, shuffled and interleaved
    here = _evaluate_in_order(all_items, _interleaved(all_items, seed=3))
    assert fresh.keys() == here.keys() == {it[0] for it in all_items}
    differ = [k for k in fresh if fresh[k] != here[k]]
    assert differ == [], f"{len(differ)} reports depend on the order of evaluation: {differ[:5]}"
    # batch workers (jobs=2) and one job, against the fresh interpreter
    from enshi_rules import evaluate_many

    docs = [it for it in all_items if it[1] == "doc" and not it[2][1]]
    for jobs in (1, 2):
        got = list(evaluate_many([d for _, _, (d, _) in docs], jobs=jobs))
        assert [r.index for r in got] == list(range(len(docs)))
        for (label, _, _), r in zip(docs, got, strict=True):
            text = _without_versions(r.report_json) if r.ok else None
            if text is not None:
                assert text == fresh[label], f"jobs={jobs}: {label} differs from a fresh evaluate"
            else:
                assert fresh[label].startswith(r.error.type), (label, r.error)


if __name__ == "__main__":  # the fresh interpreter
    loaded = pickle.loads(Path(sys.argv[1]).read_bytes())
    result = _evaluate_in_order(loaded, list(range(len(loaded))))
    Path(sys.argv[2]).write_text(json.dumps(result, ensure_ascii=False), "utf-8")
