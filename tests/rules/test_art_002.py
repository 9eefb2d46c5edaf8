"""第二条: the territorial scope (第一款) and what is governed by other law (第二款)."""

from __future__ import annotations

import pytest

from enshi_rules.testing import assert_no_note, assert_note, assert_out_of_scope

from .casebuilder import MARKET, case, letter, run


def test_organ_outside_the_prefecture_is_excluded():
    doc = case(suggestion_letter=letter())
    doc["organs"] = [dict(MARKET, region="500101", name="重庆市渝中区市场监督管理局")]
    report = run(doc, "2025-06-30")
    assert report.in_scope is False and report.findings == ()
    assert [n.rule_id for n in report.notes] == ["art_002.p1.outside_prefecture"]
    note = assert_out_of_scope(report, rule_id="art_002.p1.outside_prefecture", cite="第二条第一款")
    assert note.citation == "《恩施土家族苗族自治州行政执法监督办法》第二条第一款"
    assert "500101" in note.message and "重庆市渝中区市场监督管理局" in note.message


def test_enforcement_outside_the_prefecture_by_prefecture_organs_is_supervision_work_of_the_prefecture():
    # 第二条第一款 turns on the supervision work (the organs), not where the act took place (A02-1)
    doc = case(suggestion_letter=letter())
    doc["enforcement_action"]["region"] = "500101"
    report = run(doc, "2025-06-30")
    assert report.in_scope is True
    note = assert_note(report, rule_id="art_002.p1.act_outside_prefecture", cite="第二条第一款", excludes=False)
    assert "500101" in note.message and "适用本办法" in note.message
    assert "art_027.p2.rectify.overdue" in report.rule_ids()
    assert_no_note(report, rule_id="art_002.p1.outside_prefecture")


def test_enforcement_inside_the_prefecture_is_not_excluded():
    doc = case(suggestion_letter=letter())
    doc["enforcement_action"]["region"] = "422828"
    report = run(doc, "2025-06-30")
    assert report.in_scope is True
    assert_no_note(report, article=2)


def test_vertically_managed_body_is_excluded():
    doc = case(suggestion_letter=letter())
    doc["organs"] = [dict(MARKET, vertically_managed=True)]
    report = run(doc, "2025-06-30")
    note = assert_note(report, rule_id="art_002.p2.vertically_managed", excludes=True)
    assert note.citation == "《恩施土家族苗族自治州行政执法监督办法》第二条第二款"
    assert report.findings == ()


TAX = {"id": "422823.sw", "name": "国家税务总局巴东县税务局", "kind": "其他", "level": "县（市）", "region": "422823", "vertically_managed": True}
CUSTOMS = {"id": "es.hg", "name": "恩施海关", "kind": "其他", "level": "州", "region": "422800", "vertically_managed": True}


@pytest.mark.parametrize(("organ", "supervisor"), [(TAX, "422823"), (CUSTOMS, "422800")])
def test_an_excluded_matter_has_no_other_finding_or_note(organ, supervisor):
    # entered as a user would: kind 其他, no parent; no 第三条 "no relation" beside the exclusion
    doc = case(suggestion_letter=letter())
    doc["organs"] = [organ]
    doc["supervising_organ"], doc["supervised_organ"] = supervisor, organ["id"]
    report = run(doc, "2025-06-30")
    assert report.in_scope is False and report.findings == () and report.missing_facts == ()
    assert [n.rule_id for n in report.notes] == ["art_002.p2.vertically_managed"]


@pytest.mark.parametrize("special", ["行政复议", "监察", "审计", "行政规范性文件备案审查"])
def test_special_supervision_is_excluded(special):
    doc = case(suggestion_letter=letter())
    doc["special_supervision"] = special
    report = run(doc, "2025-06-30")
    note = assert_note(report, rule_id="art_002.p2.special_supervision", cite="第二条第二款", excludes=True)
    assert special in note.message
    assert report.in_scope is False
    assert [n.rule_id for n in report.notes] == ["art_002.p2.special_supervision"]  # no 第三十五条 "适用本办法"


def test_ordinary_supervision_is_not_excluded_by_article_2():
    report = run(case(), "2025-06-30")
    assert report.in_scope is True
    assert_no_note(report, article=2)


def test_an_annual_duties_record_is_no_special_supervision():
    # 第二条第二款 excludes 专门监督活动 (行政复议、监察、审计、备案审查); an organ's annual duties of
    # 第十五、十九条 (here with a 专项 assessment) are this measures' own supervision work
    from .annual_cases import AFTER, annual

    doc = annual(assessments=[{"held_on": "2025-11-01", "internal": True, "external": True, "scope": "专项"}])
    report = run(doc, AFTER)
    assert_no_note(report, rule_id="art_002.p2.special_supervision")
    assert report.in_scope is True
    assert "art_019.p1.special_assessment" in report.rule_ids()
