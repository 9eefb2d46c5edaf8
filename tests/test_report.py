"""The report: deterministic JSON, a lossless round trip, and the as-of date."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import enshi_rules
from enshi_rules import CaseValidationError, Report
from enshi_rules.testing.cases import random_case

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.json"))
OVERDUE = Path(__file__).resolve().parents[1] / "examples" / "overdue_decision.json"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_round_trip_through_json(path):
    report = enshi_rules.evaluate(path.read_bytes())
    text = report.to_json()
    assert Report.from_json(text) == report
    assert Report.from_json(text).to_json() == text
    data = json.loads(text)
    assert list(data) == ["case_id", "as_of", "in_scope", "policy", "notes", "findings", "timeline", "missing_facts", "calendars", "calendar_notes", "source", "applicability", "versions"]
    assert data["as_of"] == report.as_of.isoformat()


@given(seed=st.integers(0, 100_000))
def test_any_generated_case_evaluates_the_same_twice_and_after_a_json_round_trip(seed):
    import random

    doc = random_case(random.Random(seed))
    report = enshi_rules.evaluate(doc)
    first = report.to_json()
    # findings are constructed without validation: validating them must change nothing
    assert Report.model_validate(report.model_dump()) == report
    assert Report.from_json(first) == report
    assert enshi_rules.evaluate(doc).to_json() == first
    assert enshi_rules.evaluate(json.dumps(doc, ensure_ascii=False)).to_json() == first
    assert enshi_rules.evaluate(enshi_rules.Case.model_validate(doc)).to_json() == first


def test_findings_are_sorted_by_citation():
    report = enshi_rules.evaluate(OVERDUE.read_bytes())
    keys = [(f.article, f.paragraph or 0, f.item or 0, f.rule_id) for f in report.findings]
    assert keys == sorted(keys)


def test_as_of_argument_overrides_the_document(tmp_path):
    doc = json.loads((Path(__file__).resolve().parents[1] / "examples" / "overdue_decision.json").read_text("utf-8"))
    report = enshi_rules.evaluate(doc, as_of="2025-12-12")
    assert report.as_of == date(2025, 12, 12)
    assert "art_028.p2.execution_report.pending" in report.rule_ids()
    assert "art_028.p2.execution_report.overdue" in enshi_rules.evaluate(doc).rule_ids()  # document: 12-15


def test_as_of_before_a_recorded_act_is_a_data_error():
    doc = json.loads((Path(__file__).resolve().parents[1] / "examples" / "overdue_decision.json").read_text("utf-8"))
    with pytest.raises(CaseValidationError) as info:
        enshi_rules.evaluate(doc, as_of="2025-10-01")
    paths = [p.path for p in info.value.problems]
    assert "supervision.decision_letter.issued_on" in paths


@pytest.mark.parametrize("bad", ["2025-02-30", "yesterday", 20250101])
def test_bad_as_of_is_named(bad):
    with pytest.raises(CaseValidationError, match="as_of"):
        enshi_rules.evaluate({"case_id": "x", "supervising_organ": "422800", "supervised_organ": "422801"}, as_of=bad)


def test_timeline_lists_every_time_limit_in_due_order():
    report = enshi_rules.evaluate(OVERDUE.read_bytes())
    assert [(t.rule_id, t.due.isoformat(), t.status.value) for t in report.timeline] == [
        ("art_027.p1.review_application.overdue", "2025-10-09", "overdue"),
        ("art_027.p2.rectify.overdue", "2025-10-24", "overdue"),
        ("art_028.p2.execution_report.overdue", "2025-12-12", "overdue"),
    ]


def test_policy_by_name_and_a_bad_policy():
    doc = json.loads(OVERDUE.read_text("utf-8"))
    assert enshi_rules.evaluate(doc, policy="working").policy.day_counting == "working"
    with pytest.raises(CaseValidationError, match="policy"):
        enshi_rules.evaluate(doc, policy="lunar")
