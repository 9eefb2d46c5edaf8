"""Options that override one field of a case document each, for the CLI and the service.

``--day-counting working`` sets the document's ``day_counting`` and nothing else: its own
``exclude_time_in_post`` stays as the document says (a :class:`PeriodPolicy` passed to ``evaluate``
replaces both, which is what a caller of the library asks for, not what a command-line option
names). ``--time-in-post`` / ``--no-time-in-post`` set ``exclude_time_in_post`` alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ._evaluate import evaluate
from .facts import Case, _parse
from .facts.case import DayCountingChoice
from .report import Report

__all__ = ["evaluate_with_overrides"]


def evaluate_with_overrides(
    doc: Case | Mapping[str, Any] | str | bytes,
    *,
    as_of: date | str | None = None,
    day_counting: str | None = None,
    time_in_post: bool | None = None,
) -> Report:
    """``evaluate(doc, as_of=as_of)`` with the named fields of the document replaced."""
    update: dict[str, Any] = {}
    if day_counting is not None:
        update["day_counting"] = DayCountingChoice(day_counting)
    if time_in_post is not None:
        update["exclude_time_in_post"] = bool(time_in_post)
    if not update:
        return evaluate(doc, as_of=as_of)
    case = _parse(doc)  # CaseValidationError for a document that cannot be read
    return evaluate(case.model_copy(update=update), as_of=as_of)
