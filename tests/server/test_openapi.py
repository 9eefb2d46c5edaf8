"""The committed OpenAPI document is the application's document."""

from __future__ import annotations

import json
from pathlib import Path

from enshi_rules._law.docs import openapi_text
from enshi_rules.server import create_app

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "docs" / "openapi.json"


def test_committed_openapi_document_is_the_application_document():
    assert COMMITTED.read_text(encoding="utf-8") == openapi_text(), (
        "docs/openapi.json differs from create_app().openapi(): run `enshi-rules trace --write-docs` and commit it"
    )


def test_openapi_document_names_every_endpoint_and_problem_responses():
    doc = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert doc["openapi"].startswith("3.")
    paths = doc["paths"]
    for path, method in [("/v1/evaluate", "post"), ("/v1/evaluate/batch", "post"), ("/v1/articles", "get"),
                         ("/v1/articles/{ref}", "get"), ("/v1/schema/case", "get"), ("/v1/schema/report", "get"),
                         ("/healthz", "get"), ("/v1/version", "get")]:
        assert method in paths[path], path
    ev = paths["/v1/evaluate"]["post"]
    assert ev["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Case"}
    for status in ("401", "413", "415", "422"):
        assert "application/problem+json" in ev["responses"][status]["content"], status
    # the framework's generic validation error is not in the document: our problems replace it
    assert "HTTPValidationError" not in doc["components"]["schemas"]
    assert "versions" in doc["components"]["schemas"]["DecisionReport"]["properties"]


def test_document_is_the_same_in_a_new_application():
    assert create_app().openapi() == json.loads(COMMITTED.read_text(encoding="utf-8"))


def test_no_request_names_a_file():
    """Safe defaults: no parameter of any operation is a file or a path on the server, and every body
    is JSON (a case document) or JSON Lines; nothing is uploaded as a file."""
    doc = json.loads(COMMITTED.read_text(encoding="utf-8"))
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            for p in op.get("parameters", []):
                assert not any(w in p["name"].lower() for w in ("file", "path", "dir", "template", "calendar_file")), (path, p)
            body = op.get("requestBody", {}).get("content", {})
            assert set(body) <= {"application/json", "application/x-ndjson"}, (path, method, body)
