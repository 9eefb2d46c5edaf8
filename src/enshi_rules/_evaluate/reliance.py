"""What a finding relied on: the interpretations of the register, and how its period was counted.

Two things every explanation and every finding need, computed in one place:

* :func:`period_trace` walks a period the way :mod:`enshi_rules._periods.counting` counts it (through its
  public functions only, so a change of calendar there changes the explanation here): the start
  day (not counted), the raw last day, each day the last day rolled over and why (星期六/星期日,
  法定节假日, 调休放假), and the 调休上班日 that stopped it;
* :func:`interpretations_for` names the register entries (``data/interpretations.yaml``) a finding
  relied on: those whose ``rules`` match the rule, except the day-counting entries (P1-P9), which
  are named only when the finding's own period used them (P4 only when the last day rolled, P5 only
  when an adjusted working weekend day was the last day or was counted, P7 only when time in the
  post was excluded).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar

from .._periods import counting as _periods
from .._periods.counting import BOUND_ZH, DayCounting, PeriodPolicy

__all__ = ["DayNote", "PeriodTrace", "day_reason", "interpretations_for", "period_trace"]

_WEEKDAY_ZH = "一二三四五六日"

#: chinesecalendar's holiday names in Chinese.
_HOLIDAY_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def weekday_zh(d: date) -> str:
    return "星期" + _WEEKDAY_ZH[d.weekday()]


def day_reason(d: date, policy: PeriodPolicy = _periods.DEFAULT_POLICY) -> str:
    """Why ``d`` is or is not a working day, in Chinese (the working/not decision is ``_periods``')."""
    working = _periods.is_working_day(d, policy=policy)
    info = policy.resolved_calendar().day(d)
    if info is not None and info.prefecture is not None and d in info.prefecture.days_off:
        return f"{weekday_zh(d)}，州庆放假（{info.prefecture.source}）"
    if info is not None and info.national.basis != "package":
        # a calendar file or a provisional year: its own names, not chinesecalendar's
        names = dict(info.national.names)
        bound = policy.resolved_calendar().bound if info.national.basis == "provisional" else None
        # [P10] a day of a bound is named by its bound: it is not the provisional method's day
        tag = f"（{BOUND_ZH[bound]}）" if bound else "（暂定）" if info.national.provisional else ""
        if working:
            if d.weekday() >= 5:
                return f"{weekday_zh(d)}，调休上班日" + (tag if bound else "")
            return f"{weekday_zh(d)}，工作日"
        label = names.get(d) or ("放假" if d.weekday() < 5 else "")
        return f"{weekday_zh(d)}，{label}{tag}" if label else weekday_zh(d)
    try:
        _, name = chinese_calendar.get_holiday_detail(d)
        in_lieu = chinese_calendar.is_in_lieu(d)
    except NotImplementedError:  # pragma: no cover - _periods raised first for a year without data
        name, in_lieu = None, False
    festival = _HOLIDAY_ZH.get(name or "", name or "")
    weekend = d.weekday() >= 5
    if working:
        if weekend:
            return f"{weekday_zh(d)}，调休上班日" + (f"（{festival}调休）" if festival else "")
        return f"{weekday_zh(d)}，工作日"
    if in_lieu:
        return f"{weekday_zh(d)}，调休放假" + (f"（{festival}）" if festival else "")
    if festival:
        return f"{weekday_zh(d)}，法定节假日（{festival}）"
    if weekend:
        return weekday_zh(d)
    return f"{weekday_zh(d)}，非工作日"  # pragma: no cover - a weekday off that is neither


@dataclass(frozen=True)
class DayNote:
    on: date
    reason: str


@dataclass(frozen=True)
class PeriodTrace:
    """How one period was counted."""

    start: date
    days: int
    counting: DayCounting
    raw_last_day: date  # calendar: start + days; working: the due date itself
    rolled_over: tuple[DayNote, ...]  # calendar: each day the last day moved past; working: days skipped
    stopped_by: DayNote | None  # the adjusted working weekend day (调休上班日) the count ended or stopped on
    adjusted_counted: tuple[DayNote, ...]  # working: adjusted working weekend days counted as working days
    due: date

    @property
    def rolled(self) -> bool:
        return self.counting is DayCounting.CALENDAR and self.due != self.raw_last_day


def period_trace(start: date, days: int, policy: PeriodPolicy) -> PeriodTrace:
    """The counting of ``days`` days from ``start`` under ``policy``, as ``_periods.due_date`` does it.

    Kept with the policy's calendar, like the period itself (``Calendar.periods``): the same period on
    the same calendar is always counted the same way."""
    cal = policy.resolved_calendar()
    key = ("trace", start, days, policy.counting)
    done = cal.periods.get(key)
    if done is None:
        done = cal.remember(key, _trace(start, days, policy))
    return done  # type: ignore[no-any-return]


def _trace(start: date, days: int, policy: PeriodPolicy) -> PeriodTrace:
    due = _periods.due_date(start, days, policy)
    if policy.counting is DayCounting.WORKING:
        skipped, adjusted = [], []
        d = start
        while d < due:
            d += timedelta(days=1)
            if not _periods.is_working_day(d, policy=policy):
                skipped.append(DayNote(d, day_reason(d, policy)))
            elif d.weekday() >= 5:
                adjusted.append(DayNote(d, day_reason(d, policy)))
        stop = adjusted[-1] if adjusted and adjusted[-1].on == due else None
        return PeriodTrace(start, days, policy.counting, due, tuple(skipped), stop, tuple(adjusted), due)
    raw = start + timedelta(days=days)
    rolled = []
    d = raw
    while not _periods.is_working_day(d, policy=policy):
        rolled.append(DayNote(d, day_reason(d, policy)))
        d += timedelta(days=1)
    if d != due:  # pragma: no cover - the walk must agree with _periods
        raise AssertionError(f"period trace {d} disagrees with _periods.due_date {due}")
    stop = DayNote(d, day_reason(d, policy)) if d.weekday() >= 5 else None
    return PeriodTrace(start, days, policy.counting, raw, tuple(rolled), stop, (), due)


#: interpretations_for without a period, by (rule id, the outcome's extra ids): a few hundred at most
_WITHOUT_PERIOD: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}


@functools.cache
def _static(rule_id: str) -> tuple[str, ...]:
    from .._law.register import load_register  # noqa: PLC0415 - the register is read once, on first use

    return tuple(
        c.id for g in load_register().groups for c in g.choices if not _is_period(c.id) and c.matches(rule_id)
    )


def _is_period(cid: str) -> bool:
    # Z1 (州庆) is a period choice too: relied on only when a 州庆 day or window was met
    return (cid[:1] == "P" and cid[1:].isdigit()) or cid == "Z1"


def interpretations_for(
    rule_id: str,
    trace: PeriodTrace | None = None,
    policy: PeriodPolicy | None = None,
    *,
    extra: tuple[str, ...] = (),
    end: _periods.PeriodEnd | None = None,
) -> tuple[str, ...]:
    """The register ids a finding of ``rule_id`` relied on (register order; period ids first)."""
    if trace is None:  # the rule's own entries and the outcome's: the same every time
        done = _WITHOUT_PERIOD.get((rule_id, extra))
        if done is None:
            done = _WITHOUT_PERIOD[(rule_id, extra)] = tuple(dict.fromkeys((*_static(rule_id), *extra)))
        return done
    out: list[str] = []
    if trace is not None:
        out.append("P6" if trace.counting is DayCounting.WORKING else "P1")
        out += ["P2", "P3"]
        if trace.rolled:
            out.append("P4")
        if trace.stopped_by is not None or trace.adjusted_counted:
            out.append("P5")
        if policy is not None and policy.exclude_time_in_post:
            out.append("P7")
        if end is not None and any(u.basis != "package" for u in end.uses):
            out.append("P9")  # a provisional year or a calendar file
        out.sort(key=lambda x: int(x[1:]))
        notes = (*trace.rolled_over, *((trace.stopped_by,) if trace.stopped_by else ()))
        if any("州庆" in n.reason for n in notes) or (end is not None and any("州庆" in (u.reason or "") for u in end.uses)):
            out.append("Z1")
    out += [x for x in _static(rule_id) if x not in out]
    out += [x for x in extra if x not in out]
    return tuple(out)
