"""第三十条: supervision results feed the rule-of-law performance assessment (informational)."""

from __future__ import annotations

from .mcase import absent, case, check, only, run, sup

SIT = [{"id": "QX-1", "item": 1, "confirmed": True, "found_on": "2025-05-06"}]


def test_result_goes_into_the_assessment():
    doc = sup(case(), situations=SIT, suggestion_letter={"id": "JYS-1", "issued_on": "2025-05-20", "received_on": "2025-05-21"})
    f = only(run(doc, "2025-05-25"), "art_030.p1.performance_assessment")
    check(f, "art_030.p1.performance_assessment", 30, 1, None, "shall", "纳入考核的机关（负责法治建设绩效考核的机关，案件未记录）")


def test_no_result_yet():
    absent(run(sup(case(), situations=SIT), "2025-05-25"), "art_030.p1.performance_assessment")


def test_the_result_rests_on_the_confirmed_situations():
    # 行政执法监督结果: the finding names what the supervision found (the confirmed situation), once
    doc = sup(case(), situations=SIT, suggestion_letter={"id": "JYS-1", "issued_on": "2025-05-20", "received_on": "2025-05-21"})
    f = only(run(doc, "2025-05-25"), "art_030.p1.performance_assessment")
    check(f, "art_030.p1.performance_assessment", 30, 1, None, "shall", "纳入考核的机关（负责法治建设绩效考核的机关，案件未记录）")
    assert f.facts == ("QX-1",)
