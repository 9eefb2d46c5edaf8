"""The pytest plugin: every ``*.scenario.yaml`` file is a set of tests, one per scenario.

Registered as the ``enshi_rules`` entry point of group ``pytest11``, so installing enshi-rules is
enough: ``pytest tests/scenarios`` runs the scenarios there, ``pytest -m scenario`` only scenarios.
A failure names the scenario and its file, lists each difference between what was expected and the
report (with the nearest findings), and shows the report in readable Chinese. A file that cannot be
read is a collection error naming the file, the scenario and what is wrong.

The format: :mod:`enshi_rules.testing.scenarios` and ``docs/scenarios.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .scenarios import SCENARIO_SUFFIXES, Scenario, ScenarioFormatError, load_scenarios


class ScenarioFailed(AssertionError):
    """A scenario whose report differs from what it expects (the message says how)."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "scenario: a YAML scenario of enshi-rules (*.scenario.yaml)")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name.endswith(SCENARIO_SUFFIXES):
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


class ScenarioFile(pytest.File):
    """One ``*.scenario.yaml`` file."""

    def collect(self) -> Iterator[ScenarioItem]:
        for scenario in load_scenarios(self.path, isolate=True):  # a bad scenario fails alone
            yield ScenarioItem.from_parent(self, name=scenario.name, scenario=scenario)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> Any:  # type: ignore[override]
        if isinstance(excinfo.value, ScenarioFormatError):
            return f"scenario file error: {excinfo.value}"
        return super().repr_failure(excinfo)


class ScenarioItem(pytest.Item):
    """One scenario of a file."""

    def __init__(self, *, scenario: Scenario, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        self.add_marker(pytest.mark.scenario)

    def runtest(self) -> None:
        result = self.scenario.run()
        if not result.passed:
            raise ScenarioFailed(result.message())

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:  # type: ignore[override]
        if isinstance(excinfo.value, ScenarioFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"scenario: {self.name}"
