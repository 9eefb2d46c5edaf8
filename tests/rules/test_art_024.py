"""第二十四条: on-site supervision — certificates, at least two, withdrawal, confidentiality."""

from __future__ import annotations

from enshi_rules._evaluate.text_report import finding_tag
from enshi_rules.testing import assert_no_finding

from .mcase import absent, case, check, only, run

SFJ = "恩施市司法局"


def _sv(name, shown=True, conflict=False, withdrew=False):
    return {"name": name, "certificate_no": f"HB-{name}", "certificate_shown": shown,
            "conflict_of_interest": conflict, "withdrew": withdrew}


def _ins(supervisors, **kw):
    rec = {"id": "JC-1", "on_site": True, "conducted_on": "2025-05-20", "supervisors": supervisors}
    rec.update(kw)
    return case(inspections=[rec])


TWO = [_sv("刘某"), _sv("陈某")]


def test_i1_at_least_two():
    f = only(run(_ins(TWO)), "art_024.p1.i1.at_least_two")
    check(f, "art_024.p1.i1.at_least_two", 24, 1, 1, "shall_not", SFJ)
    assert f.citation.endswith("第二十四条第（一）项")
    # the 不得 kept reads 【不得·已遵守】 (legal review (c)14), like a duty performed reads 【应当·已履行】
    assert f.performed is True and finding_tag(f) == "不得·已遵守"


def test_i1_too_few_reads_violated():
    f = only(run(_ins(TWO[:1])), "art_024.p1.i1.too_few_supervisors")
    assert f.performed is False and finding_tag(f) == "违反"


def test_i1_too_few():
    r = run(_ins(TWO[:1]))
    check(only(r, "art_024.p1.i1.too_few_supervisors"), "art_024.p1.i1.too_few_supervisors", 24, 1, 1, "violation", SFJ)
    absent(r, "art_024.p1.i1.at_least_two")


def test_i1_two_is_not_too_few():
    absent(run(_ins(TWO)), "art_024.p1.i1.too_few_supervisors")


def test_i1_a_withdrawn_supervisor_does_not_count():
    r = run(_ins([*TWO[:1], _sv("陈某", conflict=True, withdrew=True)]))
    only(r, "art_024.p1.i1.too_few_supervisors")


def test_i1_not_on_site_no_rule_of_item_1():
    r = run(_ins([_sv("刘某", shown=False)], on_site=False))
    absent(r, "art_024.p1.i1")  # none of item (一), certain or possible (A24-4)
    assert r.missing_facts == ()


def test_i1_certificates_shown():
    f = only(run(_ins(TWO)), "art_024.p1.i1.certificates_shown")
    check(f, "art_024.p1.i1.certificates_shown", 24, 1, 1, "shall", SFJ)


def test_i1_certificate_not_shown():
    r = run(_ins([_sv("刘某"), _sv("陈某", shown=False)]))
    f = only(r, "art_024.p1.i1.certificate_not_shown")
    check(f, "art_024.p1.i1.certificate_not_shown", 24, 1, 1, "violation", SFJ)
    assert "陈某" in f.message
    absent(r, "art_024.p1.i1.certificates_shown")


def test_i1_all_shown_is_no_violation():
    absent(run(_ins(TWO)), "art_024.p1.i1.certificate_not_shown")


def test_i2_withdrawal_required():
    r = run(_ins([*TWO, _sv("周某", conflict=True)]))
    f = only(r, "art_024.p1.i2.withdrawal_required")
    check(f, "art_024.p1.i2.withdrawal_required", 24, 1, 2, "violation", SFJ)
    assert "周某" in f.message


def test_i2_withdrew():
    r = run(_ins([*TWO, _sv("周某", conflict=True, withdrew=True)]))
    check(only(r, "art_024.p1.i2.withdrew"), "art_024.p1.i2.withdrew", 24, 1, 2, "shall", SFJ)
    absent(r, "art_024.p1.i2.withdrawal_required")


def test_i2_a_mixed_inspection_is_a_breach_not_an_observed_withdrawal():
    # one conflicted supervisor withdrew, another stayed on: 应当回避而未回避, and the withdrawal of the
    # first does not show the rule observed for the inspection
    r = run(_ins([*TWO, _sv("周某", conflict=True, withdrew=True), _sv("吴某", conflict=True)]))
    f = only(r, "art_024.p1.i2.withdrawal_required", cite="第二十四条第（二）项", modality="violation")
    assert "吴某" in f.message and "周某" not in f.message
    absent(r, "art_024.p1.i2.withdrew")


def test_i2_no_conflict_no_withdrawal_finding():
    absent(run(_ins(TWO)), "art_024.p1.i2.withdrew")


def test_i3_confidentiality():
    r = run(_ins(TWO, confidential=["商业秘密"]))
    f = only(r, "art_024.p1.i3.confidentiality")
    check(f, "art_024.p1.i3.confidentiality", 24, 1, 3, "shall", SFJ)
    absent(r, "art_024.p1.i3.confidentiality_breached")


def test_i3_nothing_confidential():
    absent(run(_ins(TWO)), "art_024.p1.i3.confidentiality")


def test_i3_breached():
    r = run(_ins(TWO, confidential=["个人隐私"], confidentiality_breached=True))
    check(only(r, "art_024.p1.i3.confidentiality_breached"), "art_024.p1.i3.confidentiality_breached", 24, 1, 3, "violation", SFJ)
    absent(r, "art_024.p1.i3.confidentiality")


def test_i1_supervisors_not_recorded_is_a_missing_fact_not_too_few():
    report = run(_ins([]))
    absent(report, "art_024.p1.i1")  # no rule of item (一): too_few, at_least_two, certificates
    assert_no_finding(report, cite="第二十四条第（一）项")
    assert [(m.field, m.needed_for) for m in report.missing_facts] == [("inspections[0].supervisors", "第二十四条第（一）项")]
    # one recorded supervisor is a fact: too few
    only(run(_ins([_sv("刘某")])), "art_024.p1.i1.too_few_supervisors")


def test_i1_no_certificates_shown_when_every_supervisor_withdrew():
    # 应当出示执法监督证件 is performed by the supervisors who act; with both withdrawn (回避) nobody
    # acted, so "certificates shown" is not reported, and two acting supervisors are missing
    r = run(_ins([_sv("刘某", conflict=True, withdrew=True), _sv("陈某", conflict=True, withdrew=True)]))
    absent(r, "art_024.p1.i1.certificates_shown")
    check(only(r, "art_024.p1.i1.too_few_supervisors"), "art_024.p1.i1.too_few_supervisors", 24, 1, 1, "violation", SFJ)


# A24-4: a record that does not say whether the activity was on site. 第二十四条第（一）项 binds
# “开展现场行政执法监督活动时” only, so the breach is possible, never certain, and nothing is observed.


def _unknown_site(supervisors, **kw):
    rec = {"id": "JC-1", "conducted_on": "2025-05-20", "supervisors": supervisors}
    rec.update(kw)
    return case(inspections=[rec])


def test_i1_site_not_recorded_too_few_is_possible_not_certain():
    r = run(_unknown_site(TWO[:1]))
    f = only(r, "art_024.p1.i1.too_few_if_on_site")
    check(f, "art_024.p1.i1.too_few_if_on_site", 24, 1, 1, "violation", SFJ)
    assert f.certainty.value == "possible"
    assert f.uncertain_facts == ("记录未载明该监督活动是否为现场行政执法监督活动（第二十四条第（一）项只适用于现场监督）",)
    assert "A24-4" in f.interpretations
    assert finding_tag(f) == "可能违反"
    assert f.message.startswith("2025年5月20日的监督活动（JC-1，记录未载明是否现场）只有1名行政执法监督人员参加")
    assert "如该活动为现场行政执法监督活动" in f.message
    # never the certain finding, nor anything observed under （一）
    for rid in ("art_024.p1.i1.too_few_supervisors", "art_024.p1.i1.at_least_two", "art_024.p1.i1.certificates_shown",
                "art_024.p1.i1.certificate_not_shown", "art_024.p1.i1.certificate_not_shown_if_on_site"):
        absent(r, rid)
    assert [(m.field, m.needed_for) for m in r.missing_facts] == [("inspections[0].on_site", "第二十四条第（一）项")]


def test_i1_site_not_recorded_certificate_not_shown_is_possible():
    r = run(_unknown_site([_sv("刘某"), _sv("陈某", shown=False)]))
    f = only(r, "art_024.p1.i1.certificate_not_shown_if_on_site")
    check(f, "art_024.p1.i1.certificate_not_shown_if_on_site", 24, 1, 1, "violation", SFJ)
    assert f.certainty.value == "possible" and finding_tag(f) == "可能违反"
    assert "陈某未出示行政执法监督证件" in f.message
    absent(r, "art_024.p1.i1.too_few_if_on_site")  # two took part
    absent(r, "art_024.p1.i1.certificate_not_shown")
    assert [m.field for m in r.missing_facts] == ["inspections[0].on_site"]


def test_i1_site_not_recorded_and_rule_kept_gives_nothing_under_item_1():
    r = run(_unknown_site(TWO))
    absent(r, "art_024.p1.i1")
    assert r.missing_facts == ()  # the answer would change nothing


def test_i1_site_not_recorded_does_not_touch_items_2_and_3():
    r = run(_unknown_site([_sv("刘某"), _sv("陈某", conflict=True)], confidential=["个人隐私"], confidentiality_breached=True))
    check(only(r, "art_024.p1.i2.withdrawal_required"), "art_024.p1.i2.withdrawal_required", 24, 1, 2, "violation", SFJ)
    check(only(r, "art_024.p1.i3.confidentiality_breached"), "art_024.p1.i3.confidentiality_breached", 24, 1, 3, "violation", SFJ)
    assert only(r, "art_024.p1.i2.withdrawal_required").certainty.value == "certain"


def test_i1_site_recorded_as_on_site_is_certain_as_before():
    r = run(_unknown_site([_sv("刘某", shown=False)], on_site=True))
    f = only(r, "art_024.p1.i1.too_few_supervisors")
    assert f.certainty.value == "certain" and finding_tag(f) == "违反"
    only(r, "art_024.p1.i1.certificate_not_shown")
    absent(r, "art_024.p1.i1.too_few_if_on_site")
    absent(r, "art_024.p1.i1.certificate_not_shown_if_on_site")
