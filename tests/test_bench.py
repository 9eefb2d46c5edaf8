"""The benchmark runs (``benchmarks/bench.py --quick``) and ends with its JSON line.

Not a timed test: the figures depend on the machine and on what else runs on it, so nothing here
compares them with a target (``docs/performance.md`` does, from one run).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
    # issue 18's targets, and no retired one (issue 6's 5x, 2 ms and 20 MB)
    assert set(result["targets_met"]) == {
        "library_within_2_5x_of_floor",
        "public_api_at_least_2x_library",
        "p99_within_1_8x_of_p50",
        "batch_jobs2_1_75x_and_near_ceiling",
        "evaluate_many_jobs2_1_75x_and_near_ceiling",
        "rss_growth_under_2mb",
    }
