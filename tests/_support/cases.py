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
