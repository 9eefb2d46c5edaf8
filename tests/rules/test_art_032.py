"""第三十二条: the seven behaviours (第一款), criminal liability, and 容错 (第二款) as an exception."""

from __future__ import annotations

import copy

import pytest

from enshi_rules._evaluate.text_report import finding_tag
from enshi_rules.rules.art_032 import BEHAVIOURS

from .mcase import absent, case, check, check_note, note, only, run

PERSON = "恩施市市场监督管理局张某（直接负责的主管人员）"
ALL_HOLD = {"lawful_performance": True, "objective_cause": True, "duties_performed": True}


def _liab(item: int, **kw):
    # the conduct on the day of the enforcement action (第三十二条 reaches conduct from 2025-03-01, A32-7)
    rec = {"id": "ZR-1", "person": "张某", "role": "直接负责的主管人员", "behaviour": item, "confirmed": True, "acted_on": "2025-04-20"}
    rec.update(kw)
    return case(liabilities=[rec])


@pytest.mark.parametrize("item", sorted(BEHAVIOURS))
def test_p1_each_behaviour_confirmed_is_a_liability(item):
    rid = f"art_032.p1.i{item}.{BEHAVIOURS[item][0]}"
    r = run(_liab(item))
    f = only(r, rid)
    check(f, rid, 32, 1, item, "violation", PERSON)
    assert [x.rule_id for x in r.findings if x.article == 32] == [rid]  # this item only
    assert f.citation.endswith(f"第三十二条第一款第（{'一二三四五六七'[item - 1]}）项")
    assert f.subject_id == "422801.scjgj"


@pytest.mark.parametrize("item", sorted(BEHAVIOURS))
def test_p1_unconfirmed_behaviour_gives_no_finding(item):
    absent(run(_liab(item, confirmed=False)), f"art_032.p1.i{item}.{BEHAVIOURS[item][0]}")


def test_p1_other_directly_responsible_person_of_another_organ():
    f = only(run(_liab(6, person="李某", role="其他直接责任人员", organ="422801")), "art_032.p1.i6.improper_gain")
    assert f.subject == "恩施市人民政府李某（其他直接责任人员）"


def test_p1_suspected_crime_is_a_note_on_transfer_never_a_violation():
    # 第三十二条第一款 "构成犯罪的，依法追究刑事责任": whether a crime is constituted is for the judicial
    # organs (A32-6): a note that it is to be transferred, no 【违反】 of criminal liability
    r = run(_liab(6, suspected_crime=True))
    assert [f.rule_id for f in r.findings if f.rule_id == "art_032.p1.criminal_liability"] == []
    n = check_note(r, "art_032.p1.criminal_liability", 32, 1, "shall", "supervised")
    assert (n.item, n.excludes, n.certainty.value) == (None, False, "certain")
    assert "是否构成犯罪由司法机关依法认定" in n.message and "依法移送" in n.message and "张某（直接负责的主管人员）" in n.message
    # the words it quotes are 第三十二条第一款's (not another 款)
    assert "第三十二条第一款规定“构成犯罪的，依法追究刑事责任”" in n.message
    assert "A32-6" in n.interpretations
    assert not [f for f in r.findings if "刑事责任" in f.message]
    # the 第一款 finding on the same record stands, a certain violation of item (六)
    check(only(r, "art_032.p1.i6.improper_gain"), "art_032.p1.i6.improper_gain", 32, 1, 6, "violation", PERSON)


def test_p1_no_criminal_liability_without_a_suspected_crime():
    absent(run(_liab(6)), "art_032.p1.criminal_liability")


@pytest.mark.parametrize("item", (1, 3, 7))
def test_p2_tolerance_holds_and_defeats_the_liability_which_stays_in_the_report(item):
    r = run(_liab(item, tolerance=ALL_HOLD))
    f = only(r, "art_032.p2.tolerance")
    check(f, "art_032.p2.tolerance", 32, 2, None, "exemption", PERSON)
    # each condition of 第二款 with the record that established it, in words (no field path: review 2, item 10)
    for words in ("在依法履职过程中", "由于客观因素或者难以预见情形", "已经按照职能分工、岗位职责和监督管理工作计划要求履行职责"):
        assert f"{words}——记录“ZR-1”载明该项经认定成立" in f.message
    assert "tolerance." not in f.message
    # 第二款 "按照有关规定和程序予以容错": the conditions are met, the competent organ decides; never
    # 免责 or 不予追究 (legal review (c)13, A32-2)
    assert "是否予以容错，由有权机关按照有关规定和程序决定" in f.message
    assert "不予追究" not in f.message and "免责" not in f.message
    assert finding_tag(f) == "例外"
    held = only(r, f"art_032.p1.i{item}.{BEHAVIOURS[item][0]}")
    assert "不予追究" not in held.message
    # the conduct does not disappear: the 第一款 finding stays, marked defeated (E-1)
    rid = f"art_032.p1.i{item}.{BEHAVIOURS[item][0]}"
    defeated = only(r, rid)
    assert defeated.modality.value == "violation" and defeated.defeated_by == "art_032.p2.tolerance"
    assert f"第一款第（{_MARK[item]}）项的认定保留在报告中" in f.message


def test_p2_tolerance_defeats_only_the_finding_on_its_own_record():
    doc = _liab(3, tolerance=ALL_HOLD)
    doc["liabilities"].append({"id": "ZR-2", "person": "王某", "role": "其他直接责任人员", "behaviour": 3, "confirmed": True})
    r = run(doc)
    by_record = {f.facts: f.defeated_by for f in r.findings if f.rule_id == "art_032.p1.i3.unlawful_enforcement"}
    assert by_record == {("ZR-1",): "art_032.p2.tolerance", ("ZR-2",): None}


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("objective_cause", False, "由于客观因素或者难以预见情形（经查不成立）"),
        ("lawful_performance", False, "在依法履职过程中（经查不成立）"),
    ],
)
def test_p2_one_condition_missing_keeps_the_liability_and_says_which(field, value, says):
    r = run(_liab(3, tolerance={**ALL_HOLD, field: value}))
    absent(r, "art_032.p2.tolerance")
    f = only(r, "art_032.p1.i3.unlawful_enforcement")
    assert says in f.message and f.defeated_by is None
    assert f.message.count("（经查不成立）") + f.message.count("（未能认定）") == 1
    # the reason rests on the register entry it names
    assert "（A32-2）" in f.message and "A32-2" in f.interpretations


@pytest.mark.parametrize("item", [2, 4, 5, 6])
def test_p2_never_covers_deliberate_behaviour(item):
    r = run(_liab(item, tolerance=ALL_HOLD))
    absent(r, "art_032.p2.tolerance")
    f = only(r, f"art_032.p1.i{item}.{BEHAVIOURS[item][0]}")
    assert "不属于可以容错的情形（A32-3）" in f.message and f.defeated_by is None


def test_p2_never_covers_a_crime():
    r = run(_liab(1, tolerance=ALL_HOLD, suspected_crime=True))
    absent(r, "art_032.p2.tolerance")
    f = only(r, "art_032.p1.i1.duty_not_performed")
    assert "涉嫌构成犯罪，不适用容错（A32-4）" in f.message and f.defeated_by is None and "A32-4" in f.interpretations
    check_note(r, "art_032.p1.criminal_liability", 32, 1, "shall", "supervised")


_VALUES = (True, False, None)


@pytest.mark.parametrize("item", [1, 3, 7])  # the items 容错 can cover (A32-2)
@pytest.mark.parametrize("claimed", [False, True])
@pytest.mark.parametrize("crime", [False, True])
def test_p2_every_combination_of_the_conditions(item, claimed, crime):
    """第二款 as a truth table: 容错 holds exactly when it is claimed, no crime is suspected, and all
    three conditions are established (true); otherwise the 第一款 finding stands, once."""
    rid = f"art_032.p1.i{item}.{BEHAVIOURS[item][0]}"
    combos = [(a, b, c) for a in _VALUES for b in _VALUES for c in _VALUES] if claimed else [None]
    for combo in combos:
        kw = {"suspected_crime": crime}
        if claimed:
            kw["tolerance"] = dict(zip(("lawful_performance", "objective_cause", "duties_performed"), combo, strict=True))
        r = run(_liab(item, **kw))
        holds = claimed and not crime and combo == (True, True, True)
        # the 第一款 finding stays in every case (E-1); 容错 marks it defeated when it holds
        f = only(r, rid, cite=f"第三十二条第一款第（{'一二三四五六七'[item - 1]}）项", modality="violation")
        if holds:
            only(r, "art_032.p2.tolerance", cite="第三十二条第二款", modality="exemption")
            assert f.defeated_by == "art_032.p2.tolerance", combo
        else:
            absent(r, "art_032.p2.tolerance")
            assert f.defeated_by is None, combo
        # a suspected crime is a note, never a finding (A32-6)
        assert "art_032.p1.criminal_liability" not in [f.rule_id for f in r.findings], combo
        assert [n.rule_id for n in r.notes if n.rule_id == "art_032.p1.criminal_liability"] == (
            ["art_032.p1.criminal_liability"] if crime else []), combo
        want = {rid} | ({"art_032.p2.tolerance"} if holds else set())
        assert {f.rule_id for f in r.findings if f.article == 32} == want, combo
        # a condition not recorded while none is disproved: whether 容错 holds is unknown, so the
        # finding is only possible and the condition is a missing fact (A32-2); otherwise certain
        open_ = claimed and not crime and False not in combo and None in combo
        assert f.certainty.value == ("possible" if open_ else "certain"), combo
        lacking = sorted(m.field for m in r.missing_facts if ".tolerance." in m.field)
        assert lacking == (sorted(f"liabilities[0].tolerance.{k}" for k, v in zip(
            ("lawful_performance", "objective_cause", "duties_performed"), combo, strict=True) if v is None) if open_ else []), combo


def test_unknown_organ_is_a_data_error():
    import enshi_rules

    with pytest.raises(enshi_rules.CaseValidationError, match=r"liabilities\[0\]\.organ"):
        run(_liab(1, organ="nowhere"))


@pytest.mark.parametrize("item", sorted(BEHAVIOURS))
def test_a_supervisors_misconduct_is_not_a_liability_of_the_supervised_organ(item):
    # 第三十三条's records carry a behaviour and confirmed too; 第三十二条 never reads them
    doc = case(conduct=[{"id": "WG-1", "person": "王某", "role": "其他直接责任人员", "behaviour": "玩忽职守",
                         "confirmed": True, "suspected_crime": True}])
    r = run(doc)
    absent(r, f"art_032.p1.i{item}.{BEHAVIOURS[item][0]}")
    absent(r, "art_032.p1.criminal_liability")


def test_no_criminal_liability_or_tolerance_on_an_unconfirmed_record():
    r = run(_liab(1, confirmed=False, suspected_crime=True, tolerance=ALL_HOLD))
    absent(r, "art_032.p1.criminal_liability")
    absent(r, "art_032.p2.tolerance")


# ---- issue 14: the cases that tell each condition apart (mutation testing) ----------------------

_MARK = {1: "一", 3: "三", 7: "七"}


@pytest.mark.parametrize("item", [1, 3, 7])
def test_p2_messages_cite_the_item_and_the_paragraph_they_rest_on(item):
    rid = f"art_032.p1.i{item}.{BEHAVIOURS[item][0]}"
    r = run(_liab(item, tolerance=ALL_HOLD))
    t = only(r, "art_032.p2.tolerance", cite="第三十二条第二款", modality="exemption")
    assert f"的情形（第三十二条第一款第（{_MARK[item]}）项），第三十二条第二款的条件均已成立" in t.message
    assert f"第一款第（{_MARK[item]}）项的认定保留在报告中" in t.message and rid not in t.message  # no rule id in the words (review 2, item 10)
    held = only(r, rid, modality="violation")
    assert "主张容错，第三十二条第二款的条件均已成立，见该款的认定" in held.message
    failed = only(run(_liab(item, tolerance={**ALL_HOLD, "objective_cause": False, "duties_performed": None})), rid, modality="violation")
    assert "主张容错不能成立，不具备第三十二条第二款的条件：由于客观因素或者难以预见情形（经查不成立）；已经按照职能分工、岗位职责和监督管理工作计划要求履行职责（未能认定）" in failed.message
    assert failed.certainty.value == "certain"
    unknown = only(run(_liab(item, tolerance={**ALL_HOLD, "objective_cause": None})), rid, modality="violation")
    assert "条件“由于客观因素或者难以预见情形”未记录，容错是否成立不能确定" in unknown.message and unknown.certainty.value == "possible"


def test_p2_no_tolerance_on_an_unconfirmed_record_even_without_a_crime():
    # 第二款 excuses a behaviour of 第一款 that was found (经调查属实); on an unconfirmed record there is
    # nothing to excuse, however the three conditions stand
    r = run(_liab(3, confirmed=False, tolerance=ALL_HOLD))
    absent(r, "art_032.p2.tolerance")
    absent(r, "art_032.p1.i3.unlawful_enforcement")


def test_a_deficiency_of_item_7_of_article_14_is_no_liability_of_item_7():
    # 第十四条第（七）项 (证件) is a 监督内容 found in the organ, not 第三十二条第一款第（七）项 conduct of a person
    doc = case()
    doc["supervision"]["deficiencies"] = [{"id": "QX-D", "article": 14, "item": 7, "confirmed": True, "found_on": "2025-05-06"}]
    r = run(doc)
    absent(r, "art_032.p1.i7.other_unlawful_act")
    assert [f.rule_id for f in r.findings if f.article == 32] == []
    only(r, "art_026.p1.i5.letter_required")


# ---- legal review 2, item 4: a condition of 容错 not recorded reads as unknown (A32-2; case c7) ------

def test_a_condition_of_tolerance_not_recorded_is_possible_and_a_missing_fact_never_a_failed_claim():
    import json
    from pathlib import Path

    import enshi_rules

    doc = json.loads((Path(__file__).parent / "fixtures" / "legal_review_2" / "c7_tolerance.json").read_text(encoding="utf-8"))
    r = enshi_rules.evaluate(doc, as_of="2026-11-30")
    f = only(r, "art_032.p1.i3.unlawful_enforcement", cite="第三十二条第一款第（三）项", modality="violation")
    assert (f.article, f.paragraph, f.item, f.status, f.due, f.defeated_by) == (32, 1, 3, None, None, None)
    assert f.subject.endswith("王某（直接负责的主管人员）")
    assert f.certainty.value == "possible"
    assert "不能成立" not in f.message
    assert "条件“已经按照职能分工、岗位职责和监督管理工作计划要求履行职责”未记录，容错是否成立不能确定" in f.message
    assert "是否予以容错由有权机关按照有关规定和程序决定（A32-2）" in f.message and "A32-2" in f.interpretations
    assert f.uncertain_facts == ("王某主张容错，第三十二条第二款的条件“已经按照职能分工、岗位职责和监督管理工作计划要求履行职责”未记录（记录“ZR-1”）："
                                 "容错是否成立不能确定，是否予以容错须查明后由有权机关按照有关规定和程序决定（A32-2）",)
    [m] = [m for m in r.missing_facts if m.field.startswith("liabilities")]
    assert (m.field, m.needed_for) == ("liabilities[0].tolerance.duties_performed", "第三十二条第二款")
    assert "由有权机关按照有关规定和程序决定" in m.reason
    absent(r, "art_032.p2.tolerance")
    # 李某's 粗暴执法 (第（二）项) can never be tolerated: certain, whatever the record claims (A32-3)
    g = only(r, "art_032.p1.i2.uncivil_enforcement", modality="violation")
    assert g.certainty.value == "certain" and "不属于可以容错的情形（A32-3）" in g.message
    # the condition found (true): 容错's conditions hold, the finding is defeated, nothing is missing
    doc["liabilities"][0]["tolerance"]["duties_performed"] = True
    r = enshi_rules.evaluate(doc, as_of="2026-11-30")
    assert only(r, "art_032.p1.i3.unlawful_enforcement").defeated_by == "art_032.p2.tolerance"
    assert not [m for m in r.missing_facts if m.field.startswith("liabilities")]
    # found not to hold (false): the claim fails, certain, and says so
    doc["liabilities"][0]["tolerance"]["duties_performed"] = False
    r = enshi_rules.evaluate(doc, as_of="2026-11-30")
    h = only(r, "art_032.p1.i3.unlawful_enforcement")
    assert h.certainty.value == "certain" and "主张容错不能成立" in h.message and "（经查不成立）" in h.message


# ---- 第三十二条 and 第三十五条: substantive liability reaches conduct on or after 2025-03-01 (A32-7) ----
# 第三十五条: 本办法自2025年3月1日起施行. The supervision of the base case starts 2025-05-06: its
# procedure is under the measures (A35-1); the conduct charged is judged by its own date.


def test_conduct_before_commencement_is_a_note_never_a_finding():
    # c7 of the legal review: 执法行为 2024-12-01, supervision 2025-09-01
    r = run(_liab(3, acted_on="2024-12-01"))
    absent(r, "art_032.p1.i3.unlawful_enforcement")
    assert [f for f in r.findings if f.article == 32] == []
    n = check_note(r, "art_032.p1.conduct_before_commencement", 32, 1, "shall", "supervised")
    assert (n.item, n.excludes, n.certainty.value, n.uncertain_facts) == (None, False, "certain", ())
    assert "A32-7" in n.interpretations and n.facts == ("ZR-1",)
    assert "发生在本办法施行日期2025年3月1日之前（行为日期：2024年12月1日）" in n.message
    assert "不适用于本办法施行前的行为" in n.message and "依行为发生时有效的法律、法规和纪律规定" in n.message
    assert r.in_scope is True  # the supervision itself is under the measures (A35-1)


def test_conduct_on_the_day_before_commencement_is_a_note():
    r = run(_liab(3, acted_on="2025-02-28"))
    absent(r, "art_032.p1.i3.unlawful_enforcement")
    n = check_note(r, "art_032.p1.conduct_before_commencement", 32, 1, "shall", "supervised")
    assert n.certainty.value == "certain" and "行为日期：2025年2月28日" in n.message


def test_conduct_on_the_day_of_commencement_is_a_certain_finding():
    r = run(_liab(3, acted_on="2025-03-01"))
    f = only(r, "art_032.p1.i3.unlawful_enforcement")
    check(f, "art_032.p1.i3.unlawful_enforcement", 32, 1, 3, "violation", PERSON)
    assert (f.status, f.certainty.value, f.uncertain_facts, f.defeated_by) == (None, "certain", (), None)
    absent(r, "art_032.p1.conduct_before_commencement")


def test_conduct_known_to_a_month_before_commencement_is_a_note_and_no_crime_note():
    r = run(_liab(6, acted_on="2025-02", suspected_crime=True))
    assert [f for f in r.findings if f.article == 32] == []
    absent(r, "art_032.p1.criminal_liability")
    n = check_note(r, "art_032.p1.conduct_before_commencement", 32, 1, "shall", "supervised")
    assert (n.certainty.value, n.uncertain_facts) == ("certain", ("liabilities[0].acted_on（2025年2月，只知月份）",))
    assert "行为日期：2025年2月1日至2025年2月28日之间" in n.message  # the month, never one of its ends shown as the day
    assert "涉嫌犯罪的仍应依法移送有关机关，这不以本办法为依据" in n.message


def test_conduct_known_to_a_month_after_commencement_is_a_certain_finding():
    r = run(_liab(6, acted_on="2025-03", suspected_crime=True))
    f = only(r, "art_032.p1.i6.improper_gain")
    check(f, "art_032.p1.i6.improper_gain", 32, 1, 6, "violation", PERSON)
    assert f.certainty.value == "certain" and f.uncertain_facts == ()
    assert note(r, "art_032.p1.criminal_liability").certainty.value == "certain"
    absent(r, "art_032.p1.conduct_before_commencement")


def test_tolerance_is_not_judged_for_conduct_before_commencement():
    r = run(_liab(3, acted_on="2024-12-01", tolerance=ALL_HOLD))
    absent(r, "art_032.p2.tolerance")
    n = note(r, "art_032.p1.conduct_before_commencement")
    assert "记录主张容错的，也不依第三十二条第二款判断" in n.message


@pytest.mark.parametrize(
    ("acted_on", "reason"),
    [
        (None, "liabilities[0].acted_on（已做，日期不详）"),  # not recorded: judged as done on a day not recorded
        ("done", "liabilities[0].acted_on（已做，日期不详）"),
        ("2025", "liabilities[0].acted_on（2025年，只知年份）"),  # straddles 2025-03-01
    ],
)
def test_conduct_whose_date_may_fall_on_either_side_of_commencement_is_only_possible(acted_on, reason):
    r = run(_liab(1, acted_on=acted_on))
    f = only(r, "art_032.p1.i1.duty_not_performed")
    check(f, "art_032.p1.i1.duty_not_performed", 32, 1, 1, "violation", PERSON)
    assert f.certainty.value == "possible" and f.uncertain_facts == (reason,)
    assert finding_tag(f) == "可能应予处理"
    n = note(r, "art_032.p1.conduct_before_commencement")
    assert (n.certainty.value, n.uncertain_facts) == ("possible", (reason,))
    # the date is a missing fact (a straddling year too, as docs/case-format.md says): it alone
    # decides whether 第三十二条 reaches the conduct
    (m,) = [m for m in r.missing_facts if m.field.startswith("liabilities")]
    assert (m.field, m.needed_for) == ("liabilities[0].acted_on", "日期")
    assert "第三十二条不适用于施行前的行为" in m.reason and "A32-7" in m.reason
    # an unrelated finding keeps the certainty it has without the liability record
    assert all(x.certainty.value == "certain" for x in r.findings if x.article != 32)


def test_an_unrelated_finding_keeps_its_certainty_when_a_conduct_date_is_unknown():
    # HN-09/GS-10 of docs/real-cases.md: no start, so 第二十六条's letter is possible for the unknown
    # start (A35-1), with or without a liability record; an undated conduct changes nothing there.
    no_start = {"started_on": None}
    base = case(supervision={"situations": [{"item": 3, "confirmed": True}]})
    base.update({k: v for k, v in no_start.items() if v is not None})
    with_liab = copy.deepcopy(base)
    with_liab["liabilities"] = [{"id": "ZR-1", "person": "张某", "role": "直接负责的主管人员", "behaviour": 6, "confirmed": True}]
    for d in (base, with_liab):
        r = run(d, as_of="2026-12-01")
        f = only(r, "art_026.p1.i3.letter_required")
        assert (f.article, f.paragraph, f.item, f.modality.value) == (26, 1, 3, "shall")
        assert (f.certainty.value, f.depends_on, f.uncertain_facts) == ("possible", "art_035.p1.start_unknown", ("supervision.started_on（启动日期不详）",))
    g = only(run(with_liab, as_of="2026-12-01"), "art_032.p1.i6.improper_gain")
    assert g.certainty.value == "possible"
    assert g.uncertain_facts == ("supervision.started_on（启动日期不详）", "liabilities[0].acted_on（已做，日期不详）")


@pytest.mark.parametrize("word", ["not_done", "unknown", "2025/03/01", "March 2025"])
def test_a_conduct_date_is_a_date_or_done(word):
    import enshi_rules

    with pytest.raises(enshi_rules.CaseValidationError, match=r"liabilities\[0\]\.acted_on") as e:
        run(_liab(1, acted_on=word))
    assert "done" in str(e.value.problems[0].message_en) and "已发生，日期不详" in e.value.problems[0].message_zh


def test_a_conduct_date_after_the_as_of_date_is_refused():
    import enshi_rules

    with pytest.raises(enshi_rules.CaseValidationError, match=r"liabilities\[0\]\.acted_on"):
        run(_liab(1, acted_on="2026-01-05"), as_of="2025-12-31")


# ---- how a finding of 第三十二条第一款 reads to legal staff (legal review (c)14) ----
# 第一款 orders that the persons answerable "依纪依法予以处理": it sets no duty of its own that the
# person (or the 监督机关) "violated". Its findings read 【应予处理】 in the text report, the workbench
# and the Word document alike; the JSON keeps modality "violation" (the conduct found is unlawful).


def test_a_liability_reads_to_be_dealt_with_never_violated_in_every_view():
    import io

    import docx

    from enshi_rules.cli import render_text
    from enshi_rules.workbench import render_docx
    from enshi_rules.workbench._views import report_view

    r = run(_liab(3))
    f = only(r, "art_032.p1.i3.unlawful_enforcement")
    check(f, "art_032.p1.i3.unlawful_enforcement", 32, 1, 3, "violation", PERSON)
    assert (f.certainty.value, f.defeated_by, f.status) == ("certain", None, None)
    assert finding_tag(f) == "应予处理"
    line = f"【应予处理】{PERSON}：{f.message}"
    text = render_text(r)
    assert line in text and f"【违反】{PERSON}" not in text
    assert "依纪依法予以处理" in f.message
    view = report_view(r)
    assert [v.label for v in view.findings if v.rule_id == f.rule_id] == ["【应予处理】"]
    cells = [c.text for t in docx.Document(io.BytesIO(render_docx(r))).tables for row in t.rows for c in row.cells]
    assert any(c.startswith(line) for c in cells) and not any(c.startswith(f"【违反】{PERSON}") for c in cells)


def test_a_defeated_or_possible_liability_keeps_the_label():
    f = only(run(_liab(3, tolerance=ALL_HOLD)), "art_032.p1.i3.unlawful_enforcement")
    assert f.defeated_by == "art_032.p2.tolerance" and finding_tag(f) == "已被排除（原为：应予处理）"
    g = only(run(_liab(3, acted_on="done")), "art_032.p1.i3.unlawful_enforcement")
    assert g.certainty.value == "possible" and finding_tag(g) == "可能应予处理"
