"""Options that override one field of a case document each, for the CLI and the service.

``--day-counting working`` sets the document's ``day_counting`` and nothing else: its own
``exclude_time_in_post`` stays as the document says (a :class:`PeriodPolicy` passed to ``evaluate``
replaces both, which is what a caller of the library asks for, not what a command-line option
names). ``--time-in-post`` / ``--no-time-in-post`` set ``exclude_time_in_post`` alone.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from datetime import date
from typing import Any

from ..facts import Case, parse_document
from ..facts.case import DayCountingChoice
from ..report import Report
from .evaluate import evaluate, run

__all__ = ["add_override", "add_period_options", "evaluate_with_overrides", "with_overrides"]


def evaluate_with_overrides(
    doc: Case | Mapping[str, Any] | str | bytes,
    *,
    as_of: date | str | None = None,
    day_counting: str | None = None,
    time_in_post: bool | None = None,
    **policy_fields: Any,
) -> Report:
    """``evaluate(doc, as_of=as_of)`` with the named fields of the document replaced.

    ``policy_fields`` are :class:`~enshi_rules.PeriodPolicy` fields laid over the case's own policy
    (``calendar``, ``missing_calendar``, ``prefecture_days_off``; None leaves one as it is)."""
    case = with_overrides(doc, day_counting=day_counting, time_in_post=time_in_post)
    if any(v is not None for v in policy_fields.values()):
        return run(case, as_of=as_of, **policy_fields).report
    return evaluate(case, as_of=as_of)


def with_overrides(
    doc: Case | Mapping[str, Any] | str | bytes,
    *,
    day_counting: str | None = None,
    time_in_post: bool | None = None,
) -> Case | Mapping[str, Any] | str | bytes:
    """The document with the named fields replaced (the document itself when none is named).

    Raises :class:`~enshi_rules.errors.CaseValidationError` for a document that cannot be read.
    """
    update: dict[str, Any] = {}
    if day_counting is not None:
        update["day_counting"] = DayCountingChoice(day_counting)
    if time_in_post is not None:
        update["exclude_time_in_post"] = bool(time_in_post)
    if not update:
        return doc
    return parse_document(doc).model_copy(update=update)


def add_override(p: argparse.ArgumentParser, flag: str, *, help: str, **kwargs: Any) -> None:
    """An option that overrides one field of the case document or of its period policy. Its default
    is None, which every consumer reads as "not given: the document's own value stands"
    (``evaluate_with_overrides``, ``run``); the destination is the flag's name unless ``dest`` says."""
    p.add_argument(flag, default=None, help=help, **kwargs)


def add_period_options(p: argparse.ArgumentParser) -> None:
    """``--as-of``, ``--day-counting``, ``--time-in-post`` / ``--no-time-in-post`` (evaluate, explain, batch).

    Each overrides only the field of the case document it names."""
    add_override(p, "--as-of", metavar="YYYY-MM-DD",
                 help="判断日（覆盖文档的 as_of）/ judge obligations at this date (overrides the document's as_of)")
    add_override(
        p,
        "--day-counting",
        choices=("calendar", "working"),
        help="期间按自然日（calendar）或工作日（working）计算；只覆盖文档的 day_counting / count periods in calendar "
        "or working days; overrides the document's day_counting only",
    )
    add_override(
        p,
        "--time-in-post",
        action=argparse.BooleanOptionalAction,
        help="在途时间不计入（--no-time-in-post：计入）；只覆盖文档的 exclude_time_in_post / do not count time in the "
        "post: a document posted before expiry is on time (--no-time-in-post: count it); overrides the "
        "document's exclude_time_in_post only",
    )
