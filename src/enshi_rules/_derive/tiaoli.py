"""The facts the rules of 《行政执法监督条例》 match (``rules/tiaoli``), computed from a validated case.

Like ``_derive`` this module computes and does not decide: it names the organs, their kinds and
levels, the government a supervising organ acts for, whether the supervised organ lies in that
government's area, the dated steps of the matter, whether a problem was found (a situation
recorded as confirmed) and whether the case says it was passed on. Whether the 条例 reaches the
matter and what follows is decided by the rules (``tl_002`` and the others).

These facts go through the engine's ``always`` gate: the measures excluding a matter (第二条第二款,
a vertically managed body) or halting it does not stop the higher law from speaking to it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..facts import LoadedCase, Organ, OrganKind
from ..rules.tiaoli import tl_002

__all__ = ["tiaoli_facts"]


def tiaoli_facts(lc: LoadedCase, steps: list[int], relation: str, base: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    """The ``tiaoli_matter`` fact and one ``tiaoli_misconduct`` fact per misconduct record; nothing
    for a matter without a dated step or a 专门监督 (第二条第二款 of the measures: 行政复议、监察、审计、
    备案审查 are governed by their own laws, not by the 条例's internal supervision; T-1)."""
    case = lc.case
    # the last year of annual duties (第十五条、第十八条、第十九条) recorded: a year the 条例 is in force
    # in reaches the duties of that year, whatever the procedure (T-10)
    annual = max((a.year for a in case.annual_duties), default=None)
    annual_reached = annual is not None and date(annual, 12, 31) >= tl_002.IN_FORCE
    if (not steps and not annual_reached) or case.special_supervision is not None:
        return ()
    organs: dict[str, Organ] = dict(lc.organs)
    sup, sub = organs[case.supervising_organ], organs[case.supervised_organ]
    gov = tl_002.government_acting(sup, organs)
    s = case.supervision
    confirmed = [x.confirmed for x in s.situations]
    matter: dict[str, Any] = {
        "kind": "tiaoli_matter", **base, "refs": [case.case_id],
        "relation": relation,
        "supervisor_name": sup.name, "supervised_name": sub.name,
        "supervisor_kind": sup.kind.value, "supervised_kind": sub.kind.value,
        "supervisor_level": sup.level.value, "supervised_level": sub.level.value,
        "vertical": sub.vertically_managed,
        "by_government": gov is not None,
        "own_body": sup.kind in (OrganKind.DEPARTMENT, OrganKind.JUSTICE) and sub.parent == sup.id,
        "acting_for_government": gov is not None and gov.id != sup.id,
        "government_over_area": gov is not None and tl_002.in_area(gov, sub),
        "problems_found": any(c is True for c in confirmed),
    }
    if steps:
        matter.update(first_step=min(steps), last_step=max(steps))
    if annual_reached:
        matter["annual_last_year"] = annual
    if gov is not None:
        matter["government_name"] = gov.name
    if s.superior_informed is not None:
        matter["superior_informed"] = s.superior_informed
    out = [matter]
    for mc in case.conduct if steps else ():
        organ = organs.get(mc.organ or case.supervising_organ, sup)
        out.append(
            {
                "kind": "tiaoli_misconduct", **base, "refs": [mc.id], "last_step": max(steps),
                "person": mc.person, "organ_name": organ.name, "organ_is_justice": organ.kind is OrganKind.JUSTICE,
                "behaviour": mc.behaviour.value, "confirmed": mc.confirmed, "crime": mc.suspected_crime,
            }
        )
    return tuple(out)
