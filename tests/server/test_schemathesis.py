"""Property-based tests of the service against its committed OpenAPI document (schemathesis).

Every operation of ``docs/openapi.json`` gets generated requests, valid and invalid; for each, the
application must answer without a server error (5xx), with a status code and content type the
document declares, and with a body its schema accepts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from enshi_rules.server import ServerSettings, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
APP = create_app(ServerSettings(time_limit=30.0))
schema = schemathesis.openapi.from_path(str(ROOT / "docs" / "openapi.json"))
# a JSON Lines body is text: generated strings are sent as they are
schemathesis.serializer.alias("application/x-ndjson", "text/plain")

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
def test_no_server_error_and_no_response_outside_the_document(case):
    case.call_and_validate(app=APP, checks=CHECKS)
