"""Applicability as it really is, said the same in every view (issue 19, after review).

1. Whether the measures apply (第三十五条: in force 2025-03-01) and whether the 条例 applies
   (国务院令第825号: in force 2026-02-01) is yes, no, or undetermined when the case's dates do not
   settle it (A35-1, A35-2, T-1). The JSON (``in_scope``, ``applicability``), the text report, the
   workbench page and the Word document say the same thing.
2. A date an evaluation had to choose for an imprecise value (the as-of date or the day before
   every date of the case for an act done on an unknown day, an end of a month) is never printed
   as the day of an act; a last day counted from a date known only to the month is a range.

Each test comes in a pair: the imprecise record, and the same record with exact dates.
Expectations come from the text of 第二十七条 (ten and thirty days from receipt) and the calendar.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pytest

import enshi_rules
from enshi_rules import Applicable
from enshi_rules.cli import render_text
from enshi_rules.testing import assert_finding, assert_in_scope, assert_out_of_scope

from _support.cases import letter_case


def header(report) -> list[str]:
    return render_text(report).splitlines()[2:4]


# ---- 1. the measures: yes / no / undetermined ----------------------------------------------------


def test_an_unknown_start_is_undetermined_in_the_json_as_in_the_text():
    r = enshi_rules.evaluate(letter_case(started_on=None, suggestion_letter=None), as_of="2025-11-15")
    assert r.in_scope is None
    assert json.loads(r.to_json())["in_scope"] is None
    m = r.applicability.measures
    assert m.applicable is Applicable.UNDETERMINED
    assert m.rule_ids == ("art_035.p1.start_unknown",)
    assert m.settled_by == ("supervision.started_on",)
    assert "是否适用本办法不能确定" in m.reason
    assert header(r)[0] == "适用本办法：不能确定（见第三十五条的说明）"
    with pytest.raises(AssertionError, match="cannot be determined"):
        assert_in_scope(r)
    with pytest.raises(AssertionError, match="cannot be determined"):
        assert_out_of_scope(r)


def test_a_known_start_after_commencement_is_in_scope():
    r = enshi_rules.evaluate(letter_case(suggestion_letter=None), as_of="2025-11-15")
    assert r.in_scope is True and r.applicability.measures.applicable is Applicable.YES
    assert r.applicability.measures.rule_ids == ("art_035.p1.in_force",)
    assert r.applicability.measures.settled_by == ()
    assert header(r)[0] == "适用本办法：是"
    assert_in_scope(r)


@pytest.mark.parametrize(("start", "expected"), [("2025", None), ("2025-02", False), ("2025-05", True)])
def test_a_start_known_to_the_month_or_year_decides_only_when_it_does_not_straddle(start, expected):
    r = enshi_rules.evaluate(letter_case(started_on=start, suggestion_letter=None), as_of="2025-11-15")
    assert r.in_scope is expected
    want = {None: Applicable.UNDETERMINED, False: Applicable.NO, True: Applicable.YES}[expected]
    assert r.applicability.measures.applicable is want
    assert header(r)[0] == "适用本办法：" + {None: "不能确定（见第三十五条的说明）", False: "否", True: "是"}[expected]
    if expected is None:
        assert "art_035.p1.start_straddles" in r.applicability.measures.rule_ids
        assert r.applicability.measures.settled_by[0] == "supervision.started_on"


def test_a_start_before_commencement_with_every_step_before_it_is_out_of_scope():
    r = enshi_rules.evaluate(
        letter_case(started_on="2025-01-10", suggestion_letter={"issued_on": "2025-01-20", "received_on": "2025-01-22"}),
        as_of="2025-11-15",
    )
    assert r.in_scope is False and r.applicability.measures.applicable is Applicable.NO
    assert r.applicability.measures.rule_ids == ("art_035.p1.not_yet_in_force",)
    assert_out_of_scope(r, rule_id="art_035.p1.not_yet_in_force")


# ---- 1. the 条例 (2026-02-01) -------------------------------------------------------------------


def test_the_tiaoli_is_undetermined_when_no_step_has_a_date():
    r = enshi_rules.evaluate(letter_case(started_on=None, suggestion_letter=None), as_of="2026-12-01")
    t = r.applicability.tiaoli
    assert (t.applicable, t.settled_by) == (Applicable.UNDETERMINED, ("supervision.started_on",))
    assert header(r)[1].startswith("适用《行政执法监督条例》：不能确定")


def test_the_tiaoli_is_undetermined_when_only_an_act_of_unknown_date_may_fall_after_its_commencement():
    r = enshi_rules.evaluate(letter_case(suggestion_letter={"issued_on": "done"}), as_of="2026-12-01")
    t = r.applicability.tiaoli
    assert t.applicable is Applicable.UNDETERMINED and t.rule_ids == ("tl_002.p1.applies",)
    assert t.settled_by == ("supervision.suggestion_letter.issued_on",)
    assert header(r)[1].startswith("适用《行政执法监督条例》：不能确定")
    # the measures apply whatever day the letter was issued (the start is known: 2025-08-20)
    assert r.in_scope is True


def test_the_tiaoli_applies_to_a_step_after_its_commencement_and_not_to_a_matter_ended_before():
    after = enshi_rules.evaluate(
        letter_case(started_on="2026-03-02", suggestion_letter={"issued_on": "2026-03-10", "received_on": "2026-03-12"}),
        as_of="2026-12-01",
    )
    assert after.applicability.tiaoli.applicable is Applicable.YES
    assert header(after)[1].startswith("适用《行政执法监督条例》：是（")
    before = enshi_rules.evaluate(letter_case(), as_of="2025-11-15")
    assert before.applicability.tiaoli.applicable is Applicable.NO
    assert "《行政执法监督条例》不适用" in before.applicability.tiaoli.reason
    assert not any(line.startswith("适用《行政执法监督条例》") for line in render_text(before).splitlines())


def test_a_report_written_before_applicability_existed_reads_back():
    r = enshi_rules.evaluate(letter_case(), as_of="2025-11-15")
    old = json.loads(r.to_json())
    del old["applicability"]
    back = enshi_rules.Report.from_json(json.dumps(old))
    assert back.applicability is None and back.in_scope is True
    assert render_text(back).splitlines()[2] == "适用本办法：是"


# ---- 1. every view says the same ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("supervision", "measures", "tiaoli"),
    [
        ({"started_on": None, "suggestion_letter": {"issued_on": "done"}}, "不能确定（见第三十五条的说明）", "不能确定"),
        ({}, "是", ""),
    ],
)
def test_text_workbench_and_word_say_the_same(supervision, measures, tiaoli):
    pytest.importorskip("docx", reason="the report extra (python-docx, docxtpl)")
    import docx

    from enshi_rules.workbench import render_docx
    from enshi_rules.workbench._views import report_view

    r = enshi_rules.evaluate(letter_case(**supervision), as_of="2026-12-01")
    assert header(r)[0] == f"适用本办法：{measures}"
    view = report_view(r)
    assert view.applicability == measures and view.in_scope is r.in_scope
    assert view.tiaoli.startswith(tiaoli)
    paras = [p.text for p in docx.Document(io.BytesIO(render_docx(r))).paragraphs]
    assert f"适用本办法：{measures}" in paras
    said = [p for p in paras if p.startswith("适用《行政执法监督条例》：")]
    assert (said[0].startswith(f"适用《行政执法监督条例》：{tiaoli}") if tiaoli else said == [])


# ---- 2. the as-of date is not the date of an act --------------------------------------------------


_DAY = re.compile(r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日")


def test_a_letter_issued_on_an_unknown_day_in_a_case_without_a_start_reads_as_such():
    r = enshi_rules.evaluate(letter_case(started_on=None, suggestion_letter={"issued_on": "done"}), as_of="2026-12-01")
    f = assert_finding(r, rule_id="art_026.p1.i3.letter_issued", performed=True, certainty="possible")
    assert "监督机关已于日期未记录的某日制发" in f.message
    assert not _DAY.search(f.message)
    # the notes of 第三十五条 and of the 条例 give no step the as-of date, nor the day before every date
    for n in r.notes:
        if n.rule_id == "art_035.p1.start_straddles":
            # the interval of the first step: its latest end is the as-of date, and says so
            assert "只知不晚于判断日2026年12月1日" in n.message and "2025年2月28日" not in n.message
            assert n.certainty == "certain"
        else:
            assert "2026年12月1日" not in n.message and "2025年2月28日" not in n.message, n.rule_id
    tl = next(n for n in r.notes if n.rule_id == "tl_002.p1.applies")
    assert "最后记录的步骤在日期未记录的某日" in tl.message
    assert "2026年12月1日" not in render_text(r).split("二、认定事项")[1]


def test_a_letter_issued_on_a_known_day_shows_that_day():
    r = enshi_rules.evaluate(letter_case(started_on=None, suggestion_letter={"issued_on": "2025-09-01"}), as_of="2026-12-01")
    f = assert_finding(r, rule_id="art_026.p1.i3.letter_issued", performed=True, certainty="certain")
    assert "监督机关已于2025年9月1日制发" in f.message


def test_a_letter_issued_on_an_unknown_day_after_a_known_start_is_an_interval():
    r = enshi_rules.evaluate(letter_case(suggestion_letter={"issued_on": "done"}), as_of="2025-11-15")
    f = assert_finding(r, rule_id="art_026.p1.i3.letter_issued", performed=True, certainty="certain")
    assert "已于2025年8月20日至2025年11月15日之间制发" in f.message


def test_a_start_known_to_the_year_is_not_shown_as_its_first_or_repaired_day():
    r = enshi_rules.evaluate(letter_case(started_on="2025", suggestion_letter=None), as_of="2025-11-15")
    started = [n.message for n in r.notes if n.rule_id in ("art_035.p1.in_force", "art_035.p1.procedure_continues")]
    assert started and all("于2025年的某日启动" in m for m in started)
    assert not any("2025年1月1日启动" in m or "2025年11月15日启动" in m for m in started)


def test_a_period_counted_from_a_receipt_known_to_the_month_has_a_range_of_last_days():
    # received some day of September: the thirty days of 第二十七条第二款 end between 10-09
    # (received 1 September: 30 days end 1 October, rolled over the National Day holiday to the
    # 9th) and 10-30 (received 30 September)
    r = enshi_rules.evaluate(letter_case(suggestion_letter={"issued_on": "2025-09-01", "received_on": "2025-09"}), as_of="2025-10-20")
    for rule_id in ("art_027.p2.rectify.overdue", "art_027.p2.rectify.pending"):
        f = assert_finding(r, rule_id=rule_id, certainty="possible")
        assert (f.due, f.period_start, f.days_late) == (None, None, None)
        assert f.due_range == (date(2025, 10, 9), date(2025, 10, 30))
        assert "2025年10月9日至2025年10月30日之间的某日（含当日）前" in f.message
    d = assert_finding(r, rule_id="art_028.p1.decision_required", certainty="possible")
    assert "逾期（2025年10月9日至2025年10月30日之间的某日届满）" in d.message
    assert "期限届满日：2025-10-09 至 2025-10-30 之间" in render_text(r)


def test_a_period_counted_from_a_known_receipt_has_its_last_day():
    r = enshi_rules.evaluate(letter_case(), as_of="2025-10-20")
    f = assert_finding(r, rule_id="art_027.p2.rectify.overdue", certainty="certain")
    assert (f.period_start, f.due, f.due_range, f.days_late) == (date(2025, 9, 3), date(2025, 10, 9), None, 11)
    assert "2025年10月9日（含当日）前" in f.message
