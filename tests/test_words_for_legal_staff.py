"""What a legal officer reads carries no code (legal review 2, item 10): no backtick, no rule id
(art_0…, tl_0…) outside the 规则编号 reference that follows a finding, and no case-field path such
as supervision.suggestion_letter.received_on or annual_duties[2]: fields are named in Chinese, as
the fact kinds declare them (field_zh). Checked on every golden report (every bundled example and
every scenario case), in its messages and in the text report a reader gets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from enshi_rules import Report
from enshi_rules._evaluate.text_report import plain_zh, render_text
from enshi_rules.rules import load_all

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = sorted(p for p in (ROOT / "tests" / "golden").rglob("*.json") if p.name != "index.json")

#: the technical reference a finding keeps after its words: 〔规则编号 art_027.p2.rectify.overdue〕,
#: （规则编号 art_032.p2.tolerance） after a rule named by its 条/款/项
_REFERENCE = re.compile(r"规则编号 [a-z0-9_.*]+")
_CODE = re.compile(
    r"`"  # Markdown code
    r"|\b(?:art|tl)_\d"  # a rule id
    r"|\b[a-z]+(?:_[a-z]+)+(?:\[\d*\])?\.[a-z_]+"  # a field path: suggestion_letter.received_on
    r"|\b[a-z]+\.[a-z]+_[a-z_]+"  # tolerance.lawful_performance
    r"|\b[a-z]+(?:_[a-z]+)*\[\d*\]"  # a record of a list: annual_duties[2]
    r"|\b(?:supervision|enforcement_action|designation)\.[a-z_]+"
)


def _code_in(text: str) -> list[str]:
    return [m.group(0) for m in _CODE.finditer(_REFERENCE.sub("", text))]


def _reports() -> list[tuple[str, Report]]:
    out = []
    for p in GOLDEN:
        data = json.loads(p.read_text(encoding="utf-8"))
        if "findings" in data:  # a scenario that records an error has no report
            out.append((str(p.relative_to(ROOT)), Report.from_json(p.read_text(encoding="utf-8"))))
    return out


REPORTS = _reports()


def test_there_are_reports_to_scan():
    assert len(REPORTS) > 100


@pytest.mark.parametrize(("name", "report"), REPORTS, ids=[n for n, _ in REPORTS])
def test_no_code_in_what_legal_staff_read(name: str, report: Report):
    load_all()
    said = [f.message for f in report.findings] + [n.message for n in report.notes] + [m.reason for m in report.missing_facts]
    for text in said:
        assert _code_in(text) == [], f"{name}: {text}"
    for line in render_text(report).splitlines():
        if line.startswith("  ") and "年：" in line and (".yaml" in line or ".json" in line):
            continue  # 五、所用节假日日历: the calendar file a year came from, named as given
        assert _code_in(line) == [], f"{name}: {line}"


def test_the_scan_finds_what_review_2_found():
    # the forms the legal officer met (item 10) are all caught
    for text in ("有待人工判断：该认定取决于 tl_002.p1.applies 提出的问题", "原因：supervision.suggestion_letter.received_on（2025年10月，只知月份）",
                 "annual_duties[2].responsibility_list_on（是否已做不详）", "`defeated_by`", "记录“ZR-1”的 tolerance.lawful_performance 经认定成立"):
        assert _code_in(text), text
    # and the reference after a finding is not
    assert _code_in("依据：第二十七条第二款　〔规则编号 art_027.p2.rectify.overdue〕") == []


def test_register_texts_shown_in_a_report_have_no_backticks():
    """The workbench's 为什么 shows the text of each interpretation a finding relied on (plain_zh)."""
    from enshi_rules._law.register import load_register

    load_all()
    for c in load_register().by_id.values():
        shown = plain_zh(c.choice)
        assert "`" not in shown and "**" not in shown, c.id
        assert not re.search(r"\b(?:art|tl)_\d", shown), (c.id, shown)
    assert plain_zh("`art_027.p1.late_application_answered`（`leaves_open`）") .startswith("第二十七条第一款的认定")
    assert plain_zh("`liabilities[].acted_on`") == "责任追究记录的行为日期"
    assert plain_zh("`defeated_by: art_032.p2.tolerance`") == "“已被排除”（第三十二条第二款的认定）"
