"""The worker processes of ``enshi-rules serve --workers N`` (N above 1): a socket each, one supervisor.

Why not uvicorn's own ``--workers``: it binds one listening socket that every worker accepts from,
and the kernel hands a burst of new connections to whichever worker wakes first. A platform that
keeps a few persistent (keep-alive) connections then has all of them served by one worker: measured
with 8 connections, 2 workers gave 1.06x the throughput of one (docs/performance.md).

Here the supervisor (the ``serve`` process) binds one listening socket PER WORKER on the same address,
each with ``SO_REUSEPORT``; Linux then picks the socket of each new connection by a hash of its
addresses and ports, so connections are spread over the workers whoever wakes first. Each worker is
a spawned child process (``multiprocessing``'s ``spawn``: a fresh interpreter, no engine state
inherited) running ``_shutdown.Server(config).run(sockets=[its socket])`` (uvicorn's server).

- **Up front**: before any socket with ``SO_REUSEPORT`` is bound, ``probe`` binds the address once
  without it. That fails on any listener already there, also one that set ``SO_REUSEPORT`` itself
  (another ``enshi-rules serve`` of the same user), which a socket of ours would otherwise join
  silently, sharing its connections.
- **Signals**: the first SIGINT or SIGTERM to the supervisor is passed on to every worker as SIGTERM
  (a Ctrl-C in a terminal reaches the workers too, and is still one graceful shutdown): each finishes
  the requests it has. The supervisor waits for the workers (``SHUTDOWN_GRACE`` seconds, then SIGKILL,
  said in the log). A second signal (either) during that wait is passed on as SIGINT, which forces
  the workers' shutdown (``_shutdown.Server``: they drop their open connections and stop at once);
  one still running ``FORCE_GRACE`` seconds later is killed. The supervisor then ends as ``--workers
  1`` ends, as the first signal asks: killed by SIGTERM after SIGTERM, status 0 after SIGINT.
- **A worker that dies** (killed, out of memory, a crash) is restarted at once on the same socket,
  which the supervisor keeps open: connections the kernel routed to that socket meanwhile wait in
  its queue and are answered by the new worker, none is refused. Beyond ``RESTART_LIMIT`` deaths in
  ``RESTART_WINDOW`` seconds (a worker that cannot start: a tokens file removed, a broken install)
  the supervisor stops every worker and exits 1, saying why, instead of restarting forever. A worker
  that is alive but stuck is not detected (each request has its time limit, ``--time-limit``).
- **A worker whose supervisor is gone** (killed with SIGKILL) stops itself: it watches its parent's
  end of the pipe ``multiprocessing`` keeps to each child and shuts down gracefully when it closes.
- **No SO_REUSEPORT** (not Linux: other kernels either lack the option or do not spread connections
  over the sockets): one socket shared by every worker, as uvicorn does, with a warning that a
  client with few persistent connections may be served by one worker.

Per-process state: each worker builds its own application from the settings in the environment
(``create_app_from_env``): its own engine, evaluation thread, tokens, random decision ids; the
decision log is opened by each worker with ``O_APPEND`` and written one line per ``write``, so the
workers' lines never interleave.
"""

from __future__ import annotations

import errno
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import socket
import sys
import threading
import time
from collections import deque
from multiprocessing.context import SpawnProcess
from typing import Any

from . import _shutdown

__all__ = [
    "FORCE_GRACE",
    "RESTART_LIMIT",
    "RESTART_WINDOW",
    "SHUTDOWN_GRACE",
    "Supervisor",
    "bind_error",
    "listening_sockets",
    "probe",
    "reuseport_balances",
]

#: More unexpected worker exits than this within ``RESTART_WINDOW`` seconds stop the service.
RESTART_LIMIT = 3
RESTART_WINDOW = 60.0
#: Seconds the workers get to finish their requests after SIGTERM before they are killed.
SHUTDOWN_GRACE = 30.0
#: Seconds the workers get to stop after a second signal forced their shutdown before they are killed.
FORCE_GRACE = 10.0
#: The listen queue of each socket (uvicorn's default).
BACKLOG = 2048

_SPAWN = multiprocessing.get_context("spawn")
log = logging.getLogger("uvicorn.error")


def reuseport_balances() -> bool:
    """Whether the kernel spreads new connections over the sockets bound with ``SO_REUSEPORT``.

    Linux does (since 3.9, by a hash of the connection's addresses and ports). Other kernels either
    have no such option, or let several sockets bind and give the connections to one of them.
    """
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def _family(host: str) -> socket.AddressFamily:
    # as uvicorn decides it (Config.bind_socket): an address with a colon is IPv6
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _socket(host: str, *, reuseport: bool) -> socket.socket:
    sock = socket.socket(_family(host), socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuseport:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    except OSError:
        sock.close()
        raise
    return sock


def probe(host: str, port: int) -> int:
    """Bind ``(host, port)`` once as one process would (no ``SO_REUSEPORT``), close it, return the port.

    Raises ``OSError`` (or ``socket.gaierror`` for a host name that does not resolve) when the
    address cannot be bound: a listener already there (whatever its options), a privileged port, an
    address not of this machine. ``port`` 0 gives the port the system chose.
    """
    sock = _socket(host, reuseport=False)
    try:
        sock.bind((host, port))
        return int(sock.getsockname()[1])
    finally:
        sock.close()


def bind_error(host: str, port: int, exc: OSError) -> str:
    """The one-line bilingual message of an address that cannot be bound, naming host and port."""
    where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    if isinstance(exc, socket.gaierror):
        zh, en = "无法解析主机名", "the host name does not resolve"
    elif exc.errno == errno.EADDRINUSE:
        zh, en = "地址已被占用（另一个服务正在此端口监听）", "the address is in use (another service listens on that port)"
    elif exc.errno == errno.EACCES:
        zh, en = "没有权限（1024 以下的端口需要特权）", "permission denied (ports below 1024 need privileges)"
    elif exc.errno == errno.EADDRNOTAVAIL:
        zh, en = "本机没有这个地址", "that address is not one of this machine's"
    else:
        zh, en = "无法绑定", "cannot bind"
    detail = exc.strerror or str(exc)
    return f"无法在 {where} 监听：{zh} / cannot listen on {where}: {en} ({detail})"


def listening_sockets(host: str, port: int, workers: int) -> tuple[list[socket.socket], str | None]:
    """The listening sockets of ``workers`` workers on ``(host, port)``, and a warning or ``None``.

    One socket per worker with ``SO_REUSEPORT`` where the kernel spreads connections over them
    (``reuseport_balances``); otherwise, or if the option is refused, one socket that every worker
    shares, and the warning says what that means. ``port`` must have been checked with ``probe``
    (which also turns port 0 into a real one). Raises ``OSError`` if a socket cannot be bound.
    """
    made: list[socket.socket] = []
    try:
        if reuseport_balances():
            try:
                for _ in range(workers):
                    made.append(_socket(host, reuseport=True))
                    made[-1].bind((host, port))
                    made[-1].listen(BACKLOG)
            except OSError as exc:
                if exc.errno not in (errno.ENOPROTOOPT, errno.EINVAL, errno.EOPNOTSUPP):
                    raise
                for s in made:
                    s.close()
                made.clear()
                reason = f"SO_REUSEPORT 被拒绝 / SO_REUSEPORT was refused ({exc.strerror or exc})"
            else:
                return made, None
        else:
            reason = (f"此系统（{sys.platform}）的内核不在多个套接字间分配连接 / this system's kernel ({sys.platform}) "
                      "does not spread connections over several sockets (SO_REUSEPORT)")
        shared = _socket(host, reuseport=False)
        made.append(shared)
        shared.bind((host, port))
        shared.listen(BACKLOG)
        warning = (f"{reason}；{workers} 个工作进程共用一个监听套接字，只保持少数长连接的客户端可能只由一个工作进程服务"
                   f" / the {workers} workers share one listening socket: a client that keeps a few persistent "
                   "connections may be served by one worker")
        return [shared] * workers, warning
    except BaseException:
        for s in made:
            s.close()
        raise


def _describe(exitcode: int | None) -> tuple[str, str]:
    """How a worker ended, in Chinese and in English."""
    if exitcode is None:
        return "仍在运行", "still running"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        return f"被信号 {name} 终止", f"killed by {name}"
    return f"退出状态 {exitcode}", f"exit status {exitcode}"


def _watch_parent() -> None:
    """In a worker: shut down (as on SIGTERM) when the supervisor's end of our pipe closes."""
    parent = multiprocessing.parent_process()
    if parent is None:  # pragma: no cover - always set in a spawned child
        return
    multiprocessing.connection.wait([parent.sentinel])
    os.kill(os.getpid(), signal.SIGTERM)


def _worker(config: Any, sock: socket.socket) -> None:
    """A worker process: uvicorn on the socket the supervisor bound for it."""
    threading.Thread(target=_watch_parent, name="enshi-rules-parent-watch", daemon=True).start()
    config.configure_logging()
    try:
        _shutdown.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:  # a Ctrl-C in the terminal before uvicorn took the signal: the supervisor stops us
        pass
    except (OSError, ValueError) as exc:  # the application could not be built (a tokens file gone): one line
        log.error("工作进程无法启动 / the worker cannot start: %s", exc)
        sys.exit(1)


class Supervisor:
    """Start ``len(sockets)`` workers, one on each socket; restart the dead; stop them all on a signal."""

    def __init__(self, config: Any, sockets: list[socket.socket], *, url: str) -> None:
        self.config = config
        self.sockets = sockets
        self.url = url
        self.procs: list[SpawnProcess | None] = [None] * len(sockets)
        self.deaths: deque[float] = deque()
        self.signals: list[int] = []

    # signals ---------------------------------------------------------------------------------
    def _on_signal(self, sig: int, frame: Any) -> None:
        self.signals.append(sig)  # set_wakeup_fd wakes the wait in run()

    def _start(self, i: int) -> SpawnProcess:
        p = _SPAWN.Process(target=_worker, args=(self.config, self.sockets[i]), name=f"enshi-rules-worker-{i + 1}")
        p.start()
        log.info("工作进程 %d 已启动 [%d] / worker %d started [%d]", i + 1, p.pid, i + 1, p.pid)
        return p

    def _wait(self, procs: list[SpawnProcess], timeout: float | None) -> list[SpawnProcess]:
        """Wait until one of ``procs`` has ended, a signal came, or ``timeout``; the ended ones.

        A process's sentinel stays readable once it has ended, so one that ended before the wait
        began is seen too. (Asking ``exitcode`` first and waiting only on the others missed a worker
        that ended in between: ``exitcode`` reaps it, and the supervisor then slept on the others.)
        """
        by_sentinel = {p.sentinel: p for p in procs}
        ready = multiprocessing.connection.wait([*by_sentinel, self._wake_r], timeout=timeout)
        try:
            while self._wake_r.recv(64):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        return [by_sentinel[r] for r in ready if r in by_sentinel]  # type: ignore[index]

    def run(self) -> int:
        """Serve until a signal; the exit status (0), or 1 when the workers keep dying."""
        self._wake_r, self._wake_w = socket.socketpair()  # a signal wakes the wait on the workers
        for s in (self._wake_r, self._wake_w):
            s.setblocking(False)
        handled = (signal.SIGINT, signal.SIGTERM)
        previous = {sig: signal.signal(sig, self._on_signal) for sig in handled}
        old_wakeup = signal.set_wakeup_fd(self._wake_w.fileno(), warn_on_full_buffer=False)
        status = 0
        try:
            shared = len({id(s) for s in self.sockets}) == 1 and len(self.sockets) > 1
            log.info(
                "enshi-rules serve 在 %s 运行：%d 个工作进程，%s / running on %s: %d worker processes, %s "
                "(按 CTRL+C 退出 / press CTRL+C to quit)",
                self.url, len(self.sockets), "共用一个套接字" if shared else "每个一个 SO_REUSEPORT 套接字",
                self.url, len(self.sockets), "one shared socket" if shared else "a SO_REUSEPORT socket each",
            )
            for i in range(len(self.sockets)):
                if self.signals:
                    break
                self.procs[i] = self._start(i)
            while not self.signals:
                ended = self._wait([p for p in self.procs if p is not None], None)
                if self.signals:
                    break
                if not self._restart(ended):
                    status = 1
                    break
        finally:
            self._stop_all()
            signal.set_wakeup_fd(old_wakeup)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self._wake_r.close()
            self._wake_w.close()
            for s in {id(s): s for s in self.sockets}.values():
                s.close()
        if status == 0:  # end as `--workers 1` ends, after cleaning up: as the first signal asks
            return _shutdown.end_as(self.signals)
        return status

    def _restart(self, ended: list[SpawnProcess]) -> bool:
        """Restart each worker that ended; ``False`` when too many have died to go on.

        A worker's sentinel is readable as soon as its process has closed its files, a moment before
        the process can be reaped: ``join`` waits for that moment (``exitcode`` could still be None).
        """
        for i, p in enumerate(self.procs):
            if p is None or p not in ended:
                continue
            p.join()
            now = time.monotonic()
            self.deaths.append(now)
            while self.deaths and now - self.deaths[0] > RESTART_WINDOW:
                self.deaths.popleft()
            how_zh, how_en = _describe(p.exitcode)
            if len(self.deaths) > RESTART_LIMIT:
                log.error(
                    "工作进程 %d [%d] 意外结束（%s）；%d 秒内已有 %d 次，不再重启，停止全部工作进程 / "
                    "worker %d [%d] ended unexpectedly (%s); that is %d times within %d s: not restarting, "
                    "stopping every worker",
                    i + 1, p.pid, how_zh, int(RESTART_WINDOW), len(self.deaths),
                    i + 1, p.pid, how_en, len(self.deaths), int(RESTART_WINDOW),
                )
                self.procs[i] = None
                return False
            log.warning(
                "工作进程 %d [%d] 意外结束（%s），在同一套接字上重启 / worker %d [%d] ended unexpectedly (%s); "
                "restarting it on the same socket",
                i + 1, p.pid, how_zh, i + 1, p.pid, how_en,
            )
            self.procs[i] = self._start(i)
        return True

    def _stop_all(self) -> None:
        """SIGTERM to every worker, wait ``SHUTDOWN_GRACE`` seconds, then SIGKILL; a further signal forces.

        The stop was begun by the first signal (or, with none, by workers that keep dying); any signal
        after that one, also one that came before this wait began, passes SIGINT on and leaves the
        workers ``FORCE_GRACE`` seconds.
        """
        alive = [p for p in self.procs if p is not None and p.exitcode is None]
        for p in alive:
            _signal(p, signal.SIGTERM)
        forced = False
        begun_by = min(len(self.signals), 1)
        grace = SHUTDOWN_GRACE
        deadline = time.monotonic() + grace
        pending = list(alive)
        while pending:
            if not forced and len(self.signals) > begun_by:
                forced = True  # a second signal: do not wait for open requests
                log.warning("再次收到信号：工作进程不再等待未完成的请求 / a second signal: the workers stop "
                            "without waiting for open requests")
                for p in pending:
                    _signal(p, signal.SIGINT)
                if time.monotonic() + FORCE_GRACE < deadline:
                    grace, deadline = FORCE_GRACE, time.monotonic() + FORCE_GRACE
            left = deadline - time.monotonic()
            if left <= 0:
                for p in pending:
                    log.error("工作进程 [%d] %d 秒内未停止，强制结束 / worker [%d] did not stop within %d s: killed",
                              p.pid, int(grace), p.pid, int(grace))
                    p.kill()
                break
            for p in self._wait(pending, left):
                pending.remove(p)
        for p in alive:
            p.join()


def _signal(p: SpawnProcess, sig: int) -> None:
    if p.pid is not None and p.exitcode is None:
        try:
            os.kill(p.pid, sig)
        except ProcessLookupError:
            pass
