"""The holiday calendar as data (issue 10): provisional years, calendar files, strict mode, 州庆.

Expectations come from the law and the notices as issue 10 quotes them (《全国年节及纪念日放假办法》
第二条; the 州政府办公室 notices of 2023-07-21 and 2025-07-28), from the `holidays` package (an
independent implementation of the lunar dates and of 补假), and from the weekday of a date.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import holidays
import pytest

import enshi_rules
from enshi_rules import CalendarFileError, PeriodPolicy
from enshi_rules._periods import calendar as _calendar
from enshi_rules._periods.counting import period_end
from enshi_rules.cli import main
from enshi_rules.testing import assert_finding, assert_no_finding

ROOT = Path(__file__).resolve().parents[1]
D = date.fromisoformat
PROVISIONAL_2027 = "（暂定：2027年节假日安排尚未公布，按《全国年节及纪念日放假办法》推算）"


def letter_case(received: str, as_of: str) -> dict:
    return {
        "case_id": "ESJD-CAL",
        "supervising_organ": "422800",
        "supervised_organ": "422822",
        "as_of": as_of,
        "supervision": {
            "started_on": "2025-07-01",
            "situations": [{"item": 3, "confirmed": True}],
            "suggestion_letter": {"issued_on": received, "received_on": received},
        },
    }


DEC = letter_case("2026-12-02", "2026-12-20")

# A complete 2027 national year in the file format, with 2027-01-04 made a day off (a test notice).
CAL_2027 = """\
calendars:
  - year: 2027
    source:
      issuer: 国务院办公厅
      document: 测试通知〔2026〕1号
      date: 2026-11-20
    days_off:
      - 2027-01-01
      - 2027-01-04
      - {from: 2027-02-05, to: 2027-02-11}
      - 2027-04-05
      - {from: 2027-05-01, to: 2027-05-05}
      - 2027-06-09
      - 2027-09-15
      - {from: 2027-10-01, to: 2027-10-07}
    working_days: [2027-02-13, 2027-10-09]
"""


@pytest.fixture(autouse=True)
def _no_env_calendar(monkeypatch):
    monkeypatch.delenv(_calendar.ENV_VAR, raising=False)


# --------------------------------------------------------------------------- done when (issue 10)


def test_a_letter_received_2026_12_02_gives_a_whole_report_with_a_provisional_2027_due_date(capsys, tmp_path):
    report = enshi_rules.evaluate(DEC)
    window = assert_finding(report, cite="第二十七条第一款", due="2026-12-14", provisional=False)
    assert window.calendar_basis == f"2026年：chinesecalendar {_calendar._package_version()}"
    rect = assert_finding(report, cite="第二十七条第二款", status="pending", due="2027-01-04", provisional=True)
    # 2026-12-02 + 30 = 2027-01-01 (元旦, Friday); 01-02 and 01-03 are a weekend
    assert D("2027-01-01").weekday() == 4
    assert rect.calendar_basis == "2027年：暂定（2027年节假日安排尚未公布，按《全国年节及纪念日放假办法》推算）"
    (t,) = [t for t in report.timeline if t.rule_id == rect.rule_id]
    assert t.provisional is True and t.calendar_basis == rect.calendar_basis
    assert [(c.year, c.basis, c.provisional) for c in report.calendars] == [(2026, "package", False), (2027, "provisional", True)]
    assert report.calendar_notes and "2027" in report.calendar_notes[0] and "重新评估" in report.calendar_notes[0]
    # the JSON carries the fields, and the command line exits 0 with the provisional wording
    data = json.loads(report.to_json())
    assert data["calendars"][1] == {"year": 2027, "basis": "provisional", "source": _calendar.PROVISIONAL_SOURCE, "provisional": True}
    assert [f["provisional"] for f in data["findings"] if f["due"]] == [False, True]
    p = tmp_path / "case.json"
    p.write_text(json.dumps(DEC), "utf-8")
    assert main(["evaluate", str(p)]) == 0
    out = capsys.readouterr().out
    assert out.count(PROVISIONAL_2027) == 2  # under the finding and on its deadline
    assert "2026-12-14  第二十七条第一款" in out


def test_a_calendar_file_that_makes_2027_01_04_a_day_off_gives_2027_01_05_not_provisional(tmp_path, capsys):
    f = tmp_path / "2027.yaml"
    f.write_text(CAL_2027, "utf-8")
    report = enshi_rules.evaluate(DEC, calendar=f)
    rect = assert_finding(report, cite="第二十七条第二款", due="2027-01-05", provisional=False)
    assert rect.calendar_basis == f"2027年：{f}：国务院办公厅测试通知〔2026〕1号（2026-11-20）"
    assert report.calendars[1].basis == "file" and "测试通知〔2026〕1号" in report.calendars[1].source
    assert report.calendar_notes == ()
    # the same through the command line, PeriodPolicy(calendar=) and the environment variable
    p = tmp_path / "case.json"
    p.write_text(json.dumps(DEC), "utf-8")
    assert main(["evaluate", str(p), "--calendar", str(f), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [t["due"] for t in data["timeline"]] == ["2026-12-14", "2027-01-05"]
    via_policy = enshi_rules.evaluate(DEC, policy=PeriodPolicy(calendar=str(f)))
    assert via_policy.timeline == report.timeline


def test_the_environment_variable_names_calendar_files(tmp_path, monkeypatch):
    f = tmp_path / "2027.yaml"
    f.write_text(CAL_2027, "utf-8")
    monkeypatch.setenv(_calendar.ENV_VAR, str(f))
    assert_finding(enshi_rules.evaluate(DEC), cite="第二十七条第二款", due="2027-01-05", provisional=False)
    # the same year again through calendar= is refused, naming both files
    g = tmp_path / "again.yaml"
    g.write_text(CAL_2027, "utf-8")
    with pytest.raises(CalendarFileError) as info:
        enshi_rules.evaluate(DEC, calendar=g)
    assert str(f) in str(info.value) and str(g) in str(info.value)


def test_strict_mode_gives_that_period_no_due_date_names_2027_and_reports_the_rest(tmp_path, capsys):
    report = enshi_rules.evaluate(DEC, policy=PeriodPolicy(missing_calendar="strict"))
    assert_no_finding(report, cite="第二十七条第二款")
    assert_finding(report, cite="第二十七条第一款", due="2026-12-14", provisional=False)
    assert_finding(report, cite="第二十六条第（三）项")
    assert [(m.field, m.needed_for) for m in report.missing_facts] == [("calendar.2027", "第二十七条第二款")]
    assert "2027" in report.missing_facts[0].reason and "--calendar" in report.missing_facts[0].reason
    assert [c.year for c in report.calendars] == [2026]
    p = tmp_path / "case.json"
    p.write_text(json.dumps(DEC), "utf-8")
    assert main(["evaluate", str(p), "--calendar-missing", "strict"]) == 0
    assert "2027年节假日日历（第二十七条第二款）" in capsys.readouterr().out


def test_strict_mode_names_a_year_once_with_every_period_that_needed_it(tmp_path, capsys):
    # received 2026-12-08 (三十日 of 第二十七条第二款 end in 2027) and review applied for on 2026-12-18,
    # the tenth day (十五日 of 第二十七条第一款 end in 2027): two periods need 2027, which is said once
    doc = letter_case("2026-12-08", "2026-12-20")
    doc["supervision"]["objection"] = {"filed_on": "2026-12-18"}
    strict = PeriodPolicy(missing_calendar="strict")
    report = enshi_rules.evaluate(doc, policy=strict)
    calendar_facts = [m for m in report.missing_facts if m.field.startswith("calendar.")]
    assert [(m.field, m.needed_for) for m in calendar_facts] == [("calendar.2027", "第二十七条第一款、第二十七条第二款")]
    # each period once, by its start and its length, with its citation
    assert re.findall(r"自(\d{4}-\d{2}-\d{2})起(\d+)日（(第[^）]+)）", calendar_facts[0].reason) == [
        ("2026-12-08", "30", "第二十七条第二款"), ("2026-12-18", "15", "第二十七条第一款"),
    ]
    # the same report whatever the order of the records, and in the text once
    again = json.loads(json.dumps(doc))
    again["supervision"] = dict(reversed(list(again["supervision"].items())))
    assert enshi_rules.evaluate(again, policy=strict).missing_facts == report.missing_facts
    p = tmp_path / "case.json"
    p.write_text(json.dumps(doc), "utf-8")
    assert main(["evaluate", str(p), "--calendar-missing", "strict"]) == 0
    out = capsys.readouterr().out
    assert out.count("2027年节假日日历（") == 1 and "2027年节假日日历（第二十七条第一款、第二十七条第二款）" in out
    # provisional (the default): no missing year at all
    assert not [m for m in enshi_rules.evaluate(doc).missing_facts if m.field.startswith("calendar.")]


def test_strict_mode_names_a_year_once_in_a_case_of_imprecise_dates():
    # the application known only to the month: each instantiation has its own 2027 period; the
    # year is still named once
    doc = letter_case("2026-12-02", "2026-12-30")
    doc["supervision"]["objection"] = {"filed_on": "2026-12"}
    report = enshi_rules.evaluate(doc, policy=PeriodPolicy(missing_calendar="strict"))
    assert [m.field for m in report.missing_facts if m.field.startswith("calendar.")] == ["calendar.2027"]


def test_working_days_counting_from_today_reaches_2027_and_is_provisional():
    report = enshi_rules.evaluate(letter_case("2026-12-01", "2026-12-01"), policy="working")
    # 30 working days after 2026-12-01: 22 in December 2026, then 2027-01-04 .. 2027-01-13 (元旦 off)
    rect = assert_finding(report, cite="第二十七条第二款", due="2027-01-13", provisional=True)
    assert "2026年：chinesecalendar" in rect.calendar_basis and "2027年：暂定" in rect.calendar_basis


def test_zhouqing_2025_rolls_a_period_over_and_can_be_switched_off(tmp_path, capsys):
    case = letter_case("2025-07-19", "2025-08-01")
    # 2025-07-19 + 30 = 2025-08-18, a 州庆 day off (notice of 2025-07-28), as is 08-19
    on = enshi_rules.evaluate(case)
    f = assert_finding(on, cite="第二十七条第二款", due="2025-08-20", provisional=False)
    assert "州庆：《州政府办公室关于2025年州庆放假的通知》（2025-07-28）" in f.calendar_basis
    off = enshi_rules.evaluate(case, policy=PeriodPolicy(prefecture_days_off=False))
    assert_finding(off, cite="第二十七条第二款", due="2025-08-18", provisional=False)
    p = tmp_path / "case.json"
    p.write_text(json.dumps(case), "utf-8")
    assert main(["evaluate", str(p), "--no-prefecture-days-off", "--format", "json"]) == 0
    assert "2025-08-18" in [t["due"] for t in json.loads(capsys.readouterr().out)["timeline"]]


def test_zhouqing_2023_notice_days_are_days_off():
    assert period_end(D("2023-08-10"), 11).due == D("2023-08-23")  # 08-21 (Mon) -> 08-22 -> 08-23
    assert period_end(D("2023-08-10"), 11, PeriodPolicy(prefecture_days_off=False)).due == D("2023-08-21")


@pytest.mark.parametrize("raw", ["2026-08-17", "2026-08-19", "2026-08-21"])
def test_a_year_without_a_zhouqing_notice_is_never_guessed_and_its_window_is_provisional(raw):
    start = D(raw) - timedelta(days=30)
    end = period_end(start, 30)
    assert end.due == D(raw)  # not moved: the 2026 notice is not known
    assert end.provisional and "2026年州庆放假通知未收录" in end.basis
    # outside 8月17日-23日 nothing is provisional
    assert not period_end(D("2026-07-15"), 30).provisional  # 2026-08-14


# --------------------------------------------------------------------------- the provisional method


def test_statutory_holidays_follow_article_2_of_the_fangjia_banfa():
    h = _calendar.statutory_holidays(2027)
    by_name: dict[str, list[date]] = {}
    for d, n in h.items():
        by_name.setdefault(n, []).append(d)
    assert {n: len(v) for n, v in by_name.items()} == {"元旦": 1, "春节": 4, "清明节": 1, "劳动节": 2, "端午节": 1, "中秋节": 1, "国庆节": 3}
    assert by_name["元旦"] == [D("2027-01-01")] and by_name["国庆节"] == [D("2027-10-01"), D("2027-10-02"), D("2027-10-03")]
    assert by_name["劳动节"] == [D("2027-05-01"), D("2027-05-02")]


@pytest.mark.parametrize("year", range(2027, 2100))
def test_provisional_years_agree_with_the_holidays_package_day_by_day(year):
    # holidays.China extrapolates a year it has no notice for from its own lunar calendar and 补假 rule
    assert _calendar.provisional_year(year).days_off == frozenset(holidays.China(years=year))


def test_provisional_2025_and_2026_holidays_were_days_off_in_the_official_calendars():
    for year in (2025, 2026):
        for d in _calendar.provisional_year(year).days_off:
            assert not chinese_calendar.is_workday(d), d


def _doc_diff() -> list[tuple[str, str, str]]:
    text = (ROOT / "docs" / "calendar.md").read_text("utf-8")
    block = text.split("<!-- provisional-diff:begin -->", 1)[1].split("<!-- provisional-diff:end -->", 1)[0]
    rows = [ln.strip("|").split("|") for ln in block.strip().splitlines()[2:]]
    return [(r[0].strip(), r[2].strip(), r[3].strip()) for r in rows]


def test_the_differences_with_the_official_2025_and_2026_calendars_are_those_listed_in_docs():
    computed = []
    for year in (2025, 2026):
        prov = _calendar.provisional_year(year)
        d = date(year, 1, 1)
        while d.year == year:
            prov_working = d not in prov.days_off and d.weekday() < 5
            official_working = chinese_calendar.is_workday(d)
            if prov_working != official_working:
                name = chinese_calendar.get_holiday_detail(d)[1]
                zh = {"Spring Festival": "春节", "Labour Day": "劳动节", "National Day": "国庆节", "New Year's Day": "元旦"}
                computed.append(
                    (
                        d.isoformat(),
                        "working" if prov_working else "day off (weekend)",
                        "working (调休上班)" if official_working else f"day off ({zh[str(name)]})",
                    )
                )
            d += timedelta(days=1)
    assert _doc_diff() == computed
    assert len(computed) == 22


# --------------------------------------------------------------------------- calendar files


GOOD_SOURCE = "    source: {document: 测试, date: 2026-11-20}\n"


def _year(body: str, year: str = "2027") -> str:
    return f"calendars:\n  - year: {year}\n{body}"


HOLIDAYS_2027 = "    days_off: [2027-01-01, {from: 2027-02-05, to: 2027-02-08}, 2027-04-05, 2027-05-01, 2027-05-02, 2027-06-09, 2027-09-15, {from: 2027-10-01, to: 2027-10-03}]\n"

BAD_FILES = {
    # kind: (file text, line, field, words of the Chinese message)
    "not_yaml": ("calendars: [\n  - year: 2027\n", 2, "<file>", "不是有效的"),
    "no_calendars": ("years: []\n", 1, "years", "未知字段"),
    "empty_calendars": ("calendars: []\n", 1, "calendars", "列表为空"),
    "unknown_field": (_year(GOOD_SOURCE + HOLIDAYS_2027 + "    holidays: []\n"), 5, "calendars[0].holidays", "未知字段"),
    "year_not_integer": ("calendars:\n  - year: 二〇二七\n" + GOOD_SOURCE + HOLIDAYS_2027, 2, "calendars[0].year", "应为整数"),
    "year_out_of_range": (_year(GOOD_SOURCE + "    days_off: [2200-01-01]\n", "2200"), 2, "calendars[0].year", "超出"),
    "no_source": (_year(HOLIDAYS_2027), 2, "calendars[0].source", "缺少来源"),
    "source_without_date": (_year("    source: {document: 测试}\n" + HOLIDAYS_2027), 3, "calendars[0].source.date", "发布日期"),
    "not_a_real_date": (_year(GOOD_SOURCE + HOLIDAYS_2027 + "    working_days: [2027-02-30]\n"), 5, "calendars[0].working_days[0]", "真实日期"),
    "date_outside_year": (_year(GOOD_SOURCE + HOLIDAYS_2027 + "    working_days: [2026-12-26]\n"), 5, "calendars[0].working_days[0]", "不在 2027 年内"),
    "off_and_working": (_year(GOOD_SOURCE + HOLIDAYS_2027 + "    working_days: [2027-02-06]\n"), 5, "calendars[0].working_days", "既是放假日又是上班日"),
    "working_weekday": (_year(GOOD_SOURCE + HOLIDAYS_2027 + "    working_days: [2027-02-10]\n"), 5, "calendars[0].working_days", "应为星期六或星期日"),
    "range_backwards": (_year(GOOD_SOURCE + "    days_off: [{from: 2027-02-08, to: 2027-02-05}]\n"), 4, "calendars[0].days_off[0]", "早于开始日"),
    "day_twice": (_year(GOOD_SOURCE + "    days_off: [2027-01-01, 2027-01-01]\n"), 4, "calendars[0].days_off[1]", "重复"),
    "holiday_missing": (_year(GOOD_SOURCE + "    days_off: [2027-01-01]\n"), 4, "calendars[0].days_off", "未列入"),
    "empty_days_off": (_year(GOOD_SOURCE + "    days_off: []\n"), 4, "calendars[0].days_off", "不能为空"),
    "year_twice": (_year(GOOD_SOURCE + HOLIDAYS_2027) + "  - year: 2027\n" + GOOD_SOURCE + HOLIDAYS_2027, 5, "calendars[1].year", "已在 calendars[0] 给出"),
    "prefecture_working_days": (
        "calendars:\n  - year: 2027\n    layer: prefecture\n" + GOOD_SOURCE + "    days_off: [2027-08-19]\n    working_days: [2027-08-21]\n",
        6, "calendars[0].working_days", "州庆层不设调休上班日",
    ),
    "bad_layer": (_year("    layer: county\n" + GOOD_SOURCE + HOLIDAYS_2027), 3, "calendars[0].layer", "层级"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_bad_calendar_file_is_refused_naming_file_line_and_field(kind, tmp_path, capsys):
    text, line, field, words = BAD_FILES[kind]
    f = tmp_path / f"{kind}.yaml"
    f.write_text(text, "utf-8")
    with pytest.raises(CalendarFileError) as info:
        enshi_rules.evaluate(DEC, calendar=f)
    problems = [p for p in info.value.problems if p.field == field]
    assert problems, info.value.problems
    p = problems[0]
    assert (p.file, p.line) == (str(f), line) and words in p.message_zh and p.message_en
    assert str(p).startswith(f"{f}:{line}: {field}: ")
    # the command line refuses it with the same words, exit 2, no traceback
    assert main(["calendar", "check", str(f)]) == 2
    err = capsys.readouterr().err
    assert f"{f}:{line}: {field}" in err and "Traceback" not in err
    case = tmp_path / "case.json"
    case.write_text(json.dumps(DEC), "utf-8")
    assert main(["evaluate", str(case), "--calendar", str(f)]) == 2
    assert words in capsys.readouterr().err


def test_a_json_file_and_a_mapping_are_read_like_yaml(tmp_path):
    doc = {
        "calendars": [
            {
                "year": 2027,
                "source": {"document": "测试通知〔2026〕1号", "date": "2026-11-20"},
                "days_off": ["2027-01-01", "2027-01-04", {"from": "2027-02-05", "to": "2027-02-08"}, "2027-04-05",
                             "2027-05-01", "2027-05-02", "2027-06-09", "2027-09-15",
                             {"from": "2027-10-01", "to": "2027-10-03"}],
            }
        ]
    }  # fmt: skip
    f = tmp_path / "2027.json"
    f.write_text(json.dumps(doc, ensure_ascii=False, indent=2), "utf-8")
    assert_finding(enshi_rules.evaluate(DEC, calendar=f), cite="第二十七条第二款", due="2027-01-05")
    assert_finding(enshi_rules.evaluate(DEC, calendar=doc), cite="第二十七条第二款", due="2027-01-05")
    f.write_text('{"calendars": [\n  {"year": 2027,}\n]}', "utf-8")
    with pytest.raises(CalendarFileError) as info:
        enshi_rules.evaluate(DEC, calendar=f)
    assert info.value.problems[0].line == 2


def test_a_file_can_replace_a_year_the_package_carries(tmp_path):
    # 2026 from a file without 2026-12-14 as a working day: the ten days of 第二十七条第一款 move
    days = [d for d in _calendar.package_year(2026).days_off if d.weekday() < 5 or d in dict(_calendar.package_year(2026).names)]
    lines = "".join(f"      - {d.isoformat()}\n" for d in sorted(days))
    f = tmp_path / "2026.yaml"
    f.write_text(
        "calendars:\n  - year: 2026\n    source: {document: 替换测试, date: 2025-11-04}\n    days_off:\n"
        + lines + "      - 2026-12-14\n    working_days: [2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10]\n",
        "utf-8",
    )
    report = enshi_rules.evaluate(DEC, calendar=f)
    assert_finding(report, cite="第二十七条第一款", due="2026-12-15", provisional=False)
    assert report.calendars[0].basis == "file"


def test_the_documented_examples_are_valid(tmp_path):
    text = (ROOT / "docs" / "calendar.md").read_text("utf-8")
    yml = re.search(r"```yaml\n(.*?)```", text, re.S).group(1)
    js = re.search(r"```json\n(.*?)```", text, re.S).group(1)
    (tmp_path / "a.yaml").write_text(yml, "utf-8")
    (tmp_path / "b.json").write_text(js, "utf-8")
    assert [(y.year, y.layer) for y in _calendar.check_file(tmp_path / "a.yaml")] == [(2027, "national"), (2027, "prefecture")]
    assert [y.year for y in _calendar.check_file(tmp_path / "b.json")] == [2027]


def test_the_shipped_zhouqing_data_holds_exactly_the_two_known_notices():
    years = _calendar._builtin_prefecture()
    assert {y: sorted(c.days_off) for y, c in years.items()} == {
        2023: [D("2023-08-21"), D("2023-08-22")],
        2025: [D("2025-08-18"), D("2025-08-19")],
    }
    assert "2023-07-21" in years[2023].source and "2025-07-28" in years[2025].source


def test_calendar_show_prints_a_year_as_the_library_sees_it(capsys, tmp_path):
    assert main(["calendar", "show", "2027"]) == 0
    out = capsys.readouterr().out
    assert "暂定 / provisional：是" in out and "2027-02-05（五） 春节" in out and "2027-10-05（二） 国庆节补假" in out
    assert "调休上班日 / adjusted working days（0）" in out
    assert main(["calendar", "show", "2025"]) == 0
    out = capsys.readouterr().out
    assert "chinesecalendar" in out and "2025-09-28（日）" in out and "2025-08-18（一）" in out
    f = tmp_path / "2027.yaml"
    f.write_text(CAL_2027, "utf-8")
    assert main(["calendar", "show", "2027", "--calendar", str(f)]) == 0
    assert "测试通知〔2026〕1号" in capsys.readouterr().out
    assert main(["calendar", "show", "2027", "--calendar-missing", "strict"]) == 1
    assert main(["calendar", "check", str(f)]) == 0


def test_far_future_dates_give_a_missing_fact_not_an_untyped_error():
    end = period_end(D("9999-12-20"), 30)
    assert end.due is None and end.missing_year == 9999
    end = period_end(D("2099-12-20"), 30)
    assert end.due is None and end.missing_year == 2100


# --------------------------------------------------------------------------- many cases at once


def test_evaluate_many_and_batch_take_the_calendar(tmp_path, capsys):
    f = tmp_path / "2027.yaml"
    f.write_text(CAL_2027, "utf-8")
    for jobs in (1, 2):
        results = list(enshi_rules.evaluate_many([DEC, DEC], jobs=jobs, calendar=f))
        assert [[t.due for t in r.report.timeline] for r in results] == [[D("2026-12-14"), D("2027-01-05")]] * 2
    lines = tmp_path / "cases.jsonl"
    lines.write_text(json.dumps(DEC) + "\n" + json.dumps(DEC) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(lines), "-o", str(out), "--calendar", str(f)]) == 0
    reports = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert [t["due"] for r in reports for t in r["timeline"]] == ["2026-12-14", "2027-01-05"] * 2
    assert main(["batch", str(lines), "-o", str(out), "--calendar-missing", "strict", "--force"]) == 0  # replaces out
    reports = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert [[m["field"] for m in r["missing_facts"]] for r in reports] == [["calendar.2027"]] * 2
    # a bad calendar file stops the batch before any case is read
    bad = tmp_path / "bad.yaml"
    bad.write_text("calendars: []\n", "utf-8")
    with pytest.raises(CalendarFileError):
        enshi_rules.evaluate_many([DEC], calendar=bad)
    capsys.readouterr()
    assert main(["batch", str(lines), "-o", str(out), "--calendar", str(bad), "--force"]) == 2
    assert f"{bad}:1: calendars" in capsys.readouterr().err
