"""``evaluate``: case document in, cited report out."""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from fnmatch import fnmatchcase
from typing import Any

from .._derive import imprecise as _imprecise
from .._derive.common import one_per_year
from .._derive.supervision import Derived, dated_steps, derive
from .._derive.supervision import policy_of as _case_policy
from .._engine import durable as _engine
from .._engine.rulebook import DeadlineStatus, Fact, Modality, Role
from .._periods.calendar import BOUNDS
from .._periods.counting import BOUND_ZH, PeriodEnd, PeriodPolicy, YearUse, bound_policy, prefecture_reason, provisional_reason
from ..errors import CaseValidationError, Problem
from ..facts import Case, LoadedCase, load_case, parse_as_of
from ..report import (
    Applicability,
    Applicable,
    CalendarUsed,
    Certainty,
    Finding,
    InstrumentApplicability,
    MatterSourceShown,
    MissingFact,
    Note,
    Policy,
    Report,
    TimelineEntry,
    trusted_construct,
)
from ..rules import art_026, art_030, art_035
from ..rules.tiaoli import tl_002
from . import versions as _versions
from .reliance import interpretations_for, period_trace

__all__ = ["Run", "evaluate", "run"]


def _policy(value: PeriodPolicy | str | None) -> PeriodPolicy | None:
    """A PeriodPolicy, or the name of a day counting ("calendar", "working")."""
    if value is None or isinstance(value, PeriodPolicy):
        return value
    if isinstance(value, str):
        try:
            return PeriodPolicy(counting=value)
        except ValueError:
            pass
    p = Problem("policy", f"期间计算方式 {value!r} 无效（calendar 或 working）", f"policy {value!r}: use a PeriodPolicy, 'calendar' or 'working'")
    raise CaseValidationError([p])


def calendar_sources(calendar: Any) -> tuple[Any, ...]:
    """The sources of ``calendar=``: a path, a mapping, or a sequence of them."""
    if calendar is None:
        return ()
    if isinstance(calendar, (str, os.PathLike, Mapping)):
        return (calendar,)
    return tuple(calendar)


def _calendars(periods: Mapping[Any, PeriodEnd]) -> tuple[tuple[CalendarUsed, ...], tuple[str, ...]]:
    by_year: dict[int, YearUse] = {}
    reasons: dict[int, list[str]] = {}
    for end in periods.values():
        for u in end.uses:
            prev = by_year.get(u.year)
            if prev is None or (u.provisional and not prev.provisional):
                by_year[u.year] = u
            if u.reason:
                for r in u.reason.split("；"):
                    if r not in reasons.setdefault(u.year, []):
                        reasons[u.year].append(r)
    used = tuple(
        trusted_construct(CalendarUsed, year=y, basis=u.basis, source=u.source, provisional=u.provisional)
        for y, u in sorted(by_year.items())
    )
    notes = tuple(
        f"{y}年的到期日为暂定：{r}；该年通知公布后，到期日可能改变，届时应重新评估。"
        f" / Due dates in {y} are provisional and may move when the notice is published; evaluate again then."
        for y in sorted(reasons)
        for r in reasons[y]
    )
    return used, notes


def _subject(role: Role, lc: LoadedCase, fact: Mapping[str, Any] | None = None) -> tuple[str, str]:
    # A fact about another organ or a person (annual duties, liabilities) names its own subject.
    if fact is not None and isinstance(fact.get("subject_name"), str):
        return fact["subject_name"], str(fact.get("subject_id") or fact["subject_name"])
    if role is Role.SUPERVISING:
        o = lc.organs[lc.case.supervising_organ]
        return o.name, o.id
    if role is Role.SUPERVISED:
        o = lc.organs[lc.case.supervised_organ]
        return o.name, o.id
    if role is Role.CASE:  # 第三十条, the only finding of the matter as a whole: its obligor (A30-1)
        return art_030.SUBJECT_ZH, lc.case.case_id
    return f"案件 {lc.case.case_id}", lc.case.case_id


def _d(fact: Mapping[str, Any], key: str | None) -> date | None:
    if key is None or fact.get(key) is None:
        return None
    return date.fromordinal(fact[key])


def evaluate(
    case: Case | Mapping[str, Any] | str | bytes,
    *,
    as_of: date | str | None = None,
    policy: PeriodPolicy | str | None = None,
    calendar: Any = None,
) -> Report:
    """Evaluate one case document against the measures.

    ``case`` is a :class:`~enshi_rules.facts.Case`, a mapping, or JSON text. ``as_of`` (a date or
    an ISO date string) is the day obligations are judged at; it defaults to the document's
    ``as_of`` and then to today. ``policy`` overrides the case's own day-counting choices.
    ``calendar`` adds calendar files (paths) or documents (mappings) to the policy's
    (``docs/calendar.md``); a year without a published arrangement is computed and its due dates
    marked provisional, unless the policy's ``missing_calendar`` is ``"strict"``.

    Raises :class:`~enshi_rules.errors.CaseValidationError` for an invalid or impossible case,
    :class:`~enshi_rules.errors.CalendarFileError` for a bad calendar file,
    :class:`~enshi_rules.errors.EngineError` if the engine fails.
    """
    return run(case, as_of=as_of, policy=policy, calendar=calendar).report


@dataclass(frozen=True)
class _Marks:
    """What exceptions defeat and which open questions findings depend on (from ``Outcome``)."""

    same_fact: tuple[tuple[int, str, str], ...]  # (fact serial, pattern, exception rule id)
    in_case: tuple[tuple[str, str], ...]  # (pattern, exception rule id)
    open_: tuple[tuple[str, str], ...]  # (pattern, rule id leaving the question open)
    doubted: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()  # (pattern, reasons and register ids of the possible finding it rests on)

    def defeated_by(self, rule_id: str, fact: Mapping[str, Any]) -> str | None:
        if not (self.same_fact or self.in_case):
            return None
        serial = fact.get("serial")
        for s, pat, by in self.same_fact:
            if s == serial and fnmatchcase(rule_id, pat):
                return by
        return next((by for pat, by in self.in_case if fnmatchcase(rule_id, pat)), None)

    def depends_on(self, rule_id: str, fact: Mapping[str, Any]) -> str | None:
        if not self.open_:
            return None
        return next((by for pat, by in self.open_ if fnmatchcase(rule_id, pat)), None)

    def doubts(self, rule_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The reasons a finding is only possible because it rests on a possible one (``Outcome.doubts``),
        and the register ids they rest on."""
        if not self.doubted:
            return (), ()
        hits = [(why, ids) for pat, why, ids in self.doubted if fnmatchcase(rule_id, pat)]
        return tuple(dict.fromkeys(r for why, _ in hits for r in why)), tuple(dict.fromkeys(i for _, ids in hits for i in ids))


def _marks(fired: list[_engine.Fired]) -> _Marks:
    same, case, open_, doubted = [], [], [], []
    for fr in fired:
        out, rid = fr.outcome, fr.rule.rule_id
        if not (out.defeats or out.defeats_in_case or out.leaves_open or out.doubts):
            continue  # almost every firing: no exception, no open question
        same += [(fr.fact.get("serial"), p, rid) for p in out.defeats]
        case += [(p, rid) for p in out.defeats_in_case]
        open_ += [(p, rid) for p in out.leaves_open]
        doubted += [(p, out.possible, out.interpretations) for p in out.doubts]
    return _Marks(tuple(same), tuple(case), tuple(open_), tuple(doubted))


@dataclass(frozen=True)
class Run:
    """One evaluation with what ``explain`` needs besides the report: the loaded case, the derived
    facts, every firing, and for each finding of the report (by position) the firing behind it."""

    report: Report
    case: LoadedCase
    derived: Derived
    fired: tuple[_engine.Fired, ...]
    behind: tuple[_engine.Fired, ...]  # behind[i] made report.findings[i]
    #: P10: the bound (``"early"``/``"late"``) whose evaluation made report.findings[i], for a finding
    #: given under a bounding calendar only (None: this evaluation's own); empty when nothing was
    #: added from a bound. ``bound_runs`` are those evaluations, in the order of ``BOUNDS``.
    bound_of: tuple[str | None, ...] = ()
    bound_runs: tuple[Run, ...] = ()

    def made_by(self, i: int) -> tuple[Run, str | None]:
        """The evaluation whose firing made report.findings[i] (this one, or a bound's) and the bound."""
        b = self.bound_of[i] if self.bound_of else None
        return (self if b is None else self.bound_runs[BOUNDS.index(b)]), b


def run(
    case: Case | Mapping[str, Any] | str | bytes,
    *,
    as_of: date | str | None = None,
    policy: PeriodPolicy | str | None = None,
    calendar: Any = None,
    **overrides: Any,
) -> Run:
    """:func:`evaluate`, keeping the firings (for ``explain``). ``overrides`` are single
    :class:`PeriodPolicy` fields laid over the policy (the given one, else the case's own): the
    command line's ``--calendar-missing`` changes the calendar mode without changing the case's day
    counting."""
    policy = _policy(policy)
    lc = load_case(case, as_of=parse_as_of(as_of))
    sources = calendar_sources(calendar)
    overrides = {k: v for k, v in overrides.items() if v is not None}
    if sources or overrides:
        base = policy if policy is not None else _case_policy(lc)
        try:
            policy = replace(base, calendar=(*base.calendar, *sources), **overrides)
        except (TypeError, ValueError) as exc:
            raise CaseValidationError([Problem("policy", f"期间计算方式无效：{exc}", f"invalid policy: {exc}")]) from None
    found = _imprecise.slots(lc.case)
    done = _run_exact(lc, policy) if not found else _run_imprecise(lc, policy, found)
    if any(c.provisional for c in done.report.calendars):
        return _with_bounds(done, lc, policy, found)
    return done


#: 第三十五条: the note that leaves applicability undetermined (A35-1).
_START_UNKNOWN = "art_035.p1.start_unknown"


def _run_exact(
    lc: LoadedCase, policy: PeriodPolicy | None, *, first_step_range: tuple[int, int] | None = None,
    first_step_open: bool = False, last_step_from: int | None = None,
) -> Run:
    """One evaluation of a case whose dates are all exact."""
    derived = derive(
        lc, policy, first_step_range=first_step_range, first_step_open=first_step_open, last_step_from=last_step_from,
    )
    fired = _engine.evaluate_facts(
        [derived.scope, derived.competence, lambda: derived.procedure[0]],
        conduct=lambda: derived.conduct[0],
        always=derived.organ_level + derived.higher_law,
    )

    report, behind = _report(lc, derived, fired)
    return Run(report=report, case=lc, derived=derived, fired=tuple(fired), behind=behind)


def _cite_key(x: Finding | Note) -> tuple[Any, ...]:
    # the measures first, then the 条例 (a report without the 条例 is ordered as before)
    return (x.instrument is not None, x.article, x.paragraph or 0, x.item or 0, x.rule_id, x.facts, x.message)


def _timeline_key(t: TimelineEntry) -> tuple[Any, ...]:
    return (t.due, t.period_start, t.rule_id)


def _report(lc: LoadedCase, derived: Derived, fired: list[_engine.Fired]) -> tuple[Report, tuple[_engine.Fired, ...]]:
    """The cited report of the firings, and for each of its findings (by position) the firing behind it.

    Every model is built from our own values, already of the declared types, so none is validated
    again (``report.trusted_construct``); ``tests/test_report_trusted.py`` checks that validating them would
    change nothing."""
    notes: list[Note] = []
    findings: list[Finding] = []
    behind: list[_engine.Fired] = []
    marks = _marks(fired)
    policy = derived.policy
    for fr in fired:
        r, out, fact = fr.rule, fr.outcome, fr.fact
        refs = tuple(fact.get("refs", ()))
        if r.note:
            notes.append(
                trusted_construct(
                    Note, rule_id=r.rule_id, article=r.article, paragraph=r.paragraph, item=r.item,
                    citation=r.citation, message=out.message, excludes=out.excludes, facts=refs,
                    interpretations=interpretations_for(r.rule_id, extra=out.interpretations),
                    certainty=Certainty.CERTAIN, uncertain_facts=(),
                    instrument=r.instrument.report_key,
                )
            )
            continue
        if not r.reports:  # derives for another article only (第十二条至第十四条 -> 第二十六条)
            continue
        name, oid = _subject(r.subject, lc, fact)
        start = due = done = counted_to = None
        days_late = None
        trace = None
        end = None
        provisional, basis = False, None
        if out.deadline is not None:
            start, due, done = (_d(fact, k) for k in out.deadline)
            end = derived.periods.get((start, out.period_days)) if start is not None else None
            if end is not None and due is not None and end.due == due:
                provisional, basis = end.provisional, end.basis
            if start is not None and out.period_days and end is not None and end.due is not None:
                trace = period_trace(start, out.period_days, policy)
            if out.status is DeadlineStatus.LATE and due and done:
                days_late = (done - due).days
            elif out.status is DeadlineStatus.OVERDUE and due and r.modality is not Modality.MAY:
                # a permission whose window closed unused is not "late" by any number of days;
                # a count stops where the matter moved on (the 决定书 issued: Outcome.counted_to)
                counted_to = _d(fact, out.counted_to)
                days_late = ((counted_to or lc.as_of) - due).days
        depends = marks.depends_on(r.rule_id, fact)
        # possible: the measures' applicability undetermined (A35-1), a question the rule leaves to a
        # person on its own fact (Outcome.possible), or a possible finding it rests on (Outcome.doubts)
        rests_on, rests_ids = marks.doubts(r.rule_id)
        doubt = tuple(dict.fromkeys(
            (("supervision.started_on（启动日期不详）",) if depends == _START_UNKNOWN else ()) + out.possible + rests_on
        ))
        extra = out.interpretations + tuple(i for i in rests_ids if i not in out.interpretations)
        findings.append(
            trusted_construct(
                Finding, rule_id=r.rule_id, article=r.article, paragraph=r.paragraph, item=r.item,
                citation=r.citation, modality=r.modality, subject=name, subject_id=oid,
                message=out.message, status=out.status, period_start=start,
                period_days=out.period_days if out.deadline else None, due=due, done_on=done,
                days_late=days_late, facts=refs,
                interpretations=interpretations_for(r.rule_id, trace, policy, extra=extra, end=end),
                defeated_by=marks.defeated_by(r.rule_id, fact), depends_on=depends,
                counted_to=counted_to, provisional=provisional, calendar_basis=basis, performed=out.performed,
                # A35-1: a finding that rests on the measures applying, when that cannot be determined
                certainty=Certainty.POSSIBLE if doubt else Certainty.CERTAIN,
                due_range=None,
                uncertain_facts=doubt,
                instrument=r.instrument.report_key,
            )
        )
        behind.append(fr)

    findings, behind = _one_per_obligation(findings, behind)
    order = sorted(range(len(findings)), key=lambda i: _cite_key(findings[i]))
    findings = [findings[i] for i in order]
    notes.sort(key=_cite_key)
    timeline = sorted(
        (
            trusted_construct(
                TimelineEntry, rule_id=f.rule_id, citation=f.citation, subject=f.subject, period_start=f.period_start,
                period_days=f.period_days, due=f.due, done_on=f.done_on, status=f.status, days_late=f.days_late,
                provisional=f.provisional, calendar_basis=f.calendar_basis,
            )
            for f in findings
            # a time limit an exception defeated (a decision letter after the supervision ended) is
            # not on the timeline: nothing is due; nor is one only possible (IMP-2, A27-5)
            if f.due is not None and f.period_start is not None and f.period_days is not None and f.status is not None
            and f.defeated_by is None and f.certainty is Certainty.CERTAIN
        ),
        key=_timeline_key,
    )
    calendars, calendar_notes = _calendars(derived.periods if "procedure" in derived.__dict__ else {})
    applicability = _applicability(lc, notes)
    report = trusted_construct(
        Report,
        case_id=lc.case.case_id,
        as_of=lc.as_of,
        in_scope=_IN_SCOPE[applicability.measures.applicable],
        policy=_policy_model(policy),
        notes=tuple(notes),
        findings=tuple(findings),
        timeline=tuple(timeline),
        missing_facts=tuple(
            trusted_construct(MissingFact, field=m.field, needed_for=m.needed_for, reason=m.reason)
            # an excluded or halted matter is not judged: what its procedure lacks does not matter
            # a year without holiday data once, naming every period that needed it (P9)
            for m in one_per_year(derived.missing_computed())
        ),
        calendars=calendars,
        calendar_notes=calendar_notes,
        source=_source(lc),
        applicability=applicability,
        versions=_versions.report_versions(calendars),
    )
    return report, tuple(behind[i] for i in order)


@functools.lru_cache(maxsize=64)
def _policy_model(pol: PeriodPolicy) -> Policy:
    """The report's ``policy`` (a frozen model, shared by the reports of one policy)."""
    return trusted_construct(
        Policy, day_counting=pol.counting.value, exclude_time_in_post=pol.exclude_time_in_post, description=pol.describe_zh()
    )


@functools.lru_cache(maxsize=4096)
def _one_per_item(rule_id: str, patterns: tuple[str, ...]) -> bool:
    """Whether a rule's findings are one per item (asked for every finding: the answer is kept)."""
    return any(fnmatchcase(rule_id, p) for p in patterns)


def _one_per_obligation(
    findings: list[Finding], behind: list[_engine.Fired]
) -> tuple[list[Finding], list[_engine.Fired]]:
    """Findings of one duty on several records, as the article declares (第二十六条: one finding
    per item, A26-5), become one finding citing every record, worded by the rule from them all."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, f in enumerate(findings):
        if _one_per_item(f.rule_id, art_026.ONE_FINDING_PER_ITEM):
            groups.setdefault((f.rule_id, f.subject_id), []).append(i)
    if all(len(v) == 1 for v in groups.values()):
        return findings, behind
    drop: set[int] = set()
    for idx in groups.values():
        if len(idx) == 1:
            continue
        fr = behind[idx[0]]
        fact = art_026.combined([behind[i].fact for i in idx])
        message = fr.rule.build(Fact(fact)).message
        f = findings[idx[0]]
        relied = f.interpretations + (("A26-5",) if "A26-5" not in f.interpretations else ())
        findings[idx[0]] = f.model_copy(update={"facts": tuple(fact["refs"]), "message": message, "interpretations": relied})
        drop.update(idx[1:])
    kept = [i for i in range(len(findings)) if i not in drop]
    return [findings[i] for i in kept], [behind[i] for i in kept]


def _applicability(lc: LoadedCase, notes: list[Note] | tuple[Note, ...]) -> Applicability:
    """Whether the measures and the 条例 apply, as their applicability notes decide (第二、三、三十五条;
    A35-1, A35-2; 条例第二条, T-1): no when a note excludes the case for certain (whatever the dates:
    第二条第二款's 专门监督 is outside the measures on any day); else undetermined when a note of
    第三十五条 leaves it so or an excluding note is only possible; else yes (also when the first step
    is known only within an interval straddling 2025-03-01 and every reading of it applies:
    ``start_straddles_applies``). The
    text report's header, the workbench and the Word document read this, so they say the same."""
    undetermined = [n for n in notes if n.rule_id in art_035.UNDETERMINED or (n.excludes and n.certainty is Certainty.POSSIBLE)]
    excluding = [n for n in notes if n.excludes and n.certainty is Certainty.CERTAIN]
    scope = [n for n in notes if n.instrument is None and n.article == 35]
    # a first step known only within an interval, every reading of which applies (A35-2): the reason
    # is the note about the whole interval, not the notes of one reading or another (possible)
    scope = [n for n in scope if n.rule_id in art_035.ABOUT_THE_INTERVAL] or scope
    if excluding:
        measures = trusted_construct(
            InstrumentApplicability, applicable=Applicable.NO, rule_ids=tuple(dict.fromkeys(n.rule_id for n in excluding)),
            reason="".join(dict.fromkeys(n.message for n in excluding)), settled_by=(),
        )
    elif undetermined:
        settled = [art_035.SETTLED_BY] if any(n.rule_id in art_035.UNDETERMINED for n in undetermined) else []
        settled += [u.partition("（")[0] for n in undetermined for u in n.uncertain_facts]
        measures = trusted_construct(
            InstrumentApplicability, applicable=Applicable.UNDETERMINED,
            rule_ids=tuple(dict.fromkeys(n.rule_id for n in undetermined)),
            reason="".join(dict.fromkeys(n.message for n in undetermined if n.rule_id in art_035.UNDETERMINED))
            or "是否适用本办法不能确定：排除适用的说明只在部分可能的日期或情况下成立（"
            + "".join(dict.fromkeys(n.message for n in undetermined)) + "）",
            settled_by=tuple(dict.fromkeys(settled)),
        )
    else:
        measures = trusted_construct(
            InstrumentApplicability, applicable=Applicable.YES, rule_ids=tuple(dict.fromkeys(n.rule_id for n in scope)),
            reason="".join(dict.fromkeys(n.message for n in scope)), settled_by=(),
        )
    # the notes that say how the 条例 reaches the matter (第二条, or 第四十二条第一款/第三款 for a
    # department's supervision, or that the excerpts do not say: T-9)
    said = [n for n in notes if n.rule_id in tl_002.SPEAKING_NOTES]
    ids = tuple(dict.fromkeys(n.rule_id for n in said))
    if said and any(n.certainty is not Certainty.CERTAIN for n in said):
        tiaoli = trusted_construct(
            InstrumentApplicability, applicable=Applicable.UNDETERMINED, rule_ids=ids,
            reason=tl_002.UNCERTAIN_ZH, settled_by=tuple(dict.fromkeys(u.partition("（")[0] for n in said for u in n.uncertain_facts)),
        )
    elif said and any(tl_002.SPEAKING_NOTES[i] is None for i in ids):
        reason = tl_002.NOT_GOVERNMENT_ZH if tl_002.NOT_GOVERNMENT in ids else tl_002.ANNUAL_ZH
        tiaoli = trusted_construct(
            InstrumentApplicability, applicable=Applicable.UNDETERMINED, rule_ids=ids, reason=reason, settled_by=(),
        )
    elif said:
        tiaoli = trusted_construct(
            InstrumentApplicability, applicable=Applicable.YES, rule_ids=ids, reason=said[0].message, settled_by=(),
        )
    elif lc.case.special_supervision is not None:
        tiaoli = trusted_construct(InstrumentApplicability, applicable=Applicable.NO, rule_ids=(), reason=tl_002.SPECIAL_ZH, settled_by=())
    elif any(n.rule_id == "art_035.p1.start_unknown" for n in notes):
        tiaoli = trusted_construct(
            InstrumentApplicability, applicable=Applicable.UNDETERMINED, rule_ids=(), reason=tl_002.UNDATED_ZH,
            settled_by=(art_035.SETTLED_BY,),
        )
    else:
        tiaoli = trusted_construct(InstrumentApplicability, applicable=Applicable.NO, rule_ids=(), reason=tl_002.NOT_REACHED_ZH, settled_by=())
    return trusted_construct(Applicability, measures=measures, tiaoli=tiaoli)


#: ``in_scope`` of each answer: null when it cannot be determined.
_IN_SCOPE = {Applicable.YES: True, Applicable.NO: False, Applicable.UNDETERMINED: None}


def _source(lc: LoadedCase) -> MatterSourceShown | None:
    src = lc.case.supervision.source
    return None if src is None else MatterSourceShown(kind=src.kind.value, note=src.note)


# ---- a case with imprecise dates or acts (issue 19; _imprecise, IMP-1 to IMP-4) -----------------


def _problems(lc: LoadedCase) -> Any:
    from ..facts import timeline_problems  # noqa: PLC0415
    from ..facts.measures import measures_problems  # noqa: PLC0415

    def check(case: Case) -> int:
        return len(timeline_problems(case, lc.as_of)) + len(measures_problems(case, lc.organs, lc.as_of))

    return check


def _family(f: Finding) -> tuple[str, str, tuple[str, ...]] | None:
    """One time limit of one subject, whatever its status (``art_027.p2.rectify`` of the
    ``.pending`` / ``.overdue`` … findings)."""
    if f.status is None:
        return None
    return (f.rule_id.rpartition(".")[0], f.subject_id, f.facts)


def _due_ranges(runs: list[Run]) -> dict[tuple[str, str, tuple[str, ...]] | None, tuple[date, date]]:
    """The time limits whose last day differs between the instantiations, with its earliest and
    latest (a period started on a day known only within an interval)."""
    dues: dict[Any, set[date]] = {}
    for r in runs:
        for f in r.report.findings:
            if f.due is not None and _family(f) is not None:
                dues.setdefault(_family(f), set()).add(f.due)
    return {k: (min(v), max(v)) for k, v in dues.items() if len(v) > 1}


def _zh_day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _run_imprecise(lc: LoadedCase, policy: PeriodPolicy | None, found: tuple[_imprecise.Slot, ...]) -> Run:
    """Judge each instantiation of the imprecise values (``_imprecise``) and merge the reports: a
    conclusion in every instantiation is certain, in some possible (IMP-1)."""
    insts, cut = _imprecise.instantiations(lc, found, _problems(lc))
    if not insts:
        p = Problem(
            found[0].path,
            "不精确的日期或行为状态与案件的其他日期无法同时成立",
            "the imprecise dates or acts cannot be reconciled with the other dates of the case",
        )
        raise CaseValidationError([p])
    steps = [st for st in (dated_steps(i.lc) for i in insts) if st]
    firsts = [min(st) for st in steps]
    rng = (min(firsts), max(firsts)) if firsts and min(firsts) != max(firsts) else None
    # the earliest the last step may be: on or after 2025-03-01, every reading of a straddling start
    # has a step the measures judge (A35-1), so they apply whichever day it was (A35-2)
    last_from = min(max(st) for st in steps) if rng is not None else None
    low = _imprecise.low_day(lc)
    # the earliest end is the day before every date of the case: not a day anything happened on
    opened = rng is not None and rng[0] <= low.toordinal()
    runs = [_run_exact(i.lc, policy, first_step_range=rng, first_step_open=opened, last_step_from=last_from) for i in insts]
    n = len(runs)
    why_all = tuple(s.zh for s in found)

    def why(signature: list[Any]) -> tuple[str, ...]:
        # the imprecise facts that matter to a conclusion: those where two instantiations that
        # differ in that fact alone give it differently (present or not, other dates)
        if cut:
            return why_all
        out = []
        for k, slot in enumerate(found):
            seen: dict[tuple[Any, ...], set[Any]] = {}
            for j, inst in enumerate(insts):
                seen.setdefault(inst.values[:k] + inst.values[k + 1 :], set()).add(signature[j])
            if any(len(v) > 1 for v in seen.values()):
                out.append(slot.zh)
        return tuple(out) or why_all

    # findings by (rule, subject, records)
    groups: dict[tuple[Any, ...], list[tuple[int, Finding, _engine.Fired]]] = {}
    for k, r in enumerate(runs):
        for f, fr in zip(r.report.findings, r.behind):
            groups.setdefault((f.rule_id, f.subject_id, f.facts), []).append((k, f, fr))
    # The days each instantiation gave its imprecise values, and the last days of a time limit that
    # moves with them (a period started on a receipt known to the month): never shown as known days.
    marks = [_imprecise.artificial_days(lc, found, inst.values) for inst in insts]
    ranges = _due_ranges(runs)
    for k, r in enumerate(runs):
        for f in r.report.findings:
            span = ranges.get(_family(f))
            if span is not None and f.due is not None:
                marks[k].setdefault(f.due, (_imprecise.Chosen(f"{_zh_day(span[0])}至{_zh_day(span[1])}之间的某日"),))
    findings: list[Finding] = []
    behind: list[_engine.Fired] = []
    for items in groups.values():
        fs = [f for _, f, _ in items]
        first = fs[0]
        certain = len({k for k, _, _ in items}) == n and not cut
        # A finding already possible in an instantiation stays possible, for its own reason (the
        # measures' applicability when the start is unknown, A35-1): holding in every instantiation
        # says nothing about that reason, so an imprecise value elsewhere in the case (a month-only
        # date, a conduct date) never makes it certain (IMP-1).
        inner = tuple(dict.fromkeys(u for f in fs if f.certainty is not Certainty.CERTAIN for u in f.uncertain_facts))
        inner_possible = any(f.certainty is not Certainty.CERTAIN for f in fs)
        same = {name: len({getattr(f, name) for f in fs}) == 1 for name in (
            "status", "period_start", "due", "done_on", "days_late", "counted_to", "defeated_by", "depends_on",
            "provisional", "calendar_basis", "performed",
        )}
        if not (same["defeated_by"] and same["status"] and same["performed"]):
            certain = False
        dues = sorted({f.due for f in fs if f.due is not None})
        varied = not all(same.values())
        upd: dict[str, Any] = {
            "message": _imprecise.merge_messages([f.message for f in fs], low, [marks[k] for k, _, _ in items]),
            "certainty": Certainty.CERTAIN if certain and not inner_possible else Certainty.POSSIBLE,
        }
        for name in ("period_start", "done_on", "days_late", "counted_to"):
            if not same[name]:
                upd[name] = None
        # a day that stands for an imprecise value (an end of its interval, the as-of date, the day
        # before every date of the case) is not a day the record gives: not shown as one
        for name in ("period_start", "done_on", "counted_to"):
            if any(getattr(f, name) is not None and getattr(f, name) in marks[k] for k, f, _ in items):
                upd[name] = None
                upd["days_late"] = None
        span = ranges.get(_family(first))
        if not same["due"] or (span is not None and first.due is not None):
            upd["due"] = None
            upd["days_late"] = None
            upd["due_range"] = span if span is not None else ((dues[0], dues[-1]) if dues else None)
            varied = True
        if not same["provisional"]:
            upd["provisional"] = True
        if not same["defeated_by"]:
            upd["defeated_by"] = None
        if not certain or varied:
            upd["interpretations"] = first.interpretations + tuple(x for x in ("IMP-1",) if x not in first.interpretations)
            by_inst = {k: (f.message, f.due, f.status, f.days_late, f.defeated_by, f.performed) for k, f, _ in items}
            upd["uncertain_facts"] = tuple(dict.fromkeys(inner + why([by_inst.get(j) for j in range(n)])))
        elif inner_possible:
            upd["uncertain_facts"] = inner
        findings.append(first.model_copy(update=upd))
        behind.append(items[0][2])

    note_groups: dict[tuple[Any, ...], list[tuple[int, Note]]] = {}
    for k, r in enumerate(runs):
        for nt in r.report.notes:
            note_groups.setdefault((nt.rule_id, nt.facts), []).append((k, nt))
    notes: list[Note] = []
    for items in note_groups.values():
        certain = len({k for k, _ in items}) == n and not cut
        inner = tuple(dict.fromkeys(u for _, nt in items if nt.certainty is not Certainty.CERTAIN for u in nt.uncertain_facts))
        inner_possible = any(nt.certainty is not Certainty.CERTAIN for _, nt in items)
        if items[0][1].rule_id in art_035.ABOUT_THE_INTERVAL:
            # about every day the first step may be, not one of them: an instantiation the measures
            # exclude drops it with the rest of the matter, and its dates are the interval's ends
            notes.append(items[0][1])
            continue
        upd = {
            "message": _imprecise.merge_messages([nt.message for _, nt in items], low, [marks[k] for k, _ in items]),
            "certainty": Certainty.CERTAIN if certain and not inner_possible else Certainty.POSSIBLE,
        }
        if not certain or len({nt.message for _, nt in items}) > 1:
            by_note = {k: nt.message for k, nt in items}
            upd["uncertain_facts"] = tuple(dict.fromkeys(inner + why([by_note.get(j) for j in range(n)])))
        elif inner_possible:
            upd["uncertain_facts"] = inner
        notes.append(items[0][1].model_copy(update=upd))

    def cite_key(x: Finding | Note) -> tuple[Any, ...]:
        return (x.article, x.paragraph or 0, x.item or 0, x.rule_id, x.facts, x.message)

    order = sorted(range(len(findings)), key=lambda i: cite_key(findings[i]))
    findings = [findings[i] for i in order]
    behind = [behind[i] for i in order]
    notes.sort(key=cite_key)
    timeline = tuple(sorted(
        {t for r in runs for t in r.report.timeline if any(
            f.rule_id == t.rule_id and f.due == t.due and f.certainty is Certainty.CERTAIN for f in findings
        )},
        key=lambda t: (t.due, t.period_start, t.rule_id),
    ))
    missing: dict[MissingFact, None] = {}
    for slot in found:
        # a conduct date (A32-7) is missing when it may fall on either side of 2025-03-01, and only then
        undecided = _imprecise.conduct_date_undecided(slot, lc)
        if undecided is False:
            continue
        if isinstance(slot.value, _imprecise.ActState) and slot.value is not _imprecise.ActState.NOT_DONE:
            missing[MissingFact(field=slot.path, needed_for="日期" if slot.value is _imprecise.ActState.DONE else "是否已做",
                                reason=_imprecise.missing_reason(slot))] = None
        elif undecided:
            missing[MissingFact(field=slot.path, needed_for="日期", reason=_imprecise.missing_reason(slot))] = None
    told = {slot.path for slot in found if isinstance(slot.value, _imprecise.ActState)}
    # an act done on an unknown day: said once, in its own words; a year without holiday data: once,
    # with every period that needed it in any instantiation (P9)
    for m in one_per_year(x for r in runs for x in r.derived.missing_computed()):
        if m.field not in told:
            missing.setdefault(trusted_construct(MissingFact, field=m.field, needed_for=m.needed_for, reason=m.reason), None)
    calendars: dict[int, CalendarUsed] = {}
    for r in runs:
        for c in r.report.calendars:
            if c.year not in calendars or (c.provisional and not calendars[c.year].provisional):
                calendars[c.year] = c
    cal = tuple(calendars[y] for y in sorted(calendars))
    base = runs[0].report
    applicability = _applicability(lc, notes)
    report = Report(
        case_id=base.case_id,
        as_of=base.as_of,
        in_scope=_IN_SCOPE[applicability.measures.applicable],
        policy=base.policy,
        notes=tuple(notes),
        findings=tuple(findings),
        timeline=timeline,
        missing_facts=tuple(missing),
        calendars=cal,
        calendar_notes=tuple(dict.fromkeys(x for r in runs for x in r.report.calendar_notes)),
        source=base.source,
        applicability=applicability,
        versions=_versions.report_versions(cal),
    )
    first = runs[0]
    return Run(report=report, case=lc, derived=first.derived, fired=first.fired, behind=tuple(behind))


# ---- a period that reaches a year whose arrangement is not published (P10) ---------------------


def _bound_reasons(report: Report) -> tuple[tuple[str, ...], str]:
    """Why a conclusion that changes between the bounds of the unpublished years is only possible
    (the report's ``uncertain_facts``), and the calendar basis it rests on, from the years the report
    marked provisional and why (its ``calendar_notes``)."""
    reasons: list[str] = []
    labels: list[str] = []
    for c in report.calendars:
        if not c.provisional:
            continue
        said = [r for r in (provisional_reason(c.year), prefecture_reason(c.year))
                if any(n.startswith(f"{c.year}年的到期日为暂定：{r}；") for n in report.calendar_notes)]
        if provisional_reason(c.year) in said:
            reasons.append(f"到期日取决于尚未公布的{c.year}年节假日安排")
        if prefecture_reason(c.year) in said:
            reasons.append(f"到期日取决于{c.year}年州庆放假日期（州政府办公室的通知未收录）")
        labels.append(f"{c.year}年：暂定（{'；'.join(said)}）")
    return tuple(reasons), "；".join(labels)


def _bound_zh(bound: str, national: bool, prefecture: bool) -> str:
    """A bound of P10 as the report names it, for the unknowns the report has."""
    if bound == "early":
        # the 补假 of a holiday on a weekend is owed (放假办法), but its day is not fixed: the fewest
        # days off take none of the working days after the holiday as it (P10)
        parts = ["法定节日放假，适逢周六、周日的节日的补假不安排在节日之后，节日前后十日内的周六、周日调休上班"] * national
        parts += ["州庆不放假"] * prefecture
        return f"{BOUND_ZH['early']}（{'；'.join(parts)}）"
    parts = ["法定节日前后十日内的工作日均放假"] * national + ["8月17日至23日的工作日均为州庆放假日"] * prefecture
    return f"{BOUND_ZH['late']}（{'；'.join(parts)}）"


def _with_bounds(main: Run, lc: LoadedCase, policy: PeriodPolicy | None, found: tuple[_imprecise.Slot, ...]) -> Run:
    """P10: a report that counted a period with a year whose arrangement (or 州庆 notice) is not
    published, judged again with that year at its two bounds (the fewest and the most days off the
    arrangement could give, ``_periods.calendar.bounding_year``). A due date only moves later as days
    off are added, so a conclusion given under both bounds and under the provisional calendar holds
    whatever the arrangement will be: it stays as it is (certain, its due date still marked 暂定). One
    that is missing or judged otherwise under a bound is only possible, and says why; one given under a
    bound only is added as possible. Notes likewise."""
    base = policy if policy is not None else _case_policy(lc)
    bounds = [
        _run_exact(lc, bound_policy(base, b)) if not found else _run_imprecise(lc, bound_policy(base, b), found)
        for b in BOUNDS
    ]
    reasons, basis = _bound_reasons(main.report)
    national = any(r.endswith("节假日安排") for r in reasons)
    prefecture = any("州庆" in r for r in reasons)

    def possible(f: Finding) -> Finding:
        upd: dict[str, Any] = {
            "certainty": Certainty.POSSIBLE,
            "uncertain_facts": f.uncertain_facts + tuple(r for r in reasons if r not in f.uncertain_facts),
            "interpretations": f.interpretations + tuple(x for x in ("P9", "P10") if x not in f.interpretations),
            "provisional": True,
        }
        if f.calendar_basis is None:
            upd["calendar_basis"] = basis
        return f.model_copy(update=upd)

    def key(f: Finding) -> tuple[Any, ...]:
        return (f.rule_id, f.subject_id, f.facts)

    def verdict(f: Finding) -> tuple[Any, ...]:
        return (f.status, f.defeated_by, f.performed, f.certainty)

    others = [{key(f): (f, fr) for f, fr in zip(r.report.findings, r.behind)} for r in bounds]
    findings: list[Finding] = []
    behind: list[_engine.Fired] = list(main.behind)
    made_under: list[str | None] = [None] * len(behind)
    changed = False
    for f in main.report.findings:
        if all(key(f) in o and verdict(o[key(f)][0]) == verdict(f) for o in others):
            findings.append(f)
        else:
            findings.append(possible(f))
            changed = True
    seen = {key(f) for f in main.report.findings}
    added = False
    for i, o in enumerate(others):
        for k, (f, fr) in o.items():
            if k not in seen:
                seen.add(k)
                under = [_bound_zh(b, national, prefecture) for b, o2 in zip(BOUNDS, others) if k in o2]
                g = possible(f)
                findings.append(g.model_copy(update={"uncertain_facts": g.uncertain_facts + (
                    f"本认定只在{'或'.join(under)}下成立，其中的日期按该情形推算",
                )}))
                behind.append(fr)
                made_under.append(BOUNDS[i])  # its dates, tests and period are this bound's
                added = True

    note_keys = [{(n.rule_id, n.facts) for n in r.report.notes} for r in bounds]
    notes: list[Note] = []
    for n in main.report.notes:
        if all((n.rule_id, n.facts) in ks for ks in note_keys):
            notes.append(n)
        else:
            changed = True
            notes.append(n.model_copy(update={
                "certainty": Certainty.POSSIBLE,
                "uncertain_facts": n.uncertain_facts + tuple(r for r in reasons if r not in n.uncertain_facts),
            }))
    seen_notes = {(n.rule_id, n.facts) for n in main.report.notes}
    for r in bounds:
        for n in r.report.notes:
            if (n.rule_id, n.facts) not in seen_notes:
                seen_notes.add((n.rule_id, n.facts))
                changed = added = True
                notes.append(n.model_copy(update={"certainty": Certainty.POSSIBLE, "uncertain_facts": n.uncertain_facts + reasons}))
    if not (changed or added):
        return main
    if added:
        order = sorted(range(len(findings)), key=lambda i: _cite_key(findings[i]))
        findings, behind = [findings[i] for i in order], [behind[i] for i in order]
        made_under = [made_under[i] for i in order]
        notes.sort(key=_cite_key)
    # the timeline lists the time limits of certain findings only, as for imprecise dates (IMP-2)
    sure = {(f.rule_id, f.due) for f in findings if f.certainty is Certainty.CERTAIN}
    timeline = tuple(t for t in main.report.timeline if (t.rule_id, t.due) in sure)
    report = main.report.model_copy(update={"findings": tuple(findings), "notes": tuple(notes), "timeline": timeline})
    return replace(
        main, report=report, behind=tuple(behind),
        bound_of=tuple(made_under) if added else (), bound_runs=tuple(bounds) if added else (),
    )
