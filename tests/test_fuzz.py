"""Fuzzing: arbitrary JSON and mutations of valid cases raise only our errors, never crash the
process, and leave the engine usable for the next case."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

import enshi_rules
from enshi_rules import EnshiRulesError
from enshi_rules.testing.cases import random_case

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


def _leaves(doc, path=()):
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _leaves(v, (*path, i))
    yield path


def _set(doc, path, value):
    if not path:
        return value
    cur = doc
    for p in path[:-1]:
        cur = cur[p]
    cur[path[-1]] = value
    return doc


def _evaluate_or_our_error(doc) -> None:
    try:
        enshi_rules.evaluate(doc)
    except EnshiRulesError:
        pass


@given(JSON)
def test_arbitrary_json_values_raise_only_our_errors(value):
    _evaluate_or_our_error(value)
    _evaluate_or_our_error(json.dumps(value))


@given(st.integers(0, 10_000), st.integers(0, 10_000), JSON)
def test_mutated_valid_cases_raise_only_our_errors(seed, pick, value):
    doc = random_case(random.Random(seed))
    paths = list(_leaves(doc))
    doc = _set(doc, paths[pick % len(paths)], value)
    _evaluate_or_our_error(doc)


_EDGE = st.sampled_from([date(1, 1, 1), date(1, 1, 2), date(9998, 12, 31), date(9999, 1, 1), date(9999, 12, 30), date(9999, 12, 31)])


@given(st.integers(0, 10_000), st.integers(0, 10_000), st.one_of(_EDGE, st.dates()), st.booleans())
def test_edge_year_dates_anywhere_raise_only_our_errors(seed, pick, day, as_text):
    doc = random_case(random.Random(seed))
    paths = [p for p in _leaves(doc) if p and isinstance(_get(doc, p), str) and len(_get(doc, p)) == 10 and _get(doc, p)[4] == "-"]
    if paths:
        doc = _set(doc, paths[pick % len(paths)], day.isoformat())
    _evaluate_or_our_error(json.dumps(doc) if as_text else doc)
    _evaluate_or_our_error(doc | {"as_of": day.isoformat()})


def _get(doc, path):
    for p in path:
        doc = doc[p]
    return doc


@given(st.binary(max_size=200))
def test_arbitrary_bytes_raise_only_our_errors(data):
    _evaluate_or_our_error(data)


_SUBPROCESS_FUZZ = r"""
import copy, json, random, sys
import enshi_rules
from enshi_rules import EnshiRulesError
from enshi_rules.testing.cases import random_case
rng = random.Random(int(sys.argv[1]))
VALUES = [None, True, False, 0, -1, 2**70, 1e308, "", "x", "2025-02-30", "2025-03-01", [], {}, [1], {"a": 1}, "行政处罚",
          # issue 15: edge years, coercions and invisible characters
          "9999-12-31", "9999-12-30", "9998-12-31", "0001-01-01", "2025-W44-6", "20251101", "２０２５-０３-０１",
          3.0, "30", "４２２８０１", "a\u200bb", "\u202eX", "N\x00", "a\nb\x1b[2J", [{}] * 60]
EDGE_DAYS = ["0001-01-01", "0001-01-02", "2003-12-31", "2004-01-01", "9998-12-01", "9998-12-31", "9999-01-01", "9999-12-30", "9999-12-31"]
def with_dates(doc, day):
    if isinstance(doc, dict):
        return {k: with_dates(v, day) for k, v in doc.items()}
    if isinstance(doc, list):
        return [with_dates(v, day) for v in doc]
    if isinstance(doc, str) and len(doc) == 10 and doc[4] == "-" and doc[7] == "-":
        return day if rng.random() < 0.5 else doc
    return doc
def leaves(doc, path=()):
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from leaves(v, (*path, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from leaves(v, (*path, i))
    yield path
reference = random_case(random.Random(1))
expected = enshi_rules.evaluate(reference).to_json()
errors = 0
for i in range(2000):
    doc = random_case(rng, i)
    for _ in range(rng.randint(1, 3)):
        paths = list(leaves(doc))
        path = rng.choice(paths)
        value = copy.deepcopy(rng.choice(VALUES))  # never share one list between two places
        if not path:
            doc = value
            break
        cur = doc
        for p in path[:-1]:
            cur = cur[p]
        cur[path[-1]] = value
    try:
        enshi_rules.evaluate(doc)
    except EnshiRulesError:
        errors += 1
    assert enshi_rules.evaluate(reference).to_json() == expected
edge_errors = 0
for i in range(1000):  # every date of a case, or some, at the ends of the calendar
    doc = with_dates(random_case(rng, i), rng.choice(EDGE_DAYS))
    text = json.dumps(doc, ensure_ascii=False)
    if i % 4 == 0:  # a duplicate key in the text
        at = text.index("{", rng.randrange(len(text) // 2)) + 1 if "{" in text[len(text) // 2:] else 1
        text = text[:at] + '"id": "dup", ' + text[at:]
    try:
        enshi_rules.evaluate(text if i % 2 == 0 else doc, as_of=rng.choice([None, "9998-12-31", "2026-06-30"]))
    except EnshiRulesError:
        edge_errors += 1
    assert enshi_rules.evaluate(reference).to_json() == expected
print(errors, edge_errors)
"""


def test_two_thousand_mutations_and_a_thousand_edge_year_cases_in_a_subprocess_exit_cleanly():
    proc = subprocess.run([sys.executable, "-c", _SUBPROCESS_FUZZ, "7"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    errors, edge_errors = map(int, proc.stdout.split())
    assert 0 < errors < 2000  # most mutations are errors, some stay valid
    assert 0 < edge_errors < 1000


def test_cli_on_mutated_documents_exits_0_or_2_never_a_traceback(tmp_path):
    rng = random.Random(3)
    script = tmp_path / "run.sh"
    files = []
    for i in range(12):
        doc = random_case(rng, i)
        paths = list(_leaves(doc))
        doc = _set(doc, rng.choice(paths), rng.choice([None, -5, "坏", [], {"x": 1}, "2025-02-30"]))
        p = tmp_path / f"c{i}.json"
        p.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
        files.append(p)
    code = "import sys\nfrom enshi_rules.cli import main\nfor f in sys.argv[1:]:\n    try:\n        rc = main(['evaluate', f])\n    except SystemExit as e:\n        rc = e.code\n    print('RC', rc)\n"
    proc = subprocess.run([sys.executable, "-c", code, *map(str, files)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    codes = [int(line.split()[1]) for line in proc.stdout.splitlines() if line.startswith("RC ")]
    assert len(codes) == 12 and set(codes) <= {0, 2}
    assert "Traceback" not in proc.stderr
