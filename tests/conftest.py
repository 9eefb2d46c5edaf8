"""Shared test configuration.

Hypothesis profiles (docs/testing.md):

- ``fast`` (the default): what a plain ``pytest`` (and CI) runs: 60 examples per property,
  derandomized, so a run is fast and a failure reproduces exactly on any machine;
- ``thorough``: 3,000 examples per property, random, for a long run before a release or after a
  change to the calendar or the rules: ``HYPOTHESIS_PROFILE=thorough pytest``;
- ``dev`` (200 random examples) and ``ci`` (the same as ``fast``) are kept for old habits.

A test's own ``@settings(max_examples=...)`` wins over the profile (a few cheap properties ask for
more). No deadline anywhere: the first call into the holiday calendar or the engine is slow.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True)

settings.register_profile("fast", max_examples=60, derandomize=True, **_COMMON)
settings.register_profile("ci", max_examples=60, derandomize=True, **_COMMON)
settings.register_profile("dev", max_examples=200, **_COMMON)
settings.register_profile("thorough", max_examples=3000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


# ---- rule coverage: which rules fired in which test ------------------------------------------------
#
# ``enshi_rules._engine.durable.LISTENERS`` reports the rules fired by every evaluation, and
# ``enshi_rules.testing._pins.LISTENERS`` what every passing assertion (assert_finding,
# assert_no_finding, assert_matches, a scenario's expect/absent) said about which rule; the recorder
# below attributes both to the running test and, at the end of the session, merges them into
# ``rule-coverage.json`` at the repository root (gitignored; data recorded against other code or
# another version of a test file is dropped). ``enshi-rules trace --coverage`` reports from it, and
# ``enshi-rules trace --check`` uses it to verify that one of each rule's listed tests asserts it is
# there (by id or citation, with its modality or status) and one asserts it is not. Tests marked ``needs_rule_coverage`` run last, so they see this session.

from pathlib import Path as _Path  # noqa: E402

import pytest as _pytest  # noqa: E402

from enshi_rules._engine import durable as _rc_engine  # noqa: E402
from enshi_rules._law import coverage as _rc_coverage  # noqa: E402
from enshi_rules.testing import _pins as _rc_pins  # noqa: E402

_RULE_COVERAGE = _rc_coverage.CoverageRecorder(_Path(__file__).resolve().parents[1])


def pytest_configure(config):
    config.addinivalue_line("markers", "needs_rule_coverage: run after every other test, to see which rules they fired")
    if _RULE_COVERAGE.listen not in _rc_engine.LISTENERS:
        _rc_engine.LISTENERS.append(_RULE_COVERAGE.listen)
    if _RULE_COVERAGE.pinned not in _rc_pins.LISTENERS:
        _rc_pins.LISTENERS.append(_RULE_COVERAGE.pinned)


def pytest_collection_modifyitems(config, items):
    last = [i for i in items if i.get_closest_marker("needs_rule_coverage")]
    if last:
        items[:] = [i for i in items if not i.get_closest_marker("needs_rule_coverage")] + last


@_pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _RULE_COVERAGE.begin(item.nodeid)
    try:
        yield
    finally:
        _RULE_COVERAGE.end()


def pytest_runtest_logreport(report):
    if report.outcome != "passed":  # a failed or skipped test pins nothing down
        _RULE_COVERAGE.outcome(report.nodeid, False)


def pytest_sessionfinish(session, exitstatus):
    if not hasattr(session.config, "workerinput"):  # not in a pytest-xdist worker
        _RULE_COVERAGE.write()


@_pytest.fixture
def rule_coverage():
    """Recorded rule coverage: what earlier runs recorded (still valid) and this session so far."""
    return _RULE_COVERAGE.coverage()
