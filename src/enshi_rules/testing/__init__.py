"""Tools for test suites that use enshi-rules (``docs/testing.md``).

- assertion helpers (this package): :func:`assert_finding`, :func:`assert_no_finding`, :func:`assert_matches`,
  :func:`assert_note`, :func:`assert_in_scope`, :func:`assert_out_of_scope`,
  :func:`assert_missing_fact` ...; a failure shows what was expected, the nearest findings and how
  they differ, and the whole report in readable Chinese;
- :mod:`enshi_rules.testing.cases`: seeded generators of realistic case documents;
- :mod:`enshi_rules.testing.strategies`: hypothesis strategies (cases, organ trees, dates around
  holidays); the only module here that needs ``hypothesis`` (the ``test`` extra);
- :mod:`enshi_rules.testing.scenarios` and the pytest plugin: YAML scenario files
  (``*.scenario.yaml``, ``docs/scenarios.md``) collected as tests.

Importing this package needs neither hypothesis nor pytest.
"""

from __future__ import annotations

from .assertions import (
    ANY,
    assert_derived,
    assert_finding,
    assert_in_scope,
    assert_matches,
    assert_missing_fact,
    assert_no_finding,
    assert_no_missing_facts,
    assert_no_note,
    assert_not_derived,
    assert_note,
    assert_out_of_scope,
    find_findings,
    find_notes,
    format_report,
)

__all__ = [
    "ANY", "assert_derived", "assert_finding", "assert_in_scope", "assert_matches",
    "assert_missing_fact", "assert_no_finding", "assert_no_missing_facts", "assert_no_note",
    "assert_not_derived", "assert_note", "assert_out_of_scope", "find_findings", "find_notes",
    "format_report"
]
