"""Engine invariants not covered elsewhere (issue 5): adding facts that no rule concerns changes
nothing, at the level of the case document and at the level of the engine's facts.

Already proven elsewhere, not repeated here: permuting facts (tests/test_engine.py), evaluating
twice and a JSON round trip of the case (tests/test_report.py).
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import enshi_rules
from enshi_rules import Case
from enshi_rules._derive.supervision import derive
from enshi_rules._engine import durable as _engine
from enshi_rules.facts import load_case
from enshi_rules.testing.strategies import case_documents, organ_trees

# Invisible characters (control, format, separators) are refused in text fields (facts/_types.py).
_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), max_size=30)


def _with_noise(doc: dict[str, Any], tree: list[dict[str, Any]], words: str, number: str) -> dict[str, Any]:
    """The same case with organs it does not name, free-text descriptions and document numbers,
    and every optional list the case model has left empty set to an explicit empty list."""
    noisy = copy.deepcopy(doc)
    own = {o["id"] for o in noisy.get("organs", ())}
    noisy["organs"] = [*noisy.get("organs", ()), *(o for o in tree if o["id"] not in own)]
    if "enforcement_action" in noisy:
        noisy["enforcement_action"]["description"] = words
    sup = noisy.setdefault("supervision", {})
    sup["situations"] = [{**s, "description": words} for s in sup.get("situations", ())]
    for name in ("suggestion_letter", "decision_letter"):
        if name in sup:
            sup[name]["number"] = number
    for name, fld in Case.model_fields.items():
        if name not in noisy and fld.default == ():
            noisy[name] = []
    return noisy


@given(doc=case_documents(), tree=organ_trees(), words=_TEXT, number=_TEXT)
def test_adding_what_no_rule_concerns_never_changes_the_report(doc, tree, words, number) -> None:
    expected = enshi_rules.evaluate(doc).to_json()
    noisy = _with_noise(doc, tree, words.strip(), number.strip())
    assert enshi_rules.evaluate(noisy).to_json() == expected
    assert enshi_rules.evaluate(json.dumps(noisy, ensure_ascii=False)).to_json() == expected


_UNCONCERNED = st.fixed_dictionaries(
    {"kind": st.sampled_from(["nobody_listens", "memo", "situation_draft", "relation_history"])},
    optional={
        "as_of": st.integers(700_000, 800_000),
        "item": st.integers(1, 6),
        "relation": st.sampled_from(["none", "upper_government"]),
        "note": st.text(max_size=10),
    },
)


def _key(f) -> tuple[str, str, str]:
    fact = {k: v for k, v in f.fact.items() if k not in ("id", "serial", "sid")}
    return f.rule.rule_id, json.dumps(fact, sort_keys=True, ensure_ascii=False), f.outcome.message


@given(doc=case_documents(), extra=st.lists(st.lists(_UNCONCERNED, max_size=4), min_size=2, max_size=2))
def test_engine_facts_of_kinds_no_rule_matches_change_nothing(doc, extra) -> None:
    stages = derive(load_case(doc)).stages
    fired = sorted(map(_key, _engine.evaluate_facts(stages)))
    padded = [tuple(s) + tuple(e) for s, e in zip(stages, [*extra, *([()] * len(stages))], strict=False)]
    assert sorted(map(_key, _engine.evaluate_facts(padded))) == fired
