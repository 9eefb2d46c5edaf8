"""Where one evaluation's time goes, measured inside ``enshi_rules.evaluate`` itself (issue 18).

    python benchmarks/stages.py            # 1,000 cases of bench.py's mix, best of 5 rounds
    python benchmarks/stages.py --cases 300 --rounds 3

``bench.py`` times each stage in its own pass over all the cases (load everything, then derive
everything, then run the engine on everything) and gives the report what is left over; its
``floor`` replays the recorded engine input in a tight loop. This script instead times the stages
of the real ``evaluate`` call, case by case, with a stack of ``perf_counter_ns`` marks (each region's
own time, not its callees'): a region is one of

``load``        ``load_case``: JSON and pydantic validation, the organ tree, the timeline checks;
``derive``      ``derive`` and the procedure and conduct facts computed on first use;
``engine C``    the calls into ``durable_rules_engine`` (assert, drain, delete_state): what the
                floor measures, but measured where the library makes them;
``prepare``     ``_prepare`` (checking and copying each fact);
``encode``      ``for_engine`` and the JSON text that goes in;
``decode``      the JSON that comes back (matches and receipts);
``builders``    the rules' builders (``Outcome``: Chinese messages with dates) and the derived facts' checks;
``engine glue`` the rest of ``evaluate_facts`` (receipts counted, order, gates, chaining);
``report``      ``_report`` (findings, notes, timeline, interpretations, period traces, versions);
``other``       the rest of ``run``/``evaluate`` (policy, ``Run``).

For each case and region the least of ``--rounds`` rounds is kept (a shared machine only ever adds
time), and the same for the uninstrumented ``evaluate`` and for bench.py's floor, measured two
ways: replayed in a tight loop as bench.py does (``floor``), and replayed right after each case's
own evaluation, when the Python side has just used the caches (``floor in situ``). All figures are
per case; the last line is one JSON object. Per-case CPU time (``time.process_time_ns``, least of
the rounds) gives the mix's own p99/p50, which no neighbour disturbs.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
import types
from pathlib import Path
from typing import Any

try:
    import enshi_rules
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import enshi_rules

import durable_rules_engine as dre

from enshi_rules._derive import supervision as _supervision
from enshi_rules._engine import durable as _engine
from enshi_rules._evaluate import evaluate as _evaluate
from enshi_rules.testing.cases import platform_mix

REGIONS = ("load", "derive", "engine C", "prepare", "encode", "decode", "builders", "engine glue", "report", "other")

_clock = time.perf_counter_ns
_acc: dict[str, int] = dict.fromkeys(REGIONS, 0)
_stack: list[str] = []
_state = {"cur": "other", "t": 0}


def _enter(label: str) -> None:
    now = _clock()
    _acc[_state["cur"]] += now - _state["t"]
    _stack.append(_state["cur"])
    _state["cur"], _state["t"] = label, _clock()


def _leave() -> None:
    now = _clock()
    _acc[_state["cur"]] += now - _state["t"]
    _state["cur"], _state["t"] = _stack.pop(), _clock()


def _timed(label: str, fn: Any) -> Any:
    def wrapper(*a: Any, **k: Any) -> Any:
        _enter(label)
        try:
            return fn(*a, **k)
        finally:
            _leave()

    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    return wrapper


class _Instrumented:
    """Wrap the regions' functions where ``evaluate`` looks them up; undo on exit."""

    def __enter__(self) -> _Instrumented:
        self.undo: list[tuple[Any, str, Any]] = []

        def patch(obj: Any, name: str, label: str) -> None:
            old = getattr(obj, name)
            self.undo.append((obj, name, old))
            setattr(obj, name, _timed(label, old))

        patch(_evaluate, "load_case", "load")
        patch(_evaluate, "derive", "derive")
        patch(_supervision.Derived, "_once", "derive")
        patch(_evaluate._engine, "evaluate_facts", "engine glue")
        patch(_engine, "_prepare", "prepare")
        patch(_engine._CompiledRuleset, "for_engine", "encode")
        patch(_engine, "_ENCODE", "encode")
        patch(_engine, "_build", "builders")
        patch(_engine, "check_instance", "builders")
        patch(_evaluate, "_report", "report")
        fake_dre = types.SimpleNamespace(**{k: getattr(dre, k) for k in dir(dre) if not k.startswith("__")})
        for k in ("assert_facts", "start_action_for_state", "complete_and_start_action", "delete_state"):
            setattr(fake_dre, k, _timed("engine C", getattr(dre, k)))
        self.undo.append((_engine, "_dre", _engine._dre))
        _engine._dre = fake_dre
        fake_json = types.SimpleNamespace(loads=_timed("decode", json.loads), dumps=json.dumps)
        self.undo.append((_engine, "json", _engine.json))
        _engine.json = fake_json
        return self

    def __exit__(self, *exc: Any) -> None:
        for obj, name, old in reversed(self.undo):
            setattr(obj, name, old)


def _floor_case(handle: int, batches: list[str], sid: str) -> int:
    t = _clock()
    for text in batches:
        _, state = dre.assert_facts(handle, text)
        message = dre.start_action_for_state(handle, state)
        while message:
            message = dre.complete_and_start_action(handle, state)
    dre.delete_state(handle, sid)
    return _clock() - t


def measure(
    n: int, rounds: int, seed: int, recorded: list[tuple[str, list[str]]] | None = None
) -> dict[str, Any]:
    """The figures for ``n`` cases of the mix; ``recorded``: bench.py's recording of the engine
    input for those cases (recorded here when not given)."""
    cases = list(platform_mix(n, seed))
    # warm-up (imports, caches of periods and relations), and each case's class for the tail
    classes = [_case_class(_evaluate.run(c)) for c in cases]
    if recorded is None:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import bench  # noqa: PLC0415  (bench.py's own recording of the engine input)

        recorded = bench._record_engine_input(cases)  # noqa: SLF001
    recorded = dict(enumerate(recorded))
    # bench.py records only the cases that assert anything (all of them on this mix)
    assert len(recorded) == n, "a case asserted nothing: the floor would not line up with the cases"
    handle = _engine.compiled_ruleset().handle
    evaluate = enshi_rules.evaluate
    inf = float("inf")
    plain = [inf] * n
    cpu = [inf] * n
    regions = [dict.fromkeys(REGIONS, inf) for _ in range(n)]
    floor_loop = [inf] * n
    floor_situ = [inf] * n
    for _ in range(rounds):
        gc.collect()
        # A: plain evaluate, wall and CPU per case
        for i, c in enumerate(cases):
            c0 = time.process_time_ns()
            t = _clock()
            evaluate(c)
            d = _clock() - t
            cpu[i] = min(cpu[i], time.process_time_ns() - c0)
            plain[i] = min(plain[i], d)
        gc.collect()
        # B: the same, instrumented
        with _Instrumented():
            for i, c in enumerate(cases):
                for k in _acc:
                    _acc[k] = 0
                _state["cur"], _state["t"] = "other", _clock()
                evaluate(c)
                _acc["other"] += _clock() - _state["t"]
                r = regions[i]
                for k, v in _acc.items():
                    if v < r[k]:
                        r[k] = v
        gc.collect()
        # C: bench.py's floor, a tight loop over the recorded input
        for i in range(n):
            sid, batches = recorded[i]
            floor_loop[i] = min(floor_loop[i], _floor_case(handle, batches, sid))
        gc.collect()
        # D: the same replay, each case right after its own evaluation
        for i, c in enumerate(cases):
            evaluate(c)
            sid, batches = recorded[i]
            floor_situ[i] = min(floor_situ[i], _floor_case(handle, batches, sid))

    def us(xs: list[float]) -> float:
        return sum(xs) / n / 1000.0

    stage = {k: us([r[k] for r in regions]) for k in REGIONS}
    cpu_sorted = sorted(cpu)
    p50 = cpu_sorted[round(0.50 * (n - 1))]
    p99 = cpu_sorted[round(0.99 * (n - 1))]
    return {
        "cases": n,
        "rounds": rounds,
        "library_us": round(us(plain), 1),
        "library_cpu_us": round(us(cpu), 1),
        "stages_us": {k: round(v, 1) for k, v in stage.items()},
        "stages_sum_us": round(sum(stage.values()), 1),
        "floor_us": round(us(floor_loop), 1),
        "floor_in_situ_us": round(us(floor_situ), 1),
        "cpu_p50_us": round(p50 / 1000, 1),
        "cpu_p99_us": round(p99 / 1000, 1),
        "cpu_p99_over_p50": round(p99 / p50, 2),
        "tail_by_class": _tail_by_class(cpu, classes, p99),
    }


def _case_class(r: Any) -> str:
    """What a case costs by: outside the measures (excluded at the scope), its firings (rules that
    fired, receipts not counted) in bands of four, and P10's two extra evaluations of a case whose
    due dates fall in a year without a published arrangement."""
    if any(c.provisional for c in r.report.calendars):
        return "provisional (3 evaluations)"
    if not r.report.in_scope:
        return "outside"
    k = min(len(r.fired) // 4 * 4, 16)
    return f"firings {k}-{k + 3}" if k < 16 else "firings 16+"


def _tail_by_class(cpu: list[float], classes: list[str], p99: float) -> dict[str, dict[str, float]]:
    """Per class: cases, median per-case CPU (µs), and how many of the cases at or above p99 it holds."""
    out: dict[str, dict[str, float]] = {}
    order = ("outside", "firings 0-3", "firings 4-7", "firings 8-11", "firings 12-15", "firings 16+")
    for name in sorted(set(classes), key=lambda c: (order.index(c) if c in order else len(order), c)):
        xs = sorted(t for t, c in zip(cpu, classes, strict=True) if c == name)
        out[name] = {
            "cases": len(xs),
            "cpu_median_us": round(xs[len(xs) // 2] / 1000, 1),
            "at_or_above_p99": sum(1 for t in xs if t >= p99),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=1_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=20250301)
    args = ap.parse_args(argv)
    out = measure(args.cases, args.rounds, args.seed)
    show(out, print)
    print(json.dumps(out, ensure_ascii=False))
    return 0


def show(out: dict[str, Any], say: Any) -> None:
    """The table of :func:`measure`'s figures."""
    lib, flo = out["library_us"], out["floor_us"]
    print = say  # noqa: A001
    print(f"{out['cases']:,} cases, least of {out['rounds']} rounds per case; µs per case, and in floors (bench.py's floor {flo})")
    print(f"  library (plain evaluate)  {lib:8.1f}  {lib / flo:5.2f}   CPU {out['library_cpu_us']:.1f}")
    print(f"  sum of the regions        {out['stages_sum_us']:8.1f}  {out['stages_sum_us'] / flo:5.2f}   (instrumented)")
    for k, v in out["stages_us"].items():
        print(f"    {k:<12}            {v:8.1f}  {v / flo:5.2f}  {v / out['stages_sum_us']:5.1%}")
    print(f"  floor, tight loop (bench) {flo:8.1f}  1.00")
    print(f"  floor, after each case    {out['floor_in_situ_us']:8.1f}  {out['floor_in_situ_us'] / flo:5.2f}")
    print(f"  per-case CPU: p50 {out['cpu_p50_us']} µs, p99 {out['cpu_p99_us']} µs, p99/p50 {out['cpu_p99_over_p50']}")
    print("  the tail by class of case (per-case CPU; the cases at or above p99):")
    for name, c in out["tail_by_class"].items():
        print(f"    {name:<28} {c['cases']:5} cases  median {c['cpu_median_us']:7.1f} µs "
              f"({c['cpu_median_us'] / out['cpu_p50_us']:.2f}x p50)  at or above p99: {c['at_or_above_p99']}")


if __name__ == "__main__":
    raise SystemExit(main())
