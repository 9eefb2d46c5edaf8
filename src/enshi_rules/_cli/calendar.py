"""``enshi-rules calendar show YEAR`` / ``calendar check FILE``, and the calendar options of
``evaluate``, ``explain``, ``report`` and ``batch`` (``--calendar FILE``, ``--calendar-missing provisional|strict``,
``--no-prefecture-days-off``). See ``docs/calendar.md``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from .._evaluate.overrides import add_override
from .._periods import calendar as _calendar
from .._periods.counting import PeriodPolicy
from ..errors import CalendarFileError

__all__ = ["add_options", "add_subcommands", "overrides"]

_WEEKDAYS = "一二三四五六日"


def add_options(p: argparse.ArgumentParser) -> None:
    """The calendar options of a command that evaluates cases (each a policy override: absent, the
    case's own policy stands)."""
    add_override(
        p,
        "--calendar",
        action="append",
        metavar="FILE",
        help="日历文件（YAML 或 JSON），增加或替换年份；可重复（docs/calendar.md）/ a calendar file (YAML or JSON) that "
        f"adds or replaces years; repeatable (docs/calendar.md). {_calendar.ENV_VAR} lists more files, read first",
    )
    add_override(
        p,
        "--calendar-missing",
        choices=("provisional", "strict"),
        help="节假日安排未公布的年份：推算并标为暂定（provisional，默认），或不给到期日并列为缺少的事实（strict）/ "
        "a year without a published holiday arrangement: compute it and mark due dates provisional "
        "(default), or give such a period no due date and name the year as a missing fact (strict)",
    )
    add_override(
        p,
        "--no-prefecture-days-off",
        dest="prefecture_days_off",
        action="store_false",
        help="期限届满日为州庆放假日的不顺延（解释 Z1）/ do not roll a period ending on a 州庆 day off over (interpretation Z1)",
    )


def overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The policy fields the options set (for ``_evaluate.evaluate_with``)."""
    return {
        "calendar": tuple(args.calendar or ()) or None,
        "missing_calendar": args.calendar_missing,
        "prefecture_days_off": args.prefecture_days_off,
    }


def add_subcommands(sub: Any) -> None:
    c = sub.add_parser("calendar", help="显示某年的节假日日历，或检查日历文件 / show a year's holiday calendar, or check a calendar file")
    csub = c.add_subparsers(dest="calendar_command", required=True)
    s = csub.add_parser("show", help="按本库的理解显示一年（来源、放假日、调休上班日）/ print a year as the library sees it "
                                     "(source, days off, adjusted working days)")
    s.add_argument("year", type=int, help="年份 / the year (2004 or later)")
    s.add_argument("--calendar", dest="calendar", action="append", default=None, metavar="FILE",
                   help="日历文件，同 evaluate / calendar files, as for evaluate")
    s.add_argument("--calendar-missing", dest="calendar_missing", choices=("provisional", "strict"), default=None,
                   help="未公布年份推算（provisional）或不推算（strict）/ compute a year not yet published (provisional) or not (strict)")
    s.set_defaults(func=_cmd_show)
    k = csub.add_parser("check", help="检查日历文件；有效时退出码 0，否则 2 并列出每个问题 / validate a calendar file; "
                                      "exit 0 if valid, 2 listing every problem")
    k.add_argument("files", nargs="+", metavar="FILE", help="要检查的日历文件 / the calendar files to check")
    k.set_defaults(func=_cmd_check)


def _day(d: date, name: str | None = None) -> str:
    text = f"{d.isoformat()}（{_WEEKDAYS[d.weekday()]}）"
    return f"{text} {name}" if name else text


def _cmd_show(args: argparse.Namespace) -> int:
    policy = PeriodPolicy(calendar=tuple(args.calendar or ()), missing_calendar=args.calendar_missing or "provisional")
    try:
        cal = policy.resolved_calendar()
    except CalendarFileError as exc:
        print(f"enshi-rules: {exc}", file=sys.stderr)
        return 2
    year = args.year
    nat = cal.national(year)
    out = [f"{year}年节假日日历 / holiday calendar of {year}"]
    if nat is None:
        out.append(
            f"  没有数据 / no data: {year}年不在 chinesecalendar 的范围内，也没有日历文件"
            + ("（严格模式，不推算）" if cal.strict else "，且不在可推算的年份内")
            + "；请用 --calendar 提供该年的日历文件（docs/calendar.md）"
        )
        sys.stdout.write("\n".join(out) + "\n")
        return 1
    kind = {"package": "软件包", "file": "日历文件", "provisional": "推算", "builtin": "内置数据"}[nat.basis]
    out.append(f"  来源 / source：{nat.source}（{kind}）")
    if nat.provisional:
        out.append(f"  暂定 / provisional：是——{year}年节假日安排尚未公布，按《全国年节及纪念日放假办法》推算，不含调休上班日")
    else:
        out.append("  暂定 / provisional：否")
    names = dict(nat.names)
    weekday_off = sorted(d for d in nat.days_off if d.weekday() < 5 or d in names)
    out.append(f"  放假日 / days off（{len(weekday_off)}，不含普通周末）：")
    out += [f"    {_day(d, names.get(d))}" for d in weekday_off]
    out.append(f"  调休上班日 / adjusted working days（{len(nat.working_days)}）：")
    out += [f"    {_day(d)}" for d in sorted(nat.working_days)] or ["    （无）"]
    pref = cal.prefecture_layer(year)
    if year >= _calendar.FIRST_PREFECTURE_YEAR:
        if pref is not None:
            out.append(f"  州庆 / prefecture：{pref.source}：" + "、".join(_day(d) for d in sorted(pref.days_off)))
        else:
            out.append(f"  州庆 / prefecture：{year}年通知未收录；8月17日至23日之间到期的期限为暂定")
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    bad = 0
    try:
        # every file alone, then together (a year given in two files is refused)
        for f in args.files:
            try:
                years = _calendar.check_file(f)
            except CalendarFileError as exc:
                bad += 1
                for p in exc.problems:
                    print(p, file=sys.stderr)
                continue
            listed = "、".join(f"{y.year}（{'州庆' if y.layer == 'prefecture' else '全国'}）" for y in years)
            print(f"{f}: 有效 / valid：{listed}")
        if not bad and len(args.files) > 1:
            _calendar.calendar_for(args.files)
    except CalendarFileError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        return 2
    return 2 if bad else 0
