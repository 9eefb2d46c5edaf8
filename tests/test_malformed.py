"""Bad input fails precisely: a corpus of malformed case documents, each with its expected error.

Each entry: a name, the input (bytes, text, or a change to a valid case), and the field paths (and a
phrase of the message) the CaseValidationError must name. Every one also runs through the CLI, which
must exit 2 with one line and no traceback.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import enshi_rules
from enshi_rules import CaseValidationError
from enshi_rules.cli import main

ROOT = Path(__file__).resolve().parents[1]
VALID = json.loads((ROOT / "examples" / "overdue_decision.json").read_text("utf-8"))


def changed(path: str, value: Any) -> dict[str, Any]:
    """The valid example with one field set (``a.b[0].c``); ``...`` deletes it."""
    doc = copy.deepcopy(VALID)
    parts = path.replace("]", "").replace("[", ".").split(".")
    cur: Any = doc
    for p in parts[:-1]:
        cur = cur[int(p)] if p.isdigit() else cur[p]
    last = parts[-1]
    key: Any = int(last) if last.isdigit() else last
    if value is ...:
        del cur[key]
    else:
        cur[key] = value
    return doc


def deep(n: int) -> str:
    return "[" * n + "]" * n


CORPUS: list[tuple[str, Any, list[str], str]] = [
    # (name, input, expected field paths, a phrase the message contains)
    ("not JSON at all", b"this is not json", [""], "不是有效的 JSON"),
    ("truncated JSON", b'{"case_id": "x", ', [""], "不是有效的 JSON"),
    ("empty file", b"", [""], "不是有效的 JSON"),
    ("JSON array", b"[1, 2]", [""], "JSON 对象"),
    ("JSON string", b'"case"', [""], "JSON 对象"),
    ("JSON null", b"null", [""], "JSON 对象"),
    ("UTF-16 bytes", json.dumps(VALID, ensure_ascii=False).encode("utf-16"), [""], "UTF-8"),
    ("GBK bytes", json.dumps(VALID, ensure_ascii=False).encode("gbk"), [""], "UTF-8"),
    ("deeply nested JSON", deep(100_000).encode(), [""], "嵌套过深"),
    ("integer of 5,000 digits", b'{"case_id": ' + b"9" * 5000 + b"}", [""], "无法读取"),
    ("document over the size limit", b'{"case_id": "' + b"x" * 2_100_000 + b'"}', [""], "文档过大"),
    ("missing case_id", changed("case_id", ...), ["case_id"], "缺少必填字段"),
    ("missing supervised organ", changed("supervised_organ", ...), ["supervised_organ"], "缺少必填字段"),
    ("empty case_id", changed("case_id", ""), ["case_id"], "不能为空"),
    ("case_id with spaces", changed("case_id", "a b"), ["case_id"], "格式"),
    ("case_id a number", changed("case_id", 17), ["case_id"], "字符串"),
    ("unknown top-level field", changed("colour", "red"), ["colour"], "未知字段"),
    ("unknown nested field", changed("supervision.suggestion_letter.signed_by", "张三"), ["supervision.suggestion_letter.signed_by"], "未知字段"),
    ("impossible date 2025-02-30", changed("supervision.started_on", "2025-02-30"), ["supervision.started_on"], "日期无效"),
    ("date in another format", changed("supervision.suggestion_letter.issued_on", "2025/09/22"), ["supervision.suggestion_letter.issued_on"], "日期无效"),
    ("date with a time", changed("supervision.suggestion_letter.received_on", "2025-09-24T10:00:00"), ["supervision.suggestion_letter.received_on"], "日期"),
    ("situation item 7", changed("supervision.situations[0].item", 7), ["supervision.situations[0].item"], "数值过大"),
    ("situation item as text", changed("supervision.situations[0].item", "三"), ["supervision.situations[0].item"], "整数"),
    ("confirmed as text", changed("supervision.situations[0].confirmed", "是"), ["supervision.situations[0].confirmed"], "true 或 false"),
    ("huge time limit", changed("supervision.suggestion_letter.rectification_days", 10**30), ["supervision.suggestion_letter.rectification_days"], "数值过大"),
    ("float time limit", changed("supervision.suggestion_letter.rectification_days", 30.5), ["supervision.suggestion_letter.rectification_days"], "整数"),
    ("unknown activity kind", changed("enforcement_action.kind", "行政许诺"), ["enforcement_action.kind"], "取值不在允许范围内"),
    ("bad region code", changed("organs[0].region", "4228"), ["organs[0].region"], "格式"),
    ("organs not a list", changed("organs", {"id": "x"}), ["organs"], "数组"),
    ("supervision a string", changed("supervision", "none"), ["supervision"], "对象"),
    ("unknown supervising organ", changed("supervising_organ", "422899.sfj"), ["supervising_organ"], "未定义"),
    ("unknown parent organ", changed("organs[0].parent", "422899"), ["organs[0].parent"], "未定义"),
    ("organ id duplicates a built-in", changed("organs[0].id", "422822.sfj"), ["organs[0].id", "supervised_organ"], "重复"),
    ("organ supervises itself", changed("supervised_organ", "422822.sfj"), ["supervised_organ"], "同一机关"),
    ("letter received before issued", changed("supervision.suggestion_letter.received_on", "2025-09-20"), ["supervision.suggestion_letter.received_on"], "早于"),
    ("decision received before issued", changed("supervision.decision_letter.received_on", "2025-11-09"), ["supervision.decision_letter.received_on"], "早于"),
    ("act after the as-of date", changed("as_of", "2025-11-11"), ["supervision.decision_letter.received_on"], "晚于判断日"),
    ("decision letter without suggestion letter", changed("supervision.suggestion_letter", ...), ["supervision.decision_letter"], "第二十八条第一款"),
    ("too many situations", changed("supervision.situations", [{"id": f"S{i}", "item": 1, "confirmed": False} for i in range(51)]), ["supervision.situations"], "条目过多"),
    ("date as a Unix timestamp", changed("supervision.started_on", 1748822400), ["supervision.started_on"], "YYYY-MM-DD"),
    ("date as digits in text", changed("supervision.started_on", "20250820"), ["supervision.started_on"], "YYYY-MM-DD"),
    ("yes/no as text", changed("supervision.situations[0].confirmed", "yes"), ["supervision.situations[0].confirmed"], "true 或 false"),
    ("yes/no as a number", changed("supervision.situations[0].confirmed", 1), ["supervision.situations[0].confirmed"], "true 或 false"),
    ("two situations with the same id", changed("supervision.situations", [{"item": 2, "confirmed": True}, {"item": 2, "confirmed": False}]), ["supervision.situations[1].id"], "重复"),
]

OBJECTION_BEFORE_LETTER = changed("supervision.objection", {"filed_on": "2025-09-23"})
ANSWER_BEFORE_OBJECTION = changed("supervision.objection", {"filed_on": "2025-09-30"})
ANSWER_BEFORE_OBJECTION["supervision"]["review_answer"] = {"answered_on": "2025-09-29", "objection_upheld": False}
ANSWER_WITHOUT_OBJECTION = changed("supervision.review_answer", {"answered_on": "2025-09-29", "objection_upheld": False})
REPORT_BEFORE_RECEIPT = changed("supervision.decision_letter", ...)
REPORT_BEFORE_RECEIPT["supervision"].pop("execution_report", None)
REPORT_BEFORE_RECEIPT["supervision"]["rectification_report"] = {"submitted_on": "2025-09-23"}
SUPERVISOR_LIABLE = copy.deepcopy(VALID)
SUPERVISOR_LIABLE["liabilities"] = [{"id": "ZR-1", "person": "某甲", "organ": "422822.sfj", "role": "直接负责的主管人员", "behaviour": 1, "confirmed": True}]
SUPERVISED_MISCONDUCT = copy.deepcopy(VALID)
SUPERVISED_MISCONDUCT["conduct"] = [{"id": "WJ-1", "person": "某乙", "organ": "422822.zrzyj", "role": "直接负责的主管人员", "behaviour": "玩忽职守", "confirmed": True}]
CORPUS += [
    ("supervising organ's staff charged under article 32", SUPERVISOR_LIABLE, ["liabilities[0].organ"], "第三十三条"),
    ("supervised organ's staff charged under article 33", SUPERVISED_MISCONDUCT, ["conduct[0].organ"], "第三十二条"),
    ("rectification reported before the letter arrived", REPORT_BEFORE_RECEIPT, ["supervision.rectification_report.submitted_on"], "早于收到建议书"),
    ("review applied for before the letter arrived", OBJECTION_BEFORE_LETTER, ["supervision.objection.filed_on"], "早于收到建议书"),
    ("review answered before it was applied for", ANSWER_BEFORE_OBJECTION, ["supervision.review_answer.answered_on"], "早于复查申请"),
    ("review answer without application", ANSWER_WITHOUT_OBJECTION, ["supervision.review_answer"], "没有复查申请"),
]


# ---- issue 15: hostile input. Each entry names the exact field and the words of its message.
_TEXT = json.dumps(VALID, ensure_ascii=False)


def with_keys(prefix: str, where: str = "") -> bytes:
    """The valid example as JSON text with ``prefix`` (``"k": v, ``) written first into the object
    that the text ``where`` opens (the document itself by default): a duplicate key, as JSON allows."""
    i = _TEXT.index(where) + len(where) if where else 1
    return (_TEXT[:i] + prefix + _TEXT[i:]).encode()


def nested(depth: int) -> Any:
    value: Any = 0
    for _ in range(depth):
        value = {"a": value}
    return value


FIFTY_ONE_SUPERVISORS = changed("inspections", [{"supervisors": [{}] * 51}])
ORGAN_OWN_PARENT = changed("organs[0].parent", "422822.zrzyj")
CORPUS += [
    # item 6: nonsense that was accepted
    ("item true is not item 1", changed("supervision.situations[0].item", True), ["supervision.situations[0].item"], "应为整数"),
    ("item 3.0 is not an integer", changed("supervision.situations[0].item", 3.0), ["supervision.situations[0].item"], "应为整数"),
    ("item as the text 3", changed("supervision.situations[0].item", "3"), ["supervision.situations[0].item"], "应为整数"),
    ("time limit as the text 30", changed("supervision.suggestion_letter.rectification_days", "30"), ["supervision.suggestion_letter.rectification_days"], "应为整数"),
    ("time limit true", changed("supervision.suggestion_letter.rectification_days", True), ["supervision.suggestion_letter.rectification_days"], "应为整数"),
    ("annual year 2025.0", changed("annual_duties", [{"organ": "422822.sfj", "year": 2025.0}]), ["annual_duties[0].year"], "应为整数"),
    ("inspection measure true", changed("inspections", [{"measures": [True]}]), ["inspections[0].measures[0]"], "应为整数"),
    ("duplicate case_id (X then Y)", with_keys('"case_id": "X", '), ["case_id"], "字段重复出现"),
    ("duplicate key in a nested object", with_keys('"issued_on": "2025-09-01", ', '"suggestion_letter": {'), ["supervision.suggestion_letter.issued_on"], "字段重复出现"),
    ("duplicate key in a list item", with_keys('"id": "X", ', '"organs": [{'), ["organs[0].id"], "字段重复出现"),
    ("full-width digits in a region", changed("organs[0].region", "４２２８２２"), ["organs[0].region"], "格式不符合要求"),
    ("full-width digits in an action's region", changed("enforcement_action.region", "４２２８０１"), ["enforcement_action.region"], "格式不符合要求"),
    ("full-width digits in a date", changed("supervision.started_on", "２０２５-０８-２０"), ["supervision.started_on"], "YYYY-MM-DD"),
    ("full-width digits in as_of", changed("as_of", "２０２５-１２-１５"), ["as_of"], "YYYY-MM-DD"),
    ("zero-width space in case_id", changed("case_id", "ESJD\u200b-2025-031"), ["case_id"], "U+200B"),
    ("right-to-left override in case_id", changed("case_id", "ESJD\u202e130-5202"), ["case_id"], "U+202E"),
    ("NUL in case_id", changed("case_id", "ESJD\x00031"), ["case_id"], "U+0000"),
    ("zero-width joiner in an organ name", changed("organs[0].name", "建始县自然资源\u200d和规划局"), ["organs[0].name"], "U+200D"),
    ("line separator in an organ name", changed("organs[0].name", "建始县\u2028自然资源和规划局"), ["organs[0].name"], "U+2028"),
    ("bidi isolate in a letter number", changed("supervision.suggestion_letter.number", "建司\u2066监建"), ["supervision.suggestion_letter.number"], "U+2066"),
    ("escape sequence in a description", changed("enforcement_action.description", "x\x1b[2J"), ["enforcement_action.description"], "U+001B"),
    # item 7: a message cannot forge output (the CLI test checks it stays one line)
    ("newline and escape in a parent", changed("organs[0].parent", "a\nFAKE LINE\u001b[2J"), ["organs[0].parent"], "格式不符合要求"),
    ("newline in an unknown key", changed("colour\nFAKE LINE", 1), ["colour\\nFAKE LINE"], "未知字段"),
    # item 1: dates a period could push past 9999
    ("date 9999-12-31", changed("supervision.started_on", "9999-12-31"), ["supervision.started_on"], "过晚"),
    ("letter received 9999-12-30", changed("supervision.suggestion_letter.received_on", "9999-12-30"), ["supervision.suggestion_letter.received_on"], "超出 9999-12-31"),
    ("as_of 9999-12-31 in the document", changed("as_of", "9999-12-31"), ["as_of"], "过晚"),
    # strict JSON
    ("NaN", b'{"case_id": NaN}', [""], "NaN"),
    ("Infinity", b'{"case_id": "x", "as_of": -Infinity}', [""], "Infinity"),
    ("a number that overflows to infinity", b'{"case_id": 1e999}', [""], "超出范围"),
    # item 3: counts before items are validated
    ("640,000 empty situations", b'{"case_id": "x", "supervision": {"situations": [' + b"{}," * 639_999 + b"{}]}}", ["supervision.situations"], "640000 项，上限 50 项"),
    ("501 organs", changed("organs", [{}] * 501), ["organs"], "上限 500 项"),
    ("51 supervisors of one inspection", FIFTY_ONE_SUPERVISORS, ["inspections[0].supervisors"], "上限 50 项"),
    ("1,001 orders in a decision letter", changed("supervision.decision_letter.orders", ["其他"] * 1001), ["supervision.decision_letter.orders"], "上限 1000 项"),
    ("an object of 101 keys", changed("supervision", {f"k{i}": 0 for i in range(101)}), ["supervision"], "字段过多"),
    ("nested 40 levels", changed("colour", nested(40)), ["colour" + ".a" * 31], "嵌套过深"),
    ("60,000 values", changed("colour", [[0] * 1000] * 60), [""], "值过多"),
    # item 4: a loop of parents in a case's organs
    ("organ its own parent", ORGAN_OWN_PARENT, ["organs[0].parent"], "成环"),
]


def _input(value: Any) -> bytes | dict:
    return value


@pytest.mark.parametrize(("name", "value", "paths", "phrase"), CORPUS, ids=[c[0] for c in CORPUS])
def test_malformed_input_names_every_problem(name, value, paths, phrase):
    with pytest.raises(CaseValidationError) as info:
        enshi_rules.evaluate(value)
    err = info.value
    assert [p.path for p in err.problems] == paths, err
    assert any(phrase in p.message_zh for p in err.problems), err
    assert all(p.message_en for p in err.problems)


@pytest.mark.parametrize(("name", "value", "paths", "phrase"), CORPUS, ids=[c[0] for c in CORPUS])
def test_malformed_input_through_the_cli_exits_2_with_one_line(tmp_path, capsys, name, value, paths, phrase):
    p = tmp_path / "case.json"
    p.write_bytes(value if isinstance(value, bytes) else json.dumps(value, ensure_ascii=False).encode())
    assert main(["evaluate", str(p)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("enshi-rules: ") and err.count("\n") == 1 and "Traceback" not in err
    assert phrase in err


def test_corpus_has_at_least_thirty_inputs():
    assert len(CORPUS) >= 80  # 50 before issue 15, and at least 30 it added


def test_several_problems_are_reported_together():
    doc = changed("case_id", "")
    doc["supervision"]["started_on"] = "2025-13-01"
    doc["colour"] = "red"
    with pytest.raises(CaseValidationError) as info:
        enshi_rules.evaluate(doc)
    assert sorted(p.path for p in info.value.problems) == ["case_id", "colour", "supervision.started_on"]


def test_utf8_byte_order_mark_is_accepted():
    text = "\ufeff" + json.dumps(VALID, ensure_ascii=False)
    assert enshi_rules.evaluate(text.encode("utf-8")).case_id == VALID["case_id"]
