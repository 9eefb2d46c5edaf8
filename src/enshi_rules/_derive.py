"""From a validated case to the flat facts the engine matches.

This module computes, it does not decide: it turns dates into ordinal day numbers, computes the
last day of each period with :mod:`enshi_rules._periods` (the period lengths come from the article
modules), works out how two organs are related in the organ tree, and names the facts a computation
needs but the case lacks. Whether a period applies, whether it was met, and what follows are
decided by the rules.

Facts come in two stages: stage 0 (``case``, ``relation``) is seen by the applicability rules of
第二条、第三条、第三十五条; stage 1 (the procedure of 第二十六条至第二十八条) is asserted only if no
applicability rule excluded the case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from . import _periods
from ._periods import DayCounting, PeriodPolicy
from .facts import LoadedCase, Organ, OrganKind, Situation
from .rules import art_027, art_028

__all__ = ["Derived", "MissingFact", "derive", "relation_between"]


@dataclass(frozen=True)
class MissingFact:
    """A fact a computation needs but the case does not give. Reported, never guessed."""

    field: str
    needed_for: str  # short citation, e.g. 第二十七条第一款
    reason: str  # Chinese, one sentence


@dataclass(frozen=True)
class Derived:
    stages: tuple[tuple[dict[str, Any], ...], ...]
    missing: tuple[MissingFact, ...]
    policy: PeriodPolicy


def situation_id(sit: Situation) -> str:
    """A situation's id: its own, else one made from its item (the loader keeps them unique)."""
    return sit.id or f"situation-{sit.item}"


def _ord(d: date | None) -> int | None:
    return None if d is None else d.toordinal()


def _put(fact: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Set properties, leaving out the ones that are None (absent is how rules test for 'not done')."""
    for k, v in values.items():
        if v is not None:
            fact[k] = v
    return fact


def _government_of(o: Organ, organs: dict[str, Organ]) -> Organ | None:
    cur: Organ | None = o
    while cur is not None and cur.kind is not OrganKind.GOVERNMENT:
        cur = organs.get(cur.parent) if cur.parent else None
    return cur


def _ancestors(o: Organ, organs: dict[str, Organ]) -> list[str]:
    out = []
    cur = organs.get(o.parent) if o.parent else None
    while cur is not None:
        out.append(cur.id)
        cur = organs.get(cur.parent) if cur.parent else None
    return out


_DEPARTMENT_KINDS = (OrganKind.DEPARTMENT, OrganKind.JUSTICE)
_DISPATCHED_KINDS = (OrganKind.DISPATCHED_ORGAN, OrganKind.DISPATCHED_AGENCY)


def relation_between(sup: Organ, sub: Organ, organs: dict[str, Organ]) -> tuple[str, str | None]:
    """How ``sup`` stands to ``sub`` in the organ tree, as one of the 第三条第一款 relations.

    Returns ``(relation, via)``: ``upper_government`` (上级人民政府对下级人民政府),
    ``own_department`` (政府对其工作部门), ``own_dispatched`` (政府对其派出机关、派出机构),
    ``own_system`` (工作部门对本系统), ``justice_for_government`` (司法行政部门 doing its
    government's supervision work, 第五条第一款; ``via`` is the government's own relation), or
    ``none``. Whether the relation makes the supervisor competent is for the rules of 第三条.
    """
    if sup.kind is OrganKind.GOVERNMENT:
        if sub.kind is OrganKind.GOVERNMENT and sup.id in _ancestors(sub, organs):
            return "upper_government", None
        if sub.parent == sup.id and sub.kind in _DEPARTMENT_KINDS:
            return "own_department", None
        if sub.parent == sup.id and sub.kind in _DISPATCHED_KINDS:
            return "own_dispatched", None
    if sup.kind in _DEPARTMENT_KINDS and sup.system and sub.system == sup.system:
        sup_gov, sub_gov = _government_of(sup, organs), _government_of(sub, organs)
        below = sup.id in _ancestors(sub, organs) or (
            sup_gov is not None and sub_gov is not None and sup_gov.id in _ancestors(sub_gov, organs)
        )
        if below:
            return "own_system", None
    if sup.kind is OrganKind.JUSTICE and sup.parent and sup.parent in organs:
        gov = organs[sup.parent]
        if gov.kind is OrganKind.GOVERNMENT and gov.id != sub.id:
            via, _ = relation_between(gov, sub, organs)
            if via != "none":
                return "justice_for_government", via
    return "none", None


def _policy(lc: LoadedCase) -> PeriodPolicy:
    return PeriodPolicy(
        counting=DayCounting(lc.case.day_counting.value),
        exclude_time_in_post=lc.case.exclude_time_in_post,
    )


def derive(lc: LoadedCase, policy: PeriodPolicy | None = None) -> Derived:
    """The engine facts of a case, in two stages, with the facts the case lacks."""
    case, as_of, organs = lc.case, lc.as_of, dict(lc.organs)
    pol = policy or _policy(lc)
    s = case.supervision
    missing: list[MissingFact] = []
    sup, sub = organs[case.supervising_organ], organs[case.supervised_organ]
    base = {"as_of": as_of.toordinal()}

    # ---- stage 0: applicability (第二条、第三条、第三十五条)
    action = case.enforcement_action
    region = (action.region if action and action.region else None) or sub.region
    started = s.started_on or min(
        [d for d in (*(x.found_on for x in s.situations), s.suggestion_letter and s.suggestion_letter.issued_on) if d],
        default=None,
    )
    if started is None and (s.situations or s.suggestion_letter):
        missing.append(MissingFact("supervision.started_on", "第三十五条", "无法判断监督程序的启动日期，不能确定是否适用本办法。"))
    case_fact = _put(
        {"kind": "case", **base, "refs": [case.case_id], "region": region, "region_prefecture": region[:4] + "00"},
        vertical=sub.vertically_managed,
        special=case.special_supervision.value if case.special_supervision else "",
        started=_ord(started),
        activity=action.kind.value if action else None,
    )
    if action:
        case_fact["refs"] = [case.case_id, action.id]
    rel, via = relation_between(sup, sub, organs)
    relation_fact = _put(
        {"kind": "relation", **base, "refs": [sup.id, sub.id], "relation": rel},
        via=via,
        supervisor_kind=sup.kind.value,
        supervised_kind=sub.kind.value,
        supervisor_name=sup.name,
        supervised_name=sub.name,
    )
    stage0 = (case_fact, relation_fact)

    # ---- stage 1: the procedure (第二十六条至第二十八条)
    stage1: list[dict[str, Any]] = []
    letter, obj, ans = s.suggestion_letter, s.objection, s.review_answer
    rect, dec, exe = s.rectification_report, s.decision_letter, s.execution_report

    def due(start: date, days: int, field: str) -> int:
        return _periods.due_date(start, days, pol, field=field).toordinal()

    def act(rec: Any, field: str = "submitted_on") -> int | None:
        if rec is None:
            return None
        return _ord(_periods.effective_act_date(getattr(rec, field), getattr(rec, "posted_on", None), pol))

    for sit in s.situations:
        stage1.append(
            _put(
                {"kind": "situation", **base, "refs": [situation_id(sit)], "item": sit.item, "confirmed": sit.confirmed},
                letter=_ord(letter.issued_on) if letter else None,
            )
        )
        if letter:
            stage1[-1]["refs"].append(letter.id)

    window_due = None
    if letter and letter.received_on is None:
        missing.append(
            MissingFact(
                "supervision.suggestion_letter.received_on",
                "第二十七条",
                "缺少被监督机关收到《行政执法监督建议书》的日期，无法计算申请复查和整改的期限。",
            )
        )
    if letter and letter.received_on:
        received = letter.received_on
        window_due = due(received, art_027.OBJECTION_DAYS, "supervision.suggestion_letter.received_on")
        stage1.append(
            _put(
                {"kind": "objection", **base, "refs": [letter.id], "received": received.toordinal(), "window_due": window_due},
                filed=act(obj, "filed_on"),
            )
        )
        if obj:
            stage1[-1]["refs"].append(obj.id)
        rect_fact = _put(
            {
                "kind": "rectification",
                **base,
                "refs": [letter.id],
                "letter_received": received.toordinal(),
                "letter_due": due(received, art_027.RECTIFICATION_DAYS, "supervision.suggestion_letter.received_on"),
                "window_due": window_due,
            },
            filed=act(obj, "filed_on"),
            upheld=ans.objection_upheld if ans else None,
            answer_received=_ord(ans.received_on) if ans else None,
            answer_due=(
                due(ans.received_on, art_027.RECTIFICATION_DAYS, "supervision.review_answer.received_on")
                if ans and ans.received_on
                else None
            ),
            done=act(rect),
            decision_issued=_ord(dec.issued_on) if dec else None,
        )
        for rec in (obj, ans, rect, dec):
            if rec is not None:
                rect_fact["refs"].append(rec.id or "supervision.rectification_report")
        stage1.append(rect_fact)
        if ans and ans.received_on is None and not ans.objection_upheld:
            missing.append(
                MissingFact(
                    "supervision.review_answer.received_on",
                    "第二十七条第二款",
                    "缺少被监督机关收到复查答复的日期，无法计算经复查后的整改期限。",
                )
            )
    if obj:
        review = _put(
            {
                "kind": "review",
                **base,
                "refs": [obj.id],
                "received": obj.filed_on.toordinal(),
                "due": due(obj.filed_on, art_027.REVIEW_DAYS, "supervision.objection.filed_on"),
                "filed": act(obj, "filed_on"),
            },
            window_due=window_due,
            answered=_ord(ans.answered_on) if ans else None,
            upheld=ans.objection_upheld if ans else None,
            decision_issued=_ord(dec.issued_on) if dec else None,
        )
        for rec in (ans, dec):
            if rec is not None:
                review["refs"].append(rec.id)
        stage1.append(review)
    if dec and dec.received_on is None:
        missing.append(
            MissingFact(
                "supervision.decision_letter.received_on",
                "第二十八条第二款",
                "缺少被监督机关收到《行政执法监督决定书》的日期，无法计算执行情况报告的期限。",
            )
        )
    if dec and dec.received_on:
        execution = _put(
            {
                "kind": "execution",
                **base,
                "refs": [dec.id],
                "received": dec.received_on.toordinal(),
                "due": due(dec.received_on, art_028.EXECUTION_REPORT_DAYS, "supervision.decision_letter.received_on"),
            },
            done=act(exe),
        )
        if exe:
            execution["refs"].append(exe.id or "supervision.execution_report")
        stage1.append(execution)
    return Derived(stages=(stage0, tuple(stage1)), missing=tuple(missing), policy=pol)
