"""Shared shape of the yearly duties of 第十五条、第十八条、第十九条 (a helper, not an article).

A yearly duty is judged for one organ and one calendar year (an ``annual`` fact) as of a date. A
year is not judged before it ends: until 31 December has passed, a duty not yet done is ``pending``
(``shall``); done within the year it is ``on_time``; the year over and not done, ``overdue``
(``violation``); a dated act done only after the year, ``late`` (``violation``). The findings carry
the status but no period: the "period" is the calendar year itself.

A 县（市）、州人民政府's duty performed by its 司法行政部门 (第五条第一款) is the government's (A15-5).

The interpretive choices above are registered for legal review as A15-1, A15-5 in
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


#: 第五条第一款: 司法行政部门作为同级人民政府的行政执法监督机构，承担本级人民政府行政执法监督具体工作. A
#: government's yearly duty performed by its 司法行政部门 (a record of the same year in the case) is
#: the government's (A15-5); the ``justice_*`` properties are that record's.
DELEGATION = "（第五条第一款：司法行政部门承担本级人民政府行政执法监督具体工作，视为本级人民政府履行；A15-5）"


def _by_justice(f: Fact) -> str:
    return f["by_justice"]


def dated_duty(prefix: str, *, done: str, document: str, late: Callable[[Fact, str], str]) -> None:
    """应当制定 ``document``: a duty met by one dated act within the year (``done`` names the fact's
    date property; ``justice_<done>`` the act of the government's 司法行政部门, A15-5); ``late``
    words a document made after the year ended, given the property that dates it."""
    d, jd = getattr(m, done), getattr(m, f"justice_{done}")
    jdone = f"justice_{done}"
    in_year = ((+d) & (d <= m.year_end)) | ((+jd) & (jd <= m.year_end))
    conditions: dict[DeadlineStatus, Any] = {
        S.PENDING: _ANNUAL & (-d) & (-jd) & (m.as_of <= m.year_end),
        S.ON_TIME: _ANNUAL & in_year,
        S.LATE: _ANNUAL & ((-d) | (d > m.year_end)) & ((-jd) | (jd > m.year_end)) & ((+d) | (+jd)),
        S.OVERDUE: _ANNUAL & (-d) & (-jd) & (m.as_of > m.year_end),
    }

    def on_time(f: Fact) -> str:
        if done in f and f[done] <= f["year_end"]:
            return f"已于{f.zh(done)}制定{document}。"
        return f"由{_by_justice(f)}于{f.zh(jdone)}制定{document}{DELEGATION}。"

    messages: dict[DeadlineStatus, Callable[[Fact], str]] = {
        S.PENDING: lambda f: f"应当制定{document}；尚未制定，年度未结束。",
        S.ON_TIME: on_time,
        S.LATE: lambda f: late(f, done if done in f else jdone) + ("" if done in f else f"（由{_by_justice(f)}制定{DELEGATION}）"),
        S.OVERDUE: lambda f: f"年度结束仍未制定{document}。",
    }
    for st, cond in conditions.items():
        _declare(prefix, st, cond, f"应当制定{document}", messages[st])


def counted_duty(prefix: str, *, count: str, activity: str) -> None:
    """应当每年至少组织一次 ``activity``: a duty met by at least one act in the year (``count`` names
    the fact's count property; ``justice_<count>`` the acts of the government's 司法行政部门, A15-5)."""
    c, jc = getattr(m, count), getattr(m, f"justice_{count}")
    none_by_justice = (-jc) | (jc == 0)
    conditions: dict[DeadlineStatus, Any] = {
        S.PENDING: _ANNUAL & (c == 0) & none_by_justice & (m.as_of <= m.year_end),
        S.ON_TIME: _ANNUAL & ((c >= 1) | (jc >= 1)),
        S.OVERDUE: _ANNUAL & (c == 0) & none_by_justice & (m.as_of > m.year_end),
    }

    def on_time(f: Fact) -> str:
        if f[count] >= 1:
            return f"已组织{activity}{f[count]}次。"
        return f"由{_by_justice(f)}组织{activity}{f['justice_' + count]}次{DELEGATION}。"

    messages: dict[DeadlineStatus, Callable[[Fact], str]] = {
        S.PENDING: lambda f: f"应当至少组织一次{activity}；尚未组织，年度未结束。",
        S.ON_TIME: on_time,
        S.OVERDUE: lambda f: f"年度结束仍未组织{activity}，少于每年至少一次。",
    }
    for st, cond in conditions.items():
        _declare(prefix, st, cond, f"应当每年至少组织一次{activity}", messages[st])


def _declare(prefix: str, st: DeadlineStatus, cond: Any, what: str, text: Callable[[Fact], str]) -> None:
    @rule(f"{prefix}.{_SUFFIX[st]}", _MODALITY[st], Role.SUPERVISING, when=cond,
          summary=f"行政执法监督机关{what}（状态：{_STATUS_ZH[st]}）")
    def build(f: Fact) -> Outcome:
        return Outcome(f"{f['year']}年度：" + text(f), status=st, performed=st is S.ON_TIME)
