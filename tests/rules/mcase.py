"""Small case documents for the tests of 第五条至第三十四条 (jurisdiction, supervision content and
conduct, annual duties, follow-up, liability): one realistic base, changed one section at a time."""

from __future__ import annotations

import copy
from typing import Any

import enshi_rules
from enshi_rules import Finding, Report
from enshi_rules.rules import all_rules
from enshi_rules.testing import assert_matches, assert_note

from .casebuilder import absent, not_supervision, only  # noqa: F401 - one helper of each name for every article test

MARKET = {
    "id": "422801.scjgj", "name": "恩施市市场监督管理局", "kind": "工作部门", "level": "县（市）",
    "region": "422801", "parent": "422801", "system": "市场监管",
}
TOWNSHIP = {
    "id": "422801.lhz", "name": "恩施市龙凤镇人民政府", "kind": "人民政府", "level": "乡（镇）",
    "region": "422801", "parent": "422801",
}
TOWNSHIP_ENF = {
    "id": "422801.lhz.zhzf", "name": "恩施市龙凤镇综合行政执法办公室", "kind": "乡镇综合行政执法",
    "level": "乡（镇）", "region": "422801", "parent": "422801.lhz",
}
JUDICIAL_OFFICE = {
    "id": "422801.sfj.lhs", "name": "恩施市司法局龙凤司法所", "kind": "司法所", "level": "乡（镇）",
    "region": "422801", "parent": "422801.sfj",
}
LEGAL_OFFICE = {
    "id": "422800.scjgj.fgk", "name": "恩施州市场监督管理局法规科", "kind": "法制机构", "level": "州",
    "region": "422800", "parent": "422800.scjgj",
}
STATE_MARKET = {
    "id": "422800.scjgj", "name": "恩施州市场监督管理局", "kind": "工作部门", "level": "州",
    "region": "422800", "parent": "422800", "system": "市场监管",
}
ORGANS = [MARKET, TOWNSHIP, TOWNSHIP_ENF, JUDICIAL_OFFICE, LEGAL_OFFICE, STATE_MARKET]

BASE: dict[str, Any] = {
    "case_id": "M-1",
    "organs": ORGANS,
    "supervising_organ": "422801.sfj",
    "supervised_organ": "422801.scjgj",
    "enforcement_action": {"kind": "行政处罚", "acted_on": "2025-04-20"},
    "supervision": {"started_on": "2025-05-06"},
}


def case(**sections: Any) -> dict[str, Any]:
    """The base case with these top-level sections set (None removes one)."""
    doc = copy.deepcopy(BASE)
    for k, v in sections.items():
        if v is None:
            doc.pop(k, None)
        else:
            doc[k] = v
    return doc


def sup(doc: dict[str, Any], **records: Any) -> dict[str, Any]:
    """Set records of ``supervision`` in place and return the document."""
    doc["supervision"].update(records)
    return doc


def run(doc: dict[str, Any], as_of: str = "2025-12-31") -> Report:
    return enshi_rules.evaluate(doc, as_of=as_of)


def check(f: Finding, rule_id: str, article: int, paragraph: int | None, item: int | None, modality: str, subject: str) -> None:
    """Assert a finding's identity exactly (enshi_rules.testing.assert_matches)."""
    assert_matches(f, rule_id=rule_id, article=article, paragraph=paragraph, item=item, modality=modality, subject=subject)


def note(report: Report, rule_id: str, **criteria: Any):
    """The applicability note of this rule (exactly one); ``criteria`` asserted on it too."""
    found = [n for n in report.notes if n.rule_id == rule_id]
    assert len(found) == 1, f"{rule_id}: {len(found)} notes; present: {[n.rule_id for n in report.notes]}"
    return assert_note(report, rule_id=rule_id, **criteria)


def check_note(report: Report, rule_id: str, article: int, paragraph: int | None, modality: str, subject_role: str, *, excludes: bool = False):
    """The note of this rule, its citation and whether it takes the case outside the measures."""
    n = note(report, rule_id, article=article, paragraph=paragraph, excludes=excludes)
    r = all_rules()[rule_id]
    assert (r.article, r.paragraph, r.modality.value, r.subject.value) == (article, paragraph, modality, subject_role)
    return n
