"""Hypothesis strategies for tests of code that uses enshi-rules (and for our own invariants).

Needs ``hypothesis`` (in the ``test`` extra: ``pip install 'enshi-rules[test]'``); nothing else in
:mod:`enshi_rules.testing` does.

Dates
    :func:`calendar_dates` (days with holiday data), :func:`statutory_holidays`,
    :func:`adjusted_working_days` (调休上班日, weekend days that are working days),
    :func:`dates_around_holidays` (a holiday or adjusted working day, give or take a few days: where
    rolling a period forward matters), :func:`period_days` (the periods of the measures).
Organs
    :func:`organ_trees`: organs to add to the built-in registry (departments of several systems at
    州 and 县（市）level, their 法制机构 and 派出机构, 乡（镇）governments, 街道办事处, 乡镇综合行政执法,
    司法所, vertically managed bodies), sometimes none, so the built-in registry alone is one of
    the trees. Put the list in a case document's ``organs`` or pass it to
    :func:`enshi_rules.jurisdiction.organ_registry`.
Cases
    :func:`case_documents`: valid case documents, the realistic mix of
    :func:`enshi_rules.testing.cases.random_case` driven by hypothesis (so failures shrink);
    :func:`deadline_cases`: a case built around one time limit of 第二十七条 or 第二十八条, with the
    act placed anywhere around the last day (or not done), and the facts a test needs to check it.

Every date a strategy draws stays where the holiday calendar has data (2025-2026 for the cases),
so an evaluation never raises :class:`~enshi_rules.CalendarDataError` unless a test asks for it.
"""

from __future__ import annotations

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "enshi_rules.testing.strategies needs hypothesis: pip install 'enshi-rules[test]' "
        "(the rest of enshi_rules.testing works without it)"
    ) from exc

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from chinese_calendar import constants as _cc

from .._law import text as _text
from .._periods import counting as _periods
from ..facts.organs import DEFAULT_ORGANS, PREFECTURE_CODE
from .cases import random_case

__all__ = [
    "COUNTIES",
    "IN_FORCE",
    "LAST_CALENDAR_YEAR",
    "OBLIGATIONS",
    "SYSTEMS",
    "DeadlineCase",
    "Obligation",
    "adjusted_working_days",
    "calendar_dates",
    "case_documents",
    "dates_around_holidays",
    "days_in_text",
    "deadline_cases",
    "organ_trees",
    "period_days",
    "statutory_holidays",
]

#: The day the measures took effect (第三十五条).
IN_FORCE = date(2025, 3, 1)
#: The last year the installed holiday calendar has data for.
LAST_CALENDAR_YEAR: int = max(_cc.holidays).year
_FIRST_DAY = date(_periods.FIRST_CALENDAR_YEAR, 1, 1)
_LAST_DAY = date(LAST_CALENDAR_YEAR, 12, 31)
_ONE = timedelta(days=1)

#: The county-level division codes of the prefecture (all in the built-in registry).
COUNTIES: tuple[str, ...] = tuple(
    o.id for o in DEFAULT_ORGANS.values() if o.kind == "人民政府" and o.id != PREFECTURE_CODE
)
#: Lines of work (本系统) of the generated departments: (id suffix, department name, system).
SYSTEMS: tuple[tuple[str, str, str], ...] = (
    ("scjgj", "市场监督管理局", "市场监管"),
    ("zrzyj", "自然资源和规划局", "自然资源"),
    ("jtysj", "交通运输局", "交通运输"),
    ("sthjj", "生态环境局", "生态环境"),
    ("nyncj", "农业农村局", "农业农村"),
    ("wsjkw", "卫生健康委员会", "卫生健康"),
)


# --------------------------------------------------------------------------- dates


def calendar_dates(min_value: date | None = None, max_value: date | None = None) -> st.SearchStrategy[date]:
    """Dates between ``min_value`` and ``max_value`` (default: every day with holiday data)."""
    lo = max(min_value or _FIRST_DAY, _FIRST_DAY)
    hi = min(max_value or _LAST_DAY, _LAST_DAY)
    if lo > hi:
        raise ValueError(f"no calendar data between {min_value} and {max_value}")
    return st.dates(min_value=lo, max_value=hi)


def _years(years: Sequence[int] | None) -> tuple[int, ...]:
    return tuple(years) if years is not None else tuple(range(IN_FORCE.year, LAST_CALENDAR_YEAR + 1))


def _holiday_list(years: Sequence[int] | None) -> list[date]:
    ys = set(_years(years))
    return sorted(d for d in _cc.holidays if d.year in ys)


def _adjusted_list(years: Sequence[int] | None) -> list[date]:
    ys = set(_years(years))
    return sorted(d for d in _cc.workdays if d.year in ys and d.weekday() >= 5)


def statutory_holidays(years: Sequence[int] | None = None) -> st.SearchStrategy[date]:
    """Days off of the statutory holidays (法定节假日, with the days moved off by 调休), by default of
    the years from 2025 to the last year with data."""
    return st.sampled_from(_holiday_list(years))


def adjusted_working_days(years: Sequence[int] | None = None) -> st.SearchStrategy[date]:
    """Saturdays and Sundays the State Council made working days (调休上班日)."""
    return st.sampled_from(_adjusted_list(years))


def dates_around_holidays(
    within: int = 10,
    years: Sequence[int] | None = None,
    *,
    min_value: date | None = None,
    max_value: date | None = None,
) -> st.SearchStrategy[date]:
    """A statutory holiday or an adjusted working day, moved by up to ``within`` days either way.

    Use it for the day a period's raw last day falls on: that is where rolling forward, and the
    adjusted working days that stop it, make a difference.
    """
    special = sorted(set(_holiday_list(years)) | set(_adjusted_list(years)))
    lo = max(min_value or _FIRST_DAY, _FIRST_DAY)
    hi = min(max_value or _LAST_DAY, _LAST_DAY)
    special = [d for d in special if lo - timedelta(days=within) <= d <= hi + timedelta(days=within)]
    if not special:
        raise ValueError(f"no holiday within {within} days of {lo}..{hi}")
    return st.builds(
        lambda d, k: d + timedelta(days=k), st.sampled_from(special), st.integers(-within, within)
    ).filter(lambda d: lo <= d <= hi)


def period_days() -> st.SearchStrategy[int]:
    """The periods the measures set, in days: 十日、十五日、三十日."""
    periods = {OBJECTION_DAYS, REVIEW_DAYS, RECTIFICATION_DAYS, EXECUTION_REPORT_DAYS}
    return st.sampled_from(sorted(periods))


# --------------------------------------------------------------------------- organs


def _organ(oid: str, name: str, kind: str, level: str, region: str, parent: str | None, **more: Any) -> dict[str, Any]:
    doc = {"id": oid, "name": name, "kind": kind, "level": level, "region": region}
    if parent is not None:
        doc["parent"] = parent
    doc.update({k: v for k, v in more.items() if v is not None})
    return doc


@st.composite
def _generated_tree(draw: st.DrawFn, max_counties: int, max_townships: int, vertical: bool) -> list[dict[str, Any]]:
    systems = draw(st.lists(st.sampled_from(SYSTEMS), min_size=1, max_size=4, unique=True))
    out: list[dict[str, Any]] = []
    for short, dept, system in systems:
        if draw(st.booleans()):
            out.append(_organ(f"{PREFECTURE_CODE}.{short}", f"恩施土家族苗族自治州{dept}", "工作部门", "州", PREFECTURE_CODE, PREFECTURE_CODE, system=system))
    counties = draw(st.lists(st.sampled_from(COUNTIES), min_size=1, max_size=max_counties, unique=True))
    for county in counties:
        place = DEFAULT_ORGANS[county].name.removesuffix("人民政府")
        for short, dept, system in systems:
            if not draw(st.booleans()):
                continue
            did = f"{county}.{short}"
            out.append(_organ(did, f"{place}{dept}", "工作部门", "县（市）", county, county, system=system))
            if draw(st.booleans()):
                out.append(_organ(f"{did}.fzk", f"{place}{dept}法制科", "法制机构", "县（市）", county, did, system=system))
            if draw(st.booleans()):
                out.append(_organ(f"{did}.pcs", f"{place}{dept}第一派出所", "派出机构", "乡（镇）", county, did, system=system))
        if draw(st.booleans()):
            out.append(_organ(f"{county}.pcjg", f"{place}经济开发区管理委员会", "派出机构", "县（市）", county, county))
        for k in range(draw(st.integers(0, max_townships))):
            tid = f"{county}.t{k}"
            out.append(_organ(tid, f"{place}第{k + 1}镇人民政府", "人民政府", "乡（镇）", county, county))
            if draw(st.booleans()):
                out.append(_organ(f"{tid}.zhzf", f"{place}第{k + 1}镇综合行政执法队", "乡镇综合行政执法", "乡（镇）", county, tid))
            if draw(st.booleans()):
                out.append(_organ(f"{tid}.sfs", f"{place}第{k + 1}镇司法所", "司法所", "乡（镇）", county, f"{county}.sfj"))
        if draw(st.booleans()):
            sid = f"{county}.s0"
            out.append(_organ(sid, f"{place}第一街道办事处", "派出机关", "街道", county, county))
            if draw(st.booleans()):
                out.append(_organ(f"{sid}.zhzf", f"{place}第一街道综合行政执法队", "乡镇综合行政执法", "街道", county, sid))
        if vertical and draw(st.booleans()):
            parent = draw(st.sampled_from([None, county]))
            out.append(_organ(f"{county}.sw", f"国家税务总局{place}税务局", "工作部门", "县（市）", county, parent, system="税务", vertically_managed=True))
    return out


def organ_trees(
    *, max_counties: int = 3, max_townships: int = 2, vertical: bool = True, allow_empty: bool = True
) -> st.SearchStrategy[list[dict[str, Any]]]:
    """Lists of organ documents that extend the built-in registry into a tree.

    Every organ is valid, its parent exists (built in or in the list), and ids are unique and never
    those of built-in organs. With ``allow_empty`` the empty list (the built-in registry alone) is
    one of the trees. ``vertical`` adds vertically managed bodies (税务局, 第二条第二款).
    """
    tree = _generated_tree(max_counties, max_townships, vertical)
    return st.one_of(st.just([]), tree) if allow_empty else tree


# --------------------------------------------------------------------------- cases


def case_documents() -> st.SearchStrategy[dict[str, Any]]:
    """Valid case documents: the mix of :func:`enshi_rules.testing.cases.random_case`, shrinkable.

    Each document carries its own ``as_of``; all its dates lie in 2025-2026.
    """
    return st.builds(random_case, st.randoms(use_true_random=False), st.integers(0, 999_999))


def days_in_text(unit: str, act: str) -> int:
    """The length of a period as the shipped text of the measures states it: the Chinese numeral of
    the ``……X日内`` whose clause goes on to ``act`` (``days_in_text("art_27__para_1", "予以复查")`` is
    15, read from 十五日内予以复查). Independent of the constants of the rule modules, so a test that
    takes its period from here catches a wrong constant."""
    text = _text.regulation().units[unit].text
    found = re.findall(r"([一二三四五六七八九十]+)日内(?=[^。；]*?" + re.escape(act) + ")", text)
    if len(found) != 1:
        raise ValueError(f"{unit}: expected one period before {act!r} in the text, found {found}: {text}")
    return _text.from_chinese_numeral(found[0])


#: 第二十七条第一款: 可以自收到之日起十日内……申请复查.
OBJECTION_DAYS = days_in_text("art_27__para_1", "申请复查")
#: 第二十七条第一款: 应当自收到申请之日起十五日内予以复查并答复.
REVIEW_DAYS = days_in_text("art_27__para_1", "予以复查")
#: 第二十七条第二款: 应当分别自收到……之日起三十日内完成整改.
RECTIFICATION_DAYS = days_in_text("art_27__para_2", "完成整改")
#: 第二十八条第二款: 应当自收到……之日起三十日内将执行情况报告.
EXECUTION_REPORT_DAYS = days_in_text("art_28__para_2", "执行情况报告")


@dataclass(frozen=True)
class Obligation:
    """A time limit of the measures that :func:`deadline_cases` can build a case around."""

    rule_prefix: str  # the ids of its rules are rule_prefix + ".pending" / ".on_time" / ...
    cite: str  # 第二十七条第二款
    days: int
    permission: bool  # a 可以 (the application for review), not a 应当
    act_path: tuple[str, ...]  # where the act's date is in a case document


#: The time limits, by rule prefix.
OBLIGATIONS: dict[str, Obligation] = {
    o.rule_prefix: o
    for o in (
        Obligation("art_027.p1.review_application", "第二十七条第一款", OBJECTION_DAYS, True, ("supervision", "objection", "filed_on")),
        Obligation("art_027.p1.review", "第二十七条第一款", REVIEW_DAYS, False, ("supervision", "review_answer", "answered_on")),
        Obligation("art_027.p2.rectify", "第二十七条第二款", RECTIFICATION_DAYS, False, ("supervision", "rectification_report", "submitted_on")),
        Obligation("art_027.p2.rectify_after_review", "第二十七条第二款", RECTIFICATION_DAYS, False, ("supervision", "rectification_report", "submitted_on")),
        Obligation("art_028.p2.execution_report", "第二十八条第二款", EXECUTION_REPORT_DAYS, False, ("supervision", "execution_report", "submitted_on")),
    )
}


@dataclass(frozen=True)
class DeadlineCase:
    """A case document built around one time limit, and what a test needs to judge it.

    ``start`` is the day the period runs from (the day of receipt, not counted), ``act_on`` the day
    the act was done (``None``: not done), ``as_of`` the document's as-of date (never before any of
    its dates). ``with_act`` and ``at`` give the same case with another act date or as-of date.
    """

    document: dict[str, Any] = field(repr=False)
    obligation: Obligation
    start: date
    act_on: date | None
    as_of: date
    last_event: date  # the latest date in the document other than the act

    @property
    def days(self) -> int:
        return self.obligation.days

    def with_act(self, on: date | None) -> DeadlineCase:
        """The same case with the act done on ``on`` (``None``: not done, the record removed); the
        as-of date moves up to ``on`` if it was earlier."""
        doc = copy.deepcopy(self.document)
        section, record, leaf = self.obligation.act_path
        if on is None:
            doc[section].pop(record, None)
        else:
            holder = doc[section].setdefault(record, dict(_RECORD_DEFAULTS[record]))
            holder[leaf] = on.isoformat()
            if record == "review_answer":
                holder["received_on"] = on.isoformat()  # answered and received the same day
        as_of = self.as_of if on is None else max(self.as_of, on)
        doc["as_of"] = as_of.isoformat()
        return replace(self, document=doc, act_on=on, as_of=as_of)

    def at(self, as_of: date) -> DeadlineCase:
        """The same case judged on ``as_of`` (which must not be before any of its dates)."""
        if as_of < self.last_event or (self.act_on is not None and as_of < self.act_on):
            raise ValueError(f"as_of {as_of} is before a date of the case")
        doc = copy.deepcopy(self.document)
        doc["as_of"] = as_of.isoformat()
        return replace(self, document=doc, as_of=as_of)


_EARLIEST_START = date(2025, 7, 1)  # the longest chain before a period (第二十八条第二款) fits after 2025-03-01
_LATEST_START = date(LAST_CALENDAR_YEAR, 8, 31)  # the act, and any period it starts, stay in the data


def _iso(d: date) -> str:
    return d.isoformat()


@st.composite
def deadline_cases(draw: st.DrawFn, obligations: Sequence[str] | None = None) -> DeadlineCase:
    """A case built around one time limit (one of :data:`OBLIGATIONS`, or of ``obligations``).

    The raw last day of the period often falls near a holiday or an adjusted working day; the act is
    done anywhere from the first day of the period to twenty days after its last day, or not at all;
    the as-of date lies between fifteen days before the last day and forty days after it (never
    before a date of the case).
    """
    names = sorted(obligations) if obligations is not None else sorted(OBLIGATIONS)
    ob = OBLIGATIONS[draw(st.sampled_from(names))]
    lo, hi = _EARLIEST_START, _LATEST_START
    start = draw(
        st.one_of(
            calendar_dates(lo, hi),
            dates_around_holidays(3, min_value=lo + timedelta(days=ob.days), max_value=hi + timedelta(days=ob.days)).map(
                lambda d: d - timedelta(days=ob.days)
            ),
        )
    )
    due = _periods.due_date(start, ob.days)
    county = draw(st.sampled_from(COUNTIES))
    short, dept, system = draw(st.sampled_from(SYSTEMS))
    place = DEFAULT_ORGANS[county].name.removesuffix("人民政府")
    supervised = {"id": f"{county}.{short}", "name": f"{place}{dept}", "kind": "工作部门", "level": "县（市）",
                  "region": county, "parent": county, "system": system}  # fmt: skip
    sup: dict[str, Any] = {}
    doc: dict[str, Any] = {
        "case_id": f"DL-{ob.rule_prefix}-{start.isoformat()}",
        "organs": [supervised],
        "supervising_organ": f"{county}.sfj",
        "supervised_organ": supervised["id"],
        "enforcement_action": {"kind": "行政处罚"},
        "supervision": sup,
    }
    days = lambda a, b: timedelta(days=draw(st.integers(a, b)))  # noqa: E731

    # Build the steps before the period backwards from its start.
    events: list[date] = []
    if ob.rule_prefix == "art_027.p1.review_application":
        received = start
    elif ob.rule_prefix == "art_027.p1.review":
        filed = start
        received = filed - days(0, OBJECTION_DAYS)  # filed within the ten days: a timely objection
        sup["objection"] = {"id": "FC-1", "filed_on": _iso(filed)}
    elif ob.rule_prefix == "art_027.p2.rectify":
        received = start
    elif ob.rule_prefix == "art_027.p2.rectify_after_review":
        answer_received = start
        answered = answer_received - days(0, 3)
        filed = answered - days(1, REVIEW_DAYS)
        received = filed - days(0, OBJECTION_DAYS)
        sup["objection"] = {"id": "FC-1", "filed_on": _iso(filed)}
        sup["review_answer"] = {"id": "DF-1", "answered_on": _iso(answered), "received_on": _iso(answer_received), "objection_upheld": False}
        events += [filed, answered, answer_received]
    else:  # art_028.p2.execution_report: no rectification report, then a decision letter
        decision_received = start
        decision_issued = decision_received - days(0, 4)
        received = decision_issued - days(45, 70)  # the thirty days of 第二十七条第二款 ran out first
        sup["decision_letter"] = {"id": "JDS-1", "issued_on": _iso(decision_issued), "received_on": _iso(decision_received), "orders": ["限期履行法定职责"]}
        events += [decision_issued, decision_received]
    issued = received - days(0, 5)
    started = issued - days(0, 30)
    sup["started_on"] = _iso(started)
    sup["situations"] = [{"id": "QX-1", "item": draw(st.integers(1, 6)), "confirmed": True, "found_on": _iso(started)}]
    sup["suggestion_letter"] = {"id": "JYS-1", "issued_on": _iso(issued), "received_on": _iso(received), "rectification_days": 30}
    doc["enforcement_action"]["acted_on"] = _iso(started - days(1, 60))
    events += [started, issued, received]
    if ob.rule_prefix == "art_027.p1.review":
        events.append(start)

    # The act: anywhere from the start of the period to twenty days after its last day, or never;
    # often right at the boundary.
    span = (due - start).days
    offset = draw(st.one_of(st.none(), st.sampled_from([-1, 0, 1]), st.integers(-span, 20)))
    act = None if offset is None else due + timedelta(days=offset)
    last_event = max(events)
    as_of = max(last_event, act or last_event, due + days(-15, 40))
    doc["as_of"] = _iso(as_of)
    return DeadlineCase(document=doc, obligation=ob, start=start, act_on=None, as_of=as_of, last_event=last_event).with_act(act)


#: What a record holding the act looks like before its date is set.
_RECORD_DEFAULTS: dict[str, dict[str, Any]] = {
    "objection": {"id": "FC-1"},
    "review_answer": {"id": "DF-1", "objection_upheld": False},
    "rectification_report": {"id": "ZG-1"},
    "execution_report": {"id": "ZX-1"},
}
