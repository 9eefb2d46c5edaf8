"""Records as they are (issue 19): dates of lower precision, acts without dates or of unknown
performance, unnamed persons, one finding per obligation, the source of a matter.

Expectations come from the text: a month covers its first to its last day (a calendar fact), the
periods are those of 第二十七条 (ten and thirty days from receipt), and a conclusion is certain only
when it holds for every day the record allows (IMP-1)."""

from __future__ import annotations

import json
from datetime import date

import pytest

import enshi_rules
from enshi_rules import CaseValidationError
from enshi_rules.cli import render_text
from enshi_rules.facts import load_case
from enshi_rules.facts._types import ActState, DateSpan
from enshi_rules.testing import assert_finding, assert_no_finding

from _support.cases import letter_case


# ---- the format ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [("2025-02", date(2025, 2, 1), date(2025, 2, 28)), ("2024-02", date(2024, 2, 1), date(2024, 2, 29)), ("2025", date(2025, 1, 1), date(2025, 12, 31))],
)
def test_a_month_or_a_year_is_the_interval_it_covers(text, lo, hi):
    lc = load_case(letter_case(started_on=text), as_of="2026-01-31")
    v = lc.case.supervision.started_on
    assert isinstance(v, DateSpan) and (v.lo, v.hi, v.text) == (lo, hi, text)
    assert json.loads(lc.case.model_dump_json())["supervision"]["started_on"] == text  # written back as given


@pytest.mark.parametrize("word", ["done", "not_done", "unknown"])
def test_an_act_may_be_done_without_a_date_not_done_or_unknown(word):
    lc = load_case(letter_case(suggestion_letter={"issued_on": word}), as_of="2025-11-01")
    assert lc.case.supervision.suggestion_letter.issued_on is ActState(word)


@pytest.mark.parametrize("bad", ["2025-13", "2025-00", "25-05", "2025/05", "May 2025", "2025-5", "later", 2025])
def test_other_spellings_are_refused_naming_the_field(bad):
    with pytest.raises(CaseValidationError) as e:
        load_case(letter_case(started_on=bad), as_of="2025-11-01")
    assert [p.path for p in e.value.problems] == ["supervision.started_on"]
    assert "日期无效" in e.value.problems[0].message_zh


def test_a_discovery_date_is_a_date_not_an_act():
    d = letter_case()
    d["supervision"]["situations"][0]["found_on"] = "done"
    with pytest.raises(CaseValidationError) as e:
        load_case(d, as_of="2025-11-01")
    assert [p.path for p in e.value.problems] == ["supervision.situations[0].found_on"]


def test_a_month_is_out_of_order_only_when_wholly_before_what_it_follows():
    # received in September, issued 2025-09-20: possible (received 20-30 September)
    load_case(letter_case(suggestion_letter={"issued_on": "2025-09-20", "received_on": "2025-09"}), as_of="2025-11-01")
    with pytest.raises(CaseValidationError) as e:
        load_case(letter_case(suggestion_letter={"issued_on": "2025-09-20", "received_on": "2025-08"}), as_of="2025-11-01")
    assert [p.path for p in e.value.problems] == ["supervision.suggestion_letter.received_on"]


def test_a_month_after_the_as_of_date_is_refused_but_the_current_month_is_not():
    load_case(letter_case(suggestion_letter={"issued_on": "2025-09-01", "received_on": "2025-09"}), as_of="2025-09-10")
    with pytest.raises(CaseValidationError):
        load_case(letter_case(suggestion_letter={"issued_on": "2025-09-01", "received_on": "2025-10"}), as_of="2025-09-10")


def test_the_schema_accepts_the_new_spellings_and_documents_absence():
    schema = enshi_rules.case_schema() if hasattr(enshi_rules, "case_schema") else enshi_rules.facts.Case.model_json_schema()
    text = json.dumps(schema, ensure_ascii=False)
    assert "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" in text
    assert '"done"' in text and '"not_done"' in text and '"unknown"' in text
    assert "absent: not filed" in text  # what a missing field means is written down (IMP-5)


# ---- the logic -----------------------------------------------------------------------------


def test_a_receipt_known_to_the_month_gives_a_due_date_interval():
    r = enshi_rules.evaluate(letter_case(suggestion_letter={"issued_on": "2025-09-01", "received_on": "2025-09"}), as_of="2025-11-15")
    f = assert_finding(r, rule_id="art_027.p2.rectify.overdue", article=27, paragraph=2, modality="violation", status="overdue")
    # received 1 September: 30 days end 1 October, rolled over the National Day holidays to 9 October;
    # received 30 September: 30 October
    assert f.due is None and f.due_range == (date(2025, 10, 9), date(2025, 10, 30))
    assert f.certainty.value == "certain" and f.days_late is None
    assert f.uncertain_facts == ("supervision.suggestion_letter.received_on（2025年9月，只知月份）",)
    assert "2025年10月9日至2025年10月30日之间" in f.message
    assert all(t.rule_id != "art_027.p2.rectify.overdue" for t in r.timeline)  # no single due date to chart


def test_a_possible_violation_is_never_a_plain_violation_in_the_text_report():
    r = enshi_rules.evaluate(letter_case(suggestion_letter={"issued_on": "2025-09-01", "received_on": "2025-09"}), as_of="2025-10-20")
    over = assert_finding(r, rule_id="art_027.p2.rectify.overdue", certainty="possible", status="overdue")
    pend = assert_finding(r, rule_id="art_027.p2.rectify.pending", certainty="possible", status="pending")
    assert over.modality.value == "violation" and pend.modality.value == "shall"
    text = render_text(r)
    assert "【可能违反·逾期未完成】" in text and "【违反·逾期未完成】" not in text
    assert "可能：该认定只在部分可能的日期或情况下成立，原因：收到建议书之日（2025年9月，只知月份）" in text


def test_a_letter_issued_on_an_unknown_day_is_issued_and_its_periods_are_not_counted():
    r = enshi_rules.evaluate(letter_case(suggestion_letter={"issued_on": "done", "received_on": "done"}), as_of="2025-11-15")
    f = assert_finding(r, rule_id="art_026.p1.i3.letter_issued", article=26, item=3, modality="shall", performed=True, certainty="certain")
    assert "尚未制发" not in render_text(r)
    # issued no earlier than the start (20 August) and no later than the as-of date
    assert "2025年8月20日至2025年11月15日之间制发" in f.message
    assert_no_finding(r, rule_id="art_027.*")
    fields = [m.field for m in r.missing_facts]
    assert fields == ["supervision.suggestion_letter.issued_on", "supervision.suggestion_letter.received_on"]
    assert "期限无法计算" in r.missing_facts[1].reason


def test_an_act_not_known_to_be_done_makes_the_duty_possible_not_certain():
    r = enshi_rules.evaluate(letter_case(suggestion_letter={"issued_on": "unknown"}), as_of="2025-11-15")
    req = assert_finding(r, rule_id="art_026.p1.i3.letter_required", certainty="possible")
    iss = assert_finding(r, rule_id="art_026.p1.i3.letter_issued", certainty="possible")
    assert req.uncertain_facts == iss.uncertain_facts == ("supervision.suggestion_letter.issued_on（是否已做不详）",)
    # and, where it was issued, its receipt is not recorded
    assert [m.field for m in r.missing_facts] == ["supervision.suggestion_letter.issued_on", "supervision.suggestion_letter.received_on"]


def test_a_filing_on_an_unknown_day_is_not_no_filing():
    base = letter_case()
    base["major_decisions"] = [{"id": "ZD-1", "made_on": "2025-09-01", "filed_on": "done"}]
    absent = json.loads(json.dumps(base))
    absent["major_decisions"][0].pop("filed_on")
    r_done = enshi_rules.evaluate(base, as_of="2025-11-15")
    r_absent = enshi_rules.evaluate(absent, as_of="2025-11-15")
    assert {f.rule_id for f in r_done.cites(22)} != {f.rule_id for f in r_absent.cites(22)}
    for f in r_done.cites(22):
        if f.modality.value == "violation":
            assert f.certainty.value == "possible"


@pytest.mark.parametrize("decision", [{"made_on": "2025-06"}, {"made_on": "2025"}, {"made_on": "2025-06-10", "filed_on": "done"}])
def test_an_imprecise_date_elsewhere_never_makes_a_finding_certain_that_rests_on_an_unknown_start(decision):
    # No dated step: whether the measures apply cannot be determined (第三十五条, A35-1), so the
    # letter 第二十六条第（三）项 requires is only possible. A major decision known only to the month
    # or filed on an unknown day (not steps of the procedure) is judged in two instantiations, in both of which the finding is
    # possible for the unknown start: holding in both does not make it certain (IMP-1).
    exact = letter_case(started_on=None, suggestion_letter=None)
    imprecise = json.loads(json.dumps(exact))
    imprecise["major_decisions"] = [{"id": "ZD-1", **decision}]
    for d in (exact, imprecise):
        r = enshi_rules.evaluate(d, as_of="2026-12-01")
        assert r.in_scope is None
        f = assert_finding(r, rule_id="art_026.p1.i3.letter_required", cite="第二十六条第（三）项", modality="shall",
                           certainty="possible")
        assert (f.article, f.paragraph, f.item, f.depends_on) == (26, 1, 3, "art_035.p1.start_unknown")
        assert f.uncertain_facts == ("supervision.started_on（启动日期不详）",)
        assert all(x.certainty.value == "possible" for x in r.findings)


def test_an_impossible_combination_is_refused():
    d = letter_case(suggestion_letter={"issued_on": "not_done"}, objection={"filed_on": "2025-09-05"})
    with pytest.raises(CaseValidationError):
        enshi_rules.evaluate(d, as_of="2025-11-15")


def test_a_case_with_exact_dates_is_judged_once_and_certain():
    r = enshi_rules.evaluate(letter_case(), as_of="2025-11-15")
    assert all(f.certainty.value == "certain" and f.due_range is None and f.uncertain_facts == () for f in r.findings)
    assert all(n.certainty.value == "certain" for n in r.notes)


def test_a_report_with_certainty_reads_back():
    r = enshi_rules.evaluate(letter_case(suggestion_letter={"issued_on": "2025-09-01", "received_on": "2025-09"}), as_of="2025-10-20")
    assert enshi_rules.Report.from_json(r.to_json()) == r


# ---- persons, clues, one finding per obligation, the source ----------------------------------


def test_unnamed_persons_counted_by_role():
    d = letter_case()
    d["liabilities"] = [{"id": "ZR-1", "role": "直接负责的主管人员", "behaviour": 3, "confirmed": True}]
    d["conduct"] = [{"id": "JD-1", "role": "其他直接责任人员", "count": 3, "behaviour": "玩忽职守", "confirmed": True}]
    r = enshi_rules.evaluate(d, as_of="2025-11-15")
    f = assert_finding(r, rule_id="art_032.p1.i3.*", article=32, paragraph=1, item=3, modality="violation")
    assert f.subject == "建始县人民政府直接负责的主管人员（姓名未记录）"
    assert "姓名未记录的人员（直接负责的主管人员）" in f.message
    g = assert_finding(r, article=33, modality="violation")
    assert g.subject == "恩施土家族苗族自治州人民政府其他直接责任人员（姓名未记录，3人）"


def test_a_clue_without_kind_or_date_is_recorded_with_missing_facts():
    d = letter_case()
    d["clues"] = [{"id": "XS-1"}]
    r = enshi_rules.evaluate(d, as_of="2025-11-15")
    f = assert_finding(r, rule_id="art_031.p1.transfer_required", article=31, modality="shall")
    assert "违纪违法（类别未记录）" in f.message and "发现日期未记录" in f.message
    assert [m.field for m in r.missing_facts] == ["clues[0].kind", "clues[0].found_on"]


def test_two_deficiencies_under_one_item_give_one_finding_citing_both():
    d = letter_case(situations=None, suggestion_letter=None, deficiencies=[
        {"id": "QX-1", "article": 12, "item": 1, "confirmed": True},
        {"id": "QX-2", "article": 12, "item": 2, "confirmed": True},
    ])
    r = enshi_rules.evaluate(d, as_of="2025-11-15")
    (f,) = r.cites(26)
    assert (f.rule_id, f.item, f.modality.value) == ("art_026.p1.i4.letter_required", 4, "shall")
    assert f.facts == ("QX-1", "QX-2")
    assert "第十二条第（一）项" in f.message and "第十二条第（二）项" in f.message


def test_the_source_of_a_matter_is_shown():
    d = letter_case(source={"kind": "行政执法社会监督员", "note": "社会监督员王某反映"})
    r = enshi_rules.evaluate(d, as_of="2025-11-15")
    assert r.source is not None and (r.source.kind, r.source.note) == ("行政执法社会监督员", "社会监督员王某反映")
    assert "监督事项来源：行政执法社会监督员（社会监督员王某反映）" in render_text(r)
    assert_no_finding(r, article=21)  # a source is shown, not judged (M-2)
    with pytest.raises(CaseValidationError):
        enshi_rules.evaluate(letter_case(source={"kind": "群众来信"}), as_of="2025-11-15")


def test_the_guided_form_holds_a_month_and_an_act_state_and_gives_way_to_json_for_what_it_lacks():
    # issue 19 review, item 4: the form's date fields hold a month, a year and done / not_done /
    # unknown (tests/workbench/test_pages.py); a field the form does not have (the source) still
    # sends the document to the JSON editor
    from enshi_rules.workbench._trial import form_holds

    assert form_holds(letter_case())
    assert form_holds(letter_case(started_on="2025-08"))
    assert form_holds(letter_case(suggestion_letter={"issued_on": "done"}))
    assert not form_holds(letter_case(source={"kind": "专项行动"}))
