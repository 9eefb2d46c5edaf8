"""What each assertion asserted on: the record behind "a rule is pinned down by its tests".

The assertion helpers (:func:`~enshi_rules.testing.assert_finding`,
:func:`~enshi_rules.testing.assert_no_finding`, ``assert_note``, ``assert_matches`` ...) and the
scenario runner call :func:`found` and :func:`absent` *when an assertion passes*; each listener of
:data:`LISTENERS` then receives one :class:`Pin` per rule the assertion was about. The test suite's
recorder (``tests/conftest.py``, :class:`enshi_rules._trace.CoverageRecorder`) attributes the pins
to the running test, and ``enshi-rules trace --check`` accepts a listed test for a rule only if it
pinned the rule: asserted a finding of it by its id or its full citation **with** its modality or
its deadline status (an applicability note: with ``excludes``), or asserted that no finding of it is
there. A rule that merely fires in a test is not pinned by it.

Nothing is recorded when :data:`LISTENERS` is empty (normal use of the helpers outside our suite).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["IDENTITY", "LISTENERS", "QUALITY", "Pin", "absent", "derived", "found"]

#: What names the rule: its id (exact) or its full citation (条, 款 and 项 as the rule cites them).
IDENTITY = frozenset({"rule_id", "citation"})
#: What an assertion must also say about a finding that is there: how it binds (modality), or where
#: its time limit stands (status); about an applicability note: whether it excludes the case; about
#: a rule that makes no finding of its own (``reports=False``): the finding it was derived into.
QUALITY = frozenset({"modality", "status", "excludes", "derived_into"})

#: Absence is only asserted by criteria that can rule a rule out as a whole: naming it (id, pattern
#: or citation), optionally narrowed to a modality or a status. "No finding of X due 2025-10-09"
#: says nothing about whether X is there.
_ABSENCE_FIELDS = frozenset({"rule_id", "article", "paragraph", "item", "modality", "status", "instrument"})


@dataclass(frozen=True)
class Pin:
    """One assertion about one rule: its finding is there (``present``) or is not."""

    rule_id: str
    present: bool
    #: What the assertion said: ``rule_id`` / ``citation`` (identity), ``modality``, ``status``,
    #: ``excludes``, ``due``, ``days_late``, ``message_contains`` ... (the criteria's names).
    fields: frozenset[str]

    @property
    def qualified(self) -> bool:
        """A present pin that names the rule and says how it binds or where its period stands."""
        return self.present and bool(self.fields & IDENTITY) and bool(self.fields & QUALITY)


#: Called with each :class:`Pin` as the assertion passes (the test suite's recorder).
LISTENERS: list[Callable[[Pin], None]] = []


def _emit(pin: Pin) -> None:
    for listener in LISTENERS:
        listener(pin)


def _full_cite(crit: Mapping[str, Any], obj: Any) -> bool:
    """Whether the criteria give the whole citation of ``obj`` (not just its article)."""
    if crit.get("article") != obj.article:
        return False
    from .._law.text import MEASURES, TIAOLI, parse_citation  # noqa: PLC0415

    ins = TIAOLI if getattr(obj, "instrument", None) == TIAOLI.key else MEASURES
    if crit.get("instrument") != ins.report_key:
        return False
    short = obj.citation.split("》", 1)[-1]
    try:
        _, p, i = parse_citation(short, instrument=ins)
    except Exception:  # pragma: no cover - every finding cites a unit that exists
        return False
    return crit.get("paragraph") == p and crit.get("item") == i


def found(objs: Iterable[Any], crit: Mapping[str, Any]) -> None:
    """The findings or notes ``objs`` met the criteria ``crit`` of an assertion that passed."""
    if not LISTENERS:
        return
    for obj in objs:
        fields = {k for k in crit if k not in ("rule_id", "article", "paragraph", "item", "count")}
        rid = crit.get("rule_id")
        if isinstance(rid, str) and rid == obj.rule_id:
            fields.add("rule_id")
        if _full_cite(crit, obj):
            fields.add("citation")
        _emit(Pin(obj.rule_id, True, frozenset(fields)))


def absent(crit: Mapping[str, Any], *, notes: bool) -> None:
    """An assertion that nothing meets ``crit`` passed: a pin of absence for every rule it rules out.

    ``notes``: the assertion looked at applicability notes (else at findings). Only criteria that
    name rules (id, pattern or article) and say nothing but modality or status besides count.
    """
    if not LISTENERS:
        return
    keys = set(crit) - {"count"}
    if not keys or not keys <= _ABSENCE_FIELDS or not ({"rule_id", "article"} & keys):
        return
    from ..rules import all_rules  # noqa: PLC0415

    for rid, r in all_rules().items():
        if r.note != notes or not r.reports:
            # a rule that makes no finding of its own is never "absent" from the findings: that says
            # nothing about it (assert_not_derived asserts it through explain's chain)
            continue
        pat = crit.get("rule_id")
        if pat is not None and not (rid == pat or (any(c in pat for c in "*?[") and fnmatch.fnmatchcase(rid, pat))):
            continue
        if any(k in crit and crit[k] != getattr(r, k) for k in ("article", "paragraph", "item")):
            continue
        if "instrument" in crit and crit["instrument"] != r.instrument.report_key:
            continue
        if "modality" in crit and crit["modality"] != r.modality:
            continue
        if "status" in crit and not rid.endswith("." + str(crit["status"].value if hasattr(crit["status"], "value") else crit["status"])):
            continue
        _emit(Pin(rid, False, frozenset(keys)))


def derived(rule_id: str, *, present: bool) -> None:
    """An assertion on explain's chain passed about a rule that only derives (``reports=False``):
    it derived the fact a named finding rests on (``present``), or no finding rests on it."""
    _emit(Pin(rule_id, present, frozenset({"rule_id", "derived_into"} if present else {"rule_id"})))
