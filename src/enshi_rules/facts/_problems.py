"""Collecting the problems of a case document: one place for the checks every section makes."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import Problem
from ._types import bounds

__all__ = ["Problems"]


class Problems:
    """Problems found so far, with the checks the loader and each section share."""

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of
        self.items: list[Problem] = []

    def bad(self, path: str, zh: str, en: str) -> None:
        self.items.append(Problem(path, zh, en))

    def not_future(self, path: str, d: Any) -> None:
        """A recorded act cannot lie after the date the case is judged at (a month or a year: not
        wholly after it; an act without a date: nothing to check)."""
        b = bounds(d)
        if b is not None and b[0] > self.as_of:
            self.bad(path, f"日期 {d} 晚于判断日 {self.as_of}", f"date {d} is after the as-of date {self.as_of}")

    def order(self, path: str, earlier: Any, later: Any, zh: str, en: str) -> None:
        """``later`` (the field at ``path``) cannot come before ``earlier``: an error only when it
        is before it for every day the two dates may be (a month, a year: an interval)."""
        a, b = bounds(earlier), bounds(later)
        if a is not None and b is not None and b[1] < a[0]:
            self.bad(path, f"{zh}（{later} 早于 {earlier}）", f"{en} ({later} is before {earlier})")
