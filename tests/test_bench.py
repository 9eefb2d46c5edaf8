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
