"""Shared shape of the yearly duties of 第十五条、第十八条、第十九条 (a helper, not an article).

A yearly duty is judged for one organ and one calendar year (an ``annual`` fact) as of a date. A
year is not judged before it ends: until 31 December has passed, a duty not yet done is ``pending``
(``shall``); done within the year it is ``on_time``; the year over and not done, ``overdue``
(``violation``); a dated act done only after the year, ``late`` (``violation``). The findings carry
the status but no period: the "period" is the calendar year itself.

The interpretive choices above are registered for legal review as A15-1 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._engine.rulebook import DeadlineStatus, Fact, Modality, Outcome, Role, m, rule
from .kinds import ANNUAL

S = DeadlineStatus
_MODALITY = {S.PENDING: Modality.SHALL, S.ON_TIME: Modality.SHALL, S.LATE: Modality.VIOLATION, S.OVERDUE: Modality.VIOLATION}
_SUFFIX = {S.PENDING: "pending", S.ON_TIME: "on_time", S.LATE: "late", S.OVERDUE: "overdue"}
_STATUS_ZH = {S.PENDING: "年度未结束、尚未完成", S.ON_TIME: "已在年度内完成", S.LATE: "年度结束后才完成", S.OVERDUE: "年度结束仍未完成"}

_ANNUAL = ANNUAL


def dated_duty(prefix: str, *, done: str, document: str, late: Callable[[Fact], str]) -> None:
    """应当制定 ``document``: a duty met by one dated act within the year (``done`` names the fact's
    date property); ``late`` words a document made after the year ended."""
    d = getattr(m, done)
    conditions: dict[DeadlineStatus, Any] = {
        S.PENDING: _ANNUAL & (-d) & (m.as_of <= m.year_end),
        S.ON_TIME: _ANNUAL & (+d) & (d <= m.year_end),
        S.LATE: _ANNUAL & (+d) & (d > m.year_end),
        S.OVERDUE: _ANNUAL & (-d) & (m.as_of > m.year_end),
    }
    messages: dict[DeadlineStatus, Callable[[Fact], str]] = {
        S.PENDING: lambda f: f"应当制定{document}；尚未制定，年度未结束。",
        S.ON_TIME: lambda f: f"已于{f.zh(done)}制定{document}。",
        S.LATE: late,
        S.OVERDUE: lambda f: f"年度结束仍未制定{document}。",
    }
    for st, cond in conditions.items():
        _declare(prefix, st, cond, f"应当制定{document}", messages[st])


def counted_duty(prefix: str, *, count: str, activity: str) -> None:
    """应当每年至少组织一次 ``activity``: a duty met by at least one act in the year (``count`` names
    the fact's count property)."""
    c = getattr(m, count)
    conditions: dict[DeadlineStatus, Any] = {
        S.PENDING: _ANNUAL & (c == 0) & (m.as_of <= m.year_end),
        S.ON_TIME: _ANNUAL & (c >= 1),
        S.OVERDUE: _ANNUAL & (c == 0) & (m.as_of > m.year_end),
    }
    messages: dict[DeadlineStatus, Callable[[Fact], str]] = {
        S.PENDING: lambda f: f"应当至少组织一次{activity}；尚未组织，年度未结束。",
        S.ON_TIME: lambda f: f"已组织{activity}{f[count]}次。",
        S.OVERDUE: lambda f: f"年度结束仍未组织{activity}，少于每年至少一次。",
    }
    for st, cond in conditions.items():
        _declare(prefix, st, cond, f"应当每年至少组织一次{activity}", messages[st])


def _declare(prefix: str, st: DeadlineStatus, cond: Any, what: str, text: Callable[[Fact], str]) -> None:
    @rule(f"{prefix}.{_SUFFIX[st]}", _MODALITY[st], Role.SUPERVISING, when=cond,
          summary=f"行政执法监督机关{what}（状态：{_STATUS_ZH[st]}）")
    def build(f: Fact) -> Outcome:
        return Outcome(f"{f['year']}年度：" + text(f), status=st, performed=st is S.ON_TIME)
