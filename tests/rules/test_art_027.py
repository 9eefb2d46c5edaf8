"""第二十七条: the application for review (10 days), the review (15 days), termination when the
objection is upheld, and rectification (30 days from the letter or from the review answer).

Every period boundary is tested on both sides (the last day, the day after), with the worked
examples of shared/notes/legal-periods-and-calendar.md.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from enshi_rules import DeadlineStatus, Modality

from .casebuilder import absent, case, letter, only, run
from .mcase import check_note

CITE_P1 = "《恩施土家族苗族自治州行政执法监督办法》第二十七条第一款"
CITE_P2 = "《恩施土家族苗族自治州行政执法监督办法》第二十七条第二款"


def objection_case(received: str, filed: str | None, **more):
    return case(
        started_on="2025-09-01",
        suggestion_letter=letter(received=received, issued="2025-09-10"),
        objection={"id": "FC-1", "filed_on": filed} if filed else None,
        **more,
    )


# ---- 第一款: 可以自收到之日起十日内申请复查 ------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "last_day", "day_after"),
    [
        # raw 2025-10-04 is a Saturday in the National Day holiday: rolls to 2025-10-09
        ("2025-09-24", "2025-10-09", "2025-10-10"),
        # raw 2025-09-28 is a Sunday but an adjusted working day (调休上班): no roll
        ("2025-09-18", "2025-09-28", "2025-09-29"),
    ],
)
def test_review_application_on_the_last_day_is_in_time_and_the_day_after_is_late(received, last_day, day_after):
    on_time = only(run(objection_case(received, last_day), "2025-10-20"), "art_027.p1.review_application.on_time", modality=Modality.MAY, status=DeadlineStatus.ON_TIME, cite="第二十七条第一款", subject="恩施市市场监督管理局")
    assert (on_time.article, on_time.paragraph, on_time.item) == (27, 1, None)
    assert on_time.citation == CITE_P1
    assert on_time.modality is Modality.MAY
    assert on_time.status is DeadlineStatus.ON_TIME
    assert on_time.due == date.fromisoformat(last_day)
    assert on_time.period_start == date.fromisoformat(received)
    assert on_time.period_days == 10
    assert on_time.subject == "恩施市市场监督管理局"

    late = only(run(objection_case(received, day_after), "2025-10-20"), "art_027.p1.review_application.late", modality=Modality.MAY, status=DeadlineStatus.LATE, cite="第二十七条第一款", subject="恩施市市场监督管理局")
    assert late.modality is Modality.MAY  # a lapsed permission, not a breached duty
    assert late.status is DeadlineStatus.LATE
    assert late.due == date.fromisoformat(last_day)
    assert late.days_late == 1


def test_review_application_window_open_and_closed_without_application():
    doc = objection_case("2025-09-24", None)
    pending = only(run(doc, "2025-10-09"), "art_027.p1.review_application.pending", modality=Modality.MAY, status=DeadlineStatus.PENDING, cite="第二十七条第一款", subject="恩施市市场监督管理局")
    assert pending.status is DeadlineStatus.PENDING and pending.due == date(2025, 10, 9)
    closed = only(run(doc, "2025-10-10"), "art_027.p1.review_application.overdue", modality=Modality.MAY, status=DeadlineStatus.OVERDUE, cite="第二十七条第一款", subject="恩施市市场监督管理局")
    assert closed.modality is Modality.MAY and closed.days_late is None


# ---- 第一款: 应当自收到申请之日起十五日内予以复查并答复 -----------------------------------------------


def review_case(answered: str | None, upheld: bool = False):
    ans = {"id": "DF-1", "answered_on": answered, "received_on": answered, "objection_upheld": upheld} if answered else None
    # letter received 2025-09-10: window to 2025-09-22 (raw 09-20 is a Saturday); applied 2025-09-16
    return case(
        started_on="2025-09-01",
        suggestion_letter=letter(received="2025-09-10", issued="2025-09-08"),
        objection={"id": "FC-1", "filed_on": "2025-09-16"},
        review_answer=ans,
    )


def test_review_answered_on_the_last_day_is_on_time():
    # worked example: received 2025-09-16, 15 days: raw 2025-10-01 -> 2025-10-09
    f = only(run(review_case("2025-10-09"), "2025-10-20"), "art_027.p1.review.on_time", modality=Modality.SHALL, status=DeadlineStatus.ON_TIME, cite="第二十七条第一款", subject="恩施市司法局")
    assert f.citation == CITE_P1 and f.modality is Modality.SHALL
    assert f.subject == "恩施市司法局"
    assert (f.period_start, f.due, f.done_on) == (date(2025, 9, 16), date(2025, 10, 9), date(2025, 10, 9))


def test_review_answered_the_day_after_is_late_by_one_day():
    f = only(run(review_case("2025-10-10"), "2025-10-20"), "art_027.p1.review.late", modality=Modality.VIOLATION, status=DeadlineStatus.LATE, cite="第二十七条第一款", subject="恩施市司法局")
    assert f.modality is Modality.VIOLATION and f.days_late == 1 and f.due == date(2025, 10, 9)


def test_review_unanswered_is_pending_through_the_last_day_then_overdue():
    assert only(run(review_case(None), "2025-10-09"), "art_027.p1.review.pending", modality=Modality.SHALL, status=DeadlineStatus.PENDING, cite="第二十七条第一款", subject="恩施市司法局").due == date(2025, 10, 9)
    f = only(run(review_case(None), "2025-10-13"), "art_027.p1.review.overdue", modality=Modality.VIOLATION, status=DeadlineStatus.OVERDUE, cite="第二十七条第一款", subject="恩施市司法局")
    assert f.modality is Modality.VIOLATION and f.days_late == 4


def test_a_late_application_creates_no_review_duty():
    doc = objection_case("2025-09-24", "2025-10-10")
    absent(run(doc, "2025-11-30"), "art_027.p1.review.")


# ---- 第一款: 经复查异议成立的，应当终止本次监督 ---------------------------------------------------


def test_upheld_objection_terminates_the_supervision_and_nothing_follows():
    report = run(review_case("2025-10-09", upheld=True), "2025-12-31")
    f = only(report, "art_027.p1.terminate_supervision", modality=Modality.SHALL, cite="第二十七条第一款", subject="恩施市司法局")
    assert f.modality is Modality.SHALL and f.citation == CITE_P1
    absent(report, "art_027.p2")
    absent(report, "art_028")


def test_upheld_objection_defeats_the_prompts_of_article_29_1_and_30_which_stay_in_the_report():
    # 经复查异议成立的，应当终止本次监督 (第二十七条第一款): no result is left to circulate (第二十九条第一款)
    # or to count in the performance assessment (第三十条); the prompts stay, marked defeated (E-1, A27-4)
    report = run(review_case("2025-10-09", upheld=True), "2025-12-31")
    circulate = only(report, "art_029.p1.circulate", modality=Modality.MAY, cite="第二十九条第一款", subject="恩施市司法局")
    assert (circulate.article, circulate.paragraph, circulate.item) == (29, 1, None)
    assert circulate.defeated_by == "art_027.p1.terminate_supervision"
    assessment = only(report, "art_030.p1.performance_assessment", modality=Modality.SHALL, cite="第三十条")
    assert (assessment.article, assessment.paragraph, assessment.item) == (30, 1, None)
    assert assessment.defeated_by == "art_027.p1.terminate_supervision"
    t = only(report, "art_027.p1.terminate_supervision", modality=Modality.SHALL, cite="第二十七条第一款", subject="恩施市司法局")
    assert "没有可供通报（第二十九条第一款）或者纳入法治建设绩效考核（第三十条）的结果" in t.message
    # the objection not upheld: the supervision goes on, and neither prompt is defeated
    report = run(review_case("2025-10-09", upheld=False), "2025-12-31")
    assert only(report, "art_029.p1.circulate").defeated_by is None
    assert only(report, "art_030.p1.performance_assessment").defeated_by is None


def test_objection_not_upheld_does_not_terminate():
    report = run(review_case("2025-10-09", upheld=False), "2025-10-20")
    absent(report, "art_027.p1.terminate_supervision")
    only(report, "art_027.p2.rectify_after_review.pending", modality=Modality.SHALL, status=DeadlineStatus.PENDING, cite="第二十七条第二款", subject="恩施市市场监督管理局")


def test_decision_letter_after_an_upheld_objection_is_a_violation():
    doc = review_case("2025-10-09", upheld=True)
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": "2025-11-20", "received_on": "2025-11-21"}
    f = only(run(doc, "2025-12-31"), "art_027.p1.continued_after_upheld", modality=Modality.VIOLATION, cite="第二十七条第一款", subject="恩施市司法局")
    assert f.modality is Modality.VIOLATION and f.subject == "恩施市司法局"
    absent(run(review_case("2025-10-09", upheld=True), "2025-12-31"), "art_027.p1.continued_after_upheld")


# ---- 第二款: 无异议的，自收到建议书之日起三十日内完成整改并报送整改情况 ------------------------------------


def rectify_case(report_on: str | None):
    # worked example: received 2025-03-03, 30 days: raw 2025-04-02 (a Wednesday) -> 2025-04-02
    return case(
        started_on="2025-03-01",
        suggestion_letter=letter(received="2025-03-03", issued="2025-03-01"),
        rectification_report={"id": "ZG-1", "submitted_on": report_on} if report_on else None,
    )


def test_rectification_reported_on_the_last_day_is_on_time():
    f = only(run(rectify_case("2025-04-02"), "2025-05-01"), "art_027.p2.rectify.on_time", modality=Modality.SHALL, status=DeadlineStatus.ON_TIME, cite="第二十七条第二款", subject="恩施市市场监督管理局")
    assert (f.article, f.paragraph, f.item) == (27, 2, None) and f.citation == CITE_P2
    assert f.modality is Modality.SHALL and f.subject == "恩施市市场监督管理局"
    assert (f.period_start, f.period_days, f.due) == (date(2025, 3, 3), 30, date(2025, 4, 2))


def test_rectification_reported_the_day_after_is_late():
    f = only(run(rectify_case("2025-04-03"), "2025-05-01"), "art_027.p2.rectify.late", modality=Modality.VIOLATION, status=DeadlineStatus.LATE, cite="第二十七条第二款", subject="恩施市市场监督管理局")
    assert f.modality is Modality.VIOLATION and f.days_late == 1


def test_unreported_rectification_is_pending_on_the_last_day_and_overdue_the_day_after():
    pending = only(run(rectify_case(None), "2025-04-02"), "art_027.p2.rectify.pending", modality=Modality.SHALL, status=DeadlineStatus.PENDING, cite="第二十七条第二款", subject="恩施市市场监督管理局")
    assert pending.status is DeadlineStatus.PENDING and pending.days_late is None
    overdue = only(run(rectify_case(None), "2025-04-03"), "art_027.p2.rectify.overdue", modality=Modality.VIOLATION, status=DeadlineStatus.OVERDUE, cite="第二十七条第二款", subject="恩施市市场监督管理局")
    assert overdue.status is DeadlineStatus.OVERDUE and overdue.days_late == 1
    assert overdue.due == date(2025, 4, 2)  # the date by which it would have complied


def test_late_application_leaves_the_period_running_from_the_letter():
    doc = objection_case("2025-09-24", "2025-10-10")
    f = only(run(doc, "2025-10-20"), "art_027.p2.rectify.pending", modality=Modality.SHALL, status=DeadlineStatus.PENDING, cite="第二十七条第二款", subject="恩施市市场监督管理局")
    # raw 2025-10-24 is a Friday: the period runs from receipt of the letter, as without objection
    assert f.due == date(2025, 10, 24) and f.period_start == date(2025, 9, 24)
    absent(run(doc, "2025-10-20"), "art_027.p2.rectify_after_review")


def test_pending_review_starts_no_rectification_period():
    report = run(review_case(None), "2025-10-01")
    absent(report, "art_027.p2")


# ---- 第二款: 经复查异议不成立的，自收到复查答复之日起三十日内 ---------------------------------------------


def after_review_case(report_on: str | None):
    # worked example: received 2026-01-20, 30 days: raw 2026-02-19 (Spring Festival) -> 2026-02-24
    return case(
        started_on="2025-12-20",
        suggestion_letter=letter(received="2025-12-29", issued="2025-12-26"),
        objection={"id": "FC-1", "filed_on": "2026-01-05"},
        review_answer={"id": "DF-1", "answered_on": "2026-01-19", "received_on": "2026-01-20", "objection_upheld": False},
        rectification_report={"id": "ZG-1", "submitted_on": report_on} if report_on else None,
    )


def test_rectification_after_review_rolls_over_the_spring_festival():
    f = only(run(after_review_case("2026-02-24"), "2026-03-10"), "art_027.p2.rectify_after_review.on_time", modality=Modality.SHALL, status=DeadlineStatus.ON_TIME, cite="第二十七条第二款", subject="恩施市市场监督管理局")
    assert f.citation == CITE_P2
    assert (f.period_start, f.due) == (date(2026, 1, 20), date(2026, 2, 24))
    absent(run(after_review_case("2026-02-24"), "2026-03-10"), "art_027.p2.rectify.")


def test_rectification_after_review_the_day_after_is_late():
    f = only(run(after_review_case("2026-02-25"), "2026-03-10"), "art_027.p2.rectify_after_review.late", modality=Modality.VIOLATION, status=DeadlineStatus.LATE, cite="第二十七条第二款", subject="恩施市市场监督管理局")
    assert f.days_late == 1 and f.modality is Modality.VIOLATION


def test_rectification_after_review_overdue():
    f = only(run(after_review_case(None), "2026-03-02"), "art_027.p2.rectify_after_review.overdue", modality=Modality.VIOLATION, status=DeadlineStatus.OVERDUE, cite="第二十七条第二款", subject="恩施市市场监督管理局")
    assert f.days_late == 6 and f.due == date(2026, 2, 24)


def test_missing_receipt_date_is_named_not_guessed():
    doc = case(suggestion_letter={"id": "JYS-1", "issued_on": "2025-04-01"})
    report = run(doc, "2025-06-30")
    absent(report, "art_027")
    assert [m.field for m in report.missing_facts] == ["supervision.suggestion_letter.received_on"]
    assert report.missing_facts[0].needed_for == "第二十七条"


def test_time_in_the_post_policy_counts_the_posting_date():
    from enshi_rules import PeriodPolicy

    doc = rectify_case(None)
    doc["supervision"]["rectification_report"] = {"id": "ZG-1", "submitted_on": "2025-04-07", "posted_on": "2025-04-02"}
    default = run(doc, "2025-05-01")
    only(default, "art_027.p2.rectify.late", modality=Modality.VIOLATION, status=DeadlineStatus.LATE, cite="第二十七条第二款", subject="恩施市市场监督管理局")
    import enshi_rules

    posted = enshi_rules.evaluate(doc, as_of="2025-05-01", policy=PeriodPolicy(exclude_time_in_post=True))
    f = only(posted, "art_027.p2.rectify.on_time", modality=Modality.SHALL, status=DeadlineStatus.ON_TIME, cite="第二十七条第二款", subject="恩施市市场监督管理局")
    assert f.done_on == date(2025, 4, 2)
    assert posted.policy.exclude_time_in_post is True


def test_working_days_policy_selected_in_the_case_document():
    doc = rectify_case(None)
    doc["day_counting"] = "working"
    f = only(run(doc, "2025-04-01"), "art_027.p2.rectify.pending", modality=Modality.SHALL, status=DeadlineStatus.PENDING, cite="第二十七条第二款", subject="恩施市市场监督管理局")
    # 30 working days after 2025-03-03 (Qingming 04-04 is a holiday) -> 2025-04-15
    assert f.due == date(2025, 4, 15)


def test_messages_word_the_period_as_the_policy_counts_it():
    doc = rectify_case("2025-04-02")
    assert "在三十日期限（至2025年4月2日，含当日）内" in only(run(doc, "2025-05-01"), "art_027.p2.rectify.on_time", modality=Modality.SHALL, status=DeadlineStatus.ON_TIME, cite="第二十七条第二款", subject="恩施市市场监督管理局").message
    doc["day_counting"] = "working"
    f = only(run(doc, "2025-05-01"), "art_027.p2.rectify.on_time", modality=Modality.SHALL, status=DeadlineStatus.ON_TIME, cite="第二十七条第二款", subject="恩施市市场监督管理局")
    assert "在三十个工作日期限（至2025年4月15日，含当日）内" in f.message


def test_an_answer_to_a_late_application_is_flagged_and_changes_no_period():
    doc = objection_case("2025-09-24", "2025-10-10")
    doc["supervision"]["review_answer"] = {"id": "DF-1", "answered_on": "2025-10-15", "received_on": "2025-10-16", "objection_upheld": True}
    report = run(doc, "2025-10-20")
    f = only(report, "art_027.p1.late_application_answered", modality=Modality.MAY, cite="第二十七条第一款", subject="恩施市司法局")
    assert f.modality is Modality.MAY and f.citation == CITE_P1 and f.subject == "恩施市司法局"
    assert "须人工判断" in f.message
    absent(report, "art_027.p1.terminate_supervision")  # upheld, but the application was out of time
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": "2025-11-10", "received_on": "2025-11-11"}
    absent(run(doc, "2025-11-20"), "art_027.p1.continued_after_upheld")
    assert only(report, "art_027.p2.rectify.pending", modality=Modality.SHALL, status=DeadlineStatus.PENDING, cite="第二十七条第二款", subject="恩施市市场监督管理局").due == date(2025, 10, 24)
    # a timely application answered is not flagged
    absent(run(review_case("2025-10-09"), "2025-10-20"), "art_027.p1.late_application_answered")


# ---- issue 13: exceptions that leave their trace, counts that stop, the letter's own limit ----------


def test_termination_defeats_the_letters_situations_which_stay_in_the_report():
    report = run(review_case("2025-09-30", upheld=True), "2025-10-20")
    only(report, "art_027.p1.terminate_supervision")
    f = only(report, "art_026.p1.i1.letter_issued")
    assert f.defeated_by == "art_027.p1.terminate_supervision"
    # not upheld: the same finding is not defeated
    g = only(run(review_case("2025-09-30", upheld=False), "2025-10-20"), "art_026.p1.i1.letter_issued")
    assert g.defeated_by is None


def test_an_overdue_rectification_stops_counting_at_the_decision_letter():
    # due 2025-04-02; decision letter 2025-05-06; judged two months later: still 34 days, counted to 05-06
    doc = rectify_case(None)
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": "2025-05-06", "received_on": "2025-05-08"}
    f = only(run(doc, "2025-07-15"), "art_027.p2.rectify.overdue")
    assert f.days_late == 34 and f.counted_to == date(2025, 5, 6)
    assert "至2025年5月6日制发《行政执法监督决定书》时仍未报送，逾期34日（计至决定书制发之日）" in f.message
    assert "A27-6" in f.interpretations
    # no decision letter: the count runs to the as-of date
    g = only(run(rectify_case(None), "2025-07-15"), "art_027.p2.rectify.overdue")
    assert g.days_late == 104 and g.counted_to is None and "至判断日（2025年7月15日）仍未报送" in g.message


def test_every_due_date_says_it_is_included():
    assert "被监督机关应当在2025年4月2日（含当日）前完成整改并报送整改情况" in only(
        run(rectify_case(None), "2025-03-20"), "art_027.p2.rectify.pending"
    ).message
    f = only(run(rectify_case("2025-04-02"), "2025-05-01"), "art_027.p2.rectify.on_time")
    assert f.performed  # 【应当·已履行】


def test_a_letter_giving_fewer_than_thirty_days_is_a_note_and_the_period_stays_thirty_days():
    # 第二十七条第二款's thirty days bind the supervised organ; a shorter letter is no violation of the
    # supervising organ (第二十六条 "建议……限期自行纠正"), only a note that thirty days remain (A27-5)
    doc = rectify_case(None)
    doc["supervision"]["suggestion_letter"]["rectification_days"] = 15
    report = run(doc, "2025-03-25")
    assert "art_027.p2.letter_period_too_short" not in [f.rule_id for f in report.findings]
    assert not [f for f in report.findings if f.modality is Modality.VIOLATION]
    n = check_note(report, "art_027.p2.letter_period_too_short", 27, 2, "shall", "supervised")
    assert (n.item, n.excludes, n.certainty.value) == (None, False, "certain") and "A27-5" in n.interpretations
    assert "限期15日整改，与第二十七条第二款规定的三十日不一致" in n.message and "仍为自收到建议书（或者复查答复）之日起三十日" in n.message
    assert only(report, "art_027.p2.rectify.pending").due == date(2025, 4, 2)
    # thirty days (or more) is no note
    doc["supervision"]["suggestion_letter"]["rectification_days"] = 30
    absent(run(doc, "2025-03-25"), "art_027.p2.letter_period_too_short")


def test_a_decision_letter_inside_the_thirty_days_after_a_short_letter_lacks_its_premise():
    # the letter gave 15 days (to 03-18); the decision came on 03-25, before the thirty days ran out
    doc = rectify_case(None)
    doc["supervision"]["suggestion_letter"]["rectification_days"] = 15
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": "2025-03-25", "received_on": "2025-03-26"}
    report = run(doc, "2025-03-28")
    check_note(report, "art_027.p2.letter_period_too_short", 27, 2, "shall", "supervised")
    only(report, "art_028.p1.decision_without_default", modality=Modality.VIOLATION)


def test_a_late_application_answered_and_upheld_marks_the_findings_that_depend_on_it():
    doc = objection_case("2025-09-24", "2025-10-10")
    doc["supervision"]["review_answer"] = {"id": "DF-1", "answered_on": "2025-10-15", "received_on": "2025-10-16", "objection_upheld": True}
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": "2025-11-03", "received_on": "2025-11-04"}
    report = run(doc, "2025-11-10")
    dependent = {f.rule_id: f.depends_on for f in report.findings if f.article in (27, 28) and f.paragraph != 1 or f.article == 28}
    assert dependent == {
        "art_027.p2.rectify.overdue": "art_027.p1.late_application_answered",
        "art_028.p1.decision_issued": "art_027.p1.late_application_answered",
        "art_028.p2.execution_report.pending": "art_027.p1.late_application_answered",
    }
    # answered but not upheld: nothing is in doubt
    doc["supervision"]["review_answer"]["objection_upheld"] = False
    assert all(f.depends_on is None for f in run(doc, "2025-11-10").findings)


def test_the_review_period_is_fifteen_days_where_no_holiday_moves_it():
    # application 2025-11-05 (a Wednesday): 十五日 end on Thursday 2025-11-20, a working day, so an
    # answer on the 20th is on time and one on the 21st late by one day (a 16-day period would not be)
    doc = objection_case("2025-11-03", "2025-11-05")
    for answered, rid, late in (("2025-11-20", "art_027.p1.review.on_time", None), ("2025-11-21", "art_027.p1.review.late", 1)):
        doc["supervision"]["review_answer"] = {"id": "DF-1", "answered_on": answered, "received_on": answered, "objection_upheld": False}
        status = DeadlineStatus.ON_TIME if late is None else DeadlineStatus.LATE
        modality = Modality.SHALL if late is None else Modality.VIOLATION
        only(run(doc, "2025-11-30"), rid, status=status, modality=modality, due="2025-11-20", period_days=15, days_late=late)


def test_an_act_done_early_is_on_time_and_nothing_else_while_its_period_runs():
    # done before the last day and judged before it: on time, not also pending (one status a day)
    S = DeadlineStatus
    only(run(objection_case("2025-09-24", "2025-09-26"), "2025-09-30"), "art_027.p1.review_application.on_time", status=S.ON_TIME, modality=Modality.MAY)
    only(run(review_case("2025-09-20"), "2025-09-25"), "art_027.p1.review.on_time", status=S.ON_TIME, modality=Modality.SHALL)
    only(run(rectify_case("2025-03-20"), "2025-03-25"), "art_027.p2.rectify.on_time", status=S.ON_TIME, modality=Modality.SHALL)
    only(run(after_review_case("2026-02-02"), "2026-02-03"), "art_027.p2.rectify_after_review.on_time", status=S.ON_TIME, modality=Modality.SHALL)


def test_a_late_application_answered_starts_no_review_or_rectification_after_review():
    # applied the day after the window closed (2025-10-10), answered anyway, then a decision letter
    doc = objection_case("2025-09-24", "2025-10-10")
    doc["supervision"]["review_answer"] = {"id": "DF-1", "answered_on": "2025-10-15", "received_on": "2025-10-16", "objection_upheld": False}
    report = run(doc, "2025-10-20")
    absent(report, "art_027.p1.review")  # 应当十五日内复查 binds only an application made in time
    absent(report, "art_027.p2.rectify_after_review")
    only(report, "art_027.p2.rectify.pending", status=DeadlineStatus.PENDING, modality=Modality.SHALL)
    del doc["supervision"]["review_answer"]
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": "2025-11-10", "received_on": "2025-11-11"}
    report = run(doc, "2025-11-20")
    absent(report, "art_028.p1.decision_during_review")  # no review was pending: the application was late


def test_a_timely_objection_not_upheld_then_a_decision_letter_is_reviewed_once():
    # objection 2025-09-16 answered 2025-09-20 (not upheld); rectification after review due 2025-10-20
    # (raw), never reported; decision letter received 2025-11-05: the review is reported once, as on time
    doc = review_case("2025-09-20")
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": "2025-11-04", "received_on": "2025-11-05"}
    for as_of in ("2025-11-10", "2025-12-31"):
        report = run(doc, as_of)
        only(report, "art_027.p1.review.on_time", status=DeadlineStatus.ON_TIME, modality=Modality.SHALL)
        absent(report, "art_027.p1.continued_after_upheld")
    only(run(doc, "2025-11-10"), "art_028.p2.execution_report.pending", status=DeadlineStatus.PENDING, modality=Modality.SHALL)
    doc["supervision"]["execution_report"] = {"id": "ZX-1", "submitted_on": "2025-11-20"}
    only(run(doc, "2025-12-31"), "art_028.p2.execution_report.on_time", status=DeadlineStatus.ON_TIME, modality=Modality.SHALL)
    doc["supervision"]["execution_report"] = {"id": "ZX-1", "submitted_on": "2025-12-31"}
    only(run(doc, "2025-12-31"), "art_028.p2.execution_report.late", status=DeadlineStatus.LATE, modality=Modality.VIOLATION)


# ---- issue 14: the cases that tell each condition of 第二十七条 apart (mutation testing) ------------


def test_continued_after_upheld_rests_on_the_objection_the_answer_and_the_decision_letter():
    # 经复查异议成立的，应当终止本次监督: the breach is the decision letter issued after an upheld review;
    # the records it rests on are the application, the answer and the decision letter, not the
    # suggestion letter (whose rectification period the upheld objection ended)
    doc = review_case("2025-10-09", upheld=True)
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": "2025-11-20", "received_on": "2025-11-21"}
    f = only(run(doc, "2025-12-31"), "art_027.p1.continued_after_upheld", modality=Modality.VIOLATION, cite="第二十七条第一款", subject="恩施市司法局")
    assert f.facts == ("FC-1", "DF-1", "JDS-1")


def test_the_open_window_to_apply_rests_on_the_letter_and_runs_from_its_receipt():
    # 可以自收到建议书之日起十日内申请复查: the permission rests on the suggestion letter, and its ten
    # days run from the day the letter was received (2025-09-24; raw 10-04 rolls to 10-09)
    f = only(run(objection_case("2025-09-24", None), "2025-10-09"), "art_027.p1.review_application.pending", modality=Modality.MAY, status=DeadlineStatus.PENDING, cite="第二十七条第一款", subject="恩施市市场监督管理局")
    assert f.facts == ("JYS-1",)
    assert (f.period_start, f.period_days, f.due) == (date(2025, 9, 24), 10, date(2025, 10, 9))


def test_a_late_application_answered_late_is_no_late_review():
    # applied 2025-10-10, the day after the ten days ran out (2025-10-09); answered a month later: the
    # fifteen days of 第一款 bind only an application made in time, so no review finding at all
    doc = objection_case("2025-09-24", "2025-10-10")
    doc["supervision"]["review_answer"] = {"id": "DF-1", "answered_on": "2025-11-12", "received_on": "2025-11-13", "objection_upheld": False}
    report = run(doc, "2025-11-20")
    absent(report, "art_027.p1.review")
    only(report, "art_027.p1.late_application_answered", modality=Modality.MAY, cite="第二十七条第一款", subject="恩施市司法局")


def test_rectification_reported_right_after_the_review_answer_is_judged_from_the_answer_only():
    # 经复查异议不成立的，自收到复查答复之日起三十日内: a timely objection moves the start of the thirty
    # days to the answer (2026-01-20); a report on 2026-01-21, also inside thirty days from the letter
    # (2025-12-29 -> 2026-01-28), is judged under that clause only, never under 无异议的
    report = run(after_review_case("2026-01-21"), "2026-01-25")
    f = only(report, "art_027.p2.rectify_after_review.on_time", modality=Modality.SHALL, status=DeadlineStatus.ON_TIME, cite="第二十七条第二款", subject="恩施市市场监督管理局")
    assert (f.period_start, f.due, f.done_on) == (date(2026, 1, 20), date(2026, 2, 24), date(2026, 1, 21))
    absent(report, "art_027.p2.rectify.")


@pytest.mark.parametrize(
    ("report_on", "as_of", "status"),
    [
        # the answer to the late application was received 2025-10-16; thirty days from it would end on
        # 2025-11-17 (raw 11-15 a Saturday): no period runs from it, the letter's runs to 2025-10-24
        ("2025-10-20", "2025-10-25", "on_time"),
        ("2025-11-18", "2025-11-20", "late"),
        (None, "2025-11-20", "overdue"),
    ],
)
def test_an_answer_to_a_late_application_starts_no_rectification_period(report_on, as_of, status):
    doc = objection_case("2025-09-24", "2025-10-10")
    doc["supervision"]["review_answer"] = {"id": "DF-1", "answered_on": "2025-10-15", "received_on": "2025-10-16", "objection_upheld": False}
    if report_on:
        doc["supervision"]["rectification_report"] = {"id": "ZG-1", "submitted_on": report_on}
    report = run(doc, as_of)
    absent(report, "art_027.p2.rectify_after_review")
    modality = Modality.SHALL if status == "on_time" else Modality.VIOLATION
    f = only(report, f"art_027.p2.rectify.{status}", modality=modality, status=DeadlineStatus(status), cite="第二十七条第二款", subject="恩施市市场监督管理局")
    assert f.due == date(2025, 10, 24) and f.period_start == date(2025, 9, 24)


@pytest.mark.parametrize(
    ("report_on", "as_of"),
    [(None, "2025-10-20"), ("2025-10-20", "2025-10-25"), ("2025-12-01", "2025-12-10")],
)
def test_an_upheld_objection_leaves_no_rectification_duty_even_if_a_report_comes(report_on, as_of):
    # 经复查异议成立的，应当终止本次监督: nothing of 第二款 follows, whether or not (and whenever) the
    # supervised organ reports a rectification anyway
    doc = review_case("2025-10-09", upheld=True)
    if report_on:
        doc["supervision"]["rectification_report"] = {"id": "ZG-1", "submitted_on": report_on}
    report = run(doc, as_of)
    only(report, "art_027.p1.terminate_supervision", modality=Modality.SHALL, cite="第二十七条第一款", subject="恩施市司法局")
    absent(report, "art_027.p2")


# ---- A27-5: a letter that gives MORE than thirty days (legal review 2, item 1; case c12) ----------

_LR2 = Path(__file__).parent / "fixtures" / "legal_review_2"


def _c12(**supervision):
    doc = json.loads((_LR2 / "c12_longer_days.json").read_text(encoding="utf-8"))
    for k, v in supervision.items():
        if v is None:
            doc["supervision"].pop(k, None)
        else:
            doc["supervision"][k] = v
    return doc


def _run(doc):
    return run(doc, doc["as_of"])


def test_a_report_after_thirty_days_but_within_a_longer_letter_is_only_a_possible_violation():
    # c12: letter received 2026-07-02, 限期60日; thirty days end 08-01 (a Saturday) -> 08-03 (Monday),
    # the letter's sixty end 08-31 (a Monday); the report came on 08-20, within the letter's days
    report = _run(_c12())
    f = only(report, "art_027.p2.rectify.late", modality=Modality.VIOLATION, status=DeadlineStatus.LATE,
             cite="第二十七条第二款", subject="咸丰县人民政府")
    assert (f.article, f.paragraph, f.item) == (27, 2, None)
    assert f.certainty.value == "possible"
    assert (f.period_start, f.due, f.done_on, f.days_late) == (date(2026, 7, 2), date(2026, 8, 3), date(2026, 8, 20), 17)
    why = "；".join(f.uncertain_facts)
    assert "限期60日（至2026年8月31日，含当日）" in why and "在建议书所定期限内报送了整改情况" in why and "须人工判断" in why
    assert "A27-5" in f.interpretations
    # no certain violation anywhere in the report, and the sixty days are in it
    assert not [g for g in report.findings if g.modality is Modality.VIOLATION and g.certainty.value == "certain"]
    n = check_note(report, "art_027.p2.letter_period_too_long", 27, 2, "shall", "supervised")
    assert (n.item, n.excludes, n.certainty.value) == (None, False, "certain") and "A27-5" in n.interpretations
    assert "限期60日（至2026年8月31日，含当日）整改，与第二十七条第二款规定的三十日不一致" in n.message
    # a possible lateness is not on the timeline as if it were settled
    assert "art_027.p2.rectify.late" not in [t.rule_id for t in report.timeline]


def test_a_report_after_the_longer_letters_own_days_is_a_certain_violation():
    # 09-01 is the day after the letter's sixty days: late under both readings
    report = _run(_c12(rectification_report={"id": "R-1", "submitted_on": "2026-09-01"}))
    f = only(report, "art_027.p2.rectify.late", modality=Modality.VIOLATION, status=DeadlineStatus.LATE)
    assert f.certainty.value == "certain" and f.uncertain_facts == ()
    assert (f.due, f.days_late) == (date(2026, 8, 3), 29)
    check_note(report, "art_027.p2.letter_period_too_long", 27, 2, "shall", "supervised")
    # on the letter's last day it is still only possible
    g = only(_run(_c12(rectification_report={"id": "R-1", "submitted_on": "2026-08-31"})), "art_027.p2.rectify.late")
    assert g.certainty.value == "possible" and g.days_late == 28


def test_not_reported_while_a_longer_letters_days_still_run_is_possible_and_so_is_the_duty_to_decide():
    doc = _c12(rectification_report=None)
    doc["as_of"] = "2026-08-31"  # the letter's last day: overdue under the thirty days only
    report = _run(doc)
    f = only(report, "art_027.p2.rectify.overdue", modality=Modality.VIOLATION, status=DeadlineStatus.OVERDUE)
    assert (f.article, f.paragraph, f.item, f.due) == (27, 2, None, date(2026, 8, 3))
    assert f.certainty.value == "possible" and "至判断日建议书所定期限尚未届满" in "；".join(f.uncertain_facts)
    d = only(report, "art_028.p1.decision_required", modality=Modality.SHALL, cite="第二十八条第一款", subject="恩施土家族苗族自治州司法局")
    assert (d.article, d.paragraph, d.item) == (28, 1, None)
    assert d.certainty.value == "possible" and "限期60日" in "；".join(d.uncertain_facts)
    # the day after the letter's days: both certain
    doc["as_of"] = "2026-09-01"
    report = _run(doc)
    assert only(report, "art_027.p2.rectify.overdue").certainty.value == "certain"
    assert only(report, "art_028.p1.decision_required").certainty.value == "certain"


def test_a_letter_of_thirty_days_or_fewer_changes_nothing_for_a_late_report():
    # the lateness of a letter that gives thirty days (or fewer, A27-5's note) stays certain
    for days in (30, 20):
        report = _run(_c12(suggestion_letter={"id": "L", "issued_on": "2026-07-01", "received_on": "2026-07-02", "rectification_days": days}))
        f = only(report, "art_027.p2.rectify.late")
        assert f.certainty.value == "certain" and f.days_late == 17
        absent(report, "art_027.p2.letter_period_too_long")
