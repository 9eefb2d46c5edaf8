"""第三十三条: misconduct of the supervisors."""

from __future__ import annotations

import pytest

import enshi_rules

from enshi_rules._evaluate.text_report import finding_tag

from .mcase import absent, case, check, check_note, note, only, run

WHO = "恩施市司法局王某（其他直接责任人员）"


def _mc(confirmed=True, crime=False, behaviour="玩忽职守", acted_on="2025-04-20"):
    rec = {"id": "WG-1", "person": "王某", "role": "其他直接责任人员", "behaviour": behaviour,
           "confirmed": confirmed, "suspected_crime": crime, "acted_on": acted_on}
    if acted_on is None:
        del rec["acted_on"]
    return case(conduct=[rec])


@pytest.mark.parametrize("behaviour", ["滥用职权", "玩忽职守", "徇私舞弊"])
def test_misconduct_confirmed(behaviour):
    f = only(run(_mc(behaviour=behaviour)), "art_033.p1.supervisor_misconduct")
    check(f, "art_033.p1.supervisor_misconduct", 33, 1, None, "violation", WHO)
    assert behaviour in f.message and f.subject_id == "422801.sfj"
    # a 处理 clause like 第三十二条第一款: read 【应予处理】, never 【违反】 of 第三十三条 (legal review (c)14)
    assert finding_tag(f) == "应予处理" and "依纪依法予以处理" in f.message


def test_misconduct_unconfirmed():
    absent(run(_mc(confirmed=False)), "art_033.p1.supervisor_misconduct")


def test_suspected_crime_is_a_note_on_transfer_never_a_violation():
    # "构成犯罪的，依法追究刑事责任": whether a crime is constituted is for the judicial organs (A32-6)
    r = run(_mc(crime=True))
    assert "art_033.p1.criminal_liability" not in [f.rule_id for f in r.findings]
    n = check_note(r, "art_033.p1.criminal_liability", 33, 1, "shall", "supervising")
    assert (n.item, n.excludes, n.certainty.value) == (None, False, "certain")
    assert "是否构成犯罪由司法机关依法认定" in n.message and "依法移送" in n.message and "A32-6" in n.interpretations
    # the finding of 第三十三条 itself stands
    check(only(r, "art_033.p1.supervisor_misconduct"), "art_033.p1.supervisor_misconduct", 33, 1, None, "violation", WHO)


def test_no_criminal_liability_without_suspected_crime():
    absent(run(_mc()), "art_033.p1.criminal_liability")


def test_no_criminal_liability_on_an_unconfirmed_record():
    absent(run(_mc(confirmed=False, crime=True)), "art_033.p1.criminal_liability")


def test_a_suspected_crime_of_the_supervised_organs_staff_is_not_article_33():
    # 第三十三条 concerns 行政执法监督机关的工作人员; a crime suspected of the supervised organ's staff is
    # 第三十二条第一款's criminal liability
    doc = case(liabilities=[{"id": "ZR-1", "person": "张某", "role": "直接负责的主管人员", "behaviour": 6,
                             "confirmed": True, "suspected_crime": True}])
    r = run(doc)
    absent(r, "art_033.p1.criminal_liability")
    check_note(r, "art_032.p1.criminal_liability", 32, 1, "shall", "supervised")


# ---- 第三十三条 and 第三十五条: substantive liability reaches conduct on or after 2025-03-01 (A32-7) ----
# 第三十五条: 本办法自2025年3月1日起施行. The supervision of the base case starts 2025-05-06: its
# procedure is under the measures (A35-1); the misconduct charged is judged by its own date.

RULE = "art_033.p1.supervisor_misconduct"
BEFORE = "art_033.p1.conduct_before_commencement"


def _before_note(r, dated):
    """The note of 第三十三条 for misconduct before 2025-03-01: certain, citing A32-7, dated."""
    n = check_note(r, BEFORE, 33, 1, "shall", "supervising")
    assert (n.item, n.excludes, n.certainty.value) == (None, False, "certain")
    assert "A32-7" in n.interpretations and n.facts == ("WG-1",)
    assert f"发生在本办法施行日期2025年3月1日之前（行为日期：{dated}）" in n.message
    assert "第三十三条是责任追究的实体规定，不适用于本办法施行前的行为" in n.message
    assert "依行为发生时有效的法律、法规和纪律规定" in n.message
    return n


def test_misconduct_on_the_day_before_commencement_is_a_note_never_a_finding():
    r = run(_mc(acted_on="2025-02-28"))
    absent(r, RULE)
    assert [f for f in r.findings if f.article == 33] == []
    n = _before_note(r, "2025年2月28日")
    assert n.uncertain_facts == ()
    assert r.in_scope is True  # the supervision itself is under the measures (A35-1)
    assert [m.field for m in r.missing_facts if m.field.startswith("conduct")] == []


def test_misconduct_on_the_day_of_commencement_is_a_certain_finding():
    r = run(_mc(acted_on="2025-03-01"))
    f = only(r, RULE)
    check(f, RULE, 33, 1, None, "violation", WHO)
    assert (f.status, f.certainty.value, f.uncertain_facts, f.defeated_by) == (None, "certain", (), None)
    assert finding_tag(f) == "应予处理"
    absent(r, BEFORE)


def test_misconduct_known_to_a_month_before_commencement_is_a_note_and_no_crime_note():
    r = run(_mc(acted_on="2025-02", crime=True))
    assert [f for f in r.findings if f.article == 33] == []
    absent(r, "art_033.p1.criminal_liability")
    n = check_note(r, BEFORE, 33, 1, "shall", "supervising")
    assert (n.certainty.value, n.uncertain_facts) == ("certain", ("conduct[0].acted_on（2025年2月，只知月份）",))
    assert "行为日期：2025年2月1日至2025年2月28日之间" in n.message  # the month, never one of its ends shown as the day
    assert "涉嫌犯罪的仍应依法移送有关机关，这不以本办法为依据" in n.message and "A32-7" in n.interpretations


def test_misconduct_known_to_a_month_after_commencement_is_a_certain_finding():
    r = run(_mc(acted_on="2025-03", crime=True))
    f = only(r, RULE)
    check(f, RULE, 33, 1, None, "violation", WHO)
    assert f.certainty.value == "certain" and f.uncertain_facts == ()
    assert note(r, "art_033.p1.criminal_liability").certainty.value == "certain"
    absent(r, BEFORE)


@pytest.mark.parametrize(
    ("acted_on", "reason", "says"),
    [
        (None, "conduct[0].acted_on（已做，日期不详）", "被追究的行为日期未记录或不详"),  # not recorded: judged as done
        ("done", "conduct[0].acted_on（已做，日期不详）", "被追究的行为日期未记录或不详"),
        ("2025", "conduct[0].acted_on（2025年，只知年份）", "被追究的行为日期只记录为2025年"),  # straddles 2025-03-01
    ],
)
def test_misconduct_whose_date_may_fall_on_either_side_of_commencement_is_only_possible(acted_on, reason, says):
    r = run(_mc(acted_on=acted_on))
    f = only(r, RULE)
    check(f, RULE, 33, 1, None, "violation", WHO)
    assert f.certainty.value == "possible" and f.uncertain_facts == (reason,)
    assert finding_tag(f) == "可能应予处理"
    n = check_note(r, BEFORE, 33, 1, "shall", "supervising")
    assert (n.certainty.value, n.uncertain_facts) == ("possible", (reason,))
    assert "行为日期：" in n.message and "A32-7" in n.interpretations
    # the date is a missing fact: it alone decides whether 第三十三条 reaches the conduct
    (m,) = [m for m in r.missing_facts if m.field.startswith("conduct")]
    assert (m.field, m.needed_for) == ("conduct[0].acted_on", "日期")
    assert says in m.reason and "第三十三条不适用于施行前的行为" in m.reason and "A32-7" in m.reason
    # an unrelated finding keeps the certainty it has without the misconduct record
    assert all(x.certainty.value == "certain" for x in r.findings if x.article != 33)


def test_an_unconfirmed_record_without_a_date_gives_nothing_and_misses_nothing():
    # only a confirmed record is judged (D-2): its missing date is not asked for
    r = run(_mc(confirmed=False, acted_on=None))
    absent(r, RULE)
    absent(r, BEFORE)
    assert [m.field for m in r.missing_facts if m.field.startswith("conduct")] == []


@pytest.mark.parametrize("word", ["not_done", "unknown", "2025/03/01"])
def test_a_misconduct_date_is_a_date_or_done(word):
    with pytest.raises(enshi_rules.CaseValidationError, match=r"conduct\[0\]\.acted_on") as e:
        run(_mc(acted_on=word))
    assert "done" in str(e.value.problems[0].message_en) and "已发生，日期不详" in e.value.problems[0].message_zh


def test_a_misconduct_date_after_the_as_of_date_is_refused():
    with pytest.raises(enshi_rules.CaseValidationError, match=r"conduct\[0\]\.acted_on"):
        run(_mc(acted_on="2026-01-05"), as_of="2025-12-31")


def test_an_unconfirmed_record_before_commencement_has_no_note():
    """The 施行前 note speaks of conduct 经调查属实 only, as the finding does: an unconfirmed record gets neither."""
    r = run(_mc(confirmed=False, acted_on="2025-02-28"))
    absent(r, BEFORE)
    absent(r, RULE)
