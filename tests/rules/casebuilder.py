"""Small case documents for the article tests: one realistic base, changed one field at a time."""

from __future__ import annotations

import copy
from typing import Any

import enshi_rules
from enshi_rules import Finding, Report

MARKET = {
    "id": "422801.scjgj",
    "name": "恩施市市场监督管理局",
    "kind": "工作部门",
    "level": "县（市）",
    "region": "422801",
    "parent": "422801",
    "system": "市场监管",
}

BASE: dict[str, Any] = {
    "case_id": "T-1",
    "organs": [MARKET],
    "supervising_organ": "422801.sfj",
    "supervised_organ": "422801.scjgj",
    "enforcement_action": {"kind": "行政处罚", "acted_on": "2025-02-20"},
    "supervision": {
        "started_on": "2025-03-10",
        "situations": [{"item": 1, "confirmed": True, "found_on": "2025-03-10"}],
    },
}


def case(**supervision: Any) -> dict[str, Any]:
    """The base case with these supervision records set (a value of None removes the record)."""
    doc = copy.deepcopy(BASE)
    for k, v in supervision.items():
        if v is None:
            doc["supervision"].pop(k, None)
        else:
            doc["supervision"][k] = v
    return doc


def letter(received: str = "2025-04-03", issued: str = "2025-04-01") -> dict[str, Any]:
    return {"id": "JYS-1", "issued_on": issued, "received_on": received}


def run(doc: dict[str, Any], as_of: str) -> Report:
    return enshi_rules.evaluate(doc, as_of=as_of)


def only(report: Report, rule_id: str) -> Finding:
    """The one finding of this rule (fails, showing the rule ids present, if not exactly one)."""
    found = [f for f in report.findings if f.rule_id == rule_id]
    assert len(found) == 1, f"{rule_id}: {len(found)} findings; present: {[f.rule_id for f in report.findings]}"
    return found[0]


def absent(report: Report, prefix: str) -> None:
    hits = [f.rule_id for f in report.findings if f.rule_id.startswith(prefix)]
    assert not hits, f"expected no {prefix}* finding, got {hits}"
