"""The instructions each evaluation of bench.py's mix executes, counted by callgrind (issue 18, p99/p50).

    python benchmarks/instructions.py                 # 1,000 cases of the mix, about 15 min at load 5
    python benchmarks/instructions.py --cases 300

Wall-clock and CPU time of a ~0.8 ms call move with everything else the machine does (a neighbour's
use of the caches, interrupts, the hypervisor), so on a shared machine no timing can say how much of
the spread between one case and another is the code's. An instruction count can: it is the same on
every run of the same code on the same cases, whatever else runs. This script runs the mix under
valgrind's callgrind in a child process: one warm-up pass over every case (as bench.py's timing
rounds come after a warm-up pass, so that the caches of periods and citations are filled), then one
counted pass, with a call to ``os.getppid()`` before each case and ``--dump-before=os_getppid*`` so
that callgrind writes each case's count to a file of its own. The parent reads the counts and prints
p50, p99 and p99/p50 of the instructions per case, by class of case (``stages.py``'s classes), and
ends with one JSON line.

It needs ``valgrind`` (Debian package ``valgrind``) and a Python whose ``os.getppid`` is the C
function ``os_getppid`` with its symbol (CPython built from source, as pyenv does, or Debian's):
without a symbol no per-case file is written and the script says so. It is not run by the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

try:
    import enshi_rules
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import enshi_rules

from enshi_rules.testing.cases import platform_mix

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stages as _stages  # noqa: E402  (benchmarks/stages.py: the classes of case)

_TOTALS = re.compile(r"^totals:\s+([\d ]+)$", re.M)
_EVENTS = re.compile(r"^events:\s+(.+)$", re.M)


def _cost(text: str) -> int:
    """One part's count: the instructions (``Ir``), or with ``--cache-sim`` callgrind's own estimate of
    cycles from the simulated caches, ``Ir + 10 x (I1mr + D1mr + D1mw) + 100 x (ILmr + DLmr + DLmw)``
    (the formula of valgrind's manual, section 6.1 of the Cachegrind manual)."""
    events = _EVENTS.search(text)
    totals = _TOTALS.search(text)
    if events is None or totals is None:
        raise ValueError("no events or totals line")
    names = events.group(1).split()
    # callgrind leaves out the trailing counts that are zero
    e = dict.fromkeys(names, 0) | dict(zip(names, (int(x) for x in totals.group(1).split()), strict=False))
    if "I1mr" not in e:
        return e["Ir"]
    return e["Ir"] + 10 * (e["I1mr"] + e["D1mr"] + e["D1mw"]) + 100 * (e["ILmr"] + e["DLmr"] + e["DLmw"])


def _inner(n: int, seed: int) -> None:
    """Under callgrind: a warm-up pass, then each case after a call to ``os.getppid``."""
    cases = list(platform_mix(n, seed))
    evaluate = enshi_rules.evaluate
    for c in cases:
        evaluate(c)
    for c in cases:
        os.getppid()
        evaluate(c)
    os.getppid()


def per_case_counts(directory: Path, n: int) -> list[int]:
    """The instructions of each case from callgrind's dumps: part 1 is everything before the first
    marker (start-up, warm-up), part k+2 the k-th case (with one marker call), the last part the exit."""
    parts: dict[int, Path] = {}
    for p in directory.iterdir():
        m = re.fullmatch(r"cg\.\d+\.(\d+)", p.name)
        if m:
            parts[int(m.group(1))] = p
    wanted = range(2, n + 2)
    missing = [k for k in wanted if k not in parts]
    if missing:
        raise SystemExit(
            f"callgrind wrote {len(parts)} parts, {n + 2} expected: the marker function os_getppid was not "
            "found (a Python without symbols?), or the run did not finish"
        )
    counts = []
    for k in wanted:
        try:
            counts.append(_cost(parts[k].read_text()))
        except ValueError as exc:
            raise SystemExit(f"{parts[k]}: {exc}") from None
    return counts


def summarise(counts: list[int], classes: list[str]) -> dict[str, Any]:
    """p50, p99 and their ratio of the counts (bench.py's percentile: the nearest rank), and per class
    its cases, median and how many of the cases at or above p99 it holds."""
    s = sorted(counts)
    n = len(s)
    p50, p99 = s[round(0.50 * (n - 1))], s[round(0.99 * (n - 1))]
    by: dict[str, list[int]] = {}
    for c, k in zip(counts, classes, strict=True):
        by.setdefault(k, []).append(c)
    order = ("outside", "firings 0-3", "firings 4-7", "firings 8-11", "firings 12-15", "firings 16+")
    tail = {
        k: {
            "cases": len(v),
            "median_minstr": round(statistics.median(v) / 1e6, 2),
            "over_p50": round(statistics.median(v) / p50, 2),
            "at_or_above_p99": sum(1 for c in v if c >= p99),
        }
        for k, v in sorted(by.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0]))
    }
    return {
        "cases": n,
        "mean_minstr": round(statistics.mean(counts) / 1e6, 3),
        "p50_minstr": round(p50 / 1e6, 3),
        "p99_minstr": round(p99 / 1e6, 3),
        "p99_over_p50": round(p99 / p50, 3),
        "max_minstr": round(s[-1] / 1e6, 3),
        "by_class": tail,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=1_000)
    ap.add_argument("--seed", type=int, default=20250301)
    ap.add_argument("--cache-sim", action="store_true",
                    help="simulate the caches and count callgrind's estimate of cycles instead of instructions (slower)")
    ap.add_argument("--keep", type=Path, default=None, help="write callgrind's files here and keep them")
    ap.add_argument("--_inner", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._inner:
        _inner(args.cases, args.seed)
        return 0
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    cases = list(platform_mix(args.cases, args.seed))
    classes = [_stages._case_class(_stages._evaluate.run(c)) for c in cases]
    tmp = None
    out = args.keep
    if out is None:
        tmp = tempfile.TemporaryDirectory(prefix="enshi-instr-")
        out = Path(tmp.name)
    out.mkdir(parents=True, exist_ok=True)
    cmd = [valgrind, "--tool=callgrind", "--dump-before=os_getppid*", f"--callgrind-out-file={out}/cg.%p",
           *(["--cache-sim=yes"] if args.cache_sim else []),
           sys.executable, __file__, "--_inner", "--cases", str(args.cases), "--seed", str(args.seed)]
    p = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if p.returncode != 0:
        print(p.stderr[-2000:], file=sys.stderr)
        return 1
    result = summarise(per_case_counts(out, args.cases), classes)
    result.update({"unit": "estimated cycles" if args.cache_sim else "instructions", "seed": args.seed, "enshi_rules": enshi_rules.__version__, "python": sys.version.split()[0]})
    print(f"{result['unit']} per case over {result['cases']:,} cases (after a warm-up pass): p50 {result['p50_minstr']} M, "
          f"p99 {result['p99_minstr']} M, p99/p50 {result['p99_over_p50']}, max {result['max_minstr']} M")
    for k, v in result["by_class"].items():
        print(f"  {k:<28} {v['cases']:>5} cases  median {v['median_minstr']:>6} M  ({v['over_p50']}x p50)  "
              f"at or above p99: {v['at_or_above_p99']}")
    print(json.dumps(result, ensure_ascii=False))
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
