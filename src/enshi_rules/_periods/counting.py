"""Counting legal periods (期间) for the Enshi measures: every interpretive choice, with its source.

《恩施土家族苗族自治州行政执法监督办法》 sets periods of 十日、十五日、三十日 (and similar) but does
not say how they are counted. This module fills that gap. Each numbered point below is one choice a
lawyer can disagree with; the code that implements it is marked with the same number (``[P1]`` ...).
``docs/interpretations.md`` carries the same list in Chinese.

[P1] Calendar days by default (``DayCounting.CALENDAR``).
     Source: 民法典 第二百条 (期间按照公历年、月、日、小时计算) and 第二百零四条 (these rules apply
     unless a law provides otherwise); nothing in the Enshi measures provides otherwise. Counting in
     working days is an exception that a law has to state (e.g. 行政许可法 第八十二条; 行政强制法
     第六十九条 for its own periods of ten days or less), so it is not the default here.

[P2] The start day (the day of receipt, of service, of the act that starts the period) is not counted;
     counting starts on the next day. Source: 民法典 第二百零一条; 民事诉讼法 第八十五条 第二款.
     Effect: ``due_date(start, n)`` looks at ``start + n`` days, never ``start + n - 1``.

[P3] The last day is included and ends at 24:00, so an act done on the due date is on time and an act
     done the next day is one day late. Source: 民法典 第二百零三条 第二款; 民法典 第一千二百五十九条
     ("以内""届满" include the number itself). Effect: callers compare ``done_on <= due``;
     ``days_between(due, done_on)`` is the number of days late. Business hours (有业务时间的, 停止业务
     活动的时间为截止时间) are not modelled: the library works in whole days.

[P4] A last day that is not a working day moves to the first working day after it (the period is
     "rolled forward"). Source: 民法典 第二百零三条 第一款 (法定休假日); 民事诉讼法 第八十五条 第三款.
     We read 法定休假日 as covering both statutory holidays (《全国年节及纪念日放假办法》) and the
     weekly rest days (《国务院关于职工工作时间的规定》 第七条: 星期六和星期日为周休息日), including the
     days the State Council's annual notice moves off work (调休放假). The roll is minimal: the result
     is the *first* working day on or after the raw last day, never a later one.

[P5] OUR ASSUMPTION: a weekend day that the State Council's annual notice makes a working day
     (调休上班日, e.g. Sunday 2025-09-28) is a working day, so a period whose raw last day falls on it
     ends on it and is not rolled. Nothing authoritative and in force was found either way. Supporting
     but no longer in force: 最高人民法院《关于贯彻执行〈中华人民共和国民法通则〉若干问题的意见（试行）》
     第198条 第二款 ("星期日或者其他法定休假日有变通的，以实际休假日的次日为期间的最后一天"), which was
     abolished when the 民法典 took effect (2021-01-01). A court could read 第二百零三条 literally
     (a Sunday is a rest day whatever the notice says) and roll such a day; that would move a due date
     later, never earlier.

[P6] A working-days policy is selectable (``DayCounting.WORKING``): the period ends on the n-th working
     day strictly after the start day. Use it only where a law or a local rule says 工作日. It does not
     apply to periods counted in months (see [P8]).

[P7] "Time in the post is not counted" (在途时间不计入) is selectable (``exclude_time_in_post``): with it,
     a document posted before the period expires counts as done on its posting date. Source: 民事诉讼法
     第八十五条 第四款, borrowed by 行政诉讼法 第一百零一条 for litigation; the Enshi measures are silent,
     so it is off by default and an act counts on the day it reaches its addressee.

[P8] Periods in months (按月计算) end on the corresponding day of the month (到期月的对应日), or on the
     last day of that month when there is no corresponding day (2025-01-31 + 1 month = 2025-02-28), and
     are then rolled forward as in [P4]. Source: 民法典 第二百零二条, 第二百零三条. ``DayCounting.WORKING``
     has no meaning for months and is ignored there: both policies roll the same way.

[P9] Which calendar a day is judged by, and what happens when its year has no published arrangement
     (``enshi_rules._periods.calendar``, ``docs/calendar.md``). A user calendar file that gives the year comes
     first; then ``chinesecalendar`` (2004 to the last year whose State Council notice it ships). A
     later year, whose notice (published around November of the year before) is not out yet, is
     computed from 《全国年节及纪念日放假办法》 (2024 revision, 第二条 holidays, weekends, 补假 for a
     holiday on a weekend, no adjusted working days), and every due date that inspected a day of such a
     year is *provisional* (``PeriodEnd.provisional``): it may move when the notice is published. With
     ``missing_calendar="strict"`` no year is computed: the period gets no due date and the evaluation
     names the year as a missing fact. A year no method covers (before 2004; after 2099) is missing in
     both modes. Only the days a computation actually inspects need data.

[Z1] 州庆, the prefecture's founding day (8月19日), gives two days off in the prefecture, announced each
     year (《全国年节及纪念日放假办法》 第四条; 《恩施土家族苗族自治州自治条例》). We read them as
     法定休假日 of 民法典 第二百零三条 for matters in the prefecture, so a period ending on one rolls over
     (``PeriodPolicy(prefecture_days_off=False)`` switches this off). A year whose notice is not in the
     data is never guessed: a due date for which a day of 8月17日-23日 of that year was inspected is
     provisional, and says why.

[P10] A provisional due date is a guess; a finding resting on it is judged twice more, with the unpublished
     year at its bounds (``_periods.calendar.bounding_year``): early (the fewest days off its arrangement
     could give: statutory holidays only, every weekend day within ``ADJUSTMENT_WINDOW`` days of one
     worked, no 州庆) and late (the most: every working day within that window off, every working day of
     8月17日-23日 off without a 州庆 notice). A due date only moves later as days off are added ([P4]), so
     a finding given alike under all three holds whatever the arrangement; one that is not is only
     possible (``_evaluate.evaluate._with_bounds``). The window (10 days) is measured from chinesecalendar's
     2004-2026 arrangements: the largest distance from an adjusted day to the nearest statutory holiday.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from enshi_rules._periods import calendar as _calendar
from enshi_rules._periods.calendar import (
    FIRST_CALENDAR_YEAR,
    Calendar,
    CalendarSource,
    YearCalendar,
)
from enshi_rules.errors import CalendarDataError

__all__ = [
    "DEFAULT_POLICY",
    "FIRST_CALENDAR_YEAR",
    "MISSING_CALENDAR_MODES",
    "DayCounting",
    "PeriodEnd",
    "PeriodPolicy",
    "YearUse",
    "days_between",
    "due_date",
    "due_date_months",
    "effective_act_date",
    "period_end",
    "is_working_day",
    "roll_forward",
]

#: [P9] what to do for a year without a published arrangement: compute it, or name it as missing.
MISSING_CALENDAR_MODES = ("provisional", "strict")

_ONE_DAY = timedelta(days=1)


class DayCounting(enum.StrEnum):
    """How a period given in days is counted."""

    #: [P1] calendar days, the last day rolled forward to a working day ([P4]).
    CALENDAR = "calendar"
    #: [P6] the n-th working day strictly after the start day.
    WORKING = "working"


@dataclass(frozen=True)
class PeriodPolicy:
    """The switchable parts of period counting.

    ``counting``: [P1] / [P6]. ``exclude_time_in_post``: [P7] (在途时间不计入). A plain string
    (``"working"``) is accepted for ``counting`` and converted, so a policy can come from YAML/JSON.
    ``calendar``: calendar files (paths) or documents (mappings) that add or replace years
    (``docs/calendar.md``), after those of ``ENSHI_RULES_CALENDAR``. ``missing_calendar``: [P9]
    ``"provisional"`` (default) or ``"strict"``. ``prefecture_days_off``: [Z1] 州庆 rolls periods over.
    """

    counting: DayCounting = DayCounting.CALENDAR
    exclude_time_in_post: bool = False
    calendar: tuple[CalendarSource, ...] = ()
    missing_calendar: str = "provisional"
    prefecture_days_off: bool = True

    def __post_init__(self) -> None:
        cal = self.calendar
        if isinstance(cal, (str, os.PathLike, Mapping)):
            cal = (cal,)
        if not isinstance(cal, (tuple, list)) or not all(isinstance(c, (str, os.PathLike, Mapping)) for c in cal):
            raise TypeError("calendar must be a path, a mapping, or a sequence of them")
        object.__setattr__(self, "calendar", tuple(cal))
        if self.missing_calendar not in MISSING_CALENDAR_MODES:
            raise ValueError(
                f"未知的缺少日历处理方式 {self.missing_calendar!r} / unknown missing_calendar "
                f"{self.missing_calendar!r}; expected 'provisional' or 'strict'"
            )
        if not isinstance(self.prefecture_days_off, bool):
            raise TypeError(f"prefecture_days_off must be a bool, not {type(self.prefecture_days_off).__name__}")
        if not isinstance(self.counting, DayCounting):
            try:
                object.__setattr__(self, "counting", DayCounting(self.counting))
            except ValueError:
                allowed = ", ".join(repr(m.value) for m in DayCounting)
                raise ValueError(
                    f"unknown day counting {self.counting!r}; expected one of {allowed}"
                ) from None
        if not isinstance(self.exclude_time_in_post, bool):
            raise TypeError(
                f"exclude_time_in_post must be a bool, not {type(self.exclude_time_in_post).__name__}"
            )

    def describe_zh(self) -> str:
        """One line in Chinese saying how periods are counted, for reports."""
        if self.counting is DayCounting.WORKING:
            counting = "期间按工作日计算，开始当日不计入，自次日起数工作日"
        else:
            counting = (
                "期间按自然日计算，开始当日不计入；最后一日为休息日或法定节假日的，"
                "顺延至其后第一个工作日（调休上班日视为工作日）"
            )
        months = "按月计算的，以到期月对应日为最后一日（无对应日的为月末日），同样顺延"
        if self.exclude_time_in_post:
            post = "在途时间不计入（期满前交邮的不算逾期）"
        else:
            post = "在途时间计入（以实际完成之日为准）"
        if self.missing_calendar == "strict":
            missing = "尚未公布节假日安排的年份不推算，涉及该年的期限不计算"
        else:
            missing = "尚未公布节假日安排的年份按《全国年节及纪念日放假办法》推算，相关到期日为暂定"
        zq = "州庆放假日视为法定休假日" if self.prefecture_days_off else "州庆放假日不顺延"
        return f"{counting}；{months}；{post}；{missing}；{zq}。"

    def __hash__(self) -> int:
        return hash((self.counting, self.exclude_time_in_post, tuple(_calendar.freeze(c) for c in self.calendar), self.missing_calendar, self.prefecture_days_off))

    def resolved_calendar(self) -> Calendar:
        """The calendar this policy counts with: ``ENSHI_RULES_CALENDAR``'s files, then ``calendar``.

        Raises :class:`~enshi_rules.errors.CalendarFileError` for a bad file. Without any file the
        result is memoised (the common case costs one dictionary look-up); with files, a changed file
        is read again.
        """
        env = os.environ.get(_calendar.ENV_VAR, "")
        plain = not env.strip() and not self.calendar
        key = (self.missing_calendar, self.prefecture_days_off, self._bound())
        if plain and key in _PLAIN_CALENDARS:
            return _PLAIN_CALENDARS[key]
        cal = _calendar.calendar_for(
            _calendar.all_sources(self.calendar),
            strict=self.missing_calendar == "strict",
            prefecture=self.prefecture_days_off,
            bound=self._bound(),
        )
        if plain:
            _PLAIN_CALENDARS[key] = cal
        return cal


    def _bound(self) -> str | None:
        return None


@dataclass(frozen=True, eq=True)
class BoundPolicy(PeriodPolicy):
    """A policy that counts a year without a published arrangement at one of its bounds ([P10]):
    ``early`` (the fewest days off the arrangement could give) or ``late`` (the most). Used by the
    evaluation only, beside the policy it was made from (:func:`bound_policy`); not public."""

    bound: str = "early"

    def __hash__(self) -> int:
        return hash((super().__hash__(), self.bound))

    def _bound(self) -> str | None:
        return self.bound


def bound_policy(policy: PeriodPolicy, bound: str) -> BoundPolicy:
    """``policy`` with its unpublished years taken at ``bound`` ([P10])."""
    return BoundPolicy(
        counting=policy.counting,
        exclude_time_in_post=policy.exclude_time_in_post,
        calendar=policy.calendar,
        missing_calendar=policy.missing_calendar,
        prefecture_days_off=policy.prefecture_days_off,
        bound=bound,
    )


#: The calendars of policies without any calendar file, by (missing_calendar, prefecture_days_off, bound).
_PLAIN_CALENDARS: dict[tuple[str, bool, str | None], Calendar] = {}

DEFAULT_POLICY = PeriodPolicy()


def _as_date(d: date, what: str) -> date:
    """A ``date`` (a ``datetime`` is cut to its day); anything else is a TypeError."""
    if isinstance(d, datetime):
        return d.date()
    if not isinstance(d, date):
        raise TypeError(f"{what} must be a datetime.date, not {type(d).__name__}")
    return d


@dataclass(frozen=True)
class YearUse:
    """The calendar one year was judged by, as a report names it ([P9], [Z1])."""

    year: int
    #: ``package``, ``file``, ``provisional``
    basis: str
    #: the package and version, or the file and notice, or the method; with the 州庆 notice if any
    source: str
    provisional: bool
    #: why provisional, in Chinese (None when not)
    reason: str | None = None

    def label(self) -> str:
        """``2026年：chinesecalendar 1.11.0``, ``2027年：暂定（…推算）``."""
        if self.basis == "provisional":
            return f"{self.year}年：暂定（{self.reason}）"
        text = f"{self.year}年：{self.source}"
        return f"{text}（暂定：{self.reason}）" if self.provisional else text


@dataclass(frozen=True)
class PeriodEnd:
    """The last day of a period, and the calendars it depended on.

    ``due`` is None when a year the computation needed has no calendar (strict mode, or a year no
    method covers); ``missing_year`` then names it.
    """

    due: date | None
    uses: tuple[YearUse, ...] = ()
    missing_year: int | None = None

    @property
    def provisional(self) -> bool:
        return any(u.provisional for u in self.uses)

    @property
    def basis(self) -> str | None:
        """The years the period touched and the basis of each, in Chinese; None when none was used."""
        return "；".join(u.label() for u in self.uses) or None


def provisional_reason(year: int) -> str:
    return f"{year}年节假日安排尚未公布，按《全国年节及纪念日放假办法》推算"


def prefecture_reason(year: int) -> str:
    return f"{year}年州庆放假通知未收录，8月17日至23日之间的到期日可能因州庆顺延"


#: [P10] How a report names the calendar of a bound: which of the three calendars of an unpublished
#: year (provisional, fewest days off, most days off) a date was computed with.
BOUND_ZH = {"early": "放假日最少的情形", "late": "放假日最多的情形"}


def bound_reason(year: int, bound: str) -> str:
    """Why a date of ``year`` computed at ``bound`` ([P10]) is provisional, naming the bound."""
    return f"{year}年节假日安排尚未公布，按{BOUND_ZH[bound]}推算"


def bound_prefecture_reason(year: int, bound: str) -> str:
    how = "州庆不放假" if bound == "early" else "8月17日至23日的工作日均为州庆放假日"
    return f"{year}年州庆放假通知未收录，按{how}的情形推算"


class _Walk:
    """Answers "is this a working day" for one computation and records every year it asked about."""

    def __init__(self, cal: Calendar, field: str | None) -> None:
        self.cal = cal
        self.field = field
        self.national: dict[int, YearCalendar] = {}
        self.prefecture: dict[int, YearCalendar] = {}
        self.unknown_prefecture: set[int] = set()

    def working(self, d: date) -> bool:
        info = self.cal.day(d)
        if info is None:
            raise CalendarDataError(d.year, field=self.field)
        self.national[d.year] = info.national
        if info.prefecture is not None:
            self.prefecture[d.year] = info.prefecture
        if info.prefecture_unknown:
            self.unknown_prefecture.add(d.year)
        return info.working

    def uses(self) -> tuple[YearUse, ...]:
        out = []
        for year in sorted(self.national):
            nat = self.national[year]
            source = nat.source
            if year in self.prefecture:
                source += f"；州庆：{self.prefecture[year].source}"
            reasons = []
            bound = self.cal.bound
            if nat.provisional:
                # [P10] a date computed at a bound says so: it is not the provisional method's date
                reasons.append(bound_reason(year, bound) if bound and nat.basis == "provisional" else provisional_reason(year))
            if year in self.unknown_prefecture:
                reasons.append(bound_prefecture_reason(year, bound) if bound else prefecture_reason(year))
            basis = "file" if nat.basis == "builtin" else nat.basis
            out.append(YearUse(year, basis, source, bool(reasons), "；".join(reasons) or None))
        return tuple(out)


def _calendar_of(policy: PeriodPolicy) -> Calendar:
    return policy.resolved_calendar()


def is_working_day(d: date, *, field: str | None = None, policy: PeriodPolicy = DEFAULT_POLICY) -> bool:
    """Whether ``d`` is a working day in the prefecture ([P4], [P5], [P9], [Z1]).

    Weekends and statutory holidays (including 调休放假 days and 州庆) are not working days; a weekend
    day the State Council made a working day (调休上班日) is one. A year without a published
    arrangement is computed ([P9]) unless the policy is strict; ``CalendarDataError`` (naming
    ``field``) when the year has no calendar.
    """
    d = _as_date(d, "date")
    return _Walk(_calendar_of(policy), field).working(d)


def _roll(d: date, walk: _Walk) -> date:
    while not walk.working(d):
        d += _ONE_DAY
    return d


def roll_forward(d: date, *, field: str | None = None, policy: PeriodPolicy = DEFAULT_POLICY) -> date:
    """The first working day on or after ``d`` ([P4]); ``d`` itself when it is a working day.

    Not ``chinese_calendar.find_workday(1, d)``: that counts one working day on from the first working
    day on or after ``d``, so for a holiday ``d`` it lands one working day too late
    (2025-10-04 -> 2025-10-10 instead of 2025-10-09).
    """
    d = _as_date(d, "date")
    try:
        return _roll(d, _Walk(_calendar_of(policy), field))
    except OverflowError:
        raise CalendarDataError(date.max.year, field=field) from None


def _check_count(n: int, what: str) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{what} must be an int, not {type(n).__name__}")
    if n < 1:
        raise ValueError(f"{what} must be at least 1, got {n}")


def period_end(
    start: date,
    days: int | None = None,
    policy: PeriodPolicy = DEFAULT_POLICY,
    *,
    months: int | None = None,
    field: str | None = None,
    calendar: Calendar | None = None,
) -> PeriodEnd:
    """The last day of a period of ``days`` days (or ``months`` months) from ``start``, with its basis.

    Never raises for a missing year: ``PeriodEnd.due`` is then None and ``missing_year`` names it.
    ``calendar`` (a resolved :class:`Calendar`) saves resolving the policy's files on every call.
    """
    start = _as_date(start, "start")
    if (days is None) == (months is None):
        raise TypeError("give days or months")
    _check_count(days if days is not None else months, "days" if days is not None else "months")  # type: ignore[arg-type]
    cal = calendar if calendar is not None else _calendar_of(policy)
    # the same period on the same calendar always ends on the same day, whatever the field or case
    key = ("end", start, days, months, policy.counting if months is None else None)
    done = cal.periods.get(key)
    if done is not None:
        return done  # type: ignore[no-any-return]
    return cal.remember(key, _period_end(start, days, months, policy, _Walk(cal, field)))  # type: ignore[no-any-return]


def _period_end(start: date, days: int | None, months: int | None, policy: PeriodPolicy, walk: _Walk) -> PeriodEnd:
    try:
        if months is not None:
            # [P8] both counting policies roll the same way for months
            due = _roll(start + relativedelta(months=months), walk)
        elif policy.counting is DayCounting.WORKING:
            d = start
            remaining = days
            while remaining:
                d += _ONE_DAY
                if walk.working(d):
                    remaining -= 1
            due = d
        else:
            due = _roll(start + timedelta(days=days), walk)  # type: ignore[arg-type]
    except CalendarDataError as exc:
        return PeriodEnd(None, walk.uses(), exc.year)
    except OverflowError:
        return PeriodEnd(None, walk.uses(), date.max.year)
    return PeriodEnd(due, walk.uses())


def due_date(
    start: date,
    days: int,
    policy: PeriodPolicy = DEFAULT_POLICY,
    *,
    field: str | None = None,
) -> date:
    """The last day of a period of ``days`` days that starts on ``start`` (e.g. the day of receipt).

    ``start`` itself is not counted ([P2]). CALENDAR ([P1], [P4], [P5]): ``start + days``, rolled
    forward to the first working day on or after it. WORKING ([P6]): the ``days``-th working day
    strictly after ``start``. An act done on the returned day is on time ([P3]).

    ``days`` must be >= 1 (ValueError). ``CalendarDataError`` names ``field`` (the case field the
    start date came from) when a day the computation needs has no calendar ([P9]): in strict mode, or
    for a year no method covers. :func:`period_end` says the same without raising, with the basis.
    """
    end = period_end(start, days, policy, field=field)
    if end.due is None:
        raise CalendarDataError(end.missing_year or 0, field=field)
    return end.due


def due_date_months(
    start: date,
    months: int,
    policy: PeriodPolicy = DEFAULT_POLICY,
    *,
    field: str | None = None,
) -> date:
    """The last day of a period of ``months`` months that starts on ``start`` ([P8]).

    The corresponding day of the month ``months`` later, or that month's last day when it has no
    corresponding day (民法典 第二百零二条), then rolled forward to a working day ([P4]). The counting
    policy does not change the result: a working-days count has no meaning for months, so WORKING rolls
    exactly like CALENDAR. ``months`` must be >= 1 (ValueError).
    """
    end = period_end(start, None, policy, months=months, field=field)
    if end.due is None:
        raise CalendarDataError(end.missing_year or 0, field=field)
    return end.due


def effective_act_date(
    done_on: date | None,
    posted_on: date | None,
    policy: PeriodPolicy = DEFAULT_POLICY,
) -> date | None:
    """The date an act (a report, a reply, an application) counts as done ([P7]).

    With ``policy.exclude_time_in_post`` and a ``posted_on`` date: the earlier of ``posted_on`` and
    ``done_on`` (``posted_on`` alone when ``done_on`` is unknown). Otherwise ``done_on`` (``None`` when
    the act has not been done).
    """
    if policy.exclude_time_in_post and posted_on is not None:
        posted_on = _as_date(posted_on, "posted_on")
        if done_on is None:
            return posted_on
        return min(posted_on, _as_date(done_on, "done_on"))
    return None if done_on is None else _as_date(done_on, "done_on")


def days_between(a: date, b: date) -> int:
    """``b - a`` in days (negative when ``b`` is before ``a``); ``days_between(due, done)`` is days late."""
    return (_as_date(b, "b") - _as_date(a, "a")).days
