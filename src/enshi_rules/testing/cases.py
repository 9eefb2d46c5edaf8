"""Seeded generators of realistic case documents (for tests, the crash corpus and benchmarks).

``random_case(rng)`` draws one case document (a plain dict, valid by construction) covering the
procedure of 第二十六条至第二十八条: clean cases, objections upheld and not, late and missing
reports, decision letters, and the applicability edge cases of 第二条 and 第三十五条.
``case_mix(n, seed)`` yields ``n`` of them, reproducibly. ``platform_mix(n, seed)`` is the mix a
supervision platform sees (the benchmark's): the same cases, and a share of them also charging
persons of the supervised organ under 第三十二条 (when the case model has ``liabilities``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

__all__ = ["case_mix", "platform_mix", "random_case"]

_COUNTIES = ("422801", "422802", "422822", "422823", "422825", "422826", "422827", "422828")
_SYSTEMS = (("scjgj", "市场监督管理局", "市场监管"), ("zrzyj", "自然资源和规划局", "自然资源"), ("jtysj", "交通运输局", "交通运输"))
_KINDS = ("行政许可", "行政处罚", "行政强制", "行政检查", "行政征收征用", "行政给付", "行政确认", "行政裁决", "行政奖励", "其他")

#: Days of 2025-01-01 .. 2026-04-30 on which a supervision may start: the longest chain of steps
#: (about 210 days) plus a 30-day period then stays inside the calendar data (to 2026-12-31).
_FIRST = date(2025, 1, 1)
_SPAN = (date(2026, 4, 30) - _FIRST).days


def _iso(d: date) -> str:
    return d.isoformat()


def random_case(rng: random.Random, index: int = 0) -> dict[str, Any]:
    """One valid case document; every branch of the procedure is reachable."""
    county = rng.choice(_COUNTIES)
    short, dept, system = rng.choice(_SYSTEMS)
    organs: list[dict[str, Any]] = [
        {"id": f"{county}.{short}", "name": f"{county}{dept}", "kind": "工作部门", "level": "县（市）",
         "region": county, "parent": county, "system": system}
    ]
    shape = rng.random()
    if shape < 0.6:
        supervising, supervised = f"{county}.sfj", f"{county}.{short}"
    elif shape < 0.8:
        supervising, supervised = "422800", county
    elif shape < 0.9:
        supervising, supervised = "422800.sfj", county
    else:  # another county's justice bureau: no supervision relation
        other = rng.choice([c for c in _COUNTIES if c != county])
        supervising, supervised = f"{other}.sfj", f"{county}.{short}"
    start = _FIRST + timedelta(days=rng.randrange(_SPAN))
    doc: dict[str, Any] = {
        "case_id": f"GEN-{index:06d}",
        "organs": organs,
        "supervising_organ": supervising,
        "supervised_organ": supervised,
        "enforcement_action": {"kind": rng.choice(_KINDS), "acted_on": _iso(start - timedelta(days=rng.randrange(1, 60)))},
        "supervision": {"started_on": _iso(start)},
    }
    if rng.random() < 0.03:
        doc["special_supervision"] = rng.choice(("行政复议", "监察", "审计", "行政规范性文件备案审查"))
    if rng.random() < 0.03:
        organs[0]["vertically_managed"] = True
        doc["supervising_organ"], doc["supervised_organ"] = f"{county}.sfj", f"{county}.{short}"
    if rng.random() < 0.03:
        doc["enforcement_action"]["region"] = "420100"  # 武汉市: the act outside, the organs inside (a note, A02-1)
    sup = doc["supervision"]
    day = start
    events: list[date] = [start]

    def later(lo: int, hi: int) -> date:
        nonlocal day
        day = day + timedelta(days=rng.randint(lo, hi))
        events.append(day)
        return day

    items = rng.sample(range(1, 7), k=rng.randint(1, 3))
    confirmed = rng.random() < 0.9
    sup["situations"] = [
        {"id": f"QX-{n}", "item": n, "confirmed": confirmed, "found_on": _iso(start)} for n in items
    ]
    if confirmed and rng.random() < 0.95:
        issued = later(5, 40)
        received = later(0, 5) if rng.random() < 0.97 else None
        sup["suggestion_letter"] = {"id": "JYS-1", "issued_on": _iso(issued), "rectification_days": 30}
        if received:
            sup["suggestion_letter"]["received_on"] = _iso(received)
        objection = received is not None and rng.random() < 0.25
        upheld = False
        if objection:
            filed = later(1, 14)
            sup["objection"] = {"id": "FC-1", "filed_on": _iso(filed)}
            if rng.random() < 0.85:
                answered = later(1, 20)
                upheld = rng.random() < 0.3
                sup["review_answer"] = {"id": "DF-1", "answered_on": _iso(answered), "objection_upheld": upheld}
                if rng.random() < 0.95:
                    sup["review_answer"]["received_on"] = _iso(later(0, 3))
        if not upheld and rng.random() < 0.7:
            sup["rectification_report"] = {"id": "ZG-1", "submitted_on": _iso(later(3, 45))}
        if not upheld and rng.random() < 0.3:
            d_issued = later(1, 30)
            sup["decision_letter"] = {"id": "JDS-1", "issued_on": _iso(d_issued), "orders": ["限期履行法定职责"]}
            if rng.random() < 0.95:
                sup["decision_letter"]["received_on"] = _iso(later(0, 4))
                if rng.random() < 0.6:
                    sup["execution_report"] = {"id": "ZX-1", "submitted_on": _iso(later(3, 45))}
    doc["as_of"] = _iso(max(events) + timedelta(days=rng.randint(0, 90)))
    return doc


def case_mix(n: int, seed: int = 20250301) -> Iterator[dict[str, Any]]:
    """``n`` case documents drawn with ``seed``: the same arguments always give the same cases."""
    rng = random.Random(seed)
    for i in range(n):
        yield random_case(rng, i)


_PERSONS = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "向琴", "田军", "覃丽", "谭明")
_ROLES = ("直接负责的主管人员", "其他直接责任人员")


def _liability(rng: random.Random, k: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": f"ZR-{k + 1}",
        "person": rng.choice(_PERSONS),
        "role": rng.choice(_ROLES),
        "behaviour": rng.randint(1, 7),
        "confirmed": rng.random() < 0.85,
    }
    if rng.random() < 0.05:
        out["suspected_crime"] = True
    if rng.random() < 0.2:  # 容错 claimed: each condition established, disproved or unknown
        out["tolerance"] = {
            f: rng.choice((True, True, False, None))
            for f in ("lawful_performance", "objective_cause", "duties_performed")
        }
    return out


def _has_liabilities() -> bool:
    from ..facts import Case

    return "liabilities" in Case.model_fields


def platform_mix(n: int, seed: int = 20250301, *, liability_share: float = 0.05) -> Iterator[dict[str, Any]]:
    """``n`` cases as a supervision platform sees them: :func:`case_mix` (most clean, some overdue,
    some with objections, some outside the measures) with ``liability_share`` of them also charging
    one or two persons under 第三十二条. Reproducible; the procedure part equals ``case_mix(n, seed)``.
    """
    rng = random.Random(seed)
    extra = random.Random(seed ^ 0x5EED)  # its own stream, so the procedure part stays case_mix's
    liabilities = liability_share > 0 and _has_liabilities()
    for i in range(n):
        doc = random_case(rng, i)
        if liabilities and extra.random() < liability_share:
            doc["liabilities"] = [_liability(extra, k) for k in range(extra.randint(1, 2))]
            for lb in doc["liabilities"]:
                # the conduct charged is the enforcement action's, on its date (第三十二条 reaches
                # conduct from 2025-03-01, A32-7); a platform records it, so the case stays exact
                lb["acted_on"] = doc["enforcement_action"]["acted_on"]
        yield doc
