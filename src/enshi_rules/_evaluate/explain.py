"""``explain``: why each finding of a report says what it says.

For every finding: the text of the unit it cites; the rule's condition in Chinese words, each test of
it with whether it held; each fact value the rule matched, with the case field it came from; the
chain of derived facts it rests on (a 第二十八条 finding on the 第二十七条 outcome that derived its fact);
for a time limit, the start, the number of days, the raw last day and each day it rolled over with
the reason (counted by ``_reliance.period_trace`` through ``_periods``); and the interpretations of
the register it relied on, with their text. The same content as JSON (``Explanation.to_json``) and
as text for a reader (:func:`render_explanation`). ``docs/explain.md`` documents the JSON shape.

Explaining needs the firings of the engine, which a :class:`Report` does not keep: given a report,
``explain`` needs the case too (``case=``) and checks that evaluating it gives the same report.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from .._derive import imprecise as _imprecise
from .._engine import durable as _engine
from .._engine.kinds import date_properties, meaning
from .._engine.rulebook import DeadlineStatus, Modality, zh_date
from .._law import text as _text
from .._periods.counting import BOUND_ZH, DayCounting, PeriodPolicy
from ..errors import CaseValidationError, Problem
from ..facts import Case
from ..report import Finding, Policy, Report
from ..rules import all_rules
from .evaluate import Run, run
from .reliance import PeriodTrace, day_reason, period_trace
from .text_report import defeated_by_zh, depends_on_zh, finding_tag, rule_ref_zh  # the words the text report uses

__all__ = [
    "ChainLink",
    "ConditionTest",
    "Explanation",
    "FactValue",
    "FindingExplanation",
    "InterpretationText",
    "PeriodDay",
    "PeriodExplanation",
    "UnitText",
    "explain",
    "explain_run",
    "render_explanation",
]

EXPLANATION_FORMAT = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UnitText(_Frozen):
    """The cited unit: its citation, its own text, and for an item the paragraph that leads into it."""

    citation: str
    text: str
    lead_in: str = ""


class ConditionTest(_Frozen):
    """One test of the rule's condition, in Chinese words, and whether it held for the matched fact."""

    text: str
    holds: bool


class FactValue(_Frozen):
    """One value the rule looked at: the fact property, its meaning, where it came from, its value."""

    name: str
    label: str
    field: str | None  # the case field path; None when computed (``computed`` says from what)
    computed: str = ""
    value: str | int | bool | None
    value_zh: str


class ChainLink(_Frozen):
    """A finding whose rule derived the fact the next link (or the explained finding) matched."""

    rule_id: str
    citation: str
    message: str
    derived_kind: str
    derived_kind_zh: str


class PeriodDay(_Frozen):
    on: date
    reason: str


class PeriodExplanation(_Frozen):
    """How the finding's time limit was counted."""

    start: date
    start_field: str | None
    days: int
    counting: str  # "calendar" | "working"
    raw_last_day: date
    rolled_over: tuple[PeriodDay, ...]
    stopped_by: PeriodDay | None
    adjusted_counted: tuple[PeriodDay, ...]
    due: date
    done_on: date | None
    done_field: str | None
    as_of: date
    counted_to: date | None
    status: DeadlineStatus
    days_late: int | None
    text: str


class InterpretationText(_Frozen):
    id: str
    title: str
    choice: str


class FindingExplanation(_Frozen):
    finding: Finding
    unit: UnitText
    rule_summary: str
    condition: str
    tests: tuple[ConditionTest, ...]
    facts: tuple[FactValue, ...]
    chain: tuple[ChainLink, ...]
    period: PeriodExplanation | None
    interpretations: tuple[InterpretationText, ...]
    #: P10: a finding given only when the unpublished years are taken at a bound is explained by that
    #: evaluation (its tests, facts, chain and period): ``"early"`` (the fewest days off) or
    #: ``"late"`` (the most), and ``bound_zh`` says so in Chinese; null for every other finding.
    bound: str | None = None
    bound_zh: str | None = None


class Explanation(_Frozen):
    """``explain``'s result: the case, the date, how periods were counted, one entry per finding."""

    format: int = EXPLANATION_FORMAT
    case_id: str
    as_of: date
    policy: Policy
    rule_id: str | None
    findings: tuple[FindingExplanation, ...]

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Explanation:
        return cls.model_validate_json(text)


# ---------------------------------------------------------------------------- what facts mean

#: Each fact kind in Chinese.
KIND_ZH = {
    "case": "案件",
    "relation": "监督关系",
    "situation": "第二十六条情形",
    "letter": "建议书",
    "objection": "申请复查的期限",
    "review": "复查",
    "rectification": "整改期限",
    "rectification_outcome": "整改结果（由第二十七条第二款的认定推导）",
    "execution": "执行情况报告期限",
    "dispute": "监督管辖争议",
    "inspection": "监督检查",
    "measure": "监督措施",
    "complaint": "投诉、举报",
    "major_decision": "重大行政执法决定",
    "deficiency": "监督内容中的问题",
    "liability": "责任人员",
    "misconduct": "监督人员",
    "obstruction": "妨碍监督的记录",
    "clue": "问题线索",
    "followup": "监督的后续处理",
    "annual": "年度职责",
    "pre_commencement": "施行前的步骤或期间（第三十五条）",
    "trade_supervision_act": "行业监督中的决定书或约谈（第五条第三款）",
    "tiaoli_matter": "监督事项（《行政执法监督条例》）",
    "tiaoli_misconduct": "监督人员的行为（《行政执法监督条例》）",
}



@functools.cache
def _date_props() -> frozenset[str]:
    """Fact properties that hold ordinal dates: the ``day`` properties of ``rules/kinds.py``."""
    all_rules()  # the kinds are declared with the rules
    return date_properties()

#: The record a fact was made from: kind -> (case list, how a record is named in ``refs``).
_RECORD_LISTS = {
    "situation": ("supervision.situations", lambda r: r.ref),
    "deficiency": ("supervision.deficiencies", lambda r: r.ref),
    "inspection": ("inspections", lambda r: r.id),
    "measure": ("inspections", lambda r: r.id),
    "complaint": ("complaints", lambda r: r.id),
    "major_decision": ("major_decisions", lambda r: r.id),
    "liability": ("liabilities", lambda r: r.id),
    "misconduct": ("conduct", lambda r: r.id),
    "tiaoli_misconduct": ("conduct", lambda r: r.id),
    "obstruction": ("obstructions", lambda r: r.id),
    "clue": ("clues", lambda r: r.id),
    "annual": ("annual_duties", lambda r: f"{r.organ}@{r.year}"),
}


def _record_path(case: Case, fact: Mapping[str, Any]) -> str:
    kind = fact.get("kind")
    if kind == "dispute":
        return "dispute"
    if kind in ("followup", "letter"):
        return "supervision"
    listing = _RECORD_LISTS.get(str(kind))
    refs = list(fact.get("refs") or ())
    if listing is None or not refs:
        return ""
    path, name = listing
    obj: Any = case
    for part in path.split("."):
        obj = getattr(obj, part)
    for i, rec in enumerate(obj):
        if name(rec) == refs[0]:
            return f"{path}[{i}]"
    return path


def _meaning(kind: str, prop: str, rec: str) -> tuple[str, str | None, str]:
    label, field, computed = meaning(kind, prop)  # declared with the kind (rules/kinds.py)
    if field and "{rec}" in field:
        field = field.replace("{rec}", rec) if rec else None
    if computed and "{rec}" in computed:
        computed = computed.replace("{rec}", rec or "记录")
    return label, field, computed


def _value_zh(prop: str, v: Any) -> str:
    if v is None:
        return "未记录"
    if isinstance(v, bool):
        return "是" if v else "否"
    if prop in _date_props() and isinstance(v, int):
        return zh_date(date.fromordinal(v))
    if isinstance(v, list):
        return "、".join(str(x) for x in v) or "（无）"
    if prop == "status" and isinstance(v, str):
        return _STATUS_WORDS.get(v, v)
    if prop == "item" and isinstance(v, int):
        return f"第{_text.item_marker(v)}项"
    return str(v)


def _json_value(prop: str, v: Any) -> str | int | bool | None:
    if prop in _date_props() and isinstance(v, int) and not isinstance(v, bool):
        return date.fromordinal(v).isoformat()
    if isinstance(v, list):
        return "、".join(str(x) for x in v)
    return v


# ---------------------------------------------------------------------------- the condition in words

_CMP_DATE = {"$lt": "早于", "$lte": "不晚于", "$gt": "晚于", "$gte": "不早于", "$neq": "不同于"}
_CMP_NUM = {"$lt": "小于", "$lte": "不大于", "$gt": "大于", "$gte": "不小于", "$neq": "不等于"}


class Words:
    """Renders a durable-rules condition over one fact as Chinese words and tests it on the fact."""

    def __init__(self, kind: str, fact: Mapping[str, Any], rec: str) -> None:
        self.kind, self.fact, self.rec = kind, fact, rec
        self.props: list[str] = []
        self.tests: list[ConditionTest] = []

    def label(self, prop: str) -> str:
        if prop not in self.props and prop != "kind":
            self.props.append(prop)
        return _meaning(self.kind, prop, self.rec)[0]

    def literal(self, prop: str, v: Any) -> str:
        if prop in _date_props() and isinstance(v, int) and not isinstance(v, bool):
            return zh_date(date.fromordinal(v))
        if isinstance(v, bool):
            return "是" if v else "否"
        if prop == "status" and isinstance(v, str):
            return _STATUS_WORDS.get(v, v)
        if prop == "item" and isinstance(v, int):
            return f"第{_text.item_marker(v)}项"
        return f"“{v}”" if isinstance(v, str) else str(v)

    def operand(self, prop: str, v: Any) -> tuple[str, Any]:
        if isinstance(v, dict) and "$m" in v:
            other = v["$m"]
            return self.label(other), self.fact.get(other)
        return self.literal(prop, v), v

    def atom(self, text: str, holds: bool) -> str:
        self.tests.append(ConditionTest(text=text, holds=holds))
        return text

    def words(self, node: Mapping[str, Any]) -> str:
        if len(node) > 1:
            return self.words({"$and": [{k: v} for k, v in node.items()]})
        (key, val), = node.items()
        if key in ("$and", "$or"):
            parts = [self.words(sub) for sub in val]
            parts = [p for p in parts if p]
            if key == "$and":
                return "，且".join(parts)
            # an "and" inside an "or" is bracketed, so the reader sees what binds to what
            parts = [f"〔{p}〕" if "，且" in p else p for p in parts]
            return "（" + "，或者".join(parts) + "）"
        if key == "$ex":
            (prop, _), = val.items()
            return self.atom(f"已记录{self.label(prop)}", self.fact.get(prop) is not None)
        if key == "$nex":
            (prop, _), = val.items()
            return self.atom(f"未记录{self.label(prop)}", self.fact.get(prop) is None)
        if key in _CMP_DATE:
            (prop, operand), = val.items()
            left = self.fact.get(prop)
            right_words, right = self.operand(prop, operand)
            dates = prop in _date_props()
            words = f"{self.label(prop)}{(_CMP_DATE if dates else _CMP_NUM)[key]}{right_words}"
            return self.atom(words, _compare(key, left, right))
        if key == "kind":
            return ""  # said once, as what the rule is about
        words = f"{self.label(key)}为{self.literal(key, val)}"
        return self.atom(words, self.fact.get(key) == val)


def _compare(op: str, a: Any, b: Any) -> bool:
    if a is None or b is None:
        return op == "$neq" and a != b
    try:
        return {"$lt": a < b, "$lte": a <= b, "$gt": a > b, "$gte": a >= b, "$neq": a != b}[op]
    except TypeError:
        return False


_STATUS_WORDS = {
    "pending": "期限未届满",
    "on_time": "按期完成",
    "late": "逾期完成",
    "overdue": "逾期未完成",
}


# ---------------------------------------------------------------------------- periods

def _period(f: Finding, fr: _engine.Fired, policy: PeriodPolicy, as_of: date) -> PeriodExplanation | None:
    if fr.outcome.deadline is None or f.period_start is None or f.period_days is None or f.due is None or f.status is None:
        return None
    start_key, _, done_key = fr.outcome.deadline
    kind = str(fr.fact.get("kind"))
    tr = period_trace(f.period_start, f.period_days, policy)
    return PeriodExplanation(
        start=f.period_start,
        start_field=meaning(kind, start_key)[1],  # the case field, declared with the kind
        days=f.period_days,
        counting=tr.counting.value,
        raw_last_day=tr.raw_last_day,
        rolled_over=tuple(PeriodDay(on=d.on, reason=d.reason) for d in tr.rolled_over),
        stopped_by=PeriodDay(on=tr.stopped_by.on, reason=tr.stopped_by.reason) if tr.stopped_by else None,
        adjusted_counted=tuple(PeriodDay(on=d.on, reason=d.reason) for d in tr.adjusted_counted),
        due=f.due,
        done_on=f.done_on,
        done_field=meaning(kind, done_key)[1] if done_key else None,
        as_of=as_of,
        counted_to=f.counted_to,
        status=f.status,
        days_late=f.days_late,
        text=_period_text(f, tr, as_of, policy),
    )


def _which_calendar(f: Finding, policy: PeriodPolicy) -> str:
    """[P10] Which of the three calendars of an unpublished year the last day was counted with, so
    that a date of the fewest- or most-days-off bound is never read as the provisional one."""
    if not f.provisional:
        return ""
    bound = policy.resolved_calendar().bound
    if bound is not None:
        return f"；按{BOUND_ZH[bound]}推算，节假日安排尚未公布"
    return "；暂定：按《全国年节及纪念日放假办法》推算，节假日安排尚未公布"


def _period_text(f: Finding, tr: PeriodTrace, as_of: date, policy: PeriodPolicy) -> str:
    assert f.status is not None
    parts = [f"自{zh_date(tr.start)}起算（当日不计入）"]
    if tr.counting is DayCounting.WORKING:
        parts.append(f"按工作日计算{tr.days}个工作日，至{zh_date(tr.due)}")
        if tr.rolled_over:
            parts.append("其间不计入的非工作日：" + "、".join(f"{zh_date(d.on)}（{d.reason}）" for d in tr.rolled_over))
        if tr.adjusted_counted:
            parts.append("计入的调休上班日：" + "、".join(f"{zh_date(d.on)}（{d.reason}）" for d in tr.adjusted_counted))
    else:
        parts.append(f"{tr.days}日，原始最后一日为{zh_date(tr.raw_last_day)}（{day_reason(tr.raw_last_day, policy)}）")
        if tr.rolled_over:
            parts.append(
                "依次顺延："
                + "、".join(f"{zh_date(d.on)}（{d.reason}）" for d in tr.rolled_over)
                + f"，至{zh_date(tr.due)}（{day_reason(tr.due, policy)}）"
            )
        else:
            parts.append("该日为工作日，不顺延")
        if tr.stopped_by is not None:
            parts.append(f"{zh_date(tr.stopped_by.on)}为调休上班日，视为工作日，期限止于该日")
    parts.append(f"期限最后一日为{zh_date(tr.due)}（含当日{_which_calendar(f, policy)}）")
    st = f.status
    permission = f.modality is Modality.MAY
    if st is DeadlineStatus.ON_TIME:
        parts.append(f"于{zh_date(f.done_on) if f.done_on else '—'}完成，未超过期限")
    elif st is DeadlineStatus.LATE:
        parts.append(f"于{zh_date(f.done_on) if f.done_on else '—'}完成，晚于期限{f.days_late}日")
    elif st is DeadlineStatus.PENDING:
        parts.append(f"判断日{zh_date(as_of)}期限尚未届满")
    elif permission:
        parts.append(f"判断日{zh_date(as_of)}期限已届满，未行使")
    elif f.counted_to is not None:
        parts.append(f"逾期计至{zh_date(f.counted_to)}（此后程序已进入下一阶段），共{f.days_late}日")
    else:
        parts.append(f"判断日{zh_date(as_of)}仍未完成，逾期{f.days_late}日")
    return "；".join(parts) + "。"


# ---------------------------------------------------------------------------- chain of derived facts

_ENGINE_KEYS = frozenset({"sid", "id", "serial"})


def _plain(fact: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in fact.items() if k not in _ENGINE_KEYS}


def _chain(fr: _engine.Fired, fired: Sequence[_engine.Fired], findings_by_firing: Mapping[int, Finding]) -> tuple[ChainLink, ...]:
    links: list[ChainLink] = []
    current = fr
    seen: set[int] = set()
    while True:
        target = _plain(current.fact)
        parent = next(
            (p for p in fired if id(p) not in seen and any(_plain(d) == target for d in p.outcome.derived)),
            None,
        )
        if parent is None:
            break
        seen.add(id(parent))
        found = findings_by_firing.get(id(parent))
        kind = str(target.get("kind"))
        links.append(
            ChainLink(
                rule_id=parent.rule.rule_id,
                citation=parent.rule.citation,
                message=found.message if found is not None else parent.outcome.message,
                derived_kind=kind,
                derived_kind_zh=KIND_ZH.get(kind, kind),
            )
        )
        current = parent
    return tuple(links)


# ---------------------------------------------------------------------------- explain


def _unit(f: Finding) -> UnitText:
    # the text the finding cites: the measures, or the 条例's excerpts (``instrument == "tiaoli"``)
    reg = _text.regulation(_text.TIAOLI if f.instrument == _text.TIAOLI.key else _text.MEASURES)
    u = reg.unit(f.article, f.paragraph, f.item)
    lead = ""
    if f.item is not None:
        para = reg.unit(f.article, u.paragraph)
        lead = para.text.split("\n", 1)[0]
    return UnitText(citation=f.citation, text=u.text, lead_in=lead)


def _interpretations(ids: Sequence[str]) -> tuple[InterpretationText, ...]:
    from .._law.register import load_register  # noqa: PLC0415

    by_id = load_register().by_id
    return tuple(
        InterpretationText(id=i, title=by_id[i].title, choice=by_id[i].choice) for i in ids if i in by_id
    )


def _explain_finding(main: Run, i: int, findings_by_firing: Mapping[int, Finding]) -> FindingExplanation:
    f = main.report.findings[i]
    fr = main.behind[i]
    # P10: a finding given under a bounding calendar only is explained by the evaluation that gave it
    r, bound = main.made_by(i)
    if bound is not None:
        findings_by_firing = {id(x): g for x, g in zip(r.behind, r.report.findings)}
    kind = str(fr.fact.get("kind"))
    rec = _record_path(r.case.case, fr.fact)
    w = Words(kind, fr.fact, rec)
    cond = w.words(fr.rule.condition)
    what = KIND_ZH.get(kind, kind)
    facts = []
    # a case with imprecise dates is explained by one of its instantiations (issue 19, IMP-1): a
    # value taken from an imprecise field says so
    imprecise = {sl.path: sl for sl in _imprecise.slots(r.case.case)}
    for prop in w.props:
        label, field, computed = _meaning(kind, prop, rec)
        v = fr.fact.get(prop)
        shown = _value_zh(prop, v)
        if field in imprecise and v is not None:
            shown += f"（案件记录为：{imprecise[field].zh.split('（', 1)[1].rstrip('）')}；此处为其中一种可能的取值）"
        facts.append(
            FactValue(name=prop, label=label, field=field, computed=computed, value=_json_value(prop, v), value_zh=shown)
        )
    return FindingExplanation(
        finding=f,
        unit=_unit(f),
        rule_summary=fr.rule.summary,
        condition=f"{what}：{cond}" if cond else what,
        tests=tuple(w.tests),
        facts=tuple(facts),
        chain=_chain(fr, r.fired, findings_by_firing),
        period=_period(f, fr, r.derived.policy, r.report.as_of),
        interpretations=_interpretations(f.interpretations),
        bound=bound,
        bound_zh=_bound_words(bound, f) if bound is not None else None,
    )


def _bound_words(bound: str, f: Finding) -> str:
    """Which bounding calendar of P10 gave the finding, in the words of its ``uncertain_facts``."""
    under = next((u for u in f.uncertain_facts if u.startswith("本认定只在")), "")
    side = "放假日最少" if bound == "early" else "放假日最多"
    return (
        f"{under or '本认定只在尚未公布的节假日安排取边界时成立'}。以下条件、事实、推导链和期间按{side}的边界日历"
        f"（P10，{bound}）计算，不是按暂定日历。"
    )


def explain(
    report_or_case: Report | Case | Mapping[str, Any] | str | bytes,
    rule_id: str | None = None,
    *,
    case: Case | Mapping[str, Any] | str | bytes | None = None,
    as_of: date | str | None = None,
    policy: PeriodPolicy | str | None = None,
    calendar: Any = None,
) -> Explanation:
    """Explain every finding of a case (or only those of ``rule_id``; a prefix such as ``art_027.p2``
    or an article ``art_027`` selects several).

    ``report_or_case`` is a case document (as for :func:`~enshi_rules.evaluate`; ``as_of``,
    ``policy`` and ``calendar`` as there) or a :class:`Report`; a report needs its ``case=`` (the
    firings are not kept in a report), which is evaluated at the report's date and policy (with
    ``calendar``, the calendar files the report was computed with) and must give the same report.
    Raises :class:`CaseValidationError` for an invalid case, a report without its case, a case that
    does not give the report, or a ``rule_id`` that matches no finding;
    :class:`~enshi_rules.errors.CalendarFileError` for a bad calendar file.
    """
    if isinstance(report_or_case, Report):
        given = report_or_case
        if case is None:
            p = Problem("case", "解释一份报告需要同时提供其案件（case=）", "explaining a report needs its case (case=)")
            raise CaseValidationError([p])
        pol = PeriodPolicy(counting=DayCounting(given.policy.day_counting), exclude_time_in_post=given.policy.exclude_time_in_post)
        r = run(case, as_of=given.as_of, policy=pol, calendar=calendar)
        if r.report != given:
            p = Problem("case", "该案件在报告的判断日得出的报告与所给报告不同", "the case does not give this report at its as-of date")
            raise CaseValidationError([p])
    else:
        r = run(report_or_case, as_of=as_of, policy=policy, calendar=calendar)
    return explain_run(r, rule_id)


def explain_run(r: Run, rule_id: str | None = None) -> Explanation:
    """:func:`explain` of an evaluation already run (the command line's, with its calendar options
    laid over the case's own policy)."""
    findings_by_firing = {id(fr): f for fr, f in zip(r.behind, r.report.findings)}
    chosen = [
        i
        for i, f in enumerate(r.report.findings)
        if rule_id is None or f.rule_id == rule_id or f.rule_id.startswith(rule_id + ".")
    ]
    if rule_id is not None and not chosen:
        p = Problem("rule_id", f"报告中没有规则 {rule_id} 的认定", f"no finding of rule {rule_id} in the report")
        raise CaseValidationError([p])
    return Explanation(
        case_id=r.report.case_id,
        as_of=r.report.as_of,
        policy=r.report.policy,
        rule_id=rule_id,
        findings=tuple(_explain_finding(r, i, findings_by_firing) for i in chosen),
    )


# ---------------------------------------------------------------------------- text

def render_explanation(e: Explanation) -> str:
    """The explanation as text for a reader (Chinese), one block per finding."""
    lines = [f"案件 {e.case_id}　判断日 {e.as_of.isoformat()}", f"期间计算：{e.policy.description}", ""]
    if not e.findings:
        lines.append("（没有认定事项）")
    for n, x in enumerate(e.findings, 1):
        f = x.finding
        # the measures' citations without their title; the 条例's keep it (《行政执法监督条例》第四十二条第二款)
        short = f.citation if f.instrument is not None else f.citation.split("》", 1)[-1]
        lines.append(f"{n}. {short}　【{finding_tag(f)}】{f.subject}")
        lines.append(f"   认定：{f.message}")
        if x.bound_zh:
            lines.append(f"   边界日历：{x.bound_zh}")
        if f.defeated_by:
            lines.append(f"   已被排除：{defeated_by_zh(f.defeated_by)}")
        if f.depends_on:
            lines.append(f"   有待人工判断：{depends_on_zh(f.depends_on)}")
        text = f"{x.unit.lead_in}……{x.unit.text}" if x.unit.lead_in else x.unit.text
        lines.append(f"   条文：{text.replace(chr(10), ' ')}")
        lines.append(f"   规则：{x.rule_summary}（{rule_ref_zh(f.rule_id)}）")
        lines.append(f"   条件：{x.condition}")
        for t in x.tests:
            lines.append(f"     {'✓' if t.holds else '✗'} {t.text}")
        if x.facts:
            lines.append("   事实：")
            for v in x.facts:
                where = v.field or (f"由{v.computed}计算" if v.computed else "推导")
                lines.append(f"     · {v.label} = {v.value_zh}（{where}）")
        if x.chain:
            lines.append("   推导链：")
            for c in x.chain:
                lines.append(f"     ← {c.citation.split('》', 1)[-1]}：{c.message}（推导出“{c.derived_kind_zh}”；{rule_ref_zh(c.rule_id)}）")
        if x.period is not None:
            lines.append(f"   期间：{x.period.text}")
        if x.interpretations:
            lines.append("   解释性选择：")
            for it in x.interpretations:
                lines.append(f"     · {it.id} {it.title}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
