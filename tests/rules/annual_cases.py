"""An annual-duties record of 恩施市司法局 for 2025, changed one field at a time."""

from __future__ import annotations

from typing import Any

from .mcase import case

FULL: dict[str, Any] = {
    "organ": "422801.sfj",
    "year": 2025,
    "responsibility_list_on": "2025-03-20",
    "annual_plan_on": "2025-03-25",
    "case_file_reviews": ["2025-09-15"],
    "assessments": [{"held_on": "2025-12-10", "internal": True, "external": True}],
}


def annual(**changes: Any) -> dict[str, Any]:
    rec = {**FULL}
    for k, v in changes.items():
        if v is None:
            rec.pop(k, None)
        else:
            rec[k] = v
    return case(supervising_organ="422800.sfj", supervised_organ="422801.sfj", annual_duties=[rec])


def no_annual_record() -> dict[str, Any]:
    """The same case with no annual-duties record at all: no organ and year to judge."""
    return case(supervising_organ="422800.sfj", supervised_organ="422801.sfj")


def rules_of(article: int) -> list[str]:
    """Every declared rule citing ``article`` (sorted)."""
    from enshi_rules.rules import all_rules

    return sorted(rid for rid, r in all_rules().items() if r.article == article)


SUBJECT = "恩施市司法局"
AFTER = "2026-01-05"  # the year 2025 has ended
DURING = "2025-12-31"  # the last day of 2025: not yet ended
