"""The only module that talks to durable-rules.

durable-rules 2.0.28 is unmaintained and has sharp edges (``../shared/notes`` and
``docs/engine.md``). This module is where each one is made impossible for a rule author to hit:

=================================  ==========================================================
sharp edge                         what this module does
=================================  ==========================================================
SIGSEGV on joins between facts     rules are single-fact conditions only; ``_rulebook`` rejects
                                   any reference to another fact when a rule is declared
``none(...)`` depends on order     no negation over facts exists in the rule language here;
                                   absence is a property of one fact (``-m.done``)
a fact no rule matches corrupts   a private receipt rule matches every fact, so no fact is ever
the heap (``free(): invalid        "unhandled"; receipts are counted, so a fact the engine lost
pointer`` at ``delete_state``)     is an :class:`EngineError`; a unique serial per fact is its
                                   durable ``id``, so no fact is ever "already observed"
exceptions stored as a string      durable's action runner is never used: matches are drained
                                   here and builders run in plain Python, so an exception in a
                                   builder is raised as :class:`RuleExecutionError`
global host, re-registration       no ``durable.lang`` host is ever created; this module owns the
                                   ruleset handle, compiled once per set of rule definitions;
                                   re-importing or reloading a rule module re-uses or recompiles
background threads                 none: the C engine is called directly, nothing is dispatched
1,024 live states                  every evaluation has its own sid and its state is deleted in a
                                   ``finally`` block, also when something fails
``a | b`` fires once per branch   a rule fires at most once per fact: repeated matches of one
                                   rule on one fact are dropped when the engine is drained
``x != v`` never matches a fact    documented in ``_rulebook``: write ``(-m.x) | (m.x != v)``
without ``x``
``m.a <= m.b`` on a fact without   decided from uninitialised memory (events.c): every comparison
``b``: an undefined answer         with another property goes in after ``$ex`` of that property
                                   (``engine_condition``)
threads racing on the ruleset      one lock around each evaluation; a forked child gets a new lock
dates are not JSON                 facts carry dates as ordinal day numbers (``date.toordinal``);
                                   anything but JSON scalars or lists of strings is refused
=================================  ==========================================================
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

import durable_rules_engine as _dre

from ..errors import EngineError, RuleExecutionError
from ..rules import all_rules
from . import rulebook as _rulebook
from .kinds import check_instance
from .rulebook import Fact, Outcome, Rule

__all__ = ["LISTENERS", "Fired", "MAX_FACTS", "MAX_ROUNDS", "engine_condition", "evaluate_facts", "rules"]

#: Forward-chaining rounds within one stage before we call it a runaway rule set.
MAX_ROUNDS = 8
#: Facts in one evaluation (asserted plus derived).
MAX_FACTS = 2_000
#: durable-rules stores at most 255 properties per fact; we keep a margin for ``sid``/``id``.
_MAX_PROPERTIES = 250

#: Matches every fact. durable-rules 2.0.28 corrupts its heap when a fact matches no rule (reproduced:
#: ``free(): invalid pointer`` or SIGSEGV at the next ``delete_state``, depending on the heap layout;
#: see docs/engine.md), so no fact may ever go unmatched.
_RECEIPT = "engine.receipt"
_RECEIPT_CONDITION = {"$ex": {"kind": 1}}

_LOCK = threading.RLock()


def _new_lock_in_child() -> None:
    """A child forked while another thread held the lock would wait for it forever (that thread
    does not exist in the child): give the child a lock of its own. The state that thread was
    using lives on in the child's copy of the engine, under a sid nothing in the child uses."""
    global _LOCK
    _LOCK = threading.RLock()


os.register_at_fork(after_in_child=_new_lock_in_child)
#: ``json.dumps(x, ensure_ascii=False)`` without building an encoder on every call.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_SERIAL = itertools.count(1)
_RESERVED = frozenset({"sid", "id", "serial"})

#: Observers of rule firings (the test suite's rule coverage, ``tests/conftest.py``): each is called
#: after every successful evaluation with the ids of the rules that fired, in firing order. Empty in
#: normal use, and then it costs one truth test per evaluation.
LISTENERS: list[Callable[[tuple[str, ...]], None]] = []


class Fired(NamedTuple):
    """One rule firing: the rule, the fact it matched (as asserted) and what its builder said.

    A named tuple: a dozen are made per evaluation, and a frozen dataclass costs three
    ``object.__setattr__`` calls each."""

    rule: Rule
    fact: Mapping[str, Any]
    outcome: Outcome


class _CompiledRuleset:
    """One durable-rules ruleset handle for one exact set of rule definitions."""

    def __init__(self, rules: dict[str, Rule]) -> None:
        definition = {rid: {"all": [{"m": engine_condition(r.condition)}]} for rid, r in rules.items()}
        definition[_RECEIPT] = {"all": [{"m": _RECEIPT_CONDITION}]}
        text = json.dumps(definition, ensure_ascii=False, sort_keys=True)
        self.digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.rules = rules
        self.reads, self.reads_any = _reads(rules)
        try:
            self.handle = _dre.create_ruleset(f"enshi_rules_{self.digest[:16]}", text)
        except Exception as exc:  # the C extension raises plain Exception with a code
            raise EngineError(f"durable-rules refused the rule set: {exc}") from exc


    def for_engine(self, fact: dict[str, Any]) -> dict[str, Any]:
        """What of a prepared fact goes into the engine: the properties some condition reads, and
        ``kind``, ``sid``, ``id``, ``serial``. The rest (messages' inputs, names, ``refs``) stays
        here under the fact's serial, so less JSON goes in and comes back with every match and
        receipt (issue 18); no condition can tell the difference, since none reads it."""
        keep = self.reads.get(fact["kind"], self.reads_any)
        return {k: v for k, v in fact.items() if k in keep}


def engine_condition(node: Any) -> Any:
    """A condition as the engine must receive it: every comparison with another property of the
    fact (``m.done <= m.due``) preceded, in an ``$and``, by the test that the fact has it.

    durable-rules 2.0.28 decides such a comparison on a fact without that property from memory it
    never wrote (``isAlphaMatch`` in events.c: the lookup of ``$m`` fails with
    ERR_PROPERTY_NOT_FOUND, which it does not check, and reads its uninitialised result), so
    whether the rule fires depends on what the process computed before. Reproduced: 第二十八条第一款's
    ``decision_without_default`` without its kind guard matched the ``rectification`` fact (which has
    no ``due``) when its mutant ran alone and not after other mutants in one process. The rules mean
    what they say ("a comparison with a property the fact lacks is false", as for any property the
    fact lacks) only with the guard, which changes nothing where the property is there."""
    if isinstance(node, dict):
        if "$and" in node or "$or" in node:
            return {k: [engine_condition(x) for x in v] if k in ("$and", "$or") else v for k, v in node.items()}
        needed = sorted(_other_properties(node))
        if needed:
            return {"$and": [*({"$ex": {p: 1}} for p in needed), node]}
    return node


def _other_properties(node: Mapping[str, Any]) -> set[str]:
    """The properties of the same fact a leaf condition compares with (``{"$m": "due"}``)."""
    out: set[str] = set()
    for key, val in node.items():
        if key in ("$ex", "$nex") or not isinstance(val, Mapping):
            continue
        operands = val.values() if key.startswith("$") else [val]
        out.update(o["$m"] for o in operands if isinstance(o, Mapping) and isinstance(o.get("$m"), str))
    return out


#: Properties every fact keeps in the engine, whatever the conditions read.
_ALWAYS = frozenset({"kind", "sid", "id", "serial"})


def _reads(rules: Mapping[str, Rule]) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """The properties the conditions read, by fact kind: a rule whose condition requires
    ``kind == X`` (alone or as a conjunct) reads for kind X only; any other rule for every kind.
    ``reads_any`` is what a kind no rule names keeps."""
    by_kind: dict[str, set[str]] = {}
    anywhere: set[str] = set()
    for r in rules.values():
        props: set[str] = set()
        _properties(r.condition, props)
        kind = _required_kind(r.condition)
        (by_kind.setdefault(kind, set()) if kind is not None else anywhere).update(props)
    reads = {kind: frozenset(props | anywhere | _ALWAYS) for kind, props in by_kind.items()}
    return reads, frozenset(anywhere | _ALWAYS)


def _properties(node: Any, out: set[str]) -> None:
    """Every property a durable-rules condition (JSON) reads, into ``out``."""
    for key, val in node.items():
        if key in ("$and", "$or"):
            for sub in val:
                _properties(sub, out)
        elif key in ("$ex", "$nex"):
            out.update(val)
        elif key.startswith("$"):  # a comparison: {"$lt": {"done": 5 or {"$m": "due"}}}
            for prop, operand in val.items():
                out.add(prop)
                if isinstance(operand, dict):
                    out.update(v for k, v in operand.items() if k == "$m")
        else:  # equality: {"kind": "review"} or {"done": {"$m": "due"}}
            out.add(key)
            if isinstance(val, dict):
                out.update(v for k, v in val.items() if k == "$m")


def _required_kind(node: Mapping[str, Any]) -> str | None:
    """The kind a condition requires (``kind == X`` alone or as a conjunct), else None."""
    if isinstance(node.get("kind"), str):
        return node["kind"]  # type: ignore[no-any-return]
    for sub in node.get("$and", ()):
        if isinstance(sub, Mapping) and isinstance(sub.get("kind"), str):
            return sub["kind"]  # type: ignore[no-any-return]
    return None


_COMPILED: _CompiledRuleset | None = None
_COMPILED_FOR = -1


def compiled_ruleset() -> _CompiledRuleset:
    """The compiled ruleset for the rules as declared now (compiled once; again after a reload)."""
    global _COMPILED, _COMPILED_FOR
    if _COMPILED is None or _rulebook.generation() != _COMPILED_FOR:
        rules = all_rules()  # imports the article modules on first use
        _COMPILED = _CompiledRuleset(rules)
        _COMPILED_FOR = _rulebook.generation()
    return _COMPILED


def reinstate(compiled: _CompiledRuleset) -> None:
    """Make ``compiled`` the rule set of the rulebook's current generation again, without compiling
    (mutation testing puts back the original rules, whose rule set is already compiled)."""
    global _COMPILED, _COMPILED_FOR
    _COMPILED = compiled
    _COMPILED_FOR = _rulebook.generation()


@contextlib.contextmanager
def watching_batches(watch: Callable[[list[dict[str, Any]]], None]) -> Iterator[None]:
    """Call ``watch`` with every batch of facts asserted into the engine while the block runs (the
    fact census of ``enshi-rules mutate``); the engine's work is unchanged."""
    global _assert_and_drain
    real = _assert_and_drain

    def spy(rs: _CompiledRuleset, batch: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
        watch(batch)
        return real(rs, batch)

    _assert_and_drain = spy
    try:
        yield
    finally:
        _assert_and_drain = real


def rules() -> dict[str, Rule]:
    """The rules the engine evaluates, by id."""
    with _LOCK:
        return compiled_ruleset().rules


def _prepare(fact: Mapping[str, Any], sid: str) -> dict[str, Any]:
    out = dict(fact)
    if not isinstance(out.get("kind"), str):
        raise EngineError(f"fact without a kind: {out!r}")
    if len(out) > _MAX_PROPERTIES:
        raise EngineError(f"fact {out['kind']} has {len(out)} properties; durable-rules allows 255")
    if not _RESERVED.isdisjoint(out):
        k = next(k for k in out if k in _RESERVED)
        raise EngineError(f"fact {out['kind']} uses the reserved property {k!r}")
    for k, v in out.items():
        t = type(v)
        # the exact types first (almost every value): one type test instead of four isinstance calls
        if t is str or t is bool or t is float or v is None:
            continue
        if t is int and -(2**53) <= v <= 2**53:
            continue
        if t is list and all(type(x) is str for x in v):
            continue
        out[k] = _checked(out["kind"], k, v)  # subclasses (an enum of str), tuples, and the errors
    serial = next(_SERIAL)
    out["sid"] = sid
    out["id"] = f"f{serial}"
    out["serial"] = serial
    return out


def _checked(kind: str, k: str, v: Any) -> Any:
    """A property value that is not of an exact JSON scalar type: accepted as before, or refused."""
    if v is None or isinstance(v, (str, bool, int, float)):
        if isinstance(v, int) and not isinstance(v, bool) and abs(v) > 2**53:
            raise EngineError(f"fact {kind}.{k}: integer too large for the engine")
        return v
    if isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v):
        return list(v)
    raise EngineError(f"fact {kind}.{k}: {type(v).__name__} cannot enter the engine (dates go in as ordinals)")


def _assert_and_drain(rs: _CompiledRuleset, batch: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    try:
        code, state = _dre.assert_facts(rs.handle, _ENCODE([rs.for_engine(f) for f in batch]))
    except Exception as exc:
        raise EngineError(f"durable-rules failed while matching: {exc}") from exc
    # 0: every fact matched a rule (the receipt rule guarantees it). 1 would mean a fact went
    # unmatched, 2 that a fact was seen twice: neither can happen with receipts and serials.
    if code != 0:
        raise EngineError(f"durable-rules answered code {code} to a batch of {len(batch)} facts")
    matches: list[tuple[str, dict[str, Any]]] = []
    seen: set[tuple[str, int]] = set()
    received: list[int] = []
    by_serial = {f["serial"]: f for f in batch}  # the whole fact, as prepared: what builders read
    try:
        raw = _dre.start_action_for_state(rs.handle, state)
        messages: list[str] = []
        message = raw[1] if raw else None
        while message:
            messages.append(message)
            message = _dre.complete_and_start_action(rs.handle, state)
        # one decode for the whole drain (a dozen small ``json.loads`` calls cost more than the parse)
        decoded = json.loads("[" + ",".join(messages) + "]")
        for one in decoded:
            for rule_id, body in one.items():
                if rule_id == _RECEIPT:
                    received.append(body["m"]["serial"])
                elif (rule_id, body["m"]["serial"]) not in seen:
                    # durable fires an ``a | b`` condition once per matching branch: a rule
                    # concludes once per fact, however many of its branches hold.
                    serial = body["m"]["serial"]
                    seen.add((rule_id, serial))
                    matches.append((rule_id, by_serial[serial]))  # KeyError: not asserted now
    except Exception as exc:
        raise EngineError(f"durable-rules failed while firing rules: {exc}") from exc
    if sorted(received) != sorted(f["serial"] for f in batch):
        raise EngineError(f"durable-rules lost facts: {len(batch)} asserted, {len(received)} received")
    return matches


def _build(rule: Rule, fact: dict[str, Any]) -> Outcome:
    try:
        out = rule.build(Fact(fact))
    except Exception as exc:
        raise RuleExecutionError(rule.rule_id, rule.short_citation, f"{type(exc).__name__}: {exc}") from exc
    if not isinstance(out, Outcome):
        raise RuleExecutionError(rule.rule_id, rule.short_citation, f"builder returned {type(out).__name__}, not Outcome")
    return out


def evaluate_facts(
    stages: Sequence[Sequence[Mapping[str, Any]] | Callable[[], Sequence[Mapping[str, Any]]]],
    *,
    conduct: Sequence[Mapping[str, Any]] | Callable[[], Sequence[Mapping[str, Any]]] = (),
    always: Sequence[Mapping[str, Any]] = (),
) -> list[Fired]:
    """Assert each stage's facts, fire rules to a fixpoint, and return every firing in order.

    Three gates, in this order:

    * ``stages`` (the matter: its scope, the competence of the organ acting, its procedure). A stage
      whose firings include an excluding applicability note ends everything but ``always``, and the
      matter's other firings are dropped: an excluded matter reports only why it is excluded. A
      finding that the organ acting has no power to supervise (``halts``) ends the later stages.
    * ``conduct``: facts a halt does not stop (on-site conduct, obstruction, complaints, clues,
      misconduct, liabilities); asserted unless the matter was excluded, each carrying
      ``halted: true`` when the procedure was halted, so a rule can leave out what only a competent
      supervisor may do.
    * ``always``: facts the exclusion does not concern (an organ's duties for a year).

    A stage given as a function is not called when it is skipped. The firing order is deterministic:
    by round, then rule id, then the fact's serial (durable-rules' own order is not relied on).
    """
    with _LOCK:
        rs = compiled_ruleset()
        sid = f"s{next(_SERIAL)}"
        fired: list[Fired] = []
        total = 0
        asserted = False  # durable creates the state on the first assert; nothing to delete before
        try:
            excluded = halted = False
            for gate, stage in [*(("matter", s) for s in stages), ("conduct", conduct), ("always", always)]:
                if excluded and gate != "always":
                    continue
                if halted and gate == "matter":
                    continue
                stage_facts = stage() if callable(stage) else stage
                pending: list[Mapping[str, Any]] = list(stage_facts)  # _prepare copies each fact
                if halted and gate == "conduct":
                    pending = [dict(f, halted=True) for f in pending]
                rounds = 0
                while pending:
                    rounds += 1
                    total += len(pending)
                    if rounds > MAX_ROUNDS:
                        raise EngineError(f"rules kept deriving facts after {MAX_ROUNDS} rounds")
                    if total > MAX_FACTS:
                        raise EngineError(f"more than {MAX_FACTS} facts in one evaluation")
                    batch = [_prepare(f, sid) for f in pending]
                    asserted = True
                    matches = _assert_and_drain(rs, batch)
                    matches.sort(key=lambda rm: (rm[0], rm[1]["serial"]))
                    pending = []
                    for rule_id, fact in matches:
                        rule = rs.rules.get(rule_id)
                        if rule is None:
                            raise EngineError(f"durable-rules fired an unknown rule {rule_id!r}")
                        out = _build(rule, fact)
                        fired.append(Fired(rule, fact, out))
                        for d in out.derived:
                            check_instance(d, f"rule {rule_id}")  # a rule derives facts of declared kinds only
                        pending.extend(out.derived)
                if gate == "matter" and any(f.outcome.excludes for f in fired):
                    excluded = True
                    fired = [f for f in fired if f.outcome.excludes]
                elif gate == "matter" and any(f.outcome.halts for f in fired):
                    halted = True
            if LISTENERS:
                ids = tuple(f.rule.rule_id for f in fired)
                for listener in LISTENERS:
                    listener(ids)
            return fired
        finally:
            if asserted:
                try:
                    _dre.delete_state(rs.handle, sid)
                except Exception as exc:  # pragma: no cover - never seen; would leak one state
                    raise EngineError(f"could not delete engine state {sid}: {exc}") from exc
