"""From a validated case to the flat facts the engine matches.

This module computes, it does not decide: it turns dates into ordinal day numbers, computes the
last day of each period with :mod:`enshi_rules._periods.counting` (the period lengths come from the article
modules), looks organs up in the tree (which relation they stand in is decided in
``rules/competence.py``, who counts and what counts as a transfer in the article modules), and names
the facts a computation needs but the case lacks. Whether a period applies, whether it was met, and what follows are
decided by the rules.

Facts come by gate (``_engine.evaluate_facts``): the scope (``case``: 第二条、第三十五条、第三条第二款),
the competence (``relation``: 第三条第一款、第五条、第六条第一款), the procedure (第二十一、二十二条,
第二十六条至第三十条; skipped when the organ has no competence or the matter is excluded) and the
conduct (judged even without competence, not when the matter is excluded), each computed only when
it is asserted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .._engine.kinds import check_instance
from .._periods import counting as _periods
from .._periods.counting import DayCounting, PeriodPolicy
from ..facts import LoadedCase, Organ, OrganKind, OrganLevel
from ..facts.organs import PREFECTURE_CODE, ancestors
from ..rules import art_005, art_012, art_013, art_014, art_027, art_028, art_035
from ..rules.competence import (
    designation_basis,
    relation_between,
    supervises_through,
    system_may_head,
    trade_unknown,
)
from .common import MissingFact, calendar_gap, put
from .measures import annual_facts, conduct_facts, procedure_facts
from ..rules.tiaoli import tl_002

__all__ = ["Derived", "MissingFact", "derive", "policy_of"]


@dataclass(frozen=True)
class Derived:
    """The facts of a case by gate (``_engine.evaluate_facts``): the scope and the competence at
    once; the procedure and the conduct on first use."""

    scope: tuple[dict[str, Any], ...]  # 第二条、第三十五条、第三条第二款: the ``case`` fact
    competence: tuple[dict[str, Any], ...]  # 第三条第一款、第五条、第六条第一款: the ``relation`` fact
    missing_before: tuple[MissingFact, ...]  # what the scope and competence lack
    policy: PeriodPolicy
    #: every period computed, by (start, days): its last day and the calendars it depended on ([P9])
    periods: dict[tuple[date, int], _periods.PeriodEnd]
    #: Duties of an organ for a year (第十五、十八、十九条): not part of the matter, never gated by it.
    organ_level: tuple[dict[str, Any], ...]
    #: The facts of 《行政执法监督条例》 (``_derive.tiaoli``): the measures' exclusion or halt does not
    #: gate the higher law.
    higher_law: tuple[dict[str, Any], ...]
    _procedure: Callable[[], tuple[tuple[dict[str, Any], ...], tuple[MissingFact, ...]]]
    _conduct: Callable[[], tuple[tuple[dict[str, Any], ...], tuple[MissingFact, ...]]]

    @property
    def procedure(self) -> tuple[tuple[dict[str, Any], ...], tuple[MissingFact, ...]]:
        """第二十六条至第三十条 and what rests on the supervision relation (halted without competence)."""
        return self._once("procedure", self._procedure)

    @property
    def conduct(self) -> tuple[tuple[dict[str, Any], ...], tuple[MissingFact, ...]]:
        """Conduct judged even when the procedure is halted (第十条第二款、第二十四条、第二十五条、
        第三十一条至第三十四条, 第六条第二款 disputes)."""
        return self._once("conduct", self._conduct)

    def _once(self, name: str, compute: Callable[[], Any]) -> Any:
        # Computed on first use, kept in the instance. Not functools.cached_property: on Python
        # 3.11 it holds one lock for all instances while computing, and a child forked at that
        # moment inherits it held by a thread that does not exist there (it waits forever).
        done = self.__dict__.get(name)
        if done is None:
            done = self.__dict__[name] = compute()
        return done

    @property
    def stage0(self) -> tuple[dict[str, Any], ...]:
        return self.scope + self.competence

    @property
    def stages(self) -> tuple[tuple[dict[str, Any], ...], ...]:
        """Every fact, in gate order (all computed now): scope, competence, procedure, conduct,
        organ-level."""
        return (self.scope, self.competence, self.procedure[0], self.conduct[0], self.organ_level + self.higher_law)

    @property
    def missing(self) -> tuple[MissingFact, ...]:
        """Everything the case lacks (computes every stage)."""
        return self.missing_before + self.procedure[1] + self.conduct[1]

    def missing_computed(self) -> tuple[MissingFact, ...]:
        """What the case lacks among the stages actually computed (a stage skipped is not asked)."""
        out = self.missing_before
        for name in ("procedure", "conduct"):
            done = self.__dict__.get(name)
            out += done[1] if done else ()
        return out


def dated_steps(lc: LoadedCase) -> list[int]:
    """The ordinal dates of the steps taken and acts done in the matter (第三十五条, 程序从新).

    Discovery dates (a situation's or deficiency's ``found_on``, a clue's ``found_on``) are not steps:
    第二十六条 has the organ 发现 a situation and then start the procedure.
    """
    c, s = lc.case, lc.case.supervision
    dates = [s.started_on, s.circulated_on, s.head_interviewed_on]
    for x in s.situations:
        dates.append(x.confirmed_on)
    if s.suggestion_letter:
        dates += [s.suggestion_letter.issued_on, s.suggestion_letter.received_on]
    if s.objection:
        dates.append(s.objection.filed_on)
    if s.review_answer:
        dates += [s.review_answer.answered_on, s.review_answer.received_on]
    if s.rectification_report:
        dates.append(s.rectification_report.submitted_on)
    if s.decision_letter:
        dates += [s.decision_letter.issued_on, s.decision_letter.received_on]
    if s.execution_report:
        dates.append(s.execution_report.submitted_on)
    dates += [i.conducted_on for i in c.inspections]
    dates += [x.handled_on for x in c.complaints]
    dates += [x.transferred_on for x in c.clues]
    dates += [x.acted_on for x in c.obstructions]
    if c.dispute is not None:
        dates.append(c.dispute.referred_on)
    return [d.toordinal() for d in dates if d is not None]


_ZH_ARTICLE = {12: "十二", 13: "十三", 14: "十四"}
_ZH_ITEMS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一")


def amounts_to(article: int, item: int) -> int | None:
    """The 第二十六条 item a deficiency under 第十二条至第十四条 amounts to (the articles' own tables)."""
    items = {12: art_012.ITEMS, 13: art_013.ITEMS, 14: art_014.ITEMS}[article]
    entry = items.get(item)
    return entry[2] if entry else None


def _ord(d: date | None) -> int | None:
    return None if d is None else d.toordinal()


def _instances(facts: list[dict[str, Any]], stage: str) -> tuple[dict[str, Any], ...]:
    """Derivation produces instances of the declared kinds (``rules/kinds.py``) and nothing else."""
    for f in facts:
        check_instance(f, f"derivation ({stage})")
    return tuple(facts)


def _relation(sup: Organ, sub: Organ, organs: dict[str, Organ], trade: str | None) -> tuple[str, str | None]:
    rel, via = relation_between(sup, sub, organs, trade=trade)
    if rel == "none" and supervises_through(sup, sub, organs, trade=trade):
        rel = "upper_supervisor"  # 第六条第一款: 上级行政执法监督机关直接监督
    return rel, via


#: How organs stand to each other, by registry: the case's own organs (over the built-in ones, the
#: same for every case) decide every relation, so cases sharing their organs share the answers
#: (48 registries in 5,000 generated cases). Bounded: emptied at 256 registries.
_RELATIONS: dict[tuple[Organ, ...], dict[tuple[Any, ...], Any]] = {}


def _relations_of(lc: LoadedCase) -> dict[tuple[Any, ...], Any]:
    key = tuple(lc.case.organs)
    memo = _RELATIONS.get(key)
    if memo is None:
        if len(_RELATIONS) >= 256:
            _RELATIONS.clear()
        memo = _RELATIONS[key] = {}
    return memo


def policy_of(lc: LoadedCase) -> PeriodPolicy:
    """How the case itself asks its periods to be counted (``day_counting``, ``exclude_time_in_post``)."""
    return PeriodPolicy(
        counting=DayCounting(lc.case.day_counting.value),
        exclude_time_in_post=lc.case.exclude_time_in_post,
    )


def derive(
    lc: LoadedCase, policy: PeriodPolicy | None = None, *, first_step_range: tuple[int, int] | None = None,
    first_step_open: bool = False, last_step_from: int | None = None,
) -> Derived:
    """The engine facts of a case, in two stages, with the facts the case lacks.

    ``first_step_range``: when the case gives its dates only to the month or year (or an act
    without its date), the earliest and latest day its first step may be (``_imprecise``): the
    case fact carries it, so 第三十五条 can say when that straddles the commencement (A35-2).
    ``first_step_open``: its earliest end is no recorded day but the day before every date of the
    case (an act done on an unknown day, nothing bounding it): the note says it is not known, not
    that day. ``last_step_from``: with ``first_step_range``, the earliest day the last step may be
    (the reading that puts every imprecise date earliest): whether every reading has a step on or
    after the commencement (A35-2)."""
    case, as_of, organs = lc.case, lc.as_of, dict(lc.organs)
    pol = policy or policy_of(lc)
    calendar = pol.resolved_calendar()
    periods: dict[tuple[date, int], _periods.PeriodEnd] = {}
    s = case.supervision
    missing: list[MissingFact] = []
    sup, sub = organs[case.supervising_organ], organs[case.supervised_organ]
    base: dict[str, Any] = {"as_of": as_of.toordinal()}
    if pol.counting is DayCounting.WORKING:
        base["working_days"] = True  # messages then say 个工作日 (the due dates already count them)

    # ---- stage 0: scope (第二条、第三十五条、第三条第二款)
    action = case.enforcement_action
    # 第二条第一款 turns on the supervision work, that is on the two organs (A02-1); where the act
    # supervised took place is only noted
    outside = next((o for o in (sup, sub) if o.region[:4] != PREFECTURE_CODE[:4]), None)
    action_region = action.region if action and action.region else None
    # 第三十五条 (A35-1, 程序从新): the dated steps of the procedure, never the discovery of a
    # situation (第二十六条: 发现 comes before the start)
    steps = dated_steps(lc)
    if not steps and (s.situations or s.deficiencies):
        missing.append(
            MissingFact("supervision.started_on", "第三十五条", "本次监督没有任何有日期的程序步骤（启动日、建议书等），不能确定是否适用本办法。")
        )
    case_fact = put(
        {
            "kind": "case", **base, "refs": [case.case_id],
            "region": (outside or sub).region, "region_prefecture": (outside or sub).region[:4] + "00",
            "organ_outside_name": (outside or sub).name,
        },
        vertical=sub.vertically_managed,
        special=case.special_supervision.value if case.special_supervision else "",
        started=_ord(s.started_on),
        first_step=min(steps) if steps else None,
        last_step=max(steps) if steps else None,
        action_region=action_region,
        action_prefecture=action_region[:4] + "00" if action_region else None,
        activity=action.kind.value if action else None,
        # 委托执法 (A03-7): who entrusted the act, and whether the case names that organ as supervised
        entrusting=organs[action.entrusted_by].name if action and action.entrusted_by else None,
        entrusting_is_supervised=(action.entrusted_by == case.supervised_organ) if action and action.entrusted_by else None,
        first_step_from=first_step_range[0] if first_step_range else None,
        first_step_to=first_step_range[1] if first_step_range else None,
        first_step_open=True if first_step_range and first_step_open else None,
        last_step_from=last_step_from if first_step_range else None,
        # A35-1: a matter recorded without any dated step (its start unknown): no judgement on
        # whether the measures apply, and the findings that rest on it say so
        undated_matter=True if not steps and (s.situations or s.deficiencies) else None,
    )
    if action:
        case_fact["refs"] = [case.case_id, action.id]
    trade = action.system if action else None
    # which relation exists is decided in rules/competence.py (第三条第一款、第五条、第六条第一款);
    # the answers are kept per organ registry
    memo = _relations_of(lc)
    rel, via = memo.get(("relation", sup.id, sub.id, trade)) or memo.setdefault(
        ("relation", sup.id, sub.id, trade), _relation(sup, sub, organs, trade)
    )
    if rel == "none" and trade_unknown(sup, sub, trade):
        rel = "trade_unknown"
        missing.append(
            MissingFact(
                "enforcement_action.system",
                "第五条第三款",
                "缺少被监督的综合行政执法所属的行业，无法判断该职能部门能否进行行业监督。",
            )
        )
    if rel == "none" and system_may_head(sup, sub, organs):
        rel = "system_unknown"
        for o in (sup, sub):
            if not o.system:
                missing.append(
                    MissingFact(
                        f"organs[{o.id}].system",
                        "第三条第一款",
                        f"{o.name}没有登记所属行业/系统，无法判断{sup.name}能否作为本系统的上级部门进行监督。",
                    )
                )
    if rel == "none" and tl_002.supervises_authorised_organisation(sup, sub, organs, max(steps) if steps else None):
        # 《行政执法监督条例》第二条 (T-2): from 2026-02-01 a 县级以上人民政府 (or its 司法局) supervises the
        # 法律法规授权的组织 in its area; the higher law makes it a supervision relation
        rel = "tiaoli_authorised"
    designator = organs.get(case.designation.designated_by) if case.designation else None
    designator_rel = None
    if designator is not None:  # 第六条第一款: the designating organ's own relation to the supervised organ
        key = ("designation", designator.id, sub.id, trade)
        designator_rel = memo.get(key) or memo.setdefault(key, designation_basis(designator, sub, organs, trade=trade))
        if rel == "none" and designator_rel != "none" and sup.kind is not OrganKind.JUDICIAL_OFFICE:
            rel, via = "designated", designator_rel
    relation_fact = put(
        {"kind": "relation", **base, "refs": [sup.id, sub.id], "relation": rel},
        via=via,
        supervisor_kind=sup.kind.value,
        supervised_kind=sub.kind.value,
        supervisor_name=sup.name,
        supervised_name=sub.name,
        designated_by=designator.id if designator else None,
        designator_name=designator.name if designator else None,
        designator_relation=designator_rel,
        trade=trade,
    )
    if rel == "tiaoli_authorised":  # what the note of 《行政执法监督条例》第二条 names
        gov = tl_002.government_acting(sup, organs)
        relation_fact.update(
            government_name=gov.name if gov else sup.name,
            acting_for_government=gov is not None and gov.id != sup.id,
            first_step=min(steps),
        )
    from .tiaoli import tiaoli_facts  # noqa: PLC0415 - it builds on this module

    higher_law = tiaoli_facts(lc, steps, rel, base)
    hl = higher_law[0] if higher_law else {}
    if (
        tl_002.reaches(hl.get("last_step"))
        and hl.get("vertical") and hl.get("government_over_area") and hl.get("problems_found")
        and "superior_informed" not in hl
    ):
        missing.append(
            MissingFact(
                "supervision.superior_informed",
                "《行政执法监督条例》第四十二条第二款",
                f"监督发现{sub.name}（实行垂直管理）存在问题，案卷没有记载是否已告知其上一级主管部门。",
            )
        )
    missing_before = tuple(missing)

    def procedure() -> tuple[tuple[dict[str, Any], ...], tuple[MissingFact, ...]]:
        # Computed only when no applicability rule excluded the case: an excluded case (say, one
        # from 2003) must not need a holiday calendar for periods nobody will judge.
        missing: list[MissingFact] = []
        # ---- stage 1: the procedure (第二十六条至第二十八条)
        stage1: list[dict[str, Any]] = []
        letter, obj, ans = s.suggestion_letter, s.objection, s.review_answer
        rect, dec, exe = s.rectification_report, s.decision_letter, s.execution_report
        # 第五条第三款 (A05-6): a department's 行业监督和业务指导 of a township's enforcement carries no
        # power to decide (撤销、变更) or to interview its head; a decision letter or an interview by
        # it is judged as an act beyond that power, and nothing of 第二十八条、第二十九条第二款 follows
        trade_only = not art_005.may_decide(rel)
        if trade_only:
            county = next(
                (organs[o] for o in ancestors(sub, organs) if organs[o].kind is OrganKind.GOVERNMENT and organs[o].level is OrganLevel.COUNTY),
                None,
            )
            bureau = next((o for o in organs.values() if county is not None and o.kind is OrganKind.JUSTICE and o.parent == county.id), None)
            competent = "所在地县（市）人民政府" if county is None else county.name + (f"或者承担其监督具体工作的{bureau.name}" if bureau else "")
            for act, on, ref in (
                ("decision", dec.issued_on if dec else None, dec.id if dec else ""),
                ("interview", s.head_interviewed_on, case.case_id),
            ):
                if on is not None:
                    stage1.append(
                        {
                            "kind": "trade_supervision_act", **base, "refs": [ref], "act": act, "on": on.toordinal(),
                            "supervisor_name": sup.name, "supervised_name": sub.name, "competent_name": competent,
                        }
                    )
            dec, exe = None, None

        def due(start: date, days: int, field: str, needed_for: str) -> int | None:
            end = _periods.period_end(start, days, pol, field=field, calendar=calendar)
            periods[(start, days)] = end
            if end.due is None:
                # [P9] strict mode (or a year no method covers): this period has no last day; the
                # rest of the report stands; the report says each such year once (``one_per_year``)
                missing.append(calendar_gap(end.missing_year, start.isoformat(), days, needed_for))
                return None
            return end.due.toordinal()

        def act(rec: Any, field: str = "submitted_on") -> int | None:
            if rec is None:
                return None
            return _ord(_periods.effective_act_date(getattr(rec, field), getattr(rec, "posted_on", None), pol))

        # 第三十五条 (程序从新, A35-1): an act done before 2025-03-01 is not judged, nor a period
        # that began running before it; a ``pre_commencement`` fact lets 第三十五条 say so
        before = art_035.COMMENCEMENT

        def not_judged(what: str, start: date, ref: str) -> None:
            stage1.append({"kind": "pre_commencement", **base, "refs": [ref], "what": what, "start": start.toordinal()})

        letter_judged = letter is not None and letter.issued_on >= before
        if letter is not None and not letter_judged:
            not_judged("制发《行政执法监督建议书》（第二十六条）", letter.issued_on, letter.id)
        for i, sit in enumerate(s.situations):
            if letter is not None and not letter_judged:
                continue  # the letter that answered it was issued before the measures
            stage1.append(
                put(
                    {"kind": "situation", **base, "refs": [sit.ref], "item": sit.item, "confirmed": sit.confirmed},
                    letter=_ord(letter.issued_on) if letter else None,
                    provision=sit.provision or None,
                )
            )
            if letter:
                stage1[-1]["refs"].append(letter.id)
            if sit.confirmed and sit.item == 6 and not sit.provision:
                missing.append(
                    MissingFact(
                        f"supervision.situations[{i}].provision",
                        "第二十六条第（六）项",
                        "情形记为“其他违反法律法规规定的情形”，但没有写明所违反的法律法规规定，无法认定该项情形（A26-4）。",
                    )
                )
        for i, df in enumerate(s.deficiencies):
            if df.confirmed and amounts_to(df.article, df.item) == 6 and not df.provision:
                missing.append(
                    MissingFact(
                        f"supervision.deficiencies[{i}].provision",
                        "第二十六条第（六）项",
                        f"第{_ZH_ARTICLE[df.article]}条第（{_ZH_ITEMS[df.item - 1]}）项下经调查属实的问题只能作为“其他违反法律法规规定的情形”，"
                        "但没有写明所违反的法律法规规定，无法认定该项情形，也无法判断是否应当制发建议书（A26-4）。",
                    )
                )
        if letter_judged:
            # the confirmed grounds a letter can rest on: situations of 第二十六条, and deficiencies
            # under 第十二条至第十四条 (which the rules of those articles map onto 第二十六条); a ground
            # of 第（六）项 without the provision violated is undetermined (A26-4)
            def usable(item: int, provision: str) -> bool:
                return item != 6 or bool(provision)

            grounds = sum(x.confirmed and usable(x.item, x.provision) for x in s.situations) + sum(
                d.confirmed and usable(amounts_to(d.article, d.item), d.provision) for d in s.deficiencies
            )
            undetermined = sum(x.confirmed and not usable(x.item, x.provision) for x in s.situations) + sum(
                d.confirmed and not usable(amounts_to(d.article, d.item), d.provision) for d in s.deficiencies
            )
            recorded = len(s.situations) + len(s.deficiencies)
            stage1.append(
                {
                    "kind": "letter", **base, "refs": [letter.id], "issued": letter.issued_on.toordinal(),
                    "grounds": grounds, "undetermined": undetermined, "recorded": recorded,
                }
            )
            if recorded == 0:
                missing.append(
                    MissingFact(
                        "supervision.situations",
                        "第二十六条",
                        "已制发《行政执法监督建议书》，但案件没有记录其所依据的第二十六条情形（或第十二条至第十四条下的问题），"
                        "无法判断建议书是否以经调查属实为前提（D-1）。",
                    )
                )

        def receipt(rec: Any, field: str, needed_for: str, what: str, periods_of: str, label: str) -> date | None:
            """The day ``rec`` was received, when the periods it starts are judged: a missing day is
            a missing fact, a day before the measures a period not judged (第三十五条)."""
            if rec is None:
                return None
            if rec.received_on is None:
                missing.append(MissingFact(field, needed_for, f"缺少被监督机关收到{what}的日期，无法计算{periods_of}的期限。"))
                return None
            if rec.received_on < before:
                not_judged(label, rec.received_on, rec.id)
                return None
            return rec.received_on

        window_due = None
        received = receipt(letter, "supervision.suggestion_letter.received_on", "第二十七条", "《行政执法监督建议书》", "申请复查和整改",
                           "申请复查期间和整改期间（第二十七条）")
        if received is not None:
            window_due = due(received, art_027.OBJECTION_DAYS, "supervision.suggestion_letter.received_on", "第二十七条第一款")
            stage1.append(
                put(
                    {"kind": "objection", **base, "refs": [letter.id], "received": received.toordinal(), "window_due": window_due},
                    filed=act(obj, "filed_on"),
                )
            )
            if obj:
                stage1[-1]["refs"].append(obj.id)
            rect_fact = put(
                {
                    "kind": "rectification",
                    **base,
                    "refs": [letter.id],
                    "letter_received": received.toordinal(),
                    "letter_due": due(received, art_027.RECTIFICATION_DAYS, "supervision.suggestion_letter.received_on", "第二十七条第二款"),
                    "window_due": window_due,
                },
                filed=act(obj, "filed_on"),
                upheld=ans.objection_upheld if ans else None,
                answer_received=_ord(ans.received_on) if ans else None,
                answer_due=(
                    due(ans.received_on, art_027.RECTIFICATION_DAYS, "supervision.review_answer.received_on", "第二十七条第二款")
                    if ans and ans.received_on
                    else None
                ),
                done=act(rect),
                decision_issued=_ord(dec.issued_on) if dec else None,
                letter_days=letter.rectification_days,
                # the last day of the letter's own period, counted as the measures count periods (A27-5)
                letter_own_due=(
                    due(received, letter.rectification_days, "supervision.suggestion_letter.rectification_days", "第二十七条第二款")
                    if letter.rectification_days and letter.rectification_days > 0 else None
                ),
                no_decision_power=True if trade_only else None,
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
        if obj and obj.filed_on < before:
            not_judged("复查答复期间（第二十七条第一款）", obj.filed_on, obj.id)
        elif obj:
            review = put(
                {
                    "kind": "review",
                    **base,
                    "refs": [obj.id],
                    "received": obj.filed_on.toordinal(),
                    "due": due(obj.filed_on, art_027.REVIEW_DAYS, "supervision.objection.filed_on", "第二十七条第一款"),
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
        if receipt(dec, "supervision.decision_letter.received_on", "第二十八条第二款", "《行政执法监督决定书》", "执行情况报告",
                   "报告执行情况期间（第二十八条第二款）") is not None:
            execution = put(
                {
                    "kind": "execution",
                    **base,
                    "refs": [dec.id],
                    "received": dec.received_on.toordinal(),
                    "due": due(dec.received_on, art_028.EXECUTION_REPORT_DAYS, "supervision.decision_letter.received_on", "第二十八条第二款"),
                },
                done=act(exe),
                # whether a timely objection was upheld (then the supervision ended: 第二十七条第一款)
                filed=act(obj, "filed_on"),
                window_due=window_due,
                upheld=ans.objection_upheld if ans else None,
            )
            if exe:
                execution["refs"].append(exe.id or "supervision.execution_report")
            stage1.append(execution)
        more, more_missing = procedure_facts(lc, base, trade_only=trade_only)
        stage1.extend(more)
        missing.extend(more_missing)
        # a period without a last day ([P9] strict) leaves its property absent, as an act not done does
        stage1 = [{k: v for k, v in f.items() if v is not None} for f in stage1]
        return _instances(stage1, "procedure"), tuple(missing)

    def conduct() -> tuple[tuple[dict[str, Any], ...], tuple[MissingFact, ...]]:
        facts, lacking = conduct_facts(lc, base)
        return _instances(facts, "conduct"), tuple(lacking)

    return Derived(
        scope=_instances([case_fact], "scope"),
        competence=_instances([relation_fact], "competence"),
        missing_before=missing_before,
        policy=pol,
        periods=periods,
        organ_level=_instances(annual_facts(lc, base), "organ-level"),
        higher_law=_instances(list(higher_law), "higher-law"),
        _procedure=procedure,
        _conduct=conduct,
    )
