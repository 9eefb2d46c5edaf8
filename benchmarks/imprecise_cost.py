"""What imprecise values cost: the CPU time of one case with k dates known only to the month (or
acts recorded as ``done`` / ``unknown``), as a ratio to the same case with exact dates (issue 19,
docs/case-format.md "What it costs").

    python benchmarks/imprecise_cost.py                 # months
    python benchmarks/imprecise_cost.py --word done     # the act dates recorded as done
    python benchmarks/imprecise_cost.py --word unknown  # ... as unknown (three states each)

The case is ``examples/overdue_decision.json``; its dates are made imprecise one more at a time, in
this order: the start, the situation's discovery and confirmation, the act supervised, the letter's
issue and receipt, the decision letter's issue and receipt. Times are ``time.process_time`` medians
(CPU time of this process, so a busy machine changes them less than wall time would; compare ratios).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import enshi_rules
from enshi_rules._derive import imprecise as _imprecise
from enshi_rules._evaluate import evaluate as _evaluate
from enshi_rules.facts import load_case

CASE = Path(__file__).resolve().parents[1] / "examples" / "overdue_decision.json"
PATHS = (
    ("supervision", "started_on"),
    ("supervision", "situations", 0, "found_on"),
    ("supervision", "situations", 0, "confirmed_on"),
    ("enforcement_action", "acted_on"),
    ("supervision", "suggestion_letter", "issued_on"),
    ("supervision", "suggestion_letter", "received_on"),
    ("supervision", "decision_letter", "issued_on"),
    ("supervision", "decision_letter", "received_on"),
)
#: The dates of acts, which may be recorded as done / unknown (the others take a month only).
ACTS = ("started_on", "issued_on", "received_on")


def imprecise(base: dict, k: int, word: str | None) -> dict:
    doc = json.loads(json.dumps(base))
    for path in PATHS[:k]:
        obj = doc
        for key in path[:-1]:
            obj = obj[key]
        obj[path[-1]] = word if word and path[-1] in ACTS else obj[path[-1]][:7]
    return doc


def cpu(doc: dict, runs: int) -> float:
    enshi_rules.evaluate(doc)
    times = []
    for _ in range(runs):
        t = time.process_time()
        enshi_rules.evaluate(doc)
        times.append(time.process_time() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--word", choices=("done", "unknown"), help="record the act dates so instead of as months")
    ap.add_argument("--runs", type=int, default=8)
    args = ap.parse_args()
    base = json.loads(CASE.read_text(encoding="utf-8"))
    exact = cpu(base, args.runs * 5)
    print(f"exact dates: {exact * 1000:.2f} ms CPU (median of {args.runs * 5})")
    for k in range(1, len(PATHS) + 1):
        doc = imprecise(base, k, args.word)
        lc = load_case(doc)
        found = _imprecise.slots(lc.case)
        insts, cut = _imprecise.instantiations(lc, found, _evaluate._problems(lc))
        t = cpu(doc, args.runs)
        report = enshi_rules.evaluate(doc)
        possible = sum(f.certainty == "possible" for f in report.findings)
        print(
            f"{k} imprecise: {len(insts)} instantiations judged"
            + (" (past 64 combinations: one value moved at a time)" if cut else "")
            + f", {t * 1000:.1f} ms CPU = {t / exact:.0f}x exact; {len(report.findings)} findings, {possible} possible"
        )


if __name__ == "__main__":
    main()
