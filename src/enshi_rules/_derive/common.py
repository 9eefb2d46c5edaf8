"""What both derivations share: a fact the case does not give (:class:`MissingFact`) and how a
property that is not known is left out of an engine fact (:func:`put`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .._law.text import parse_citation

__all__ = ["CALENDAR_FIELD", "MissingFact", "calendar_gap", "one_per_year", "put"]


@dataclass(frozen=True)
class MissingFact:
    """A fact a computation needs but the case does not give. Reported, never guessed."""

    field: str
    needed_for: str  # short citation, e.g. 第二十七条第一款
    reason: str  # Chinese, one sentence
    #: a year without holiday data: the period that needed it (its start, ISO, and its days)
    period: tuple[str, int] | None = None


#: The field of a year without holiday data (P9: strict mode, or a year no method covers).
CALENDAR_FIELD = "calendar.{year}"


def _calendar_reason(year: int, periods: list[tuple[str, int, str]]) -> str:
    if len(periods) == 1:
        start, days, _ = periods[0]
        what = f"自{start}起{days}日"
    else:
        what = "、".join(f"自{start}起{days}日（{cite}）" for start, days, cite in periods)
    return (
        f"{year}年没有节假日数据（节假日安排尚未公布或未提供），无法计算{what}的期限；请以 --calendar 提供{year}年的日历文件"
        f"（见 docs/calendar.md）。 / No holiday calendar for {year}: supply it with --calendar."
    )


def calendar_gap(year: int, start: str, days: int, needed_for: str) -> MissingFact:
    """A period of ``days`` from ``start`` that needs ``year``, which has no holiday data."""
    return MissingFact(CALENDAR_FIELD.format(year=year), needed_for, _calendar_reason(year, [(start, days, needed_for)]), (start, days))


def _cite_order(cite: str) -> tuple[int, int, int]:
    a, p, i = parse_citation(cite)
    return (a, p or 0, i or 0)


def one_per_year(missing: Iterable[MissingFact]) -> list[MissingFact]:
    """The missing facts with a year without holiday data said once: every period that needed the
    year in one fact (the periods by start, length and citation; ``needed_for`` every citation, in
    the order of the measures), at the place of the year's first fact; the others as they are, in
    their order."""
    out: list[MissingFact | int] = []
    years: dict[str, list[tuple[str, int, str]]] = {}
    for m in missing:
        if m.period is None:
            out.append(m)
            continue
        if m.field not in years:
            years[m.field] = []
            out.append(len(years) - 1)
        years[m.field].append((*m.period, m.needed_for))
    merged = []
    for field, periods in years.items():
        periods = sorted(set(periods))
        cites = sorted({cite for _, _, cite in periods}, key=_cite_order)
        year = int(field.rpartition(".")[2])
        merged.append(MissingFact(field, "、".join(cites), _calendar_reason(year, periods)))
    return list(dict.fromkeys(merged[x] if isinstance(x, int) else x for x in out))


def put(fact: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Set properties, leaving out the ones that are None (absent is how rules test for 'not done')."""
    for k, v in values.items():
        if v is not None:
            fact[k] = v
    return fact
