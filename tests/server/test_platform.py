"""What a platform integrating the service relies on (the platform team's review, items 1-19):
every decision id in the log, 503 with Retry-After, the same options on explain as on evaluate,
a machine-readable batch line, HEAD, one charset, refused ambiguity, a self-contained /v1/docs."""

from __future__ import annotations

import gzip
import json
import threading
import time
import uuid

import pytest

from .conftest import EXAMPLE, JSON, ROOT

NDJSON = {"content-type": "application/x-ndjson"}


def _log_lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def _case_into_2027() -> bytes:
    """Letter received 2026-12-02: 第二十七条第二款's thirty days end in 2027, a year without a
    published holiday arrangement (as in test_service.py)."""
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["as_of"] = "2026-12-20"
    doc["supervision"] = {
        "started_on": "2026-11-02",
        "situations": [{"id": "QX-1", "item": 3, "found_on": "2026-11-02", "confirmed": True, "confirmed_on": "2026-11-10"}],
        "suggestion_letter": {"id": "JYS-1", "issued_on": "2026-12-01", "received_on": "2026-12-02", "rectification_days": 30},
    }
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


# ---- 1. the time limit and overload ------------------------------------------------------------------


def test_a_request_that_times_out_is_logged_with_its_id_and_says_when_to_retry(make_client, tmp_path, monkeypatch):
    from enshi_rules.server import _app

    def slow(*args, **kwargs):
        time.sleep(0.4)
        raise AssertionError("not reached in time")

    monkeypatch.setattr(_app, "evaluate_with_overrides", slow)
    log = tmp_path / "d.jsonl"
    c = make_client(time_limit=0.05, decision_log=str(log))
    r = c.post("/v1/evaluate?as_of=2025-12-31", content=EXAMPLE.read_bytes(), headers=JSON)
    assert r.status_code == 503 and r.json()["type"] == "urn:enshi-rules:problem:timeout"
    assert r.headers["Retry-After"] == "1"  # ceil(0.05 s)
    (entry,) = _log_lines(log)
    assert entry["decision_id"] == r.json()["decision_id"] == r.headers["Enshi-Decision-Id"]
    assert entry["problem"]["type"] == "urn:enshi-rules:problem:timeout"
    assert entry["options"] == {"as_of": "2025-12-31"} and entry["input_sha256"] is not None
    time.sleep(0.5)  # let the evaluation thread finish before the next test uses it


def test_the_time_limit_counts_the_wait_and_a_request_that_waited_too_long_is_never_evaluated(make_client, monkeypatch):
    from enshi_rules.server import _app

    started = []
    gate = threading.Event()

    def held(body, **kwargs):
        started.append(body)
        gate.wait(5)
        raise AssertionError("released")

    monkeypatch.setattr(_app, "evaluate_with_overrides", held)
    c = make_client(time_limit=0.3)
    results = {}

    def post(name):
        results[name] = c.post("/v1/evaluate", content=name.encode(), headers=JSON)

    first = threading.Thread(target=post, args=("first",))
    first.start()
    while not started:
        time.sleep(0.01)
    post("second")  # waits behind "first" for the evaluation thread, past its own limit
    gate.set()
    first.join()
    assert results["second"].status_code == 503
    assert results["second"].json()["type"] == "urn:enshi-rules:problem:timeout"
    time.sleep(0.2)
    assert started == [b"first"]  # the second request's evaluation was cancelled before it started


def test_beyond_max_pending_a_request_is_refused_at_once(make_client, monkeypatch, tmp_path):
    from enshi_rules.server import _app

    gate = threading.Event()
    started = threading.Event()

    def held(body, **kwargs):
        started.set()
        gate.wait(5)
        raise AssertionError("released")

    monkeypatch.setattr(_app, "evaluate_with_overrides", held)
    log = tmp_path / "d.jsonl"
    c = make_client(time_limit=5, max_pending=1, decision_log=str(log))
    t = threading.Thread(target=lambda: c.post("/v1/evaluate", content=b"{}", headers=JSON))
    t.start()
    started.wait(5)
    t0 = time.monotonic()
    r = c.post("/v1/evaluate", content=EXAMPLE.read_bytes(), headers=JSON)
    waited = time.monotonic() - t0
    gate.set()
    t.join()
    assert r.status_code == 503 and r.json()["type"] == "urn:enshi-rules:problem:overloaded"
    assert r.headers["Retry-After"] == "1"
    assert waited < 2  # at once, not after the time limit
    assert r.json()["decision_id"] in {e["decision_id"] for e in _log_lines(log)}


# ---- 2. every answer of a decision endpoint is in the decision log ---------------------------------------


def test_every_answer_of_a_decision_endpoint_is_logged_under_its_id(make_client, tmp_path):
    log = tmp_path / "d.jsonl"
    c = make_client(decision_log=str(log), max_body=5000)
    doc = EXAMPLE.read_bytes()
    answers = [
        c.post("/v1/evaluate", content=doc, headers={"content-type": "text/plain"}),  # 415
        c.post("/v1/evaluate?time_in_post=yes", content=doc, headers=JSON),  # 422 invalid-request
        c.post("/v1/evaluate?as_of=2025-02-30", content=doc, headers=JSON),  # 422 invalid-request
        c.post("/v1/evaluate", content=b" " * 5001, headers=JSON),  # 413
        c.post("/v1/explain", content=doc, headers=JSON),  # 200
        c.post("/v1/explain?rule_id=nope", content=doc, headers=JSON),  # 422
        c.get("/v1/evaluate"),  # 405
    ]
    assert [a.status_code for a in answers] == [415, 422, 422, 413, 200, 422, 405]
    entries = {e["decision_id"]: e for e in _log_lines(log)}
    for a in answers:
        did = a.headers["Enshi-Decision-Id"]
        assert did in entries, a.status_code
        assert entries[did]["endpoint"] in ("evaluate", "explain")
    e415, e422, e_as_of, e413, e_explain, e_rule, e405 = (entries[a.headers["Enshi-Decision-Id"]] for a in answers)
    assert e415["problem"]["status"] == 415 and e415["input_sha256"] is None
    assert e_as_of["problem"]["type"] == "urn:enshi-rules:problem:invalid-request"
    assert e413["problem"]["limit"] == 5000
    assert e_explain["endpoint"] == "explain" and e_explain["explanation"]["case_id"] == "ESJD-2025-031"
    assert e_explain["versions"] == answers[4].json()["versions"]
    assert e_rule["options"] == {"rule_id": "nope"} and e_rule["problem"]["problems"][0]["path"] == "query.rule_id"
    assert e405["problem"]["type"] == "urn:enshi-rules:problem:method-not-allowed"


def test_batch_lines_log_their_calendars_and_batch_and_the_request_id_is_echoed_and_logged(make_client, tmp_path):
    log = tmp_path / "d.jsonl"
    c = make_client(decision_log=str(log))
    body = _case_into_2027() + b"\n{bad json\n"
    r = c.post("/v1/evaluate/batch", content=body, headers={**NDJSON, "X-Request-Id": "platform-123"})
    assert r.headers["X-Request-Id"] == "platform-123"
    report, error = (json.loads(x) for x in r.text.splitlines())
    first, second = _log_lines(log)
    assert first["versions"] == report["versions"] and {c["year"] for c in first["versions"]["calendars"]} >= {2026, 2027}
    assert first["batch_id"] == second["batch_id"] == r.headers["Enshi-Decision-Id"]
    assert first["request_id"] == second["request_id"] == "platform-123"
    assert second["decision_id"] == error["decision_id"]
    r = c.get("/healthz", headers={"X-Request-Id": "bad id with spaces"})
    assert "X-Request-Id" not in r.headers


# ---- 3. /v1/explain takes what /v1/evaluate takes ---------------------------------------------------------


def test_explain_honours_calendar_missing_as_evaluate_does(client):
    body = _case_into_2027()
    for mode in ("strict", "provisional"):
        ev = client.post(f"/v1/evaluate?calendar_missing={mode}", content=body, headers=JSON).json()
        ex = client.post(f"/v1/explain?calendar_missing={mode}", content=body, headers=JSON).json()
        assert ex["policy"] == ev["policy"], mode
        assert ex["versions"] == ev["versions"], mode
        assert [x["finding"] for x in ex["findings"]] == ev["findings"], mode
    strict = client.post("/v1/explain?calendar_missing=strict", content=body, headers=JSON).json()
    assert not any((x["finding"]["due"] or "").startswith("2027") for x in strict["findings"])


# ---- 4. the batch line has a schema, and an error line is a whole problem -------------------------------


def test_every_batch_line_is_a_batch_line_of_the_document(client):
    # jsonschema_rs comes with schemathesis (the test extra)
    Draft202012Validator = pytest.importorskip("jsonschema_rs").Draft202012Validator
    doc = json.loads((ROOT / "docs" / "openapi.json").read_text(encoding="utf-8"))
    ok = doc["paths"]["/v1/evaluate/batch"]["post"]["responses"]["200"]["content"]["application/x-ndjson"]
    assert ok["x-itemSchema"] == {"$ref": "#/components/schemas/BatchLine"}
    validator = Draft202012Validator({"$ref": "#/components/schemas/BatchLine", "components": doc["components"]})
    problem_validator = Draft202012Validator({"$ref": "#/components/schemas/ProblemDetails", "components": doc["components"]})
    good = json.dumps(json.loads(EXAMPLE.read_text(encoding="utf-8")), ensure_ascii=False).encode()
    body = good + b'\n{"case_id": "X"}\n{bad json\n'
    lines = [json.loads(x) for x in client.post("/v1/evaluate/batch", content=body, headers=NDJSON).text.splitlines()]
    assert len(lines) == 3
    for line in lines:
        validator.validate(line)
    for line in lines[1:]:
        problem_validator.validate(line["error"])  # decision_id and versions, as every problem has them
        assert line["error"]["decision_id"] == line["decision_id"]


# ---- 5. query as_of -------------------------------------------------------------------------------------


def test_query_as_of_is_a_date_and_a_bad_one_is_an_invalid_request(client):
    doc = json.loads((ROOT / "docs" / "openapi.json").read_text(encoding="utf-8"))
    for path in ("/v1/evaluate", "/v1/evaluate/batch", "/v1/explain"):
        (p,) = [p for p in doc["paths"][path]["post"]["parameters"] if p["name"] == "as_of"]
        assert p["schema"] == {"type": "string", "format": "date"}
    for bad in ("", "2025-02-30", "2025/09/22"):
        r = client.post(f"/v1/evaluate?as_of={bad}", content=EXAMPLE.read_bytes(), headers=JSON)
        assert r.status_code == 422, bad
        assert r.json()["type"] == "urn:enshi-rules:problem:invalid-request", bad
        assert [p["path"] for p in r.json()["problems"]] == ["query.as_of"]


# ---- 6. HEAD ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/healthz", "/v1/version", "/v1/articles", "/v1/articles/27", "/v1/calendar/2025",
                                  "/v1/schema/case", "/v1/openapi.json", "/v1/docs", "/"])
def test_head_is_answered_like_get_without_a_body(client, path):
    get = client.get(path)
    head = client.head(path)
    assert get.status_code == head.status_code == 200, path
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    if "content-length" in get.headers:
        assert head.headers["content-length"] == get.headers["content-length"]


def test_head_on_a_post_only_path_is_405(client):
    r = client.head("/v1/evaluate")
    assert r.status_code == 405 and r.headers["allow"] == "POST"


# ---- 7-10. the document for code generators -------------------------------------------------------------

OPERATION_IDS = {
    ("post", "/v1/evaluate"): "evaluateCase", ("post", "/v1/evaluate/batch"): "evaluateBatch",
    ("post", "/v1/explain"): "explainCase", ("get", "/v1/calendar/{year}"): "getCalendarYear",
    ("get", "/v1/articles"): "listArticles", ("get", "/v1/articles/{ref}"): "getArticle",
    ("get", "/v1/schema/case"): "getCaseSchema", ("get", "/v1/schema/report"): "getReportSchema",
    ("get", "/v1/version"): "getVersion", ("get", "/healthz"): "getHealth",
}


def _doc():
    return json.loads((ROOT / "docs" / "openapi.json").read_text(encoding="utf-8"))


def test_operation_ids_are_the_stable_ones():
    """Written out here, not taken from _schemas: renaming one breaks every generated client."""
    ops = {(m, p): op["operationId"] for p, item in _doc()["paths"].items() for m, op in item.items()}
    assert ops == OPERATION_IDS


def test_every_enum_with_a_chinese_value_has_ascii_varnames():
    import re

    found = []

    def walk(node):
        if isinstance(node, dict):
            values = node.get("enum")
            if isinstance(values, list) and any(isinstance(v, str) and not v.isascii() for v in values):
                names = node["x-enum-varnames"]
                found.append(values)
                assert len(names) == len(values) == len(set(names)), values
                assert all(re.fullmatch(r"[A-Z][A-Z0-9_]*", n) for n in names), names
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(_doc())
    assert len(found) >= 17
    assert ["州", "县（市）", "乡（镇）", "街道"] in found


def test_every_operation_documents_its_errors_the_decision_header_and_optional_tokens():
    doc = _doc()
    assert doc["servers"][0]["url"] == "http://127.0.0.1:8000"
    assert {t["name"] for t in doc["tags"]} == {"decisions", "measures", "schemas", "service"}
    for path, item in doc["paths"].items():
        for method, op in item.items():
            for status in ("404", "405", "500"):
                assert "application/problem+json" in op["responses"][status]["content"], (path, status)
            for status, resp in op["responses"].items():
                assert resp["headers"]["Enshi-Decision-Id"] == {"$ref": "#/components/headers/EnshiDecisionId"}, (path, status)
            if path.startswith("/v1/"):
                assert op["security"] == [{}, {"HTTPBearer": []}]
    assert {"limit", "year", "field"} <= set(doc["components"]["schemas"]["ProblemDetails"]["properties"])
    assert "503" in doc["paths"]["/v1/evaluate/batch"]["post"]["responses"]


# ---- 11-19 ---------------------------------------------------------------------------------------------------


def test_a_trailing_slash_is_a_404_problem_not_a_redirect(client):
    r = client.post("/v1/evaluate/", content=b"{}", headers={**JSON, "Host": "platform-gw.example:443"}, follow_redirects=False)
    assert r.status_code == 404 and "location" not in r.headers
    assert r.json()["type"] == "urn:enshi-rules:problem:not-found"
    assert r.json()["decision_id"] == r.headers["Enshi-Decision-Id"]


def test_a_compressed_or_non_utf8_body_is_415_naming_why(client):
    doc = EXAMPLE.read_bytes()
    r = client.post("/v1/evaluate", content=gzip.compress(doc), headers={**JSON, "Content-Encoding": "gzip"})
    assert r.status_code == 415 and r.headers["Accept-Encoding"] == "identity"
    assert "gzip" in r.json()["detail"]
    gbk = doc.decode("utf-8").encode("gbk")
    r = client.post("/v1/evaluate", content=gbk, headers={"content-type": "application/json; charset=GBK"})
    assert r.status_code == 415
    assert r.json()["detail"].startswith("只接受 UTF-8") and "gbk" in r.json()["detail"]
    r = client.post("/v1/evaluate", content=doc, headers={"content-type": "application/json; charset=UTF-8"})
    assert r.status_code == 200


def test_json_answers_say_utf_8(client):
    assert client.get("/v1/openapi.json").headers["content-type"] == "application/json; charset=utf-8"
    assert client.get("/v1/version").headers["content-type"] == "application/json; charset=utf-8"
    assert client.get("/v1/nothing").headers["content-type"] == "application/problem+json; charset=utf-8"
    r = client.post("/v1/evaluate/batch", content=b"{}\n", headers=NDJSON)
    assert r.headers["content-type"] == "application/x-ndjson; charset=utf-8"


def test_holiday_names_are_chinese_for_published_and_computed_years(client):
    for year, spring in ((2025, "2025-01-29"), (2031, "2031-01-23")):
        names = {d["date"]: d["name"] for d in client.get(f"/v1/calendar/{year}").json()["national"]["days_off"]}
        assert names[f"{year}-01-01"] == "元旦", year
        assert names[spring] == "春节", year
        assert all(n is None or not n.isascii() for n in names.values()), year


def test_the_docs_page_needs_no_internet(client):
    page = client.get("/v1/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text and "https://" not in page.text
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"):
        assert asset in page.text
        r = client.get(f"/v1/docs/assets/{asset}")
        assert r.status_code == 200 and len(r.content) > 500, asset
    assert client.get("/v1/docs/assets/..%2F__init__.py").status_code == 404
    assert client.get("/docs/oauth2-redirect").status_code == 404


def test_messages_are_chinese_first_and_name_json_types(client):
    r = client.post("/v1/evaluate", content=b"[]", headers=JSON)
    assert r.json()["problems"][0]["message_en"] == "a case document is a JSON object, not an array"
    assert r.json()["problems"][0]["message_zh"] == "案件文档应为 JSON 对象，而不是数组"
    r = client.post("/v1/evaluate", content=b"null", headers=JSON)
    assert r.status_code == 422 and r.json()["type"] == "urn:enshi-rules:problem:invalid-case"
    assert r.json()["problems"] == [{"path": "", "message_zh": "案件文档应为 JSON 对象，而不是空值（null）",
                                     "message_en": "a case document is a JSON object, not null"}]
    r = client.post("/v1/explain?rule_id=nope", content=EXAMPLE.read_bytes(), headers=JSON)
    assert r.json()["detail"] == "报告中没有规则 nope 的认定 / no finding of rule nope in the report"
    r = client.get("/v1/articles/27.9")
    assert r.json()["detail"] == "第二十七条没有第九款 / article 27 has no paragraph 9"


def test_a_list_of_allowed_values_is_written_in_chinese(client):
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["organs"][0]["level"] = "县"
    r = client.post("/v1/evaluate", content=json.dumps(doc, ensure_ascii=False).encode(), headers=JSON)
    assert r.status_code == 422 and r.json()["type"] == "urn:enshi-rules:problem:invalid-case"
    assert r.json()["problems"] == [{"path": "organs[0].level", "message_zh": "取值不在允许范围内（可选：州、县（市）、乡（镇）、街道）",
                                     "message_en": "must be one of 州, 县（市）, 乡（镇）, 街道"}]
    r = client.get("/v1/calendar/2027?calendar_missing=lenient")
    assert r.status_code == 422 and r.json()["type"] == "urn:enshi-rules:problem:invalid-request"
    assert r.json()["problems"] == [{"path": "query.calendar_missing",
                                     "message_zh": "参数 query.calendar_missing 取值不在允许范围内（可选：provisional、strict）",
                                     "message_en": "query.calendar_missing must be one of provisional, strict"}]


@pytest.mark.parametrize("example, full", [("overdue_decision.json", "县（市）"), ("jurisdiction_township_trade.json", "乡（镇）")])
def test_a_level_with_ascii_parentheses_is_the_same_level_and_the_report_writes_it_full_width(client, example, full):
    """Item 7: 县(市) / 乡(镇) as many platform databases store them are the same values."""
    text = (ROOT / "examples" / example).read_text(encoding="utf-8")
    half = text.replace(f'"level": "{full}"', '"level": "' + full.replace("（", "(").replace("）", ")") + '"')
    assert half != text
    a = client.post("/v1/evaluate", content=text.encode(), headers=JSON)
    b = client.post("/v1/evaluate", content=half.encode(), headers=JSON)
    assert a.status_code == b.status_code == 200
    strip = lambda r: {k: v for k, v in r.json().items() if k != "decision_id"}  # noqa: E731
    assert strip(a) == strip(b)
    assert "县(市)" not in b.text and "乡(镇)" not in b.text


def test_repeated_and_unknown_query_parameters_are_refused(client):
    doc = EXAMPLE.read_bytes()
    r = client.post("/v1/evaluate?as_of=2025-12-15&as_of=2025-01-01", content=doc, headers=JSON)
    assert r.status_code == 422 and r.json()["type"] == "urn:enshi-rules:problem:invalid-request"
    assert r.json()["problems"][0]["path"] == "query.as_of"
    r = client.post("/v1/evaluate?calendar_mising=strict", content=doc, headers=JSON)
    assert r.status_code == 422 and r.json()["problems"][0]["path"] == "query.calendar_mising"
    r = client.post("/v1/evaluate/batch?rule_id=art_027", content=b"{}\n", headers=NDJSON)
    assert r.status_code == 422 and r.json()["problems"][0]["path"] == "query.rule_id"


@pytest.mark.parametrize("url, name, zh", [
    ("/healthz?verbose=1", "verbose", "参数 query.verbose 不是此操作的参数（此操作没有查询参数）"),
    ("/v1/version?x=1", "x", "参数 query.x 不是此操作的参数（此操作没有查询参数）"),
    ("/v1/articles?page=2", "page", "参数 query.page 不是此操作的参数（此操作没有查询参数）"),
    ("/v1/articles/27?lang=en", "lang", "参数 query.lang 不是此操作的参数（此操作没有查询参数）"),
    ("/v1/schema/case?format=yaml", "format", "参数 query.format 不是此操作的参数（此操作没有查询参数）"),
    ("/v1/schema/report?x=", "x", "参数 query.x 不是此操作的参数（此操作没有查询参数）"),
    ("/v1/openapi.json?v=3.0", "v", "参数 query.v 不是此操作的参数（此操作没有查询参数）"),
    ("/v1/docs?x=1", "x", "参数 query.x 不是此操作的参数（此操作没有查询参数）"),
    ("/v1/docs/assets/swagger-ui.css?v=5", "v", "参数 query.v 不是此操作的参数（此操作没有查询参数）"),
    ("/v1/calendar/2025?calendar_mising=strict", "calendar_mising",
     "参数 query.calendar_mising 不是此操作的参数（可用：calendar_missing）"),
    ("/v1/calendar/2025?calendar_missing=strict&calendar_missing=provisional", "calendar_missing",
     "参数 query.calendar_missing 重复出现（只能给出一次）"),
])
def test_every_get_operation_refuses_an_unknown_or_repeated_query_parameter(client, url, name, zh):
    """Item 17 on every operation, not only the decision endpoints: a 422 problem naming the parameter."""
    r = client.get(url)
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json; charset=utf-8"
    assert r.json()["type"] == "urn:enshi-rules:problem:invalid-request"
    assert r.json()["detail"] == "请求有 1 处参数问题 / 1 invalid request parameter(s)"
    (p,) = r.json()["problems"]
    assert p["path"] == f"query.{name}" and p["message_zh"] == zh
    assert p["message_en"].startswith(f"query.{name} is ")


def test_repeated_and_unknown_query_parameters_on_a_decision_endpoint_say_which_and_why(client):
    doc = EXAMPLE.read_bytes()
    r = client.post("/v1/evaluate?as_of=2025-12-15&as_of=2025-01-01&strict=1", content=doc, headers=JSON)
    assert r.status_code == 422 and r.json()["type"] == "urn:enshi-rules:problem:invalid-request"
    assert r.json()["problems"] == [
        {"path": "query.as_of", "message_zh": "参数 query.as_of 重复出现（只能给出一次）", "message_en": "query.as_of is given more than once"},
        {"path": "query.strict", "message_zh": "参数 query.strict 不是此操作的参数（可用：as_of、day_counting、time_in_post、calendar_missing）",
         "message_en": "query.strict is not a parameter of this operation (it takes as_of, day_counting, time_in_post, calendar_missing)"},
    ]
    r = client.post("/v1/explain?rule_id=art_027&rule_id=art_028", content=doc, headers=JSON)
    assert r.status_code == 422
    assert r.json()["problems"][0]["message_zh"] == "参数 query.rule_id 重复出现（只能给出一次）"


def test_without_a_query_every_get_operation_still_answers(client):
    for url in ("/healthz", "/v1/version", "/v1/articles", "/v1/articles/27", "/v1/openapi.json", "/v1/docs",
                "/v1/calendar/2025", "/v1/calendar/2025?calendar_missing=strict"):
        assert client.get(url).status_code == 200, url


def test_the_document_declares_the_422_of_a_query_on_every_operation():
    doc = _doc()
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            r422 = op["responses"].get("422")
            assert r422 is not None, (method, path)
            assert r422["content"]["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/ProblemDetails"}
    assert doc["paths"]["/v1/articles"]["get"]["responses"]["422"]["description"] == (
        "请求参数无效：未知、重复或取值无效的查询参数 / invalid request parameter: a query parameter that is unknown, "
        "given twice or has a bad value")


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-13-01", "20251215", "2025-12-15T00:00:00"])
def test_a_bad_as_of_in_the_body_is_worded_as_in_the_query(client, bad):
    """Item 16: the same mistake in the document's as_of and in ?as_of= gives the same words, naming
    判断日, never pydantic's English."""
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["as_of"] = bad
    r = client.post("/v1/evaluate", content=json.dumps(doc).encode(), headers=JSON)
    assert r.status_code == 422 and r.json()["type"] == "urn:enshi-rules:problem:invalid-case"
    assert r.json()["problems"] == [{"path": "as_of", "message_zh": f"判断日 '{bad}' 不是 YYYY-MM-DD 格式的真实日期",
                                     "message_en": f"as_of '{bad}' is not a real date written YYYY-MM-DD"}]
    q = client.post(f"/v1/evaluate?as_of={bad}", content=EXAMPLE.read_bytes(), headers=JSON)
    assert q.status_code == 422 and q.json()["type"] == "urn:enshi-rules:problem:invalid-request"
    assert q.json()["problems"] == [{"path": "query.as_of", "message_zh": f"参数 query.as_of：判断日 '{bad}' 不是 YYYY-MM-DD 格式的真实日期",
                                     "message_en": f"query.as_of: as_of '{bad}' is not a real date written YYYY-MM-DD"}]


def test_an_as_of_that_is_not_text_names_its_json_value_not_a_python_type(client):
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for value, zh, en in ((20251215, "20251215", "20251215"), (True, "true", "true"), ([], "（数组）", "(an array)")):
        doc["as_of"] = value
        r = client.post("/v1/evaluate", content=json.dumps(doc).encode(), headers=JSON)
        assert r.json()["problems"] == [{"path": "as_of", "message_zh": f"判断日 {zh} 不是 YYYY-MM-DD 格式的真实日期",
                                         "message_en": f"as_of {en} is not a real date written YYYY-MM-DD"}]


def test_a_refused_cors_preflight_is_a_problem(make_client):
    c = make_client(cors_origins=("https://platform.example",))
    r = c.options("/v1/evaluate", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert r.status_code == 400
    assert r.headers["content-type"] == "application/problem+json; charset=utf-8"
    assert r.json()["type"] == "urn:enshi-rules:problem:bad-request"
    assert uuid.UUID(r.json()["decision_id"])


def test_answers_have_every_property_the_document_requires(client):
    """Response schemas require every property the service always sends (item 8): a real answer of
    each operation is valid against its documented 200 schema, and so is a finding of 《行政执法监督条例》
    (the one that carries ``instrument``)."""
    Validator = pytest.importorskip("jsonschema_rs").Draft202012Validator
    doc = _doc()
    calls = [
        ("post", "/v1/evaluate", "/v1/evaluate", EXAMPLE.read_bytes()),
        ("post", "/v1/evaluate", "/v1/evaluate", _case_into_2027()),
        ("post", "/v1/explain", "/v1/explain", EXAMPLE.read_bytes()),
        ("post", "/v1/explain", "/v1/explain?calendar_missing=strict", _case_into_2027()),
        ("get", "/v1/calendar/{year}", "/v1/calendar/2025", None), ("get", "/v1/calendar/{year}", "/v1/calendar/2031", None),
        ("get", "/v1/articles", "/v1/articles", None), ("get", "/v1/articles/{ref}", "/v1/articles/27.2", None),
        ("get", "/v1/schema/case", "/v1/schema/case", None), ("get", "/v1/version", "/v1/version", None),
        ("get", "/healthz", "/healthz", None),
    ]
    for method, path, url, body in calls:
        schema = doc["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
        r = client.post(url, content=body, headers=JSON) if method == "post" else client.get(url)
        assert r.status_code == 200, url
        Validator({**schema, "components": doc["components"]}).validate(r.json())
    report = doc["components"]["schemas"]["DecisionReport"]
    assert set(report["required"]) == set(report["properties"])
    finding = doc["components"]["schemas"]["Finding"]
    assert set(finding["properties"]) - set(finding["required"]) == {"instrument"}
    golden = json.loads((ROOT / "tests" / "golden" / "scenarios" / "tiaoli_2026" / "05.json").read_text(encoding="utf-8"))
    tiaoli = [f for f in golden["findings"] if f.get("instrument") == "tiaoli"]
    assert tiaoli
    for f in tiaoli:
        Validator({"$ref": "#/components/schemas/Finding", "components": doc["components"]}).validate(f)
