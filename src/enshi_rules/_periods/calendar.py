"""The holiday calendar as data: which days are working days, year by year, and where each year comes from.

A year's calendar has two layers:

- **national** (全国): the statutory holidays and the State Council's arrangement (放假调休) of that year.
  Its source is, in this order: a user calendar file (``--calendar``, ``ENSHI_RULES_CALENDAR``,
  ``calendar=``) that gives the year; else the ``chinesecalendar`` package for the years it ships
  (2004 to the last year whose notice it carries); else, for a later year whose arrangement is not
  published yet, a **provisional** calendar computed from 《全国年节及纪念日放假办法》 ([P9]): its
  statutory holidays, weekends, and 补假 for a holiday on a weekend, with no adjusted working days.
  In strict mode (``missing_calendar="strict"``) no provisional year is made: a period that needs one
  gets no due date.
- **prefecture** (州庆, [Z1]): the two days off of the prefecture's founding day, from the notices in
  ``data/calendar/zhouqing.yaml`` or a user file. A year without a notice is never guessed; a period
  whose days inspected fall within 8月17日-23日 of such a year is provisional.

Everything here is data and lookup; how a period is counted is in :mod:`enshi_rules._periods.counting`.
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import chinese_calendar
import yaml

from ..errors import CalendarFileError, CalendarProblem

__all__ = [
    "ADJUSTMENT_WINDOW",
    "BOUNDS",
    "ENV_VAR",
    "FIRST_CALENDAR_YEAR",
    "LAST_PROVISIONAL_YEAR",
    "PREFECTURE_WINDOW",
    "PROVISIONAL_SOURCE",
    "Calendar",
    "YearCalendar",
    "bounding_year",
    "calendar_for",
    "check_file",
    "load_source",
    "package_last_year",
    "package_year",
    "provisional_year",
    "statutory_holidays",
]

#: The environment variable naming calendar files (separated by ``os.pathsep``).
ENV_VAR = "ENSHI_RULES_CALENDAR"
#: The first year chinesecalendar has data for; no year before it has a calendar.
FIRST_CALENDAR_YEAR = 2004
#: The 2024 revision of the 放假办法 (in force 2025-01-01) is what a provisional year is computed from;
#: it says nothing about a year before 2025, and years this far ahead are not a legal period's concern.
FIRST_PROVISIONAL_YEAR = 2025
LAST_PROVISIONAL_YEAR = 2099
#: 州庆 (8月19日) is a day off in the prefecture since 2005.
FIRST_PREFECTURE_YEAR = 2005
#: Where the two 州庆 days off of a year without a notice can fall (month, first day, last day).
PREFECTURE_WINDOW = (8, 17, 23)

#: [P10] How far (in days) from a statutory holiday the State Council's arrangement has moved days
#: off or on: the largest distance between an adjusted day of 2004-2026 (a day off that is not a
#: statutory holiday of the 放假办法 then in force, or a weekend day made a working day) and the nearest
#: statutory holiday, in chinesecalendar's data (2024-05-11, a Saturday worked for 劳动节, 10 days after
#: 5月1日); the one-off 2015 commemoration (9月3日-6日) is left out. ``tests/test_calendar_bounds.py``
#: recomputes it.
ADJUSTMENT_WINDOW = 10
#: The two calendars that bound a year whose arrangement is not published ([P10]): ``early``, the
#: fewest days off it could give; ``late``, the most.
BOUNDS = ("early", "late")

PROVISIONAL_SOURCE = "《全国年节及纪念日放假办法》（2024年11月10日第四次修订，2025年1月1日施行）第二条推算，含周末与补假，不含调休"

_NATIONAL = "national"
_PREFECTURE = "prefecture"
_LAYERS = (_NATIONAL, _PREFECTURE)
_DATA = Path(__file__).resolve().parents[1] / "data" / "calendar"
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class YearCalendar:
    """One layer of one year.

    ``basis``: ``package`` (chinesecalendar), ``file`` (a calendar file; ``builtin`` for the 州庆
    notices shipped with the library) or ``provisional``; ``source``: in words (the package and its
    version, or the file and its notice, or the method). ``days_off``: days that are not working days
    (weekdays and weekend days alike; a weekend day not listed is a day off anyway);
    ``working_days``: weekend days made working days (调休上班). ``names``: a holiday's name by day,
    where known.
    """

    year: int
    layer: str
    basis: str
    source: str
    provisional: bool
    days_off: frozenset[date]
    working_days: frozenset[date] = frozenset()
    names: tuple[tuple[date, str], ...] = ()
    file: str | None = None

    def label(self) -> str:
        """How a report names this calendar: Chinese, short."""
        if self.provisional:
            return f"暂定（{self.source}）"
        return self.source


# --------------------------------------------------------------------------- the package


def _package_version() -> str:
    try:
        return importlib.metadata.version("chinesecalendar")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - it is a dependency
        return "unknown"


@functools.cache
def package_last_year() -> int:
    """The last year chinesecalendar carries a State Council notice for."""
    return max(d.year for d in chinese_calendar.constants.holidays)


@functools.cache
def package_year(year: int) -> YearCalendar | None:
    """The national layer of ``year`` from chinesecalendar, or None if it has no data for it."""
    if year < FIRST_CALENDAR_YEAR or year > package_last_year():
        return None
    off: set[date] = set()
    working: set[date] = set()
    names: list[tuple[date, str]] = []
    d = date(year, 1, 1)
    while d.year == year:
        workday = chinese_calendar.is_workday(d)
        is_holiday, name = chinese_calendar.get_holiday_detail(d)
        if d.weekday() >= 5 and workday:
            working.add(d)
        elif not workday and (d.weekday() < 5 or name):
            off.add(d)
        if is_holiday and name:
            names.append((d, str(name)))
        d += _ONE_DAY
    return YearCalendar(
        year=year,
        layer=_NATIONAL,
        basis="package",
        source=f"chinesecalendar {_package_version()}",
        provisional=False,
        days_off=frozenset(off),
        working_days=frozenset(working),
        names=tuple(names),
    )


# --------------------------------------------------------------------------- the 放假办法


def statutory_holidays(year: int) -> dict[date, str]:
    """The 全体公民放假的节日 of ``year`` under 《全国年节及纪念日放假办法》 第二条 (2024 revision).

    元旦 1月1日; 春节 农历除夕、正月初一至初三; 清明节 农历清明当日; 劳动节 5月1日、2日; 端午节 农历端午
    当日; 中秋节 农历中秋当日; 国庆节 10月1日至3日. Lunar dates and the 清明 solar term come from
    ``lunar_python`` (6tail's lunar calendar), not from astronomy written here. Two holidays on one
    day (中秋 on a 国庆 day) are named together: ``中秋节、国庆节``.
    """
    out: dict[date, str] = {}
    for d, name in _holiday_days(year):
        out[d] = f"{out[d]}、{name}" if d in out else name
    return out


def _holiday_days(year: int) -> list[tuple[date, str]]:
    """Each holiday day of 第二条, one entry per holiday (a day can carry two)."""
    from lunar_python import Lunar  # noqa: PLC0415 - only a provisional year needs it

    def solar(lunar_month: int, day: int) -> date:
        s = Lunar.fromYmd(year, lunar_month, day).getSolar()
        return date(s.getYear(), s.getMonth(), s.getDay())

    out: list[tuple[date, str]] = [(date(year, 1, 1), "元旦")]
    new_year = solar(1, 1)
    # 除夕 is the last day of the lunar year, the day before 正月初一 (腊月廿九 or 三十)
    out += [(new_year + timedelta(days=i), "春节") for i in range(-1, 3)]
    qm = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]
    out.append((date(qm.getYear(), qm.getMonth(), qm.getDay()), "清明节"))
    out += [(date(year, 5, 1), "劳动节"), (date(year, 5, 2), "劳动节")]
    out.append((solar(5, 5), "端午节"))
    out.append((solar(8, 15), "中秋节"))
    out += [(date(year, 10, day), "国庆节") for day in (1, 2, 3)]
    if any(d.year != year for d, _ in out):  # pragma: no cover - 除夕 of a lunar year is always in January-February
        raise AssertionError(f"a statutory holiday of {year} fell outside the year")
    return sorted(out)


@functools.cache
def provisional_year(year: int) -> YearCalendar | None:
    """The national layer of ``year`` computed from the 放假办法, before its arrangement is published.

    The statutory holidays of 第二条; a holiday on a Saturday or Sunday is made up (补假) on the first
    working day after its run of consecutive days off ("全体公民放假的假日，如果适逢周六、周日，应当在
    工作日补假"); no adjusted working days, which only the year's notice can set. None for a year the
    method does not cover (before 2025, after 2099).
    """
    if year < FIRST_PROVISIONAL_YEAR or year > LAST_PROVISIONAL_YEAR:
        return None
    names = statutory_holidays(year)
    off = set(names)
    for d, holiday in _holiday_days(year):
        if d.weekday() < 5:
            continue
        # one working day of 补假 for each holiday on a weekend (two when two holidays share the day),
        # after the run of days off it is in
        m = d
        while m in off or m.weekday() >= 5:
            m += _ONE_DAY
        if m.year == year:
            off.add(m)
            names[m] = f"{holiday}补假"
    return YearCalendar(
        year=year,
        layer=_NATIONAL,
        basis="provisional",
        source=PROVISIONAL_SOURCE,
        provisional=True,
        days_off=frozenset(off),
        names=tuple(sorted(names.items())),
    )


@functools.cache
def bounding_year(year: int, bound: str) -> YearCalendar | None:
    """A bound of the national layer of ``year`` before its arrangement is published ([P10]).

    A due date is monotone in the set of days off (more days off: the same day or a later one), so
    the arrangement still to come lies between two calendars: ``early``, the fewest days off it could
    give (the statutory holidays of 第二条, and every Saturday and Sunday within
    :data:`ADJUSTMENT_WINDOW` days of one of them made a working day), and ``late``, the most (every
    Monday-Friday within that window made a day off). None when the method does not cover ``year``.

    ``early`` owes the 补假 of a holiday on a Saturday or Sunday like every arrangement does, but the
    放假办法 does not say on which working day, and the published arrangements did not always put it on
    the first working day after the holiday (2012: 端午 on Saturday 6月23日, its day off on Friday 6月22日
    and Monday 6月25日 worked; 2015: 中秋 on Sunday 9月27日, Monday 9月28日 worked and the day made up in
    the 国庆 break). A day every arrangement gives off is a day the bound may count off; no working day
    is one, so ``early`` takes none of them as the 补假 (the due date it gives is reached by an
    arrangement that puts the 补假 before the holiday). ``tests/test_calendar_bounds.py`` measures this.
    """
    if bound not in BOUNDS:
        raise ValueError(f"unknown bound {bound!r}")
    base = provisional_year(year)
    if base is None:
        return None
    names = statutory_holidays(year)
    near = {
        d
        for h in names
        for k in range(-ADJUSTMENT_WINDOW, ADJUSTMENT_WINDOW + 1)
        if (d := h + timedelta(days=k)).year == year and d not in names
    }
    if bound == "early":
        off, working = frozenset(names), frozenset(d for d in near if d.weekday() >= 5)
        how = (f"下限：法定节日放假；适逢周六、周日的节日应当补假，但补假日期未定，不以节日之后的任何一个工作日为补假日；"
               f"节日前后{ADJUSTMENT_WINDOW}日内的周六、周日均可能调休上班")
    else:
        off, working = frozenset(names) | frozenset(d for d in near if d.weekday() < 5), frozenset()
        how = f"上限：节日前后{ADJUSTMENT_WINDOW}日内的工作日均可能放假"
    return YearCalendar(
        year=year,
        layer=_NATIONAL,
        basis="provisional",
        source=f"{PROVISIONAL_SOURCE}（{how}）",
        provisional=True,
        days_off=off,
        working_days=working,
        names=tuple(sorted(names.items())),
    )


# --------------------------------------------------------------------------- calendar files


class _Problems:
    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[CalendarProblem] = []

    def add(self, node: Any, fld: str, zh: str, en: str) -> None:
        line = node.start_mark.line + 1 if node is not None and getattr(node, "start_mark", None) else 0
        self.items.append(CalendarProblem(self.file, line, fld, zh, en))


def _scalar(node: Any) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _pairs(node: yaml.MappingNode) -> list[tuple[str, Any, Any]]:
    return [(str(k.value), k, v) for k, v in node.value]


def _known(node: Any, allowed: tuple[str, ...], fld: str, pr: _Problems) -> Iterator[tuple[str, Any, Any]]:
    """The pairs of a mapping whose key is one of ``allowed``; each other key is a problem."""
    for key, knode, vnode in _pairs(node):
        if key in allowed:
            yield key, knode, vnode
        else:
            pr.add(knode, f"{fld}.{key}", f"未知字段 {key!r}（可用：{', '.join(allowed)}）", f"unknown field {key!r}")


def _parse_date(node: Any, fld: str, pr: _Problems) -> date | None:
    text = _scalar(node)
    if text is None:
        pr.add(node, fld, "应为 YYYY-MM-DD 格式的日期", "must be a date YYYY-MM-DD")
        return None
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        pr.add(node, fld, f"{text!r} 不是 YYYY-MM-DD 格式的真实日期", f"{text!r} is not a real date YYYY-MM-DD")
        return None


def _days(node: Any, fld: str, year: int | None, pr: _Problems) -> dict[date, Any]:
    """The days of a ``days_off``/``working_days`` list: dates, or ``{from, to}`` ranges (inclusive)."""
    out: dict[date, Any] = {}
    if not isinstance(node, yaml.SequenceNode):
        pr.add(node, fld, "应为日期列表", "must be a list of dates")
        return out
    for i, item in enumerate(node.value):
        f = f"{fld}[{i}]"
        days: list[date] = []
        if isinstance(item, yaml.MappingNode):
            keys = {k: v for k, _, v in _pairs(item)}
            extra = sorted(set(keys) - {"from", "to"})
            if extra or "from" not in keys or "to" not in keys:
                pr.add(item, f, "日期区间应写作 {from: YYYY-MM-DD, to: YYYY-MM-DD}", "a range is {from: YYYY-MM-DD, to: YYYY-MM-DD}")
                continue
            a = _parse_date(keys["from"], f + ".from", pr)
            b = _parse_date(keys["to"], f + ".to", pr)
            if a is None or b is None:
                continue
            if b < a:
                pr.add(item, f, f"区间的结束日 {b} 早于开始日 {a}", f"range ends ({b}) before it starts ({a})")
                continue
            days = [a + timedelta(days=k) for k in range((b - a).days + 1)]
        else:
            d = _parse_date(item, f, pr)
            if d is None:
                continue
            days = [d]
        for d in days:
            if year is not None and d.year != year:
                pr.add(item, f, f"日期 {d} 不在 {year} 年内", f"date {d} is not in the year {year}")
                break
            if d in out:
                pr.add(item, f, f"日期 {d} 重复列出", f"date {d} is listed twice")
                break
            out[d] = item
    return out


_SOURCE_KEYS = ("issuer", "document", "title", "date")


def _source(node: Any, fld: str, pr: _Problems) -> str | None:
    if node is None:
        return None
    if not isinstance(node, yaml.MappingNode):
        pr.add(node, fld, "来源应为 {issuer, document, title, date}", "source must be a mapping {issuer, document, title, date}")
        return None
    values: dict[str, str] = {}
    for key, knode, vnode in _known(node, _SOURCE_KEYS, fld, pr):
        text = _scalar(vnode)
        if text is None or not text.strip():
            pr.add(vnode, f"{fld}.{key}", "应为非空文字", "must be non-empty text")
            continue
        values[key] = text.strip()
    ok = True
    if "date" not in values:
        pr.add(node, f"{fld}.date", "缺少通知的发布日期", "the notice's date is missing")
        ok = False
    elif _parse_date(dict((k, v) for k, _, v in _pairs(node))["date"], f"{fld}.date", pr) is None:
        ok = False
    if not any(k in values for k in ("issuer", "document", "title")):
        pr.add(node, f"{fld}.document", "缺少通知的文号（document）、标题（title）或发布机关（issuer）", "the notice's number (document), title or issuer is missing")
        ok = False
    if not ok:
        return None
    if values.get("title") and not values.get("document"):
        # A title names its issuer already (州政府办公室关于2025年州庆放假的通知).
        return f"《{values['title']}》（{values['date']}）"
    what = values.get("document") or values.get("title") or "通知"
    return f"{values.get('issuer', '')}{what}（{values['date']}）"


_ENTRY_KEYS = ("year", "layer", "source", "days_off", "working_days")


def _entry(node: Any, i: int, label: str, pr: _Problems, builtin: bool) -> YearCalendar | None:
    fld = f"calendars[{i}]"
    if not isinstance(node, yaml.MappingNode):
        pr.add(node, fld, "每一年应为一个映射（year, source, days_off, working_days）", "each year must be a mapping")
        return None
    keys: dict[str, Any] = {}
    for key, knode, vnode in _known(node, _ENTRY_KEYS, fld, pr):
        if key in keys:
            pr.add(knode, f"{fld}.{key}", f"字段 {key!r} 重复", f"field {key!r} given twice")
        else:
            keys[key] = vnode
    before = len(pr.items)
    year: int | None = None
    ytext = _scalar(keys.get("year"))
    if "year" not in keys:
        pr.add(node, f"{fld}.year", "缺少年份", "the year is missing")
    elif ytext is None or not ytext.isdigit():
        pr.add(keys["year"], f"{fld}.year", f"年份 {ytext!r} 应为整数", f"year {ytext!r} must be an integer")
    elif not FIRST_CALENDAR_YEAR <= int(ytext) <= LAST_PROVISIONAL_YEAR:
        pr.add(keys["year"], f"{fld}.year", f"年份 {ytext} 超出 {FIRST_CALENDAR_YEAR}–{LAST_PROVISIONAL_YEAR}", f"year {ytext} is outside {FIRST_CALENDAR_YEAR}-{LAST_PROVISIONAL_YEAR}")
    else:
        year = int(ytext)
    layer = _NATIONAL
    if "layer" in keys:
        ltext = _scalar(keys["layer"])
        if ltext not in _LAYERS:
            pr.add(keys["layer"], f"{fld}.layer", f"层级 {ltext!r} 无效（national 或 prefecture）", f"layer {ltext!r}: national or prefecture")
        else:
            layer = ltext
    if "source" not in keys:
        pr.add(node, f"{fld}.source", "缺少来源（通知的文号或标题、发布日期）", "the source (the notice's number or title, and date) is missing")
    source = _source(keys.get("source"), f"{fld}.source", pr)
    off = _days(keys["days_off"], f"{fld}.days_off", year, pr) if "days_off" in keys else {}
    working = _days(keys["working_days"], f"{fld}.working_days", year, pr) if "working_days" in keys else {}
    if "days_off" not in keys:
        pr.add(node, f"{fld}.days_off", "缺少放假日期（days_off）", "days_off is missing")
    elif not off and isinstance(keys["days_off"], yaml.SequenceNode) and not keys["days_off"].value:
        pr.add(keys["days_off"], f"{fld}.days_off", "放假日期不能为空", "days_off must not be empty")
    if layer == _PREFECTURE and "working_days" in keys:
        pr.add(keys["working_days"], f"{fld}.working_days", "州庆层不设调休上班日", "the prefecture layer has no adjusted working days")
    for d, item in working.items():
        if d in off:
            pr.add(item, f"{fld}.working_days", f"{d} 既是放假日又是上班日", f"{d} is both a day off and a working day")
        elif d.weekday() < 5:
            pr.add(item, f"{fld}.working_days", f"调休上班日 {d} 应为星期六或星期日", f"adjusted working day {d} must be a Saturday or Sunday")
    if year is not None and layer == _NATIONAL and year >= FIRST_PROVISIONAL_YEAR and off:
        lacking = [d for d in sorted(statutory_holidays(year)) if d not in off]
        if lacking:
            names = statutory_holidays(year)
            pr.add(
                keys["days_off"], f"{fld}.days_off",
                "未列入《全国年节及纪念日放假办法》第二条的节日：" + "、".join(f"{d}（{names[d]}）" for d in lacking),
                "statutory holidays missing: " + ", ".join(str(d) for d in lacking),
            )
    if len(pr.items) > before or year is None or source is None:
        return None
    return YearCalendar(
        year=year,
        layer=layer,
        basis="builtin" if builtin else "file",
        source=source if builtin else f"{label}：{source}",
        provisional=False,
        days_off=frozenset(off),
        working_days=frozenset(working),
        file=label,
    )


def _parse(text: str, label: str, *, builtin: bool = False) -> tuple[list[YearCalendar], list[CalendarProblem]]:
    pr = _Problems(label)
    if label.lower().endswith(".json"):
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            pr.items.append(CalendarProblem(label, exc.lineno, "<file>", f"不是有效的 JSON：{exc.msg}", f"not valid JSON: {exc.msg}"))
            return [], pr.items
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        pr.items.append(CalendarProblem(label, line, "<file>", f"不是有效的 YAML/JSON：{getattr(exc, 'problem', exc)}", f"not valid YAML/JSON: {getattr(exc, 'problem', exc)}"))
        return [], pr.items
    if not isinstance(root, yaml.MappingNode):
        pr.add(root, "<file>", "文件应为含 calendars 列表的映射", "the file must be a mapping with a 'calendars' list")
        return [], pr.items
    top = {k: (kn, v) for k, kn, v in _pairs(root)}
    for k, (kn, _) in top.items():
        if k not in ("calendars",):
            pr.add(kn, k, f"未知字段 {k!r}（只有 calendars）", f"unknown field {k!r} (only 'calendars')")
    if "calendars" not in top or not isinstance(top["calendars"][1], yaml.SequenceNode):
        pr.add(root, "calendars", "缺少 calendars 列表", "the 'calendars' list is missing")
        return [], pr.items
    if not top["calendars"][1].value:
        pr.add(top["calendars"][1], "calendars", "calendars 列表为空，文件没有给出任何一年", "the 'calendars' list is empty")
        return [], pr.items
    years: list[YearCalendar] = []
    seen: dict[tuple[int, str], int] = {}
    for i, node in enumerate(top["calendars"][1].value):
        yc = _entry(node, i, label, pr, builtin)
        if yc is None:
            continue
        key = (yc.year, yc.layer)
        if key in seen:
            pr.add(node, f"calendars[{i}].year", f"{yc.year} 年（{yc.layer}）已在 calendars[{seen[key]}] 给出", f"year {yc.year} ({yc.layer}) is already given in calendars[{seen[key]}]")
            continue
        seen[key] = i
        years.append(yc)
    return years, pr.items


#: A user's calendar: a path to a YAML or JSON file, or the same document as a mapping.
CalendarSource = str | os.PathLike[str] | Mapping[str, Any]


@functools.lru_cache(maxsize=64)
def _load_file(path: str, _mtime: int, _size: int) -> tuple[YearCalendar, ...]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise CalendarFileError([CalendarProblem(path, 0, "<file>", f"无法读取日历文件：{reason}", f"cannot read the calendar file: {reason}")]) from None
    years, problems = _parse(text, path)
    if problems:
        raise CalendarFileError(problems)
    return tuple(years)


def load_source(src: CalendarSource) -> tuple[YearCalendar, ...]:
    """The years of one calendar file (or mapping); raises :class:`CalendarFileError` listing every problem."""
    if isinstance(src, Mapping):
        years, problems = _parse(json.dumps(src, ensure_ascii=False, default=str, indent=1), "<calendar>")
        if problems:
            raise CalendarFileError(problems)
        return tuple(years)
    path = os.fspath(src)
    try:
        st = os.stat(path)
    except OSError as exc:
        raise CalendarFileError([CalendarProblem(path, 0, "<file>", f"无法读取日历文件：{exc.strerror}", f"cannot read the calendar file: {exc.strerror}")]) from None
    return _load_file(path, st.st_mtime_ns, st.st_size)


def check_file(path: str | os.PathLike[str]) -> tuple[YearCalendar, ...]:
    """Validate a calendar file (``enshi-rules calendar check``); its years, or CalendarFileError."""
    return load_source(path)


@functools.cache
def _builtin_prefecture() -> dict[int, YearCalendar]:
    path = _DATA / "zhouqing.yaml"
    years, problems = _parse(path.read_text(encoding="utf-8"), "enshi_rules/data/calendar/zhouqing.yaml", builtin=True)
    if problems:  # pragma: no cover - shipped data, tested
        raise CalendarFileError(problems)
    return {y.year: y for y in years}


def env_files() -> tuple[str, ...]:
    """The files named by ``ENSHI_RULES_CALENDAR`` (``os.pathsep``-separated), in order."""
    raw = os.environ.get(ENV_VAR, "")
    return tuple(p for p in raw.split(os.pathsep) if p.strip())


# --------------------------------------------------------------------------- the calendar


@dataclass(frozen=True)
class DayInfo:
    """What the calendar says of one day, and on what basis."""

    working: bool
    national: YearCalendar
    prefecture: YearCalendar | None
    #: the day is in the 州庆 window of a year whose notice is not known
    prefecture_unknown: bool


@dataclass
class Calendar:
    """The layers in force for one evaluation: user years over package years over provisional ones."""

    national_years: dict[int, YearCalendar] = field(default_factory=dict)
    prefecture_years: dict[int, YearCalendar] = field(default_factory=dict)
    strict: bool = False
    prefecture: bool = True
    #: None, or one of :data:`BOUNDS`: a year without a published arrangement (national, or 州庆) is
    #: taken at that bound instead of the provisional method ([P10]); years of a file or of the package
    #: are not touched
    bound: str | None = None
    _days: dict[date, DayInfo | None] = field(default_factory=dict, repr=False, compare=False)
    #: Periods counted with this calendar (``_periods.period_end``, ``_reliance.period_trace``), by
    #: everything that decides them: (what, start, days or months, counting). A calendar is fixed once
    #: built (a changed calendar file gives a new one), so an entry never goes stale; bounded, so a
    #: long batch stays flat (about 1,500 distinct periods in 20,000 generated cases).
    periods: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False, compare=False)

    def remember(self, key: tuple[Any, ...], value: Any) -> Any:
        """Keep ``value`` under ``key`` in :attr:`periods` (emptied when it reaches 4,096 entries)."""
        if len(self.periods) >= 4096:
            self.periods.clear()
        self.periods[key] = value
        return value

    def national(self, year: int) -> YearCalendar | None:
        """The national layer of ``year``, or None when there is none (strict mode, or out of range)."""
        if year in self.national_years:
            return self.national_years[year]
        yc = package_year(year)
        if yc is None and not self.strict:
            yc = provisional_year(year) if self.bound is None else bounding_year(year, self.bound)
        return yc

    def prefecture_layer(self, year: int) -> YearCalendar | None:
        if year in self.prefecture_years:
            return self.prefecture_years[year]
        return _builtin_prefecture().get(year)

    def day(self, d: date) -> DayInfo | None:
        """Whether ``d`` is a working day, with the layers that said so; None if its year has no data."""
        try:
            return self._days[d]
        except KeyError:
            pass
        info = self._day(d)
        if len(self._days) > 20000:
            self._days.clear()
        self._days[d] = info
        return info

    def _day(self, d: date) -> DayInfo | None:
        nat = self.national(d.year)
        if nat is None:
            return None
        if d in nat.working_days:
            working = True
        elif d in nat.days_off or d.weekday() >= 5:
            working = False
        else:
            working = True
        pref = None
        unknown = False
        if self.prefecture and d.year >= FIRST_PREFECTURE_YEAR:
            pref = self.prefecture_layer(d.year)
            if pref is not None:
                if d in pref.days_off:
                    working = False
            else:
                month, first, last = PREFECTURE_WINDOW
                unknown = d.month == month and first <= d.day <= last
                # [P10] a 州庆 without its notice: no day off at the early bound, every working day
                # of the window off at the late one
                if unknown and self.bound == "late":
                    working = False
        return DayInfo(working, nat, pref, unknown)


def freeze(src: Any) -> Any:
    if isinstance(src, Mapping):
        return ("mapping", json.dumps(src, ensure_ascii=False, sort_keys=True, default=str))
    return ("path", os.fspath(src))


_RESOLVED: dict[Any, Calendar] = {}


def _stamp(src: Any) -> Any:
    if isinstance(src, Mapping):
        return freeze(src)
    path = os.fspath(src)
    try:
        st = os.stat(path)
    except OSError:
        return ("path", path, None)
    return ("path", path, st.st_mtime_ns, st.st_size)


def calendar_for(
    sources: Sequence[CalendarSource], *, strict: bool = False, prefecture: bool = True, bound: str | None = None
) -> Calendar:
    """The calendar of an evaluation: the years of ``sources`` (files or mappings) over the defaults.

    A year (of one layer) given in two sources is refused, naming both. Cached while the files are
    unchanged (their modification time and size).
    """
    key = (tuple(_stamp(s) for s in sources), strict, prefecture, bound)
    cal = _RESOLVED.get(key)
    if cal is None:
        cal = _calendar_for(sources, strict=strict, prefecture=prefecture)
        if bound is not None:
            cal = Calendar(cal.national_years, cal.prefecture_years, strict, prefecture, bound)
        if len(_RESOLVED) > 64:
            _RESOLVED.clear()
        _RESOLVED[key] = cal
    return cal


def _calendar_for(sources: Sequence[CalendarSource], *, strict: bool, prefecture: bool) -> Calendar:
    national: dict[int, YearCalendar] = {}
    pref: dict[int, YearCalendar] = {}
    problems: list[CalendarProblem] = []
    for src in sources:
        for yc in load_source(src):
            target = national if yc.layer == _NATIONAL else pref
            if yc.year in target:
                first = target[yc.year].file
                problems.append(
                    CalendarProblem(
                        yc.file or "<calendar>", 0, "calendars.year",
                        f"{yc.year} 年（{yc.layer}）已由 {first} 给出，同一年不能给出两次",
                        f"year {yc.year} ({yc.layer}) is already given by {first}",
                    )
                )
                continue
            target[yc.year] = yc
    if problems:
        raise CalendarFileError(problems)
    return Calendar(national, pref, strict, prefecture)


def all_sources(explicit: Iterable[CalendarSource]) -> tuple[CalendarSource, ...]:
    """The environment's files first, then the explicit ones."""
    return (*env_files(), *explicit)
