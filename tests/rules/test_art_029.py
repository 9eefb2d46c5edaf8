"""第二十九条: circulation and interviewing the head are permissions (可以)."""

from __future__ import annotations

from .mcase import absent, case, check, only, run, sup

SIT = [{"id": "QX-1", "item": 1, "confirmed": True, "found_on": "2025-05-06"}]


def test_p1_circulate_when_something_was_confirmed():
    f = only(run(sup(case(), situations=SIT)), "art_029.p1.circulate")
    check(f, "art_029.p1.circulate", 29, 1, None, "may", "恩施市司法局")


def test_p1_nothing_confirmed_nothing_to_circulate():
    absent(run(sup(case(), situations=[{**SIT[0], "confirmed": False}])), "art_029.p1.circulate")


def test_p2_interview_after_serious_impact():
    # the ground of serious impact is its own finding, not the decision letter's (A29-2)
    r = run(sup(case(), situations=SIT, serious_impact=True))
    f = only(r, "art_029.p2.interview_serious_impact", message_contains="情况突出、造成重大影响")
    check(f, "art_029.p2.interview_serious_impact", 29, 2, None, "may", "恩施市司法局")
    absent(r, "art_029.p2.interview_head")


def test_p2_both_grounds_give_two_findings():
    # a decision letter and a serious impact: each ground its own finding, so one can fall alone
    doc = sup(case(), situations=SIT, serious_impact=True,
              suggestion_letter={"id": "JYS-1", "issued_on": "2025-05-20", "received_on": "2025-05-21"},
              decision_letter={"id": "JDS-1", "issued_on": "2025-07-20", "received_on": "2025-07-21"})
    r = run(doc)
    check(only(r, "art_029.p2.interview_head", message_contains="决定书"), "art_029.p2.interview_head", 29, 2, None, "may", "恩施市司法局")
    check(only(r, "art_029.p2.interview_serious_impact"), "art_029.p2.interview_serious_impact", 29, 2, None, "may", "恩施市司法局")


def test_p2_no_interview_permission_without_its_condition():
    r = run(sup(case(), situations=SIT))
    absent(r, "art_029.p2.interview_head")
    absent(r, "art_029.p2.interview_serious_impact")


def test_p2_interview_after_decision_letter():
    doc = sup(case(), situations=SIT,
              suggestion_letter={"id": "JYS-1", "issued_on": "2025-05-20", "received_on": "2025-05-21"},
              decision_letter={"id": "JDS-1", "issued_on": "2025-07-20", "received_on": "2025-07-21"})
    f = only(run(doc), "art_029.p2.interview_head")
    assert "决定书" in f.message


def test_p2_interview_without_ground():
    r = run(sup(case(), situations=SIT, head_interviewed_on="2025-06-01"))
    f = only(r, "art_029.p2.interview_without_ground", message_contains="缺少第二十九条第二款的依据")
    check(f, "art_029.p2.interview_without_ground", 29, 2, None, "may", "恩施市司法局")
    absent(r, "art_029.p2.interview_head")


def test_p2_interview_with_ground_is_not_without_ground():
    absent(run(sup(case(), situations=SIT, serious_impact=True, head_interviewed_on="2025-06-01")), "art_029.p2.interview_without_ground")


def test_p1_a_circulation_recorded_is_reported_with_its_date():
    # something confirmed and circulated: the permission, and the day it was used
    f = only(run(sup(case(), situations=SIT, circulated_on="2025-06-10")), "art_029.p1.circulate", modality="may")
    assert "已于2025年6月10日通报" in f.message
    # nothing confirmed, but a circulation recorded: still reported (what was circulated is on record)
    f = only(run(sup(case(), situations=[{**SIT[0], "confirmed": False}], circulated_on="2025-06-10")), "art_029.p1.circulate", modality="may")
    assert "已于2025年6月10日通报" in f.message
    # nothing confirmed, nothing circulated, but the follow-up record exists (a serious impact): nothing
    absent(run(sup(case(), situations=[{**SIT[0], "confirmed": False}], serious_impact=True)), "art_029.p1.circulate")


def test_p2_an_interview_after_a_decision_letter_has_its_ground():
    # 已被制发决定书的 is a ground of its own: without a serious impact the interview still has one
    doc = sup(case(), situations=SIT, head_interviewed_on="2025-08-01",
              suggestion_letter={"id": "JYS-1", "issued_on": "2025-05-20", "received_on": "2025-05-21"},
              decision_letter={"id": "JDS-1", "issued_on": "2025-07-20", "received_on": "2025-07-21"})
    r = run(doc)
    absent(r, "art_029.p2.interview_without_ground")
    check(only(r, "art_029.p2.interview_head"), "art_029.p2.interview_head", 29, 2, None, "may", "恩施市司法局")
