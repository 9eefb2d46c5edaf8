"""The engine guards: each sharp edge of durable-rules 2.0.28 (docs/engine.md) proven unreachable."""

from __future__ import annotations

import importlib
import json
import random
import re
import subprocess
import sys
import threading
from pathlib import Path

import durable.lang
import durable_rules_engine
import pytest
from hypothesis import given
from hypothesis import strategies as st

import enshi_rules
from enshi_rules._engine import durable as _engine
from enshi_rules._engine import rulebook as _rulebook
from enshi_rules.rules import all_rules
from enshi_rules._engine.rulebook import Modality, Outcome, Role, m, rule
from enshi_rules.errors import EngineError, RuleDefinitionError, RuleExecutionError
from enshi_rules.testing.cases import case_mix, random_case

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _example(name: str) -> dict:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def _rss_kb() -> int:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * 4


# --- no background threads, no global durable host -------------------------------------------


def test_evaluation_starts_no_threads_and_no_durable_host() -> None:
    before = {t.ident for t in threading.enumerate()}
    enshi_rules.evaluate(_example("overdue_decision.json"))
    after = {t.ident for t in threading.enumerate()}
    assert after == before
    assert durable.lang._main_host is None  # the library never touches durable's global host


def test_nothing_is_pending_after_evaluate_returns() -> None:
    enshi_rules.evaluate(_example("overdue_decision.json"))
    rs = _engine.compiled_ruleset()
    # Any action left behind would be handed out here (this is what durable's dispatcher thread calls).
    assert durable_rules_engine.start_action(rs.handle) is None


# --- registered once; import twice / reload is harmless ---------------------------------------


def test_ruleset_compiled_once() -> None:
    a = _engine.compiled_ruleset()
    enshi_rules.evaluate(_example("rectified_on_time.json"))
    assert _engine.compiled_ruleset() is a


def test_reloading_rule_modules_is_harmless() -> None:
    doc = _example("overdue_decision.json")
    before = enshi_rules.evaluate(doc).to_json()
    from enshi_rules.rules import art_027, art_028

    importlib.reload(art_027)
    importlib.reload(art_028)
    importlib.reload(art_027)
    assert enshi_rules.evaluate(doc).to_json() == before
    assert set(all_rules()) == set(_engine.rules())


def test_same_rule_id_from_another_module_is_refused() -> None:
    with pytest.raises(RuleDefinitionError, match="art_027.p1.review.late"):

        @rule(
            "art_027.p1.review.late",
            article=27, paragraph=1, modality=Modality.VIOLATION, subject=Role.SUPERVISING,
            when=m.kind == "x", summary="重复的规则",
        )
        def dup(f):  # pragma: no cover - never registered
            return Outcome("x")


# --- rule definitions: joins, state and malformed rules are refused at declaration ----------


def _declare(rule_id: str, when, **kw):
    args = dict(article=27, paragraph=1, item=None, modality=Modality.SHALL, subject=Role.CASE, summary="测试")
    args.update(kw)
    return _rulebook._make_rule(
        rule_id, when=when, build=lambda f: Outcome("x"), stage=_rulebook.Stage.SUBSTANCE, note=False,
        module="tests", **args,
    )


def test_join_conditions_are_refused() -> None:
    c = durable.lang.c
    with pytest.raises(RuleDefinitionError, match="Joins between facts crash"):
        _declare("art_027.p1.join", (m.kind == "b") & (m.amount > c.first.amount))


def test_state_conditions_are_refused() -> None:
    with pytest.raises(RuleDefinitionError, match="not allowed"):
        _declare("art_027.p1.state", durable.lang.s.status == "x")


@pytest.mark.parametrize(
    ("rule_id", "kw", "match"),
    [
        ("r_0", {}, "must look like"),
        ("art_028.p1.wrong_article", {}, "does not agree"),
        ("art_027.p3.no_such_paragraph", {"paragraph": 3}, "paragraph|款|3"),
        ("art_027.p1.blank", {"summary": "  "}, "summary is required"),
    ],
)
def test_malformed_rules_are_refused(rule_id: str, kw: dict, match: str) -> None:
    with pytest.raises(RuleDefinitionError, match=match):
        _declare(rule_id, m.kind == "x", **kw)


def test_every_declared_rule_is_single_fact() -> None:
    for r in all_rules().values():
        _rulebook._check_condition(r.rule_id, r.condition)  # raises on any join or state reference


# --- isolation: own state, always deleted, >1,024 evaluations, flat memory --------------------


def test_more_than_1024_evaluations_with_flat_memory() -> None:
    docs = list(case_mix(200, seed=7))
    for d in docs:
        enshi_rules.evaluate(d)
    base = _rss_kb()
    for _ in range(7):  # 1,400 more evaluations: past durable's 1,024 live-state limit
        for d in docs:
            enshi_rules.evaluate(d)
    grown = _rss_kb() - base
    assert grown < 8_000, f"RSS grew {grown} kB over 1,400 evaluations"


def test_state_is_deleted_when_a_builder_fails() -> None:
    doc = _example("overdue_decision.json")
    target = _engine.compiled_ruleset().rules["art_028.p2.execution_report.overdue"]

    def boom(f):
        raise KeyError("no such property")

    # Rules are frozen dataclasses: swap the builder the way a broken rule module would ship one.
    object.__setattr__(target, "build", boom)
    try:
        for _ in range(1_100):  # would hit MemoryError at the 1,024th leaked state
            with pytest.raises(RuleExecutionError) as info:
                enshi_rules.evaluate(doc)
        assert info.value.rule_id == "art_028.p2.execution_report.overdue"
        assert "第二十八条第二款" in str(info.value)
        assert isinstance(info.value.__cause__, KeyError)
    finally:
        importlib.reload(importlib.import_module("enshi_rules.rules.art_028"))
    # The engine is usable afterwards and gives the normal answer.
    assert "art_028.p2.execution_report.overdue" in enshi_rules.evaluate(doc).rule_ids()


def test_builder_returning_the_wrong_type_is_our_error() -> None:
    target = _engine.compiled_ruleset().rules["art_035.p1.in_force"]
    object.__setattr__(target, "build", lambda f: "not an Outcome")
    try:
        with pytest.raises(RuleExecutionError, match="art_035.p1.in_force.*not Outcome"):
            enshi_rules.evaluate(_example("rectified_on_time.json"))
    finally:
        importlib.reload(importlib.import_module("enshi_rules.rules.art_035"))


# --- facts entering the engine ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("fact", "match"),
    [
        ({"kind": "case", "when": __import__("datetime").date(2025, 3, 1)}, "dates go in as ordinals"),
        ({"kind": "case", "nested": {"a": 1}}, "cannot enter the engine"),
        ({"kind": "case", "id": "x"}, "reserved"),
        ({"kind": "case", **{f"p{i}": i for i in range(300)}}, "255"),
        ({"no_kind": 1}, "without a kind"),
        ({"kind": "case", "n": 2**60}, "too large"),
    ],
)
def test_facts_the_engine_cannot_hold_are_refused(fact: dict, match: str) -> None:
    with pytest.raises(EngineError, match=match):
        _engine.evaluate_facts([[fact]])


def test_fact_that_no_rule_concerns_changes_nothing() -> None:
    fired = _engine.evaluate_facts([[{"kind": "nobody_listens", "x": 1}]])
    assert fired == []


def test_every_fact_gets_a_unique_serial() -> None:
    fact = {"kind": "relation", "relation": "none", "as_of": 1, "supervisor_kind": "人民政府", "supervised_kind": "工作部门", "supervisor_name": "甲", "supervised_name": "乙"}
    fired = _engine.evaluate_facts([[fact] * 3])
    assert len({f.fact["serial"] for f in fired}) == 3
    assert {f.rule.rule_id for f in fired} == {"art_003.p1.no_supervision_relation"}


# --- order of facts never matters ------------------------------------------------------------


@given(seed=st.integers(0, 10_000), perm_seed=st.integers(0, 10_000))
def test_permuting_facts_never_changes_the_report(seed: int, perm_seed: int) -> None:
    doc = random_case(random.Random(seed))
    expected = enshi_rules.evaluate(doc).to_json()
    rng = random.Random(perm_seed)
    shuffled = json.loads(json.dumps(doc))
    rng.shuffle(shuffled["supervision"]["situations"])
    rng.shuffle(shuffled["organs"])
    # and the engine-level facts themselves, in every stage. A missing fact's field path names the
    # record by its position in the document (supervision.situations[2].provision), which the
    # shuffle moves: positions are compared as such, everything else exactly.
    position = re.compile(r"situations\[\d+\]")
    assert position.sub("situations[i]", enshi_rules.evaluate(shuffled).to_json()) == position.sub("situations[i]", expected)
    from enshi_rules._derive.supervision import derive
    from enshi_rules.facts import load_case

    stages = derive(load_case(doc)).stages
    fired = _engine.evaluate_facts(stages)
    permuted = [rng.sample(list(s), len(s)) for s in stages]
    refired = _engine.evaluate_facts(permuted)
    key = lambda f: (f.rule.rule_id, json.dumps({k: v for k, v in f.fact.items() if k not in ("id", "serial", "sid")}, sort_keys=True), f.outcome.message)  # noqa: E731
    assert sorted(map(key, fired)) == sorted(map(key, refired))


# --- threads ---------------------------------------------------------------------------------


def test_eight_threads_give_the_sequential_reports() -> None:
    docs = list(case_mix(120, seed=11))
    expected = [enshi_rules.evaluate(d).to_json() for d in docs]
    results: dict[int, str] = {}
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            for i in range(k, len(docs), 8):
                results[i] = enshi_rules.evaluate(docs[i]).to_json()
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert [results[i] for i in range(len(docs))] == expected


# --- no process crash: a corpus of 5,000 generated cases in a subprocess ---------------------

_CORPUS = """
import collections, copy, datetime, json, pathlib, random, sys
import enshi_rules
from enshi_rules import EnshiRulesError
from enshi_rules.testing.cases import case_mix

# Half the corpus: the generated procedure mix. The other half: the bundled examples (which
# cover every section of the case document: jurisdiction, annual duties, inspections, liabilities
# with 容错 ...) with booleans flipped, optional records dropped and all dates shifted together.
examples = [json.loads(p.read_text("utf-8")) for p in sorted(pathlib.Path(sys.argv[2]).glob("*.json"))]
rng = random.Random(int(sys.argv[1]))

def mutate(node):
    if isinstance(node, dict):
        for k in list(node):
            v = node[k]
            if isinstance(v, bool) and rng.random() < 0.3:
                node[k] = not v
            elif isinstance(v, (dict, list)) and k not in ("organs",) and rng.random() < 0.08:
                del node[k]
            elif isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[7] == "-":
                node[k] = (datetime.date.fromisoformat(v) + datetime.timedelta(days=shift)).isoformat()
            else:
                mutate(v)
    elif isinstance(node, list):
        for v in node:
            mutate(v)

count = collections.Counter()
n = valid = 0
generated = case_mix(2500, seed=int(sys.argv[1]))
for i in range(5000):
    if i % 2 == 0:
        doc = next(generated)
    else:
        doc = copy.deepcopy(rng.choice(examples))
        shift = rng.randint(-60, 200)
        mutate(doc)
    n += 1
    try:
        report = enshi_rules.evaluate(doc)
    except EnshiRulesError:
        continue
    valid += 1
    for f in report.findings:
        count[f.rule_id] += 1
    for note in report.notes:
        count[note.rule_id] += 1
print(n, valid, len(count))
"""


def test_corpus_of_5000_generated_cases_runs_in_a_subprocess_without_crashing() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _CORPUS, "20250301", str(EXAMPLES)], capture_output=True, text=True, timeout=600
    )
    # A SIGSEGV shows as returncode -11, an abort as -6: the crashes of docs/engine.md end up here.
    assert proc.returncode == 0, proc.stderr[-2000:]
    n, valid, distinct = map(int, proc.stdout.split())
    assert n == 5000
    assert valid >= 4000, f"only {valid} of the mutated cases were valid"
    assert distinct >= 70, f"the corpus fired only {distinct} distinct rules"  # 78 of 142 measured


def test_a_crashing_child_is_seen_by_the_subprocess_harness() -> None:
    """The harness above can see a crash: a child that segfaults reports a negative status."""
    proc = subprocess.run(
        [sys.executable, "-c", "import ctypes; ctypes.string_at(0)"], capture_output=True, timeout=60
    )
    assert proc.returncode < 0


def test_the_same_rule_file_imported_under_a_second_name_is_harmless():
    import importlib.util

    from enshi_rules.rules import art_027

    doc = _example("objection_upheld.json")
    before = enshi_rules.evaluate(doc).to_json()
    spec = importlib.util.spec_from_file_location("enshi_rules.rules.art_027_second_name", art_027.__file__)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["enshi_rules.rules.art_027_second_name"] = mod
    try:
        spec.loader.exec_module(mod)
        assert enshi_rules.evaluate(doc).to_json() == before
    finally:
        del sys.modules["enshi_rules.rules.art_027_second_name"]
        importlib.reload(art_027)
    assert enshi_rules.evaluate(doc).to_json() == before


def test_a_rule_with_overlapping_or_branches_concludes_once_per_fact():
    # decision issued on the last day of an on-time rectification: both branches of the condition
    # of art_028.p1.decision_without_default hold; durable fires once per branch.
    fact = {"kind": "rectification_outcome", "as_of": 2, "status": "on_time", "due": 5, "decision_issued": 5, "refs": ["x"]}
    fired = _engine.evaluate_facts([[fact]])
    assert [f.rule.rule_id for f in fired] == ["art_028.p1.decision_without_default"]


def test_a_comparison_with_a_property_the_fact_lacks_never_matches() -> None:
    """durable-rules decides ``m.a <= m.b`` on a fact without ``b`` from memory it never wrote
    (``isAlphaMatch`` in events.c reads an uninitialised result after ERR_PROPERTY_NOT_FOUND): here
    the raw engine matches it, and a report then depended on what the process computed before (issue
    det). Every such comparison goes to the engine after the test that the fact has ``b``."""
    import durable_rules_engine as dre

    from enshi_rules._engine import durable as _durable

    cond = {"$and": [{"kind": "x"}, {"$lte": {"a": {"$m": "b"}}}]}
    raw = {"cmp": {"all": [{"m": cond}]}, "receipt": {"all": [{"m": {"$ex": {"kind": 1}}}]}}
    guarded = {"cmp": {"all": [{"m": _durable.engine_condition(cond)}]}, "receipt": raw["receipt"]}

    def fired(definition: dict, fact: dict) -> list[str]:
        h = dre.create_ruleset(f"det_{len(json.dumps(definition))}_{id(definition)}", json.dumps(definition))
        code, state = dre.assert_facts(h, json.dumps([{**fact, "sid": "s1", "id": "f1"}]))
        out: list[str] = []
        msg = (dre.start_action_for_state(h, state) or [None, None])[1]
        while msg:
            out += [k for k in json.loads(msg) if k != "receipt"]
            msg = dre.complete_and_start_action(h, state)
        dre.delete_state(h, "s1")
        return out

    assert fired(raw, {"kind": "x", "a": 1, "b": 2}) == ["cmp"] and fired(raw, {"kind": "x", "a": 1, "b": 0}) == []
    assert fired(guarded, {"kind": "x", "a": 1, "b": 2}) == ["cmp"] and fired(guarded, {"kind": "x", "a": 1, "b": 0}) == []
    assert fired(guarded, {"kind": "x", "a": 1}) == []  # the raw condition's answer here is undefined
    assert _durable.engine_condition(cond) == {"$and": [{"kind": "x"}, {"$and": [{"$ex": {"b": 1}}, {"$lte": {"a": {"$m": "b"}}}]}]}
    # and every rule goes to the engine so guarded
    def unguarded(node: dict, have: frozenset[str] = frozenset()) -> list[str]:
        if "$and" in node:
            seen = have | {p for sub in node["$and"] if "$ex" in sub for p in sub["$ex"]}
            return [x for sub in node["$and"] for x in unguarded(sub, seen)]
        if "$or" in node:
            return [x for sub in node["$or"] for x in unguarded(sub, have)]
        return sorted(_durable._other_properties(node) - have)

    definitions = {rid: _durable.engine_condition(r.condition) for rid, r in _durable.rules().items()}
    assert {rid: bad for rid, c in definitions.items() if (bad := unguarded(c))} == {}
