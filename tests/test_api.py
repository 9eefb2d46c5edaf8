"""The public API is exactly what docs/api.md documents."""

from __future__ import annotations

import re
from pathlib import Path

import enshi_rules

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"


def _documented() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    block = text.split("<!-- api:begin -->", 1)[1].split("<!-- api:end -->", 1)[0]
    return [m.group(1).split("(")[0] for m in re.finditer(r"^- `([^`]+)`", block, re.M)]


def test_all_matches_the_documented_api():
    assert sorted(enshi_rules.__all__) == sorted(_documented())


def test_all_is_sorted_and_every_name_exists():
    assert list(enshi_rules.__all__) == sorted(enshi_rules.__all__)
    for name in enshi_rules.__all__:
        assert hasattr(enshi_rules, name), name


def test_errors_are_also_builtin_errors():
    assert issubclass(enshi_rules.CaseValidationError, ValueError)
    assert issubclass(enshi_rules.CalendarDataError, LookupError)
    assert issubclass(enshi_rules.RuleDefinitionError, TypeError)
    assert issubclass(enshi_rules.EngineError, RuntimeError)
    assert issubclass(enshi_rules.RuleExecutionError, enshi_rules.EngineError)
    for name in ("CaseValidationError", "CalendarDataError", "RuleDefinitionError", "EngineError"):
        assert issubclass(getattr(enshi_rules, name), enshi_rules.EnshiRulesError)


def test_py_typed_is_shipped():
    assert (Path(enshi_rules.__file__).parent / "py.typed").exists()


def test_the_functions_of_enshi_rules_facts_are_its_documented_ones():
    """``enshi_rules.facts`` is public too: every function its ``__all__`` exports is documented in
    docs/api.md, and every function documented there is exported (``parse_document`` was used and
    not exported)."""
    import inspect

    from enshi_rules import facts

    text = DOC.read_text(encoding="utf-8")
    entry = text.split("- `enshi_rules.facts`:", 1)[1].split("\n- ", 1)[0]
    documented = set(re.findall(r"`([a-z_]+)\(", entry))
    exported = {n for n in facts.__all__ if inspect.isfunction(getattr(facts, n))}
    assert exported == documented == {"load_case", "parse_as_of", "parse_document"}
    for name in facts.__all__:
        assert hasattr(facts, name), name
