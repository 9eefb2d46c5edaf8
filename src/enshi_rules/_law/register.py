"""The interpretation register (``data/interpretations.yaml``): every interpretive choice, with its
reason and the units and rules it affects, parsed once; and which choices apply to which unit."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .._engine.rulebook import Rule
from . import text as _text
from .article_map import MapError, rule_unit, rules_of, safe_yaml

# ============================================================================ interpretations


@dataclass(frozen=True)
class Interpretation:
    """One interpretive choice of the register (``data/interpretations.yaml``)."""

    id: str
    title: str
    choice: str
    choice_en: str
    source: str
    effect: str
    rules: tuple[str, ...]  # rule ids or fnmatch patterns (art_027.p2.*)
    units: tuple[str, ...]  # units it applies to beyond the units of those rules
    group: str

    def matches(self, rule_id: str) -> bool:
        return any(fnmatch.fnmatchcase(rule_id, pat) for pat in self.rules)


@dataclass(frozen=True)
class Group:
    title: str
    intro: str
    choices: tuple[Interpretation, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Register:
    title: str
    intro: str
    groups: tuple[Group, ...]

    @property
    def by_id(self) -> dict[str, Interpretation]:
        return {c.id: c for g in self.groups for c in g.choices}


def _s(v: Any) -> str:
    return "" if v is None else str(v).strip()


def parse_register(text: str) -> Register:
    try:
        data, _ = safe_yaml(text)
    except MapError as exc:
        raise MapError(f"interpretations.yaml: {exc}") from None
    groups = []
    seen: set[str] = set()
    for g in data.get("groups") or []:
        choices = []
        for c in g.get("choices") or []:
            cid = _s(c.get("id"))
            if not cid or cid in seen:
                raise MapError(f"interpretations.yaml: choice id {cid!r} is empty or used twice")
            seen.add(cid)
            choices.append(
                Interpretation(
                    id=cid,
                    title=_s(c.get("title")),
                    choice=_s(c.get("choice")),
                    choice_en=_s(c.get("choice_en")),
                    source=_s(c.get("source")),
                    effect=_s(c.get("effect")),
                    rules=tuple(str(x) for x in c.get("rules") or ()),
                    units=tuple(str(x) for x in c.get("units") or ()),
                    group=_s(g.get("title")),
                )
            )
        groups.append(Group(_s(g.get("title")), _s(g.get("intro")), tuple(choices), tuple(_s(n) for n in g.get("notes") or ())))
    return Register(_s(data.get("title")), _s(data.get("intro")), tuple(groups))


def register_text() -> str:
    return resources.files("enshi_rules").joinpath("data", "interpretations.yaml").read_text(encoding="utf-8")


@cache
def load_register() -> Register:
    """The interpretation register shipped with the package."""
    return parse_register(register_text())


def register_units(units: Iterable[str], instrument: _text.Instrument) -> set[str]:
    """The unit ids of ``instrument`` among a register entry's ``units`` (a 条例 unit is written
    ``tiaoli:art_42__para_2``; a plain id is a unit of the measures)."""
    out = set()
    for u in units:
        key, _, uid = u.rpartition(":")
        if (key or _text.MEASURES.key) == instrument.key:
            out.add(uid)
    return out


def expected_interpretations(
    register: Register, rules: Mapping[str, Rule], instrument: _text.Instrument = _text.MEASURES
) -> dict[str, list[str]]:
    """Unit id (of ``instrument``) -> the ids of the interpretations that apply to it (register order)."""
    out: dict[str, list[str]] = {}
    by_unit: dict[str, list[str]] = {}
    for rid, r in rules_of(rules, instrument).items():
        by_unit.setdefault(rule_unit(r), []).append(rid)
    for g in register.groups:
        for c in g.choices:
            units = register_units(c.units, instrument) | {u for u, rids in by_unit.items() if any(c.matches(rid) for rid in rids)}
            for u in units:
                out.setdefault(u, []).append(c.id)
    return out
