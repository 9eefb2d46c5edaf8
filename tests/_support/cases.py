"""Case documents shared by several test modules."""

from __future__ import annotations

import copy
from typing import Any

# 恩施土家族苗族自治州人民政府 supervising 建始县人民政府 (both built in): a supervision started
# 2025-08-20 on a confirmed situation of 第二十六条第（三）项, and a suggestion letter issued
# 2025-09-01 and received 2025-09-03 (第二十七条's ten and thirty days run from 2025-09-03).
LETTER_CASE: dict[str, Any] = {
    "case_id": "LETTER-1",
    "supervising_organ": "422800",
    "supervised_organ": "422822",
    "supervision": {
        "started_on": "2025-08-20",
        "situations": [{"item": 3, "confirmed": True}],
        "suggestion_letter": {"issued_on": "2025-09-01", "received_on": "2025-09-03"},
    },
}


def letter_case(**supervision: Any) -> dict[str, Any]:
    """A fresh copy of ``LETTER_CASE`` with the given fields of ``supervision`` set (``None``: removed)."""
    d = copy.deepcopy(LETTER_CASE)
    for k, v in supervision.items():
        if v is None:
            d["supervision"].pop(k, None)
        else:
            d["supervision"][k] = v
    return d


# 法律意见 (a)1, case c3b (tests/scenarios/calendar_2027_bounds.scenario.yaml): 州人民政府 over 宣恩县人民政府,
# a letter received 2027-01-26 and review applied for 2027-02-12, judged 2027-03-15. The ten days of
# 第二十七条第一款 end on 2027-02-11 with the provisional 2027 calendar (P9), on 2027-02-19 with the most
# days off the 2027 arrangement could give (the late bound of P10).
C3B: dict[str, Any] = {
    "case_id": "LEGAL-C3b",
    "as_of": "2027-03-15",
    "supervising_organ": "422800",
    "supervised_organ": "422825",
    "enforcement_action": {"kind": "行政征收征用", "acted_on": "2026-09-01"},
    "supervision": {
        "started_on": "2026-11-20",
        "situations": [{"item": 1, "confirmed": True, "confirmed_on": "2026-11-25"}],
        "suggestion_letter": {"issued_on": "2027-01-25", "received_on": "2027-01-26"},
        "objection": {"filed_on": "2027-02-12"},
    },
}


def c3b() -> dict[str, Any]:
    """A fresh copy of ``C3B``."""
    return copy.deepcopy(C3B)


def late_application_upheld() -> dict[str, Any]:
    """法制审核第二轮 c13: ``LETTER_CASE`` with an application for review made after the ten days
    (2025-09-25; the window closed on 2025-09-15) that the supervising organ answered anyway, upholding
    the objection (2025-10-09): whether the supervision ended is left to a person (A27-1, E-2)."""
    return letter_case(
        objection={"id": "FC-1", "filed_on": "2025-09-25"},
        review_answer={"id": "DF-1", "answered_on": "2025-10-09", "received_on": "2025-10-10", "objection_upheld": True},
    )
