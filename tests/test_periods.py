"""Tests for enshi_rules._periods.counting: worked examples, edge cases and properties.

Source of the worked examples: /work/shared/notes/legal-periods-and-calendar.md (the spec), and the
numbered points [P1]..[P9] in the module docstring of ``enshi_rules._periods.counting``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import chinese_calendar
import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enshi_rules._periods.counting import (
    DEFAULT_POLICY,
    DayCounting,
    PeriodPolicy,
    days_between,
    due_date,
    due_date_months,
    effective_act_date,
    is_working_day,
    roll_forward,
)
from enshi_rules.errors import CalendarDataError, EnshiRulesError

D = date.fromisoformat
WORKING = PeriodPolicy(counting=DayCounting.WORKING)
IN_POST = PeriodPolicy(exclude_time_in_post=True)
# [P9] strict: a year without a published arrangement is not computed (the behaviour before issue 10)
STRICT = PeriodPolicy(missing_calendar="strict")
STRICT_WORKING = PeriodPolicy(counting=DayCounting.WORKING, missing_calendar="strict")
# [Z1] the 州庆 days off of 2025, from the 州政府办公室 notice of 2025-07-28 (issue 10's text)
ZHOUQING_2025 = {date(2025, 8, 18), date(2025, 8, 19)}

# Adjusted working weekend days (调休上班日) from the State Council notices, as listed in the notes.
ADJUSTED_WORKING_DAYS = [
    "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
    "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
]  # fmt: skip


# --------------------------------------------------------------------------- worked examples (notes)


@pytest.mark.parametrize(
    ("received", "days", "raw", "due"),
    [
        # raw last day is Saturday 2025-10-04, inside the National Day holiday (10-01..10-08)
        ("2025-09-24", 10, "2025-10-04", "2025-10-09"),
        # raw last day is Sunday 2025-09-28, an adjusted working day [P5]: not rolled
        ("2025-09-18", 10, "2025-09-28", "2025-09-28"),
        # raw last day is 2025-10-01, National Day
        ("2025-09-16", 15, "2025-10-01", "2025-10-09"),
        # raw last day is Wednesday 2025-04-02, an ordinary working day
        ("2025-03-03", 30, "2025-04-02", "2025-04-02"),
        # raw last day is 2026-02-19, Spring Festival (2026-02-15..02-23)
        ("2026-01-20", 30, "2026-02-19", "2026-02-24"),
    ],
)
def test_worked_examples_from_the_notes(received: str, days: int, raw: str, due: str) -> None:
    assert D(received) + timedelta(days=days) == D(raw)  # [P2] the day of receipt is not counted
    assert due_date(D(received), days) == D(due)
    assert due_date(D(received), days, DEFAULT_POLICY) == D(due)


def test_raw_last_days_of_worked_examples_are_what_the_notes_say() -> None:
    assert D("2025-10-04").weekday() == 5 and not is_working_day(D("2025-10-04"))
    assert D("2025-09-28").weekday() == 6 and is_working_day(D("2025-09-28"))
    assert not is_working_day(D("2025-10-01"))
    assert is_working_day(D("2025-04-02"))
    assert not is_working_day(D("2026-02-19"))


@pytest.mark.parametrize("day", ADJUSTED_WORKING_DAYS)
def test_adjusted_working_weekend_days_are_working_days(day: str) -> None:
    d = D(day)
    assert d.weekday() >= 5, "each listed day is a Saturday or Sunday"
    assert is_working_day(d)
    assert roll_forward(d) == d


def test_ordinary_days() -> None:
    assert is_working_day(D("2025-06-03"))  # Tuesday
    assert not is_working_day(D("2025-06-07"))  # Saturday
    assert not is_working_day(D("2025-06-08"))  # Sunday
    assert not is_working_day(D("2025-01-01"))  # New Year's Day, a Wednesday
    assert not is_working_day(D("2025-10-08"))  # Wednesday, a 调休放假 day


def test_last_day_included_and_days_late() -> None:
    # [P3] the due date itself is on time; the day after is one day late.
    due = due_date(D("2025-09-24"), 10)
    assert days_between(due, D("2025-10-09")) == 0
    assert days_between(due, D("2025-10-10")) == 1
    assert days_between(due, D("2025-10-01")) == -8
    assert days_between(D("2025-12-31"), D("2026-01-01")) == 1


# --------------------------------------------------------------------------- roll_forward


def test_roll_forward() -> None:
    assert roll_forward(D("2025-10-01")) == D("2025-10-09")
    assert roll_forward(D("2025-10-04")) == D("2025-10-09")
    assert roll_forward(D("2025-10-08")) == D("2025-10-09")
    assert roll_forward(D("2025-10-09")) == D("2025-10-09")
    assert roll_forward(D("2025-06-07")) == D("2025-06-09")  # Saturday -> Monday
    assert roll_forward(D("2026-02-15")) == D("2026-02-24")  # 9-day Spring Festival 2026
    assert roll_forward(D("2026-02-14")) == D("2026-02-14")  # Saturday, adjusted working day


def test_find_workday_pitfall_is_avoided() -> None:
    # chinese_calendar.find_workday(1, d) goes one working day past the first working day on or
    # after d: for a holiday d it is one day too late. roll_forward must not behave like that.
    assert chinese_calendar.find_workday(1, D("2025-10-04")) == D("2025-10-10")
    assert roll_forward(D("2025-10-04")) == D("2025-10-09")


# --------------------------------------------------------------------------- month periods [P8]


@pytest.mark.parametrize(
    ("start", "months", "due", "weekday"),
    [
        # no 31st in February: the month end, Friday 2025-02-28, a working day, so no roll
        ("2025-01-31", 1, "2025-02-28", 4),
        ("2024-01-31", 1, "2024-02-29", 3),  # leap year month end, Thursday
        ("2025-08-31", 1, "2025-09-30", 1),  # no 31st in September; Tuesday
        ("2025-09-01", 1, "2025-10-09", 3),  # 2025-10-01 National Day -> rolled to Thursday 10-09
        ("2025-01-15", 1, "2025-02-17", 0),  # 2025-02-15 is a Saturday -> Monday 02-17
        ("2025-12-31", 2, "2026-02-28", 5),  # 2026-02-28: Saturday but an adjusted working day
        ("2025-01-03", 12, "2026-01-04", 6),  # 2026-01-03 Saturday holiday; 01-04 Sunday worked
    ],
)
def test_month_periods(start: str, months: int, due: str, weekday: int) -> None:
    result = due_date_months(D(start), months)
    assert result == D(due)
    assert result.weekday() == weekday
    # WORKING has no meaning for months: same result
    assert due_date_months(D(start), months, WORKING) == D(due)


def test_month_period_rejects_zero() -> None:
    with pytest.raises(ValueError, match="months"):
        due_date_months(D("2025-01-01"), 0)


# --------------------------------------------------------------------------- WORKING policy [P6]


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # National Day 2025: off 10-01..10-08; Sunday 09-28 and Saturday 10-11 are worked
        ("2025-09-26", 1, "2025-09-28"),  # Friday -> the adjusted working Sunday
        ("2025-09-26", 2, "2025-09-29"),
        ("2025-09-28", 1, "2025-09-29"),
        ("2025-09-30", 1, "2025-10-09"),
        ("2025-09-30", 2, "2025-10-10"),
        ("2025-09-30", 3, "2025-10-11"),  # adjusted working Saturday
        ("2025-09-30", 4, "2025-10-13"),
        ("2025-10-01", 1, "2025-10-09"),  # start on a holiday: the next working day is day 1
        ("2025-10-04", 3, "2025-10-11"),
        # 25,26,28,29,30 Sep, then 9,10,11,13,14 Oct
        ("2025-09-24", 10, "2025-10-14"),
        # 19,22,23,24,25,26,28,29,30 Sep, then 9 Oct
        ("2025-09-18", 10, "2025-10-09"),
        # 17,18,19,22,23,24,25,26,28,29,30 Sep (11), then 9,10,11,13 Oct
        ("2025-09-16", 15, "2025-10-13"),
    ],
)
def test_working_days_around_national_day_2025(start: str, days: int, due: str) -> None:
    assert due_date(D(start), days, WORKING) == D(due)


def test_working_policy_from_a_string() -> None:
    policy = PeriodPolicy("working")
    assert policy.counting is DayCounting.WORKING
    assert policy == WORKING
    assert DayCounting.CALENDAR == "calendar"
    with pytest.raises(ValueError, match="unknown day counting"):
        PeriodPolicy("hours")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        PeriodPolicy(exclude_time_in_post="yes")  # type: ignore[arg-type]


def test_policy_defaults_and_description() -> None:
    assert DEFAULT_POLICY == PeriodPolicy(DayCounting.CALENDAR, exclude_time_in_post=False)
    text = DEFAULT_POLICY.describe_zh()
    assert "自然日" in text and "开始当日不计入" in text and "顺延" in text
    assert "\n" not in text
    assert "在途时间计入" in text
    text = PeriodPolicy(DayCounting.WORKING, exclude_time_in_post=True).describe_zh()
    assert "工作日计算" in text and "在途时间不计入" in text
    with pytest.raises(AttributeError):
        DEFAULT_POLICY.counting = DayCounting.WORKING  # type: ignore[misc]


# --------------------------------------------------------------------------- errors


def test_days_must_be_positive() -> None:
    for bad in (0, -1, -30):
        with pytest.raises(ValueError, match="days must be at least 1"):
            due_date(D("2025-03-03"), bad)
        with pytest.raises(ValueError):
            due_date(D("2025-03-03"), bad, WORKING)


def test_type_errors() -> None:
    with pytest.raises(TypeError):
        due_date(D("2025-03-03"), True)
    with pytest.raises(TypeError):
        due_date(D("2025-03-03"), 10.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        due_date("2025-03-03", 10)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        is_working_day("2025-03-03")  # type: ignore[arg-type]


def test_datetime_is_cut_to_its_day() -> None:
    assert is_working_day(datetime(2025, 9, 28, 23, 59)) is True
    assert due_date(datetime(2025, 9, 24, 17, 30), 10) == D("2025-10-09")
    assert type(due_date(datetime(2025, 9, 24, 17, 30), 10)) is date


def test_2027_has_no_data_in_strict_mode() -> None:
    with pytest.raises(CalendarDataError) as info:
        is_working_day(D("2027-03-01"), policy=STRICT)
    assert info.value.year == 2027 and "2027" in str(info.value)
    assert info.value.field is None

    field = "supervision.suggestion_letter.received_on"
    with pytest.raises(CalendarDataError) as info:
        due_date(D("2026-12-20"), 15, STRICT, field=field)  # raw last day 2027-01-04
    assert info.value.year == 2027
    assert info.value.field == field
    assert "2027" in str(info.value) and field in str(info.value)

    # WORKING walks into 2027 too
    with pytest.raises(CalendarDataError, match=field) as info:
        due_date(D("2026-12-20"), 10, STRICT_WORKING, field=field)
    assert info.value.year == 2027

    with pytest.raises(CalendarDataError, match="2027"):
        due_date_months(D("2026-12-15"), 1, STRICT, field=field)


def test_2026_year_end_roll_needs_2027() -> None:
    # 2026-12-31 is a Thursday and a working day: a period ending then needs no 2027 data
    assert due_date(D("2026-12-21"), 10) == D("2026-12-31")


def test_before_2004_is_rejected() -> None:
    with pytest.raises(CalendarDataError) as info:
        is_working_day(D("2003-06-02"))
    assert info.value.year == 2003 and "2003" in str(info.value)
    with pytest.raises(CalendarDataError) as info:
        due_date(D("2003-12-01"), 10, field="case.received_on")
    assert info.value.year == 2003
    assert info.value.field == "case.received_on"
    assert "case.received_on" in str(info.value)
    # only the days actually inspected need data: start in 2003, last day in 2004
    assert due_date(D("2003-12-31"), 10) == D("2004-01-12")  # 2004-01-10 Sat -> Mon 01-12


def test_calendar_data_error_is_catchable_as_lookup_error() -> None:
    with pytest.raises(LookupError):
        is_working_day(D("2027-01-01"), policy=STRICT)
    with pytest.raises(EnshiRulesError):
        is_working_day(D("1999-01-01"))


def test_a_years_calendar_is_built_once() -> None:
    from enshi_rules._periods import calendar as _calendar

    is_working_day(D("2025-05-06"))
    misses = _calendar.package_year.cache_info().misses
    for d in (D("2025-05-07"), D("2025-11-11"), D("2025-05-06")):
        is_working_day(d)
    assert _calendar.package_year.cache_info().misses == misses


# --------------------------------------------------------------------------- time in the post [P7]


def test_time_in_post_counts_by_default() -> None:
    # a report due 2025-10-09, posted that day, received 2025-10-11
    due = due_date(D("2025-09-24"), 10)
    done = effective_act_date(D("2025-10-11"), D("2025-10-09"), DEFAULT_POLICY)
    assert done == D("2025-10-11")
    assert days_between(due, done) == 2  # late by default


def test_time_in_post_excluded() -> None:
    due = due_date(D("2025-09-24"), 10, IN_POST)
    assert due == D("2025-10-09")  # the policy does not change the due date itself
    done = effective_act_date(D("2025-10-11"), D("2025-10-09"), IN_POST)
    assert done == D("2025-10-09")
    assert days_between(due, done) == 0  # posted before expiry: not late
    # posted after expiry: still late, by the posting date
    assert effective_act_date(D("2025-10-15"), D("2025-10-10"), IN_POST) == D("2025-10-10")


def test_effective_act_date_edge_cases() -> None:
    assert effective_act_date(None, None, IN_POST) is None
    assert effective_act_date(None, None, DEFAULT_POLICY) is None
    assert effective_act_date(D("2025-10-11"), None, IN_POST) == D("2025-10-11")
    assert effective_act_date(None, D("2025-10-09"), IN_POST) == D("2025-10-09")
    assert effective_act_date(None, D("2025-10-09"), DEFAULT_POLICY) is None
    # a posting date after the done date (bad data) never makes the act later
    assert effective_act_date(D("2025-10-05"), D("2025-10-09"), IN_POST) == D("2025-10-05")
    # default policy argument
    assert effective_act_date(D("2025-10-11"), D("2025-10-09")) == D("2025-10-11")


# --------------------------------------------------------------------------- independent cross-check


HOLIDAYS_CN = holidays.China(years=[2025, 2026])
# holidays.China exposes the adjusted working weekend days as ``weekend_workdays`` (checked with
# holidays 0.109). An older release without it could only cross-check the holidays part: the
# getattr fallback then treats every weekend day as a day off and the comparison below skips them.
HOLIDAYS_WEEKEND_WORKDAYS: set[date] | None = getattr(HOLIDAYS_CN, "weekend_workdays", None)


def holidays_says_working(d: date) -> bool:
    """Working day per the `holidays` package: (weekday and not a holiday) or an adjusted workday;
    plus the 州庆 days off of 2025 ([Z1], from the notice), which no package knows."""
    assert d.year in (2025, 2026), "holidays.China extrapolates silently outside its data"
    if d in ZHOUQING_2025:
        return False
    weekday_and_open = d.weekday() < 5 and d not in HOLIDAYS_CN
    adjusted = HOLIDAYS_WEEKEND_WORKDAYS is not None and d in HOLIDAYS_WEEKEND_WORKDAYS
    return weekday_and_open or adjusted


def holidays_roll_forward(d: date) -> date:
    while not holidays_says_working(d):
        d += timedelta(days=1)
    return d


def test_holidays_package_knows_the_adjusted_working_days() -> None:
    assert HOLIDAYS_WEEKEND_WORKDAYS is not None
    assert {D(x) for x in ADJUSTED_WORKING_DAYS} == {
        d for d in HOLIDAYS_WEEKEND_WORKDAYS if d.year in (2025, 2026)
    }


def test_agrees_with_holidays_package_on_every_day_of_2025_and_2026() -> None:
    d = D("2025-01-01")
    disagreements = []
    while d <= D("2026-12-31"):
        if HOLIDAYS_WEEKEND_WORKDAYS is None and d.weekday() >= 5:
            d += timedelta(days=1)
            continue  # without adjusted-day data only the holidays part can be cross-checked
        if is_working_day(d) != holidays_says_working(d):
            disagreements.append(d)
        d += timedelta(days=1)
    assert disagreements == []


# --------------------------------------------------------------------------- properties

FIRST = D("2025-01-01")
# {10, 15, 30}: start + 30 <= 2026-12-30 (a Wednesday, a working day), so no roll leaves 2026
starts = st.dates(min_value=FIRST, max_value=D("2026-11-30"))
# 1..60 days: start + 60 <= 2026-12-30
starts_for_60 = st.dates(min_value=FIRST, max_value=D("2026-10-31"))
# WORKING: 30 working days after 2026-10-31 is 2026-12-11, 60 after 2026-08-31 is late November
starts_working = st.dates(min_value=FIRST, max_value=D("2026-10-31"))
starts_working_60 = st.dates(min_value=FIRST, max_value=D("2026-08-31"))
usual_days = st.sampled_from([10, 15, 30])
any_days = st.integers(min_value=1, max_value=60)


def check_calendar_due(start: date, days: int) -> date:
    due = due_date(start, days)
    raw = start + timedelta(days=days)
    assert due >= raw
    assert is_working_day(due)
    # minimal roll: nothing in [raw, due) is a working day
    d = raw
    while d < due:
        assert not is_working_day(d), d
        d += timedelta(days=1)
    assert due == roll_forward(raw)
    # independent cross-check with the holidays package
    assert due == holidays_roll_forward(raw)
    return due


@given(start=starts, days=usual_days)
def test_property_calendar_usual_periods(start: date, days: int) -> None:
    check_calendar_due(start, days)


@given(start=starts_for_60, days=any_days)
def test_property_calendar_any_period(start: date, days: int) -> None:
    check_calendar_due(start, days)


@given(a=starts, b=starts, days=usual_days)
def test_property_monotonic_in_start(a: date, b: date, days: int) -> None:
    a, b = min(a, b), max(a, b)
    assert due_date(a, days) <= due_date(b, days)


@given(a=starts_working, b=starts_working, days=usual_days)
def test_property_working_monotonic_in_start(a: date, b: date, days: int) -> None:
    a, b = min(a, b), max(a, b)
    assert due_date(a, days, WORKING) <= due_date(b, days, WORKING)


@given(start=starts_for_60, days=st.integers(min_value=1, max_value=59))
def test_property_monotonic_in_days(start: date, days: int) -> None:
    assert due_date(start, days) <= due_date(start, days + 1)
    if start <= D("2026-08-31"):
        assert due_date(start, days, WORKING) < due_date(start, days + 1, WORKING)


@given(start=starts_working, days=usual_days)
def test_property_working_never_earlier_than_calendar(start: date, days: int) -> None:
    working = due_date(start, days, WORKING)
    assert working >= due_date(start, days)
    assert is_working_day(working)


@given(start=starts_working_60, days=any_days)
def test_property_working_counts_exactly_n_working_days(start: date, days: int) -> None:
    due = due_date(start, days, WORKING)
    assert due >= due_date(start, days)
    n = 0
    d = start + timedelta(days=1)
    while d <= due:
        n += holidays_says_working(d)  # counted with the independent calendar
        d += timedelta(days=1)
    assert n == days
    assert holidays_says_working(due)


@given(d=st.dates(min_value=FIRST, max_value=D("2026-12-31")))
def test_property_roll_forward(d: date) -> None:
    rolled = roll_forward(d)
    assert rolled >= d
    assert roll_forward(rolled) == rolled
    assert (rolled == d) == is_working_day(d)
    assert rolled - d <= timedelta(days=9)  # the longest run of days off in 2025-2026 (春节 2026)
    assert is_working_day(d) == holidays_says_working(d)


@given(
    start=st.dates(min_value=FIRST, max_value=D("2026-12-31")),
    days=any_days,
    counting=st.sampled_from(list(DayCounting)),
)
@settings(max_examples=300)
def test_property_result_in_data_or_clear_error(
    start: date, days: int, counting: DayCounting
) -> None:
    # [P9] either a date inside the data, or CalendarDataError for 2027 naming the field: never a
    # silent guess.
    try:
        due = due_date(start, days, PeriodPolicy(counting, missing_calendar="strict"), field="x.received_on")
    except CalendarDataError as exc:
        assert exc.year == 2027
        assert exc.field == "x.received_on"
    else:
        assert due.year <= 2026
        assert is_working_day(due)


@given(start=st.dates(min_value=FIRST, max_value=D("2026-09-30")), months=st.integers(1, 3))
def test_property_month_periods(start: date, months: int) -> None:
    due = due_date_months(start, months)
    assert is_working_day(due)
    assert due == due_date_months(start, months, WORKING)
    assert due >= start + timedelta(days=28 * months)
    assert due <= start + timedelta(days=31 * months + 9)
    # the raw day is the corresponding day, or the month end when the month is shorter
    raw = start.replace(day=1)
    for _ in range(months):
        raw = (raw + timedelta(days=32)).replace(day=1)
    last = ((raw + timedelta(days=32)).replace(day=1) - timedelta(days=1)).day
    raw = raw.replace(day=min(start.day, last))
    assert due == holidays_roll_forward(raw)
