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

Files are read with a safe YAML loader only, which refuses anchors, aliases, a key written twice and
an unquoted key YAML reads as a boolean (``on:``, ``yes:``: quote it). Nothing here needs pytest: :func:`load_scenarios` and
:meth:`Scenario.run` can be used from any test runner.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .. import errors as _errors
from .._evaluate.evaluate import evaluate
from .._periods.counting import PeriodPolicy
from ..errors import InputError, InputTooLargeError
from ..facts import MAX_DOCUMENT_BYTES, Case
from ..facts._input import read_bounded
from ..report import Finding, Note, Report
from . import _pins
from .assertions import as_date, criteria, describe_criteria, format_report, mismatches, nearest

__all__ = [
    "SCENARIO_SUFFIXES",
    "Scenario",
    "ScenarioFormatError",
    "ScenarioResult",
    "load_scenarios",
    "parse_scenarios",
]

#: ``in_scope: undetermined`` (or 不能确定): whether the measures apply cannot be determined.
UNDETERMINED = "undetermined"

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
    "defeated_by", "depends_on", "counted_to", "performed", "interpretation",
    "count", "provisional", "certainty", "instrument",
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
    #: true / false, or "undetermined": the measures' applicability cannot be determined (in_scope null)
    in_scope: bool | str | None = None
    missing_facts: tuple[str, ...] | None = None
    raises: str | None = None
    source: str | None = None
    note: str = ""
    #: a period policy (``policy:``, with ``calendar:`` files resolved next to the scenario file)
    policy: PeriodPolicy | None = None
    #: What is wrong with the scenario as written (it fails with this, alone, when run).
    error: str | None = None
    #: The modality of every rule when the scenario was read: an expectation that does not write
    #: ``modality`` holds each finding it matches to the modality its rule had then.
    modalities: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    def run(self) -> ScenarioResult:
        """Evaluate the case and compare the report with the expectations."""
        if self.error is not None:
            return ScenarioResult(self, None, (self.error,))
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
        wanted = None if self.in_scope == UNDETERMINED else self.in_scope
        if self.in_scope is not None and report.in_scope is not wanted:
            said = {True: "within", False: "outside", None: "of undetermined applicability to"}[report.in_scope]
            exp = self.in_scope if isinstance(self.in_scope, str) else str(self.in_scope).lower()
            problems.append(f"expected in_scope: {exp}; the case is {said} the measures")
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
    from ..rules import all_rules  # noqa: PLC0415

    return {rid: r.modality.value for rid, r in all_rules().items() if not r.note}


# --------------------------------------------------------------------------- reading files


#: The Chinese of each kind of format error (matched on the start of the English), so that a legal
#: officer reads first what is wrong, then the English for the engineer.
_ZH = (
    ("case file", "案件文件有误"),
    ("case must be", "case 须是案件内容（映射）或 JSON 案件文件的路径"),
    ("as_of", "as_of 须是日期，如 2025-10-20"),
    ("each entry is", "每一项须是一个引用（如 第二十七条第二款）或其属性的映射"),
    ("unknown key(s)", "有未知的键（可能拼错了）"),
    ("count is", "count 须是不小于 1 的整数，且只用于 expect"),
    ("cite ", "cite 须是引用，如 第二十七条第二款"),
    ("an entry must say", "这一项什么也没有说：须写引用、rule_id、status 等"),
    ("a scenario is a mapping", "情景须是映射，至少有 name 以及 expect 或 absent"),
    ("name is required", "缺少 name：用一句话说明这个情景"),
    ("two scenarios", "文件中有两个情景同名"),
    ("no case", "没有案件：在情景中或文件顶部写 case"),
    ("changes must be", "changes 须是覆盖在案件上的映射"),
    ("in_scope", "in_scope 须是 true、false 或 undetermined（不能确定）"),
    ("missing_facts", "missing_facts 须是字段路径的列表"),
    ("raises", "raises 须是已知的错误类型之一"),
    ("the scenario expects nothing", "这个情景没有任何预期：须写 expect、absent、in_scope、missing_facts 或 raises"),
    ("a scenario file holds", "情景文件须是映射（title、case、scenarios）"),
    ("scenarios must be", "scenarios 须是至少含一个情景的列表"),
    ("cannot be read", "无法读取"),
    ("is not UTF-8", "不是 UTF-8 文本"),
    ("is not valid YAML", "不是有效的 YAML"),
)


def _fail(source: str, where: str, msg: str) -> ScenarioFormatError:
    if not any("\u4e00" <= ch <= "\u9fff" for ch in msg.split("(")[0][:12]):  # not already Chinese first
        zh = next((z for en, z in _ZH if msg.startswith(en)), "")
        if zh:
            msg = f"{zh} / {msg}"
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


def _inside(base_dir: Path, value: str, source: str, where: str, key: str) -> Path:
    """The resolved path of a file named in a scenario, which must lie in the scenario's directory."""
    path = (base_dir / value).resolve()
    home = base_dir.resolve()
    if Path(value).is_absolute() or not path.is_relative_to(home):
        raise _fail(source, where, f"{key} 文件 {value} 不在场景文件所在目录之内 / {key} file {value} is outside the directory of the scenario file ({home})")
    return path


def _read_case(value: Any, base_dir: Path, source: str, where: str) -> dict[str, Any]:
    if isinstance(value, str):
        path = _inside(base_dir, value, source, where, "case")
        try:
            data = json.loads(read_bounded(path, MAX_DOCUMENT_BYTES).decode("utf-8"))
        except OSError as exc:
            reason = getattr(exc, "reason", None) or exc.strerror or exc
            raise _fail(source, where, f"case file {value} cannot be read ({reason})") from None
        except json.JSONDecodeError as exc:
            raise _fail(source, where, f"case file {value} is not valid JSON: {exc}") from None
        if not isinstance(data, dict):
            raise _fail(source, where, f"case file {value} does not hold a JSON object")
        return data
    if isinstance(value, Mapping):
        return _plain(value)
    raise _fail(source, where, "case must be a mapping (the case itself) or the path of a JSON file")


def _as_of(value: Any, source: str, where: str) -> date | None:
    if not isinstance(value, datetime):
        try:
            return as_date("as_of", value)
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
            entry = {"rule_id": text} if text.startswith(("art_", "tl_")) else {"cite": text}
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
        for k in ("rule_id", "subject", "subject_id", "message_contains", "defeated_by", "depends_on", "interpretation", "instrument"):
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
    for f in files:
        _inside(base_dir, f, source, where, "calendar")
    try:
        return PeriodPolicy(**{str(k): v for k, v in value.items()}, calendar=tuple(str(base_dir / f) for f in files))
    except (TypeError, ValueError) as exc:
        raise _fail(source, where, f"policy: {exc}") from None


def _one(
    item: Any, n: int, *, shared: dict[str, Any] | None, shared_as_of: date | None, base_dir: Path, source: str,
    seen: set[str], modalities: Mapping[str, str], line: int | None,
) -> Scenario:
    where = f"scenario #{n}" + (f" (line {line})" if line else "")
    if not isinstance(item, Mapping):
        raise _fail(source, where, "a scenario is a mapping with at least name and expect or absent")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(source, where, "name is required: one sentence saying what the scenario is")
    name = " ".join(name.split())
    where = f"scenario「{name}」" + (f" (line {line})" if line else "")
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
    if in_scope in (UNDETERMINED, "不能确定"):
        in_scope = UNDETERMINED
    elif in_scope is not None and not isinstance(in_scope, bool):
        raise _fail(source, where, "in_scope is true, false or undetermined")
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
    return Scenario(
        name=name, case=case, as_of=as_of, expect=expect, absent=absent, in_scope=in_scope,
        missing_facts=missing, raises=raises, source=source, note=str(note), policy=policy, modalities=modalities,
    )


def parse_scenarios(
    data: Any,
    *,
    base_dir: str | Path = ".",
    source: str = "<scenarios>",
    isolate: bool = False,
    lines: Sequence[int] | None = None,
    problems: Mapping[int, Sequence[str]] | None = None,
) -> list[Scenario]:
    """The scenarios of an already-loaded YAML document (a mapping; see the module docstring).

    A problem of the file as a whole raises :class:`ScenarioFormatError`. A problem of one scenario
    raises too, unless ``isolate``: then that scenario comes back with ``error`` set (it fails alone
    when run) and the others are read as usual. ``lines``: the line of each scenario in the file;
    ``problems``: what the YAML reader already found wrong in scenario #n (a duplicate key).
    """
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
        line = lines[n - 1] if lines is not None and n - 1 < len(lines) else None
        try:
            found = (problems or {}).get(n)
            if found:
                name = item.get("name") if isinstance(item, Mapping) and isinstance(item.get("name"), str) else None
                where = (f"scenario「{' '.join(name.split())}」" if name else f"scenario #{n}") + (f" (line {line})" if line else "")
                raise _fail(source, where, "; ".join(found))
            out.append(_one(item, n, shared=shared, shared_as_of=shared_as_of, base_dir=base_dir, source=source,
                            seen=seen, modalities=modalities, line=line))  # fmt: skip
        except ScenarioFormatError as exc:
            if not isolate:
                raise
            name = item.get("name") if isinstance(item, Mapping) else None
            label = " ".join(name.split()) if isinstance(name, str) and name.strip() else f"scenario #{n}"
            if label in seen and not any(o.name == label for o in out):
                pass
            elif any(o.name == label for o in out):
                label = f"{label} (#{n})"
            out.append(Scenario(name=label, case={}, source=source, error=str(exc)))
    return out


#: A scenario file larger than this is refused unread (a legal officer's file is a few kilobytes).
MAX_FILE_BYTES = 1_000_000


_BOOL_TAG = "tag:yaml.org,2002:bool"
_TRUE_WORDS = {"yes", "true", "on"}


class _ScenarioLoader(yaml.SafeLoader):
    """Safe YAML for scenario files: no anchors or aliases (a "billion laughs" file expands
    without bound through them), and every duplicate key and every key YAML reads as a boolean
    remembered with its line and message (PyYAML keeps the last of two keys silently, so a second
    ``expect:`` would replace the first; and it reads an unquoted ``on:``, ``off:``, ``yes:`` or
    ``no:`` key as ``True``/``False``, YAML 1.1 booleans, so the key the officer wrote is gone)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[int, str]] = []  # (line, message)

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.events.AliasEvent):
            event = self.peek_event()
            raise _Refused(event.start_mark.line + 1, f"YAML 别名（*{event.anchor}）不允许使用 / aliases are not allowed")
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _Refused(event.start_mark.line + 1, f"YAML 锚点（&{anchor}）不允许使用 / anchors are not allowed")
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:  # type: ignore[override]
        seen: set[Any] = set()
        for key_node, _ in node.value:
            line = key_node.start_mark.line + 1
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == _BOOL_TAG:
                word = key_node.value
                self.duplicates.append((line, (
                    f"第{line}行：键 {word} 未加引号，YAML 把它读作布尔值 {word.lower() in _TRUE_WORDS}，"
                    f'不再是键名 {word!r}；请加引号写成 "{word}": / line {line}: the key {word} is unquoted, '
                    f"so YAML reads it as the boolean {word.lower() in _TRUE_WORDS} and not as the name {word!r}; "
                    f'quote it: "{word}":'
                )))  # fmt: skip
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                dup = key in seen
                seen.add(key)
            except TypeError:
                continue  # an unhashable key: the base class reports it
            if dup:
                self.duplicates.append((line, (
                    f"第{line}行：键 {key!r} 重复出现，后一个会悄悄取代前一个 / line {line}: "
                    f"key {key!r} appears twice in the same mapping (the second would silently replace the first)"
                )))  # fmt: skip
        return super().construct_mapping(node, deep=deep)


class _Refused(Exception):
    def __init__(self, line: int, msg: str) -> None:
        super().__init__(msg)
        self.line = line


def _scenario_lines(node: Any) -> list[tuple[int, int]]:
    """(first line, last line) of each scenario in the composed document."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == "scenarios" and isinstance(v, yaml.SequenceNode):
                return [(x.start_mark.line + 1, x.end_mark.line + 1) for x in v.value]
        return [(node.start_mark.line + 1, node.end_mark.line + 1)]  # a file holding one scenario
    return []


def load_scenarios(path: str | Path, *, isolate: bool = False) -> list[Scenario]:
    """The scenarios of one file; a path to a case is relative to it and must stay inside its directory.

    The file is read with a safe loader that refuses anchors and aliases and reports duplicate keys
    (with their line); ``isolate`` as in :func:`parse_scenarios` (the pytest plugin isolates, so one
    bad scenario fails alone)."""
    path = Path(path)
    source = str(path)
    try:
        text = read_bounded(path, MAX_FILE_BYTES).decode("utf-8")
    except InputTooLargeError:
        raise _fail(source, "", f"文件过大（超过 {MAX_FILE_BYTES} 字节）/ the file is too large (more than {MAX_FILE_BYTES} bytes)") from None
    except InputError as exc:
        raise _fail(source, "", f"cannot be read ({exc.reason})") from None
    except UnicodeDecodeError:
        raise _fail(source, "", "is not UTF-8 text") from None
    loader = _ScenarioLoader(text)
    try:
        node = loader.get_single_node()
        data = None if node is None else loader.construct_document(node)
    except _Refused as exc:
        raise _fail(f"{source}:{exc.line}", "", str(exc)) from None
    except yaml.YAMLError as exc:
        raise _fail(source, "", f"is not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    spans = _scenario_lines(node)
    problems: dict[int, list[str]] = {}
    for line, msg in loader.duplicates:
        n = next((i for i, (a, b) in enumerate(spans, 1) if a <= line <= b), None)
        if n is None or "scenarios" not in (data or {}):
            if n is None or not isinstance(data, Mapping):
                raise _fail(f"{source}:{line}", "", msg)
        problems.setdefault(n, []).append(msg)
    return parse_scenarios(
        data, base_dir=path.parent, source=source, isolate=isolate, lines=[a for a, _ in spans], problems=problems
    )
