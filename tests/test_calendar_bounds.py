"""A finding resting on a due date of a year whose arrangement is not published (P9, Z1, P10).

The legal officer's case c3b (2027-01-26 收到建议书, 2027-02-12 申请复查, 2027 年安排未公布): the
provisional last day of the 十日 of 第二十七条第一款 is 2027-02-11, but the State Council's Spring Festival
arrangement usually gives more days off, which would make the application timely and void the chain
(第二十七条第二款 overdue, 第二十八条第一款 decision). A conclusion that depends on the arrangement is
only possible (IMP-2: never a plain 【违反】).

Expectations come from the law (《全国年节及纪念日放假办法》 第二条 in each revision, 民法典 第二百零三条),
from chinesecalendar's published arrangements (2004-2026) and the weekday of a date, never from the
constants under test.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest
from lunar_python import Lunar

import enshi_rules
from enshi_rules import PeriodPolicy
from enshi_rules._evaluate import evaluate as _evaluate
from enshi_rules._periods import calendar as _calendar
from enshi_rules._periods.counting import bound_policy, period_end
from enshi_rules.report import Certainty

from _support.cases import c3b

ROOT = Path(__file__).resolve().parents[1]
D = date.fromisoformat
NATIONAL_2027 = "到期日取决于尚未公布的2027年节假日安排"
ZHOUQING_2026 = "到期日取决于2026年州庆放假日期（州政府办公室的通知未收录）"


# ---- the window: measured from the published arrangements ------------------------------------


def _statutory(year: int) -> set[date]:
    """The 全体公民放假的节日 of 第二条 in the revision in force in ``year``: 1999 (元旦; 春节 初一至初三;
    劳动节 5月1日至3日; 国庆节 10月1日至3日), 2007 (from 2008: 春节 除夕、初一、初二; 清明、端午、中秋; 劳动节
    5月1日), 2013 (from 2014: 春节 初一至初三), 2024 (from 2025: 春节 除夕至初三; 劳动节 5月1日、2日)."""

    def solar(m: int, d: int) -> date:
        s = Lunar.fromYmd(year, m, d).getSolar()
        return date(s.getYear(), s.getMonth(), s.getDay())

    if year < 2008:
        spring, may, lunar = range(0, 3), (1, 2, 3), False
    elif year < 2014:
        spring, may, lunar = range(-1, 2), (1,), True
    elif year < 2025:
        spring, may, lunar = range(0, 3), (1,), True
    else:
        spring, may, lunar = range(-1, 3), (1, 2), True
    new_year = solar(1, 1)
    out = {date(year, 1, 1), *(new_year + timedelta(days=i) for i in spring)}
    out |= {date(year, 5, d) for d in may} | {date(year, 10, d) for d in (1, 2, 3)}
    if lunar:
        qm = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]
        out |= {date(qm.getYear(), qm.getMonth(), qm.getDay()), solar(5, 5), solar(8, 15)}
    return out


def _adjusted_distances() -> list[tuple[int, date]]:
    """Each adjusted day of 2004-2026 (a weekday off that is no statutory holiday, or a weekend day
    worked) with its distance to the nearest statutory holiday; the one-off 2015 commemoration of
    9月3日 (and the days swapped for it, nearer to it than to any festival) left out."""
    statutory = set().union(*(_statutory(y) for y in range(2003, 2028)))
    one_off = {d for d, name in chinese_calendar.constants.holidays.items() if name == "Anti-Fascist 70th Day"}
    out = []
    d = date(2004, 1, 1)
    while d.year <= 2026:
        work = chinese_calendar.is_workday(d)
        if (not work and d.weekday() < 5 and d not in statutory) or (work and d.weekday() >= 5):
            dist = min(abs((d - h).days) for h in statutory)
            if not any(abs((d - o).days) < dist for o in one_off):
                out.append((dist, d))
        d += timedelta(days=1)
    return out


def test_the_window_is_the_largest_distance_of_an_adjusted_day_from_a_statutory_holiday():
    found = _adjusted_distances()
    assert len(found) > 300  # every year has its adjusted days
    widest = max(found)
    assert widest == (10, D("2024-05-11"))  # a Saturday worked for 劳动节
    assert _calendar.ADJUSTMENT_WINDOW == widest[0]


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_bounds_enclose_the_published_arrangements_of_the_current_revision(year):
    # computed as if unpublished, the bounds of 2025 and 2026 hold between them what the State Council gave
    early = _calendar.bounding_year(year, "early")
    late = _calendar.bounding_year(year, "late")
    d = date(year, 1, 1)
    while d.year == year:
        off = not chinese_calendar.is_workday(d)
        early_off = (d in early.days_off or d.weekday() >= 5) and d not in early.working_days
        late_off = d in late.days_off or d.weekday() >= 5
        assert not early_off or off, d  # a day off at the early bound is off in the arrangement
        assert not off or late_off, d  # a day off in the arrangement is off at the late bound
        d += timedelta(days=1)


def test_the_bounds_of_2027():
    early = _calendar.bounding_year(2027, "early")
    late = _calendar.bounding_year(2027, "late")
    # 春节 2027: 除夕 2月5日（五）, 初一至初三 2月6日至8日
    assert {D("2027-02-05"), D("2027-02-08")} <= early.days_off
    # 2月6日、7日 fall on the weekend and are owed two days of 补假, on days the 放假办法 does not fix:
    # no day after the holiday is off in every arrangement (2012, 2015 below), so the bound takes none
    assert D("2027-02-09") not in early.days_off and D("2027-02-10") not in early.days_off
    assert D("2027-01-30") in early.working_days and D("2027-02-13") in early.working_days  # weekends within ten days
    assert D("2027-03-06") not in early.working_days  # a Saturday 26 days after 初三
    assert D("2027-02-18") in late.days_off and D("2027-02-19") not in late.days_off  # ten days after 初三
    assert not late.working_days


def test_a_make_up_day_is_not_always_the_first_working_day_after_the_holiday():
    # 放假办法: "全体公民放假的假日，如果适逢周六、周日，应当在工作日补假" and no more. In the published
    # arrangements of 2004-2026, the first working day after a weekend holiday (and the days off joined
    # to it) was off for 72 of the 74, and worked for two: the early bound cannot count it off (P10).
    counted, worked = 0, []
    for year in range(2004, 2027):
        holidays = _statutory(year)
        off = set(holidays)
        for h in sorted(holidays):
            if h.weekday() < 5:
                continue
            m = h
            while m in off or m.weekday() >= 5:
                m += timedelta(days=1)
            off.add(m)
            counted += 1
            if chinese_calendar.is_workday(m):
                worked.append((h, m))
    assert counted == 74
    # 2012 端午 (Saturday 6月23日): 6月22日 off, before it; 2015 中秋 (Sunday 9月27日): made up in the 国庆 break
    assert worked == [(D("2012-06-23"), D("2012-06-25")), (D("2015-09-27"), D("2015-09-28"))]
    assert not chinese_calendar.is_workday(D("2012-06-22")) and D("2012-06-22").weekday() == 4
    assert [d for d in (D("2015-10-05"), D("2015-10-06"), D("2015-10-07")) if not chinese_calendar.is_workday(d)]


@pytest.mark.parametrize("start", [D("2026-12-20") + timedelta(days=k) for k in range(0, 380, 3)])
@pytest.mark.parametrize("days", [10, 15, 30])
def test_the_provisional_due_date_lies_between_the_bounds(start, days):
    # 民法典 第二百零三条: more days off can only keep or postpone the last day
    due = period_end(start, days).due
    early = period_end(start, days, bound_policy(PeriodPolicy(), "early")).due
    late = period_end(start, days, bound_policy(PeriodPolicy(), "late")).due
    assert early <= due <= late


# ---- the findings: c3b (tests/_support/cases.py) and its neighbours --------------------------


def _by_rule(report):
    return {f.rule_id: f for f in report.findings}


def test_c3b_a_late_application_against_a_provisional_last_day_is_only_possible():
    report = enshi_rules.evaluate(c3b())
    got = _by_rule(report)
    late = got["art_027.p1.review_application.late"]
    assert (late.article, late.paragraph, late.due, late.days_late) == (27, 1, D("2027-02-11"), 1)
    assert late.certainty is Certainty.POSSIBLE and late.provisional
    assert NATIONAL_2027 in late.uncertain_facts and "P10" in late.interpretations
    # 第二十七条第二款: the thirty days counted from receipt only because the application was late
    rectify = got["art_027.p2.rectify.overdue"]
    assert (rectify.paragraph, rectify.status.value, rectify.due) == (2, "overdue", D("2027-02-25"))
    assert rectify.certainty is Certainty.POSSIBLE and NATIONAL_2027 in rectify.uncertain_facts
    # 第二十八条第一款: derived from the overdue rectification, marked as resting on the provisional year
    decision = got["art_028.p1.decision_required"]
    assert decision.paragraph == 1 and decision.certainty is Certainty.POSSIBLE and decision.provisional
    assert decision.calendar_basis.startswith("2027年：暂定（2027年节假日安排尚未公布")
    # if the arrangement gives the days off it usually gives, the application was on time (2027-02-19 at the late bound)
    on_time = got["art_027.p1.review_application.on_time"]
    assert on_time.certainty is Certainty.POSSIBLE and on_time.due == D("2027-02-19")
    # what does not depend on any due date stays certain
    assert got["art_026.p1.i1.letter_issued"].certainty is Certainty.CERTAIN
    assert got["art_030.p1.performance_assessment"].certainty is Certainty.CERTAIN
    # the timeline lists the time limits of certain findings only (IMP-2)
    assert not report.timeline


def test_c3b_text_report_says_possibly_and_why(capsys, tmp_path):
    import json

    from enshi_rules.cli import main

    path = tmp_path / "c3b.json"
    path.write_text(json.dumps(c3b(), ensure_ascii=False), encoding="utf-8")
    main(["evaluate", str(path)])
    out = capsys.readouterr().out
    assert "【违反" not in out
    assert "【可能违反·逾期未完成】宣恩县人民政府：被监督机关应当在2027年2月25日（含当日）前完成整改" in out
    assert f"原因：{NATIONAL_2027}" in out


def test_a_2027_case_far_from_every_festival_stays_certain():
    # received 2027-02-22: 十日 end 2027-03-04, 三十日 2027-03-24, more than ten days from 春节 and 清明
    doc = c3b()
    doc["supervision"]["suggestion_letter"] = {"issued_on": "2027-02-20", "received_on": "2027-02-22"}
    doc["supervision"]["objection"] = {"filed_on": "2027-03-05"}
    doc["as_of"] = "2027-03-31"
    got = _by_rule(enshi_rules.evaluate(doc))
    late = got["art_027.p1.review_application.late"]
    assert (late.due, late.days_late, late.certainty, late.provisional) == (D("2027-03-04"), 1, Certainty.CERTAIN, True)
    rectify = got["art_027.p2.rectify.overdue"]
    assert (rectify.due, rectify.certainty, rectify.provisional) == (D("2027-03-24"), Certainty.CERTAIN, True)
    assert got["art_028.p1.decision_required"].certainty is Certainty.CERTAIN
    assert all(f.certainty is Certainty.CERTAIN for f in got.values())


def test_with_a_calendar_file_for_2027_c3b_is_certain():
    # the test notice: 春节 2月5日至8日 only, so the 十日 end on 2027-02-09 and the application is 3 days late
    report = enshi_rules.evaluate(c3b(), calendar=ROOT / "tests" / "scenarios" / "calendar_2027_test_notice.yaml")
    got = _by_rule(report)
    late = got["art_027.p1.review_application.late"]
    assert (late.due, late.days_late, late.certainty, late.provisional) == (D("2027-02-09"), 3, Certainty.CERTAIN, False)
    assert got["art_027.p2.rectify.overdue"].certainty is Certainty.CERTAIN
    assert got["art_028.p1.decision_required"].certainty is Certainty.CERTAIN
    assert "art_027.p1.review_application.on_time" not in got


def test_strict_mode_is_unchanged():
    # no year is computed: no due date, nothing to bound, 2027 a missing fact
    report = enshi_rules.evaluate(c3b(), policy=PeriodPolicy(missing_calendar="strict"))
    assert {f.rule_id for f in report.findings} == {
        "art_026.p1.i1.letter_issued", "art_029.p1.circulate", "art_030.p1.performance_assessment",
    }
    assert all(f.certainty is Certainty.CERTAIN and "P10" not in f.interpretations for f in report.findings)
    assert "calendar.2027" in {m.field for m in report.missing_facts}


def test_a_zhouqing_of_a_year_without_its_notice():
    # 2026: national arrangement published, 州庆 notice not found. Received 2026-07-19: 三十日 end on
    # Tuesday 2026-08-18, inside 8月17日-23日; reported on 2026-08-20, two days late only if 8月18日 was
    # not a 州庆 day off
    doc = {
        "case_id": "ZQ-2026", "as_of": "2026-09-01",
        "supervising_organ": "422800", "supervised_organ": "422822",
        "supervision": {
            "started_on": "2026-07-01",
            "situations": [{"item": 3, "confirmed": True}],
            "suggestion_letter": {"issued_on": "2026-07-18", "received_on": "2026-07-19"},
            "rectification_report": {"submitted_on": "2026-08-20"},
        },
    }
    got = _by_rule(enshi_rules.evaluate(doc))
    late = got["art_027.p2.rectify.late"]
    assert (late.due, late.days_late, late.certainty) == (D("2026-08-18"), 2, Certainty.POSSIBLE)
    assert late.uncertain_facts == (ZHOUQING_2026,)
    assert got["art_027.p2.rectify.on_time"].certainty is Certainty.POSSIBLE
    # switched off (Z1), 州庆 does not roll periods: nothing is provisional, the lateness is certain
    off = _by_rule(enshi_rules.evaluate(doc, policy=PeriodPolicy(prefecture_days_off=False)))
    assert off["art_027.p2.rectify.late"].certainty is Certainty.CERTAIN
    assert "art_027.p2.rectify.on_time" not in off


def test_a_case_without_a_provisional_year_is_judged_once(monkeypatch):
    # the cost of an ordinary case is unchanged: the bounds are never evaluated
    def refuse(*a, **k):
        raise AssertionError("bounds evaluated for a case without a provisional year")

    monkeypatch.setattr(_evaluate, "_with_bounds", refuse)
    doc = copy.deepcopy(c3b())
    doc["as_of"] = "2025-12-01"
    doc["enforcement_action"]["acted_on"] = "2025-06-01"
    doc["supervision"]["situations"][0]["confirmed_on"] = "2025-08-25"
    doc["supervision"].update(
        started_on="2025-08-20",
        suggestion_letter={"issued_on": "2025-09-01", "received_on": "2025-09-02"},
        objection={"filed_on": "2025-09-15"},
    )
    report = enshi_rules.evaluate(doc)
    assert report.findings and all(f.certainty is Certainty.CERTAIN for f in report.findings)


# ---- the legal officer's c4b (second review, item 5): which calendar gave which date ----------------

C4B = ROOT / "tests" / "fixtures" / "legal_review_2" / "c4b_2027_spring.json"


def _c4b() -> dict:
    import json

    return json.loads(C4B.read_text(encoding="utf-8"))


def test_c4b_a_report_on_the_day_of_a_make_up_day_is_possibly_late_and_says_under_which_calendar():
    # 建议书 received 2027-01-08; 三十日 from the next day end on Sunday 2027-02-07 (春节 初二). Provisionally
    # (P9: the 补假 of 2月6日、7日 on 2月9日、10日) the last day is 2027-02-11 and the report of 2027-02-10 is on
    # time; if the arrangement puts the 补假 elsewhere (as 2012 and 2015 did), 2月9日 can be a working
    # day and the report one day late. Both are possible; neither is certain.
    got = _by_rule(enshi_rules.evaluate(_c4b()))
    late, on_time = got["art_027.p2.rectify.late"], got["art_027.p2.rectify.on_time"]
    assert (late.article, late.paragraph, late.due, late.days_late) == (27, 2, D("2027-02-09"), 1)
    assert late.certainty is Certainty.POSSIBLE and on_time.certainty is Certainty.POSSIBLE
    assert on_time.due == D("2027-02-11")
    # each date names its calendar: the early bound's is not the provisional one
    assert late.calendar_basis == "2027年：暂定（2027年节假日安排尚未公布，按放假日最少的情形推算）"
    assert on_time.calendar_basis == "2027年：暂定（2027年节假日安排尚未公布，按《全国年节及纪念日放假办法》推算）"
    assert late.uncertain_facts == (
        NATIONAL_2027,
        "本认定只在放假日最少的情形（法定节日放假，适逢周六、周日的节日的补假不安排在节日之后，"
        "节日前后十日内的周六、周日调休上班）下成立，其中的日期按该情形推算",
    )


def test_c4b_text_report_labels_each_date_with_its_calendar(capsys):
    from enshi_rules.cli import main

    main(["evaluate", str(C4B)])
    out = capsys.readouterr().out
    assert "【违反" not in out
    late = out.index("【可能违反·逾期完成】鹤峰县人民政府：被监督机关于2027年2月10日才报送整改情况，超过三十日期限（至2027年2月9日，含当日）。")
    on_time = out.index("【应当·已履行（可能）】鹤峰县人民政府：被监督机关于2027年2月10日报送整改情况，在三十日期限（至2027年2月11日，含当日）内。")
    assert out.index("（暂定：2027年节假日安排尚未公布，按放假日最少的情形推算）", late) < on_time
    assert out.index("（暂定：2027年节假日安排尚未公布，按《全国年节及纪念日放假办法》推算）", on_time) > on_time


def test_a_period_counted_at_a_bound_names_the_bound_day_by_day():
    from enshi_rules._evaluate.explain import _period_text
    from enshi_rules._evaluate.reliance import period_trace

    early = bound_policy(PeriodPolicy(), "early")
    tr = period_trace(D("2027-01-08"), 30, early)
    assert tr.due == D("2027-02-09")
    f = _by_rule(enshi_rules.evaluate(_c4b()))["art_027.p2.rectify.late"]
    assert _period_text(f, tr, D("2027-03-01"), early) == (
        "自2027年1月8日起算（当日不计入）；30日，原始最后一日为2027年2月7日（星期日，春节（放假日最少的情形））；"
        "依次顺延：2027年2月7日（星期日，春节（放假日最少的情形））、2027年2月8日（星期一，春节（放假日最少的情形）），"
        "至2027年2月9日（星期二，工作日）；期限最后一日为2027年2月9日（含当日；按放假日最少的情形推算，节假日安排尚未公布）；"
        "于2027年2月10日完成，晚于期限1日。"
    )


@pytest.mark.parametrize(
    ("make_up", "status", "due"),
    [
        # 补假 after the holiday, as P9 computes it and as 72 of 74 arrangements did: on time
        (["2027-02-09", "2027-02-10"], "on_time", D("2027-02-11")),
        # 补假 before the holiday (2012's 端午 put its one there): 2月9日 a working day, one day late
        (["2027-02-03", "2027-02-04"], "late", D("2027-02-09")),
    ],
)
def test_c4b_with_a_published_2027_the_report_is_certain_either_way(make_up, status, due, tmp_path):
    # two arrangements the 放假办法 allows give the two answers: the finding must stay possible until
    # the notice is published, and is certain with it
    days = ["2027-01-01", *make_up, {"from": "2027-02-05", "to": "2027-02-08"}, "2027-04-05",
            {"from": "2027-05-01", "to": "2027-05-02"}, "2027-06-09", "2027-09-15", {"from": "2027-10-01", "to": "2027-10-03"}]
    cal = {"calendars": [{"year": 2027, "source": {"issuer": "测试", "document": "测试用日历", "date": "2026-11-20"},
                          "days_off": days}]}
    got = _by_rule(enshi_rules.evaluate(_c4b(), calendar=cal))
    f = got[f"art_027.p2.rectify.{status}"]
    assert (f.due, f.certainty, f.provisional) == (due, Certainty.CERTAIN, False)
    other = "late" if status == "on_time" else "on_time"
    assert f"art_027.p2.rectify.{other}" not in got
