"""Each engine fact kind is declared once (``rules/kinds.py``); a rule may test only what the kind it
matches declares, and derivation produces instances of the declared kinds and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import enshi_rules
from enshi_rules._engine import durable as _engine
from enshi_rules._engine import kinds as _kinds
from enshi_rules._engine.kinds import KINDS, check_instance, predicate
from enshi_rules._engine.rulebook import Modality, Outcome, Role, m, rule, true
from enshi_rules.rules import all_rules
from enshi_rules.errors import RuleDefinitionError
from enshi_rules.rules.art_027 import timely_objection
from enshi_rules.rules.kinds import CLUE, INSPECTION, REVIEW

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _declare(rule_id: str, when) -> None:
    @rule(rule_id, Modality.VIOLATION, Role.SUPERVISING, when=when)
    def build(f):  # pragma: no cover - never registered
        """测试"""
        return Outcome("x")


@pytest.mark.parametrize(
    ("when", "prop"),
    [
        # the typo of issue 11: -m.conflictd held for every inspection
        (INSPECTION & (-m.conflictd), "conflictd"),
        (INSPECTION & (m.conflicted > 0) & (m.acting < m.listd), "listd"),
        (REVIEW & true(m.uphold), "uphold"),
        ((m.kind == "clue") & (+m.transfered), "transfered"),
        (REVIEW & ((+m.answered) | (m.anwsered > m.due)), "anwsered"),
    ],
)
def test_a_condition_on_an_undeclared_property_is_refused_at_declaration(when, prop) -> None:
    with pytest.raises(RuleDefinitionError) as err:
        _declare("art_024.p1.i2.typo", when)
    text = str(err.value)
    kind = _kinds.kind_of(when.define())
    assert "art_024.p1.i2.typo" in text and kind in text and repr(prop) in text
    assert "art_024.p1.i2.typo" not in all_rules()


def test_a_predicate_not_declared_for_the_kind_is_refused() -> None:
    with pytest.raises(RuleDefinitionError, match=r"art_031\.p1\.typo.*clue.*timely_objection"):
        _declare("art_031.p1.typo", CLUE & timely_objection)


def test_a_condition_that_matches_no_declared_kind_is_refused() -> None:
    with pytest.raises(RuleDefinitionError, match="no declared kind"):
        _declare("art_031.p1.nokind", (m.kind == "clues") & (+m.transferred))


def test_a_predicate_over_properties_a_kind_lacks_is_refused() -> None:
    with pytest.raises(RuleDefinitionError, match=r"predicate late_transfer: kind clue declares no property window_due"):
        predicate("late_transfer", m.transferred > m.window_due, kinds=(CLUE,), cites="第三十一条")


def test_every_rule_names_its_kind_and_tests_only_declared_properties() -> None:
    for r in all_rules().values():
        assert r.kind in KINDS, r.rule_id
        assert _kinds.properties(r.condition) <= set(KINDS[r.kind].props), r.rule_id


def test_a_predicate_compiles_as_if_written_out() -> None:
    r = all_rules()["art_027.p1.terminate_supervision"]
    assert r.condition == {
        "$and": [
            {"kind": "review"}, {"$ex": {"filed": 1}}, {"$lte": {"filed": {"$m": "window_due"}}}, {"upheld": True},
        ]
    }


def test_timely_objection_is_written_once() -> None:
    """The issue counted m.filed <= m.window_due six times in art_027 and art_028."""
    rules_dir = Path(enshi_rules.__file__).parent / "rules"
    uses = sum(p.read_text(encoding="utf-8").count("m.filed <= m.window_due") for p in rules_dir.glob("*.py"))
    assert uses == 1


def test_derivation_produces_only_declared_instances() -> None:
    seen: set[str] = set()
    real = _engine._assert_and_drain

    def watching(rs, batch):
        for f in batch:
            check_instance({k: v for k, v in f.items() if k not in ("sid", "id", "serial")}, "test")
            seen.add(f["kind"])
        return real(rs, batch)

    _engine._assert_and_drain = watching
    try:
        for p in sorted(EXAMPLES.glob("*.json")):
            enshi_rules.evaluate(json.loads(p.read_text(encoding="utf-8")))
    finally:
        _engine._assert_and_drain = real
    assert {"case", "relation", "objection", "rectification", "rectification_outcome"} <= seen


@pytest.mark.parametrize(
    ("fact", "match"),
    [
        ({"kind": "clue", "as_of": 1, "refs": [], "transfered": 5}, "declares no property 'transfered'"),
        ({"kind": "clue", "as_of": 1, "refs": [], "transferred": "2025-03-01"}, "clue.transferred is declared day"),
        ({"kind": "review", "as_of": 1, "refs": [], "upheld": 1}, "review.upheld is declared flag"),
        ({"kind": "reviews", "as_of": 1}, "undeclared kind"),
    ],
)
def test_an_instance_outside_its_declaration_is_refused(fact, match) -> None:
    with pytest.raises(RuleDefinitionError, match=match):
        check_instance(fact, "test")


def test_mutants_reach_inside_named_predicates() -> None:
    """The mutation tool mutates the compiled condition, so a predicate's comparisons are mutated in
    every rule that uses it (timely_objection in 第二十七条第一款's termination)."""
    from enshi_rules._engine.mutate import generate

    rules = {rid: r for rid, r in all_rules().items() if rid == "art_027.p1.terminate_supervision"}
    ids = [x.id for x in generate(rules)]
    assert 'art_027.p1.terminate_supervision: comparison: negate {"$lte": {"filed": {"$m": "window_due"}}} -> {"$gt": {"filed": {"$m": "window_due"}}}' in ids
    assert 'art_027.p1.terminate_supervision: conjunct: drop {"$lte": {"filed": {"$m": "window_due"}}}' in ids
    assert any(": modality: " in i for i in ids) and any(": citation: " in i for i in ids)
