"""YAML scenario files: a case, an as-of date, the citations expected and those that must be absent.

A legal officer writes what a case should come to, in a file named ``*.scenario.yaml``; the pytest
plugin of this package (``enshi_rules.testing.pytest_plugin``, registered as an entry point) runs
each scenario as a test. ``docs/scenarios.md`` describes the format for non-programmers; in short::

    title: 第二十七条第一款 申请复查的十日期限
    case:                                   # the case all scenarios of the file start from
      case_id: S-27-1
      supervising_organ: 422801.sfj
      supervised_organ: 422801.scjgj
      organs: [...]
      supervision: {...}
    scenarios:
      - name: 2025年9月24日收到建议书、10月9日申请复查的，在十日期限内
        changes:                            # what this scenario changes in the case (null removes)
          supervision:
            objection: {filed_on: 2025-10-09}
        as_of: 2025-10-20
        expect:                             # each must be in the report
          - cite: 第二十七条第一款
            status: on_time
            due: 2025-10-09
        absent:                             # none of these may be in the report
          - 第二十八条

Files are read with ``yaml.safe_load`` only. Nothing here needs pytest: :func:`load_scenarios` and
:meth:`Scenario.run` can be used from any test runner.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from pydantic import ValidationError

from .. import errors as _errors
from .._evaluate import evaluate
from .._periods import PeriodPolicy
from ..facts import Case
from ..report import Finding, Note, Report
from . import _pins
from .assertions import criteria, describe_criteria, format_report, mismatches, nearest

__all__ = [
    "SCENARIO_SUFFIXES",
    "Scenario",
    "ScenarioFormatError",
    "ScenarioResult",
    "load_scenarios",
    "parse_scenarios",
]

#: File names the pytest plugin collects.
SCENARIO_SUFFIXES = (".scenario.yaml", ".scenario.yml")

_FILE_KEYS = {"title", "case", "as_of", "scenarios"}
_SCENARIO_KEYS = {
    "name", "case", "changes", "as_of", "expect", "absent", "in_scope", "missing_facts", "raises", "note",
    "policy", "calendar",
}  # fmt: skip
#: ``policy:`` of a scenario: the :class:`~enshi_rules.PeriodPolicy` fields a scenario may set.
_POLICY_KEYS = {"counting", "exclude_time_in_post", "missing_calendar", "prefecture_days_off"}
_ENTRY_KEYS = {
    "cite", "article", "paragraph", "item", "rule_id", "modality", "status", "due", "days_late",
    "done_on", "period_start", "period_days", "subject", "subject_id", "excludes", "message_contains",
    "count", "provisional",
}  # fmt: skip
_ERRORS = {
    "CalendarDataError": _errors.CalendarDataError,
    "CalendarFileError": _errors.CalendarFileError,
    "CaseValidationError": _errors.CaseValidationError,
    "EnshiRulesError": _errors.EnshiRulesError,
}


class ScenarioFormatError(ValueError):
    """A scenario file that cannot be read: names the file, the scenario and what is wrong."""


@dataclass(frozen=True)
class ScenarioResult:
    """What running a scenario gave: the report (``None`` if evaluation raised) and each difference."""

    scenario: Scenario
    report: Report | None
    problems: tuple[str, ...]
    error: BaseException | None = None

    @property
    def passed(self) -> bool:
        return not self.problems

    def message(self) -> str:
        """The failure in readable form: the scenario, each difference, then the report."""
        sc = self.scenario
        where = f"{sc.source}" if sc.source else "(inline)"
        as_of = sc.as_of.isoformat() if sc.as_of else (self.report.as_of.isoformat() if self.report else "the case's own")
        lines = [f"scenario「{sc.name}」failed", f"  file: {where}", f"  as of: {as_of}", ""]
        lines += [f"  ✗ {p}" for p in self.problems]
        if self.report is not None:
            lines += ["", "report:"]
            lines += ["    " + ln if ln else "" for ln in format_report(self.report).rstrip("\n").split("\n")]
        return "\n".join(lines)


@dataclass(frozen=True)
class Scenario:
    """One scenario: run it with :meth:`run`."""

    name: str
    case: dict[str, Any] = field(repr=False)
    as_of: date | None = None
    expect: tuple[dict[str, Any], ...] = ()
    absent: tuple[dict[str, Any], ...] = ()
    in_scope: bool | None = None
    missing_facts: tuple[str, ...] | None = None
    raises: str | None = None
    source: str | None = None
    note: str = ""
    #: a period policy (``policy:``, with ``calendar:`` files resolved next to the scenario file)
    policy: PeriodPolicy | None = None
    #: The modality of every rule when the scenario was read: an expectation that does not write
    #: ``modality`` holds each finding it matches to the modality its rule had then.
    modalities: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    def run(self) -> ScenarioResult:
        """Evaluate the case and compare the report with the expectations."""
        try:
            report = evaluate(self.case, as_of=self.as_of, policy=self.policy)
        except _errors.EnshiRulesError as exc:
            if self.raises and isinstance(exc, _ERRORS[self.raises]):
                return ScenarioResult(self, None, (), exc)
            detail = exc.one_line() if isinstance(exc, _errors.CaseValidationError) else str(exc)
            expected = f" (expected {self.raises})" if self.raises else ""
            return ScenarioResult(self, None, (f"evaluation raised {type(exc).__name__}{expected}: {detail}",), exc)
        if self.raises:
            return ScenarioResult(self, report, (f"expected evaluation to raise {self.raises}; it gave a report",))
        return ScenarioResult(self, report, tuple(self.check(report)))

    def check(self, report: Report) -> list[str]:
        """Each way ``report`` differs from the expectations (empty: none)."""
        problems: list[str] = []
        everything: list[Finding | Note] = [*report.findings, *report.notes]
        for crit in self.expect:
            want = {k: v for k, v in crit.items() if k != "count"}
            found = [x for x in everything if not mismatches(x, want)]
            count = crit.get("count")
            if found and (count is None or len(found) == count):
                wrong = [] if "modality" in want else _modality_changed(found, self.modalities)
                if wrong:
                    problems.append(
                        f"expected {describe_criteria(want)} with the modality each rule had when the scenario "
                        f"was read; changed since: " + ", ".join(wrong)
                    )
                    continue
                _pins.found(found, want)
                continue
            if found:
                problems.append(f"expected {count} matching {describe_criteria(want)}; found {len(found)}: "
                                + ", ".join(x.rule_id for x in found))  # fmt: skip
                continue
            near = nearest(everything, want)
            msg = f"expected {describe_criteria(want)}: not in the report"
            near_lines = [ln for n in near for ln in n.split("\n")]
            problems.append(msg + ("; nearest:\n" + "\n".join("    " + ln for ln in near_lines) if near else ""))
        for crit in self.absent:
            found = [x for x in everything if not mismatches(x, crit)]
            if found:
                listed = "; ".join(f"{x.rule_id}（{x.citation.split('》', 1)[-1]}）" for x in found)
                problems.append(f"expected nothing matching {describe_criteria(crit)}; found {listed}")
            else:
                _pins.absent(crit, notes=False)
                _pins.absent(crit, notes=True)
        if self.in_scope is not None and report.in_scope != self.in_scope:
            said = "within" if report.in_scope else "outside"
            problems.append(f"expected in_scope: {str(self.in_scope).lower()}; the case is {said} the measures")
        if self.missing_facts is not None:
            have = sorted(m.field for m in report.missing_facts)
            if have != sorted(self.missing_facts):
                problems.append(f"expected missing_facts {sorted(self.missing_facts)}; the report names {have}")
        return problems


def _modality_changed(found: list[Finding | Note], modalities: Mapping[str, str]) -> list[str]:
    return [
        f"{x.rule_id} is {x.modality.value}, was {modalities[x.rule_id]}"
        for x in found
        if isinstance(x, Finding) and x.rule_id in modalities and x.modality.value != modalities[x.rule_id]
    ]


def _declared_modalities() -> dict[str, str]:
    from .._rulebook import all_rules  # noqa: PLC0415

    return {rid: r.modality.value for rid, r in all_rules().items() if not r.note}


# --------------------------------------------------------------------------- reading files


def _fail(source: str, where: str, msg: str) -> ScenarioFormatError:
    return ScenarioFormatError(f"{source}: {where}: {msg}" if where else f"{source}: {msg}")


def _plain(value: Any) -> Any:
    """YAML values as JSON would give them: dates as ISO text."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    return value


def _codes_as_text(case: dict[str, Any]) -> dict[str, Any]:
    """The case with each number where the case document expects text (YAML reads an unquoted
    code such as 422801 as a number) written as text. Anything else is left for the evaluation to
    report."""
    for _ in range(200):
        try:
            Case.model_validate(case)
            return case
        except ValidationError as exc:
            fixed = False
            for err in exc.errors(include_url=False):
                value = err.get("input")
                if err["type"] != "string_type" or isinstance(value, bool) or not isinstance(value, int):
                    continue
                *parents, last = err["loc"]
                holder: Any = case
                try:
                    for key in parents:
                        holder = holder[key]
                    if holder[last] is value:
                        holder[last] = str(value)
                        fixed = True
                except (KeyError, IndexError, TypeError):
                    continue
            if not fixed:
                return case
    return case


def _merge(base: Any, changes: Any) -> Any:
    """``changes`` laid over ``base``: mappings merge key by key, ``None`` removes, others replace."""
    if not isinstance(base, dict) or not isinstance(changes, Mapping):
        return copy.deepcopy(changes)
    out = copy.deepcopy(base)
    for k, v in changes.items():
        if v is None:
            out.pop(k, None)
        elif isinstance(v, Mapping) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = copy.deepcopy(v)
    return out


def _read_case(value: Any, base_dir: Path, source: str, where: str) -> dict[str, Any]:
    if isinstance(value, str):
        path = (base_dir / value).resolve()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise _fail(source, where, f"case file {value} cannot be read ({exc.strerror or exc})") from None
        except json.JSONDecodeError as exc:
            raise _fail(source, where, f"case file {value} is not valid JSON: {exc}") from None
        if not isinstance(data, dict):
            raise _fail(source, where, f"case file {value} does not hold a JSON object")
        return data
    if isinstance(value, Mapping):
        return _plain(value)
    raise _fail(source, where, "case must be a mapping (the case itself) or the path of a JSON file")


def _as_of(value: Any, source: str, where: str) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _fail(source, where, f"as_of {value!r} is not a date like 2025-10-20")


def _entries(value: Any, source: str, where: str, key: str) -> tuple[dict[str, Any], ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        value = [value]
    out = []
    for i, entry in enumerate(value, 1):
        here = f"{where}, {key} #{i}"
        if isinstance(entry, str):
            text = entry.strip()
            entry = {"rule_id": text} if text.startswith("art_") else {"cite": text}
        if not isinstance(entry, Mapping):
            raise _fail(source, here, "each entry is a citation (第二十七条第二款) or a mapping of its properties")
        unknown = sorted(set(map(str, entry)) - _ENTRY_KEYS)
        if unknown:
            raise _fail(source, here, f"unknown key(s) {unknown}; allowed: {sorted(_ENTRY_KEYS)}")
        kw = {str(k): _plain(v) for k, v in entry.items()}
        count = kw.pop("count", None)
        if count is not None and (key != "expect" or isinstance(count, bool) or not isinstance(count, int) or count < 1):
            raise _fail(source, here, "count is a whole number of at least 1, and only in expect")
        if "cite" in kw and not isinstance(kw["cite"], str):
            raise _fail(source, here, f"cite {kw['cite']!r} is not a citation like 第二十七条第二款")
        for k in ("rule_id", "subject", "subject_id", "message_contains"):
            if k in kw and kw[k] is not None and not isinstance(kw[k], str):
                kw[k] = str(kw[k])
        try:
            crit = criteria(**kw)
        except (ValueError, TypeError) as exc:
            raise _fail(source, here, str(exc)) from None
        if not crit:
            raise _fail(source, here, "an entry must say something: a citation, a rule_id, a status ...")
        if count is not None:
            crit["count"] = count
        out.append(crit)
    return tuple(out)


def _scenario_policy(value: Any, calendar: Any, base_dir: Path, source: str, where: str) -> PeriodPolicy | None:
    """``policy: {counting, exclude_time_in_post, missing_calendar, prefecture_days_off}`` and
    ``calendar: FILE`` (or a list), a path relative to the scenario file."""
    if value is None and calendar is None:
        return None
    value = {} if value is None else value
    if not isinstance(value, Mapping):
        raise _fail(source, where, "policy is a mapping: counting, exclude_time_in_post, missing_calendar, prefecture_days_off")
    unknown = sorted(set(map(str, value)) - _POLICY_KEYS)
    if unknown:
        raise _fail(source, where, f"unknown policy key(s) {unknown}; allowed: {sorted(_POLICY_KEYS)}")
    files = [] if calendar is None else (calendar if isinstance(calendar, list) else [calendar])
    if not all(isinstance(f, str) for f in files):
        raise _fail(source, where, "calendar is a file name (or a list of them), relative to the scenario file")
    try:
        return PeriodPolicy(**{str(k): v for k, v in value.items()}, calendar=tuple(str(base_dir / f) for f in files))
    except (TypeError, ValueError) as exc:
        raise _fail(source, where, f"policy: {exc}") from None


def parse_scenarios(data: Any, *, base_dir: str | Path = ".", source: str = "<scenarios>") -> list[Scenario]:
    """The scenarios of an already-loaded YAML document (a mapping; see the module docstring)."""
    base_dir = Path(base_dir)
    if not isinstance(data, Mapping):
        raise _fail(source, "", "a scenario file holds a mapping (title, case, scenarios)")
    if "scenarios" in data:
        unknown = sorted(set(map(str, data)) - _FILE_KEYS)
        if unknown:
            raise _fail(source, "", f"unknown key(s) {unknown} at the top; allowed: {sorted(_FILE_KEYS)}")
        items = data["scenarios"]
        if not isinstance(items, list) or not items:
            raise _fail(source, "", "scenarios must be a list of at least one scenario")
        shared = _read_case(data["case"], base_dir, source, "case") if data.get("case") is not None else None
        shared_as_of = _as_of(data.get("as_of"), source, "as_of")
    else:  # a file holding one scenario
        items, shared, shared_as_of = [data], None, None
    out: list[Scenario] = []
    seen: set[str] = set()
    modalities = _declared_modalities()
    for n, item in enumerate(items, 1):
        where = f"scenario #{n}"
        if not isinstance(item, Mapping):
            raise _fail(source, where, "a scenario is a mapping with at least name and expect or absent")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise _fail(source, where, "name is required: one sentence saying what the scenario is")
        name = " ".join(name.split())
        where = f"scenario「{name}」"
        if name in seen:
            raise _fail(source, where, "two scenarios of the file have this name")
        seen.add(name)
        unknown = sorted(set(map(str, item)) - _SCENARIO_KEYS)
        if unknown:
            raise _fail(source, where, f"unknown key(s) {unknown}; allowed: {sorted(_SCENARIO_KEYS)}")
        if item.get("case") is not None:
            case = _read_case(item["case"], base_dir, source, where)
        elif shared is not None:
            case = copy.deepcopy(shared)
        else:
            raise _fail(source, where, "no case: give case here or at the top of the file")
        if item.get("changes") is not None:
            if not isinstance(item["changes"], Mapping):
                raise _fail(source, where, "changes must be a mapping laid over the case")
            case = _merge(case, _plain(item["changes"]))
        case = _codes_as_text(case)
        expect = _entries(item.get("expect"), source, where, "expect")
        absent = _entries(item.get("absent"), source, where, "absent")
        in_scope = item.get("in_scope")
        if in_scope is not None and not isinstance(in_scope, bool):
            raise _fail(source, where, "in_scope is true or false")
        missing = item.get("missing_facts")
        if missing is not None:
            if not isinstance(missing, list) or not all(isinstance(x, str) for x in missing):
                raise _fail(source, where, "missing_facts is a list of field paths, e.g. supervision.suggestion_letter.received_on")
            missing = tuple(missing)
        raises = item.get("raises")
        if raises is not None and raises not in _ERRORS:
            raise _fail(source, where, f"raises {raises!r}: one of {sorted(_ERRORS)}")
        if not (expect or absent or in_scope is not None or missing is not None or raises):
            raise _fail(source, where, "the scenario expects nothing: give expect, absent, in_scope, missing_facts or raises")
        as_of = _as_of(item.get("as_of"), source, where) or shared_as_of
        note = item.get("note") or ""
        policy = _scenario_policy(item.get("policy"), item.get("calendar"), base_dir, source, where)
        out.append(
            Scenario(
                name=name, case=case, as_of=as_of, expect=expect, absent=absent, in_scope=in_scope,
                missing_facts=missing, raises=raises, source=source, note=str(note), policy=policy, modalities=modalities,
            )
        )
    return out


def load_scenarios(path: str | Path) -> list[Scenario]:
    """The scenarios of one file (read with ``yaml.safe_load``); a path to a case is relative to it."""
    path = Path(path)
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise _fail(source, "", f"cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise _fail(source, "", "is not UTF-8 text") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise _fail(source, "", f"is not valid YAML: {exc}") from None
    return parse_scenarios(data, base_dir=path.parent, source=source)
