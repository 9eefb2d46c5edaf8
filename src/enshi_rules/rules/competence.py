"""Which supervision relation exists between two organs: the decisions of 第三条第一款, 第五条 and
第六条 (who is 行政执法监督机关 of whom), declared beside those articles' modules.

Each relation is a named test over the organ tree, citing the 款 that creates it and the register
entry (``data/interpretations.yaml``) that reads it. Derivation only looks the organs up and puts
the answer on the ``relation`` fact; the rules of 第三、五、六条 report it; ``enshi_rules.jurisdiction``
answers "who may supervise whom" from the same tests, so its answers and the findings of an
evaluation never disagree.

The interpretive choices here are registered for legal review as A03-1, A03-3, A03-6, A05-1, A05-2,
A05-3, A05-5, A05-6, A06-1, A06-2, A06-3 in ``data/interpretations.yaml``.
"""

from __future__ import annotations

from ..facts import Organ, OrganKind, OrganLevel
from ..facts.organs import ancestors, government_of

__all__ = [
    "ARTICLE_3_RELATIONS",
    "BEYOND_ARTICLE_3",
    "common_superiors",
    "designation_basis",
    "referral_counts_for",
    "relation_between",
    "supervises_through",
    "system_may_head",
    "trade_unknown",
]

Organs = dict[str, Organ]

_DEPARTMENT_KINDS = (OrganKind.DEPARTMENT, OrganKind.JUSTICE)
_DISPATCHED_KINDS = (OrganKind.DISPATCHED_ORGAN, OrganKind.DISPATCHED_AGENCY)
#: Organs that may belong to a department's system (本系统).
_SYSTEM_MEMBER_KINDS = (OrganKind.DEPARTMENT, OrganKind.JUSTICE, OrganKind.LEGAL_OFFICE, OrganKind.DISPATCHED_AGENCY, OrganKind.OTHER)
_TOWNSHIP_LEVELS = (OrganLevel.TOWNSHIP, OrganLevel.STREET)

#: The relations of 第三条第一款 itself (not those borrowed by a 司法局 or 法制机构, nor 第五条第三款's).
ARTICLE_3_RELATIONS = ("upper_government", "own_department", "own_dispatched", "own_system")
#: Relations that 第五条 and 第六条 add to those of 第三条第一款 (their notes cite those articles).
BEYOND_ARTICLE_3 = ("township_county", "township_trade", "office_for_department", "designated", "upper_supervisor")


# ---------------------------------------------------------------- 第三条第一款
# 本办法所称行政执法监督，是指上级人民政府对下级人民政府，州、县（市）人民政府对其工作部门或者派出机关和派出机构，
# 州、县（市）人民政府工作部门对本系统行政执法活动的监督管理。


def upper_government(sup: Organ, sub: Organ, organs: Organs) -> bool:
    """上级人民政府对下级人民政府: a government above another in the tree."""
    return sup.kind is OrganKind.GOVERNMENT and sub.kind is OrganKind.GOVERNMENT and sup.id in ancestors(sub, organs)


def own_department(sup: Organ, sub: Organ) -> bool:
    """人民政府对其工作部门."""
    return sup.kind is OrganKind.GOVERNMENT and sub.parent == sup.id and sub.kind in _DEPARTMENT_KINDS


def own_dispatched(sup: Organ, sub: Organ) -> bool:
    """人民政府对其派出机关和派出机构."""
    return sup.kind is OrganKind.GOVERNMENT and sub.parent == sup.id and sub.kind in _DISPATCHED_KINDS


def _above_in_line(sup: Organ, sub: Organ, organs: Organs) -> bool:
    """``sup`` above ``sub``, or its government above ``sub``'s (a county bureau under a prefecture one)."""
    sup_gov, sub_gov = government_of(sup, organs), government_of(sub, organs)
    return sup.id in ancestors(sub, organs) or (
        sup_gov is not None and sub_gov is not None and sup_gov.id in ancestors(sub_gov, organs)
    )


def own_system(sup: Organ, sub: Organ, organs: Organs) -> bool:
    """工作部门对本系统: a department over an organ of the same system at or below its level (A03-3)."""
    return sup.kind in _DEPARTMENT_KINDS and bool(sup.system) and sub.system == sup.system and _above_in_line(sup, sub, organs)


def system_may_head(sup: Organ, sub: Organ, organs: Organs) -> bool:
    """A department above the supervised organ whose system (or the other's) is not recorded may head
    its system: the relation turns on a fact the case lacks (A03-6)."""
    return (
        sup.kind in _DEPARTMENT_KINDS
        and (not sup.system or not sub.system)
        and sub.kind in _SYSTEM_MEMBER_KINDS
        and _above_in_line(sup, sub, organs)
    )


# ---------------------------------------------------------------- 第五条
# 第一款: 司法行政部门作为同级人民政府的行政执法监督机构，承担本级人民政府行政执法监督具体工作 (A03-1).
# 第二款: 工作部门……其法制机构或者其他指定机构承担本系统行政执法监督具体工作.
# 第三款: 乡（镇）人民政府、街道办事处的综合行政执法工作受所在地县（市）人民政府监督，同时接受相关职能部门的
#         行业监督和业务指导 (A05-1, A05-2).
# 第四款: 司法所 assists; it never supervises in its own name (A05-3).


def township_county(sup: Organ, sub: Organ, organs: Organs) -> bool:
    """所在地县（市）人民政府 over the 综合行政执法 of a 乡（镇）or 街道 below it in the tree (A05-1)."""
    return (
        sup.kind is OrganKind.GOVERNMENT
        and sup.level is OrganLevel.COUNTY
        and sub.kind is OrganKind.TOWNSHIP_ENFORCEMENT
        and sub.level in _TOWNSHIP_LEVELS
        and sup.id in ancestors(sub, organs)
    )


def township_trade(sup: Organ, sub: Organ, organs: Organs, trade: str | None) -> bool:
    """相关职能部门的行业监督: a department of a government above the 乡（镇）or 街道 whose system is
    the trade of the enforcement (``trade``, else the organ's own system) (A05-2)."""
    line = trade or sub.system
    if not (sup.kind in _DEPARTMENT_KINDS and sup.system and sub.level in _TOWNSHIP_LEVELS and line == sup.system):
        return False
    sup_gov = government_of(sup, organs)
    return sup_gov is not None and sup_gov.id in ancestors(sub, organs)


def trade_unknown(sup: Organ, sub: Organ, trade: str | None) -> bool:
    """A department over a township whose enforcement's trade is not given: 行业监督 cannot be judged,
    and the supervisor is not found without competence (A05-5)."""
    return sup.kind in _DEPARTMENT_KINDS and bool(sup.system) and sub.level in _TOWNSHIP_LEVELS and not (trade or sub.system)


def relation_between(sup: Organ, sub: Organ, organs: Organs, *, trade: str | None = None) -> tuple[str, str | None]:
    """How ``sup`` stands to ``sub``, as one of the relations above, the first that holds.

    Returns ``(relation, via)``: ``upper_government``, ``own_department``, ``own_dispatched``,
    ``township_county``, ``township_trade``, ``office_for_department`` (a department's 法制机构 doing
    its department's work, 第五条第二款; ``via`` is the department's relation), ``own_system``,
    ``justice_for_government`` (a 司法局 doing its government's work, 第五条第一款 and A03-1; ``via``
    is the government's relation), or ``none``. A 司法所 never supervises (第五条第四款, A05-3).
    ``designated`` and ``upper_supervisor`` (第六条第一款) are not tree relations: see
    :func:`designation_basis` and :func:`supervises_through`.
    """
    if sup.kind is OrganKind.JUDICIAL_OFFICE:
        return "none", None
    if upper_government(sup, sub, organs):
        return "upper_government", None
    if own_department(sup, sub):
        return "own_department", None
    if own_dispatched(sup, sub):
        return "own_dispatched", None
    if township_county(sup, sub, organs):
        return "township_county", None
    if township_trade(sup, sub, organs, trade):
        return "township_trade", None
    if sup.kind is OrganKind.LEGAL_OFFICE and sup.parent and sup.parent in organs:
        dept = organs[sup.parent]
        if dept.kind in _DEPARTMENT_KINDS and dept.id != sub.id:
            via, _ = relation_between(dept, sub, organs, trade=trade)
            if via != "none":
                return "office_for_department", via
    if own_system(sup, sub, organs):
        return "own_system", None
    if sup.kind is OrganKind.JUSTICE and sup.parent and sup.parent in organs:
        gov = organs[sup.parent]
        if gov.kind is OrganKind.GOVERNMENT and gov.id != sub.id:
            via, _ = relation_between(gov, sub, organs, trade=trade)
            if via != "none":
                return "justice_for_government", via
    return "none", None


# ---------------------------------------------------------------- 第六条
# 第一款: 上级行政执法监督机关可以直接监督 (A06-1), 也可以指定 (A06-2: the designating organ must itself
#         supervise the organ).
# 第二款: 协商不成的，报请共同上一级行政执法监督机关协调处理 (A06-3).


def supervises_through(sup: Organ, sub: Organ, organs: Organs, *, trade: str | None = None) -> bool:
    """Whether ``sup`` supervises, directly or through a chain of organs each supervising the next,
    an organ that supervises ``sub`` (层级监督: 上级行政执法监督机关可以直接监督, A06-1)."""
    if sup.kind is OrganKind.JUDICIAL_OFFICE or sup.id == sub.id:
        return False
    frontier = [o for o in organs.values() if o.id != sub.id and relation_between(o, sub, organs, trade=trade)[0] != "none"]
    seen = {o.id for o in frontier} | {sub.id}
    while frontier:
        if any(o.id == sup.id for o in frontier):
            return True
        nxt = []
        for mid in frontier:
            for o in organs.values():
                if o.id not in seen and relation_between(o, mid, organs)[0] != "none":
                    seen.add(o.id)
                    nxt.append(o)
        frontier = nxt
    return False


def designation_basis(designator: Organ, sub: Organ, organs: Organs, *, trade: str | None = None) -> str:
    """Whether ``designator`` is a 上级行政执法监督机关 of ``sub`` (A06-2), and how: its own relation
    to ``sub`` when it has one; ``upper_supervisor`` when it supervises an organ that supervises
    ``sub``; else ``none``."""
    rel, _ = relation_between(designator, sub, organs, trade=trade)
    if rel != "none":
        return rel
    return "upper_supervisor" if supervises_through(designator, sub, organs, trade=trade) else "none"


def _supervises(sup: Organ, sub: Organ, organs: Organs) -> bool:
    """Whether ``sup`` supervises ``sub`` under 第三条 (a relation, or a chain of them: 第六条第一款)."""
    if sup.id == sub.id or sub.vertically_managed:
        return False
    return relation_between(sup, sub, organs)[0] != "none" or supervises_through(sup, sub, organs)


def common_superiors(a: Organ, b: Organ, organs: Organs) -> list[Organ]:
    """The 共同上一级行政执法监督机关 of two organs (A06-3): every organ that supervises both under
    第三条 and is the next level above them on a line of supervision.

    On the government line, the nearest organ above both in the tree (two departments of one
    government: that government; two county departments: 州人民政府), when it supervises both; on a
    line of its own (本系统), every organ with a 第三条第一款 relation of its own to each. The
    government line first, then by id. A 司法局 acting for its government is not listed for that
    (第五条第一款): the referral to it counts for the government (:func:`referral_counts_for`).
    """
    out: list[Organ] = []
    above_b = set(ancestors(b, organs))
    nearest = next((organs[o] for o in ancestors(a, organs) if o in above_b), None)
    if nearest is not None and _supervises(nearest, a, organs) and _supervises(nearest, b, organs):
        out.append(nearest)
    for x in sorted(organs.values(), key=lambda o: o.id):
        if x.id in (a.id, b.id) or any(x.id == o.id for o in out):
            continue
        if (
            relation_between(x, a, organs)[0] in ARTICLE_3_RELATIONS
            and relation_between(x, b, organs)[0] in ARTICLE_3_RELATIONS
        ):
            out.append(x)
    return out


def referral_counts_for(target: Organ, parties: tuple[str, ...], organs: Organs) -> Organ:
    """The organ a referral of a dispute to ``target`` counts for: a government's 司法局 takes it for
    its government (第五条第一款), unless it is itself a party (it cannot arbitrate its own dispute)."""
    if target.kind is OrganKind.JUSTICE and target.parent in organs and target.id not in parties:
        return organs[target.parent]
    return target
