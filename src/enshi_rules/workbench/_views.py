"""A report as legal staff read it: the same words for the page, the printed page and the DOCX.

:func:`report_view` turns a :class:`~enshi_rules.Report` into plain values (labels such as
【违反·逾期未完成】, short citations with the unit they link to, the cited text, the rule's condition,
the interpretations relied on, the versions, and ``explain``'s explanation of each finding), so that
the HTML templates and the Word template say exactly the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .._engine.rulebook import Modality
from .._evaluate.text_report import (
    STATUS_ZH,
    applicability_zh,
    calendar_note_zh,
    certainty_zh,
    defeated_by_zh,
    depends_on_zh,
    field_zh,
    finding_tag,
    provisional_text,
    short_citation,
    status_zh,
    tiaoli_applicability_zh,
)
from .._law import text as _text
from ..rules import all_rules
from . import _catalog

__all__ = ["FindingView", "ReportView", "finding_label", "report_view"]

def finding_label(f: Any) -> str:
    """【违反·逾期未完成】, 【应当·已履行】, 【可以·期限届满未行使】 … (the text report's tag)."""
    return f"【{finding_tag(f)}】"


def _cn_date(d: date | None) -> str:
    return "" if d is None else f"{d.year}年{d.month}月{d.day}日"


@dataclass(frozen=True)
class FindingView:
    index: int
    rule_id: str
    label: str
    modality: str
    status: str | None
    subject: str
    message: str
    citation: str  # short: 第二十七条第二款
    full_citation: str
    unit_id: str
    href: str
    unit_text: str
    rule_summary: str
    rule_condition: str
    facts: tuple[str, ...]
    due: str  # 2025年10月24日, or "" for a finding without a time limit
    days_late: int | None
    counted_to: str  # the day the days late were counted to, when the matter moved on before the as-of date
    defeated_by: str  # the rule id of the exception that defeats the finding (kept, to show what was defeated)
    depends_on: str  # the rule id of the question a person must decide first
    #: the two above as legal staff read them: the 条/款/项 and what it gives, the id after it
    #: (第三十二条第二款的例外排除了该认定…（规则编号 art_032.p2.tolerance）); "" when there is none
    defeated_by_zh: str
    depends_on_zh: str
    provisional: str  # "" or （暂定：2027年节假日安排尚未公布，按《全国年节及纪念日放假办法》推算）
    calendar_basis: str
    interpretations: tuple[tuple[str, str], ...]  # (id, title)
    explanation: Any = None
    #: "" (certain), or 可能：… with the facts whose imprecision makes the finding possible (IMP-2)
    certainty: str = ""
    #: "" or 2025年10月9日至2025年10月30日之间: the last day when the period starts within an interval
    due_range: str = ""  # the FindingExplanation of ``enshi_rules.explain`` for this finding
    #: for a finding citing an item (项): the first line of its paragraph (款), which the item completes
    #: (有下列情形之一的：); "" otherwise. ``explain`` prints the same lead-in before ……
    unit_lead_in: str = ""


@dataclass(frozen=True)
class ReportView:
    case_id: str
    as_of: str
    as_of_iso: str
    in_scope: bool | None  # null: whether the measures apply cannot be determined (``applicability``)
    policy: str
    notes: tuple[dict[str, str], ...]
    findings: tuple[FindingView, ...]
    timeline: tuple[dict[str, Any], ...]
    missing_facts: tuple[dict[str, str], ...]
    versions: tuple[tuple[str, str], ...]
    calendars: tuple[dict[str, str], ...] = ()  # the holiday calendar of each year a period touched
    calendar_notes: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    applicability: str = "是"  # 是 / 否 / 不能确定（…）, as in the text report
    source: str = ""  # 监督事项来源
    #: the 适用《行政执法监督条例》 line, as in the text report: 是（…）, 不能确定（…）, or "" (not shown)
    tiaoli: str = ""
    #: why applicability is what it is, and what would settle it when undetermined
    applicability_reason: str = ""
    settled_by: str = ""


def _versions(report: Any) -> tuple[tuple[str, str], ...]:
    """What the report was computed with (the report's own ``versions``; the calendars have their section)."""
    reg = _text.regulation()
    v = report.versions
    return (
        ("enshi-rules", v.enshi_rules),
        ("条文", f"《{reg.title}》{reg.source.replace('【法宝引证码】', '法宝引证码').strip()}；文本 {v.regulation}"),
        ("规则", f"{len(all_rules())} 条；{v.rules}"),
        ("对照表", f"article_map.yaml {v.article_map}"),
        ("期间计算", report.policy.description),
    )


def _interpretations(f: Any, of_unit: tuple[Any, ...]) -> tuple[tuple[str, str], ...]:
    """The interpretations the finding relied on (when the report names them), else those of its unit."""
    ids = getattr(f, "interpretations", None)
    if ids is None:
        return tuple((c.id, c.title) for c in of_unit)
    from .._law.register import load_register

    known = load_register().by_id
    return tuple((x, known[x].title if x in known else "") for x in ids)


def _lead_in(f: Any, ins: Any) -> str:
    """The first line of the paragraph an item belongs to (as ``explain`` gives it), or ""."""
    if f.item is None:
        return ""
    reg = _text.regulation(ins)
    return reg.unit(f.article, reg.unit(f.article, f.paragraph, f.item).paragraph).text.split("\n", 1)[0]


def report_view(report: Any, explanations: Any = None) -> ReportView:
    """The report in words; ``explanations`` is the :class:`~enshi_rules.Explanation` of the same
    evaluation (``explain``), whose findings are in the report's order, or None."""
    rules = all_rules()
    explained = list(explanations.findings) if explanations is not None else []
    if [e.finding.rule_id for e in explained] != [f.rule_id for f in report.findings]:
        explained = []  # not the explanation of this report: show none rather than a wrong one
    findings = []
    counts: dict[str, int] = {}
    for i, f in enumerate(report.findings, 1):
        ins = _catalog.instrument_of(f.instrument)
        uid = _catalog.finding_unit(f.article, f.paragraph, f.item, ins)
        rule = rules.get(f.rule_id)
        label = finding_label(f)
        counts[label] = counts.get(label, 0) + 1
        findings.append(
            FindingView(
                index=i,
                rule_id=f.rule_id,
                label=label,
                modality=str(f.modality),
                status=None if f.status is None else str(f.status),
                subject=f.subject,
                message=f.message,
                citation=short_citation(f.citation),
                full_citation=f.citation,
                unit_id=uid,
                href=_catalog.unit_href(uid, ins),
                unit_text=_text.regulation(ins).units[uid].text,
                unit_lead_in=_lead_in(f, ins),
                rule_summary=rule.summary if rule else "",
                rule_condition=_catalog.condition_in_words(rule.condition) if rule else "",
                facts=tuple(f.facts),
                due=_cn_date(f.due),
                days_late=f.days_late,
                counted_to=_cn_date(f.counted_to),
                defeated_by=f.defeated_by or "",
                depends_on=f.depends_on or "",
                defeated_by_zh=defeated_by_zh(f.defeated_by) if f.defeated_by else "",
                depends_on_zh=depends_on_zh(f.depends_on) if f.depends_on else "",
                provisional=provisional_text(f.calendar_basis) if f.provisional else "",
                calendar_basis=f.calendar_basis or "",
                interpretations=_interpretations(f, _catalog.interpretations_by_unit(ins).get(uid, ())),
                explanation=explained[i - 1] if explained else None,
                certainty=certainty_zh(f),
                due_range=f"{_cn_date(f.due_range[0])}至{_cn_date(f.due_range[1])}之间" if getattr(f, "due_range", None) else "",
            )
        )
    notes = tuple(
        {
            "citation": short_citation(n.citation),
            "href": _catalog.unit_href(
                _catalog.finding_unit(n.article, n.paragraph, n.item, _catalog.instrument_of(n.instrument)),
                _catalog.instrument_of(n.instrument),
            ),
            "message": n.message,
            "excludes": "是" if n.excludes else "",
            "certainty": "可能" if str(getattr(n, "certainty", "certain")) == "possible" else "",
        }
        for n in report.notes
    )
    may = {(f.rule_id, f.subject) for f in report.findings if str(f.modality) == "may"}
    counted_to = {(f.rule_id, f.subject): f.counted_to for f in report.findings if f.counted_to is not None}
    timeline = tuple(
        {
            "citation": short_citation(t.citation),
            "subject": t.subject,
            "start": t.period_start.isoformat(),
            "days": t.period_days,
            "due": t.due.isoformat(),
            "due_zh": _cn_date(t.due),
            "done_on": t.done_on.isoformat() if t.done_on else "",
            "status": status_zh(Modality.MAY, t.status) if (t.rule_id, t.subject) in may else STATUS_ZH[t.status],
            "days_late": t.days_late or "",
            "counted_to": _cn_date(counted_to.get((t.rule_id, t.subject))) if t.days_late else "",
            "provisional": provisional_text(t.calendar_basis) if t.provisional else "",
        }
        for t in report.timeline
    )
    missing = tuple(
        {"field": m.field, "field_zh": field_zh(m.field), "needed_for": m.needed_for, "reason": m.reason} for m in report.missing_facts
    )
    return ReportView(
        case_id=report.case_id,
        as_of=_cn_date(report.as_of),
        as_of_iso=report.as_of.isoformat(),
        in_scope=report.in_scope,
        tiaoli=tiaoli_applicability_zh(report),
        applicability_reason=report.applicability.measures.reason if getattr(report, "applicability", None) else "",
        settled_by="、".join(report.applicability.measures.settled_by) if getattr(report, "applicability", None) else "",
        policy=report.policy.description,
        notes=notes,
        findings=tuple(findings),
        timeline=timeline,
        missing_facts=missing,
        versions=_versions(report),
        calendars=tuple(
            {"year": str(c.year), "source": c.source, "provisional": "暂定" if c.provisional else ""} for c in report.calendars
        ),
        calendar_notes=tuple(calendar_note_zh(n) for n in report.calendar_notes),
        counts=counts,
        applicability=applicability_zh(report),
        source=(
            report.source.kind + (f"（{report.source.note}）" if report.source.note else "")
            if getattr(report, "source", None) is not None
            else ""
        ),
    )
