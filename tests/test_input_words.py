"""The words of the library's input layer (facts): the same mistake gets the same words, Chinese
first, naming the field, whether it comes from a document, the command line or Python; never a
Python type name or pydantic's English (platform review items 7 and 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from enshi_rules import CaseValidationError
from enshi_rules.cli import main
from enshi_rules.facts import parse_as_of, parse_document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "overdue_decision.json"


def _doc() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def _problems(doc) -> list[tuple[str, str, str]]:
    with pytest.raises(CaseValidationError) as info:
        parse_document(doc)
    return [(p.path, p.message_zh, p.message_en) for p in info.value.problems]


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-02-29", "2025-00-10", "2025-1-5", "2025-12-15T08:00:00", "十二月"])
def test_a_document_as_of_that_is_not_a_real_date_is_worded_as_parse_as_of_words_it(bad):
    doc = _doc()
    doc["as_of"] = bad
    expected = ("as_of", f"判断日 '{bad}' 不是 YYYY-MM-DD 格式的真实日期", f"as_of '{bad}' is not a real date written YYYY-MM-DD")
    assert _problems(doc) == [expected]
    with pytest.raises(CaseValidationError) as info:
        parse_as_of(bad)
    assert [(p.path, p.message_zh, p.message_en) for p in info.value.problems] == [expected]


def test_the_document_as_of_is_still_a_date_and_a_leap_day_is_one():
    doc = _doc()
    doc["as_of"] = "2024-02-29"
    assert parse_document(doc).as_of.isoformat() == "2024-02-29"
    doc["as_of"] = None
    assert parse_document(doc).as_of is None


def test_a_document_as_of_after_the_latest_date_keeps_the_words_of_every_date():
    doc = _doc()
    doc["as_of"] = "9999-01-01"
    ((path, zh, en),) = _problems(doc)
    assert path == "as_of" and zh.startswith("日期 9999-01-01 过晚") and "9999-12-31" in en


def test_the_command_line_says_the_same_of_a_document_as_of(tmp_path, capsys):
    doc = _doc()
    doc["as_of"] = "2025-02-30"
    p = tmp_path / "c.json"
    p.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    assert main(["evaluate", str(p)]) == 2
    err = capsys.readouterr().err
    assert "判断日 '2025-02-30' 不是 YYYY-MM-DD 格式的真实日期" in err and "Input should be" not in err


@pytest.mark.parametrize("doc, zh, en", [
    ([], "数组", "an array"),
    (None, "空值（null）", "null"),
    ("x", "字符串", "a string"),
    (3, "数字", "a number"),
])
def test_a_document_that_is_not_an_object_names_its_json_type(doc, zh, en):
    text = json.dumps(doc)
    assert _problems(text) == [("", f"案件文档应为 JSON 对象，而不是{zh}", f"a case document is a JSON object, not {en}")]
