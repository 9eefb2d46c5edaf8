"""Fact models (pydantic) and the loader that validates a case document completely.

:func:`load_case` accepts a :class:`Case`, a mapping, or JSON text/bytes, and either returns a
:class:`LoadedCase` or raises one :class:`~enshi_rules.errors.CaseValidationError` that lists every
problem with its field path, in Chinese and English. Timelines that cannot be true are data errors,
not findings (``docs/interpretations.md`` lists each check and why).
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import annotated_types
from pydantic import BaseModel, ValidationError

from ..errors import CaseValidationError, Problem
from ._input import check_structure, parse_json
from ._problems import Problems
from ._types import LATEST_DATE, bounds, parse_as_of
from .case import (
    Case,
    DayCountingChoice,
    DecisionLetter,
    DecisionOrder,
    EnforcementAction,
    EnforcementActivity,
    ObjectionApplication,
    ReviewAnswer,
    Situation,
    SpecialSupervision,
    SubmittedReport,
    SuggestionLetter,
    Supervision,
)
from .measures import measures_problems
from .organs import DEFAULT_ORGANS, PREFECTURE_CODE, Organ, OrganKind, OrganLevel
from .systems import system_vocabulary

__all__ = [
    "DEFAULT_ORGANS", "LATEST_DATE", "PREFECTURE_CODE", "Case", "DayCountingChoice", "DecisionLetter",
    "DecisionOrder", "EnforcementAction", "EnforcementActivity", "LoadedCase", "ObjectionApplication",
    "Organ", "OrganKind", "OrganLevel", "ReviewAnswer", "Situation", "SpecialSupervision",
    "SubmittedReport", "SuggestionLetter", "Supervision", "load_case", "parse_as_of", "parse_document"
]

#: Largest case document accepted, in bytes of JSON text.
MAX_DOCUMENT_BYTES = 2_000_000


@dataclass(frozen=True)
class LoadedCase:
    """A validated case, its as-of date, and every organ it can name (built-in plus its own)."""

    case: Case
    as_of: date
    organs: Mapping[str, Organ]


_ZH = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段，不允许出现",
    "date_parsing": "日期无效，应为 YYYY-MM-DD 格式的真实日期",
    "date_from_datetime_parsing": "日期无效，应为 YYYY-MM-DD 格式的真实日期",
    "date_from_datetime_inexact": "应为日期，不应包含时间",
    "date_type": "应为日期（YYYY-MM-DD）",
    "iso_date": "日期无效，应写作 YYYY-MM-DD（不带时间，不用时间戳）",
    "string_type": "应为字符串",
    "string_too_short": "不能为空",
    "string_too_long": "过长",
    "string_pattern_mismatch": "格式不符合要求",
    "enum": "取值不在允许范围内",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "model_type": "应为对象（JSON object）",
    "model_attributes_type": "应为对象（JSON object）",
    "dict_type": "应为对象（JSON object）",
    "tuple_type": "应为数组（JSON array）",
    "list_type": "应为数组（JSON array）",
    "too_long": "条目过多",
    "too_short": "条目过少",
}


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _systems_context(extra: Any) -> dict[str, str]:
    """The system vocabulary for a document: the built-in one plus its ``systems`` (a malformed
    ``systems`` is reported by the model itself)."""
    ok = isinstance(extra, Mapping) and all(
        isinstance(k, str) and isinstance(v, (list, tuple)) and all(isinstance(a, str) for a in v) for k, v in extra.items()
    )
    return system_vocabulary(extra if ok else None)


def _expected_values(expected: str) -> list[str]:
    """The values in pydantic's list of allowed values (``'州', '县（市）' or '街道'``)."""
    return re.findall(r"'((?:[^'\\]|\\.)*)'", expected)


def expected_zh(expected: str) -> str:
    """pydantic's list of allowed values (``'州', '县（市）' or '街道'``) as Chinese lists them
    (``州、县（市）、街道``): no English "or", no Python quotes."""
    values = _expected_values(expected)
    return "、".join(values) if values else expected


def expected_en(expected: str) -> str:
    """The same list in English without Python quotes: ``must be one of 州, 县（市）, 街道``."""
    values = _expected_values(expected)
    return f"must be one of {', '.join(values)}" if values else f"must be {expected}"


def _from_pydantic(err: ValidationError) -> Iterator[Problem]:
    for e in err.errors(include_url=False):
        ctx = e.get("ctx") or {}
        zh = ctx.get("zh") or _ZH.get(e["type"], "值无效")
        en = e["msg"]
        if e["type"] == "enum":
            zh += f"（可选：{expected_zh(str(ctx.get('expected', '')))}）"
            en = expected_en(str(ctx.get("expected", "")))
        elif e["type"] in ("too_long", "less_than_equal", "greater_than_equal") and ctx:
            limit = ctx.get("max_length", ctx.get("le", ctx.get("ge")))
            if limit is not None:
                zh += f"（上限 {limit}）" if e["type"] != "greater_than_equal" else f"（下限 {limit}）"
        yield Problem(_path(tuple(e["loc"])), zh, en)


def _model_of(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models inside a field's annotation (``tuple[Situation, ...] | None`` -> Situation)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    out: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        out += _model_of(arg)
    return out


def _caps(model: type[BaseModel], prefix: str = "") -> dict[str, int]:
    caps: dict[str, int] = {}
    for name, field in model.model_fields.items():
        path = f"{prefix}.{name}" if prefix else name
        origin = typing.get_origin(field.annotation)
        is_array = origin in (tuple, list) or (
            origin in (typing.Union, types.UnionType)
            and any(typing.get_origin(a) in (tuple, list) for a in typing.get_args(field.annotation))
        )
        for m in field.metadata:
            if isinstance(m, annotated_types.MaxLen) and is_array:
                caps[path] = m.max_length
        for sub in _model_of(field.annotation):
            caps.update(_caps(sub, f"{path}[*]" if is_array else path))
    return caps


@functools.cache
def case_caps() -> dict[str, int]:
    """The most items each array of a case document may hold, by path (``supervision.situations``: 50)."""
    return _caps(Case)


def parse_document(doc: Case | Mapping[str, Any] | str | bytes) -> Case:
    """The :class:`Case` of a document (JSON text, a mapping or a Case), size- and structure-checked
    first; not yet loaded against the organ registry (:func:`load_case` does that).

    Public: the check of a document's own content (shape, types, caps, dates as dates), each problem
    with its field path in Chinese and English, for a platform that validates a document before it
    knows the organs. A :class:`Case` it returns may still name an unknown organ or give an
    impossible timeline: :func:`load_case` (and ``evaluate``, which calls it) checks those."""
    if isinstance(doc, Case):
        return doc
    if isinstance(doc, (bytes, bytearray, str)):
        size = len(doc) if not isinstance(doc, str) else len(doc.encode("utf-8", "surrogatepass"))
        if size > MAX_DOCUMENT_BYTES:
            raise CaseValidationError([_too_large(size)])
        doc = parse_json(doc, caps=case_caps())
    elif isinstance(doc, Mapping):
        check_structure(doc, caps=case_caps())
    if not isinstance(doc, Mapping):
        kind = {list: ("数组", "an array"), type(None): ("空值（null）", "null"), str: ("字符串", "a string"), bool: ("布尔值", "a boolean"),
                int: ("数字", "a number"), float: ("数字", "a number")}.get(type(doc), ("其他值", "another value"))
        p = Problem("", f"案件文档应为 JSON 对象，而不是{kind[0]}", f"a case document is a JSON object, not {kind[1]}")
        raise CaseValidationError([p])
    try:
        return Case.model_validate(dict(doc), context={"systems": _systems_context(doc.get("systems"))})
    except ValidationError as exc:
        raise CaseValidationError(_from_pydantic(exc)) from None
    except RecursionError:
        raise CaseValidationError([Problem("", "文档嵌套过深", "document nested too deeply")]) from None


def _too_large(n: int) -> Problem:
    return Problem(
        "",
        f"文档过大（{n} 字节，上限 {MAX_DOCUMENT_BYTES} 字节）",
        f"document too large ({n} bytes, limit {MAX_DOCUMENT_BYTES})",
    )


def _organ_problems(case: Case) -> tuple[dict[str, Organ], list[Problem]]:
    problems: list[Problem] = []
    organs = dict(DEFAULT_ORGANS)
    for i, o in enumerate(case.organs):
        if o.id in organs:
            zh = f"机关编号 {o.id} 重复（或与内置机关重复）"
            problems.append(Problem(f"organs[{i}].id", zh, f"organ id {o.id} is used twice or is built in"))
        else:
            organs[o.id] = o
    for i, o in enumerate(case.organs):
        if o.parent is not None and o.parent not in organs:
            zh = f"上级机关 {o.parent} 未定义"
            problems.append(Problem(f"organs[{i}].parent", zh, f"parent organ {o.parent} is not defined"))
    for i, o in enumerate(case.organs):  # a parent chain must end
        seen = {o.id}
        cur = organs.get(o.parent) if o.parent else None
        while cur is not None:
            if cur.id in seen:
                zh = f"机关 {o.id} 的隶属关系成环"
                problems.append(Problem(f"organs[{i}].parent", zh, f"organ {o.id} has a parent cycle"))
                break
            seen.add(cur.id)
            cur = organs.get(cur.parent) if cur.parent else None
    for field in ("supervising_organ", "supervised_organ"):
        oid = getattr(case, field)
        if oid not in organs:
            problems.append(Problem(field, f"机关 {oid} 未定义", f"organ {oid} is not defined"))
    ea = case.enforcement_action
    if ea is not None and ea.entrusted_by is not None and ea.entrusted_by not in organs:
        problems.append(Problem("enforcement_action.entrusted_by", f"委托机关 {ea.entrusted_by} 未定义", f"entrusting organ {ea.entrusted_by} is not defined"))
    if case.supervising_organ == case.supervised_organ:
        problems.append(
            Problem("supervised_organ", "监督机关与被监督机关不能是同一机关", "an organ cannot supervise itself")
        )
    return organs, problems


def _dates(case: Case) -> Iterator[tuple[str, date]]:
    s = case.supervision
    if case.enforcement_action and case.enforcement_action.acted_on:
        yield "enforcement_action.acted_on", case.enforcement_action.acted_on
    if s.started_on:
        yield "supervision.started_on", s.started_on
    for i, sit in enumerate(s.situations):
        for f in ("found_on", "confirmed_on"):
            if getattr(sit, f):
                yield f"supervision.situations[{i}].{f}", getattr(sit, f)
    for name in (
        "suggestion_letter",
        "objection",
        "review_answer",
        "rectification_report",
        "decision_letter",
        "execution_report",
    ):
        rec = getattr(s, name)
        if rec is None:
            continue
        # the model's own field values: getattr(rec, f, None) on a field the model lacks goes
        # through pydantic's __getattr__ and an AttributeError, which cost half of load_case
        fields = rec.__dict__
        for f in ("issued_on", "received_on", "filed_on", "posted_on", "answered_on", "submitted_on"):
            v = fields.get(f)
            if v is not None:
                yield f"supervision.{name}.{f}", v


def timeline_problems(case: Case, as_of: date) -> list[Problem]:
    found = Problems(as_of)
    bad, order = found.bad, found.order
    for path, d in _dates(case):
        found.not_future(path, d)
    s = case.supervision
    letter, obj, ans, rect = s.suggestion_letter, s.objection, s.review_answer, s.rectification_report
    dec, exe = s.decision_letter, s.execution_report

    def follows(name: str, rec: Any, prior: Any, zh: str, en: str) -> bool:
        """A record that presupposes an earlier one of the procedure: a problem when that one is
        missing; true when both are there (their dates can then be compared)."""
        if rec is not None and prior is None:
            bad(f"supervision.{name}", zh, en)
        return rec is not None and prior is not None

    seen: set[str] = set()
    for i, sit in enumerate(s.situations):
        sid = sit.ref
        if sid in seen:
            bad(f"supervision.situations[{i}].id", f"情形编号 {sid} 重复：同一项的多个情形须各自给出 id", f"situation id {sid} is used twice: give each situation of the same item its own id")
        seen.add(sid)
        if sit.confirmed_on and not sit.confirmed:
            bad(f"supervision.situations[{i}].confirmed_on", "未经调查属实却有属实日期", "confirmed_on given but confirmed is false")
        order(f"supervision.situations[{i}].confirmed_on", sit.found_on, sit.confirmed_on, "属实日期早于发现日期", "confirmed before found")
    if letter:
        order("supervision.suggestion_letter.received_on", letter.issued_on, letter.received_on, "建议书收到日期早于制发日期", "letter received before it was issued")
        order("supervision.suggestion_letter.issued_on", s.started_on, letter.issued_on, "建议书制发日期早于启动监督程序日期", "letter issued before the procedure started")
    for name, rec in (("objection", obj), ("rectification_report", rect)):
        follows(name, rec, letter, "没有《行政执法监督建议书》却有此记录", "there is no suggestion letter for this record")
    if obj and letter:
        order("supervision.objection.filed_on", letter.received_on if bounds(letter.received_on) else letter.issued_on, obj.filed_on, "复查申请早于收到建议书", "review applied for before the letter was received")
        order("supervision.objection.filed_on", obj.posted_on, obj.filed_on, "送达日期早于邮寄日期", "arrived before it was posted")
    if follows("review_answer", ans, obj, "没有复查申请却有复查答复", "a review answer without a review application"):
        order("supervision.review_answer.answered_on", obj.filed_on, ans.answered_on, "复查答复早于复查申请", "review answered before it was applied for")
        order("supervision.review_answer.received_on", ans.answered_on, ans.received_on, "收到复查答复早于作出答复", "answer received before it was made")
    if rect and letter:
        order("supervision.rectification_report.submitted_on", letter.received_on, rect.submitted_on, "整改情况报送早于收到建议书", "rectification reported before the letter was received")
        order("supervision.rectification_report.submitted_on", letter.issued_on, rect.submitted_on, "整改情况报送早于建议书制发", "rectification reported before the letter was issued")
        order("supervision.rectification_report.submitted_on", rect.posted_on, rect.submitted_on, "送达日期早于邮寄日期", "arrived before it was posted")
    if follows("decision_letter", dec, letter, "没有《行政执法监督建议书》却有决定书：第二十八条第一款的决定书以建议书逾期未纠正为前提", "a decision letter presupposes a suggestion letter (art. 28(1))"):
        order("supervision.decision_letter.issued_on", letter.issued_on, dec.issued_on, "决定书早于建议书", "decision letter issued before the suggestion letter")
    if dec is not None:
        order("supervision.decision_letter.received_on", dec.issued_on, dec.received_on, "决定书收到日期早于制发日期", "decision letter received before it was issued")
    if follows("execution_report", exe, dec, "没有决定书却有执行情况报告", "an execution report without a decision letter"):
        order("supervision.execution_report.submitted_on", dec.issued_on, exe.submitted_on, "执行情况报告早于决定书", "execution reported before the decision was issued")
    if exe is not None:
        order("supervision.execution_report.submitted_on", exe.posted_on, exe.submitted_on, "送达日期早于邮寄日期", "arrived before it was posted")
    return found.items


def load_case(doc: Case | Mapping[str, Any] | str | bytes, *, as_of: date | str | None = None) -> LoadedCase:
    """Validate a case document completely; raise one CaseValidationError listing every problem.

    The as-of date is, in order: the ``as_of`` argument (a date or ``YYYY-MM-DD`` text), the
    document's ``as_of``, today.
    """
    day = parse_as_of(as_of)
    case = parse_document(doc)
    when = day or case.as_of or date.today()
    organs, problems = _organ_problems(case)
    problems += timeline_problems(case, when)
    problems += measures_problems(case, organs, when)
    if problems:
        raise CaseValidationError(problems)
    return LoadedCase(case=case, as_of=when, organs=organs)
