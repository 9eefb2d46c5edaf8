"""TCP_NODELAY on every connection of ``enshi-rules serve``, also on a socket bound as uvicorn binds one
for several workers (``proto`` 0, where asyncio would not set it): without it each answer waited on
Nagle's algorithm and delayed acknowledgements, and 2 workers answered half as many requests as 1."""

from __future__ import annotations

import asyncio
import socket

import pytest

pytest.importorskip("uvicorn")

from uvicorn.config import Config  # noqa: E402
from uvicorn.server import ServerState  # noqa: E402

from enshi_rules.server._protocol import NoDelayH11Protocol  # noqa: E402


class _Transport:
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def get_extra_info(self, name: str, default=None):
        return {"socket": self._sock, "peername": ("127.0.0.1", 1), "sockname": ("127.0.0.1", 2)}.get(name, default)

    def is_closing(self) -> bool:
        return False

    def set_protocol(self, protocol) -> None:
        pass

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass

    def close(self) -> None:
        pass


def _accepted_as_uvicorn_binds() -> tuple[socket.socket, socket.socket, socket.socket]:
    listener = socket.socket(family=socket.AF_INET)  # as uvicorn's Config.bind_socket does: proto 0
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    client = socket.create_connection(listener.getsockname())
    conn, _ = listener.accept()
    return listener, client, conn


def test_a_connection_on_a_socket_bound_for_several_workers_gets_tcp_nodelay():
    listener, client, conn = _accepted_as_uvicorn_binds()
    try:
        assert conn.proto == 0 and conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
        config = Config(app=lambda scope, receive, send: None, http=NoDelayH11Protocol)
        config.load()
        loop = asyncio.new_event_loop()
        try:
            protocol = NoDelayH11Protocol(config=config, server_state=ServerState(), app_state={}, _loop=loop)
            protocol.connection_made(_Transport(conn))
        finally:
            loop.close()
        assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        for s in (client, conn, listener):
            s.close()


def test_serve_runs_uvicorn_with_that_protocol(monkeypatch):
    from enshi_rules.cli import main as cli_main
    from enshi_rules.server import _shutdown, _supervisor
    from enshi_rules.server._app import SETTINGS_ENV

    monkeypatch.setenv(SETTINGS_ENV, "")  # restored after the test: serve writes its settings there
    seen = {}

    def run_one(self, sockets=None):  # one worker: uvicorn's server in this process (nothing is started here)
        seen.update(config=self.config)
        self.started = True

    monkeypatch.setattr(_shutdown.Server, "run", run_one)
    assert cli_main(["serve", "--port", "0", "--workers", "1"]) == 0
    assert seen["config"].http == "enshi_rules.server._protocol:NoDelayH11Protocol"
    # several workers: our supervisor hands each worker the same configuration (nothing is started here)
    started = {}

    def run(self):
        started.update(config=self.config, sockets=list(self.sockets))
        for s in self.sockets:
            s.close()
        return 0

    monkeypatch.setattr(_supervisor.Supervisor, "run", run)
    assert cli_main(["serve", "--port", "0", "--workers", "2"]) == 0
    assert started["config"].http == "enshi_rules.server._protocol:NoDelayH11Protocol"
    assert len(started["sockets"]) == 2
