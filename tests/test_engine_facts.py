"""Facts carry into the engine only what conditions read (issue 18); builders still see the whole fact.

The engine gets, of each fact, the properties some condition on its kind reads (and ``kind``,
``sid``, ``id``, ``serial``); names, ``refs`` and the other inputs of messages stay in Python under
the fact's serial. Nothing a condition can test is left out, so every firing, and every report, is
the one the whole fact gives: checked here against the engine fed whole facts, on the platform mix,
random cases, every example and every scenario.
"""

from __future__ import annotations

import json
import random
import types
from pathlib import Path
from typing import Any

import pytest

import enshi_rules
from enshi_rules._engine import durable as engine
from enshi_rules.errors import EnshiRulesError
from enshi_rules.testing.cases import platform_mix, random_case
from enshi_rules.testing.scenarios import load_scenarios

ROOT = Path(__file__).resolve().parents[1]


def _properties(condition: Any) -> set[str]:
    out: set[str] = set()
    engine._properties(condition, out)
    return out


def test_what_the_conditions_read_is_found_in_each_operator() -> None:
    # written as durable.lang writes them: ==, &, |, +m.x, -m.x, m.x <= m.y, m.x != v
    cond = {
        "$and": [
            {"kind": "review"},
            {"$ex": {"filed": 1}},
            {"$nex": {"answered": 1}},
            {"$lte": {"filed": {"$m": "window_due"}}},
            {"$or": [{"$neq": {"status": "late"}}, {"upheld": True}]},
        ]
    }
    assert _properties(cond) == {"kind", "filed", "answered", "window_due", "status", "upheld"}
    assert engine._required_kind(cond) == "review"
    assert engine._required_kind({"$or": [{"kind": "a"}, {"kind": "b"}]}) is None  # not one kind: read for all


def test_every_rule_reads_only_properties_its_kind_keeps() -> None:
    rs = engine.compiled_ruleset()
    for rid, rule in rs.rules.items():
        kind = engine._required_kind(rule.condition)
        kept = [rs.reads.get(kind, rs.reads_any)] if kind is not None else [rs.reads_any, *rs.reads.values()]
        for keep in kept:
            assert _properties(rule.condition) <= keep, rid


def test_unread_properties_stay_out_of_the_engine_and_builders_see_them(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[dict[str, Any]] = []
    real = engine._dre

    def assert_facts(handle: int, text: str) -> Any:
        sent.extend(json.loads(text))
        return real.assert_facts(handle, text)

    spy = types.SimpleNamespace(**{n: getattr(real, n) for n in dir(real) if not n.startswith("__")})
    spy.assert_facts = assert_facts
    monkeypatch.setattr(engine, "_dre", spy)
    report = enshi_rules.evaluate(json.loads((ROOT / "examples" / "overdue_decision.json").read_text("utf-8")))
    assert sent and all("refs" not in f for f in sent)  # no condition reads refs
    assert any(f.facts for f in report.findings)  # ... and the report still has them, from the Python side
    rs = engine.compiled_ruleset()
    for f in sent:
        assert set(f) <= rs.reads.get(f["kind"], rs.reads_any)


def _reports(docs: list[Any], **kw: Any) -> list[str]:
    out = []
    for d in docs:
        try:
            out.append(enshi_rules.evaluate(d, **kw).to_json())
        except EnshiRulesError as exc:
            out.append(f"{type(exc).__name__}: {exc}")
    return out


def test_reports_are_those_of_whole_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    docs: list[Any] = list(platform_mix(400, 20250301))
    docs += [random_case(random.Random(seed)) for seed in range(300)]
    docs += [p.read_bytes() for p in sorted((ROOT / "examples").glob("*.json"))]
    scenarios = [sc for p in sorted((ROOT / "tests" / "scenarios").rglob("*.scenario.yaml")) for sc in load_scenarios(p)]
    slim = _reports(docs) + [r for sc in scenarios for r in _reports([sc.case], as_of=sc.as_of, policy=sc.policy)]
    monkeypatch.setattr(engine._CompiledRuleset, "for_engine", lambda self, fact: fact)  # the whole fact
    whole = _reports(docs) + [r for sc in scenarios for r in _reports([sc.case], as_of=sc.as_of, policy=sc.policy)]
    assert len(slim) == len(whole) > 700
    for a, b in zip(slim, whole, strict=True):
        assert a == b
