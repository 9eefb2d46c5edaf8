"""The timeline chart: the periods of a case as an SVG drawn on the server (no script needed).

One bar per time limit, from the day the period starts (the day of receipt, not counted) to its last
day (inclusive); the day it was done and the as-of date are marked. Days the last day rolled over
(休息日、法定节假日, [P4]) are hatched; under the working-days count ([P6]) the days not counted are
shaded. A provisional due date (a year whose holiday arrangement is not published) is drawn with a
dashed outline and labelled 暂定.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import Any

from .._engine.rulebook import DeadlineStatus, Modality
from .._evaluate.reliance import period_trace
from .._evaluate.text_report import (
    PERMISSION_STATUS_ZH,  # a 可以 period unused is no breach
    STATUS_ZH,  # the text report's words, so the chart cannot drift from it
)
from .._periods.counting import DayCounting, PeriodPolicy
from ..errors import CalendarDataError

__all__ = ["Bar", "bars", "timeline_svg"]

_STATUS_CLASS = {
    DeadlineStatus.PENDING: "pending",
    DeadlineStatus.ON_TIME: "on-time",
    DeadlineStatus.LATE: "late",
    DeadlineStatus.OVERDUE: "overdue",
}
_PERMISSION_COLOR = "#6e7781"
_COLOR = {
    DeadlineStatus.PENDING: "#0969da",
    DeadlineStatus.ON_TIME: "#2da44e",
    DeadlineStatus.LATE: "#bf8700",
    DeadlineStatus.OVERDUE: "#d1242f",
}
_ONE = timedelta(days=1)


@dataclass(frozen=True)
class Bar:
    citation: str
    subject: str
    start: date
    days: int
    due: date
    done_on: date | None
    status: DeadlineStatus
    days_late: int | None
    rolled: tuple[date, ...]  # days the last day rolled over (calendar count)
    skipped: tuple[date, ...]  # days not counted (working-days count)
    provisional: bool
    permission: bool  # the period of a 可以 (a right), not of a duty
    counted_to: date | None = None  # days late counted to this day (the matter moved on), else the as-of date

    @property
    def status_zh(self) -> str:
        return (PERMISSION_STATUS_ZH if self.permission else STATUS_ZH)[self.status]

    @property
    def color(self) -> str:
        return _PERMISSION_COLOR if self.permission else _COLOR[self.status]


def _short(citation: str) -> str:
    return citation.split("》", 1)[-1]


def bars(report: Any) -> list[Bar]:
    """The timeline entries of a report as bars, with the days rolled over or not counted."""
    policy = PeriodPolicy(
        counting=DayCounting(str(report.policy.day_counting)), exclude_time_in_post=report.policy.exclude_time_in_post
    )
    may = {(f.rule_id, f.subject) for f in report.findings if f.modality is Modality.MAY}
    counted_to = {(f.rule_id, f.subject): f.counted_to for f in report.findings if f.counted_to is not None}
    out = []
    for t in report.timeline:
        rolled: tuple[date, ...] = ()
        skipped: tuple[date, ...] = ()
        try:
            # counted as _periods counts it (the same trace explain shows)
            tr = period_trace(t.period_start, t.period_days, policy)
        except CalendarDataError:
            tr = None  # a year without data: nothing is shaded, rather than guessed
        if tr is not None and tr.due == t.due:
            days = tuple(d.on for d in tr.rolled_over)
            if tr.counting is DayCounting.WORKING:
                skipped = days
            else:
                rolled = days
        out.append(
            Bar(
                citation=_short(t.citation),
                subject=t.subject,
                start=t.period_start,
                days=t.period_days,
                due=t.due,
                done_on=t.done_on,
                status=t.status,
                days_late=t.days_late,
                rolled=rolled,
                skipped=skipped,
                provisional=t.provisional,
                permission=(t.rule_id, t.subject) in may,
                counted_to=counted_to.get((t.rule_id, t.subject)),
            )
        )
    return out


def _fmt(d: date) -> str:
    return f"{d.month}月{d.day}日"


def timeline_svg(report: Any, *, width: int = 960) -> str:
    """The chart as an SVG element (inline in the page), or an empty string when there is no period."""
    bs = bars(report)
    if not bs:
        return ""
    label_w, pad_r, top, row_h, axis_h = 250, 150, 34, 46, 30
    dates = [b.start for b in bs] + [b.due for b in bs] + [b.done_on for b in bs if b.done_on] + [report.as_of]
    lo = min(dates) - timedelta(days=2)
    hi = max(dates) + timedelta(days=3)
    span = (hi - lo).days
    plot_w = width - label_w - pad_r
    px = plot_w / span

    def x(d: date) -> float:
        return round(label_w + (d - lo).days * px, 1)

    height = top + row_h * len(bs) + axis_h + 40
    title = f"案件 {report.case_id} 的期限图（判断日 {report.as_of.isoformat()}）"
    o: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="tl-title tl-desc">',
        f'<title id="tl-title">{escape(title)}</title>',
        f'<desc id="tl-desc">{escape("；".join(f"{b.citation} {b.subject}：{b.start} 起算 {b.days} 日，{b.due} 届满，{b.status_zh}" for b in bs))}</desc>',
        "<defs>"
        '<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#fff4cc"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b7791f" stroke-width="2.5"/></pattern>'
        "</defs>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    # month gridlines and labels
    axis_y = top + row_h * len(bs) + 4
    d = date(lo.year, lo.month, 1)
    while d <= hi:
        if d >= lo:
            o.append(f'<line class="grid" x1="{x(d)}" y1="{top - 8}" x2="{x(d)}" y2="{axis_y}" stroke="#d0d7de" stroke-width="1"/>')
            o.append(f'<text class="axis" x="{x(d) + 3}" y="{axis_y + 16}" font-size="12" fill="#444">{d.year}年{d.month}月</text>')
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    o.append(f'<line x1="{label_w}" y1="{axis_y}" x2="{width - pad_r}" y2="{axis_y}" stroke="#57606a" stroke-width="1"/>')
    ax = x(report.as_of) + px / 2
    o.append(f'<line class="as-of" x1="{ax:.1f}" y1="{top - 14}" x2="{ax:.1f}" y2="{axis_y}" stroke="#cf222e" stroke-width="2" stroke-dasharray="6 4"/>')
    o.append(f'<text x="{ax:.1f}" y="{top - 18}" font-size="12" fill="#cf222e" text-anchor="middle">判断日 {report.as_of.isoformat()}</text>')
    for i, b in enumerate(bs):
        y = top + i * row_h
        cls = _STATUS_CLASS[b.status] + (" permission" if b.permission else "")
        o.append(f'<g class="period {cls}{" provisional" if b.provisional else ""}" data-citation="{escape(b.citation)}" data-due="{b.due.isoformat()}">')
        subject = b.subject if len(b.subject) <= 14 else b.subject[:13] + "…"
        o.append(f'<text x="8" y="{y + 16}" font-size="14" font-weight="bold" fill="#1f2328">{escape(b.citation)}</text>')
        o.append(f'<text x="8" y="{y + 33}" font-size="12" fill="#57606a">{escape(subject)}</text>')
        x0, x1 = x(b.start + _ONE), x(b.due + _ONE)
        # the day of receipt, not counted: a thin tick
        o.append(f'<line x1="{x(b.start)}" y1="{y + 6}" x2="{x(b.start)}" y2="{y + 30}" stroke="#57606a" stroke-width="1.5"/>')
        dash = ' stroke="#1f2328" stroke-width="1.5" stroke-dasharray="5 3" fill-opacity="0.45"' if b.provisional else ""
        o.append(f'<rect class="bar" x="{x0}" y="{y + 8}" width="{max(x1 - x0, 2)}" height="20" rx="3" fill="{b.color}"{dash}/>')
        for day in b.skipped:
            o.append(f'<rect class="skipped" x="{x(day)}" y="{y + 8}" width="{max(px, 1):.1f}" height="20" fill="#ffffff" fill-opacity="0.55"/>')
        for day in b.rolled:
            o.append(f'<rect class="rolled" x="{x(day)}" y="{y + 8}" width="{max(px, 1):.1f}" height="20" fill="url(#hatch)"><title>{day.isoformat()} 休息日或法定节假日，期限顺延</title></rect>')
        if b.done_on is not None:
            cx = x(b.done_on) + px / 2
            o.append(
                f'<path class="done" d="M{cx:.1f},{y + 4} l7,14 l-7,14 l-7,-14 z" fill="#1f2328" stroke="#ffffff" stroke-width="1.5">'
                f"<title>完成 {b.done_on.isoformat()}</title></path>"
            )
        label = f"届满 {_fmt(b.due)}"
        if b.provisional:
            label += "（暂定）"
        extra = b.status_zh + (f" {b.days_late}日" if b.days_late else "")
        if b.days_late and b.counted_to is not None:
            extra += f"（计至{_fmt(b.counted_to)}）"
        # days late: a thin band from the day after the due date to the day it was done or the as-of date
        if b.status in (DeadlineStatus.OVERDUE, DeadlineStatus.LATE) and not b.permission:
            until = b.done_on if b.status is DeadlineStatus.LATE and b.done_on else (b.counted_to or report.as_of)
            if until > b.due:
                o.append(f'<rect class="late-days" x="{x1}" y="{y + 15}" width="{x(until + _ONE) - x1:.1f}" height="6" fill="{_COLOR[b.status]}" fill-opacity="0.35"/>')
        halo = 'paint-order="stroke" stroke="#ffffff" stroke-width="4" stroke-linejoin="round"'
        o.append(f'<text x="{x1 + 6}" y="{y + 13}" font-size="12" fill="#1f2328" {halo}>{escape(label)}</text>')
        o.append(f'<text class="status" x="{x1 + 6}" y="{y + 36}" font-size="12" fill="{b.color}" {halo}>{escape(extra)}</text>')
        o.append("</g>")
    # legend
    ly = height - 14
    items = []
    for status, color in _COLOR.items():
        if any(b.status is status and not b.permission for b in bs):
            items.append((f'<rect x="{{x}}" y="{{y}}" width="18" height="10" fill="{color}"/>', STATUS_ZH[status]))
    if any(b.permission for b in bs):
        items.append((f'<rect x="{{x}}" y="{{y}}" width="18" height="10" fill="{_PERMISSION_COLOR}"/>', "可以行使的期限"))
    if any(b.rolled for b in bs):
        items.append(('<rect x="{x}" y="{y}" width="18" height="10" fill="url(#hatch)" stroke="#b7791f"/>', "顺延的休息日"))
    if any(b.done_on for b in bs):
        items.append(('<path d="M{cx},{y0} l5,6 l-5,6 l-5,-6 z" fill="#1f2328"/>', "完成日"))
    items.append(('<line x1="{x}" y1="{ym}" x2="{x2}" y2="{ym}" stroke="#cf222e" stroke-width="2" stroke-dasharray="4 3"/>', "判断日"))
    if any(b.skipped for b in bs):
        items.insert(4, ('<rect x="{x}" y="{y}" width="18" height="10" fill="#cccccc"/>', "不计入的休息日"))
    if any(b.provisional for b in bs):
        items.append(('<rect x="{x}" y="{y}" width="18" height="10" fill="none" stroke="#1f2328" stroke-dasharray="3 2"/>', "暂定日期"))
    lx = 8
    for shape, text in items:
        o.append(shape.format(x=lx, y=ly - 9, cx=lx + 9, y0=ly - 11, ym=ly - 4, x2=lx + 18))
        o.append(f'<text x="{lx + 24}" y="{ly}" font-size="12" fill="#1f2328">{text}</text>')
        lx += 24 + 13 * len(text) + 16
    o.append("</svg>")
    return "\n".join(o)
