"""Mutation testing of the rules, driven by the rulebook (``enshi-rules mutate``; ``docs/mutation.md``).

For every declared rule the mutants are made in memory from the :class:`~enshi_rules._engine.rulebook.Rule`
itself, never by editing source text:

==================  =================================================================================
operator            mutant
==================  =================================================================================
``modality``        the modality flipped (应当 -> 可以, 可以 -> 应当, 不得 -> 应当, 违反 -> 应当, 例外 -> 违反)
``subject``         the subject swapped (监督机关 <-> 被监督机关)
``conjunct``        one conjunct of an ``&`` in the condition dropped (each in turn)
``comparison``      one comparison negated (``<`` / ``>=``, ``<=`` / ``>``, ``==`` / ``!=``, present / absent)
``citation``        the 款 (or the 项) of the declared citation moved to a neighbouring unit that exists
``message``         the 款 / 项 of every citation written in the finding's message moved by one
``period``          a period constant of 第二十七条 / 第二十八条 moved by one day (each way)
==================  =================================================================================

Each mutant runs the tests ``article_map.yaml`` lists for its rule, then every YAML scenario, in
one pytest session (collected once); each mutant runs in a forked child process that swaps it into
the rulebook and the compiled ruleset, so no mutant sees the state another left behind. A mutant is *killed* when one of them fails. A mutant that could not take
effect (a swapped subject on a rule whose facts name their own subject, a message that cites
nothing in any run) is reported as *no effect* and not counted. The summary's last line is JSON::

    {"mutants": N, "killed": K, "kill_rate": K/N, "survivors": ["<mutant id>", ...]}

``--sample N --seed S`` runs a fixed subset (CI); ``--time-limit`` bounds a run (mutants not started
are reported, not counted); ``--explained FILE`` fails the run on a survivor whose id FILE does not
mention (``docs/mutation.md`` explains every known one).
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import os
import random
import re
import signal
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._law import text as _text
from ..rules import all_rules
from . import durable as _engine
from . import kinds as _kinds
from . import rulebook as _rulebook
from .rulebook import Fact, Modality, Outcome, Role, Rule

__all__ = ["Mutant", "add_subcommand", "generate", "run"]

_FLIP = {
    Modality.SHALL: Modality.MAY,
    Modality.MAY: Modality.SHALL,
    Modality.SHALL_NOT: Modality.SHALL,
    Modality.VIOLATION: Modality.SHALL,
    Modality.EXEMPTION: Modality.VIOLATION,
}
_SWAP = {Role.SUPERVISING: Role.SUPERVISED, Role.SUPERVISED: Role.SUPERVISING}
_NEGATE = {"$lt": "$gte", "$gte": "$lt", "$lte": "$gt", "$gt": "$lte", "$ex": "$nex", "$nex": "$ex"}

#: The period constants (module, name) and the rules whose time limit each sets.
PERIODS: dict[tuple[str, str], tuple[str, ...]] = {
    ("art_027", "OBJECTION_DAYS"): ("art_027.p1.review_application.",),
    ("art_027", "REVIEW_DAYS"): ("art_027.p1.review.",),
    ("art_027", "RECTIFICATION_DAYS"): ("art_027.p2.rectify.", "art_027.p2.rectify_after_review."),
    ("art_028", "EXECUTION_REPORT_DAYS"): ("art_028.p2.execution_report.",),
}

_NUM = "一二三四五六七八九十"
_CITE_IN_TEXT = re.compile(rf"第([{_NUM}]+)条第([{_NUM}]+)款|第（([{_NUM}]+)）项")


@dataclass
class Mutant:
    """One change to the rulebook. ``apply`` makes it and returns the function that undoes it."""

    id: str
    operator: str
    rule_ids: tuple[str, ...]  # whose listed tests run against it
    apply: Callable[[], Callable[[], None]] = field(repr=False)
    #: Set by the mutant's own wrapper when it changed an output (operators that may be inert).
    effect: list[bool] = field(default_factory=lambda: [True])
    #: Why the mutant cannot change any outcome, when that is proved before running it.
    equivalent: str | None = None


# ------------------------------------------------------------------ swapping rules in and out


def _swap(rid: str, new: Rule, *, recompile: bool) -> Callable[[], None]:
    old = _rulebook.registered(rid)
    compiled = _engine.compiled_ruleset()
    # with recompile, the engine compiles the mutated rule set on its next evaluation
    _rulebook.replace_rule(rid, new, recompile=recompile)
    if not recompile:
        compiled.rules[rid] = new

    def undo() -> None:
        _rulebook.replace_rule(rid, old, recompile=recompile)
        if recompile:
            _engine.reinstate(compiled)  # the original ruleset, already compiled
        else:
            compiled.rules[rid] = old

    return undo


def _rule_mutant(r: Rule, operator: str, what: str, recompile: bool = False, **changes: Any) -> Mutant:
    def apply() -> Callable[[], None]:
        return _swap(r.rule_id, dataclasses.replace(r, **changes), recompile=recompile)

    return Mutant(f"{r.rule_id}: {operator}: {what}", operator, (r.rule_id,), apply)


# ------------------------------------------------------------------ conditions


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every sub-node of a condition with the path to it (keys and list indexes)."""
    yield path, node
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("$and", "$or"):
                for i, sub in enumerate(v):
                    yield from _paths(sub, (*path, k, i))


def _replace(node: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    out = copy.deepcopy(node)
    holder = out
    for p in path[:-1]:
        holder = holder[p]
    holder[path[-1]] = new
    return out


def _describe(node: Any) -> str:
    return json.dumps(node, ensure_ascii=False, sort_keys=True)


def _conjunct_drops(cond: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, node in _paths(cond):
        if isinstance(node, dict) and "$and" in node and len(node["$and"]) >= 2:
            items = node["$and"]
            for i, dropped in enumerate(items):
                rest = [x for j, x in enumerate(items) if j != i]
                new = rest[0] if len(rest) == 1 else {**node, "$and": rest}
                yield f"drop {_describe(dropped)}", _replace(cond, path, new), dropped, path == (), rest


def _negations(cond: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, node in _paths(cond):
        if not isinstance(node, dict) or len(node) != 1:
            continue
        (op, val), = node.items()
        if op in _NEGATE:
            new: dict[str, Any] = {_NEGATE[op]: val}
        elif op == "$neq":
            new = dict(val)  # x != v  ->  x == v
        elif not op.startswith("$"):
            new = {"$neq": {op: val}}  # x == v  ->  x != v
        else:
            continue
        yield f"negate {_describe(node)} -> {_describe(new)}", _replace(cond, path, new)


# ------------------------------------------------------------------ citations


def _unit_exists(article: int, paragraph: int | None, item: int | None, instrument: _text.Instrument = _text.MEASURES) -> bool:
    try:
        _text.citation(article, paragraph, item, instrument=instrument)
    except Exception:  # RuleDefinitionError: no such unit
        return False
    return True


def _citation_mutants(r: Rule) -> Iterator[Mutant]:
    reg = _text.regulation(r.instrument)
    if r.item is not None:
        for item in (r.item + 1, r.item - 1):
            if item >= 1 and _unit_exists(r.article, r.paragraph, item, r.instrument):
                yield _rule_mutant(r, "citation", f"项 {r.item} -> {item}", item=item)
                break
    if r.paragraph is not None and reg.paragraph_count(r.article) > 1:
        for p in (r.paragraph + 1, r.paragraph - 1):
            if p >= 1 and _unit_exists(r.article, p, None, r.instrument):
                yield _rule_mutant(r, "citation", f"款 {r.paragraph} -> {p} (项 dropped)" if r.item else f"款 {r.paragraph} -> {p}", paragraph=p, item=None)
                break


def _shift_citations(message: str) -> str:
    """Every 第N条第M款 -> 第N条第(M±1)款 and 第（K）项 -> 第（K±1）项, to a unit that exists."""

    def one(mt: re.Match[str]) -> str:
        if mt.group(3):
            k = _text.from_chinese_numeral(mt.group(3))
            k2 = k + 1 if k < 10 else k - 1
            return f"第（{_text.to_chinese_numeral(k2)}）项"
        a = _text.from_chinese_numeral(mt.group(1))
        p = _text.from_chinese_numeral(mt.group(2))
        count = _text.regulation().paragraph_count(a) if a in _text.regulation().articles else p + 1
        p2 = p + 1 if p < count else p - 1
        if p2 < 1:
            p2 = p + 1
        return f"第{mt.group(1)}条第{_text.to_chinese_numeral(p2)}款"

    return _CITE_IN_TEXT.sub(one, message)


def _message_mutant(r: Rule) -> Mutant:
    m = Mutant(f"{r.rule_id}: message: 款/项 of each citation in the message moved by one", "message", (r.rule_id,), lambda: lambda: None)
    m.effect = [False]
    build = r.build

    def mutated(f: Fact) -> Outcome:
        out = build(f)
        msg = _shift_citations(out.message)
        if msg != out.message:
            m.effect[0] = True
        return dataclasses.replace(out, message=msg)

    def apply() -> Callable[[], None]:
        return _swap(r.rule_id, dataclasses.replace(r, build=mutated), recompile=False)

    m.apply = apply
    return m


def _subject_mutant(r: Rule) -> Mutant:
    new_role = _SWAP[r.subject]
    m = Mutant(f"{r.rule_id}: subject: {r.subject.value} -> {new_role.value}", "subject", (r.rule_id,), lambda: lambda: None)
    m.effect = [False]
    build = r.build

    def watched(f: Fact) -> Outcome:
        if not isinstance(f.get("subject_name"), str):  # else the fact names its own subject
            m.effect[0] = True
        return build(f)

    def apply() -> Callable[[], None]:
        return _swap(r.rule_id, dataclasses.replace(r, subject=new_role, build=watched), recompile=False)

    m.apply = apply
    return m


# ------------------------------------------------------------------ periods


def _period_mutant(module: str, name: str, prefixes: tuple[str, ...], delta: int, rules: Mapping[str, Rule]) -> Mutant:
    import importlib  # noqa: PLC0415

    mod = importlib.import_module(f"enshi_rules.rules.{module}")
    old = getattr(mod, name)
    rids = tuple(rid for rid in rules if rid.startswith(prefixes))

    def apply() -> Callable[[], None]:
        setattr(mod, name, old + delta)  # what the derived due dates read
        undos = []
        for rid in rids:  # what the findings report as period_days (deadline_rules captured it)
            r = _rulebook.registered(rid)
            build = r.build

            def rebuilt(f: Fact, _build: Callable[[Fact], Outcome] = build) -> Outcome:
                out = _build(f)
                return dataclasses.replace(out, period_days=old + delta) if out.period_days == old else out

            undos.append(_swap(rid, dataclasses.replace(r, build=rebuilt), recompile=False))

        def undo() -> None:
            for u in reversed(undos):
                u()
            setattr(mod, name, old)

        return undo

    return Mutant(f"{module}.{name}: period: {old} -> {old + delta} days", "period", rids, apply)


# ------------------------------------------------------------------ all mutants


def _same(original: Mapping[str, Any], mutated: Mapping[str, Any], census: Census | None) -> str | None:
    if same_condition(original, mutated, census=census):
        return (
            "the mutated condition accepts exactly the facts of this kind the original does (both evaluated on every "
            "combination of the values they test; flags and codes over the values the derived facts take, fact census)"
        )
    return None


def generate(rules: Mapping[str, Rule] | None = None, census: Census | None = None) -> list[Mutant]:
    """Every mutant of the rulebook, in a stable order (by rule id, then operator). With a fact
    ``census``, a dropped ``kind`` guard that cannot change what the rule matches is marked
    equivalent (with the reason)."""
    rules = dict(all_rules() if rules is None else rules)
    out: list[Mutant] = []
    import inspect  # noqa: PLC0415

    for rid, r in rules.items():
        # an applicability note, or a rule that reports no finding of its own (it derives a fact for
        # another article, 第十二至十四条), shows its modality and subject nowhere: no mutant of them
        if not r.note and getattr(r, "reports", True):
            out.append(_rule_mutant(r, "modality", f"{r.modality.value} -> {_FLIP[r.modality].value}", modality=_FLIP[r.modality]))
            if r.subject in _SWAP:
                out.append(_subject_mutant(r))
        for what, cond, dropped, top, rest in _conjunct_drops(r.condition):
            m = _rule_mutant(r, "conjunct", what, recompile=True, condition=cond)
            m.equivalent = presence_test_equivalent(dropped, rest)
            if m.equivalent is None and not (isinstance(dropped, dict) and "kind" in dropped):
                m.equivalent = _same(r.condition, cond, census)
            if census is not None and top and m.equivalent is None:
                m.equivalent = kind_guard_equivalent(r, dropped, cond, census)
            out.append(m)
        for what, cond in _negations(r.condition):
            m = _rule_mutant(r, "comparison", what, recompile=True, condition=cond)
            m.equivalent = None if "kind" in what else _same(r.condition, cond, census)
            out.append(m)
        out.extend(_citation_mutants(r))
        try:
            src = inspect.getsource(r.build)
        except (OSError, TypeError):
            src = ""
        if "条第" in src or "项" in src or "_text" in src:
            out.append(_message_mutant(r))
    for (module, name), prefixes in PERIODS.items():
        for delta in (1, -1):
            out.append(_period_mutant(module, name, prefixes, delta, rules))
    return out


# ------------------------------------------------------------------ equivalent by the fact design


def _required(node: Any) -> set[str]:
    """The properties a fact must have for ``node`` to match it (durable-rules never matches a
    comparison, not even ``!=``, on a property the fact lacks; only ``-m.x`` matches an absence)."""
    if not isinstance(node, dict):
        return set()
    out: set[str] = set()
    for k, v in node.items():
        if k == "$and":
            for sub in v:
                out |= _required(sub)
        elif k == "$or":
            branches = [_required(sub) for sub in v]
            out |= set.intersection(*branches) if branches else set()
        elif k == "$nex":
            continue
        elif k.startswith("$"):
            (prop, operand), = v.items()
            out.add(prop)
            if isinstance(operand, dict) and "$m" in operand:
                out.add(operand["$m"])
        else:
            out.add(k)
            if isinstance(v, dict) and "$m" in v:
                out.add(v["$m"])
    return out


@dataclass(frozen=True)
class Census:
    """What the derived facts of each kind carry: the properties (every one seen), and for the
    properties that always take one of a few plain values (booleans, short codes), those values."""

    props: Mapping[str, frozenset[str]]
    values: Mapping[str, Mapping[str, tuple[Any, ...]]]  # kind -> property -> every value seen
    always: Mapping[str, frozenset[str]]  # kind -> properties present on every fact of the kind

    def get(self, kind: str, default: Any = None) -> Any:
        return self.props.get(kind, default)

    def items(self) -> Any:
        return self.props.items()


def fact_census() -> Census:
    """Every fact the engine receives while evaluating the bundled examples and a seeded mix of
    generated cases (with liabilities), by kind."""
    from .._evaluate.evaluate import evaluate  # noqa: PLC0415
    from ..testing.cases import platform_mix  # noqa: PLC0415

    props: dict[str, set[str]] = {}
    values: dict[str, dict[str, set[Any]]] = {}
    always: dict[str, set[str]] = {}
    def watching(batch: list[dict[str, Any]]) -> None:
        for f in batch:
            kind = str(f.get("kind"))
            keys = {k for k in f if k not in ("sid", "id", "serial")}
            props.setdefault(kind, set()).update(keys)
            always[kind] = always[kind] & keys if kind in always else set(keys)
            vs = values.setdefault(kind, {})
            for k in keys:
                v = f[k]
                if isinstance(v, (bool, str)) or v is None:
                    vs.setdefault(k, set()).add(v)
                else:
                    vs.setdefault(k, set()).add(_OTHER)  # numbers, lists: not a small domain

    root = Path(__file__).resolve().parents[3] / "examples"
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(root.glob("*.json"))] if root.is_dir() else []
    with _engine.watching_batches(watching):
        for doc in [*docs, *platform_mix(600, seed=14, liability_share=0.3)]:
            try:
                evaluate(doc)
            except Exception:  # a generated case the loader refuses teaches nothing here
                continue
    small = {
        kind: {k: tuple(sorted(v, key=repr)) for k, v in vs.items() if _OTHER not in v and len(v) <= 12}
        for kind, vs in values.items()
    }
    return Census({k: frozenset(v) for k, v in props.items()}, small, {k: frozenset(v) for k, v in always.items()})


_ABSENT = object()
_OTHER = object()
_ORDER = {"$lt": lambda a, b: a < b, "$lte": lambda a, b: a <= b, "$gt": lambda a, b: a > b, "$gte": lambda a, b: a >= b}


def _holds(node: Mapping[str, Any], fact: Mapping[str, Any]) -> bool:
    """A condition evaluated the way durable-rules does on one fact (a missing property matches no
    comparison, not even ``!=``)."""
    for k, v in node.items():
        if k == "$and":
            ok = all(_holds(x, fact) for x in v)
        elif k == "$or":
            ok = any(_holds(x, fact) for x in v)
        elif k in ("$ex", "$nex"):
            (prop,) = v
            ok = (prop in fact) == (k == "$ex")
        else:
            if k.startswith("$"):
                (prop, operand), = v.items()
                op = k
            else:
                prop, operand, op = k, v, "$eq"
            if prop not in fact or (isinstance(operand, dict) and operand["$m"] not in fact):
                return False
            a = fact[prop]
            b = fact[operand["$m"]] if isinstance(operand, dict) else operand
            if op == "$eq":
                ok = a is not _OTHER and a == b and type(a) is type(b)
            elif op == "$neq":
                ok = a is _OTHER or a != b or type(a) is not type(b)
            else:
                ok = a is not _OTHER and b is not _OTHER and not isinstance(a, (bool, str)) and _ORDER[op](a, b)
        if not ok:
            return False
    return True


def _leaves(node: Any) -> Iterator[tuple[str, str, Any]]:
    if not isinstance(node, dict):
        return
    for k, v in node.items():
        if k in ("$and", "$or"):
            for x in v:
                yield from _leaves(x)
        elif k in ("$ex", "$nex"):
            (prop,) = v
            yield prop, k, None
        elif k.startswith("$"):
            (prop, operand), = v.items()
            yield prop, k, operand
        else:
            yield k, "$eq", v


def _domains(
    *conds: Any, kind_values: Mapping[str, tuple[Any, ...]] | None = None, always: frozenset[str] = frozenset()
) -> dict[str, list[Any]] | None:
    """Values for each property that reach every case the conditions can tell apart, or None when
    the conditions mix kinds of comparison this small check does not decide."""
    lits: dict[str, set[Any]] = {}
    rel: set[str] = set()
    for c in conds:
        for prop, _op, operand in _leaves(c):
            lits.setdefault(prop, set())
            if isinstance(operand, dict):
                rel |= {prop, operand["$m"]}
                lits.setdefault(operand["$m"], set())
            elif operand is not None:
                if isinstance(operand, list):
                    return None
                lits[prop].add(operand)
    out: dict[str, list[Any]] = {}
    for prop, values in lits.items():
        if prop in rel:
            if values:
                return None
            out[prop] = [_ABSENT, *range(len(rel))]
            continue
        if kind_values is not None and prop in kind_values:
            # the values the derived facts of this kind take (census); absent only if ever absent
            out[prop] = ([] if prop in always else [_ABSENT]) + list(kind_values[prop])
            continue
        dom: list[Any] = [_ABSENT, _OTHER]
        for v in values:
            dom.append(v)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                dom += [v - 1, v + 1]
            if isinstance(v, bool):
                dom.append(not v)
        seen: list[Any] = []
        for x in dom:
            if not any(x is y or (type(x) is type(y) and x == y) for y in seen):
                seen.append(x)
        out[prop] = seen
    return out


def same_condition(
    a: Mapping[str, Any], b: Mapping[str, Any], limit: int = 50_000, census: Census | None = None
) -> bool | None:
    """Whether two conditions accept exactly the same facts, by evaluating both on every
    combination of the values they test (None: too many combinations, or not decidable here).
    With a ``census``, a property of the original's kind of fact that always takes one of a few
    plain values (a boolean flag, a code) ranges over those values only."""
    import itertools  # noqa: PLC0415

    kind = a.get("kind") if "kind" in a else next(
        (x["kind"] for x in a.get("$and", []) if isinstance(x, dict) and isinstance(x.get("kind"), str)), None
    )
    kv = census.values.get(kind) if census is not None and isinstance(kind, str) else None
    alw = census.always.get(kind, frozenset()) if census is not None and isinstance(kind, str) else frozenset()
    doms = _domains(a, b, kind_values=kv, always=alw)
    if doms is None:
        return None
    if kv is not None and "kind" in doms:
        doms["kind"] = [kind]  # both are about this kind of fact (dropping the kind guard is judged apart)
    size = 1
    for d in doms.values():
        size *= len(d)
    if size > limit:
        return None
    props = list(doms)
    for combo in itertools.product(*(doms[p] for p in props)):
        fact = {p: v for p, v in zip(props, combo, strict=True) if v is not _ABSENT}
        if _holds(a, fact) != _holds(b, fact):
            return False
    return True


def presence_test_equivalent(dropped: Any, rest: list[Any]) -> str | None:
    """Why dropping ``+m.x`` cannot change what the rule matches, or None: another conjunct of the
    same ``&`` compares ``x`` (or ``m.y`` with ``x``), and a comparison never matches a fact that
    lacks the property, so ``+m.x`` is implied."""
    if not (isinstance(dropped, dict) and set(dropped) == {"$ex"}):
        return None
    (prop,) = dropped["$ex"]
    if prop in _required({"$and": rest}):
        return f"+m.{prop} is implied by another conjunct that compares {prop}"
    return None


def kind_guard_equivalent(r: Rule, dropped: Any, rest: Any, census: Census) -> str | None:
    """Why dropping ``kind == K`` from a rule cannot change what it matches, or None if it can: no
    other kind of fact can carry every property the rest of the condition requires.

    "Can carry" is what the kind declares (``rules/kinds.py``; the engine refuses a fact with a
    property its kind does not declare, ``_engine.kinds.check_instance``), not only what the census
    saw: a sample of cases may never fill a declared property (a deficiency's ``provision``, a
    misconduct's ``suspected_crime``), and a guard judged by it alone was called equivalent wrongly."""
    if not (isinstance(dropped, dict) and set(dropped) == {"kind"} and isinstance(dropped["kind"], str)):
        return None
    need = _required(rest)
    kind = dropped["kind"]
    declared = {name: frozenset(k.props) for name, k in _kinds.KINDS.items()}
    others = sorted(k for k in {*census.props, *declared} if k != kind
                    and (need <= census.get(k, frozenset()) or need <= declared.get(k, frozenset())))
    if others or not need:
        return None
    return f"no other kind of fact declares all of {sorted(need)} (rules/kinds.py)"


# ------------------------------------------------------------------ running


@dataclass
class Result:
    mutant: Mutant
    outcome: str  # killed, survived, equivalent, no-effect, invalid, not-run
    by: str = ""  # the test that killed it; why it is equivalent
    seconds: float = 0.0


def _listed_tests(root: Path) -> dict[str, list[str]]:
    from .._law.article_map import load_instrument_map  # noqa: PLC0415

    out: dict[str, list[str]] = {}
    for ins in _text.INSTRUMENTS:  # the measures' map and the 条例's (tiaoli_map.yaml)
        amap = load_instrument_map(root, ins)
        out.update({rid: tests for e in amap.entries.values() for rid, tests in e.rules.items()})
    return out


def _matches(nodeid: str, ref: str) -> bool:
    ref = ref.strip()
    return nodeid == ref or nodeid.startswith((ref + "[", ref + "::"))


class _Plugin:
    """Runs the mutants inside one pytest session, in place of the normal test loop."""

    def __init__(self, mutants: list[Mutant], listed: Mapping[str, list[str]], scenarios: str, time_limit: float | None, progress: bool) -> None:
        self.mutants = mutants
        self.listed = listed
        self.scenarios = scenarios
        self.time_limit = time_limit
        self.progress = progress
        self.results: list[Result] = []
        self.baseline_failures: list[str] = []

    def _fails(self, item: Any) -> bool:
        from _pytest.runner import runtestprotocol  # noqa: PLC0415

        reports = runtestprotocol(item, log=False, nextitem=None)
        return any(r.failed for r in reports)

    def _verdict(self, m: Mutant, items: list[Any], report: Callable[[str], None]) -> tuple[str, str]:
        """Apply the mutant, run its tests, undo it: (outcome, by)."""
        undo = m.apply()
        try:
            try:
                _engine.compiled_ruleset()  # compile now: a mutant the engine refuses is not a mutant
            except Exception:
                return "invalid", ""
            for i in items:
                report(i.nodeid)
                if self._fails(i):
                    return "killed", i.nodeid
            return ("survived", "") if m.effect[0] else ("no-effect", "")
        finally:
            undo()

    def _isolated(self, m: Mutant, items: list[Any]) -> Result:
        """Run one mutant in a forked child, so that nothing it leaves behind (caches, the C engine's
        global state) reaches the next one: every mutant starts from the parent's pristine rulebook
        and engine. The child reports the test it is running, then its verdict, through a pipe; a
        child that dies without a verdict (a crash in the C engine) killed the mutant."""
        if not hasattr(os, "fork"):  # not Linux/macOS: in process, as before
            outcome, by = self._verdict(m, items, lambda _: None)
            return Result(m, outcome, by)
        sys.stdout.flush()
        sys.stderr.flush()
        rfd, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            code = 0
            try:
                os.close(rfd)
                with os.fdopen(wfd, "w", encoding="utf-8") as out:

                    def report(nodeid: str) -> None:
                        out.write(json.dumps(["running", nodeid]) + "\n")
                        out.flush()

                    outcome, by = self._verdict(m, items, report)
                    out.write(json.dumps(["verdict", outcome, by]) + "\n")
            except BaseException:  # noqa: BLE001 - the parent reports a child without a verdict
                code = 70
            finally:
                os._exit(code)
        os.close(wfd)
        with os.fdopen(rfd, encoding="utf-8") as inp:
            lines = [json.loads(line) for line in inp if line.strip()]
        _, status = os.waitpid(pid, 0)
        verdicts = [x for x in lines if x[0] == "verdict"]
        if verdicts:
            return Result(m, verdicts[-1][1], verdicts[-1][2])
        running = [x[1] for x in lines if x[0] == "running"]
        how = f"signal {signal.Signals(os.WTERMSIG(status)).name}" if os.WIFSIGNALED(status) else f"exit status {os.waitstatus_to_exitcode(status)}"
        return Result(m, "killed", f"crashed ({how})" + (f" in {running[-1]}" if running else " before its tests"))

    def pytest_runtestloop(self, session: Any) -> bool:
        items = list(session.items)
        scen = [i for i in items if i.nodeid.startswith(self.scenarios)]
        for item in items:  # everything must pass unmutated, or a kill proves nothing
            if self._fails(item):
                self.baseline_failures.append(item.nodeid)
        if self.baseline_failures:
            return True
        start = time.monotonic()
        for n, m in enumerate(self.mutants, 1):
            if self.time_limit is not None and time.monotonic() - start > self.time_limit:
                self.results.extend(Result(x, "not-run") for x in self.mutants[n - 1 :])
                break
            if m.equivalent:
                self.results.append(Result(m, "equivalent", m.equivalent))
                continue
            refs = [t for rid in m.rule_ids for t in self.listed.get(rid, [])]
            own = [i for i in items if any(_matches(i.nodeid, ref) for ref in refs) and i not in scen]
            t0 = time.monotonic()
            res = self._isolated(m, [*own, *scen])
            res.seconds = time.monotonic() - t0
            self.results.append(res)
            if self.progress:
                print(f"[{n}/{len(self.mutants)}] {res.outcome:9} {m.id}" + (f"  <- {res.by}" if res.by else ""), file=sys.stderr, flush=True)
        return True


def run(
    root: Path,
    *,
    sample: int | None = None,
    seed: int = 0,
    only: str | None = None,
    time_limit: float | None = None,
    progress: bool = True,
) -> tuple[list[Result], list[str]]:
    """Run the mutants (all, those of rules starting with ``only``, or a seeded sample)."""
    import pytest  # noqa: PLC0415 - only this command needs pytest (the test extra)

    mutants = generate(census=fact_census())
    if only:
        mutants = [m for m in mutants if m.id.startswith(only)]
    if sample is not None and sample < len(mutants):
        mutants = sorted(random.Random(seed).sample(mutants, sample), key=lambda m: m.id)
    listed = _listed_tests(root)
    files = sorted({t.split("::", 1)[0] for m in mutants for rid in m.rule_ids for t in listed.get(rid, [])})
    scenarios = "tests/scenarios"
    plugin = _Plugin(mutants, listed, scenarios, time_limit, progress)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        # enshi_rules is imported already (the rulebook), so pytest cannot rewrite its plugin module
        args = ["-qq", "--no-header", "-p", "no:cacheprovider", "-W", "ignore::pytest.PytestAssertRewriteWarning", *files, scenarios]
        pytest.main(args, plugins=[plugin])
    finally:
        os.chdir(cwd)
    return plugin.results, plugin.baseline_failures


def summary(results: Sequence[Result], *, verbose: bool = True) -> tuple[str, dict[str, Any]]:
    counted = [r for r in results if r.outcome in ("killed", "survived")]
    killed = [r for r in counted if r.outcome == "killed"]
    survivors = [r.mutant.id for r in counted if r.outcome == "survived"]
    lines = []
    ops: dict[str, list[int]] = {}
    for r in counted:
        k = ops.setdefault(r.mutant.operator, [0, 0])
        k[0] += 1
        k[1] += r.outcome == "killed"
    lines.append("mutation testing of the rules (enshi-rules mutate; docs/mutation.md)")
    for op, (n, k) in sorted(ops.items()):
        lines.append(f"  {op:10} {k}/{n} killed")
    for label in ("equivalent", "no-effect", "invalid", "not-run"):
        xs = [r for r in results if r.outcome == label]
        if xs:
            lines.append(f"  {label}: {len(xs)} (not counted)")
            if label != "not-run" and verbose:
                lines += [f"    {r.mutant.id}" + (f"  ({r.by})" if r.by else "") for r in xs]
    for s in survivors:
        lines.append(f"  survived: {s}")
    rate = round(len(killed) / len(counted), 4) if counted else 0.0
    data = {"mutants": len(counted), "killed": len(killed), "kill_rate": rate, "survivors": survivors}
    return "\n".join(lines), data


def _cmd(args: argparse.Namespace) -> int:
    from .._law.article_map import find_root  # noqa: PLC0415

    root = find_root()
    t0 = time.monotonic()
    results, baseline = run(root, sample=args.sample, seed=args.seed, only=args.rules, time_limit=args.time_limit, progress=not args.quiet)
    if baseline:
        print("enshi-rules: mutate: these tests fail without any mutant; fix them first: " + ", ".join(baseline[:10]), file=sys.stderr)
        return 2
    text, data = summary(results)
    print(text)
    print(f"  {len(results)} mutants in {time.monotonic() - t0:.0f} s")
    status = 0
    if args.fail_under is not None and data["kill_rate"] < args.fail_under:
        print(f"  kill rate {data['kill_rate']} is under {args.fail_under}")
        status = 1
    if args.explained:
        known = Path(args.explained).read_text(encoding="utf-8")
        unexplained = [s for s in data["survivors"] if s not in known]
        if unexplained:
            print(f"  survivors not explained in {args.explained}: write a test that kills each, or explain why it is equivalent")
            for s in unexplained:
                print(f"    {s}")
            status = 1
    print(json.dumps(data, ensure_ascii=False))
    return status


def add_subcommand(sub: Any) -> None:
    p = sub.add_parser(
        "mutate",
        help="规则变异测试：逐条改动规则，运行其测试 / mutation testing of the rules: mutate each rule in memory, run its tests (docs/mutation.md)",
    )
    p.add_argument("--sample", type=int, default=None, metavar="N", help="只运行 N 个变异（配合 --seed 每次相同）/ run a sample of N mutants (with --seed: the same every time)")
    p.add_argument("--seed", type=int, default=0, help="--sample 的随机种子（默认 0）/ seed of --sample (default 0)")
    p.add_argument("--rules", default=None, metavar="PREFIX", help="只运行编号以 PREFIX 开头的变异 / only mutants whose id starts with PREFIX (art_027, art_028.p2.execution_report.late)")
    p.add_argument("--time-limit", dest="time_limit", type=float, default=None, metavar="SECONDS", help="超过该秒数后不再开始新的变异 / start no mutant after this many seconds (the rest are reported as not run)")
    p.add_argument("--fail-under", dest="fail_under", type=float, default=None, metavar="RATE", help="杀死率低于 RATE 时退出码为 1 / exit 1 if the kill rate is under RATE")
    p.add_argument("--explained", default=None, metavar="FILE", help="存活变异未在 FILE 中说明时退出码为 1 / exit 1 on a survivor whose id FILE does not mention (docs/mutation.md)")
    p.add_argument("-q", "--quiet", action="store_true", help="不在 stderr 输出进度 / no progress lines on stderr")
    p.set_defaults(func=_cmd)
