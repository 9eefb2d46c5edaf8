"""Deadline invariants, end to end through ``enshi_rules.evaluate`` (issue 5).

``tests/test_periods.py`` already proves the properties of ``due_date`` itself (minimal roll, a
working day, monotonic in the start and in the length, working-days never earlier, agreement with
the ``holidays`` package, errors for years without data). This module proves what an evaluation
makes of them, for every time limit of 第二十七条 and 第二十八条 (``strategies.deadline_cases``):

- the finding's last day is the independent roll-forward of start + n, and the period is reported
  as it was computed;
- an act on the last day is on time, an act k days after it is late by exactly k days;
- a done act is judged the same whatever the as-of date;
- an act not done is pending through the last day and overdue from the next day, by as many days;
- the working-days policy never gives an earlier last day, in a real evaluation either;
- a period that needs a year without a published arrangement gets a provisional last day (the year's
  calendar computed from 《全国年节及纪念日放假办法》) that the report marks, or in strict mode no last day
  and a missing fact naming the year; the rest of the report is always there; an as-of date in such a
  year needs no data.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

import enshi_rules
from enshi_rules import DayCounting, DeadlineStatus, Modality, PeriodPolicy, Report
from enshi_rules._periods.counting import due_date
from enshi_rules.report import Certainty
from enshi_rules.testing import assert_finding
from enshi_rules.testing.strategies import (
    LAST_CALENDAR_YEAR,
    OBLIGATIONS,
    DeadlineCase,
    calendar_dates,
    deadline_cases,
)

S = DeadlineStatus
ONE = timedelta(days=1)

# --- an independent calendar: the `holidays` package (China, with its adjusted working days) ----

_CN = holidays.China(years=range(2025, LAST_CALENDAR_YEAR + 1))
_ADJUSTED = getattr(_CN, "weekend_workdays", set())


# 州庆 2025 (州政府办公室 notice of 2025-07-28, as issue 10 quotes it): days off no package knows
_ZHOUQING = {date(2025, 8, 18), date(2025, 8, 19)}


def _independent_roll(raw: date) -> date:
    d = raw
    while not ((d.weekday() < 5 and d not in _CN and d not in _ZHOUQING) or d in _ADJUSTED):
        d += ONE
    return d


def _the_finding(report: Report, dc: DeadlineCase):
    """The one finding of the case's time limit (assert_finding shows the report if it is not there)."""
    return assert_finding(report, rule_id=dc.obligation.rule_prefix + ".*", count=1)


def _expected(dc: DeadlineCase, due: date) -> tuple[DeadlineStatus, int | None]:
    if dc.act_on is not None:
        if dc.act_on <= due:
            return S.ON_TIME, None
        return S.LATE, (dc.act_on - due).days
    if dc.as_of <= due:
        return S.PENDING, None
    # a permission whose window closed unused is not "late" by any number of days
    return S.OVERDUE, None if dc.obligation.permission else (dc.as_of - due).days


# --------------------------------------------------------------------------- the finding itself


@given(dc=deadline_cases())
def test_each_time_limit_is_reported_with_its_independently_computed_last_day_and_status(dc: DeadlineCase) -> None:
    report = enshi_rules.evaluate(dc.document)
    f = _the_finding(report, dc)
    due = _independent_roll(dc.start + timedelta(days=dc.days))
    assert f.due == due
    assert (f.period_start, f.period_days) == (dc.start, dc.days)
    status, days_late = _expected(dc, due)
    assert (f.status, f.days_late, f.done_on) == (status, days_late, dc.act_on)
    assert f.rule_id == f"{dc.obligation.rule_prefix}.{status.value}"
    assert f.citation.endswith(dc.obligation.cite)
    if dc.obligation.permission:
        assert f.modality is Modality.MAY
    else:
        assert f.modality is (Modality.VIOLATION if status in (S.LATE, S.OVERDUE) else Modality.SHALL)
    # the timeline reports the same period
    entries = [t for t in report.timeline if t.rule_id == f.rule_id]
    assert [(t.due, t.status, t.days_late) for t in entries] == [(f.due, f.status, f.days_late)]


@given(dc=deadline_cases(), k=st.integers(1, 30))
def test_an_act_on_the_last_day_is_on_time_and_k_days_after_it_is_late_by_k_days(dc: DeadlineCase, k: int) -> None:
    due = due_date(dc.start, dc.days)
    on_time = _the_finding(enshi_rules.evaluate(dc.with_act(due).document), dc)
    assert (on_time.status, on_time.due, on_time.done_on, on_time.days_late) == (S.ON_TIME, due, due, None)
    late = _the_finding(enshi_rules.evaluate(dc.with_act(due + timedelta(days=k)).document), dc)
    assert (late.status, late.due, late.days_late) == (S.LATE, due, k)
    # and the first day of the period (the day after the start) is on time too
    first = _the_finding(enshi_rules.evaluate(dc.with_act(dc.start + ONE).document), dc)
    assert first.status is S.ON_TIME


@given(dc=deadline_cases(), later=st.integers(0, 400), around=st.integers(-3, 3))
def test_a_done_act_is_judged_the_same_whatever_the_as_of_date(dc: DeadlineCase, later: int, around: int) -> None:
    if dc.act_on is None:
        dc = dc.with_act(due_date(dc.start, dc.days) + timedelta(days=around))
    floor = max(dc.last_event, dc.act_on)
    first = _the_finding(enshi_rules.evaluate(dc.at(floor).document), dc)
    again = _the_finding(enshi_rules.evaluate(dc.at(floor + timedelta(days=later)).document), dc)
    assert first == again  # status, due, days late, message: everything


@given(dc=deadline_cases(), k=st.integers(1, 60), before=st.integers(0, 30))
def test_an_act_not_done_is_pending_through_the_last_day_and_overdue_from_the_next(
    dc: DeadlineCase, k: int, before: int
) -> None:
    dc = dc.with_act(None)
    due = due_date(dc.start, dc.days)
    assert dc.last_event < due  # nothing in the case is dated after the start of the period
    earlier = max(dc.last_event, due - timedelta(days=before))
    for as_of in (earlier, due):
        f = _the_finding(enshi_rules.evaluate(dc.at(as_of).document), dc)
        assert (f.status, f.due, f.days_late) == (S.PENDING, due, None)
    f = _the_finding(enshi_rules.evaluate(dc.at(due + timedelta(days=k)).document), dc)
    assert (f.status, f.due) == (S.OVERDUE, due)
    assert f.days_late == (None if dc.obligation.permission else k)


@given(dc=deadline_cases())
def test_the_working_days_policy_never_gives_an_earlier_last_day(dc: DeadlineCase) -> None:
    calendar = _the_finding(enshi_rules.evaluate(dc.document), dc)
    working_report = enshi_rules.evaluate(dc.document, policy=PeriodPolicy(DayCounting.WORKING))
    working = _the_finding(working_report, dc)
    assert working.due == due_date(dc.start, dc.days, PeriodPolicy(DayCounting.WORKING))
    assert working.due >= calendar.due
    assert working_report.policy.day_counting == "working"
    # a longer period can only help the one who must act
    rank = {S.ON_TIME: 0, S.PENDING: 0, S.LATE: 1, S.OVERDUE: 1}
    assert rank[working.status] <= rank[calendar.status]


# --------------------------------------------------------------------------- years without data

NO_DATA = LAST_CALENDAR_YEAR + 1


def _letter_case(received: date, as_of: date) -> dict:
    return {
        "case_id": "NO-DATA",
        "supervising_organ": "422800",  # 州人民政府 over 恩施市人民政府: 上级人民政府对下级人民政府
        "supervised_organ": "422801",
        "as_of": as_of.isoformat(),
        "supervision": {
            "started_on": "2025-03-10",
            "situations": [{"item": 1, "confirmed": True, "found_on": "2025-03-10"}],
            "suggestion_letter": {"issued_on": received.isoformat(), "received_on": received.isoformat()},
        },
    }


STRICT = PeriodPolicy(missing_calendar="strict")


@given(received=st.dates(min_value=date(NO_DATA, 1, 1), max_value=date(NO_DATA + 8, 12, 31)), wait=st.integers(0, 400))
def test_a_period_in_a_year_without_data_is_provisional_or_missing_never_withholding_the_report(received: date, wait: int) -> None:
    doc = _letter_case(received, received + timedelta(days=wait))
    report = enshi_rules.evaluate(doc)
    # provisional (the default): both periods of 第二十七条 have a last day, marked provisional
    periods = [f for f in report.findings if f.article == 27 and f.period_days is not None]
    assert {f.period_days for f in periods} == {10, 30}
    for f in periods:
        assert f.provisional is True and f.calendar_basis and "暂定" in f.calendar_basis
        assert f.due >= received + timedelta(days=f.period_days)  # a last day only rolls forward
        if not any(u.startswith("本认定只在") for u in f.uncertain_facts):
            # counted with the provisional calendar (not one of the bounds of P10, whose early bound works weekends)
            assert f.due.weekday() < 5
    # P10: a status that differs between the bounds of the year is possible, and the time-limit table
    # lists the certain ones only
    assert {(t.rule_id, t.due) for t in report.timeline} == {
        (f.rule_id, f.due) for f in periods if f.certainty is Certainty.CERTAIN
    }
    for t in report.timeline:
        assert t.provisional is True and t.calendar_basis and "暂定" in t.calendar_basis
    assert [c.year for c in report.calendars] == sorted({c.year for c in report.calendars})
    assert all(c.provisional and c.basis == "provisional" for c in report.calendars)
    assert report.calendar_notes
    # strict: no last day, each period names the year it lacks; the rest of the report is there
    strict = enshi_rules.evaluate(doc, policy=STRICT)
    assert strict.timeline == ()
    # each year without data once, naming every period that needed it (P9)
    needed: dict[str, set[str]] = {}
    for n, cite in ((10, "第二十七条第一款"), (30, "第二十七条第二款")):
        needed.setdefault(f"calendar.{(received + timedelta(days=n)).year}", set()).add(cite)
    assert {m.field: set(m.needed_for.split("、")) for m in strict.missing_facts} == needed
    assert len(strict.missing_facts) == len(needed)
    assert strict.cites(26) and strict.cites(26) == report.cites(26)


@given(received=st.dates(min_value=date(LAST_CALENDAR_YEAR, 10, 1), max_value=date(LAST_CALENDAR_YEAR, 12, 31)))
def test_a_period_running_into_a_year_without_data_is_provisional_exactly_when_it_touches_that_year(received: date) -> None:
    report = enshi_rules.evaluate(_letter_case(received, date(NO_DATA, 6, 30)))
    assert report.timeline, "a letter with a receipt date always starts periods"
    for t in report.timeline:
        raw = received + timedelta(days=t.period_days)
        # the days inspected run from the raw last day to the due date
        assert t.provisional == (t.due.year == NO_DATA), (t, raw)
        if raw.year == LAST_CALENDAR_YEAR and t.due.year == LAST_CALENDAR_YEAR:
            assert t.due == _independent_roll(raw)
    strict = enshi_rules.evaluate(_letter_case(received, date(NO_DATA, 6, 30)), policy=STRICT)
    assert all(t.due.year <= LAST_CALENDAR_YEAR and not t.provisional for t in strict.timeline)
    gaps = [m for m in strict.missing_facts if m.field == f"calendar.{NO_DATA}"]
    assert len(gaps) <= 1  # the year is named once, with every period that needed it (P9)
    periods = re.findall(r"自\d{4}-\d{2}-\d{2}起\d+日", gaps[0].reason) if gaps else []
    assert len(strict.timeline) + len(periods) == len(report.timeline)


@given(dc=deadline_cases(), years=st.integers(1, 10))
def test_an_as_of_date_in_a_year_without_data_needs_no_data(dc: DeadlineCase, years: int) -> None:
    far = date(LAST_CALENDAR_YEAR + years, 6, 30)
    f = _the_finding(enshi_rules.evaluate(dc.at(far).document), dc)
    assert f.due == due_date(dc.start, dc.days)
    assert f.status in (S.ON_TIME, S.LATE, S.OVERDUE)  # nothing is still pending years later


# --------------------------------------------------------------------------- the strategies themselves


@given(d=calendar_dates())
def test_calendar_dates_never_leave_the_data_and_agree_with_an_independent_calendar(d: date) -> None:
    # within the data (no CalendarDataError), and a working day exactly when the `holidays`
    # package (an independent source) says so: a weekday that is no holiday, or an adjusted day
    cn = holidays.China(years=d.year)
    independent = (d.weekday() < 5 and d not in cn) or d in getattr(cn, "weekend_workdays", set())
    assert enshi_rules._periods.counting.is_working_day(d) is independent


def test_the_periods_are_read_from_the_shipped_text_of_the_measures() -> None:
    # 十日、十五日、三十日 parsed from the Chinese text, not taken from the rule modules' constants
    assert {prefix: ob.days for prefix, ob in OBLIGATIONS.items()} == {
        "art_027.p1.review_application": 10,
        "art_027.p1.review": 15,
        "art_027.p2.rectify": 30,
        "art_027.p2.rectify_after_review": 30,
        "art_028.p2.execution_report": 30,
    }
