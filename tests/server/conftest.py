from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from enshi_rules.server import ServerSettings, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "overdue_decision.json"
JSON = {"content-type": "application/json"}


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(create_app(ServerSettings()), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def make_client():
    made: list[TestClient] = []

    def make(**settings) -> TestClient:
        c = TestClient(create_app(ServerSettings(**settings)), raise_server_exceptions=False)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()
