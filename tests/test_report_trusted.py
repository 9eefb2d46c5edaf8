"""The report is built without pydantic validation (``report.trusted_construct``): validating it changes nothing.

``evaluate`` builds every ``Finding``, ``Note``, ``TimelineEntry``, ``MissingFact``, ``CalendarUsed``,
``Policy``, ``Versions`` and the ``Report`` itself from values it computed, without validating them
again (issue 18, a lighter report). Each model here is validated again from its own dump and compared
with the one the library built, field by field: the same value of the same type (an enum stays an
enum, a tuple a tuple, a date a date), the same fields set, the same ``__dict__`` order (pydantic
serialises in that order), hence the same JSON; on every example, every YAML scenario, the platform
mix and random cases.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import enshi_rules
from enshi_rules import Report
from enshi_rules.errors import EnshiRulesError
from enshi_rules.testing.cases import platform_mix, random_case
from enshi_rules.testing.scenarios import load_scenarios

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SCENARIO_FILES = sorted((ROOT / "tests" / "scenarios").glob("*.scenario.yaml"))


def assert_same(built: Any, validated: Any, where: str = "report") -> None:
    assert type(built) is type(validated), f"{where}: {type(built).__name__} != {type(validated).__name__}"
    if isinstance(built, BaseModel):
        fields = list(type(built).model_fields)
        assert list(built.__dict__) == fields, f"{where}: fields in another order or missing"
        assert list(validated.__dict__) == fields
        assert built.model_fields_set == validated.model_fields_set, where
        assert built.__pydantic_extra__ == validated.__pydantic_extra__, where
        assert built.__pydantic_private__ == validated.__pydantic_private__, where
        for name in fields:
            assert_same(built.__dict__[name], validated.__dict__[name], f"{where}.{name}")
    elif isinstance(built, tuple):
        assert len(built) == len(validated), where
        for i, (a, b) in enumerate(zip(built, validated, strict=True)):
            assert_same(a, b, f"{where}[{i}]")
    else:
        assert built == validated, where


def check(report: Report) -> None:
    text = report.to_json()
    assert_same(report, Report.model_validate(report.model_dump()))
    assert_same(report, Report.model_validate_json(text))
    assert Report.model_validate(report.model_dump()).to_json() == text
    assert report.to_json(indent=None) == Report.model_validate_json(text).to_json(indent=None)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples(path: Path) -> None:
    check(enshi_rules.evaluate(path.read_bytes()))


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.name.split(".")[0])
def test_scenarios(path: Path) -> None:
    checked = 0
    for sc in load_scenarios(path):
        try:
            report = enshi_rules.evaluate(sc.case, as_of=sc.as_of, policy=sc.policy)
        except EnshiRulesError:
            continue  # a scenario that expects an error has no report
        check(report)
        checked += 1
    assert checked or path.name.startswith("hostile"), f"{path.name}: no scenario gave a report"


def test_platform_mix() -> None:
    for doc in platform_mix(600, 20250301):
        check(enshi_rules.evaluate(doc))


def test_working_days_and_time_in_post_and_a_provisional_year() -> None:
    # the policy and calendar variants of the report (the Policy model is shared per policy)
    for doc in platform_mix(120, 7):
        check(enshi_rules.evaluate(doc, policy="working"))
        check(enshi_rules.evaluate(doc, as_of=date(2026, 12, 31)))


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 10**9))
def test_random_cases(seed: int) -> None:
    doc = random_case(random.Random(seed))
    try:
        report = enshi_rules.evaluate(doc)
    except EnshiRulesError:
        return
    check(report)
