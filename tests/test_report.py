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


# ---- rule ids are a technical reference, never what legal staff read first -------------------

_RULE_ID = __import__("re").compile(r"\b(?:art|tl)_\d{3}\.[a-z0-9_.]+")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_text_report_heads_each_finding_with_its_words_and_cites_before_the_rule_id(path):
    from enshi_rules.cli import render_text
    from enshi_rules.testing import format_report

    report = enshi_rules.evaluate(path.read_bytes())
    lines = render_text(report).splitlines()
    assert format_report(report).splitlines() == lines
    for i, f in enumerate(report.findings, 1):
        head = next(k for k, line in enumerate(lines) if line.startswith(f"  {i}. 【"))
        # the headline: the tag, the subject and the finding's words (a message may quote another
        # finding's id in brackets after its words, as 第三十二条第二款's does); never the finding's own id
        assert lines[head].startswith(f"  {i}. 【") and f.rule_id not in lines[head]
        basis = lines[head + 1]
        cite = f.citation.split("》", 1)[-1] if f.instrument is None else f.citation
        assert basis.startswith(f"     依据：{cite}"), basis
        # the id comes last, labelled as a reference number
        assert basis.endswith(f"〔规则编号 {f.rule_id}〕") and _RULE_ID.findall(basis) == [f.rule_id]
        for extra in lines[head + 2:]:
            if not extra.startswith("     "):
                break
            # a rule another finding rests on is named by its 条/款/项 first, its id in brackets after
            for rid in _RULE_ID.findall(extra):
                assert f"（规则编号 {rid}）" in extra and extra.index("第") < extra.index(rid), extra


def test_a_defeated_finding_names_the_exception_by_its_paragraph_then_its_id():
    from enshi_rules.cli import render_text

    path = next(p for p in EXAMPLES if p.stem == "liability_tolerance_holds")
    text = render_text(enshi_rules.evaluate(path.read_bytes()))
    assert "     已被排除：第三十二条第二款的例外排除了该认定，保留在报告中，以示被排除的是什么（规则编号 art_032.p2.tolerance）" in text
    assert "已被排除：art_" not in text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_explanation_heads_each_finding_with_its_citation_and_words(path):
    from enshi_rules.cli import main

    report = enshi_rules.evaluate(path.read_bytes())
    e = enshi_rules.explain(path.read_bytes())
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["explain", str(path)]) == 0
    lines = out.getvalue().splitlines()
    heads = [line for line in lines if line[:1].isdigit()]
    assert len(heads) == len(report.findings) == len(e.findings)
    for line, f in zip(heads, report.findings):
        assert not _RULE_ID.search(line), line  # 1. 第二十八条第一款　【应当·已履行】建始县司法局
        assert f"【{line.split('【', 1)[1].split('】', 1)[0]}】" in line
    for line in lines:
        if line.startswith("   规则："):
            assert line.endswith("）") and "（规则编号 " in line and line.index("（规则编号 ") > len("   规则：")
        if line.startswith("     ← "):
            assert "；规则编号 " in line and not _RULE_ID.match(line[len("     ← "):])
