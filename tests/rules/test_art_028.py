"""第二十八条: the decision letter after a missed rectification period, and its execution report."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import enshi_rules
from enshi_rules import DeadlineStatus, Modality
from enshi_rules.testing import assert_no_note, assert_note

from .casebuilder import absent, case, letter, only, run

CITE_P1 = "《恩施土家族苗族自治州行政执法监督办法》第二十八条第一款"
CITE_P2 = "《恩施土家族苗族自治州行政执法监督办法》第二十八条第二款"


def default_case(decision_on: str | None = None, received_on: str | None = None, report_on: str | None = None, rect_on: str | None = None):
    # letter received 2025-03-03: rectification due 2025-04-02 (worked example)
    doc = case(
        started_on="2025-03-01",
        suggestion_letter=letter(received="2025-03-03", issued="2025-03-01"),
        rectification_report={"id": "ZG-1", "submitted_on": rect_on} if rect_on else None,
    )
    if decision_on:
        doc["supervision"]["decision_letter"] = {
            "id": "JDS-1", "issued_on": decision_on, "received_on": received_on, "orders": ["限期履行法定职责"],
        }
        if received_on is None:
            del doc["supervision"]["decision_letter"]["received_on"]
    if report_on:
        doc["supervision"]["execution_report"] = {"id": "ZX-1", "submitted_on": report_on}
    return doc


# ---- 第一款 -------------------------------------------------------------------------------


def test_decision_required_the_day_after_the_rectification_period_ran_out():
    f = only(run(default_case(), "2025-04-03"), "art_028.p1.decision_required", modality=Modality.SHALL, cite="第二十八条第一款", subject="恩施市司法局")
    assert (f.article, f.paragraph, f.item) == (28, 1, None) and f.citation == CITE_P1
    assert f.modality is Modality.SHALL and f.subject == "恩施市司法局"
    assert f.facts == ("JYS-1",)


def test_no_decision_duty_on_the_last_day_of_the_rectification_period():
    absent(run(default_case(), "2025-04-02"), "art_028")


def test_no_decision_duty_after_an_on_time_rectification():
    absent(run(default_case(rect_on="2025-04-01"), "2025-06-30"), "art_028")


def test_decision_issued_after_default_fulfils_the_duty():
    report = run(default_case("2025-04-10", "2025-04-11"), "2025-04-20")
    f = only(report, "art_028.p1.decision_issued", modality=Modality.SHALL, cite="第二十八条第一款", subject="恩施市司法局")
    assert f.modality is Modality.SHALL
    absent(report, "art_028.p1.decision_required")
    absent(report, "art_028.p1.decision_without_default")


def test_decision_issued_after_a_late_rectification_is_still_founded():
    only(run(default_case("2025-04-10", "2025-04-11", rect_on="2025-04-05"), "2025-04-20"), "art_028.p1.decision_issued", modality=Modality.SHALL, cite="第二十八条第一款", subject="恩施市司法局")


def _late_note(report):
    assert [n.rule_id for n in report.notes].count("art_028.p1.late_rectification") == 1, [n.rule_id for n in report.notes]
    return assert_note(report, rule_id="art_028.p1.late_rectification", cite="第二十八条第一款", excludes=False)


def test_a_late_rectification_before_any_decision_is_a_note_for_a_person():
    # due 2025-04-02, reported 2025-04-05, no decision letter (legal review (c)18, A28-5)
    report = run(default_case(rect_on="2025-04-05"), "2025-04-20")
    n = _late_note(report)
    assert (n.article, n.paragraph, n.item, n.citation, n.excludes) == (28, 1, None, CITE_P1, False)
    assert "2025年4月5日报送整改情况，晚于整改期限（至2025年4月2日，含当日），但在制发决定书之前。" in n.message
    assert "监督机关是否仍应制发《行政执法监督决定书》" in n.message and "须人工判断" in n.message and "A28-5" in n.interpretations
    absent(report, "art_028.p1.decision_required")  # no duty found either way
    absent(report, "art_028.p1.decision_without_default")
    only(report, "art_027.p2.rectify.late", modality=Modality.VIOLATION, status=DeadlineStatus.LATE)


def test_a_late_rectification_before_the_decision_letter_is_a_note_too():
    report = run(default_case("2025-04-10", "2025-04-11", rect_on="2025-04-05"), "2025-04-20")
    n = _late_note(report)
    assert "监督机关于2025年4月10日制发的《行政执法监督决定书》是否具备这一前提" in n.message


def _longer_letter(rect_on: str, decision_on: str | None = None):
    # the letter gives 60 days: from receipt on 2025-03-03 they end on 2025-05-02, in the 2025 May Day
    # holiday (5月1日至5日), so on 2025-05-06; the thirty days of 第二十七条第二款 end on 2025-04-02
    doc = default_case(decision_on, decision_on, rect_on=rect_on)
    doc["supervision"]["suggestion_letter"]["rectification_days"] = 60
    return doc


def test_a_late_rectification_within_a_longer_letter_is_only_possibly_late_in_the_note():
    """A27-5 with A28-5 (legal review 2, item 1): reported after the thirty days but within the
    letter's sixty, no decision letter: the lateness itself is only possible, and the note says so
    instead of calling the report late."""
    report = run(_longer_letter("2025-04-20"), "2025-05-20")
    n = _late_note(report)
    assert (n.article, n.paragraph, n.excludes) == (28, 1, False)
    assert n.message.startswith(
        "被监督机关于2025年4月20日报送整改情况，晚于第二十七条第二款三十日的整改期限（至2025年4月2日，含当日），"
        "但在《行政执法监督建议书》所定60日期限（至2025年5月6日，含当日）之内，是否逾期本身须人工判断（A27-5），本报告只作“可能违反”的认定；"
    )
    assert "如认定逾期，逾期后已报送整改情况的，是否仍属第二十八条第一款所称“逾期未自行纠正”，监督机关是否仍应制发《行政执法监督决定书》" in n.message
    assert "晚于整改期限（至" not in n.message
    assert {"A27-5", "A28-5"} <= set(n.interpretations)
    f = only(report, "art_027.p2.rectify.late", modality=Modality.VIOLATION, status=DeadlineStatus.LATE, due="2025-04-02", days_late=18)
    assert f.certainty == "possible"
    absent(report, "art_028.p1.decision_required")
    # a decision letter issued after that report: the same doubt, naming the letter
    n = _late_note(run(_longer_letter("2025-04-20", "2025-04-25"), "2025-05-20"))
    assert "是否逾期本身须人工判断（A27-5）" in n.message
    assert "监督机关于2025年4月25日制发的《行政执法监督决定书》是否具备这一前提" in n.message


def test_a_rectification_after_the_longer_letters_own_days_is_late_in_the_note():
    # reported on 2025-05-07, after the letter's own sixty days too: late for certain, as without a letter
    report = run(_longer_letter("2025-05-07"), "2025-05-20")
    n = _late_note(report)
    assert n.message.startswith("被监督机关于2025年5月7日报送整改情况，晚于整改期限（至2025年4月2日，含当日），但在制发决定书之前。")
    assert "A27-5" not in n.message and "建议书》所定" not in n.message
    assert n.interpretations.count("A28-5") == 1 and "A27-5" not in n.interpretations
    f = only(report, "art_027.p2.rectify.late", modality=Modality.VIOLATION, status=DeadlineStatus.LATE, due="2025-04-02", days_late=35)
    assert f.certainty == "certain"
    # on the letter's last day itself (2025-05-06): still within it, only possible
    n = _late_note(run(_longer_letter("2025-05-06"), "2025-05-20"))
    assert "但在《行政执法监督建议书》所定60日期限（至2025年5月6日，含当日）之内" in n.message


def test_a_rectification_reported_after_the_decision_letter_gives_no_note():
    report = run(default_case("2025-04-10", "2025-04-11", rect_on="2025-04-12"), "2025-04-20")
    assert_no_note(report, rule_id="art_028.p1.late_rectification")
    only(report, "art_028.p1.decision_issued", modality=Modality.SHALL)
    for doc in (default_case(rect_on="2025-04-01"), default_case()):  # on time; never reported
        assert_no_note(run(doc, "2025-04-20"), rule_id="art_028.p1.late_rectification")


def test_decision_issued_on_the_last_day_of_the_rectification_period_lacks_its_premise():
    f = only(run(default_case("2025-04-02", "2025-04-02"), "2025-04-20"), "art_028.p1.decision_without_default", modality=Modality.VIOLATION,
             message_contains="不具备第二十八条第一款的前提")  # the premise of 第一款, cited in the message
    assert f.modality is Modality.VIOLATION and f.citation == CITE_P1
    absent(run(default_case("2025-04-02", "2025-04-02"), "2025-04-20"), "art_028.p1.decision_issued")


def test_decision_after_an_on_time_rectification_lacks_its_premise():
    report = run(default_case("2025-04-10", "2025-04-11", rect_on="2025-04-01"), "2025-04-20")
    f = only(report, "art_028.p1.decision_without_default", modality=Modality.VIOLATION, cite="第二十八条第一款", subject="恩施市司法局")
    assert f.subject == "恩施市司法局"
    absent(report, "art_028.p1.decision_issued")  # issued after the due day, but there was no default


# ---- 第二款: 自收到决定书之日起三十日内将执行情况报告 ---------------------------------------------------


def test_execution_report_on_the_last_day_is_on_time():
    # decision received 2025-09-16: raw 2025-10-16 (Thursday)
    f = only(run(default_case("2025-09-15", "2025-09-16", report_on="2025-10-16"), "2025-11-30"), "art_028.p2.execution_report.on_time", modality=Modality.SHALL, status=DeadlineStatus.ON_TIME, cite="第二十八条第二款", subject="恩施市市场监督管理局")
    assert (f.article, f.paragraph) == (28, 2) and f.citation == CITE_P2
    assert f.modality is Modality.SHALL and f.subject == "恩施市市场监督管理局"
    assert (f.period_start, f.period_days, f.due) == (date(2025, 9, 16), 30, date(2025, 10, 16))


def test_execution_report_the_day_after_is_late():
    f = only(run(default_case("2025-09-15", "2025-09-16", report_on="2025-10-17"), "2025-11-30"), "art_028.p2.execution_report.late", modality=Modality.VIOLATION, status=DeadlineStatus.LATE, cite="第二十八条第二款", subject="恩施市市场监督管理局")
    assert f.days_late == 1 and f.modality is Modality.VIOLATION


def test_execution_report_period_over_national_day():
    # decision received 2025-09-05: raw 2025-10-05 (National Day holiday) -> 2025-10-09
    pending = only(run(default_case("2025-09-04", "2025-09-05"), "2025-10-09"), "art_028.p2.execution_report.pending", modality=Modality.SHALL, status=DeadlineStatus.PENDING, cite="第二十八条第二款", subject="恩施市市场监督管理局")
    assert pending.due == date(2025, 10, 9) and pending.status is DeadlineStatus.PENDING
    overdue = only(run(default_case("2025-09-04", "2025-09-05"), "2025-10-10"), "art_028.p2.execution_report.overdue", modality=Modality.VIOLATION, status=DeadlineStatus.OVERDUE, cite="第二十八条第二款", subject="恩施市市场监督管理局")
    assert overdue.days_late == 1


def test_missing_receipt_of_the_decision_is_named():
    report = run(default_case("2025-04-10"), "2025-06-30")
    absent(report, "art_028.p2")
    assert [m.field for m in report.missing_facts] == ["supervision.decision_letter.received_on"]
    assert report.missing_facts[0].needed_for == "第二十八条第二款"


def test_a_decision_within_the_review_period_is_judged_as_one_during_review_only():
    # letter received 2025-04-03, application 2025-04-10: the review is owed by 2025-04-25, and the
    # decision letter of 2025-04-20 comes before it. The rectification period has not begun, so there
    # is no outcome of it for 第一款's "逾期未自行纠正" to be missing from: only decision_during_review.
    # (Without its kind guard decision_without_default fired on the review fact, whose due is the
    # review's: a mutant that only uninitialised engine memory used to kill; issue det.)
    doc = case(
        started_on="2025-03-20",
        suggestion_letter=letter(received="2025-04-03", issued="2025-04-01"),
        objection={"id": "FC-1", "filed_on": "2025-04-10"},
    )
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": "2025-04-20", "received_on": "2025-04-21"}
    report = run(doc, "2025-04-22")
    only(report, "art_028.p1.decision_during_review", modality=Modality.VIOLATION, cite="第二十八条第一款")
    absent(report, "art_028.p1.decision_without_default")
    absent(report, "art_028.p1.decision_issued")


def test_decision_while_a_timely_review_is_pending_lacks_its_premise():
    # letter received 2025-04-03, application 2025-04-10 (window to 2025-04-14), no answer yet
    doc = case(
        started_on="2025-03-20",
        suggestion_letter=letter(received="2025-04-03", issued="2025-04-01"),
        objection={"id": "FC-1", "filed_on": "2025-04-10"},
    )
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": "2025-06-10", "received_on": "2025-06-11"}
    report = run(doc, "2025-06-30")
    f = only(report, "art_028.p1.decision_during_review", modality=Modality.VIOLATION, message_contains="不具备第二十八条第一款“逾期未自行纠正”的前提")
    assert f.modality is Modality.VIOLATION and f.citation == CITE_P1 and f.subject == "恩施市司法局"
    absent(report, "art_028.p1.decision_issued")
    # the same case answered (objection not upheld) is not a decision during review
    doc["supervision"]["review_answer"] = {"id": "DF-1", "answered_on": "2025-04-20", "received_on": "2025-04-21", "objection_upheld": False}
    absent(run(doc, "2025-06-30"), "art_028.p1.decision_during_review")


def test_no_execution_report_duty_after_an_upheld_objection():
    doc = case(
        started_on="2025-03-20",
        suggestion_letter=letter(received="2025-04-03", issued="2025-04-01"),
        objection={"id": "FC-1", "filed_on": "2025-04-10"},
        review_answer={"id": "DF-1", "answered_on": "2025-04-20", "received_on": "2025-04-21", "objection_upheld": True},
    )
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": "2025-06-10", "received_on": "2025-06-11"}
    report = run(doc, "2025-08-30")
    only(report, "art_027.p1.continued_after_upheld", modality=Modality.VIOLATION, cite="第二十七条第一款", subject="恩施市司法局")
    # the execution-report finding is made but defeated by the termination, and off the timeline (A28-4, E-1)
    f = only(report, "art_028.p2.execution_report.overdue", modality=Modality.VIOLATION, status=DeadlineStatus.OVERDUE)
    assert f.defeated_by == "art_027.p1.terminate_supervision"
    assert [t.rule_id for t in report.timeline if t.rule_id.startswith("art_028")] == []
    # not upheld: the duty runs from the decision's receipt (2025-06-11 + 30 = 07-11, a Friday)
    doc["supervision"]["review_answer"]["objection_upheld"] = False
    f = only(run(doc, "2025-08-30"), "art_028.p2.execution_report.overdue", modality=Modality.VIOLATION, status=DeadlineStatus.OVERDUE, cite="第二十八条第二款", subject="恩施市市场监督管理局")
    assert f.due == date(2025, 7, 11)


def test_an_execution_report_made_early_is_on_time_and_not_also_pending():
    only(run(default_case("2025-04-10", "2025-04-11", report_on="2025-04-20"), "2025-04-25"), "art_028.p2.execution_report.on_time",
         status=DeadlineStatus.ON_TIME, modality=Modality.SHALL)


def test_a_decision_during_review_rests_on_the_letter_the_application_and_the_decision():
    # 逾期未自行纠正 is judged against the suggestion letter: the finding names the letter whose period
    # the timely application suspended, the application and the decision letter
    doc = case(
        started_on="2025-03-20",
        suggestion_letter=letter(received="2025-04-03", issued="2025-04-01"),
        objection={"id": "FC-1", "filed_on": "2025-04-10"},
    )
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": "2025-06-10", "received_on": "2025-06-11"}
    f = only(run(doc, "2025-06-30"), "art_028.p1.decision_during_review", modality=Modality.VIOLATION, cite="第二十八条第一款", subject="恩施市司法局")
    assert f.facts == ("JYS-1", "FC-1", "JDS-1")


# ---- A27-5: a decision resting on a lateness within a longer letter's own days (legal review 2, item 1)

def _c12_decided(decision_on: str, received_on: str, report_on: str | None, as_of: str = "2026-11-30"):
    doc = json.loads((Path(__file__).parent / "fixtures" / "legal_review_2" / "c12_longer_days.json").read_text(encoding="utf-8"))
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": decision_on, "received_on": received_on}
    if report_on is None:
        doc["supervision"].pop("rectification_report")
    else:
        doc["supervision"]["rectification_report"]["submitted_on"] = report_on
    return enshi_rules.evaluate(doc, as_of=as_of)


def test_a_decision_issued_within_a_longer_letters_days_and_what_rests_on_it_are_only_possible():
    # c12's letter gives 60 days (to 2026-08-31); the thirty end 08-03. Decision on 08-10, received 08-11
    # (execution report due 09-10), no rectification, no execution report, judged 11-30
    report = _c12_decided("2026-08-10", "2026-08-11", None)
    d = only(report, "art_028.p1.decision_issued", modality=Modality.SHALL, cite="第二十八条第一款", subject="恩施土家族苗族自治州司法局")
    assert (d.article, d.paragraph, d.item, d.performed) == (28, 1, None, True)
    assert d.certainty.value == "possible" and "监督机关在建议书所定期限届满前制发了决定书" in "；".join(d.uncertain_facts)
    assert "A27-5" in d.interpretations
    e = only(report, "art_028.p2.execution_report.overdue", modality=Modality.VIOLATION, status=DeadlineStatus.OVERDUE,
             cite="第二十八条第二款", subject="咸丰县人民政府")
    assert (e.article, e.paragraph, e.item, e.due) == (28, 2, None, date(2026, 9, 10))
    assert e.certainty.value == "possible" and "限期60日（至2026年8月31日，含当日）" in "；".join(e.uncertain_facts)
    assert "A27-5" in e.interpretations
    i = only(report, "art_029.p2.interview_head", modality=Modality.MAY, cite="第二十九条第二款")
    assert (i.article, i.paragraph, i.item) == (29, 2, None) and i.certainty.value == "possible"
    # the rectification itself is overdue under both readings on 11-30 (the letter's days ended 08-31)
    r = only(report, "art_027.p2.rectify.overdue")
    assert r.certainty.value == "certain" and r.counted_to == date(2026, 8, 10)


def test_a_decision_after_a_report_within_a_longer_letters_days_is_only_possible():
    # reported 08-20 (within the sixty days), decided 09-05 anyway
    report = _c12_decided("2026-09-05", "2026-09-07", None)
    assert only(report, "art_028.p1.decision_issued").certainty.value == "certain"  # nothing reported by 09-05: late on both readings
    report = _c12_decided("2026-09-05", "2026-09-07", "2026-08-20")
    d = only(report, "art_028.p1.decision_issued")
    assert d.certainty.value == "possible" and "在建议书所定期限内报送了整改情况" in "；".join(d.uncertain_facts)
    assert only(report, "art_029.p2.interview_head").certainty.value == "possible"


def test_a_decision_after_the_longer_letters_days_without_a_report_is_certain():
    report = _c12_decided("2026-09-01", "2026-09-02", None)
    assert only(report, "art_028.p1.decision_issued").certainty.value == "certain"
    assert only(report, "art_029.p2.interview_head").certainty.value == "certain"
    assert only(report, "art_028.p2.execution_report.overdue").certainty.value == "certain"


# ---- A26-6: a letter lacking its premise binds the supervised organ to nothing (legal review 2, item 2)

def _c14():
    return json.loads((Path(__file__).parent / "fixtures" / "legal_review_2" / "c14_premature_decision.json").read_text(encoding="utf-8"))


def test_a_letter_without_its_premise_excludes_the_rectification_the_decision_and_what_rests_on_them():
    # c14: the only situation is not confirmed; letter 2026-07-01 (received 07-02), decision 07-20 (received
    # 07-21) before the thirty days (to 08-03) ran out; nothing reported; judged 2026-11-30
    report = enshi_rules.evaluate(_c14(), as_of="2026-11-30")
    v = only(report, "art_026.p1.letter_without_confirmed_situation", modality=Modality.VIOLATION, cite="第二十六条",
             subject="恩施土家族苗族自治州司法局")
    assert (v.article, v.paragraph, v.item, v.defeated_by) == (26, 1, None, None)
    assert "不产生第二十七条第二款的整改义务" in v.message and "A26-6" in v.interpretations
    d = only(report, "art_028.p1.decision_without_default", modality=Modality.VIOLATION, cite="第二十八条第一款")
    assert (d.article, d.paragraph, d.item, d.defeated_by) == (28, 1, None, None)
    # the supervised organ's duties under those letters stay in the report, excluded (E-1)
    r = only(report, "art_027.p2.rectify.overdue", modality=Modality.VIOLATION, status=DeadlineStatus.OVERDUE,
             cite="第二十七条第二款", subject="咸丰县人民政府")
    assert (r.article, r.paragraph, r.item, r.due) == (27, 2, None, date(2026, 8, 3))
    assert r.defeated_by == "art_026.p1.letter_without_confirmed_situation" and r.certainty.value == "certain"
    e = only(report, "art_028.p2.execution_report.overdue", modality=Modality.VIOLATION, status=DeadlineStatus.OVERDUE,
             cite="第二十八条第二款", subject="咸丰县人民政府")
    assert (e.article, e.paragraph, e.item, e.due) == (28, 2, None, date(2026, 8, 20))
    assert e.defeated_by in ("art_026.p1.letter_without_confirmed_situation", "art_028.p1.decision_without_default")
    i = only(report, "art_029.p2.interview_head", modality=Modality.MAY, cite="第二十九条第二款")
    assert (i.article, i.paragraph, i.item) == (29, 2, None) and i.defeated_by is not None
    # no violation of the supervised organ stands, and none is on the timeline
    assert not [f for f in report.findings if f.subject == "咸丰县人民政府" and f.modality is Modality.VIOLATION and f.defeated_by is None]
    assert [t.rule_id for t in report.timeline if t.rule_id.startswith(("art_027.p2", "art_028"))] == []


def test_a_decision_without_its_premise_excludes_its_execution_report_and_the_interview_on_it():
    # the same case with the situation confirmed: the letter stands (its rectification is judged), only
    # the early decision lacks its premise
    doc = _c14()
    doc["supervision"]["situations"][0]["confirmed"] = True
    report = enshi_rules.evaluate(doc, as_of="2026-11-30")
    absent(report, "art_026.p1.letter_without_confirmed_situation")
    r = only(report, "art_027.p2.rectify.overdue", status=DeadlineStatus.OVERDUE, cite="第二十七条第二款")
    assert r.defeated_by is None and r.certainty.value == "certain"
    d = only(report, "art_028.p1.decision_without_default", modality=Modality.VIOLATION, cite="第二十八条第一款")
    assert "不产生第二十八条第二款的执行情况报告义务" in d.message and "A26-6" in d.interpretations
    e = only(report, "art_028.p2.execution_report.overdue", modality=Modality.VIOLATION, cite="第二十八条第二款", subject="咸丰县人民政府")
    assert (e.article, e.paragraph, e.item, e.defeated_by) == (28, 2, None, "art_028.p1.decision_without_default")
    i = only(report, "art_029.p2.interview_head", modality=Modality.MAY)
    assert i.defeated_by == "art_028.p1.decision_without_default"
    # a serious impact is a ground of its own: that interview stands (A29-2)
    doc["supervision"]["serious_impact"] = True
    report = enshi_rules.evaluate(doc, as_of="2026-11-30")
    s = only(report, "art_029.p2.interview_serious_impact", modality=Modality.MAY, cite="第二十九条第二款")
    assert s.defeated_by is None
    # a founded decision (after the thirty days, nothing reported) excludes nothing
    doc["supervision"]["decision_letter"].update(issued_on="2026-08-10", received_on="2026-08-11")
    report = enshi_rules.evaluate(doc, as_of="2026-11-30")
    absent(report, "art_028.p1.decision_without_default")
    assert only(report, "art_028.p2.execution_report.overdue").defeated_by is None
    assert only(report, "art_029.p2.interview_head").defeated_by is None


def test_a_decision_during_a_pending_review_excludes_its_execution_report():
    doc = case(
        started_on="2025-03-20",
        suggestion_letter=letter(received="2025-04-03", issued="2025-04-01"),
        objection={"id": "FC-1", "filed_on": "2025-04-10"},
    )
    doc["supervision"]["decision_letter"] = {"id": "JDS-1", "issued_on": "2025-06-10", "received_on": "2025-06-11"}
    report = run(doc, "2025-08-30")
    only(report, "art_028.p1.decision_during_review", modality=Modality.VIOLATION, cite="第二十八条第一款")
    e = only(report, "art_028.p2.execution_report.overdue", modality=Modality.VIOLATION, status=DeadlineStatus.OVERDUE, cite="第二十八条第二款")
    assert (e.article, e.paragraph, e.item, e.due) == (28, 2, None, date(2025, 7, 11))
    assert e.defeated_by == "art_028.p1.decision_during_review"
    assert only(report, "art_029.p2.interview_head").defeated_by == "art_028.p1.decision_during_review"
