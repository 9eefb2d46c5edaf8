"""第十五条: 权责清单 and the yearly plan, judged per organ and year."""

from __future__ import annotations

import pytest

from .annual_cases import AFTER, DURING, SUBJECT, annual, no_annual_record, rules_of
from .mcase import absent, check, only, run


@pytest.mark.parametrize(("name", "field"), [("annual_plan", "annual_plan_on")])
def test_made_within_the_year(name, field):
    rid = f"art_015.p1.{name}.on_time"
    f = only(run(annual(), AFTER), rid)
    check(f, rid, 15, 1, None, "shall", SUBJECT)
    assert f.status.value == "on_time" and f.subject_id == "422801.sfj"


@pytest.mark.parametrize(("name", "field"), [("annual_plan", "annual_plan_on")])
def test_missing_after_the_year_is_a_violation(name, field):
    rid = f"art_015.p1.{name}.overdue"
    r = run(annual(**{field: "not_done"}), AFTER)
    check(only(r, rid), rid, 15, 1, None, "violation", SUBJECT)
    absent(r, f"art_015.p1.{name}.on_time")


@pytest.mark.parametrize(("name", "field"), [("annual_plan", "annual_plan_on")])
def test_a_year_is_not_judged_before_it_ends(name, field):
    r = run(annual(**{field: "not_done"}), DURING)
    check(only(r, f"art_015.p1.{name}.pending"), f"art_015.p1.{name}.pending", 15, 1, None, "shall", SUBJECT)
    absent(r, f"art_015.p1.{name}.overdue")


def test_pending_only_while_missing():
    absent(run(annual(), DURING), "art_015.p1.annual_plan.pending")


def test_plan_made_after_the_year_is_late():
    r = run(annual(annual_plan_on="2026-01-03"), AFTER)
    check(only(r, "art_015.p1.annual_plan.late"), "art_015.p1.annual_plan.late", 15, 1, None, "violation", SUBJECT)


def test_plan_made_within_the_year_is_not_late():
    absent(run(annual(), AFTER), "art_015.p1.annual_plan.late")


def test_responsibility_list_made_after_the_year_is_performed_never_late():
    # 第十五条: "年度" qualifies only the work plan; the 权责清单 has no period (A15-2)
    r = run(annual(responsibility_list_on="2026-01-10"), "2026-12-01")
    f = only(r, "art_015.p1.responsibility_list.made")
    check(f, "art_015.p1.responsibility_list.made", 15, 1, None, "shall", SUBJECT)
    assert f.performed and f.status is None and f.days_late is None and f.subject_id == "422801.sfj"
    assert f.citation == "《恩施土家族苗族自治州行政执法监督办法》第十五条"
    assert f.message == ("2025年度：已于2026年1月10日制定行政执法监督权责清单；制定于该年度结束之后，"
                         "第十五条对权责清单没有规定期限，不认定逾期（A15-2）。")
    assert "A15-2" in f.interpretations
    assert not [x for x in r.findings if x.article == 15 and x.modality.value == "violation"]
    check(only(r, "art_015.p1.annual_plan.on_time"), "art_015.p1.annual_plan.on_time", 15, 1, None, "shall", SUBJECT)


def test_responsibility_list_made_within_or_before_the_year_is_performed():
    for made in ("2025-12-31", "2024-11-01"):
        f = only(run(annual(responsibility_list_on=made), AFTER), "art_015.p1.responsibility_list.made")
        check(f, "art_015.p1.responsibility_list.made", 15, 1, None, "shall", SUBJECT)
        assert f.performed and f.status is None and "不认定逾期" not in f.message


@pytest.mark.parametrize("as_of", [DURING, AFTER, "2027-06-30"])
def test_responsibility_list_not_made_is_an_outstanding_duty_never_a_violation(as_of):
    r = run(annual(responsibility_list_on="not_done"), as_of)
    f = only(r, "art_015.p1.responsibility_list.required")
    check(f, "art_015.p1.responsibility_list.required", 15, 1, None, "shall", SUBJECT)
    assert not f.performed and f.status is None and f.days_late is None
    assert "第十五条对权责清单没有规定期限" in f.message and "A15-2" in f.interpretations
    absent(r, "art_015.p1.responsibility_list.made")
    assert not [x for x in r.findings if x.article == 15 and x.modality.value == "violation"]


def test_no_annual_record_no_finding_under_article_15():
    """Near-identical to the cases above without the organ's annual-duties record: nothing of 第十五条
    is judged (no organ and year), while the rest of the case is evaluated as before."""
    assert rules_of(15) == [
        "art_015.p1.annual_plan.late", "art_015.p1.annual_plan.on_time", "art_015.p1.annual_plan.overdue",
        "art_015.p1.annual_plan.pending", "art_015.p1.responsibility_list.made",
        "art_015.p1.responsibility_list.required",
    ]
    r = run(no_annual_record(), AFTER)
    for rid in rules_of(15):
        absent(r, rid)
    assert [f.rule_id for f in r.findings if f.article == 15] == []
    assert [n.rule_id for n in r.notes] == ["art_003.p1.supervision_relation", "art_003.p2.listed_activity", "art_035.p1.in_force"]


def test_annual_duties_are_judged_even_when_the_matter_is_excluded_or_halted():
    import enshi_rules

    # the matter started before commencement: outside the measures, but 2025's duties are judged
    doc = annual(annual_plan_on=None)
    doc["supervision"] = {"started_on": "2025-02-01"}
    report = enshi_rules.evaluate(doc, as_of="2026-01-05")
    assert report.in_scope is False
    assert "art_015.p1.annual_plan.overdue" in report.rule_ids()
    # the supervisor has no power over the supervised organ: the matter halts, the duties do not
    doc = annual(annual_plan_on=None)
    doc["supervising_organ"], doc["supervised_organ"] = "422802", "422801"
    report = enshi_rules.evaluate(doc, as_of="2026-01-05")
    assert "art_003.p1.no_supervision_relation" in report.rule_ids()
    assert "art_015.p1.annual_plan.overdue" in report.rule_ids()


def test_annual_duties_of_an_organ_that_cannot_supervise_are_a_data_error():
    import pytest

    import enshi_rules

    doc = annual()
    doc["organs"] = [{"id": "422801.sfj.lfss", "name": "龙凤司法所", "kind": "司法所", "level": "乡（镇）", "region": "422801", "parent": "422801.sfj"}]
    doc["annual_duties"][0]["organ"] = "422801.sfj.lfss"
    with pytest.raises(enshi_rules.CaseValidationError) as info:
        enshi_rules.evaluate(doc, as_of="2026-01-05")
    assert [p.path for p in info.value.problems] == ["annual_duties[0].organ"]
    assert "不是行政执法监督机关" in info.value.problems[0].message_zh


def test_no_pending_responsibility_list_once_made():
    # 应当制定权责清单: made on 2025-03-20, nothing is pending on the last day of the year
    r = run(annual(), DURING)
    absent(r, "art_015.p1.responsibility_list.required")
    check(only(r, "art_015.p1.responsibility_list.made"), "art_015.p1.responsibility_list.made", 15, 1, None, "shall", SUBJECT)


def _government_and_justice(gov: dict, justice: dict) -> dict:
    """利川市人民政府 and 利川市司法局, each with a record of 2025 (the case's annual_duties)."""
    doc = annual()
    doc["annual_duties"] = [
        {"organ": "422802", "year": 2025, **gov},
        {"organ": "422802.sfj", "year": 2025, **justice},
    ]
    return doc


GOVERNMENT = "利川市人民政府"


def test_a_governments_plan_and_list_made_by_its_justice_bureau_are_the_governments():
    # 第五条第一款: the 司法行政部门 承担本级人民政府行政执法监督具体工作 (A15-5)
    doc = _government_and_justice({}, {"responsibility_list_on": "2025-04-08", "annual_plan_on": "2025-03-28"})
    r = run(doc, AFTER)
    plan = [f for f in r.findings if f.rule_id.startswith("art_015.p1.annual_plan") and f.subject == GOVERNMENT]
    assert [f.rule_id for f in plan] == ["art_015.p1.annual_plan.on_time"]
    check(plan[0], "art_015.p1.annual_plan.on_time", 15, 1, None, "shall", GOVERNMENT)
    assert plan[0].performed and "由利川市司法局于2025年3月28日制定年度行政执法监督工作计划" in plan[0].message
    assert "第五条第一款" in plan[0].message and "A15-5" in plan[0].interpretations
    lst = [f for f in r.findings if f.rule_id.startswith("art_015.p1.responsibility_list") and f.subject == GOVERNMENT]
    assert [f.rule_id for f in lst] == ["art_015.p1.responsibility_list.made"]
    assert "由利川市司法局已于2025年4月8日制定" in lst[0].message
    assert not [f for f in r.findings if f.article == 15 and f.subject == GOVERNMENT and f.modality.value == "violation"]


def test_a_government_without_its_justice_bureaus_record_is_judged_on_its_own():
    doc = annual()
    doc["annual_duties"] = [{"organ": "422802", "year": 2025, "case_file_reviews": [],
                             "annual_plan_on": "not_done", "responsibility_list_on": "not_done"}]
    r = run(doc, AFTER)
    f = only(r, "art_015.p1.annual_plan.overdue")
    check(f, "art_015.p1.annual_plan.overdue", 15, 1, None, "violation", GOVERNMENT)
    check(only(r, "art_015.p1.responsibility_list.required"), "art_015.p1.responsibility_list.required", 15, 1, None, "shall", GOVERNMENT)


def test_a_justice_bureau_of_another_county_does_not_count():
    doc = annual()
    doc["annual_duties"] = [{"organ": "422802", "year": 2025, "annual_plan_on": "not_done"},
                            {"organ": "422801.sfj", "year": 2025, "annual_plan_on": "2025-03-28"}]
    r = run(doc, AFTER)
    gov = [f for f in r.findings if f.rule_id.startswith("art_015.p1.annual_plan") and f.subject == GOVERNMENT]
    assert [f.rule_id for f in gov] == ["art_015.p1.annual_plan.overdue"] and gov[0].modality.value == "violation"


def test_a_plan_the_justice_bureau_made_only_after_the_year_is_still_late_for_the_government():
    doc = _government_and_justice({}, {"annual_plan_on": "2026-01-03"})
    r = run(doc, AFTER)
    late = [f for f in r.findings if f.rule_id == "art_015.p1.annual_plan.late" and f.subject == GOVERNMENT]
    assert len(late) == 1 and late[0].modality.value == "violation"
    assert "年度行政执法监督工作计划于2026年1月3日才制定" in late[0].message and "由利川市司法局制定" in late[0].message
    # made by nobody within the year as far as the records say: never certainly on time (the
    # government's own silent record leaves only a possible plan of its own, A15-6)
    assert not [f for f in r.findings if f.rule_id == "art_015.p1.annual_plan.on_time" and f.subject == GOVERNMENT
                and f.certainty.value == "certain"]


@pytest.mark.parametrize("as_of", [AFTER, DURING])
def test_a_government_silent_or_not_done_is_met_by_its_justice_bureaus_acts_of_the_year(as_of):
    # A15-5: the bureau's plan and list of the year are the government's, whatever the government's own
    # record says (not_done, or a plan of its own made only after the year): nothing pending, overdue,
    # late or required is left for the government
    for own_plan in ("not_done", "2026-01-03") if as_of == AFTER else ("not_done",):
        doc = _government_and_justice({"annual_plan_on": own_plan, "responsibility_list_on": "not_done"},
                                      {"annual_plan_on": "2025-03-28", "responsibility_list_on": "2025-04-08"})
        r = run(doc, as_of)
        gov = [f for f in r.findings if f.article == 15 and f.subject == GOVERNMENT]
        assert sorted(f.rule_id for f in gov) == ["art_015.p1.annual_plan.on_time", "art_015.p1.responsibility_list.made"]
        made = next(f for f in gov if f.rule_id == "art_015.p1.responsibility_list.made")
        check(made, "art_015.p1.responsibility_list.made", 15, 1, None, "shall", GOVERNMENT)
        assert made.performed and "第五条第一款" in made.message and "A15-5" in made.message


@pytest.mark.parametrize(("field", "rid"), [("annual_plan_on", "art_015.p1.annual_plan.overdue"),
                                            ("responsibility_list_on", "art_015.p1.responsibility_list.required")])
def test_an_absent_field_is_not_recorded_never_a_certain_not_made(field, rid):
    # the format can say not_done: a record silent on the plan (list) does not say it was not made;
    # absent is judged as unknown, so the finding is only possible, with the field as its reason (A15-6)
    r = run(annual(**{field: None}), AFTER)
    [f] = [x for x in r.findings if x.rule_id == rid]
    check(f, rid, 15, 1, None, "violation" if "plan" in rid else "shall", SUBJECT)
    assert f.certainty.value == "possible"
    if "plan" in rid:
        assert f.uncertain_facts == (f"annual_duties[0].{field}（是否已做不详）",)
    else:  # the standing list: one possible 应当, the reason in words (A15-2, A15-6)
        assert f.uncertain_facts == ("恩施市司法局2025年度的记录未载明行政执法监督权责清单是否已经制定，以前年度的记录也没有已制定的日期；是否已经制定须查明（A15-2、A15-6）",)
    assert not [x for x in r.findings if x.article == 15 and x.modality.value == "violation" and x.certainty.value == "certain"]
    # written not_done, the same finding is certain
    [g] = [x for x in run(annual(**{field: "not_done"}), AFTER).findings if x.rule_id == rid]
    assert g.certainty.value == "certain" and g.uncertain_facts == ()


# ---- legal review 2, item 14: the standing list across years (A15-2) and a record silent on it (A15-6)

def _c6():
    import json
    from pathlib import Path

    return json.loads((Path(__file__).parent / "fixtures" / "legal_review_2" / "c6_annual.json").read_text(encoding="utf-8"))


def test_a_record_silent_on_the_list_gives_one_possible_shall_not_two_exclusive_findings():
    # c6: 宣恩县司法局's 2026 record does not mention the list; its 2025 record says not_done
    r = run(_c6(), "2026-12-01")
    lst = [f for f in r.findings if f.rule_id.startswith("art_015.p1.responsibility_list") and f.subject == "宣恩县司法局"]
    assert sorted((f.rule_id, f.message[:4]) for f in lst) == [
        ("art_015.p1.responsibility_list.required", "2025"), ("art_015.p1.responsibility_list.required", "2026")]
    y25, y26 = sorted(lst, key=lambda f: f.message)
    for f in (y25, y26):
        check(f, "art_015.p1.responsibility_list.required", 15, 1, None, "shall", "宣恩县司法局")
        assert f.status is None and f.due is None and not f.performed
    # 2025 says not_done: certain; 2026 says nothing: possible, with the reason in words
    assert y25.certainty.value == "certain" and y25.uncertain_facts == ()
    assert y26.certainty.value == "possible" and "记录未载明是否已经制定" in y26.message
    assert y26.uncertain_facts == ("宣恩县司法局2026年度的记录未载明行政执法监督权责清单是否已经制定，以前年度的记录也没有已制定的日期；是否已经制定须查明（A15-2、A15-6）",)
    assert "A15-6" in y26.interpretations
    absent_made = [f for f in r.findings if f.rule_id == "art_015.p1.responsibility_list.made"]
    assert absent_made == []
    # explicit unknown reads as silent
    doc = _c6()
    doc["annual_duties"][2]["responsibility_list_on"] = "unknown"
    r = run(doc, "2026-12-01")
    [g] = [f for f in r.findings if f.rule_id.startswith("art_015.p1.responsibility_list") and "2026年度" in f.message and f.subject == "宣恩县司法局"]
    assert g.rule_id == "art_015.p1.responsibility_list.required" and g.certainty.value == "possible"


def test_a_list_made_in_an_earlier_year_stays_made():
    # 2025's record dates the list 2025-04-08; 2026's record is silent, then says not_done: made both ways
    doc = _c6()
    doc["annual_duties"][0]["responsibility_list_on"] = "2025-04-08"
    for later in (None, "not_done"):
        if later is None:
            doc["annual_duties"][2].pop("responsibility_list_on", None)
        else:
            doc["annual_duties"][2]["responsibility_list_on"] = later
        r = run(doc, "2026-12-01")
        [f] = [x for x in r.findings if x.rule_id.startswith("art_015.p1.responsibility_list") and "2026年度" in x.message and x.subject == "宣恩县司法局"]
        check(f, "art_015.p1.responsibility_list.made", 15, 1, None, "shall", "宣恩县司法局")
        assert f.performed and f.certainty.value == "certain"
        assert "已于2025年4月8日制定行政执法监督权责清单（见2025年度的记录）" in f.message and "A15-2" in f.interpretations
    # a list of a later year does not reach back: 2025 stays as its own record says
    doc = _c6()
    doc["annual_duties"][2]["responsibility_list_on"] = "2026-03-01"
    r = run(doc, "2026-12-01")
    [f25] = [x for x in r.findings if x.rule_id.startswith("art_015.p1.responsibility_list") and "2025年度" in x.message and x.subject == "宣恩县司法局"]
    assert f25.rule_id == "art_015.p1.responsibility_list.required" and f25.certainty.value == "certain"


def test_a_governments_list_made_by_its_justice_bureau_in_an_earlier_year_stays_made():
    # 宣恩县人民政府 2026 has no record of its own list; its 司法局 dated one in 2025 (A15-5 with A15-2)
    doc = _c6()
    doc["annual_duties"][0]["responsibility_list_on"] = "2025-04-08"
    doc["annual_duties"].append({"organ": "422825", "year": 2026, "annual_plan_on": "2026-02-10", "case_file_reviews": [], "assessments": []})
    r = run(doc, "2026-12-01")
    [f] = [x for x in r.findings if x.rule_id.startswith("art_015.p1.responsibility_list") and "2026年度" in x.message and x.subject == "宣恩县人民政府"]
    check(f, "art_015.p1.responsibility_list.made", 15, 1, None, "shall", "宣恩县人民政府")
    assert f.performed and "已于2025年4月8日制定" in f.message
