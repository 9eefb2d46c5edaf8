"""Scope invariants over generated cases (issue 12): an excluded matter carries no finding.

A matter outside the measures (第二条第一款: an organ outside the prefecture; 第二条第二款: a
vertically managed body or special supervision; 第三十五条: every step before 2025-03-01) is
reported with the reasons it is excluded and nothing else of the measures: no finding (not even
第三条's "no relation"), no other note, no missing fact, no timeline. The expectations come from
第二条 and 第三十五条 themselves (the matter is not judged under the measures), not from the rules.

The national 《行政执法监督条例》 (from 2026-02-01) is the 有关法律法规 the measures defer to: its notes
and findings (``instrument == "tiaoli"``) may stand beside the exclusion, and are the only ones that may.
"""

from __future__ import annotations

import copy
import re
from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import enshi_rules
from enshi_rules.facts import DEFAULT_ORGANS
from enshi_rules.testing.strategies import case_documents

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _shift(value: Any, days: int) -> Any:
    """Every ISO date in a document moved by ``days`` (their order kept)."""
    if isinstance(value, dict):
        return {k: _shift(v, days) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift(v, days) for v in value]
    if isinstance(value, str) and _ISO.match(value):
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
    return value


def _with_conduct(doc: dict[str, Any]) -> dict[str, Any]:
    """The conduct a halt does not stop, dated on the start: a clue, an inspection, a complaint."""
    on = doc["supervision"]["started_on"]
    doc["clues"] = [{"id": "K1", "person": "王五", "kind": "失职渎职", "found_on": on}]
    doc["inspections"] = [{"id": "I1", "conducted_on": on, "supervisors": [{"name": "李四", "certificate_shown": False}], "measures": [2]}]
    doc["complaints"] = [{"id": "C1", "complainant": "公民", "received_on": on}]
    return doc


@st.composite
def excluded_cases(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    doc = copy.deepcopy(draw(case_documents()))
    if draw(st.booleans()):
        doc = _with_conduct(doc)
    # any supervising organ of the built-in registry: often one without any relation (第三条)
    if draw(st.booleans()):
        doc["supervising_organ"] = draw(st.sampled_from(sorted(DEFAULT_ORGANS)))
    organ = doc["organs"][0]
    how = draw(st.sampled_from(["special", "vertical", "vertical_as_entered", "organ_outside", "before"]))
    if how == "special":
        doc["special_supervision"] = draw(st.sampled_from(["行政复议", "监察", "审计", "行政规范性文件备案审查"]))
    elif how == "vertical":
        organ["vertically_managed"] = True
        doc["supervised_organ"] = organ["id"]
    elif how == "vertical_as_entered":  # a tax bureau as a user enters it: 其他, no parent
        organ.update(kind="其他", vertically_managed=True)
        organ.pop("parent", None)
        organ.pop("system", None)
        doc["supervised_organ"] = organ["id"]
    elif how == "organ_outside":
        organ["region"] = draw(st.sampled_from(["500101", "420100", "430100"]))
        doc["supervised_organ"] = organ["id"]
    else:  # every step two years earlier: all before 2025-03-01
        doc = _shift(doc, -730)
    if doc["supervising_organ"] == doc["supervised_organ"]:
        doc["supervising_organ"] = "422800"
    return how, doc


@given(excluded_cases())
def test_a_report_that_excludes_the_matter_carries_no_finding(drawn) -> None:
    how, doc = drawn
    report = enshi_rules.evaluate(doc)
    assert report.in_scope is False, how
    assert _measures(report.findings) == [], [f.rule_id for f in report.findings]
    notes = _measures(report.notes)
    assert notes and all(n.excludes for n in notes), [n.rule_id for n in report.notes]
    assert [m for m in report.missing_facts if not m.needed_for.startswith("《行政执法监督条例》")] == []
    assert report.timeline == ()
    assert all(x.rule_id.startswith("tl_") for x in (*report.findings, *report.notes) if x.instrument == "tiaoli")


def _measures(items):
    """The findings or notes under the measures (not those of 《行政执法监督条例》)."""
    return [x for x in items if x.instrument is None]


@given(case_documents())
def test_any_generated_report_outside_the_measures_carries_no_finding(doc) -> None:
    report = enshi_rules.evaluate(_with_conduct(copy.deepcopy(doc)))
    if not report.in_scope:
        assert _measures(report.findings) == [] and all(n.excludes for n in _measures(report.notes))
    else:
        assert not any(n.excludes for n in report.notes)
