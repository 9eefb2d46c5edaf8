"""The benchmark runs (``benchmarks/bench.py --quick``) and ends with its JSON line.

Not a timed test: the figures depend on the machine and on what else runs on it, so nothing here
compares them with a target (``docs/performance.md`` does, from one run).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench.py"


def test_quick_benchmark_ends_with_one_json_line() -> None:
    p = subprocess.run(
        [sys.executable, str(BENCH), "--quick"], capture_output=True, text=True, timeout=1200, check=False
    )
    assert p.returncode == 0, p.stderr[-2000:]
    result = json.loads(p.stdout.strip().splitlines()[-1])
    for key in ("library_us_per_case", "public_api_us_per_case", "floor_us_per_case"):
        assert isinstance(result[key], float) and result[key] > 0, key
    assert result["public_api_agrees"] is True  # the peer computes the same reports
    for key in ("p50_us", "p99_us", "batch_cli_speedup", "rss_growth_mb"):
        assert key in result
    for key in ("ceiling_2_processes", "p99_over_p50", "batch_json_speedup"):
        assert key in result
    # the ceiling: one measurement before each of the three consumers and one after the last, judged by their median
    assert len(result["ceiling_2_processes_all"]) == 4
    assert abs(result["ceiling_2_processes"] - statistics.median(result["ceiling_2_processes_all"])) <= 0.006  # both rounded
    # issue 18's targets, and no retired one (issue 6's 5x, 2 ms and 20 MB)
    assert set(result["targets_met"]) == {
        "library_within_2_5x_of_floor",
        "public_api_at_least_2x_library",
        "p99_within_1_8x_of_p50",
        "batch_jobs2_1_75x_and_near_ceiling",
        "evaluate_many_jobs2_1_75x_and_near_ceiling",
        "rss_growth_under_2mb",
    }


def _bench_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("_bench_under_test", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_batch_is_judged_against_the_median_ceiling() -> None:
    """Issue 18: 2 jobs >= 1.75x 1 job and >= 95% of what two plain processes scale to, the ceiling
    being the median of its measurements interleaved with the batch's (the full run of 969803e saw
    2.17x before the batch and 1.69x after it: neither alone can decide)."""
    bench = _bench_module()
    assert bench.JOBS2_SPEEDUP == 1.75 and bench.CEILING_SHARE == 0.95  # the numbers
    assert bench.ceiling_median([2.17, 1.69]) == 1.93
    assert bench.ceiling_median([2.0, 1.5, 1.9, 1.8]) == 1.85
    assert bench.ceiling_median([1.2, 2.1, 1.9]) == 1.9  # one low measurement does not move it
    # 1.83x against [2.17, 1.69]: 95% of the median 1.93 is 1.8335, so 1.83 misses and 1.84 passes
    assert bench.near_ceiling(1.84, [2.17, 1.69]) is True
    assert bench.near_ceiling(1.83, [2.17, 1.69]) is False
    # exactly 95% of the median is within 5%; above the ceiling is within it too
    assert bench.near_ceiling(1.9, [2.0, 2.0, 2.0]) is True
    assert bench.near_ceiling(1.89, [2.0, 2.0, 2.0]) is False
    assert bench.near_ceiling(2.3, [1.9, 1.95, 2.0]) is True
    # the 1.75x floor holds whatever the ceiling: a busy machine's low ceiling does not lower it
    assert bench.near_ceiling(1.74, [1.1, 1.2, 1.3]) is False
    assert bench.near_ceiling(1.75, [1.1, 1.2, 1.3]) is True
    with pytest.raises(ValueError):  # no measurement judges nothing
        bench.ceiling_median([])


def _instructions_module():
    import importlib.util

    path = BENCH.parent / "instructions.py"
    spec = importlib.util.spec_from_file_location("_instructions_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_instruction_counts_are_read_case_by_case_from_callgrind_parts(tmp_path: Path) -> None:
    """benchmarks/instructions.py: part 1 is start-up and warm-up, part k+2 the k-th case, the last
    part the exit; a missing part (no marker symbol, a run cut short) is an error, not a shorter list."""
    mod = _instructions_module()
    for k, total in {1: 999_999_999, 2: 5_000_000, 3: 7_000_000, 4: 6_000_000, 5: 123}.items():
        (tmp_path / f"cg.4242.{k}").write_text(
            f"desc: Trigger: --dump-before=os_getppid\nevents: Ir\nsummary: {total}\ntotals: {total}\n"
        )
    (tmp_path / "cg.4242").write_text("totals: 1\n")
    assert mod.per_case_counts(tmp_path, 3) == [5_000_000, 7_000_000, 6_000_000]
    # with --cache-sim: callgrind's estimate of cycles, Ir + 10 x (L1 misses) + 100 x (last-level misses)
    (tmp_path / "cg.4242.4").write_text("events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw\ntotals: 1000 7 7 1 2 3 4 5 6\n")
    assert mod.per_case_counts(tmp_path, 3)[2] == 1000 + 10 * (1 + 2 + 3) + 100 * (4 + 5 + 6)
    # callgrind leaves out trailing zero counts (no last-level misses): they count as zero
    (tmp_path / "cg.4242.4").write_text("events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw\ntotals: 1000 7 7 1 2 3 4\n")
    assert mod.per_case_counts(tmp_path, 3)[2] == 1000 + 10 * (1 + 2 + 3) + 100 * 4
    (tmp_path / "cg.4242.3").unlink()
    with pytest.raises(SystemExit, match="5 expected"):
        mod.per_case_counts(tmp_path, 3)


def test_instruction_spread_uses_the_nearest_rank_like_bench() -> None:
    """p50 and p99 by the nearest rank (bench.py's ``_pct``), worked by hand: 101 counts 1..101 M,
    p50 the 51st (51 M), p99 the 100th (100 M); the classes hold their cases and their medians."""
    mod = _instructions_module()
    counts = [k * 1_000_000 for k in range(1, 102)]
    classes = ["outside"] * 50 + ["firings 8-11"] * 51
    r = mod.summarise(counts, classes)
    assert (r["p50_minstr"], r["p99_minstr"], r["p99_over_p50"]) == (51.0, 100.0, round(100 / 51, 3))
    assert r["by_class"]["outside"] == {"cases": 50, "median_minstr": 25.5, "over_p50": 0.5, "at_or_above_p99": 0}
    assert r["by_class"]["firings 8-11"]["at_or_above_p99"] == 2
    assert list(r["by_class"]) == ["outside", "firings 8-11"]
