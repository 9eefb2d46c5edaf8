"""The service benchmark (``benchmarks/bench_service.py --quick``) runs and ends with its JSON line.

Not a timed test: the figures depend on the machine and on what else runs on it (docs/performance.md
has the figures of one run, compared with the targets there).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_service.py"


def test_quick_service_benchmark_ends_with_one_json_line() -> None:
    p = subprocess.run([sys.executable, str(BENCH), "--quick"], capture_output=True, text=True, timeout=300, check=False)
    assert p.returncode == 0, p.stderr[-2000:]
    result = json.loads(p.stdout.strip().splitlines()[-1])
    assert result["host"] == "127.0.0.1"
    lat = result["latency"]
    assert lat["statuses"] == {"200": lat["requests"]} and lat["requests"] > 0
    assert 0 < lat["p50_ms"] <= lat["p99_ms"] <= lat["max_ms"]
    for key in ("throughput_1_worker", "throughput_2_workers"):
        tp = result[key]
        assert tp["requests"] > 0 and tp["non_200"] == 0 and tp["per_second"] > 0
        assert tp["server_cpu_ms_per_request"] > 0
        # every connection of the closed loop is held by a server process (a worker)
        assert sum(tp["connections_by_process"]) == 8
    assert len(result["throughput_1_worker"]["connections_by_process"]) == 1
    assert len(result["throughput_2_workers"]["connections_by_process"]) <= 2
    assert result["workers_2_over_1"] > 0
    ceiling = result["cpu_ceiling"]
    assert ceiling["one_process"] > 0 and ceiling["two_processes"] > 0 and ceiling["ratio"] > 0
    assert set(result["targets_met"]) == {"p99_under_10ms_at_200_per_s", "workers_2_at_least_1_6x_1"}
