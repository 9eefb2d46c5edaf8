"""Fixtures for the workbench's tests: the application, a test client, and a live server for the browser."""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator

import pytest

fastapi = pytest.importorskip("fastapi", reason="the workbench needs the server extra (FastAPI)")

with warnings.catch_warnings():
    # Starlette's test client asks for httpx2 (a rename of httpx); httpx works the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def make_app() -> fastapi.FastAPI:
    """The service as ``enshi-rules serve`` builds it: the workbench is mounted at ``/``."""
    from enshi_rules.server import create_app

    return create_app()


@pytest.fixture(scope="session")
def app() -> fastapi.FastAPI:
    return make_app()


@pytest.fixture(scope="session")
def client(app: fastapi.FastAPI) -> TestClient:
    return TestClient(app)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(app: fastapi.FastAPI) -> Iterator[str]:
    """The application on a loopback port in a thread (uvicorn), for a real browser."""
    uvicorn = pytest.importorskip("uvicorn")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the workbench server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
