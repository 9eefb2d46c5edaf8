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


# ---- item 7: enums with parentheses, and the words of a value not allowed --------------------------

TOWNSHIP = ROOT / "examples" / "jurisdiction_township_trade.json"


def _input_enums_with_parentheses() -> list[type]:
    import enum
    import importlib
    import pkgutil

    import enshi_rules.facts as facts

    found = set()
    for m in pkgutil.iter_modules(facts.__path__, "enshi_rules.facts."):
        for obj in vars(importlib.import_module(m.name)).values():
            if isinstance(obj, type) and issubclass(obj, enum.Enum) and any("（" in str(x.value) for x in obj):
                found.add(obj)
    return sorted(found, key=lambda c: c.__name__)


def _half(value: str) -> str:
    return value.replace("（", "(").replace("）", ")")


def test_the_enums_with_parentheses_are_the_ones_this_file_tests():
    from enshi_rules.facts import OrganLevel

    assert _input_enums_with_parentheses() == [OrganLevel]


@pytest.mark.parametrize("enum_cls", _input_enums_with_parentheses(), ids=lambda c: c.__name__)
def test_every_value_with_parentheses_is_accepted_with_ascii_ones_and_kept_full_width(enum_cls):
    from enshi_rules.facts._types import ZhStrEnum

    assert issubclass(enum_cls, ZhStrEnum)
    with_parens = [m for m in enum_cls if "（" in m.value]
    assert with_parens
    for member in with_parens:
        for spelling in (_half(member.value), member.value.replace("（", "("), member.value.replace("）", ")")):
            assert enum_cls(spelling) is member, spelling
            assert str(enum_cls(spelling)) == member.value
    with pytest.raises(ValueError):
        enum_cls("县")  # nothing else is guessed
    with pytest.raises(ValueError):
        enum_cls("县[市]")


@pytest.mark.parametrize("example, full", [(EXAMPLE, "县（市）"), (TOWNSHIP, "乡（镇）")])
def test_a_document_with_ascii_parentheses_gives_the_same_report(example, full):
    import enshi_rules

    text = example.read_text(encoding="utf-8")
    assert f'"level": "{full}"' in text
    half = text.replace(f'"level": "{full}"', f'"level": "{_half(full)}"')
    assert half != text
    case = parse_document(half)
    assert {o.level.value for o in case.organs} >= {full}
    assert all("(" not in o.level.value for o in case.organs)
    assert enshi_rules.evaluate(half).to_json() == enshi_rules.evaluate(text).to_json()


def test_the_command_line_and_a_registry_accept_ascii_parentheses(tmp_path, capsys):
    from enshi_rules.jurisdiction import organ_registry

    reg = organ_registry([{"id": "422801.x", "name": "某乡人民政府", "kind": "人民政府", "level": "乡(镇)",
                           "region": "422801", "parent": "422801"}])
    assert reg["422801.x"].level.value == "乡（镇）"
    text = EXAMPLE.read_text(encoding="utf-8")
    full, half = tmp_path / "full.json", tmp_path / "half.json"
    full.write_text(text, "utf-8")
    half.write_text(text.replace('"level": "县（市）"', '"level": "县(市)"'), "utf-8")
    code_full = main(["evaluate", str(full)])
    out_full = capsys.readouterr().out
    assert main(["evaluate", str(half)]) == code_full
    assert capsys.readouterr().out == out_full


def test_a_value_not_allowed_lists_the_values_without_english_or_python_quoting():
    doc = _doc()
    doc["organs"][0]["level"] = "县"
    doc["day_counting"] = "weekdays"
    assert _problems(doc) == [
        ("day_counting", "取值不在允许范围内（可选：calendar、working）", "must be one of calendar, working"),
        ("organs[0].level", "取值不在允许范围内（可选：州、县（市）、乡（镇）、街道）", "must be one of 州, 县（市）, 乡（镇）, 街道"),
    ]


def test_a_registry_entry_with_a_value_not_allowed_is_worded_as_in_a_document():
    from enshi_rules.errors import RegistryError
    from enshi_rules.jurisdiction import organ_registry

    with pytest.raises(RegistryError) as info:
        organ_registry([{"id": "422801.x", "name": "某乡人民政府", "kind": "人民政府", "level": "乡",
                         "region": "422801", "parent": "422801"}])
    assert [(p.path, p.message_zh, p.message_en) for p in info.value.problems] == [
        ("organs[0].level", "取值不在允许范围内（可选：州、县（市）、乡（镇）、街道）", "must be one of 州, 县（市）, 乡（镇）, 街道"),
    ]
