"""The engine's fact kinds: each declared once, with typed properties and named predicates.

A *kind* is what a rule matches (``m.kind == "review"``). Its declaration (``rules/kinds.py``)
names every property a fact of that kind may carry, the type of each and the case field it comes
from; derivation produces instances of declared kinds and nothing else (:func:`check_instance`,
called on every fact derivation hands to the engine and on every fact a rule derives).

A *predicate* is a named condition over the properties of one or more kinds, declared beside the
article that gives it its meaning (``timely_objection`` in ``rules/art_027.py``: 自收到之日起十日内
申请复查). It is written into a rule's ``when`` like any condition (``REVIEW & timely_objection``);
in the compiled condition it is its expression, so the engine, ``explain`` and the mutation tool see
its comparisons as they see any other.

:func:`check_condition` is what ``rule()`` runs at import: a condition on a property the matched
kind does not declare, or a predicate not declared for that kind, is a ``RuleDefinitionError``
naming the rule, the kind and the property (a typo such as ``-m.conflictd`` would otherwise be a
condition that always holds).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from durable.lang import value as _dr_value

from ..errors import RuleDefinitionError

__all__ = [
    "COMMON",
    "KINDS",
    "Kind",
    "Predicate",
    "Property",
    "check_condition",
    "check_instance",
    "code",
    "count",
    "date_properties",
    "day",
    "false",
    "flag",
    "kind_of",
    "meaning",
    "names",
    "one_of",
    "predicate",
    "text",
    "true",
]


@dataclass(frozen=True)
class Property:
    """One property of a kind: its type, what it means (``label``, as ``explain`` shows it), the case
    field it comes from (``{rec}`` stands for the record the fact was made from), or else what it
    is computed from."""

    type: str  # day (ordinal date), flag, count, code, text, names
    label: str
    field: str | None = None
    computed: str = ""


#: Python types each property type takes in the engine (exact: a ``bool`` is not a ``count``).
_TYPES: dict[str, frozenset[type]] = {
    "day": frozenset({int}),
    "flag": frozenset({bool}),
    "count": frozenset({int}),
    "code": frozenset({str}),
    "text": frozenset({str}),
    "names": frozenset({list, tuple}),
}


def _typed(type_: str, doc: str) -> Callable[..., Property]:
    def make(label: str, *, field: str | None = None, computed: str = "") -> Property:
        return Property(type_, label, field, computed)

    make.__name__, make.__doc__ = type_, doc
    return make


day = _typed("day", "A date, stored as an ordinal day number (``Fact.date`` decodes it).")
flag = _typed("flag", "true or false.")
count = _typed("count", "A whole number (a count, an item number, a year).")
code = _typed("code", "A value from a closed vocabulary, or an id.")
text = _typed("text", "Free text, for messages only.")
names = _typed("names", "A list of names or ids, for messages only.")


#: Properties every fact carries (or may carry), whatever its kind.
COMMON: dict[str, Property] = {
    "kind": code("事实类型"),
    "as_of": day("判断日", field="as_of"),
    "refs": names("refs"),  # the ids of the records the fact rests on
    "working_days": flag("按工作日计算", field="day_counting"),  # messages then say 个工作日
    "subject_name": text("subject_name"),  # the finding's subject when not one of the case's two organs
    "subject_id": text("subject_id"),
    "halted": flag("本次监督程序因无权监督而停止", computed="第三条第一款（及第五条、第六条）的说明"),  # set by the engine
}

KINDS: dict[str, Kind] = {}


class Kind(_dr_value):
    """A fact kind; in a condition it stands for ``m.kind == name``."""

    def __init__(self, name: str, doc: str, **props: Property) -> None:
        super().__init__("$m", "kind", "$eq", name)
        # durable's value answers every unknown attribute with a property: set ours explicitly
        props = {**COMMON, **props}
        types = {key: _TYPES[p.type] for key, p in props.items()}
        self.__dict__.update(name=name, doc=doc, props=props, types=types, predicates={})
        if name in KINDS and KINDS[name].props != self.props:
            raise RuleDefinitionError(f"事实类型 {name} 声明了两次 / kind {name} is declared twice")
        KINDS[name] = self

    def __repr__(self) -> str:
        return f"Kind({self.name!r})"

    __hash__ = object.__hash__


class Predicate(_dr_value):
    """A named condition; in a condition it stands for its expression."""

    def __init__(self, name: str, expr: Any, cites: str, interpretations: tuple[str, ...]) -> None:
        super().__init__(expr._type, expr._left, expr._op, expr._right, expr.alias)
        self.__dict__.update(name=name, expr=expr, cites=cites, interpretations=interpretations)

    def __repr__(self) -> str:
        return f"Predicate({self.name!r})"

    __hash__ = object.__hash__


def predicate(name: str, expr: Any, *, kinds: tuple[Kind, ...], cites: str, interpretations: tuple[str, ...] = ()) -> Predicate:
    """Declare ``name`` as ``expr`` for each of ``kinds`` (each must declare every property it tests)."""
    p = Predicate(name, expr, cites, interpretations)
    used = properties(expr.define())
    for k in kinds:
        undeclared = sorted(used - set(k.props))
        if undeclared:
            msg = (
                f"谓词 {name}：事实类型 {k.name} 没有声明属性 {', '.join(undeclared)} / predicate {name}: kind {k.name} "
                f"declares no property {', '.join(undeclared)}"
            )
            raise RuleDefinitionError(msg)
        k.predicates[name] = p
    return p


def true(prop: Any) -> Any:
    """``prop`` holds (is ``true``; a fact without it does not match)."""
    return operator.eq(prop, True)


def one_of(prop: Any, values: tuple[Any, ...]) -> Any:
    """``prop`` equals one of ``values`` (``(p == a) | (p == b) | ...``)."""
    cond = operator.eq(prop, values[0])
    for v in values[1:]:
        cond = cond | operator.eq(prop, v)
    return cond


def false(prop: Any) -> Any:
    """``prop`` is recorded as ``false`` (a fact without it does not match)."""
    return operator.eq(prop, False)


# ----------------------------------------------------------------------------- conditions


def _flatten(node: Any, splice: list[Any]) -> Any:
    """Each ``$and`` nested in an ``$and`` that is a predicate's expression spliced into it: a rule
    reads ``REVIEW & timely_objection & ...`` and compiles as if the predicate were written out."""
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for k, v in node.items():
        if k in ("$and", "$or"):
            items: list[Any] = []
            for sub in v:
                sub = _flatten(sub, splice)
                if k == "$and" and isinstance(sub, dict) and set(sub) == {"$and"} and sub in splice:
                    items.extend(sub["$and"])
                else:
                    items.append(sub)
            out[k] = items
        else:
            out[k] = v
    return out


def compile_condition(when: Any) -> Any:
    """The durable-rules JSON of a condition, its predicates written out in place."""
    return _flatten(when.define(), [p.expr.define() for p in _predicates(when)])


def properties(node: Any) -> set[str]:
    """Every property a condition tests (either side of a comparison)."""
    found: set[str] = set()
    stack = [node]
    while stack:
        cur = stack.pop()
        if not isinstance(cur, dict):
            continue
        for key, val in cur.items():
            if key in ("$and", "$or"):
                stack.extend(val)
                continue
            tests = val if key.startswith("$") else {key: val}  # {"$lt": {prop: operand}} or {prop: literal}
            for prop, operand in tests.items():
                found.add(prop)
                if isinstance(operand, dict) and "$m" in operand:
                    found.add(operand["$m"])
    return found


def kind_of(condition: Mapping[str, Any]) -> str | None:
    """The kind a condition matches: its ``kind ==`` test, alone or among its top-level conjuncts."""
    if isinstance(condition.get("kind"), str):
        return condition["kind"]
    for sub in condition.get("$and", ()):
        if isinstance(sub, dict) and isinstance(sub.get("kind"), str):
            return sub["kind"]
    return None


def _predicates(expr: Any) -> Iterator[Predicate]:
    seen: set[int] = set()
    stack = [expr]
    while stack:
        node = stack.pop()
        if id(node) in seen or not isinstance(node, _dr_value):
            continue
        seen.add(id(node))
        if isinstance(node, Predicate):
            yield node
            continue
        stack += [node._left, node._right]


def check_condition(rule_id: str, when: Any, condition: Mapping[str, Any]) -> str:
    """The kind ``condition`` matches, after checking it tests only what that kind declares."""
    name = kind_of(condition)
    k = KINDS.get(name or "")
    if k is None:
        msg = (
            f"规则 {rule_id}：条件没有匹配已声明的事实类型（{name!r}） / rule {rule_id}: the condition matches no "
            f"declared kind ({name!r}); declare it in rules/kinds.py"
        )
        raise RuleDefinitionError(msg)
    for p in _predicates(when):
        if p.name not in k.predicates:
            msg = (
                f"规则 {rule_id}：事实类型 {k.name} 没有声明谓词 {p.name} / rule {rule_id}: kind {k.name} declares "
                f"no predicate {p.name!r}"
            )
            raise RuleDefinitionError(msg)
    for prop in sorted(properties(condition)):
        if prop not in k.props:
            msg = (
                f"规则 {rule_id}：事实类型 {k.name} 没有声明属性 {prop} / rule {rule_id}: kind {k.name} declares no "
                f"property {prop!r} (it declares {', '.join(sorted(k.props))})"
            )
            raise RuleDefinitionError(msg)
    return k.name


# ----------------------------------------------------------------------------- instances


def check_instance(fact: Mapping[str, Any], origin: str) -> None:
    """A fact is an instance of a declared kind: every property declared, of its declared type.

    ``origin`` says who made it (derivation, or the rule that derived it), for the error. Exact type
    tests (a ``bool`` is not a ``count``), one dictionary look-up a property.
    """
    k = KINDS.get(fact.get("kind"))  # type: ignore[arg-type]
    if k is None:
        raise RuleDefinitionError(f"{origin}：事实类型 {fact.get('kind')!r} 未声明 / {origin}: undeclared kind {fact.get('kind')!r}")
    types = k.types
    for key, v in fact.items():
        allowed = types.get(key)
        if allowed is None or (v is not None and type(v) not in allowed):
            _refuse(k, key, v, origin)


def _refuse(k: Kind, key: str, v: Any, origin: str) -> None:
    p = k.props.get(key)
    if p is None:
        msg = f"{origin}：事实类型 {k.name} 没有声明属性 {key} / {origin}: kind {k.name} declares no property {key!r}"
    else:
        msg = f"{origin}：{k.name}.{key} 应为 {p.type} / {origin}: {k.name}.{key} is declared {p.type}, got {type(v).__name__}"
    raise RuleDefinitionError(msg)


def date_properties() -> frozenset[str]:
    """The names of the properties that hold dates, in any declared kind."""
    return frozenset(p for k in KINDS.values() for p, prop in k.props.items() if prop.type == "day")


def meaning(kind: str, prop: str) -> tuple[str, str | None, str]:
    """What a property of a kind means: (label, case field, computed from)."""
    k = KINDS.get(kind)
    p = k.props.get(prop) if k is not None else COMMON.get(prop)
    return (p.label, p.field, p.computed) if p is not None else (prop, None, "")
