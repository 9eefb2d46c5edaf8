"""Collecting the problems of a case document: one place for the checks every section makes."""

from __future__ import annotations

from datetime import date

from ..errors import Problem

__all__ = ["Problems"]


class Problems:
    """Problems found so far, with the checks the loader and each section share."""

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of
        self.items: list[Problem] = []

    def bad(self, path: str, zh: str, en: str) -> None:
        self.items.append(Problem(path, zh, en))

    def not_future(self, path: str, d: date | None) -> None:
        """A recorded act cannot lie after the date the case is judged at."""
        if d is not None and d > self.as_of:
            self.bad(path, f"日期 {d} 晚于判断日 {self.as_of}", f"date {d} is after the as-of date {self.as_of}")

    def order(self, path: str, earlier: date | None, later: date | None, zh: str, en: str) -> None:
        """``later`` (the field at ``path``) cannot come before ``earlier``."""
        if earlier is not None and later is not None and later < earlier:
            self.bad(path, f"{zh}（{later} 早于 {earlier}）", f"{en} ({later} is before {earlier})")
