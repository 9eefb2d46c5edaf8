"""``enshi-rules serve --workers 2``: our supervisor, a SO_REUSEPORT socket per worker (server/_supervisor.py).

The processes are real (``serve`` in a subprocess, workers spawned by it); which worker holds a
connection is read from ``/proc`` (the worker's socket inodes against ``/proc/net/tcp``), so the
service needs no header or log field to tell its workers apart.
"""

from __future__ import annotations

import errno
import itertools
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

from enshi_rules.server import _supervisor  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; SO_REUSEPORT spreads on Linux")

HOST = "127.0.0.1"
EXAMPLE = (Path(__file__).resolve().parents[2] / "examples" / "overdue_decision.json").read_bytes()


def _exe() -> list[str]:
    script = Path(sys.executable).parent / "enshi-rules"
    return [str(script)] if script.exists() else [sys.executable, "-m", "enshi_rules.cli"]


def _state(pid: int) -> str | None:
    """The process state letter (R, S, Z...), or None when there is no such process."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0].decode()
    except OSError:
        return None


def _children(pid: int) -> list[int]:
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", "rb") as fh:
                    if int(fh.read().rsplit(b")", 1)[1].split()[1]) == pid:
                        out.append(int(d))
            except OSError:
                continue
    return out


def _workers(pid: int) -> list[int]:
    """The worker processes of a supervisor (its spawned children; not multiprocessing's resource tracker)."""
    out = []
    for c in _children(pid):
        try:
            cmd = Path(f"/proc/{c}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmd:
            out.append(c)
    return sorted(out)


class Serve:
    """``enshi-rules serve`` in a subprocess (its own session), on a port the system chose (``--port 0``:
    no other test or process on this shared machine can take it between a check and the bind)."""

    _made = itertools.count()

    def __init__(self, tmp_path: Path, *args: str, argv: list[str] | None = None) -> None:
        self.err_path = tmp_path / f"serve-{next(self._made)}.err"
        self.err = open(self.err_path, "wb")  # a file, not a pipe: the access log must never block a worker
        argv = argv or _exe()
        self.sockets: list[socket.socket] = []  # every client socket of the test, closed by kill_all
        self.descendants: set[int] = set()
        self._port: int | None = None
        try:
            self.proc = subprocess.Popen(
                [*argv, "serve", "--host", HOST, "--port", "0", *args],
                stdout=subprocess.DEVNULL, stderr=self.err, start_new_session=True,
            )
        except BaseException:
            self.err.close()
            raise

    @property
    def port(self) -> int:
        """The port the service listens on, as its log says (``running on http://HOST:PORT``)."""
        if self._port is None:
            m = re.search(r"running on http://127\.0\.0\.1:(\d+)", self.stderr)
            assert m, f"the service did not say its port: {self.stderr[-3000:]}"
            self._port = int(m.group(1))
        return self._port

    @property
    def stderr(self) -> str:
        return self.err_path.read_text("utf-8", "replace")

    def wait_workers(self, n: int, timeout: float = 60.0, *, exclude: tuple[int, ...] = (), started: int = 0) -> list[int]:
        """``n`` workers (not in ``exclude``), once ``started`` (default ``n``) have said their startup is complete."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.stderr
            ws = [w for w in _workers(self.proc.pid) if w not in exclude]
            self.descendants.update(_children(self.proc.pid))
            err = self.stderr
            if len(ws) >= n and err.count("Application startup complete") >= (started or n) and "running on http" in err:
                return ws
            time.sleep(0.1)
        raise AssertionError(f"{n} workers did not start: {self.stderr[-3000:]}")

    def wait_ready(self, workers: int, timeout: float = 60.0) -> list[int]:
        """The processes that serve (the ``serve`` process itself with one worker), once they have started."""
        if workers > 1:
            return self.wait_workers(workers, timeout)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.stderr
            err = self.stderr
            if "Application startup complete" in err and "running on http" in err:
                return [self.proc.pid]
            time.sleep(0.1)
        raise AssertionError(f"the service did not start: {self.stderr[-3000:]}")

    def wait_log(self, text: str, count: int = 1, timeout: float = 60.0) -> None:
        """Until the log holds ``text`` ``count`` times, the service running meanwhile."""
        deadline = time.monotonic() + timeout
        while self.stderr.count(text) < count:
            assert time.monotonic() < deadline, f"{text!r} not logged: {self.stderr[-3000:]}"
            assert self.proc.poll() is None, self.stderr[-3000:]
            time.sleep(0.05)

    def connect(self) -> socket.socket:
        s = socket.create_connection((HOST, self.port), timeout=30)
        self.sockets.append(s)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return s

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60.0) -> int:
        self.descendants.update(_children(self.proc.pid))
        if self.proc.poll() is None:
            os.kill(self.proc.pid, sig)  # the supervisor only: it passes the signal on
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            self.err.close()

    def kill_all(self) -> None:
        for s in self.sockets:
            s.close()
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        for pid in self.descendants:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        self.err.close()


@contextmanager
def serve(tmp_path: Path, *args: str, argv: list[str] | None = None) -> Iterator[Serve]:
    s = Serve(tmp_path, *args, argv=argv)
    try:
        yield s
    finally:
        s.kill_all()


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Callable[..., Serve]]:
    """Start services; each is killed, with every process it made and every socket the test opened to
    it, when the test ends, whether it passed or not (so nothing is left to a later test)."""
    made: list[Serve] = []

    def start(*args: str, argv: list[str] | None = None) -> Serve:
        made.append(Serve(tmp_path, *args, argv=argv))
        return made[-1]

    yield start
    for srv in made:
        srv.kill_all()


def _no_process_left(pids: set[int], timeout: float = 10.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while True:
        left = [p for p in pids if _state(p) not in (None, "Z")]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.1)


def _established_by_worker(port: int, workers: list[int]) -> dict[int, set[int]]:
    """For each worker, the client ports of the established connections to ``port`` it holds."""
    by_inode: dict[int, int] = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            f = line.split()
            local, remote, st, inode = f[1], f[2], f[3], int(f[9])
            if st == "01" and int(local.rsplit(":", 1)[1], 16) == port:
                by_inode[inode] = int(remote.rsplit(":", 1)[1], 16)
    out: dict[int, set[int]] = {}
    for w in workers:
        ports = set()
        for fd in os.listdir(f"/proc/{w}/fd"):
            try:
                link = os.readlink(f"/proc/{w}/fd/{fd}")
            except OSError:
                continue
            if link.startswith("socket:["):
                inode = int(link[8:-1])
                if inode in by_inode:
                    ports.add(by_inode[inode])
        out[w] = ports
    return out


def _call(s: socket.socket, method: str, path: str, body: bytes = b"") -> tuple[int, dict[str, str], bytes]:
    head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    s.sendall(head.encode() + body)
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = s.recv(65536)
        assert chunk, "the connection closed"
        buf += chunk
    raw, rest = buf.split(b"\r\n\r\n", 1)
    lines = raw.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (ln.split(":", 1) for ln in lines[1:])}
    n = int(headers["content-length"])
    while len(rest) < n:
        chunk = s.recv(65536)
        assert chunk, "the connection closed"
        rest += chunk
    return int(lines[0][9:12]), headers, rest


def test_connections_spread_over_two_workers_and_sigterm_leaves_no_process(tmp_path):
    log = tmp_path / "decisions.jsonl"
    with serve(tmp_path, "--workers", "2", "--decision-log", str(log)) as srv:
        workers = srv.wait_workers(2)
        assert "a SO_REUSEPORT socket each" in srv.stderr
        conns = [srv.connect() for _ in range(32)]
        for c in conns:
            assert _call(c, "GET", "/healthz")[0] == 200  # accepted and answered by its worker
        held = _established_by_worker(srv.port, workers)
        client_port = {c.getsockname()[1]: c for c in conns}
        # every connection is held by exactly one worker, and each worker holds some (32 connections all
        # on one socket of two: probability 2**-31 under the kernel's hash)
        assert sorted(p for ps in held.values() for p in ps) == sorted(client_port)
        assert all(held[w] for w in workers), held
        # both workers decide, concurrently; their lines in the shared decision log never interleave
        ids: dict[int, list[str]] = {w: [] for w in workers}
        errors: list[BaseException] = []

        def run(w: int, c: socket.socket) -> None:
            try:
                for _ in range(2):
                    status, headers, body = _call(c, "POST", "/v1/evaluate", EXAMPLE)
                    assert status == 200, body[:500]
                    assert json.loads(body)["decision_id"] == headers["enshi-decision-id"]
                    ids[w].append(headers["enshi-decision-id"])
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(w, client_port[p])) for w in workers for p in held[w]]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert not errors, errors
        for c in conns:
            c.close()
        assert srv.stop(signal.SIGTERM) == -signal.SIGTERM  # as `--workers 1` ends on SIGTERM
        assert _no_process_left(srv.descendants) == []
        assert set(workers) <= srv.descendants
        assert srv.stderr.count("Finished server process") == 2
    lines = log.read_bytes().split(b"\n")
    assert lines[-1] == b""
    records = [json.loads(line) for line in lines[:-1]]
    assert len(records) == 64
    assert {r["decision_id"] for r in records} == {i for w in workers for i in ids[w]}
    assert all(len(ids[w]) >= 2 for w in workers)


def test_a_killed_worker_is_restarted_on_its_socket_and_sigint_stops_all(tmp_path):
    with serve(tmp_path, "--workers", "2") as srv:
        first = srv.wait_workers(2)
        os.kill(first[0], signal.SIGKILL)
        new = [w for w in srv.wait_workers(2, started=3) if w != first[1]]
        assert len(new) == 1 and first[0] not in new
        workers = sorted([first[1], *new])
        assert f"[{first[0]}] ended unexpectedly (killed by SIGKILL); restarting it on the same socket" in srv.stderr
        assert f"[{first[0]}] 意外结束（被信号 SIGKILL 终止），在同一套接字上重启" in srv.stderr
        # the restarted worker listens on the socket the dead one had: connections to both answer
        conns = [srv.connect() for _ in range(16)]
        assert all(_call(c, "GET", "/healthz")[0] == 200 for c in conns)
        held = _established_by_worker(srv.port, workers)
        assert all(held[w] for w in workers), held
        for c in conns:
            c.close()
        assert srv.stop(signal.SIGINT) == 0  # as `--workers 1` ends on Ctrl-C
        assert _no_process_left(srv.descendants) == []


def _open_request(srv: Serve) -> socket.socket:
    """A connection with a ``POST /v1/evaluate`` in progress: the head is sent, the body is not.

    ``Expect: 100-continue`` makes the worker answer 100 Continue once the application asks for the
    body, so when this returns the request is in progress in its worker (a connection with no request
    in progress would be closed at once by a graceful shutdown, and keep nothing waiting).
    """
    s = srv.connect()
    head = (f"POST /v1/evaluate HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(EXAMPLE)}\r\nExpect: 100-continue\r\n\r\n")  # fmt: skip
    s.sendall(head.encode())
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = s.recv(65536)
        assert chunk, f"the connection closed: {srv.stderr[-3000:]}"
        buf += chunk
    assert buf.startswith(b"HTTP/1.1 100 ") and buf.endswith(b"\r\n\r\n"), buf
    return s


def _holder(srv: Serve, workers: list[int]) -> int:
    """The worker that holds the one connection open to the service."""
    if workers == [srv.proc.pid]:
        return srv.proc.pid
    held = _established_by_worker(srv.port, workers)
    (holder,) = [w for w in workers if held[w]]
    return holder


def _exit_status(first: int) -> int:
    """How ``serve`` ends after a shutdown that ``first`` began, as docs/service.md says."""
    return -signal.SIGTERM if first == signal.SIGTERM else 0


WAITING = "Waiting for connections to close"


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_first_signal_lets_an_open_request_finish(workers, service):
    """SIGTERM with a request in progress: the service stops taking connections, the worker waits for
    the request, answers it in full, closes the connection and stops; nothing is killed, no process is
    left, and ``serve`` ends as SIGTERM ends it."""
    srv = service("--workers", workers)
    procs = srv.wait_ready(int(workers))
    conn = _open_request(srv)
    holder = _holder(srv, procs)
    srv.descendants.update(_children(srv.proc.pid))
    os.kill(srv.proc.pid, signal.SIGTERM)
    srv.wait_log(WAITING)  # the holder's graceful shutdown waits for the request
    time.sleep(0.5)
    assert srv.proc.poll() is None and _state(holder) not in (None, "Z"), srv.stderr[-3000:]
    conn.sendall(EXAMPLE)  # the rest of the request
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = conn.recv(65536)
        assert chunk, f"the connection closed: {srv.stderr[-3000:]}"
        buf += chunk
    head, body = buf.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 200 "), buf[:3000]
    while chunk:  # then the worker closes the connection (a timeout here if it kept it open)
        chunk = conn.recv(65536)
        body += chunk
    length = [ln for ln in head.lower().split(b"\r\n") if ln.startswith(b"content-length:")]
    assert length and int(length[0].split(b":")[1]) == len(body), head
    assert json.loads(body)["case_id"] == json.loads(EXAMPLE)["case_id"]
    assert srv.proc.wait(timeout=60) == _exit_status(signal.SIGTERM)
    assert _no_process_left(srv.descendants | {holder}) == []
    err = srv.stderr
    assert err.count("Finished server process") == int(workers)
    assert err.count("Application shutdown complete") == int(workers)  # graceful, each
    assert "did not stop within" not in err and "强制结束" not in err and "forced shutdown" not in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("workers", "first", "second"), [
    ("2", signal.SIGTERM, signal.SIGTERM),  # the supervisor passes SIGTERM, then SIGINT, whatever it was sent
    ("2", signal.SIGINT, signal.SIGTERM),
    ("1", signal.SIGTERM, signal.SIGTERM),  # uvicorn alone forces only on a second SIGINT
    ("1", signal.SIGINT, signal.SIGINT),
    ("1", signal.SIGTERM, signal.SIGINT),
], ids=lambda v: getattr(v, "name", v))
def test_a_second_signal_stops_the_workers_without_waiting_for_an_open_request(workers, first, second, service):
    """A second signal (SIGTERM or SIGINT) while a worker waits for a request in progress: the worker
    drops the connection and stops at once (on Python 3.12 it used to wait until the supervisor killed
    it at the end of SHUTDOWN_GRACE); nothing is killed, no process is left, and ``serve`` ends as its
    first signal ends it."""
    srv = service("--workers", workers)
    procs = srv.wait_ready(int(workers))
    conn = _open_request(srv)
    holder = _holder(srv, procs)
    srv.descendants.update(_children(srv.proc.pid))
    os.kill(srv.proc.pid, first)
    srv.wait_log(WAITING)  # the holder's graceful shutdown waits for the request
    time.sleep(0.5)
    assert srv.proc.poll() is None and _state(holder) not in (None, "Z"), srv.stderr[-3000:]
    started = time.monotonic()
    os.kill(srv.proc.pid, second)
    status = srv.proc.wait(timeout=_supervisor.SHUTDOWN_GRACE + 30)
    took = time.monotonic() - started
    assert status == _exit_status(first), srv.stderr[-3000:]
    assert took < _supervisor.FORCE_GRACE, (took, srv.stderr[-3000:])  # not at the end of a grace: at once
    assert _no_process_left(srv.descendants | {holder}) == []
    err = srv.stderr
    assert "forced shutdown: dropping 1 open connection(s)" in err and "强制停止：断开 1 个未完成的连接" in err
    if workers == "2":
        assert "a second signal: the workers stop without waiting for open requests" in err
    assert err.count("Finished server process") == int(workers)
    assert err.count("Application shutdown complete") == int(workers)  # the application's shutdown ran
    assert "did not stop within" not in err and "强制结束" not in err  # stopped, not killed
    assert "Traceback" not in err
    conn.settimeout(10)  # the request was dropped, not answered
    try:
        assert conn.recv(65536) == b""
    except ConnectionResetError:
        pass


def test_workers_that_keep_dying_stop_the_service_with_a_message(tmp_path):
    tokens = tmp_path / "tokens.txt"
    subprocess.run([*_exe(), "token", "--add", str(tokens)], check=True, capture_output=True)
    # the policy with a limit of 1 (the service's is RESTART_LIMIT): one restart, then the next death stops all
    code = (
        "import sys; from enshi_rules.server import _supervisor as s; s.RESTART_LIMIT = 1; "
        "from enshi_rules.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    with serve(tmp_path, "--workers", "2", "--tokens", str(tokens), argv=[sys.executable, "-c", code]) as srv:
        workers = srv.wait_workers(2)
        tokens.unlink()  # a restarted worker cannot read it, and exits at once
        os.kill(workers[0], signal.SIGKILL)
        assert srv.proc.wait(timeout=120) == 1
        srv.descendants.update(workers)
        assert _no_process_left(srv.descendants) == []
        err = srv.stderr
        assert f"[{workers[0]}] ended unexpectedly (killed by SIGKILL); restarting it on the same socket" in err
        assert "the worker cannot start: 令牌文件无法读取 / cannot read the tokens file" in err
        assert "Traceback" not in err
        assert f"ended unexpectedly (exit status 1); that is 2 times within {int(_supervisor.RESTART_WINDOW)} s: " \
            "not restarting, stopping every worker" in err
        assert "不再重启，停止全部工作进程" in err
        assert err.count("restarting it on the same socket") == 1
        assert err.count("Finished server process") == 1  # the other worker, stopped gracefully


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_address_in_use_is_refused_up_front_naming_host_and_port(workers, capsys):
    from enshi_rules.cli import main

    with socket.socket() as other:
        other.bind((HOST, 0))
        other.listen(1)
        port = other.getsockname()[1]
        assert main(["serve", "--host", HOST, "--port", str(port), "--workers", workers]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"无法在 {HOST}:{port} 监听：地址已被占用" in err
    assert f"cannot listen on {HOST}:{port}: the address is in use" in err


def test_a_listener_with_so_reuseport_of_its_own_is_not_joined():
    # another service of the same user that set SO_REUSEPORT: our sockets could bind beside it and
    # silently share its connections; the probe binds without the option and is refused
    with socket.socket() as other:
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        other.bind((HOST, 0))
        other.listen(1)
        port = other.getsockname()[1]
        with pytest.raises(OSError) as exc:
            _supervisor.probe(HOST, port)
        assert exc.value.errno == errno.EADDRINUSE


def test_one_socket_per_worker_with_so_reuseport_on_linux():
    port = _supervisor.probe(HOST, 0)
    sockets, warning = _supervisor.listening_sockets(HOST, port, 3)
    try:
        assert warning is None and len({id(s) for s in sockets}) == 3
        for s in sockets:
            assert s.getsockname() == (HOST, port)
            assert s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) == 1
    finally:
        for s in sockets:
            s.close()


def test_without_so_reuseport_the_workers_share_one_socket_and_stop_when_the_supervisor_is_killed(tmp_path):
    code = (
        "import sys; from enshi_rules.server import _supervisor as s; s.reuseport_balances = lambda: False; "
        "from enshi_rules.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    with serve(tmp_path, "--workers", "2", argv=[sys.executable, "-c", code]) as srv:
        workers = srv.wait_workers(2)
        assert "2 个工作进程共用一个监听套接字" in srv.stderr
        assert "the 2 workers share one listening socket" in srv.stderr
        assert "one shared socket" in srv.stderr
        with srv.connect() as c:
            assert _call(c, "GET", "/healthz")[0] == 200
        # the supervisor killed outright, with no chance to pass anything on: the workers notice
        srv.descendants.update(workers)
        os.kill(srv.proc.pid, signal.SIGKILL)
        assert srv.proc.wait(timeout=30) == -signal.SIGKILL
        assert _no_process_left(set(workers), timeout=30) == []
        assert srv.stderr.count("Finished server process") == 2  # a graceful shutdown, each
