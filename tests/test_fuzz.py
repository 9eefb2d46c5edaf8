"""Fuzzing: arbitrary JSON and mutations of valid cases raise only our errors, never crash the
process, and leave the engine usable for the next case."""

from __future__ import annotations

import json
import random
import subprocess
import sys

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


@given(st.binary(max_size=200))
def test_arbitrary_bytes_raise_only_our_errors(data):
    _evaluate_or_our_error(data)


_SUBPROCESS_FUZZ = r"""
import copy, json, random, sys
import enshi_rules
from enshi_rules import EnshiRulesError
from enshi_rules.testing.cases import random_case
rng = random.Random(int(sys.argv[1]))
VALUES = [None, True, False, 0, -1, 2**70, 1e308, "", "x", "2025-02-30", "2025-03-01", [], {}, [1], {"a": 1}, "行政处罚"]
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
print(errors)
"""


def test_two_thousand_mutations_in_a_subprocess_exit_cleanly():
    proc = subprocess.run([sys.executable, "-c", _SUBPROCESS_FUZZ, "7"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert 0 < int(proc.stdout) < 2000  # most mutations are errors, some stay valid


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
