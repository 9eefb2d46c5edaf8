"""Errors as RFC 9457 problem details, the same objects from the service and the command line.

A problem object (``application/problem+json``) has the RFC's members ``type`` (a URN naming the
kind of problem: ``urn:enshi-rules:problem:invalid-case``), ``title`` (Chinese, then English),
``status`` (the HTTP status the service answers with) and ``detail`` (one line), and these of our
own:

- ``problems``: for an invalid case, every :class:`~enshi_rules.errors.Problem` with its field path
  (``path``, ``message_zh``, ``message_en``), exactly as ``CaseValidationError.problems`` has them;
- ``year`` and ``field``: for a period that needs a year without a holiday calendar.

The service adds ``decision_id`` and ``versions`` to each. Nothing here ever carries a traceback:
an unexpected error is reported by kind only.
"""

from __future__ import annotations

from typing import Any

from ..errors import CalendarDataError, CaseValidationError, EngineError, Problem

__all__ = ["KINDS", "problem", "problem_from_exception"]

#: kind -> (HTTP status, title). The title says what happened in Chinese, then in English.
KINDS: dict[str, tuple[int, str]] = {
    "invalid-case": (422, "案件文档无效 / invalid case document"),
    "invalid-request": (422, "请求参数无效 / invalid request parameter"),
    "calendar-data-missing": (422, "缺少节假日数据 / holiday calendar data missing"),
    "engine-failure": (500, "规则引擎失败 / rule engine failure"),
    "internal-error": (500, "服务内部错误 / internal error"),
    "body-too-large": (413, "请求体过大 / request body too large"),
    "unsupported-media-type": (415, "不支持的媒体类型 / unsupported media type"),
    "unauthorized": (401, "未授权 / unauthorized"),
    "not-found": (404, "未找到 / not found"),
    "method-not-allowed": (405, "不允许的方法 / method not allowed"),
    "not-acceptable": (406, "无法提供所请求的格式 / not acceptable"),
    "timeout": (503, "处理超时 / processing time limit reached"),
    "overloaded": (503, "服务繁忙 / service overloaded"),
    "bad-request": (400, "请求无效 / bad request"),
    "input-unreadable": (400, "无法读取输入 / cannot read the input"),
}

_URN = "urn:enshi-rules:problem:"


def problem(kind: str, detail: str, *, problems: list[Problem] | tuple[Problem, ...] = (), **extra: Any) -> dict[str, Any]:
    """A problem object of ``kind`` (a key of :data:`KINDS`)."""
    status, title = KINDS[kind]
    out: dict[str, Any] = {"type": _URN + kind, "title": title, "status": status, "detail": detail}
    if problems:
        out["problems"] = [{"path": p.path, "message_zh": p.message_zh, "message_en": p.message_en} for p in problems]
    out.update(extra)
    return out


def problem_from_exception(exc: BaseException) -> dict[str, Any]:
    """The problem object for an error of evaluation (never with a traceback)."""
    if isinstance(exc, CaseValidationError):
        n = len(exc.problems)
        return problem(
            "invalid-case",
            f"案件文档有 {n} 处问题 / the case document has {n} problem{'s' if n != 1 else ''}",
            problems=exc.problems,
        )
    if isinstance(exc, CalendarDataError):
        return problem("calendar-data-missing", str(exc), year=exc.year, field=exc.field)
    if isinstance(exc, EngineError):
        return problem("engine-failure", str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    return problem("internal-error", f"未预期的错误 / unexpected error ({type(exc).__name__})")
