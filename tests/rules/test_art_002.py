"""第二条: the territorial scope (第一款) and what is governed by other law (第二款)."""

from __future__ import annotations

import pytest

from .casebuilder import MARKET, case, letter, run


def test_enforcement_outside_the_prefecture_is_excluded():
    doc = case(suggestion_letter=letter())
    doc["enforcement_action"]["region"] = "420100"
    report = run(doc, "2025-06-30")
    assert report.in_scope is False and report.findings == ()
    note = next(n for n in report.notes if n.rule_id == "art_002.p1.outside_prefecture")
    assert (note.article, note.paragraph) == (2, 1) and note.excludes
    assert note.citation == "《恩施土家族苗族自治州行政执法监督办法》第二条第一款"
    assert "420100" in note.message


def test_enforcement_inside_the_prefecture_is_not_excluded():
    doc = case(suggestion_letter=letter())
    doc["enforcement_action"]["region"] = "422828"
    report = run(doc, "2025-06-30")
    assert report.in_scope is True
    assert not any(n.rule_id.startswith("art_002") for n in report.notes)


def test_vertically_managed_body_is_excluded():
    doc = case(suggestion_letter=letter())
    doc["organs"] = [dict(MARKET, vertically_managed=True)]
    report = run(doc, "2025-06-30")
    note = next(n for n in report.notes if n.rule_id == "art_002.p2.vertically_managed")
    assert note.citation == "《恩施土家族苗族自治州行政执法监督办法》第二条第二款" and note.excludes
    assert report.findings == ()


@pytest.mark.parametrize("special", ["行政复议", "监察", "审计", "行政规范性文件备案审查"])
def test_special_supervision_is_excluded(special):
    doc = case(suggestion_letter=letter())
    doc["special_supervision"] = special
    report = run(doc, "2025-06-30")
    note = next(n for n in report.notes if n.rule_id == "art_002.p2.special_supervision")
    assert special in note.message and note.excludes and (note.article, note.paragraph) == (2, 2)
    assert report.in_scope is False


def test_ordinary_supervision_is_not_excluded_by_article_2():
    report = run(case(), "2025-06-30")
    assert report.in_scope is True
    assert not any(n.rule_id.startswith("art_002") for n in report.notes)
