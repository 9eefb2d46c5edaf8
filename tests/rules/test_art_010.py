"""第十条第二款: complaints and reports must be dealt with."""

from __future__ import annotations

from .mcase import absent, case, check, only, run


def _c(**kw):
    rec = {"id": "TS-1", "complainant": "公民", "kind": "投诉", "about": "执法人员未出示证件", "received_on": "2025-07-01"}
    rec.update(kw)
    return case(complaints=[rec])


def test_unhandled_complaint():
    f = only(run(_c()), "art_010.p2.complaint_unhandled")
    check(f, "art_010.p2.complaint_unhandled", 10, 2, None, "shall", "恩施市司法局")


def test_handled_complaint_is_not_outstanding():
    absent(run(_c(handled_on="2025-07-20")), "art_010.p2.complaint_unhandled")


def test_handled_complaint():
    f = only(run(_c(handled_on="2025-07-20")), "art_010.p2.complaint_handled")
    check(f, "art_010.p2.complaint_handled", 10, 2, None, "shall", "恩施市司法局")


def test_unhandled_is_not_reported_as_handled():
    absent(run(_c()), "art_010.p2.complaint_handled")


def test_handled_before_received_is_a_data_error():
    import pytest

    import enshi_rules

    with pytest.raises(enshi_rules.CaseValidationError, match=r"complaints\[0\]\.handled_on"):
        run(_c(handled_on="2025-06-01"))


def test_no_complaint_recorded_no_finding_under_article_10():
    """The same case without the complaint: neither rule of 第十条第二款 applies."""
    r = run(case())
    absent(r, "art_010.p2.complaint_unhandled")
    absent(r, "art_010.p2.complaint_handled")
    assert [f.rule_id for f in r.findings if f.article == 10] == []
    assert [n.rule_id for n in r.notes] == ["art_003.p1.supervision_relation", "art_003.p2.listed_activity", "art_035.p1.in_force"]
