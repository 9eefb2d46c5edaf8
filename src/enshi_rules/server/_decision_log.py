"""The decision log (``--decision-log FILE``): one JSON line per decision, as OPA writes them.

Each line: ``decision_id``, ``time`` (UTC, ISO 8601), ``endpoint``, ``input_sha256`` (of the request
body as received, or of the batch line; null when the request was refused before its body was read),
``options`` (the query parameters), ``versions``, ``request_id`` (the client's ``X-Request-Id``, when
given), ``batch_id`` (a batch line: the ``Enshi-Decision-Id`` of its batch request), and the
``report``, the ``explanation`` (``/v1/explain``) or, for a refused request, the ``problem``. Case documents name people; by default the log
keeps no input and replaces every personal name the case gives (liabilities' and misconduct's
``person``, clues' ``person``, inspections' supervisors' ``name``, obstructions' ``actor``) with
``〔已隐去〕`` wherever it appears in the report. ``--decision-log-full`` keeps the input document
and the names.

Lines are appended with one ``write`` on a file opened with ``O_APPEND``, so the worker processes of
one service can share a log file without interleaving their lines.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

__all__ = ["REDACTED", "DecisionLog", "personal_names"]

REDACTED = "〔已隐去〕"


def personal_names(doc: Any) -> list[str]:
    """The personal names a case document gives (longest first), from its raw JSON value."""
    if not isinstance(doc, dict):
        return []
    names: set[str] = set()

    def take(items: Any, key: str) -> None:
        if isinstance(items, list):
            for x in items:
                if isinstance(x, dict) and isinstance(x.get(key), str) and x[key].strip():
                    names.add(x[key])

    take(doc.get("liabilities"), "person")
    take(doc.get("conduct"), "person")
    take(doc.get("clues"), "person")
    take(doc.get("obstructions"), "actor")
    inspections = doc.get("inspections")
    if isinstance(inspections, list):
        for ins in inspections:
            if isinstance(ins, dict):
                take(ins.get("supervisors"), "name")
    return sorted(names, key=lambda s: (-len(s), s))


def _redact(value: Any, names: Sequence[str]) -> Any:
    """``value`` with every name replaced in each string it holds (keys and other values kept)."""
    if isinstance(value, str):
        for name in names:
            value = value.replace(name, REDACTED)
        return value
    if isinstance(value, list):
        return [_redact(v, names) for v in value]
    if isinstance(value, dict):
        return {k: _redact(v, names) for k, v in value.items()}
    return value


class DecisionLog:
    def __init__(self, path: str, *, full: bool = False) -> None:
        self.path = path
        self.full = full
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def close(self) -> None:
        os.close(self.fd)

    def record(
        self,
        decision_id: str,
        endpoint: str,
        body: bytes | None,
        *,
        options: dict[str, Any],
        versions: dict[str, Any],
        report_json: str | None = None,
        explanation_json: str | None = None,
        problem: dict[str, Any] | None = None,
        request_id: str | None = None,
        batch_id: str | None = None,
    ) -> None:
        doc: Any = None
        if body is not None:
            try:
                doc = json.loads(body)
            except (ValueError, RecursionError):
                doc = None
        head: dict[str, Any] = {
            "decision_id": decision_id,
            "time": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "endpoint": endpoint,
            "input_sha256": hashlib.sha256(body).hexdigest() if body is not None else None,
            "options": {k: v for k, v in options.items() if v is not None},
            "versions": versions,
        }
        if request_id is not None:
            head["request_id"] = request_id
        if batch_id is not None:
            head["batch_id"] = batch_id
        if self.full and body is not None:
            head["input"] = doc if doc is not None else body.decode("utf-8", "replace")
        names = [] if self.full else personal_names(doc)
        if report_json is not None:
            head["report"] = _redact(json.loads(report_json), names) if names else json.loads(report_json)
        if explanation_json is not None:
            head["explanation"] = _redact(json.loads(explanation_json), names) if names else json.loads(explanation_json)
        if problem is not None:
            head["problem"] = _redact(problem, names) if names else problem
        text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
        os.write(self.fd, (text + "\n").encode("utf-8"))
