"""The decision service under load: latency at a fixed request rate, throughput with 1 and 2 workers.

    python benchmarks/bench_service.py            # about a minute
    python benchmarks/bench_service.py --quick    # a few seconds (tests/test_bench_service.py)

It starts ``enshi-rules serve`` on 127.0.0.1 (a free port; loopback only, never another address),
waits for ``/healthz``, and sends ``POST /v1/evaluate`` with case documents from
``enshi_rules.testing.cases.platform_mix`` (seeded, serialised in advance, sent in turn):

``latency``     an open loop at a fixed rate (default 200 requests a second, 1 worker): each request
                is due at its slot on a fixed schedule and its latency is measured from that slot
                to the last byte of the answer, so a slow answer that delays the next request is
                counted against the service (no coordinated omission). p50, p99, max.
``throughput``  a closed loop: C connections each send the next request as soon as the last one
                is answered, for a fixed time, with 1 worker and then with 2 workers. Requests a
                second, and the ratio 2 workers / 1 worker. The C connections are persistent
                (keep-alive), all opened at the start, as a platform's connection pool would be;
                with 2 workers each worker has its own SO_REUSEPORT socket and the kernel spreads
                the connections by a hash of their ports, so the split differs from run to run:
                ``connections_by_process`` says how many each worker held, and
                ``server_cpu_share_by_process`` how much of a core each used.
``ceiling``     what the machine gives 2 plain CPU-bound processes against 1 at that moment (a busy
                loop, 1 process then 2 at once, in a session of their own as the server's are):
                on a machine shared with other work, the 2-worker ratio is to be read against it.

The client is a small HTTP/1.1 keep-alive client on asyncio streams (no HTTP library in the timed
loop), in this process. On the project's 2-core machine it shares the CPU with the workers, which
is the honest situation of a loopback measurement: its own CPU time is reported beside the figures.
Every loop is bounded in requests and in seconds, and every server is stopped at the end. The load
average before and after is printed, and the server's own CPU time per request and share of a core:
on a machine shared with other work the latency and throughput are those of a service that gets only
its share of the CPU, and the CPU figures say how much of the time it was given it used. The last
line of output is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

try:
    import enshi_rules  # noqa: F401
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from enshi_rules.testing.cases import platform_mix

HOST = "127.0.0.1"  # loopback only: this benchmark never sends to another address
SEED = 20250301


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _bodies(n: int) -> list[bytes]:
    return [json.dumps(d, ensure_ascii=False).encode("utf-8") for d in platform_mix(n, seed=SEED)]


def _request(port: int, body: bytes) -> bytes:
    head = (
        f"POST /v1/evaluate HTTP/1.1\r\nHost: {HOST}:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode("ascii")
    return head + body


class Server:
    """``enshi-rules serve`` in a subprocess of its own process group, stopped on exit."""

    def __init__(self, workers: int) -> None:
        self.port = _free_port()
        exe = [sys.executable, "-m", "enshi_rules.cli"] if not _has_script() else ["enshi-rules"]
        self.proc = subprocess.Popen(
            [*exe, "serve", "--host", HOST, "--port", str(self.port), "--workers", str(workers)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited: {self.proc.stderr.read().decode()[-2000:] if self.proc.stderr else ''}")
            try:
                with socket.create_connection((HOST, self.port), timeout=1) as s:
                    s.sendall(f"GET /healthz HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
                    if s.recv(64).startswith(b"HTTP/1.1 200"):
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the server did not answer /healthz in time")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)

    def __enter__(self) -> Server:
        self.wait_ready()
        return self

    def __exit__(self, *_: Any) -> None:
        self.stop()


def _group_cpu(pgid: int) -> dict[int, float]:
    """CPU seconds (user + system) used so far by each process of a process group (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[int, float] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # pgrp
            out[int(d)] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return out


def _connections_by_process(pgid: int, port: int) -> list[int]:
    """How many established connections to ``port`` each process of the group holds (Linux /proc), largest first.

    With 2 workers the supervisor holds only the listening sockets; each worker holds the connections
    the kernel gave its socket: this is how evenly the connections were spread.
    """
    inodes: set[int] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            f = line.split()
            if f[3] == "01" and int(f[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(int(f[9]))
    counts = []
    for pid in _group_cpu(pgid):
        n = 0
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                link = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            n += link.startswith("socket:[") and int(link[8:-1]) in inodes
        if n:
            counts.append(n)
    return sorted(counts, reverse=True)


_BUSY = """
import sys, time
end = time.monotonic() + float(sys.argv[1])
n = 0
while time.monotonic() < end:
    for _ in range(1000):
        n += 1
print(n)
"""
_BUSY_GROUP = """
import subprocess, sys
busy, seconds, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
procs = [subprocess.Popen([sys.executable, "-c", busy, seconds], stdout=subprocess.PIPE) for _ in range(n)]
print(sum(int(p.communicate()[0]) for p in procs))
"""


def _cpu_ceiling(seconds: float) -> dict[str, Any]:
    """What the machine gives two CPU-bound processes against one, now: the ceiling of any 2-worker ratio.

    Plain Python loops counting for ``seconds``: one process alone, then two at once, in a session
    of their own as the server's processes are (``Server`` starts it with a new session). Linux's
    autogroup scheduling gives each session one share of the CPU between its processes: on an idle
    2-core machine the ratio is near 2, on one busy with other sessions two processes of one session
    get little more than one, and the server's two workers no more than that.
    """

    def run(n: int) -> int:
        p = subprocess.Popen([sys.executable, "-c", _BUSY_GROUP, _BUSY, str(seconds), str(n)],
                             stdout=subprocess.PIPE, start_new_session=True)
        return int(p.communicate(timeout=seconds + 60)[0])

    one = run(1)
    two = run(2)
    return {"seconds": seconds, "one_process": one, "two_processes": two, "ratio": round(two / one, 3) if one else None}


def _has_script() -> bool:
    return (Path(sys.executable).parent / "enshi-rules").exists()


class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(HOST, port)
        writer.transport.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return cls(reader, writer)

    async def call(self, request: bytes) -> int:
        """Send one request, read the whole answer; return its status code."""
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = None
        for line in head.split(b"\r\n"):
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        if length is None:
            raise RuntimeError("an answer without Content-Length")
        await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        self.writer.close()


async def _latency(port: int, requests: list[bytes], rate: float, total: int, limit_s: float) -> dict[str, Any]:
    """Open loop: request i is due at start + i / rate; latency from that moment to the answer."""
    pool: asyncio.Queue[Connection] = asyncio.Queue()
    for _ in range(16):
        pool.put_nowait(await Connection.open(port))
    # warm up each worker's first evaluation (imports, holiday calendar, ruleset)
    for i in range(20):
        c = await pool.get()
        await c.call(requests[i % len(requests)])
        pool.put_nowait(c)
    loop = asyncio.get_running_loop()
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    start = loop.time() + 0.05
    tasks = []

    async def one(i: int, due: float) -> None:
        c = await pool.get()
        try:
            status = await c.call(requests[i % len(requests)])
        finally:
            pool.put_nowait(c)
        latencies.append(loop.time() - due)
        statuses[status] = statuses.get(status, 0) + 1

    for i in range(total):
        due = start + i / rate
        if due - start > limit_s:
            break
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(i, due)))
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=limit_s + 30)
    while not pool.empty():
        pool.get_nowait().close()
    latencies.sort()
    ms = [x * 1000 for x in latencies]
    return {
        "requests": len(ms),
        "rate": rate,
        "p50_ms": round(statistics.median(ms), 3),
        "p99_ms": round(ms[min(len(ms) - 1, int(len(ms) * 0.99))], 3),
        "max_ms": round(ms[-1], 3),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }


async def _throughput(
    port: int, requests: list[bytes], connections: int, seconds: float, cap: int, pgid: int
) -> dict[str, Any]:
    """Closed loop: each connection sends its next request when the last is answered."""
    conns = [await Connection.open(port) for _ in range(connections)]
    for i, c in enumerate(conns * 3):  # warm up every worker
        await c.call(requests[i % len(requests)])
    loop = asyncio.get_running_loop()
    done = 0
    errors = 0
    counter = iter(range(cap))
    connections_by_process = _connections_by_process(pgid, port)
    cpu0 = time.process_time()
    server0 = _group_cpu(pgid)
    start = loop.time()
    stop_at = start + seconds

    async def run(c: Connection) -> None:
        nonlocal done, errors
        for i in counter:
            if loop.time() >= stop_at:
                return
            status = await c.call(requests[i % len(requests)])
            done += 1
            errors += status != 200
            # (an invalid case is answered too; the mix is valid, so errors stay 0)

    await asyncio.wait_for(asyncio.gather(*(run(c) for c in conns)), timeout=seconds + 60)
    elapsed = loop.time() - start
    client_cpu = time.process_time() - cpu0
    server1 = _group_cpu(pgid)
    by_process = sorted((server1[p] - server0.get(p, 0.0) for p in server1), reverse=True)
    server_cpu = sum(by_process)
    for c in conns:
        c.close()
    return {
        "requests": done,
        "seconds": round(elapsed, 3),
        "per_second": round(done / elapsed, 1),
        "non_200": errors,
        "client_cpu_share": round(client_cpu / elapsed, 3),
        "server_cpu_ms_per_request": round(server_cpu * 1000 / done, 3) if done else None,
        "server_cpu_share": round(server_cpu / elapsed, 3),
        # each server process's share of a core, largest first (with 2 workers: the two workers, then
        # the supervisor and multiprocessing's resource tracker, near 0)
        "server_cpu_share_by_process": [round(x / elapsed, 3) for x in by_process],
        "connections_by_process": connections_by_process,
    }


def _print_throughput(workers: int, connections: int, tp: dict[str, Any]) -> None:
    shares = ", ".join(f"{x:.0%}" for x in tp["server_cpu_share_by_process"] if x >= 0.005)
    print(f"throughput, {workers} worker{'s' if workers > 1 else ''}, {connections} connections: {tp['per_second']:.0f} "
          f"requests/s ({tp['requests']} in {tp['seconds']} s; server CPU {tp['server_cpu_ms_per_request']} ms a request, "
          f"{tp['server_cpu_share']:.0%} of a core (by process: {shares}); connections by process "
          f"{tp['connections_by_process']}; client CPU {tp['client_cpu_share']:.0%})", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a few seconds: small counts, for the test suite")
    ap.add_argument("--rate", type=float, default=200.0, help="requests a second of the latency run (default 200)")
    ap.add_argument("--latency-seconds", type=float, default=30.0, help="length of the latency run (default 30)")
    ap.add_argument("--throughput-seconds", type=float, default=15.0, help="length of each throughput run (default 15)")
    ap.add_argument("--connections", type=int, default=8, help="connections of the throughput runs (default 8)")
    ap.add_argument("--ceiling-seconds", type=float, default=3.0,
                    help="length of each run of the CPU ceiling, 1 then 2 plain busy processes (default 3)")
    args = ap.parse_args(argv)
    if args.quick:
        args.rate, args.latency_seconds, args.throughput_seconds, args.ceiling_seconds = 50.0, 2.0, 2.0, 0.5
    n_cases = 200 if args.quick else 1000
    lat_cap = int(args.rate * args.latency_seconds)
    tp_cap = 200_000  # an upper bound on requests per throughput run, whatever the speed
    print(f"cases: {n_cases} from platform_mix (seed {SEED}); server on {HOST}, loopback only", flush=True)
    bodies = _bodies(n_cases)

    load = os.getloadavg()
    print(f"load average before the run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs", flush=True)
    result: dict[str, Any] = {"host": HOST, "cases": n_cases, "load_average_before": round(load[0], 2)}
    with Server(workers=1) as s:
        reqs = [_request(s.port, b) for b in bodies]
        lat = asyncio.run(_latency(s.port, reqs, args.rate, lat_cap, args.latency_seconds))
        print(f"latency, 1 worker, {args.rate:g} requests/s for {args.latency_seconds:g} s: "
              f"p50 {lat['p50_ms']:.2f} ms, p99 {lat['p99_ms']:.2f} ms, max {lat['max_ms']:.2f} ms "
              f"({lat['requests']} requests, statuses {lat['statuses']})", flush=True)
        tp1 = asyncio.run(_throughput(s.port, reqs, args.connections, args.throughput_seconds, tp_cap, s.proc.pid))
        _print_throughput(1, args.connections, tp1)
    with Server(workers=2) as s:
        reqs = [_request(s.port, b) for b in bodies]
        tp2 = asyncio.run(_throughput(s.port, reqs, args.connections, args.throughput_seconds, tp_cap, s.proc.pid))
        _print_throughput(2, args.connections, tp2)
    ratio = round(tp2["per_second"] / tp1["per_second"], 3) if tp1["per_second"] else None
    ceiling = _cpu_ceiling(args.ceiling_seconds)
    of_ceiling = round(ratio / ceiling["ratio"], 3) if ratio and ceiling["ratio"] else None
    print(f"2 workers / 1 worker: {ratio}", flush=True)
    print(f"CPU ceiling now: 2 busy processes / 1 = {ceiling['ratio']} ({args.ceiling_seconds:g} s each); "
          f"2 workers / 1 worker is {of_ceiling} of it", flush=True)
    result.update(
        latency=lat,
        throughput_1_worker=tp1,
        throughput_2_workers=tp2,
        workers_2_over_1=ratio,
        cpu_ceiling=ceiling,
        workers_2_over_1_of_ceiling=of_ceiling,
        targets_met={
            "p99_under_10ms_at_200_per_s": bool(args.rate >= 200 and lat["p99_ms"] < 10),
            "workers_2_at_least_1_6x_1": bool(ratio is not None and ratio >= 1.6),
        },
        cpus=os.cpu_count(),
        load_average_after=round(os.getloadavg()[0], 2),
        quick=args.quick,
    )
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
