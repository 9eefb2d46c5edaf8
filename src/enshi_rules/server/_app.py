"""The FastAPI application of ``enshi-rules serve``."""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import json
import math
import os
import re
import random
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.routing import APIRoute
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from .. import workbench
from .._evaluate.evaluate import run
from .._evaluate.explain import explain_run
from .._evaluate.overrides import evaluate_with_overrides, with_overrides
from .._evaluate.problems import problem, problem_from_exception
from .._evaluate.versions import PACKAGE_VERSION, versions
from .._law import articles_json as _articles_json
from ..errors import CaseValidationError, EnshiRulesError, Problem
from ..facts import MAX_DOCUMENT_BYTES, Case, expected_en, expected_zh, parse_as_of
from ..report import Report
from . import _schemas
from ._auth import Tokens
from ._decision_log import DecisionLog

__all__ = ["ServerSettings", "create_app", "create_app_from_env"]

#: The environment variable that carries the settings to each worker process (``--workers``).
SETTINGS_ENV = "ENSHI_RULES_SERVER_SETTINGS"
DECISION_HEADER = "Enshi-Decision-Id"
#: A client's own id of a request (``X-Request-Id``): echoed in the answer and kept in the decision log.
REQUEST_ID_HEADER = "X-Request-Id"
_JSON = "application/json"
_PROBLEM = "application/problem+json"
_NDJSON = "application/x-ndjson"
#: The bodies are UTF-8, and the content types say so (a client that reads a body as text would
#: otherwise fall back to ISO-8859-1 for a type other than application/json).
_UTF8 = "; charset=utf-8"
#: The paths whose every answer is a decision, logged in the decision log whatever its status.
DECISION_ENDPOINTS = {"/v1/evaluate": "evaluate", "/v1/evaluate/batch": "evaluate/batch", "/v1/explain": "explain"}
#: The thread evaluations run in: one, because the engine serialises evaluations anyway (a pool of
#: threads would only queue on its lock and on the GIL); off the event loop, so that the time limit
#: can answer a request whose evaluation runs on.
_EVALUATOR = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="enshi-rules-evaluate")
#: JSON Lines go by several names; each is accepted for /v1/evaluate/batch.
_BATCH_MEDIA = (_NDJSON, "application/jsonl", "application/json-lines", "application/jsonlines")


def _case_id(line: bytes) -> str | None:
    """The ``case_id`` of a record that could not be evaluated, when it can be read at all."""
    try:
        doc = json.loads(line)
    except (ValueError, RecursionError):
        return None
    cid = doc.get("case_id") if isinstance(doc, dict) else None
    return cid if isinstance(cid, str) else None


@dataclass(frozen=True)
class ServerSettings:
    """What ``enshi-rules serve`` was told (every default is the safe one)."""

    #: a file of salted token hashes (``enshi-rules token``); ``None``: no access control
    tokens_file: str | None = None
    #: append one JSON line per decision to this file; ``None``: no decision log
    decision_log: str | None = None
    #: keep the input document and personal names in the decision log
    decision_log_full: bool = False
    #: origins allowed by CORS; empty: no CORS headers at all
    cors_origins: tuple[str, ...] = ()
    #: seconds one request may take before it is answered with 503, counted from when its body has
    #: been read: the time it waits for the evaluation thread counts (a client's timeout counts it too)
    time_limit: float = 10.0
    #: requests one worker holds at once, waiting for or in its evaluation thread; one more is
    #: answered at once with 503 ``overloaded`` and ``Retry-After`` (a batch counts one per record
    #: being evaluated)
    max_pending: int = 64
    #: the request body cap in bytes (a case document's size limit)
    max_body: int = MAX_DOCUMENT_BYTES
    #: records in one ``/v1/evaluate/batch`` request
    max_batch_records: int = 1_000

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls, text: str) -> ServerSettings:
        data = json.loads(text)
        data["cors_origins"] = tuple(data.get("cors_origins") or ())
        return cls(**data)


class _Fail(Exception):
    """Answer with this problem object."""

    def __init__(self, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        super().__init__(body.get("detail", ""))
        self.body = body
        self.headers = headers or {}


def _new_id() -> str:
    # A version-4 UUID from the random module (seeded from os.urandom, and again in every forked
    # process): a decision id must be unique, not secret, and os.urandom costs a system call.
    return str(uuid.UUID(int=random.getrandbits(128), version=4))


def _json_response(body: dict[str, Any] | bytes, decision_id: str, status: int = 200, media_type: str = _JSON,
                   headers: dict[str, str] | None = None) -> Response:
    content = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    h = {DECISION_HEADER: decision_id, **(headers or {})}
    return Response(content=content, status_code=status, media_type=media_type + _UTF8, headers=h)


def _problem_response(body: dict[str, Any], decision_id: str | None = None, headers: dict[str, str] | None = None) -> Response:
    decision_id = decision_id or _new_id()
    out = {**body, "decision_id": decision_id, "versions": versions()}
    return _json_response(out, decision_id, status=body["status"], media_type=_PROBLEM, headers=headers)


_REQUEST_ID = re.compile(r"[\x21-\x7e]{1,200}")


def request_id_of(request: Request) -> str | None:
    """The client's ``X-Request-Id`` (1-200 visible ASCII characters; anything else is ignored)."""
    rid = request.headers.get(REQUEST_ID_HEADER)
    return rid if rid is not None and _REQUEST_ID.fullmatch(rid) else None


_CHARSET_TYPES = (b"application/json", b"application/problem+json", b"application/x-ndjson")


class _HttpEdges:
    """What every answer gets, whichever part of the application gives it (a pure ASGI middleware):

    - ``HEAD`` on any path is answered as ``GET`` without the body (RFC 9110 §9.3.2: load
      balancers and monitors probe ``HEAD /healthz``); a path without GET answers 405 as for GET;
    - the client's ``X-Request-Id`` (1-200 visible ASCII characters) is echoed;
    - a JSON content type without a charset gets ``; charset=utf-8`` (the framework's own answers,
      the API document, included)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        rid = next((v for k, v in scope["headers"] if k == b"x-request-id"), None)
        if rid is not None and not _REQUEST_ID.fullmatch(rid.decode("latin-1")):
            rid = None

        async def edge_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = []
                for k, v in message.get("headers", []):
                    if k.lower() == b"content-type" and v.split(b";")[0].strip() in _CHARSET_TYPES and b"charset" not in v:
                        v = v + _UTF8.encode()
                    headers.append((k, v))
                if rid is not None:
                    headers.append((b"x-request-id", rid))
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, edge_send)


def _with_decision(report_json: str, decision_id: str) -> bytes:
    # the report is one JSON object: put the decision id first, without decoding the report again
    return ('{"decision_id":"' + decision_id + '",' + report_json[1:]).encode("utf-8")


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _charset(request: Request) -> str | None:
    """The ``charset`` parameter of the request's content type, lower case (None when not given)."""
    for param in request.headers.get("content-type", "").split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').lower()
    return None


async def _read_body(request: Request, cap: int, *, media: tuple[str, ...]) -> bytes:
    """The request body, refused with 415 for another media type, a charset other than UTF-8 or a
    content coding (gzip, ...), and with 413 beyond ``cap`` bytes."""
    mt = _media_type(request)
    if mt not in media:
        raise _Fail(problem(
            "unsupported-media-type",
            f"请求体的媒体类型应为 {' 或 '.join(media)}，而不是 {mt or '（未给出）'} / "
            f"the body must be {' or '.join(media)}, not {mt or '(none given)'}",
        ))
    charset = _charset(request)
    if charset is not None and charset not in ("utf-8", "utf8"):
        raise _Fail(problem(
            "unsupported-media-type",
            f"只接受 UTF-8 编码的请求体，而不是 {charset[:40]} / only UTF-8 bodies are accepted, not {charset[:40]}",
        ))
    coding = request.headers.get("content-encoding", "").strip().lower()
    if coding not in ("", "identity"):
        raise _Fail(problem(
            "unsupported-media-type",
            f"请求体不能压缩（Content-Encoding: {coding[:40]}），只接受未压缩的请求体 / "
            f"compressed bodies (Content-Encoding: {coding[:40]}) are not accepted: send the body uncompressed",
        ), headers={"Accept-Encoding": "identity"})
    too_large = problem(
        "body-too-large",
        f"请求体超过 {cap} 字节 / the request body is larger than {cap} bytes",
        limit=cap,
    )
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > cap:
        raise _Fail(too_large)
    buf = bytearray()
    async for chunk in request.stream():
        buf += chunk
        if len(buf) > cap:
            raise _Fail(too_large)
    return bytes(buf)


#: FastAPI's checks of query and path parameters, in Chinese.
_PARAM_ZH = {
    "literal_error": "取值不在允许范围内",
    "bool_parsing": "应为 true 或 false",
    "int_parsing": "应为整数",
    "greater_than_equal": "过小",
    "less_than_equal": "过大",
    "string_too_long": "过长",
    "missing": "缺少必填参数",
}


def _parameter_problem(e: Mapping[str, Any]) -> Problem:
    """One of FastAPI's parameter errors as our problem (``query.day_counting``), Chinese first."""
    path = ".".join(str(x) for x in e.get("loc", ()))
    zh = _PARAM_ZH.get(str(e.get("type")), "参数无效")
    en = str(e.get("msg", ""))
    expected = (e.get("ctx") or {}).get("expected")
    if expected:
        zh += f"（可选：{expected_zh(str(expected))}）"
        en = f"{path} {expected_en(str(expected))}"
    return Problem(path, f"参数 {path} {zh}", en)


#: The query parameters of the decision endpoints: OpenAPI schema and description. They are read by
#: ``_read_query`` rather than by FastAPI's parameter machinery, which cost about as much per request
#: as everything else around the evaluation; the problems name ``query.NAME`` in both languages.
QUERY: dict[str, tuple[dict[str, Any], str]] = {
    "as_of": ({"type": "string", "format": "date"}, "判断日（YYYY-MM-DD；覆盖文档的 as_of）/ judge obligations at this date (YYYY-MM-DD); "
                                   "overrides the document's as_of"),
    "day_counting": ({"type": "string", "enum": ["calendar", "working"]},
                     "期间计算方式 / count periods in calendar or working days; overrides the document's day_counting only"),
    "time_in_post": ({"type": "boolean"}, "在途时间不计入 / do not count time in the post; overrides the document's "
                                          "exclude_time_in_post only"),
    "calendar_missing": ({"type": "string", "enum": ["provisional", "strict"]},
                         "节假日安排未公布的年份 / a year without a published holiday arrangement: computed, due dates "
                         "provisional (provisional, the default), or no due date for such a period and the year named "
                         "in missing_facts (strict)"),
    "rule_id": ({"type": "string", "maxLength": 200}, "只解释此规则（或前缀，如 art_027.p2）的认定 / only the findings of "
                                                      "this rule (or prefix: art_027.p2, art_027)"),
}
_BOOL = {"true": True, "1": True, "false": False, "0": False}


def query_parameters(*names: str) -> list[dict[str, Any]]:
    """The OpenAPI ``parameters`` of these query parameters."""
    return [{"name": n, "in": "query", "required": False, "schema": QUERY[n][0], "description": QUERY[n][1]} for n in names]


def _check_query_names(request: Request, names: tuple[str, ...] | list[str]) -> None:
    """422 ``invalid-request`` naming each query parameter that is not one of ``names`` or is given
    more than once (``?as_of=2025-12-15&as_of=2025-01-01``): a strict client is told, rather than
    one value silently winning or a misspelt option silently ignored."""
    if not request.scope.get("query_string"):
        return
    q = request.query_params
    problems = []
    seen: set[str] = set()
    for key, _ in q.multi_items():
        if key in seen:
            continue
        seen.add(key)
        path = f"query.{key[:40]}"
        if key not in names:
            if names:
                zh, en = f"（可用：{'、'.join(names)}）", f" (it takes {', '.join(names)})"
            else:
                zh, en = "（此操作没有查询参数）", " (it takes no query parameter)"
            problems.append(Problem(path, f"参数 {path} 不是此操作的参数{zh}", f"{path} is not a parameter of this operation{en}"))
        elif len(q.getlist(key)) > 1:
            problems.append(Problem(path, f"参数 {path} 重复出现（只能给出一次）", f"{path} is given more than once"))
    if problems:
        n = len(problems)
        raise _Fail(problem("invalid-request", f"请求有 {n} 处参数问题 / {n} invalid request parameter(s)", problems=problems))


def _route_query_names(route: APIRoute) -> tuple[str, ...]:
    """The query parameters a route declares: FastAPI's own (``Query``) and those of its
    ``openapi_extra`` (the decision endpoints read theirs with ``_read_query``)."""
    declared: list[str] = []
    todo = [route.dependant]
    while todo:
        dep = todo.pop()
        declared += [getattr(f, "alias", None) or f.name for f in dep.query_params]
        todo += dep.dependencies
    declared += [p["name"] for p in (route.openapi_extra or {}).get("parameters", []) if p.get("in") == "query"]
    return tuple(dict.fromkeys(declared))


class _StrictQueryRoute(APIRoute):
    """A route that refuses a query parameter it does not declare, or one given twice, with 422
    ``invalid-request`` (platform review item 17), before anything else; a request without a query
    costs one look-up (a FastAPI dependency would cost tens of microseconds on every request)."""

    def get_route_handler(self) -> Any:
        handler = super().get_route_handler()
        names = _route_query_names(self)

        async def strict(request: Request) -> Response:
            if request.scope.get("query_string"):
                _check_query_names(request, names)
            return await handler(request)

        return strict


def _read_query(request: Request, *names: str) -> dict[str, Any]:
    """The query parameters ``names`` (absent: None), checked; 422 with every problem otherwise."""
    values: dict[str, Any] = {}
    problems = []
    q = request.query_params  # unknown and repeated names were refused by _StrictQueryRoute
    for n in names:
        raw = q.get(n)
        if raw is None:
            values[n] = None
            continue
        schema = QUERY[n][0]
        path = f"query.{n}"
        if schema.get("type") == "boolean":
            if raw.lower() not in _BOOL:
                problems.append(Problem(path, f"参数 {path} 应为 true 或 false", f"{path} must be true or false, not {raw[:40]!r}"))
                continue
            values[n] = _BOOL[raw.lower()]
        elif "enum" in schema and raw not in schema["enum"]:
            allowed = "、".join(schema["enum"])
            problems.append(Problem(path, f"参数 {path} 取值不在允许范围内（可选：{allowed}）",
                                    f"{path} must be one of {', '.join(schema['enum'])}, not {raw[:40]!r}"))
        elif len(raw) > schema.get("maxLength", 100):
            problems.append(Problem(path, f"参数 {path} 过长", f"{path} is too long"))
        else:
            values[n] = raw
    if problems:
        n = len(problems)
        raise _Fail(problem("invalid-request", f"请求有 {n} 处参数问题 / {n} invalid request parameter(s)", problems=problems))
    return values


@functools.cache
def _holiday_zh() -> dict[str, str]:
    """chinesecalendar's English holiday names -> its own Chinese names (元旦, 春节, ...)."""
    from chinese_calendar.constants import Holiday

    return {h.value: h.chinese for h in Holiday}


def _layer_json(yc: Any) -> dict[str, Any]:
    # one language for every year: chinesecalendar names a published year's holidays in English,
    # the computed years are named in Chinese (《全国年节及纪念日放假办法》)
    zh = _holiday_zh()
    names = {d: zh.get(n, n) for d, n in yc.names}
    return {
        "basis": yc.basis,
        "source": yc.source,
        "provisional": yc.provisional,
        "days_off": [{"date": d.isoformat(), "name": names.get(d)} for d in sorted(yc.days_off)],
        "working_days": [d.isoformat() for d in sorted(yc.working_days)],
    }


def _calendar_json(year: int, missing: str) -> dict[str, Any] | None:
    """A year as the library's evaluations see it (the files of ENSHI_RULES_CALENDAR included)."""
    from .._periods.calendar import FIRST_PREFECTURE_YEAR
    from .._periods.counting import PeriodPolicy

    cal = PeriodPolicy(missing_calendar=missing).resolved_calendar()
    nat = cal.national(year)
    if nat is None:
        return None
    pref = cal.prefecture_layer(year) if year >= FIRST_PREFECTURE_YEAR else None
    return {
        "year": year,
        "national": _layer_json(nat),
        "prefecture": _layer_json(pref) if pref is not None else None,
        "prefecture_notice_unknown": year >= FIRST_PREFECTURE_YEAR and pref is None,
    }


#: The Swagger UI files /v1/docs needs (media types), from the swagger-ui-py package (Swagger UI 5, which
#: reads OpenAPI 3.1); nothing is fetched from the internet.
_DOC_ASSETS = {"swagger-ui-bundle.js": "text/javascript; charset=utf-8", "swagger-ui.css": "text/css; charset=utf-8",
               "favicon-32x32.png": "image/png"}


def _doc_assets() -> Any:
    import importlib.resources

    return importlib.resources.files("swagger_ui") / "static"


class _ProblemCORS(CORSMiddleware):
    """Starlette's CORS, with a refused preflight (an origin, method or header not allowed) answered
    as a problem object (``bad-request``) rather than a bare ``400 text/plain``."""

    def preflight_response(self, request_headers: Any) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code != 400:
            return response
        detail = response.body.decode("utf-8", "replace")
        body = problem("bad-request", f"跨域预检被拒绝：{detail} / CORS preflight refused: {detail}")
        headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-type", "content-length")}
        return _problem_response(body, headers=headers)


def _no_unit_message(ref: str) -> str:
    """Why ``ref`` names no unit: no such article, or an article without that 款 or 项."""
    shown = ref[:60]
    parts = ref.strip().split(".")
    if 1 < len(parts) <= 3 and all(p.isascii() and p.isdigit() and len(p) <= 3 for p in parts):
        if _articles_json.parse_unit_ref(parts[0]) is not None:
            if len(parts) == 3 and _articles_json.parse_unit_ref(".".join(parts[:2])) is not None:
                return (f"第{_zh_num(int(parts[0]))}条第{_zh_num(int(parts[1]))}款没有第（{_zh_num(int(parts[2]))}）项 / "
                        f"article {parts[0]} paragraph {parts[1]} has no item {parts[2]}")
            return (f"第{_zh_num(int(parts[0]))}条没有第{_zh_num(int(parts[1]))}款 / "
                    f"article {parts[0]} has no paragraph {parts[1]}")
    return f"没有条文“{shown}”（第一条至第三十五条）/ no article {shown!r} (1 to 35)"


def _zh_num(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    return str(n)


def create_app(settings: ServerSettings | None = None) -> FastAPI:
    """The decision service, configured by ``settings`` (safe defaults when ``None``)."""
    settings = settings or ServerSettings()
    app = FastAPI(
        title="enshi-rules",
        version=PACKAGE_VERSION,
        summary="《恩施土家族苗族自治州行政执法监督办法》决策服务 / decision service for the Enshi supervision measures",
        description=_schemas.DESCRIPTION,
        # served below, by a route of its own that refuses query parameters like every other
        openapi_url=None,
        # our own /v1/docs below, from assets installed with the package (no CDN: intranets have no internet)
        docs_url=None,
        redoc_url=None,
        # no framework 307 to an http:// URL built from the Host header: /v1/evaluate/ is a 404 problem
        redirect_slashes=False,
        servers=_schemas.SERVERS,
    )
    app.state.settings = settings
    # the service's own routes refuse unknown and repeated query parameters (the workbench's router,
    # included below with its own route class, is for a browser and is not checked this way)
    app.router.route_class = _StrictQueryRoute

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            doc = get_openapi(title=app.title, version=app.version, summary=app.summary,
                              description=app.description, routes=app.routes, servers=app.servers,
                              tags=_schemas.TAGS)
            app.openapi_schema = _schemas.add_components(doc)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.get("/v1/openapi.json", include_in_schema=False)
    async def openapi_document() -> Response:
        return JSONResponse(app.openapi())

    log = DecisionLog(settings.decision_log, full=settings.decision_log_full) if settings.decision_log else None

    def _log(did: str, endpoint: str, body: bytes | None, options: dict[str, Any], request: Request, *,
             report_json: str | None = None, explanation_json: str | None = None,
             problem_body: dict[str, Any] | None = None, vers: dict[str, Any] | None = None,
             batch_id: str | None = None) -> None:
        if log is not None:
            log.record(did, endpoint, body, options=options, versions=vers or versions(),
                       report_json=report_json, explanation_json=explanation_json, problem=problem_body,
                       request_id=request_id_of(request), batch_id=batch_id)

    def _answer_problem(request: Request, body: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
        """The problem answer; on a decision endpoint, whatever went wrong, logged under its id."""
        did = _new_id()
        endpoint = DECISION_ENDPOINTS.get(request.scope.get("path", ""))
        if endpoint is not None:
            _log(did, endpoint, getattr(request.state, "enshi_body", None),
                 getattr(request.state, "enshi_options", None) or {}, request, problem_body=body)
        return _problem_response(body, did, headers=headers)

    # ---- errors: every one a problem object, never a stack trace ---------------------------
    @app.exception_handler(_Fail)
    async def _on_fail(request: Request, exc: _Fail) -> Response:
        return _answer_problem(request, exc.body, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _on_invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [_parameter_problem(e) for e in exc.errors()]
        n = len(problems)
        return _answer_problem(request, problem("invalid-request", f"请求有 {n} 处参数问题 / {n} invalid request parameter(s)", problems=problems))

    @app.exception_handler(StarletteHTTPException)
    async def _on_http(request: Request, exc: StarletteHTTPException) -> Response:
        kind = {404: "not-found", 405: "method-not-allowed", 406: "not-acceptable", 413: "body-too-large",
                415: "unsupported-media-type", 401: "unauthorized"}.get(exc.status_code, "bad-request")
        zh = {404: "没有此路径", 405: "此路径不接受该方法"}.get(exc.status_code, "请求无效")
        body = problem(kind, f"{zh}：{request.method} {request.url.path} / {request.method} {request.url.path}: {exc.detail}")
        return _answer_problem(request, body, dict(exc.headers or {}))

    @app.exception_handler(ClientDisconnect)
    async def _on_client_gone(request: Request, exc: ClientDisconnect) -> Response:
        # the connection closed before the request arrived whole (the client went away, or a forced
        # shutdown dropped it): no one to answer and nothing wrong here, so no 500 and no stack trace
        # in the log; 499 as nginx says it, never sent (uvicorn sends nothing on a closed connection)
        return Response(status_code=499)

    @app.exception_handler(Exception)
    async def _on_unexpected(request: Request, exc: Exception) -> Response:
        return _answer_problem(request, problem_from_exception(exc))

    retry_after = {"Retry-After": str(max(1, math.ceil(settings.time_limit)))}
    pending = 0  # requests of this worker waiting for or in the evaluation thread

    def _admit() -> None:
        """503 ``overloaded`` at once when this worker already holds ``max_pending`` requests."""
        if pending >= settings.max_pending:
            raise _Fail(problem(
                "overloaded",
                f"服务繁忙：本进程已有 {pending} 个请求在等待或计算（上限 {settings.max_pending}），请稍后重试 / "
                f"overloaded: {pending} requests are waiting or being evaluated in this worker "
                f"(limit {settings.max_pending}); retry later",
            ), headers={"Retry-After": "1"})

    async def _timed(fn: Any, *args: Any, **kwargs: Any) -> Any:
        """``fn`` in the evaluation thread, answered with 503 ``timeout`` after the time limit. The
        limit counts the wait for the thread: a request still waiting when it runs out is never
        evaluated (its future is cancelled before it starts)."""
        nonlocal pending
        pending += 1
        try:
            call = functools.partial(fn, *args, **kwargs)
            return await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(_EVALUATOR, call), settings.time_limit)
        except TimeoutError:
            raise _Fail(problem(
                "timeout",
                f"请求处理超过 {settings.time_limit:g} 秒 / the request took longer than {settings.time_limit:g} s",
            ), headers=retry_after) from None
        finally:
            pending -= 1

    # ---- access: bearer tokens (--tokens), /healthz and the API document always open ------------
    tokens = Tokens.load(settings.tokens_file) if settings.tokens_file else None
    async def require_token(request: Request) -> None:
        if tokens is None:
            return
        scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not credentials.strip() or not tokens.accepts(credentials.strip()):
            raise _Fail(
                problem("unauthorized", "需要有效的访问令牌（Authorization: Bearer …）/ a valid bearer token is required"),
                headers={"WWW-Authenticate": 'Bearer realm="enshi-rules"'},
            )

    # every /v1 operation: no unknown or repeated query parameter (422, _StrictQueryRoute), the token
    v1 = APIRouter(prefix="/v1", dependencies=[Depends(require_token)], route_class=_StrictQueryRoute,
                   responses={**_schemas.problem_responses(401), **_schemas.invalid_request_response()})

    # ---- the endpoints ------------------------------------------------------------------------
    @app.get("/healthz", tags=["service"], operation_id="getHealth", response_model=_schemas.Health, summary="存活检查 / liveness",
             responses=_schemas.invalid_request_response())
    async def healthz() -> Response:
        did = _new_id()
        return _json_response({"status": "ok", "decision_id": did, "versions": versions()}, did)

    @v1.get("/version", tags=["service"], operation_id="getVersion", response_model=_schemas.VersionInfo,
            summary="版本 / versions of the package, the rules, the article map, the regulation text and the 条例 excerpts")
    async def version() -> Response:
        did = _new_id()
        return _json_response({"decision_id": did, "versions": versions()}, did)

    def _evaluate_one(body: bytes, options: dict[str, Any]) -> Report:
        return evaluate_with_overrides(body, **options)

    def _options(as_of: str | None, day_counting: str | None, time_in_post: bool | None,
                 calendar_missing: str | None = None) -> dict[str, Any]:
        try:
            d = parse_as_of(as_of)
        except CaseValidationError as exc:
            probs = [Problem("query.as_of", f"参数 query.as_of：{p.message_zh}", f"query.as_of: {p.message_en}") for p in exc.problems]
            raise _Fail(problem("invalid-request", f"请求有 {len(probs)} 处参数问题 / {len(probs)} invalid request parameter(s)",
                                problems=probs)) from None
        out: dict[str, Any] = {"as_of": d, "day_counting": day_counting, "time_in_post": time_in_post}
        if calendar_missing is not None:
            out["missing_calendar"] = calendar_missing
        return out

    def _log_options(options: dict[str, Any]) -> dict[str, Any]:
        names = {"missing_calendar": "calendar_missing"}
        return {names.get(k, k): (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in options.items()}

    def _decision_options(request: Request, *names: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """The options of a decision endpoint from its query (422 ``invalid-request`` otherwise),
        kept on the request for the decision log of any answer."""
        q = _read_query(request, *names)
        options = _options(q.get("as_of"), q.get("day_counting"), q.get("time_in_post"), q.get("calendar_missing"))
        request.state.enshi_options = _log_options({**options, **({"rule_id": q["rule_id"]} if q.get("rule_id") else {})})
        return options, q

    @v1.post(
        "/evaluate",
        operation_id="evaluateCase",
        tags=["decisions"],
        summary="评估一个案件 / evaluate one case document",
        response_model=_schemas.DecisionReport,
        responses=_schemas.problem_responses(413, 415, 422, 503),
        openapi_extra={**_schemas.case_body(), "parameters": query_parameters("as_of", "day_counting", "time_in_post", "calendar_missing")},
    )
    async def evaluate_case(request: Request) -> Response:
        options, _ = _decision_options(request, "as_of", "day_counting", "time_in_post", "calendar_missing")
        body = await _read_body(request, settings.max_body, media=(_JSON,))
        request.state.enshi_body = body
        _admit()
        did = _new_id()
        try:
            report = await _timed(_evaluate_one, body, options)
        except EnshiRulesError as exc:
            pb = problem_from_exception(exc)
            _log(did, "evaluate", body, _log_options(options), request, problem_body=pb)
            return _problem_response(pb, did)
        text = report.to_json(indent=None)
        _log(did, "evaluate", body, _log_options(options), request, report_json=text,
             vers=report.versions.model_dump(mode="json") if report.versions else None)
        return _json_response(_with_decision(text, did), did)

    @v1.post(
        "/evaluate/batch",
        operation_id="evaluateBatch",
        tags=["decisions"],
        summary="批量评估（JSON Lines）/ evaluate JSON Lines of cases, one report per line, in order",
        description=_schemas.BATCH_DESCRIPTION,
        responses={
            200: _schemas.batch_response(),
            **_schemas.problem_responses(413, 415, 422, 503),
        },
        openapi_extra={**_schemas.batch_body(), "parameters": query_parameters("as_of", "day_counting", "time_in_post", "calendar_missing")},
        response_class=StreamingResponse,
    )
    async def evaluate_batch(request: Request) -> Response:
        options, _ = _decision_options(request, "as_of", "day_counting", "time_in_post", "calendar_missing")
        cap = settings.max_body * 4
        body = await _read_body(request, cap, media=_BATCH_MEDIA)
        request.state.enshi_body = body
        lines = [(n, line) for n, line in enumerate(body.split(b"\n"), 1) if line.strip()]
        if len(lines) > settings.max_batch_records:
            raise _Fail(problem(
                "body-too-large",
                f"记录过多（{len(lines)} 条，上限 {settings.max_batch_records} 条）/ "
                f"too many records ({len(lines)}, limit {settings.max_batch_records})",
                limit=settings.max_batch_records,
            ))
        _admit()
        batch_id = _new_id()
        log_options = _log_options(options)

        async def generate() -> Any:
            for n, line in lines:
                did = _new_id()
                try:
                    report = await _timed(_evaluate_one, line, options)
                except (EnshiRulesError, _Fail) as exc:
                    pb = exc.body if isinstance(exc, _Fail) else problem_from_exception(exc)
                    _log(did, "evaluate/batch", line, log_options, request, problem_body=pb, batch_id=batch_id)
                    err = {**pb, "decision_id": did, "versions": versions()}
                    rec = {"line": n, "case_id": _case_id(line), "decision_id": did, "error": err}
                    yield (json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
                    continue
                text = report.to_json(indent=None)
                _log(did, "evaluate/batch", line, log_options, request, report_json=text, batch_id=batch_id,
                     vers=report.versions.model_dump(mode="json") if report.versions else None)
                yield _with_decision(text, did) + b"\n"

        return StreamingResponse(generate(), media_type=_NDJSON + _UTF8, headers={DECISION_HEADER: batch_id})

    def _explain_one(body: bytes, options: dict[str, Any], rule_id: str | None) -> tuple[str, dict[str, Any]]:
        """The explanation of the report ``/v1/evaluate`` gives for the same body and options (the
        calendar mode included), and the versions of that report."""
        doc = with_overrides(body, day_counting=options["day_counting"], time_in_post=options["time_in_post"])
        policy_fields = {"missing_calendar": options["missing_calendar"]} if "missing_calendar" in options else {}
        r = run(doc, as_of=options["as_of"], **policy_fields)
        try:
            text = explain_run(r, rule_id).to_json(indent=None)
        except CaseValidationError as exc:
            if [p.path for p in exc.problems] == ["rule_id"]:
                p = exc.problems[0]
                raise _Fail(problem("invalid-request", f"{p.message_zh} / {p.message_en}",
                                    problems=[Problem("query.rule_id", p.message_zh, p.message_en)])) from None
            raise
        vers = r.report.versions.model_dump(mode="json") if r.report.versions else versions()
        return text, vers

    @v1.post(
        "/explain",
        operation_id="explainCase",
        tags=["decisions"],
        summary="解释认定 / explain each finding of a case (or those of one rule)",
        description=_schemas.EXPLAIN_DESCRIPTION,
        response_model=_schemas.DecisionExplanation,
        responses=_schemas.problem_responses(413, 415, 422, 503),
        openapi_extra={**_schemas.case_body(), "parameters": query_parameters("rule_id", "as_of", "day_counting", "time_in_post", "calendar_missing")},
    )
    async def explain_case(request: Request) -> Response:
        options, q = _decision_options(request, "rule_id", "as_of", "day_counting", "time_in_post", "calendar_missing")
        rule_id = q["rule_id"]
        body = await _read_body(request, settings.max_body, media=(_JSON,))
        request.state.enshi_body = body
        _admit()
        did = _new_id()
        try:
            text, vers = await _timed(_explain_one, body, options, rule_id)
        except EnshiRulesError as exc:
            pb = problem_from_exception(exc)
            _log(did, "explain", body, request.state.enshi_options, request, problem_body=pb)
            return _problem_response(pb, did)
        _log(did, "explain", body, request.state.enshi_options, request, explanation_json=text, vers=vers)
        out = '{"decision_id":"' + did + '","versions":' + json.dumps(vers, ensure_ascii=False, separators=(",", ":")) + "," + text[1:]
        return _json_response(out.encode("utf-8"), did)

    @v1.get("/calendar/{year}", tags=["measures"], operation_id="getCalendarYear", response_model=_schemas.CalendarYear,
            responses=_schemas.problem_responses(404),
            summary="一年的节假日日历 / a year's holiday calendar as evaluations use it")
    async def calendar_year(
        year: int = Path(ge=1, le=9999, description="年份 / the year"),
        calendar_missing: Literal["provisional", "strict"] | None = Query(
            None, description="未公布年份推算（provisional，默认）或不推算（strict）/ compute a year not yet published "
                              "(provisional, the default) or not (strict)"),
    ) -> Response:
        did = _new_id()
        body = _calendar_json(year, calendar_missing or "provisional")
        if body is None:
            raise _Fail(problem(
                "not-found",
                f"{year}年没有节假日数据（不在 chinesecalendar 范围内，也不能推算或为严格模式）/ no holiday calendar for "
                f"{year} (outside chinesecalendar, and not computable or strict mode)",
            ))
        return _json_response({"decision_id": did, "versions": versions(), **body}, did)

    @v1.get("/articles", tags=["measures"], operation_id="listArticles", response_model=_schemas.ArticleIndex,
            summary="条文目录 / the articles of the measures, with their status and rule counts")
    async def articles() -> Response:
        did = _new_id()
        return _json_response({"decision_id": did, "versions": versions(), **_articles_json.index_json()}, did)

    @v1.get("/articles/{ref}", tags=["measures"], operation_id="getArticle", response_model=_schemas.ArticleDetail,
            responses=_schemas.problem_responses(404),
            summary="一条条文 / one article: its units, status, rules and interpretations")
    async def article(ref: str = Path(description="27, 27.2, 27.2.1, 第二十七条 or 第二十七条第二款")) -> Response:
        did = _new_id()
        unit = _articles_json.parse_unit_ref(ref)
        art = _articles_json.article_json(unit[0]) if unit else None
        if unit is None or art is None:
            raise _Fail(problem("not-found", _no_unit_message(ref)))
        uid = _articles_json.unit_of(unit)
        return _json_response({"decision_id": did, "versions": versions(), "unit": uid, "article": art}, did)

    @v1.get("/schema/case", tags=["schemas"], operation_id="getCaseSchema", response_model=_schemas.SchemaDoc,
            summary="案件文档的 JSON Schema / the JSON Schema of a case document")
    async def schema_case() -> Response:
        did = _new_id()
        return _json_response({"decision_id": did, "versions": versions(), "schema": Case.model_json_schema()}, did)

    @v1.get("/schema/report", tags=["schemas"], operation_id="getReportSchema", response_model=_schemas.SchemaDoc,
            summary="报告的 JSON Schema / the JSON Schema of a report")
    async def schema_report() -> Response:
        did = _new_id()
        return _json_response({"decision_id": did, "versions": versions(),
                               "schema": Report.model_json_schema(mode="serialization")}, did)

    # ---- the API document's reading page: Swagger UI from the swagger-ui-py package, served here --------
    @app.get("/v1/docs", include_in_schema=False)
    async def docs_page() -> Response:
        # relative URLs: the page works behind a gateway that adds a path prefix
        return get_swagger_ui_html(
            openapi_url="openapi.json", title="enshi-rules API",
            swagger_js_url="docs/assets/swagger-ui-bundle.js", swagger_css_url="docs/assets/swagger-ui.css",
            swagger_favicon_url="docs/assets/favicon-32x32.png",
        )

    @app.get("/v1/docs/assets/{name}", include_in_schema=False)
    async def docs_asset(name: str) -> Response:
        if name not in _DOC_ASSETS:
            raise _Fail(problem("not-found", f"没有此文件：{name[:60]} / no such asset: {name[:60]}"))
        return FileResponse(_doc_assets() / name, media_type=_DOC_ASSETS[name],
                            headers={"Cache-Control": "public, max-age=86400"})

    app.include_router(v1)
    # Routers of other parts of the package are included here, one line each:
    # the workbench for legal staff at "/" (docs/workbench.md), behind the same tokens as /v1
    app.include_router(workbench.router, dependencies=[Depends(require_token)])

    if settings.cors_origins:
        app.add_middleware(_ProblemCORS, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST", "HEAD"],
                           allow_headers=["Authorization", "Content-Type", REQUEST_ID_HEADER],
                           expose_headers=[DECISION_HEADER, REQUEST_ID_HEADER])
    app.add_middleware(_HttpEdges)
    return app


def create_app_from_env() -> FastAPI:
    """The application of one worker process, with the settings ``enshi-rules serve`` put in the environment."""
    text = os.environ.get(SETTINGS_ENV)
    return create_app(ServerSettings.from_env(text) if text else None)
