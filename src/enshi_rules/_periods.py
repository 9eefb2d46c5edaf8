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

[P9] A date in a year with no published holiday calendar raises ``CalendarDataError``; it never falls
     back to "weekends only". Data comes from ``chinesecalendar`` (covering 2004 to the last year whose
     State Council notice it ships; the notice is published around November of the year before).
     Years before 2004 are rejected the same way. Only the days a computation actually inspects need
     data: a start day in 2003 with a last day in 2004 works.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import chinese_calendar
from dateutil.relativedelta import relativedelta

from enshi_rules.errors import CalendarDataError

__all__ = [
    "DEFAULT_POLICY",
    "FIRST_CALENDAR_YEAR",
    "DayCounting",
    "PeriodPolicy",
    "days_between",
    "due_date",
    "due_date_months",
    "effective_act_date",
    "is_working_day",
    "roll_forward",
]

#: The first year chinesecalendar has data for; earlier years raise CalendarDataError ([P9]).
FIRST_CALENDAR_YEAR = 2004

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
    """

    counting: DayCounting = DayCounting.CALENDAR
    exclude_time_in_post: bool = False

    def __post_init__(self) -> None:
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
        return f"{counting}；{months}；{post}。"


DEFAULT_POLICY = PeriodPolicy()


def _as_date(d: date, what: str) -> date:
    """A ``date`` (a ``datetime`` is cut to its day); anything else is a TypeError."""
    if isinstance(d, datetime):
        return d.date()
    if not isinstance(d, date):
        raise TypeError(f"{what} must be a datetime.date, not {type(d).__name__}")
    return d


@functools.lru_cache(maxsize=16384)
def _is_working_day_cached(d: date) -> bool:
    # [P9] no silent fallback for years without data.
    if d.year < FIRST_CALENDAR_YEAR:
        raise CalendarDataError(d.year)
    try:
        # [P4]/[P5] chinese_calendar.is_workday: True on Monday-Friday unless a statutory holiday or a
        # 调休放假 day, and True on a 调休上班 weekend day.
        return bool(chinese_calendar.is_workday(d))
    except NotImplementedError:
        raise CalendarDataError(d.year) from None


def _with_field(exc: CalendarDataError, field: str | None) -> CalendarDataError:
    """The same error, naming ``field`` if it did not already name one."""
    if field is None or exc.field is not None:
        return exc
    return CalendarDataError(exc.year, field=field)


def is_working_day(d: date, *, field: str | None = None) -> bool:
    """Whether ``d`` is a working day in mainland China ([P4], [P5]).

    Weekends and statutory holidays (including 调休放假 days) are not working days; a weekend day the
    State Council made a working day (调休上班日) is one. Raises ``CalendarDataError`` for a year
    before 2004 or a year chinesecalendar has no data for; ``field`` is named in that error.
    """
    d = _as_date(d, "date")
    try:
        return _is_working_day_cached(d)
    except CalendarDataError as exc:
        new = _with_field(exc, field)
        if new is exc:
            raise
        raise new from exc


def roll_forward(d: date, *, field: str | None = None) -> date:
    """The first working day on or after ``d`` ([P4]); ``d`` itself when it is a working day.

    Not ``chinese_calendar.find_workday(1, d)``: that counts one working day on from the first working
    day on or after ``d``, so for a holiday ``d`` it lands one working day too late
    (2025-10-04 -> 2025-10-10 instead of 2025-10-09).
    """
    d = _as_date(d, "date")
    while not is_working_day(d, field=field):
        d += _ONE_DAY
    return d


def _check_count(n: int, what: str) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{what} must be an int, not {type(n).__name__}")
    if n < 1:
        raise ValueError(f"{what} must be at least 1, got {n}")


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
    start date came from) when a day the computation needs has no calendar data ([P9]).
    """
    start = _as_date(start, "start")
    _check_count(days, "days")
    if policy.counting is DayCounting.WORKING:
        d = start
        remaining = days
        while remaining:
            d += _ONE_DAY
            if is_working_day(d, field=field):
                remaining -= 1
        return d
    return roll_forward(start + timedelta(days=days), field=field)


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
    start = _as_date(start, "start")
    _check_count(months, "months")
    del policy  # [P8] deliberately unused: both counting policies roll the same way for months.
    raw = start + relativedelta(months=months)  # clamps to the month end when there is no such day
    return roll_forward(raw, field=field)


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
