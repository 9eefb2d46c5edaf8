"""The contract of the period functions beyond the dates they compute (issue 14: found by mutmut on
``_periods/counting.py``): errors name the argument or the case field they concern, a missing year is the
year asked for, and the report's sentence on how periods are counted says what each policy does."""

from __future__ import annotations

from datetime import date

import pytest

from enshi_rules import CalendarDataError, DayCounting, PeriodPolicy
from enshi_rules._periods.counting import (
    days_between,
    due_date,
    due_date_months,
    effective_act_date,
    is_working_day,
    period_end,
    roll_forward,
)

STRICT = PeriodPolicy(missing_calendar="strict")
FAR = date(2040, 6, 1)  # no published calendar: strict mode refuses to guess
FIELD = "supervision.decision_letter.received_on"


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: roll_forward("2025-10-01"), "date"),
        (lambda: period_end("2025-10-01", 10), "start"),
        (lambda: due_date("2025-10-01", 10), "start"),
        (lambda: days_between("2025-10-01", date(2025, 10, 9)), "a"),
        (lambda: days_between(date(2025, 10, 1), "2025-10-09"), "b"),
        (lambda: effective_act_date(date(2025, 10, 9), "2025-10-08", PeriodPolicy(exclude_time_in_post=True)), "posted_on"),
        (lambda: effective_act_date("2025-10-09", date(2025, 10, 8), PeriodPolicy(exclude_time_in_post=True)), "done_on"),
        (lambda: effective_act_date("2025-10-09", None), "done_on"),
    ],
)
def test_a_value_that_is_not_a_date_is_named(call, name):
    with pytest.raises(TypeError, match=rf"^{name} must be a datetime.date, not str$"):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: due_date(FAR, 10, STRICT, field=FIELD),
        lambda: due_date_months(FAR, 1, STRICT, field=FIELD),
        lambda: roll_forward(FAR, field=FIELD, policy=STRICT),
        lambda: is_working_day(FAR, field=FIELD, policy=STRICT),
    ],
)
def test_a_year_without_a_calendar_is_named_with_the_case_field(call):
    with pytest.raises(CalendarDataError) as info:
        call()
    assert (info.value.year, info.value.field) == (2040, FIELD)
    assert "2040年没有节假日数据（字段 supervision.decision_letter.received_on）" in str(info.value)


def test_the_end_of_the_calendar_is_named_too():
    with pytest.raises(CalendarDataError) as info:
        roll_forward(date.max, field=FIELD, policy=PeriodPolicy())
    assert (info.value.year, info.value.field) == (date.max.year, FIELD)


def test_period_end_reports_the_missing_year_without_raising():
    end = period_end(FAR, 10, STRICT, field=FIELD)
    assert (end.due, end.missing_year) == (None, 2040)


def test_days_between_is_b_minus_a():
    assert days_between(date(2025, 10, 9), date(2025, 10, 12)) == 3
    assert days_between(date(2025, 10, 12), date(2025, 10, 9)) == -3


def test_time_in_the_post_counts_the_earlier_of_posting_and_arrival():
    post = PeriodPolicy(exclude_time_in_post=True)
    assert effective_act_date(date(2025, 10, 12), date(2025, 10, 9), post) == date(2025, 10, 9)
    assert effective_act_date(date(2025, 10, 8), date(2025, 10, 9), post) == date(2025, 10, 8)
    assert effective_act_date(None, date(2025, 10, 9), post) == date(2025, 10, 9)
    assert effective_act_date(date(2025, 10, 12), date(2025, 10, 9)) == date(2025, 10, 12)  # posting ignored
    assert effective_act_date(None, None, post) is None


def test_the_sentence_on_how_periods_are_counted_says_what_each_policy_does():
    default = PeriodPolicy().describe_zh()
    assert default == (
        "期间按自然日计算，开始当日不计入；最后一日为休息日或法定节假日的，顺延至其后第一个工作日（调休上班日视为工作日）；"
        "按月计算的，以到期月对应日为最后一日（无对应日的为月末日），同样顺延；"
        "在途时间计入（以实际完成之日为准）；"
        "尚未公布节假日安排的年份按《全国年节及纪念日放假办法》推算，相关到期日为暂定；"
        "州庆放假日视为法定休假日。"
    )
    other = PeriodPolicy(
        counting=DayCounting.WORKING, exclude_time_in_post=True, missing_calendar="strict", prefecture_days_off=False
    ).describe_zh()
    assert other == (
        "期间按工作日计算，开始当日不计入，自次日起数工作日；"
        "按月计算的，以到期月对应日为最后一日（无对应日的为月末日），同样顺延；"
        "在途时间不计入（期满前交邮的不算逾期）；"
        "尚未公布节假日安排的年份不推算，涉及该年的期限不计算；"
        "州庆放假日不顺延。"
    )


@pytest.mark.parametrize(
    ("kw", "error", "message"),
    [
        ({"calendar": 5}, TypeError, "calendar must be a path, a mapping, or a sequence of them"),
        ({"calendar": ["a.yaml", 5]}, TypeError, "calendar must be a path, a mapping, or a sequence of them"),
        ({"missing_calendar": "guess"}, ValueError,
         "未知的缺少日历处理方式 'guess' / unknown missing_calendar 'guess'; expected 'provisional' or 'strict'"),
        ({"prefecture_days_off": "yes"}, TypeError, "prefecture_days_off must be a bool, not str"),
        ({"counting": "lunar"}, ValueError, "unknown day counting 'lunar'; expected one of 'calendar', 'working'"),
        ({"exclude_time_in_post": 1}, TypeError, "exclude_time_in_post must be a bool, not int"),
    ],
)
def test_a_policy_that_cannot_be_is_refused_saying_why(kw, error, message):
    with pytest.raises(error) as info:
        PeriodPolicy(**kw)
    assert str(info.value) == message


def test_a_policy_reads_its_counting_from_text_and_one_calendar_as_a_tuple():
    p = PeriodPolicy(counting="working", calendar="x.yaml")
    assert p.counting is DayCounting.WORKING and p.calendar == ("x.yaml",)
    assert PeriodPolicy(calendar=["a.yaml", {"calendars": []}]).calendar == ("a.yaml", {"calendars": []})


def test_equal_policies_hash_alike_and_a_calendar_changes_the_hash():
    a = PeriodPolicy(calendar=({"calendars": []},))
    b = PeriodPolicy(calendar=({"calendars": []},))
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert hash(PeriodPolicy()) != hash(PeriodPolicy(calendar=("a.yaml",)))
    assert hash(PeriodPolicy()) != hash(PeriodPolicy(prefecture_days_off=False))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: due_date(date(2025, 10, 1), 10.0), TypeError, "days must be an int, not float"),
        (lambda: due_date(date(2025, 10, 1), True), TypeError, "days must be an int, not bool"),
        (lambda: due_date(date(2025, 10, 1), 0), ValueError, "days must be at least 1, got 0"),
        (lambda: due_date_months(date(2025, 10, 1), 0), ValueError, "months must be at least 1, got 0"),
        (lambda: period_end(date(2025, 10, 1)), TypeError, "give days or months"),
        (lambda: period_end(date(2025, 10, 1), 10, months=1), TypeError, "give days or months"),
    ],
)
def test_a_length_that_cannot_be_is_refused_saying_why(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert str(info.value) == message


def test_a_period_names_the_calendar_each_year_was_judged_by():
    (use,) = period_end(date(2025, 9, 24), 10).uses
    assert (use.year, use.basis, use.provisional, use.reason) == (2025, "package", False, None)
    assert use.source.startswith("chinesecalendar ") and "；州庆：" in use.source and "2025-07-28" in use.source
    (use,) = period_end(date(2027, 9, 24), 10).uses
    assert (use.year, use.basis, use.provisional) == (2027, "provisional", True)
    assert use.reason == "2027年节假日安排尚未公布，按《全国年节及纪念日放假办法》推算"
    assert use.source.startswith("《全国年节及纪念日放假办法》")
