"""The decision service: endpoints, problem details, decision ids and versions."""

from __future__ import annotations

import json
import uuid

import enshi_rules
from enshi_rules._evaluate.versions import static_versions

from .conftest import EXAMPLE, JSON


def _uuid(text: str) -> str:
    return str(uuid.UUID(text))


def test_healthz_and_version(client):
    h = client.get("/healthz")
    assert h.status_code == 200 and h.json()["status"] == "ok"
    v = client.get("/v1/version")
    assert v.status_code == 200
    body = v.json()
    assert body["versions"]["enshi_rules"] == enshi_rules.__version__
    assert body["versions"]["rules"].startswith("sha256:") and len(body["versions"]["rules"]) == 71
    assert body["decision_id"] == _uuid(body["decision_id"]) == v.headers["Enshi-Decision-Id"]
    assert h.json()["decision_id"] != body["decision_id"]


def test_evaluate_gives_the_library_report_with_decision_id(client):
    doc = EXAMPLE.read_bytes()
    r = client.post("/v1/evaluate", content=doc, headers=JSON)
    assert r.status_code == 200 and r.headers["content-type"] == "application/json; charset=utf-8"
    body = r.json()
    did = body.pop("decision_id")
    assert did == _uuid(did) == r.headers["Enshi-Decision-Id"]
    expected = json.loads(enshi_rules.evaluate(doc).to_json())
    assert body == expected
    assert body["versions"] == {**static_versions(), "calendars": body["versions"]["calendars"]}
    cites = [(f["article"], f["paragraph"], f["status"]) for f in body["findings"] if f["modality"] == "violation"]
    assert (27, 2, "overdue") in cites


def test_query_options_override_only_what_they_name(client):
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["exclude_time_in_post"] = True
    r = client.post("/v1/evaluate?day_counting=working&as_of=2025-12-31", content=json.dumps(doc), headers=JSON)
    assert r.status_code == 200
    body = r.json()
    assert body["as_of"] == "2025-12-31"
    assert body["policy"]["day_counting"] == "working"
    assert body["policy"]["exclude_time_in_post"] is True  # the document's own choice is kept
    r = client.post("/v1/evaluate?time_in_post=false", content=json.dumps(doc), headers=JSON)
    assert r.json()["policy"] == {**r.json()["policy"], "day_counting": "calendar", "exclude_time_in_post": False}


def test_invalid_case_is_a_problem_with_field_paths(client):
    r = client.post("/v1/evaluate", content=b'{"case_id": "X", "supervising_organ": "422800"}', headers=JSON)
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json; charset=utf-8"
    body = r.json()
    assert body["type"] == "urn:enshi-rules:problem:invalid-case"
    assert body["status"] == 422
    assert body["problems"] == [{"path": "supervised_organ", "message_zh": "缺少必填字段", "message_en": "Field required"}]
    assert body["decision_id"] == _uuid(body["decision_id"])
    assert body["versions"]["enshi_rules"] == enshi_rules.__version__
    assert "Traceback" not in r.text


def test_not_json_is_a_problem(client):
    r = client.post("/v1/evaluate", content=b"{not json", headers=JSON)
    assert r.status_code == 422
    assert r.json()["problems"][0]["path"] == ""
    assert r.json()["problems"][0]["message_zh"].startswith("不是有效的 JSON")


def test_a_body_goes_through_the_strict_parser_of_every_other_input(client):
    """Issue 15's refusals hold over HTTP too: a key written twice, a boolean for an item, a full-width code."""
    r = client.post("/v1/evaluate", content=b'{"case_id": "X", "case_id": "Y", "supervising_organ": "422800", "supervised_organ": "422822"}', headers=JSON)
    assert r.status_code == 422
    assert r.json()["problems"] == [{"path": "case_id", "message_zh": "字段重复出现（同一对象中同名字段只能出现一次）", "message_en": "duplicate key 'case_id' in one object"}]
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["supervision"]["situations"][0]["item"] = True
    r = client.post("/v1/evaluate", content=json.dumps(doc), headers=JSON)
    assert r.status_code == 422
    assert [p["path"] for p in r.json()["problems"]] == ["supervision.situations[0].item"]


def test_bad_as_of_names_the_query_parameter(client):
    r = client.post("/v1/evaluate?as_of=2025-13-01", content=EXAMPLE.read_bytes(), headers=JSON)
    assert r.status_code == 422
    assert [p["path"] for p in r.json()["problems"]] == ["query.as_of"]


def test_bad_query_value_is_our_problem_not_the_framework_422(client):
    r = client.post("/v1/evaluate?day_counting=lunar", content=EXAMPLE.read_bytes(), headers=JSON)
    assert r.status_code == 422
    body = r.json()
    assert body["type"] == "urn:enshi-rules:problem:invalid-request"
    assert [p["path"] for p in body["problems"]] == ["query.day_counting"]
    assert "detail" in body and isinstance(body["detail"], str)


def test_unsupported_media_type(client):
    r = client.post("/v1/evaluate", content=EXAMPLE.read_bytes(), headers={"content-type": "text/plain"})
    assert r.status_code == 415
    assert r.json()["type"] == "urn:enshi-rules:problem:unsupported-media-type"
    r = client.post("/v1/evaluate", content=EXAMPLE.read_bytes())
    assert r.status_code == 415


def test_body_too_large(make_client):
    c = make_client(max_body=1000)
    r = c.post("/v1/evaluate", content=b" " * 1001, headers=JSON)
    assert r.status_code == 413
    assert r.json()["type"] == "urn:enshi-rules:problem:body-too-large"
    assert r.json()["limit"] == 1000


def test_body_too_large_without_content_length(make_client):
    c = make_client(max_body=1000)

    def chunks():
        for _ in range(20):
            yield b" " * 100

    r = c.post("/v1/evaluate", content=chunks(), headers=JSON)
    assert r.status_code == 413


def test_unknown_path_and_method_are_problems(client):
    r = client.get("/v1/nothing")
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json; charset=utf-8"
    r = client.get("/v1/evaluate")
    assert r.status_code == 405 and r.json()["type"] == "urn:enshi-rules:problem:method-not-allowed"


def test_no_cors_unless_configured(client, make_client):
    h = {"Origin": "https://platform.example", "Access-Control-Request-Method": "POST"}
    assert "access-control-allow-origin" not in client.options("/v1/evaluate", headers=h).headers
    c = make_client(cors_origins=("https://platform.example",))
    assert c.options("/v1/evaluate", headers=h).headers["access-control-allow-origin"] == "https://platform.example"


# ---- /v1/articles ------------------------------------------------------------------------------


def test_articles_index_lists_35_articles_with_status(client):
    r = client.get("/v1/articles")
    assert r.status_code == 200
    body = r.json()
    assert body["title"] == "恩施土家族苗族自治州行政执法监督办法"
    arts = body["articles"]
    assert [a["article"] for a in arts] == list(range(1, 36))
    a27 = arts[26]
    assert a27["label"] == "第二十七条" and a27["status"] == "encoded" and a27["rule_count"] > 0


def test_article_27_by_number_chinese_label_and_paragraph(client):
    for ref, unit in [("27", "art_27"), ("第二十七条", "art_27"), ("27.2", "art_27__para_2"),
                      ("第二十七条第二款", "art_27__para_2"), ("26.1.3", "art_26__para_1__item_3")]:
        r = client.get(f"/v1/articles/{ref}")
        assert r.status_code == 200, ref
        assert r.json()["unit"] == unit
    art = client.get("/v1/articles/27").json()["article"]
    p2 = next(u for u in art["units"] if u["id"] == "art_27__para_2")
    assert p2["citation"] == "《恩施土家族苗族自治州行政执法监督办法》第二十七条第二款"
    assert "三十日" in p2["text"]
    assert p2["status"] == "encoded"
    assert any(r["rule_id"].startswith("art_027.p2") and r["modality"] == "violation" for r in p2["rules"])
    assert any(x["id"] == "P2" for x in p2["interpretations"])


def test_unknown_article_is_a_404_problem(client):
    for ref in ("36", "27.9", "abc", "0"):
        r = client.get(f"/v1/articles/{ref}")
        assert r.status_code == 404, ref
        assert r.json()["type"] == "urn:enshi-rules:problem:not-found"


# ---- schemas -----------------------------------------------------------------------------------


def test_schemas_of_case_and_report(client):
    case = client.get("/v1/schema/case").json()["schema"]
    assert case == enshi_rules.Case.model_json_schema()
    report = client.get("/v1/schema/report").json()["schema"]
    assert "versions" in report["properties"] and "findings" in report["properties"]


# ---- batch ---------------------------------------------------------------------------------------


def _ndjson(*docs: str) -> bytes:
    return "\n".join(docs).encode("utf-8") + b"\n"


def test_batch_in_order_with_error_records(client):
    good = json.dumps(json.loads(EXAMPLE.read_text(encoding="utf-8")), ensure_ascii=False)
    body = _ndjson(good, '{"case_id": "BAD-1", "supervising_organ": "422800"}', "", "not json", good)
    r = client.post("/v1/evaluate/batch?as_of=2025-12-31", content=body, headers={"content-type": "application/x-ndjson"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert len(lines) == 4
    assert lines[0]["case_id"] == lines[3]["case_id"] == "ESJD-2025-031"
    assert lines[0]["as_of"] == "2025-12-31"
    assert lines[1]["line"] == 2 and lines[1]["case_id"] == "BAD-1"
    assert lines[1]["error"]["type"] == "urn:enshi-rules:problem:invalid-case"
    assert lines[1]["error"]["problems"][0]["path"] == "supervised_organ"
    assert lines[2]["line"] == 4 and lines[2]["case_id"] is None
    ids = [x["decision_id"] for x in lines]
    assert len(set(ids)) == 4 and all(_uuid(i) == i for i in ids)


def test_batch_is_bounded(make_client):
    c = make_client(max_batch_records=3)
    body = _ndjson(*['{"case_id": "X"}'] * 4)
    r = c.post("/v1/evaluate/batch", content=body, headers={"content-type": "application/x-ndjson"})
    assert r.status_code == 413
    assert r.json()["limit"] == 3
    c = make_client(max_body=100)
    r = c.post("/v1/evaluate/batch", content=b"{}\n" * 200, headers={"content-type": "application/x-ndjson"})
    assert r.status_code == 413


def test_batch_needs_json_lines(client):
    r = client.post("/v1/evaluate/batch", content=b"{}", headers=JSON)
    assert r.status_code == 415


# ---- time limit ------------------------------------------------------------------------------------


def test_a_request_over_the_time_limit_is_a_503_problem(make_client, monkeypatch):
    import time

    from enshi_rules.server import _app

    def slow(*args, **kwargs):
        time.sleep(0.5)
        raise AssertionError("not reached in time")

    monkeypatch.setattr(_app, "evaluate_with_overrides", slow)
    c = make_client(time_limit=0.05)
    r = c.post("/v1/evaluate", content=EXAMPLE.read_bytes(), headers=JSON)
    assert r.status_code == 503
    assert r.json()["type"] == "urn:enshi-rules:problem:timeout"


def test_an_unexpected_error_is_a_500_problem_without_a_traceback(client, monkeypatch):
    from enshi_rules.server import _app

    def broken(*args, **kwargs):
        raise KeyError("secret internals")

    monkeypatch.setattr(_app, "evaluate_with_overrides", broken)
    r = client.post("/v1/evaluate", content=EXAMPLE.read_bytes(), headers=JSON)
    assert r.status_code == 500
    assert r.json()["type"] == "urn:enshi-rules:problem:internal-error"
    assert "secret internals" not in r.text and "Traceback" not in r.text


def test_a_client_gone_before_its_body_arrived_is_no_error(tmp_path):
    """The connection closed with the body half sent (the client went away, or a forced shutdown of
    ``serve`` dropped it): nothing is evaluated or logged as a decision, and no exception leaves the
    application (uvicorn would log it as an error of the service, with a stack trace)."""
    import asyncio

    from enshi_rules.server import ServerSettings, create_app

    log = tmp_path / "decisions.jsonl"
    app = create_app(ServerSettings(decision_log=str(log)))
    body = EXAMPLE.read_bytes()
    incoming = [{"type": "http.request", "body": body[:100], "more_body": True}, {"type": "http.disconnect"}]
    sent: list[dict] = []

    async def receive() -> dict:
        return incoming.pop(0) if len(incoming) > 1 else incoming[0]

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/v1/evaluate", "raw_path": b"/v1/evaluate", "root_path": "", "query_string": b"",
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode())],
        "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000),
    }
    asyncio.run(app(scope, receive, send))  # raised ClientDisconnect before: a 500 and a stack trace
    assert [m["status"] for m in sent if m["type"] == "http.response.start"] == [499]  # never reaches anyone
    assert not log.exists() or log.read_bytes() == b""


# ---- /v1/explain -----------------------------------------------------------------------------------


def test_explain_is_the_library_explanation_with_decision_id(client):
    doc = EXAMPLE.read_bytes()
    r = client.post("/v1/explain?rule_id=art_027.p2", content=doc, headers=JSON)
    assert r.status_code == 200
    body = r.json()
    assert body.pop("decision_id") == r.headers["Enshi-Decision-Id"]
    assert body.pop("versions")["enshi_rules"] == enshi_rules.__version__
    assert body == json.loads(enshi_rules.explain(doc, "art_027.p2").to_json())
    assert body["findings"] and all(x["finding"]["rule_id"].startswith("art_027.p2") for x in body["findings"])


def test_explain_all_findings_and_an_unknown_rule(client):
    doc = EXAMPLE.read_bytes()
    r = client.post("/v1/explain", content=doc, headers=JSON)
    assert len(r.json()["findings"]) == len(enshi_rules.evaluate(doc).findings)
    r = client.post("/v1/explain?rule_id=art_099", content=doc, headers=JSON)
    assert r.status_code == 422
    assert r.json()["type"] == "urn:enshi-rules:problem:invalid-request"
    assert [p["path"] for p in r.json()["problems"]] == ["query.rule_id"]
    r = client.post("/v1/explain", content=b"{}", headers=JSON)
    assert r.status_code == 422 and r.json()["type"] == "urn:enshi-rules:problem:invalid-case"


# ---- calendars -------------------------------------------------------------------------------------


def _case_into_2027() -> dict:
    """A letter received 2026-12-02: the thirty days of 第二十七条第二款 end in 2027, a year without a
    published holiday arrangement (issue 10's reference case)."""
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["as_of"] = "2026-12-20"
    doc["supervision"] = {
        "started_on": "2026-11-02",
        "situations": [{"id": "QX-1", "item": 3, "found_on": "2026-11-02", "confirmed": True, "confirmed_on": "2026-11-10"}],
        "suggestion_letter": {"id": "JYS-1", "issued_on": "2026-12-01", "received_on": "2026-12-02", "rectification_days": 30},
    }
    return doc


def test_versions_name_the_calendar_of_each_year_used(client):
    r = client.post("/v1/evaluate", content=json.dumps(_case_into_2027(), ensure_ascii=False).encode(), headers=JSON)
    assert r.status_code == 200
    body = r.json()
    by_year = {c["year"]: c for c in body["versions"]["calendars"]}
    assert body["versions"]["calendars"] == body["calendars"]
    assert by_year[2027]["provisional"] is True and by_year[2027]["basis"] == "provisional"
    assert by_year[2026]["provisional"] is False
    due = {f["rule_id"]: f["due"] for f in body["findings"] if f["article"] == 27 and f["paragraph"] == 2}
    assert "2027-01-04" in due.values()


def test_calendar_missing_strict_reports_the_missing_year_in_the_body(client):
    r = client.post("/v1/evaluate?calendar_missing=strict", content=json.dumps(_case_into_2027(), ensure_ascii=False).encode(),
                    headers=JSON)
    assert r.status_code == 200
    body = r.json()
    assert any("2027" in m["reason"] or "2027" in m["field"] for m in body["missing_facts"])
    assert not any(f["due"] and f["due"].startswith("2027") for f in body["findings"])
    assert any(f["article"] == 27 and f["paragraph"] == 1 for f in body["findings"])  # the rest is reported


def test_calendar_of_a_year(client):
    r = client.get("/v1/calendar/2025")
    assert r.status_code == 200
    body = r.json()
    assert body["year"] == 2025 and body["national"]["basis"] == "package" and body["national"]["provisional"] is False
    days_off = {d["date"] for d in body["national"]["days_off"]}
    assert {"2025-01-01", "2025-10-01"} <= days_off
    assert "2025-09-28" in body["national"]["working_days"]  # 调休上班 (a Sunday)
    assert {d["date"] for d in body["prefecture"]["days_off"]} == {"2025-08-18", "2025-08-19"}  # 州庆 2025
    r = client.get("/v1/calendar/2027")
    assert r.json()["national"]["provisional"] is True and r.json()["national"]["working_days"] == []
    assert client.get("/v1/calendar/2027?calendar_missing=strict").status_code == 404
    assert client.get("/v1/calendar/2003").status_code == 404
    assert client.get("/v1/calendar/0").status_code == 422


def test_parameter_problems_are_in_chinese_and_english(client):
    r = client.post("/v1/evaluate?day_counting=lunar&time_in_post=maybe", content=EXAMPLE.read_bytes(), headers=JSON)
    assert r.status_code == 422
    probs = {p["path"]: p for p in r.json()["problems"]}
    assert probs["query.day_counting"]["message_zh"].startswith("参数 query.day_counting 取值不在允许范围内（可选：")
    assert probs["query.day_counting"]["message_en"] == "query.day_counting must be one of calendar, working, not 'lunar'"
    assert probs["query.time_in_post"]["message_zh"] == "参数 query.time_in_post 应为 true 或 false"


def test_every_decision_endpoint_checks_its_query(client):
    for url in ("/v1/evaluate?calendar_missing=lenient", "/v1/explain?time_in_post=yes", "/v1/explain?rule_id=" + "x" * 201):
        r = client.post(url, content=EXAMPLE.read_bytes(), headers=JSON)
        assert r.status_code == 422, url
        assert r.json()["type"] == "urn:enshi-rules:problem:invalid-request"
    r = client.post("/v1/evaluate/batch?day_counting=lunar", content=b"{}\n", headers={"content-type": "application/x-ndjson"})
    assert r.status_code == 422 and r.json()["problems"][0]["path"] == "query.day_counting"
    r = client.post("/v1/evaluate?time_in_post=TRUE&day_counting=working", content=EXAMPLE.read_bytes(), headers=JSON)
    assert r.status_code == 200 and r.json()["policy"]["exclude_time_in_post"] is True


def test_decision_ids_are_version_4_uuids_and_differ():
    import uuid as _uuid

    from enshi_rules.server._app import _new_id

    ids = {_new_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(_uuid.UUID(i).version == 4 for i in ids)
