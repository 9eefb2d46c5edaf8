"""Small case documents for the article tests: one realistic base, changed one field at a time."""

from __future__ import annotations

import copy
import fnmatch
from typing import Any

import enshi_rules
from enshi_rules import Finding, Report
from enshi_rules.rules import all_rules
from enshi_rules.testing import assert_finding, assert_no_finding, assert_no_note, assert_note

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


def only(report: Report, rule_id: str, **criteria: Any) -> Finding:
    """The one finding of this rule (fails, showing the report, if not exactly one); ``criteria``
    (modality, status, due, ...) are asserted on it too (enshi_rules.testing.assert_finding)."""
    found = assert_finding(report, rule_id=rule_id, count=1, **criteria)
    prefix, _, status = rule_id.rpartition(".")
    if status in _STATUSES:  # a time limit stands in exactly one status on a given day
        assert_finding(report, rule_id=prefix + ".*", count=1)
    return found


_STATUSES = ("pending", "on_time", "late", "overdue")


def rule_pattern(rule_id_or_prefix: str) -> str:
    """A declared rule id as it is, or a prefix of declared ids (``art_024.p1.i1``) as the pattern of
    all of them (``art_024.p1.i1.*``). A string that names no declared rule fails: an absence
    asserted of a rule that does not exist can never fail."""
    rules = all_rules()
    if rule_id_or_prefix in rules:
        return rule_id_or_prefix
    pattern = rule_id_or_prefix.rstrip(".") + ".*"
    assert any(fnmatch.fnmatchcase(rid, pattern) for rid in rules), f"{rule_id_or_prefix!r} names no declared rule"
    return pattern


def absent(report: Report, rule_id_or_prefix: str) -> None:
    """No finding or note of this rule (or of any rule under this prefix, like ``art_024.p1.i1``)."""
    pattern = rule_pattern(rule_id_or_prefix)
    assert_no_finding(report, rule_id=pattern)
    assert_no_note(report, rule_id=pattern)


#: What every note of "no supervision relation" says follows (A03-5): the words a legal officer reads.
NOT_SUPERVISION = "不属于本办法第三条第一款所称的行政执法监督"
NO_EFFECT = "不产生第二十七条、第二十八条规定的效力"


def not_supervision(report: Report, rule_id: str, **criteria: Any) -> Any:
    """The one note of this rule saying the organ acting has no supervision relation (第三条第一款,
    第五条第四款, 第六条第一款 define and allocate, they impose no duty: A03-5): a note that keeps the
    case within the measures, never a finding, never a violation; ``criteria`` asserted on it too."""
    found = [n for n in report.notes if n.rule_id == rule_id]
    assert len(found) == 1, f"{rule_id}: {len(found)} notes; present: {[n.rule_id for n in report.notes]}"
    assert_no_finding(report, rule_id=rule_id)
    note = assert_note(report, rule_id=rule_id, excludes=False, **criteria)
    assert NOT_SUPERVISION in note.message and NO_EFFECT in note.message, note.message
    assert "违反" not in note.message, note.message
    return note
