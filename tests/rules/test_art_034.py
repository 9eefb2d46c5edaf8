"""第三十四条: others obstructing supervision."""

from __future__ import annotations

import pytest

import enshi_rules
from enshi_rules._evaluate.text_report import finding_tag

from .mcase import absent, case, check, check_note, only, run


def _ob(party="其他单位和个人", conduct="阻碍"):
    return case(obstructions=[{"id": "ZA-1", "party": party, "actor": "恩施某砂石公司", "conduct": conduct, "confirmed": True}])


def test_obstruction_by_others_is_a_liability():
    r = run(_ob())
    f = only(r, "art_034.p1.obstruction_by_others")
    check(f, "art_034.p1.obstruction_by_others", 34, 1, None, "violation", "恩施某砂石公司")
    assert f.citation.endswith("第三十四条")
    assert finding_tag(f) == "应予处理" and "依纪依法予以处理" in f.message  # a 处理 clause (legal review (c)14)
    only(r, "art_025.p2.other_party_did_not_assist")


def test_mere_non_cooperation_is_not_obstruction():
    absent(run(_ob(conduct="不配合")), "art_034.p1.obstruction_by_others")


def test_the_supervised_organ_is_not_an_other_party():
    absent(run(_ob(party="被监督机关")), "art_034.p1.obstruction_by_others")


def test_an_unconfirmed_obstruction_is_no_finding():
    doc = _ob()
    doc["obstructions"][0]["confirmed"] = False
    absent(run(doc), "art_034.p1.obstruction_by_others")


# ---- 第三十四条 and 第三十五条: substantive liability reaches obstruction on or after 2025-03-01 (A32-7, A34-2) ----
# 第三十五条: 本办法自2025年3月1日起施行. The supervisions below start on 2025-02-10 and are
# circulated on 2025-06-10 (程序从新: the later steps are under the measures, A35-1), so that an
# obstruction of them may fall before the day.

RULE = "art_034.p1.obstruction_by_others"
BEFORE = "art_034.p1.conduct_before_commencement"
ACTOR = "恩施某砂石公司"


def _dated(acted_on, started_on="2025-02-10"):
    doc = _ob()
    # started before the day, circulated after it: the procedure continues under the measures (A35-1)
    doc["supervision"].update(started_on=started_on, circulated_on="2025-06-10")
    if acted_on is None:
        doc["obstructions"][0].pop("acted_on", None)
    else:
        doc["obstructions"][0]["acted_on"] = acted_on
    return doc


def _before_note(r, dated):
    n = check_note(r, BEFORE, 34, 1, "shall", "other")
    assert (n.item, n.excludes, n.certainty.value) == (None, False, "certain")
    assert "A32-7" in n.interpretations and n.facts == ("ZA-1",)
    assert f"{ACTOR}阻碍行政执法监督工作的行为（记录“ZA-1”）发生在本办法施行日期2025年3月1日之前（行为日期：{dated}）" in n.message
    assert "第三十四条是责任追究的实体规定，不适用于本办法施行前的行为" in n.message
    assert "依行为发生时有效的法律、法规和纪律规定" in n.message
    return n


def test_obstruction_on_the_day_before_commencement_is_a_note_never_a_finding():
    r = run(_dated("2025-02-28"))
    absent(r, RULE)
    # a step before the measures took effect is not judged under 第二十五条 either (A35-1)
    absent(r, "art_025.p2.other_party_did_not_assist")
    assert [f for f in r.findings if f.article in (25, 34)] == []
    assert _before_note(r, "2025年2月28日").uncertain_facts == ()
    assert [m.field for m in r.missing_facts if m.field.startswith("obstructions")] == []


def test_obstruction_on_the_day_of_commencement_is_a_certain_finding():
    r = run(_dated("2025-03-01"))
    f = only(r, RULE)
    check(f, RULE, 34, 1, None, "violation", ACTOR)
    assert (f.status, f.certainty.value, f.uncertain_facts, f.defeated_by) == (None, "certain", (), None)
    assert finding_tag(f) == "应予处理"
    absent(r, BEFORE)
    assert only(r, "art_025.p2.other_party_did_not_assist").certainty.value == "certain"


def test_obstruction_known_to_a_month_before_commencement_is_a_note():
    r = run(_dated("2025-02"))
    absent(r, RULE)
    n = _before_note(r, "2025年2月1日至2025年2月28日之间")  # the month, never one of its ends shown as the day
    assert n.uncertain_facts == ("obstructions[0].acted_on（2025年2月，只知月份）",)


def test_obstruction_known_to_a_month_after_commencement_is_a_certain_finding():
    r = run(_dated("2025-03"))
    f = only(r, RULE)
    check(f, RULE, 34, 1, None, "violation", ACTOR)
    assert f.certainty.value == "certain" and f.uncertain_facts == ()
    absent(r, BEFORE)


@pytest.mark.parametrize(
    ("acted_on", "reason", "says"),
    [
        (None, "obstructions[0].acted_on（已做，日期不详）", "行为日期未记录或不详"),  # not recorded: judged as done
        ("done", "obstructions[0].acted_on（已做，日期不详）", "行为日期未记录或不详"),
        ("2025", "obstructions[0].acted_on（2025年，只知年份）", "行为日期只记录为2025年"),  # straddles 2025-03-01
    ],
)
def test_obstruction_whose_date_may_fall_on_either_side_of_commencement_is_only_possible(acted_on, reason, says):
    r = run(_dated(acted_on))
    f = only(r, RULE)
    check(f, RULE, 34, 1, None, "violation", ACTOR)
    assert f.certainty.value == "possible" and f.uncertain_facts == (reason,)
    assert finding_tag(f) == "可能应予处理"
    n = check_note(r, BEFORE, 34, 1, "shall", "other")
    assert (n.certainty.value, n.uncertain_facts) == ("possible", (reason,))
    assert "行为日期：" in n.message and "A32-7" in n.interpretations
    (m,) = [m for m in r.missing_facts if m.field.startswith("obstructions")]
    assert (m.field, m.needed_for) == ("obstructions[0].acted_on", "日期")
    assert says in m.reason and "第三十四条不适用于施行前的行为" in m.reason and "A32-7" in m.reason


def test_an_undated_obstruction_of_a_supervision_started_after_commencement_is_certain():
    # the obstruction is a step of the supervision it obstructs: not before its start, 2025-05-06 (A34-2)
    r = run(_dated(None, started_on="2025-05-06"))
    f = only(r, RULE)
    assert (f.certainty.value, f.uncertain_facts) == ("certain", ())
    absent(r, BEFORE)


def test_on_is_the_older_spelling_of_acted_on():
    doc = _ob()
    doc["obstructions"][0]["on"] = "2025-05-20"
    assert only(run(doc), RULE).certainty.value == "certain"
    doc["obstructions"][0]["acted_on"] = "2025-05-20"  # both at once: on is then an unknown field
    with pytest.raises(enshi_rules.CaseValidationError, match=r"obstructions\[0\]\.on"):
        run(doc)


@pytest.mark.parametrize("word", ["not_done", "unknown"])
def test_an_obstruction_date_is_a_date_or_done(word):
    with pytest.raises(enshi_rules.CaseValidationError, match=r"obstructions\[0\]\.acted_on"):
        run(_dated(word))


@pytest.mark.parametrize(
    "change",
    [{"party": "被监督机关"}, {"conduct": "不配合"}, {"confirmed": False}],
    ids=["supervised_organ", "not_cooperating", "unconfirmed"],
)
def test_the_note_before_commencement_is_only_for_what_the_article_reaches(change):
    """The 施行前 note speaks of 第三十四条's own conduct only: 其他单位和个人 who 拒绝 or 阻碍, confirmed.
    The supervised organ, mere 不配合 or an unconfirmed record get neither the finding nor the note."""
    doc = _dated("2025-02-28")
    doc["obstructions"][0].update(change)
    r = run(doc)
    absent(r, BEFORE)
    absent(r, RULE)


def test_an_unconfirmed_obstruction_with_a_date_after_commencement_is_no_finding():
    """经调查属实 is the article's condition, whatever the date: a dated, unconfirmed record gives nothing."""
    doc = _dated("2025-04-01")
    doc["obstructions"][0]["confirmed"] = False
    r = run(doc)
    absent(r, RULE)
    absent(r, BEFORE)
