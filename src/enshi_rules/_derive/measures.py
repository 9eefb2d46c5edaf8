"""Engine facts for the optional sections of a case (``facts/measures.py``).

Like :mod:`enshi_rules._derive.supervision`, this module computes and never decides: it counts supervisors,
finds the common superior of two organs in the tree, dates a year, and puts on one fact everything
a rule compares. Every fact has a ``kind``, an ``as_of`` and ordinal dates. A fact about an organ
other than the case's two, or about a person, carries ``subject_name`` / ``subject_id`` (the
finding's subject).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .._engine.rulebook import zh_date
from ..facts import LoadedCase
from ..facts.measures import Liability, Misconduct
from ..facts.organs import OrganKind
from ..rules import art_024, art_031, art_032, art_035
from ..rules.competence import common_superiors, referral_counts_for
from .common import MissingFact, put

__all__ = ["annual_facts", "conduct_facts", "procedure_facts"]


def _ord(d: date | None) -> int | None:
    return None if d is None else d.toordinal()


def _person(rec: Liability | Misconduct, default_organ: str, lc: LoadedCase) -> tuple[str, str]:
    """The finding's subject: the named person and role, or the role of persons the record does not
    name (其他直接责任人员（姓名未记录，2人）)."""
    o = lc.organs[rec.organ or default_organ]
    if rec.person is None:
        counted = f"，{rec.count}人" if rec.count else ""
        return f"{o.name}{rec.role.value}（姓名未记录{counted}）", o.id
    counted = f"等{rec.count}人" if rec.count and rec.count > 1 else ""
    return f"{o.name}{rec.person}{counted}（{rec.role.value}）", o.id


def _who(name: str | None, count: int | None = None) -> str:
    """A person as a message names them: the name, or 姓名未记录的（2名）人员."""
    if name is None:
        return f"姓名未记录的{count}名人员" if count else "姓名未记录的人员"
    return f"{name}等{count}人" if count and count > 1 else name


def inspection_name(ins: Any, i: int) -> str:
    """One inspection as a legal officer names it: 2026年9月8日的现场监督（JC-1）. Its date, whether on site,
    and its id; an id the case does not give (the default) by its place in the list, counted from 1."""
    when = zh_date(ins.conducted_on) if ins.conducted_on is not None else "日期未记录"
    label = ins.id if ins.id != "inspection" else f"第{i + 1}条记录"
    if ins.on_site is None:
        return f"{when}的监督活动（{label}，记录未载明是否现场）"
    what = "现场监督" if ins.on_site else "非现场监督"
    return f"{when}的{what}（{label}）"


def conduct_facts(lc: LoadedCase, base: dict[str, int]) -> tuple[list[dict[str, Any]], list[MissingFact]]:
    """Facts judged even when the supervising organ lacks competence (A03-5): disputes, inspections
    (on-site conduct), complaints, liabilities, misconduct, obstruction, clues. Inspections, complaints
    and clues dated before 2025-03-01 are left out (第三十五条, A35-1); a liability, a misconduct and an
    obstruction keep their date, which their articles judge (A32-7, A35-1)."""
    case, organs = lc.case, dict(lc.organs)
    out: list[dict[str, Any]] = []
    missing: list[MissingFact] = []
    before = art_035.COMMENCEMENT

    # 第六条第二款
    if case.dispute is not None:
        dp = case.dispute
        a, b = organs[dp.organs[0]], organs[dp.organs[1]]
        superiors = common_superiors(a, b, organs)
        fact = put(
            {
                "kind": "dispute", **base, "refs": [dp.id],
                "subject_name": f"{a.name}、{b.name}", "subject_id": f"{a.id},{b.id}",
                "negotiated": dp.negotiated, "agreed": dp.agreed,
            },
            referred_to=dp.referred_to,
            referred_to_name=organs[dp.referred_to].name if dp.referred_to else None,
            referred_on=_ord(dp.referred_on),
        )
        if superiors:
            fact.update(
                superior=superiors[0].id,
                superiors=[o.id for o in superiors],
                superiors_names="或".join(o.name for o in superiors),
                superiors_count=len(superiors),
            )
            if dp.referred_to:
                target = organs[dp.referred_to]
                acting_for = referral_counts_for(target, tuple(dp.organs), organs)  # 第五条第一款
                hit = next((o for o in superiors if o.id == acting_for.id), None)
                fact["referred_to_superior"] = hit is not None
                if hit is not None:
                    fact["referred_for_name"] = hit.name
                    fact["referred_via_justice"] = acting_for.id != target.id
        else:
            missing.append(
                MissingFact("dispute.organs", "第六条第二款", "机关名录中没有同时监督争议双方的上一级机关，无法判断应报请哪一机关协调。")
            )
        out.append(fact)

    # 第十七条、第二十三条、第二十四条
    for i, ins in enumerate(case.inspections):
        if ins.conducted_on is not None and ins.conducted_on < before:
            continue
        if ins.on_site is not False and not ins.supervisors:
            # no supervisors recorded is not "no supervisors": the count is unknown (第二十四条第（一）项)
            missing.append(
                MissingFact(f"inspections[{i}].supervisors", "第二十四条第（一）项", "现场监督没有列明参加的监督人员，无法判断人数是否不少于两人、是否出示证件。")
            )
        known = bool(ins.supervisors) or ins.on_site is False
        # who counts is 第二十四条's decision (A24-1, A24-2): derivation only counts
        acting = [p for p in ins.supervisors if art_024.takes_part(p)]
        uncertified = [p.name for p in ins.supervisors if art_024.showed_no_certificate(p)]
        stayed = [p.name for p in ins.supervisors if art_024.stayed_with_interest(p)]
        withdrew = [p.name for p in ins.supervisors if art_024.withdrew_for_interest(p)]
        if ins.on_site is None and ins.supervisors and art_024.site_decides(len(acting), len(uncertified)):
            # whether the activity was on site decides whether 第二十四条第（一）项 applies (A24-4)
            missing.append(
                MissingFact(f"inspections[{i}].on_site", "第二十四条第（一）项",
                            f"{inspection_name(ins, i)}：记录未载明是否为现场行政执法监督活动，无法确定第二十四条第（一）项（出示证件、不得少于两人）是否适用。")
            )
        out.append(
            put(
                {
                    "kind": "inspection", **base, "refs": [ins.id],
                    "on_site": ins.on_site is True, "site_unknown": ins.on_site is None,
                    "record": inspection_name(ins, i),
                    "listed": len(ins.supervisors),
                    "uncertified_names": uncertified,
                    "conflicted": len(stayed), "conflicted_names": stayed,
                    "withdrew": len(withdrew), "withdrew_names": withdrew,
                    "confidential": [c.value for c in ins.confidential],
                    "confidential_count": len(ins.confidential),
                    "breached": ins.confidentiality_breached,
                },
                conducted=_ord(ins.conducted_on),
                acting=len(acting) if known else None,
                uncertified=len(uncertified) if known else None,
            )
        )
        for item in ins.measures:
            out.append({"kind": "measure", **base, "refs": [ins.id], "item": item, "record": inspection_name(ins, i)})

    # 第十条第二款
    for c in case.complaints:
        if c.received_on < before:
            continue
        out.append(
            put(
                {
                    "kind": "complaint", **base, "refs": [c.id], "complainant": c.complainant.value,
                    "complaint_kind": c.kind, "received": c.received_on.toordinal(),
                },
                handled=_ord(c.handled_on),
            )
        )

    out2, missing2 = _conduct_rest(lc, base)
    return out + out2, missing + missing2


def procedure_facts(
    lc: LoadedCase, base: dict[str, int], *, trade_only: bool = False
) -> tuple[list[dict[str, Any]], list[MissingFact]]:
    """Facts that rest on the supervision relation (halted without competence, A03-5): 第二十二条,
    第十二条至第十四条 (mapped onto 第二十六条), 第二十一条、第二十九条、第三十条."""
    case = lc.case
    out: list[dict[str, Any]] = []
    missing: list[MissingFact] = []
    s = case.supervision

    # 第二十二条
    for md in case.major_decisions:
        out.append(
            put(
                {"kind": "major_decision", **base, "refs": [md.id]},
                made=_ord(md.made_on),
                filed=_ord(md.filed_on),
                reviewed=_ord(md.reviewed_on),
                result=md.review_result.value if md.review_result else None,
            )
        )

    # 第十二条至第十四条 (each maps to a 第二十六条 item; the rules say which)
    letter = s.suggestion_letter
    for df in s.deficiencies:
        did = df.ref
        out.append(
            put(
                {
                    "kind": "deficiency", **base, "refs": [did], "article": df.article, "item": df.item,
                    "confirmed": df.confirmed, "description": df.description,
                },
                provision=df.provision or None,
                found=_ord(df.found_on),
                letter=_ord(letter.issued_on) if letter else None,
                letter_id=letter.id if letter else None,
            )
        )

    # 第二十一条、第二十九条、第三十条: the supervision's follow-up, one fact
    confirmed = [x.ref for x in s.situations if x.confirmed]
    confirmed += [d.ref for d in s.deficiencies if d.confirmed]
    # a department's 行业监督 has no decision letter or interview of its own (A05-6: judged by 第五条)
    dec = None if trade_only else s.decision_letter
    interviewed = None if trade_only else s.head_interviewed_on
    if confirmed or letter or dec or s.special_source or s.circulated_on or interviewed or s.serious_impact:
        out.append(
            put(
                {
                    "kind": "followup", **base, "refs": sorted(confirmed) or [case.case_id],
                    "confirmed": len(confirmed),
                },
                # not recorded is not "no": absent, so that an explanation says 未记录 (第二十九条第二款)
                serious=s.serious_impact if "serious_impact" in s.model_fields_set else None,
                letter=_ord(letter.issued_on) if letter else None,
                decision=_ord(dec.issued_on) if dec else None,
                source=s.special_source.value if s.special_source else None,
                circulated=_ord(s.circulated_on),
                interviewed=_ord(interviewed),
                no_decision_power=True if trade_only else None,
            )
        )
    return out, missing


def _conduct_rest(lc: LoadedCase, base: dict[str, int]) -> tuple[list[dict[str, Any]], list[MissingFact]]:
    case = lc.case
    out: list[dict[str, Any]] = []
    missing: list[MissingFact] = []
    before = art_035.COMMENCEMENT

    # 第三十二条
    for lb in case.liabilities:
        name, oid = _person(lb, case.supervised_organ, lc)
        t = lb.tolerance
        acted = {} if lb.acted_on is None else {"acted": _ord(lb.acted_on)}
        out.append(
            {
                **acted,
                "kind": "liability", **base, "refs": [lb.id], "subject_name": name, "subject_id": oid,
                "person": _who(lb.person, lb.count), "role": lb.role.value, "item": lb.behaviour,
                "confirmed": lb.confirmed, "crime": lb.suspected_crime, "description": lb.description,
                "claimed": t is not None,
                # a condition not established (null) is as good as absent: 容错 needs each one shown
                "lawful": bool(t and t.lawful_performance),
                "objective": bool(t and t.objective_cause),
                "performed": bool(t and t.duties_performed),
                "disproved": [
                    k for k in ("lawful_performance", "objective_cause", "duties_performed")
                    if t is not None and getattr(t, k) is False
                ],
                "unknown": [
                    k for k in ("lawful_performance", "objective_cause", "duties_performed")
                    if t is not None and getattr(t, k) is None
                ],
            }
        )
        # 容错 claimed for a behaviour it can cover, no condition disproved, one not recorded: whether
        # it holds turns on that fact (A32-2); the rule says so, and the record lacks it
        if (t is not None and lb.confirmed and not lb.suspected_crime and lb.behaviour in art_032.TOLERABLE
                and not any(getattr(t, k) is False for k in art_032.CONDITION_FIELDS)):
            i = case.liabilities.index(lb)
            for k in art_032.CONDITION_FIELDS:
                if getattr(t, k) is None:
                    missing.append(MissingFact(
                        f"liabilities[{i}].tolerance.{k}", "第三十二条第二款",
                        f"记录“{lb.id}”主张容错，但未记录是否{art_032.CONDITION_WORDS[k]}；该条件未查明，容错是否成立不能确定，"
                        "是否予以容错须查明后由有权机关按照有关规定和程序决定（A32-2）。",
                    ))

    # 第三十三条
    for mc in case.conduct:
        name, oid = _person(mc, case.supervising_organ, lc)
        acted = {} if mc.acted_on is None else {"acted": _ord(mc.acted_on)}
        out.append(
            {
                **acted,
                "kind": "misconduct", **base, "refs": [mc.id], "subject_name": name, "subject_id": oid,
                "behaviour": mc.behaviour.value, "confirmed": mc.confirmed, "crime": mc.suspected_crime,
                "description": mc.description,
            }
        )

    # 第二十五条、第三十四条
    # every record, with its date: an obstruction before 2025-03-01 is not judged under 第二十五条
    # (A35-1) and is a note of 第三十四条 (A32-7); each article says so in its own rules
    for ob in case.obstructions:
        fact = {
            "kind": "obstruction", **base, "refs": [ob.id], "party": ob.party.value, "actor": ob.actor,
            "conduct": ob.conduct.value, "confirmed": ob.confirmed,
        }
        if ob.party.value == "其他单位和个人":
            fact.update(subject_name=ob.actor, subject_id=ob.actor)
        out.append(put(fact, acted=_ord(ob.acted_on)))
    # 第二十五条第一款 supports 第三十二条第一款第（四）项 for the persons responsible: name them (A25-4)
    charged = any(lb.behaviour == 4 for lb in case.liabilities)
    for i, ob in enumerate(case.obstructions):
        if ob.confirmed and ob.party.value == "被监督机关" and not charged:
            missing.append(
                MissingFact(
                    "liabilities",
                    "第三十二条第一款第（四）项",
                    f"被监督机关{ob.actor}{ob.conduct.value}经查属实（阻挠监督记录第{i + 1}条），应当在责任追究记录中记录对此直接负责的主管人员和其他直接责任人员"
                    "（行为为第三十二条第一款第（四）项：不配合、不接受行政执法监督或者弄虚作假），才能认定其责任（A25-4）。",
                )
            )

    # 第三十一条
    for i, cl in enumerate(case.clues):
        if cl.found_on is not None and cl.found_on < before:
            continue
        # a clue recorded without its kind or the day it was found: missing facts, not a refusal
        if cl.kind is None:
            missing.append(
                MissingFact(f"clues[{i}].kind", "第三十一条", "线索没有记录涉嫌的违纪违法类别（违纪、贪污贿赂、失职渎职、其他职务违法犯罪）。")
            )
        if cl.found_on is None:
            missing.append(
                MissingFact(
                    f"clues[{i}].found_on",
                    "第三十一条、第三十五条",
                    "线索没有记录发现日期，不能确定是否在本办法施行（2025年3月1日）之后发现；按施行后发现判断。",
                )
            )
        # whether the recipient is a 监察机关 is 第三十一条's decision (A31-2)
        proper = art_031.transfer_to_commission(cl.transferred_to_kind, cl.transferred_to)
        if proper is None:
            if cl.transferred_on is not None:
                missing.append(
                    MissingFact(
                        f"clues[{i}].transferred_to_kind",
                        "第三十一条",
                        f"线索移送给“{cl.transferred_to}”，但没有写明该机关的类别（监察委员会、纪律检查委员会、纪检监察机关或其他），无法判断是否移送监察机关。",
                    )
                )
        out.append(
            put(
                {
                    "kind": "clue", **base, "refs": [cl.id], "person": _who(cl.person),
                    "clue_kind": cl.kind.value if cl.kind else "违纪违法（类别未记录）", "transferred_to": cl.transferred_to,
                },
                found=_ord(cl.found_on),
                transferred=_ord(cl.transferred_on),
                to_commission=proper,
                recipient_kind=cl.transferred_to_kind.value if cl.transferred_to_kind else None,
            )
        )

    return out, missing


def annual_facts(lc: LoadedCase, base: dict[str, Any]) -> list[dict[str, Any]]:
    """第十五条、第十八条、第十九条: one fact per organ and year.

    These duties belong to an organ and a year, not to the supervision matter of the case: they are
    judged even when the matter is outside the measures or its supervisor lacks competence (A15-4).
    """
    case, organs = lc.case, lc.organs
    out: list[dict[str, Any]] = []
    by_organ_year = {(a.organ, a.year): a for a in case.annual_duties}

    def earlier_list(organ: str, year: int) -> tuple[int | None, int | None]:
        """The earliest 权责清单 an earlier year's record of ``organ`` dates, and that year (A15-2)."""
        dated = sorted(
            (x.responsibility_list_on, x.year) for x in case.annual_duties
            if x.organ == organ and x.year < year and isinstance(x.responsibility_list_on, date)
        )
        return (dated[0][0].toordinal(), dated[0][1]) if dated else (None, None)

    for a in case.annual_duties:
        o = organs[a.organ]
        # a government's record: its 司法行政部门's record of the same year, a look-up for the rules of
        # 第十五、十八、十九条, which decide what it counts for (第五条第一款, A15-5)
        justice = None
        if o.kind is OrganKind.GOVERNMENT:
            justice = next(
                (by_organ_year[(j.id, a.year)] for j in organs.values()
                 if j.kind is OrganKind.JUSTICE and j.parent == o.id and (j.id, a.year) in by_organ_year),
                None,
            )
        delegate: dict[str, Any] = {}
        if justice is not None:
            delegate = {
                "by_justice": organs[justice.organ].name,
                "justice_reviews": len(justice.case_file_reviews),
                "justice_assessments": len(justice.assessments),
                "justice_internal": sum(1 for x in justice.assessments if x.internal),
                "justice_external": sum(1 for x in justice.assessments if x.external),
                "justice_list_on": _ord(justice.responsibility_list_on),
                "justice_plan_on": _ord(justice.annual_plan_on),
                "justice_list_unrecorded": True if not justice.list_recorded else None,
            }
        # a list made in an earlier year stays made (A15-2): the earliest dated in the organ's own
        # records of earlier years, else its 司法行政部门's (A15-5)
        before_on, before_year = earlier_list(a.organ, a.year)
        if before_on is None and justice is not None:
            before_on, before_year = earlier_list(justice.organ, a.year)
        out.append(
            put(
                {
                    "kind": "annual", **base, "refs": [f"{a.organ}@{a.year}"],
                    "subject_name": o.name, "subject_id": o.id, "organ_kind": o.kind.value,
                    "year": a.year,
                    "year_start": date(a.year, 1, 1).toordinal(), "year_end": date(a.year, 12, 31).toordinal(),
                    "reviews": len(a.case_file_reviews), "assessments": len(a.assessments),
                    "internal": sum(1 for x in a.assessments if x.internal),
                    "external": sum(1 for x in a.assessments if x.external),
                    "special": sum(1 for x in a.assessments if x.scope.value == "专项"),
                },
                list_on=_ord(a.responsibility_list_on),
                plan_on=_ord(a.annual_plan_on),
                earlier_list_on=before_on,
                earlier_list_year=before_year,
                list_unrecorded=True if not a.list_recorded else None,
                **delegate,
            )
        )

    return out
