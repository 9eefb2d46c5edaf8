"""试算: a case from a guided form, a pasted or uploaded document, evaluated with its problems placed.

The guided form covers the common procedure of 第二十六条至第二十八条 (the organs, the situations
found, the suggestion letter, the application for review and its answer, the rectification report,
the decision letter and the execution report). Every input's ``name`` is the field path of the case
document (``supervision.suggestion_letter.received_on``), the same path a validation
:class:`~enshi_rules.Problem` names, so each problem is shown next to the field it is about.

Records as they are (issue 19): beside each date a choice says how much of it is known
(``<path>~how``): the exact day (the default), only its month or only its year (the day picked
is read as its month or year: ``2025-05``, ``2025``), and for the date of an act also 已做，日期不详
(``done``), 未做 (``not_done``) and 是否已做不详 (``unknown``); whether the problems found were told
to a vertically managed organ's 上一级主管部门 (``superior_informed``, 条例第四十二条第二款) is a choice
too. So the form holds what the case format allows for the fields it shows.

Beyond that procedure the form holds repeatable records (legal review 2, item 13), declared in
``_records.SECTIONS``: 现场监督 (第二十三条、第二十四条, ``inspections``), 责任追究与容错 (第三十二条,
``liabilities``), the annual records of 第十五、十八、十九条 (``annual_duties``), 投诉、举报 (第十条第二款,
``complaints``) and 问题线索移送 (第三十一条, ``clues``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .._periods.counting import DayCounting, PeriodPolicy
from ..errors import CalendarDataError, CaseValidationError, Problem
from ..facts import DEFAULT_ORGANS, case_caps
from ..facts._input import parse_json
from ..facts.case import DecisionOrder, EnforcementActivity
from ..facts.organs import OrganKind, OrganLevel
from . import _records
from ._records import date_value, how_of

__all__ = [
    "FORM_FIELDS",
    "SITUATION_ROWS",
    "TrialInput",
    "case_from_form",
    "form_from_case",
    "parse_as_of",
    "policy_from",
]

#: The value of the organ choice "the organ added below" (not in the built-in registry).
NEW_ORGAN = "__new__"
#: How many rows of 第二十六条 situations the guided form offers.
SITUATION_ROWS = 3
#: The orders a 决定书 can make (第二十八条第一款), in the form's order.
DECISION_ORDERS = tuple(o.value for o in DecisionOrder)

# The form's scalar fields: path -> kind (text; date: a day, a month or a year; act: also done /
# not_done / unknown; int; yesno). Checkboxes and selects are read the same way.
_SCALARS: dict[str, str] = {
    "case_id": "text",
    "supervising_organ": "text",
    "supervised_organ": "text",
    "enforcement_action.id": "text",
    "enforcement_action.kind": "text",
    "enforcement_action.description": "text",
    "enforcement_action.acted_on": "date",
    "supervision.started_on": "act",
    "supervision.suggestion_letter.id": "text",
    "supervision.suggestion_letter.number": "text",
    "supervision.suggestion_letter.issued_on": "act",
    "supervision.suggestion_letter.received_on": "act",
    "supervision.suggestion_letter.rectification_days": "int",
    "supervision.objection.id": "text",
    "supervision.objection.filed_on": "act",
    "supervision.review_answer.id": "text",
    "supervision.review_answer.answered_on": "act",
    "supervision.review_answer.received_on": "act",
    "supervision.review_answer.objection_upheld": "yesno",
    "supervision.rectification_report.id": "text",
    "supervision.rectification_report.submitted_on": "act",
    "supervision.decision_letter.id": "text",
    "supervision.decision_letter.number": "text",
    "supervision.decision_letter.issued_on": "act",
    "supervision.decision_letter.received_on": "act",
    "supervision.execution_report.id": "text",
    "supervision.execution_report.submitted_on": "act",
    "supervision.superior_informed": "yesno",
}
#: The suffix of the choice beside a date saying how much of it is known.
HOW = "~how"
#: How much of a date is known: (value, words), in the form's order; the last three for acts only.
DATE_HOW = (("", "确切日期"), ("month", "只知月份"), ("year", "只知年份"))
ACT_HOW = DATE_HOW + (("done", "已做，日期不详"), ("not_done", "未做"), ("unknown", "是否已做不详"))
#: For the date of something that happened (a behaviour charged under 第三十二条): also 已发生，日期不详.
OCCURRED_HOW = DATE_HOW + (("done", "已发生，日期不详"),)
# A new organ (not in the built-in registry), added to the case's ``organs``.
_ORGAN = ("id", "name", "kind", "level", "region", "parent", "system")
_SITUATION = ("id", "item", "description", "found_on", "confirmed", "confirmed_on")

FORM_FIELDS = (
    tuple(_SCALARS)
    + tuple(p + HOW for p, kind in _SCALARS.items() if kind in ("date", "act"))
    + tuple(f"supervision.situations[{i}].{k}{HOW}" for i in range(SITUATION_ROWS) for k in ("found_on", "confirmed_on"))
    + tuple(f"organs[0].{k}" for k in _ORGAN)
    + tuple(f"supervision.situations[{i}].{k}" for i in range(SITUATION_ROWS) for k in _SITUATION)
    + ("supervision.decision_letter.orders",)
)


#: How the error summary names a field (the form's own label, with the part of the form it is in).
_FIELD_NAMES = {
    "as_of": "判断日",
    "day_counting": "期间计算方法",
    "case_json": "粘贴的案件文件",
    "case_file": "上传的案件文件",
    "case_id": "案件编号",
    "supervising_organ": "行政执法监督机关",
    "supervised_organ": "被监督机关",
    "enforcement_action.id": "被监督的行为·案号或文书编号",
    "enforcement_action.kind": "被监督的行为·行政执法活动的种类",
    "enforcement_action.description": "被监督的行为·简要情况",
    "enforcement_action.acted_on": "被监督的行为·行为日期",
    "supervision.started_on": "启动监督程序的日期",
    "supervision.suggestion_letter.id": "建议书·编号",
    "supervision.suggestion_letter.number": "建议书·文号",
    "supervision.suggestion_letter.issued_on": "建议书·制发日期",
    "supervision.suggestion_letter.received_on": "建议书·被监督机关收到日期",
    "supervision.suggestion_letter.rectification_days": "建议书·载明的整改期限",
    "supervision.objection.id": "复查申请·编号",
    "supervision.objection.filed_on": "复查申请·送达监督机关的日期",
    "supervision.review_answer.id": "复查答复·编号",
    "supervision.review_answer.answered_on": "复查答复·答复日期",
    "supervision.review_answer.received_on": "复查答复·被监督机关收到日期",
    "supervision.review_answer.objection_upheld": "复查答复·复查结论",
    "supervision.rectification_report.id": "整改情况报告·编号",
    "supervision.rectification_report.submitted_on": "整改情况报告·送达日期",
    "supervision.decision_letter.id": "决定书·编号",
    "supervision.decision_letter.number": "决定书·文号",
    "supervision.decision_letter.issued_on": "决定书·制发日期",
    "supervision.decision_letter.received_on": "决定书·被监督机关收到日期",
    "supervision.decision_letter.orders": "决定书·决定事项",
    "supervision.execution_report.id": "执行情况报告·编号",
    "supervision.execution_report.submitted_on": "执行情况报告·送达日期",
    "supervision.superior_informed": "是否已告知被监督机关的上一级主管部门（条例第四十二条第二款）",
    "organs[0].id": "新增机关·机关编号",
    "organs[0].name": "新增机关·机关名称",
    "organs[0].kind": "新增机关·机关类别",
    "organs[0].level": "新增机关·层级",
    "organs[0].region": "新增机关·行政区划代码",
    "organs[0].parent": "新增机关·所属人民政府或部门",
    "organs[0].system": "新增机关·所属系统",
}
_SITUATION_NAMES = {"id": "编号", "item": "第二十六条所列情形", "description": "情况", "found_on": "发现日期", "confirmed": "经调查属实", "confirmed_on": "查实日期"}
#: The records of 责任追究 (第二十五条、第三十二条至第三十四条) by section, and their fields' labels
#: (``acted_on``, 行为日期: A32-7, A34-2).
_RECORD_SECTIONS = {"liabilities": "责任追究记录", "conduct": "监督人员行为记录", "obstructions": "阻挠监督记录"}
_RECORD_NAMES = {"acted_on": "行为日期"}


def field_name(path: str) -> str:
    """The Chinese name of a form field for the error summary (the path itself when unknown)."""
    name = _records.field_name(path)
    if name is not None:
        return name
    m = re.fullmatch(r"supervision\.situations\[(\d+)\]\.(\w+)", path)
    if m and m.group(2) in _SITUATION_NAMES:
        return f"情形{int(m.group(1)) + 1}·{_SITUATION_NAMES[m.group(2)]}"
    m = re.fullmatch(r"(\w+)\[(\d+)\]\.(\w+)", path)
    if m and m.group(1) in _RECORD_SECTIONS and m.group(3) in _RECORD_NAMES:
        return f"{_RECORD_SECTIONS[m.group(1)]}{int(m.group(2)) + 1}·{_RECORD_NAMES[m.group(3)]}"
    return _FIELD_NAMES.get(path, path)


def _set(doc: dict[str, Any], path: str, value: Any) -> None:
    keys = path.split(".")
    d = doc
    for k in keys[:-1]:
        d = d.setdefault(k, {})
    d[keys[-1]] = value


def case_from_form(form: Mapping[str, Any], getlist: Any = None) -> dict[str, Any]:
    """The case document a guided form describes: only what was filled in (nothing is guessed).

    ``form`` maps field names to strings; ``getlist(name)`` gives every value of a repeated field
    (the orders of a 决定书). Dates are passed on as typed, so the loader's own checks report them.
    """
    doc: dict[str, Any] = {}
    for path, kind in _SCALARS.items():
        raw = str(form.get(path) or "").strip()
        if kind in ("date", "act"):
            raw = date_value(raw, str(form.get(path + HOW) or "").strip(), act=kind == "act")
        if not raw:
            continue
        if kind == "yesno":
            if raw in ("true", "false"):
                _set(doc, path, raw == "true")
            continue
        _set(doc, path, int(raw) if kind == "int" and raw.isdigit() else raw)
    organ = {k: str(form.get(f"organs[0].{k}") or "").strip() for k in _ORGAN}
    if any(organ.values()):
        doc["organs"] = [{k: v for k, v in organ.items() if v}]
    for role in ("supervising_organ", "supervised_organ"):
        if doc.get(role) == NEW_ORGAN:  # "the organ added below"
            if organ["id"]:
                doc[role] = organ["id"]
            else:
                del doc[role]
    situations = []
    for i in range(SITUATION_ROWS):
        row = {k: str(form.get(f"supervision.situations[{i}].{k}") or "").strip() for k in _SITUATION}
        if not row["item"]:
            continue
        s: dict[str, Any] = {"item": int(row["item"]) if row["item"].isdigit() else row["item"]}
        s["confirmed"] = row["confirmed"] in ("true", "on", "1")
        for k in ("found_on", "confirmed_on"):
            row[k] = date_value(row[k], str(form.get(f"supervision.situations[{i}].{k}{HOW}") or "").strip(), act=False)
        for k in ("id", "description", "found_on", "confirmed_on"):
            if row[k]:
                s[k] = row[k]
        situations.append(s)
    if situations:
        doc.setdefault("supervision", {})["situations"] = situations
    orders = [o for o in (getlist("supervision.decision_letter.orders") if getlist else []) if o]
    if orders:
        if "decision_letter" in doc.get("supervision", {}):
            doc["supervision"]["decision_letter"]["orders"] = orders
        else:  # orders without a letter: let the loader say the letter's date is missing
            doc.setdefault("supervision", {})["decision_letter"] = {"orders": orders}
    doc.update(_records.records_from_form(form))
    return doc


def form_from_case(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The guided form's values for a case document (what it can show of it)."""
    out: dict[str, Any] = {}

    def get(path: str) -> Any:
        d: Any = doc
        for k in path.split("."):
            if not isinstance(d, Mapping) or k not in d:
                return None
            d = d[k]
        return d

    for path, kind in _SCALARS.items():
        v = get(path)
        if v is None:
            continue
        if kind in ("date", "act"):
            out[path], out[path + HOW] = how_of(str(v))
            continue
        out[path] = ("true" if v else "false") if kind == "yesno" else str(v)
    organs = doc.get("organs") or []
    if organs and isinstance(organs[0], Mapping):
        for k in _ORGAN:
            if organs[0].get(k) is not None:
                out[f"organs[0].{k}"] = str(organs[0][k])
    for i, s in enumerate((get("supervision.situations") or [])[:SITUATION_ROWS]):
        for k in _SITUATION:
            if isinstance(s, Mapping) and s.get(k) is not None:
                if k in ("found_on", "confirmed_on"):
                    name = f"supervision.situations[{i}].{k}"
                    out[name], out[name + HOW] = how_of(str(s[k]))
                    continue
                out[f"supervision.situations[{i}].{k}"] = ("true" if s[k] else "false") if k == "confirmed" else str(s[k])
    out["supervision.decision_letter.orders"] = list(get("supervision.decision_letter.orders") or [])
    out.update(_records.form_from_records(doc))
    return out


def form_holds(doc: Mapping[str, Any]) -> bool:
    """Whether the guided form can show all of a case document (its as-of date aside)."""
    values = form_from_case(doc)
    # a month, a year, done / not_done / unknown (issue 19) are held by the choice beside the date;
    # what the form still cannot hold (a word in a date that is not an act, other fields) makes the
    # round trip differ, and the document is edited as JSON
    again = case_from_form(values, lambda name: values.get(name) or [])
    return again == _without_empty_lists({k: v for k, v in doc.items() if k != "as_of"})


def _without_empty_lists(v: Any) -> Any:
    """A document without its empty lists (``"case_file_reviews": []`` says what leaving it out says)."""
    if isinstance(v, Mapping):
        return {k: _without_empty_lists(x) for k, x in v.items() if not (isinstance(x, list) and not x)}
    if isinstance(v, list):
        return [_without_empty_lists(x) for x in v]
    return v


@dataclass
class TrialInput:
    """What the 试算 page was given, and what went wrong before evaluation could start."""

    document: Any = None  # the case document (dict) or None
    source: str = "form"  # form / paste / upload / example
    as_of: date | None = None
    policy: PeriodPolicy | None = None
    problems: list[Problem] = field(default_factory=list)

    def problems_by_field(self) -> dict[str, list[Problem]]:
        out: dict[str, list[Problem]] = {}
        for p in self.problems:
            out.setdefault(p.path, []).append(p)
        return out


def parse_document(text: str | bytes, where: str) -> tuple[Any, list[Problem]]:
    """A pasted or uploaded JSON document, or the problems that keep it from being read.

    Read as strictly as every other input (``enshi_rules.facts._input.parse_json``): a key written twice,
    ``NaN``, nesting too deep or an array over its cap is a problem placed at its field.
    """
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
    except UnicodeDecodeError:
        return None, [Problem(where, "文件不是 UTF-8 编码的文本", "the file is not UTF-8 text")]
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [
            Problem(
                where,
                f"不是有效的 JSON：第{exc.lineno}行第{exc.colno}列，{exc.msg}",
                f"not valid JSON: line {exc.lineno} column {exc.colno}: {exc.msg}",
            )
        ]
    except (ValueError, RecursionError):
        pass  # the strict parser below says what it is
    try:
        return parse_json(text, caps=case_caps()), []
    except CaseValidationError as exc:
        return None, [Problem(p.path or where, p.message_zh, p.message_en) for p in exc.problems]


_ISO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def parse_as_of(raw: str | None) -> tuple[date | None, list[Problem]]:
    raw = (raw or "").strip()
    if not raw:
        return None, []
    try:
        if not _ISO.match(raw):
            raise ValueError(raw)
        return date.fromisoformat(raw), []
    except ValueError:
        return None, [Problem("as_of", "判断日应为 YYYY-MM-DD 格式的真实日期", "the as-of date must be a real date YYYY-MM-DD")]


def policy_from(day_counting: str | None, time_in_post: bool) -> PeriodPolicy | None:
    """The period policy the page asked for; None keeps the case document's own choice."""
    if not day_counting and not time_in_post:
        return None
    return PeriodPolicy(counting=DayCounting(day_counting or "calendar"), exclude_time_in_post=time_in_post)


def evaluate_input(t: TrialInput) -> tuple[Any, list[Problem]]:
    """The report, or the problems (validation, or a year without holiday data) that stop it."""
    from .._evaluate.evaluate import evaluate

    if t.problems or t.document is None:
        return None, t.problems
    try:
        return evaluate(t.document, as_of=t.as_of, policy=t.policy), []
    except CaseValidationError as exc:
        return None, list(exc.problems)
    except CalendarDataError as exc:
        return None, [Problem(exc.field or "", str(exc), str(exc))]


def explain_input(t: TrialInput, report: Any) -> Any:
    """``enshi_rules.explain`` of the same evaluation (its findings in the report's order), or None
    when it cannot be had (then the page shows each finding without it)."""
    from .._evaluate.explain import explain
    from ..errors import EnshiRulesError

    try:
        return explain(t.document, as_of=report.as_of, policy=t.policy)
    except EnshiRulesError:
        return None


# ---------------------------------------------------------------------------- choices for the form


def organ_choices() -> list[tuple[str, str]]:
    """The built-in registry: (id, name), governments first, each followed by its 司法局."""
    return [(o.id, o.name) for o in DEFAULT_ORGANS.values()]


ACTIVITIES = tuple(a.value for a in EnforcementActivity)
ORGAN_KINDS = tuple(k.value for k in OrganKind)
ORGAN_LEVELS = tuple(v.value for v in OrganLevel)


def situation_items() -> list[tuple[int, str]]:
    """第二十六条's six items, in the words of the measures (from the shipped text)."""
    from .._law import text as _text

    reg = _text.regulation()
    return [(i, _text.item_marker(i) + reg.unit(26, 1, i).text.rstrip("；。的")) for i in range(1, 7)]
