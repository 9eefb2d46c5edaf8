"""The FastAPI application of ``enshi-rules serve``."""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import json
import os
import random
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response, StreamingResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from .. import workbench
from .._evaluate.explain import explain
from .._evaluate.overrides import evaluate_with_overrides, with_overrides
from .._evaluate.problems import problem, problem_from_exception
from .._evaluate.versions import PACKAGE_VERSION, versions
from .._law import articles_json as _articles_json
from ..errors import CaseValidationError, EnshiRulesError, Problem
from ..facts import MAX_DOCUMENT_BYTES, Case, parse_as_of
from ..report import Report
from . import _schemas
from ._auth import Tokens
from ._decision_log import DecisionLog

__all__ = ["ServerSettings", "create_app", "create_app_from_env"]

#: The environment variable that carries the settings to each worker process (``--workers``).
SETTINGS_ENV = "ENSHI_RULES_SERVER_SETTINGS"
DECISION_HEADER = "Enshi-Decision-Id"
_JSON = "application/json"
_PROBLEM = "application/problem+json"
_NDJSON = "application/x-ndjson"
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
    #: seconds one request may take before it is answered with 503
    time_limit: float = 10.0
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
    content = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8")
    h = {DECISION_HEADER: decision_id, **(headers or {})}
    return Response(content=content, status_code=status, media_type=media_type, headers=h)


def _problem_response(body: dict[str, Any], decision_id: str | None = None, headers: dict[str, str] | None = None) -> Response:
    decision_id = decision_id or _new_id()
    out = {**body, "decision_id": decision_id, "versions": versions()}
    return _json_response(out, decision_id, status=body["status"], media_type=_PROBLEM, headers=headers)


def _with_decision(report_json: str, decision_id: str) -> bytes:
    # the report is one JSON object: put the decision id first, without decoding the report again
    return ('{"decision_id":"' + decision_id + '",' + report_json[1:]).encode("utf-8")


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


async def _read_body(request: Request, cap: int, *, media: tuple[str, ...]) -> bytes:
    """The request body, refused with 415 for another media type and 413 beyond ``cap`` bytes."""
    mt = _media_type(request)
    if mt not in media:
        raise _Fail(problem(
            "unsupported-media-type",
            f"请求体的媒体类型应为 {' 或 '.join(media)}，而不是 {mt or '（未给出）'} / "
            f"the body must be {' or '.join(media)}, not {mt or '(none given)'}",
        ))
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
    expected = (e.get("ctx") or {}).get("expected")
    if expected:
        zh += f"（可选：{expected}）"
    return Problem(path, f"参数 {path} {zh}", str(e.get("msg", "")))


#: The query parameters of the decision endpoints: OpenAPI schema and description. They are read by
#: ``_read_query`` rather than by FastAPI's parameter machinery, which cost about as much per request
#: as everything else around the evaluation; the problems name ``query.NAME`` in both languages.
QUERY: dict[str, tuple[dict[str, Any], str]] = {
    "as_of": ({"type": "string"}, "判断日（YYYY-MM-DD；覆盖文档的 as_of）/ judge obligations at this date (YYYY-MM-DD); "
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


def _read_query(request: Request, *names: str) -> dict[str, Any]:
    """The query parameters ``names`` (absent: None), checked; 422 with every problem otherwise."""
    values: dict[str, Any] = {}
    problems = []
    q = request.query_params
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


def _layer_json(yc: Any) -> dict[str, Any]:
    names = dict(yc.names)
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


def create_app(settings: ServerSettings | None = None) -> FastAPI:
    """The decision service, configured by ``settings`` (safe defaults when ``None``)."""
    settings = settings or ServerSettings()
    app = FastAPI(
        title="enshi-rules",
        version=PACKAGE_VERSION,
        summary="《恩施土家族苗族自治州行政执法监督办法》决策服务 / decision service for the Enshi supervision measures",
        description=_schemas.DESCRIPTION,
        openapi_url="/v1/openapi.json",
        docs_url="/v1/docs",
        redoc_url=None,
    )
    app.state.settings = settings

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            doc = get_openapi(title=app.title, version=app.version, summary=app.summary,
                              description=app.description, routes=app.routes)
            app.openapi_schema = _schemas.add_components(doc)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    # ---- errors: every one a problem object, never a stack trace ---------------------------
    @app.exception_handler(_Fail)
    async def _on_fail(request: Request, exc: _Fail) -> Response:
        return _problem_response(exc.body, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _on_invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [_parameter_problem(e) for e in exc.errors()]
        n = len(problems)
        return _problem_response(problem("invalid-request", f"请求有 {n} 处参数问题 / {n} invalid request parameter(s)", problems=problems))

    @app.exception_handler(StarletteHTTPException)
    async def _on_http(request: Request, exc: StarletteHTTPException) -> Response:
        kind = {404: "not-found", 405: "method-not-allowed", 406: "not-acceptable", 413: "body-too-large",
                415: "unsupported-media-type", 401: "unauthorized"}.get(exc.status_code, "bad-request")
        body = problem(kind, f"{request.method} {request.url.path}: {exc.detail}")
        return _problem_response(body, headers=dict(exc.headers or {}))

    @app.exception_handler(ClientDisconnect)
    async def _on_client_gone(request: Request, exc: ClientDisconnect) -> Response:
        # the connection closed before the request arrived whole (the client went away, or a forced
        # shutdown dropped it): no one to answer and nothing wrong here, so no 500 and no stack trace
        # in the log; 499 as nginx says it, never sent (uvicorn sends nothing on a closed connection)
        return Response(status_code=499)

    @app.exception_handler(Exception)
    async def _on_unexpected(request: Request, exc: Exception) -> Response:
        return _problem_response(problem_from_exception(exc))

    async def _timed(fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            call = functools.partial(fn, *args, **kwargs)
            return await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(_EVALUATOR, call), settings.time_limit)
        except TimeoutError:
            raise _Fail(problem(
                "timeout",
                f"请求处理超过 {settings.time_limit:g} 秒 / the request took longer than {settings.time_limit:g} s",
            )) from None

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

    log = DecisionLog(settings.decision_log, full=settings.decision_log_full) if settings.decision_log else None

    def _log(did: str, endpoint: str, body: bytes, options: dict[str, Any], *, report_json: str | None = None,
             problem_body: dict[str, Any] | None = None, vers: dict[str, Any] | None = None) -> None:
        if log is not None:
            log.record(did, endpoint, body, options=options, versions=vers or versions(),
                       report_json=report_json, problem=problem_body)

    v1 = APIRouter(prefix="/v1", dependencies=[Depends(require_token)], responses=_schemas.problem_responses(401))

    # ---- the endpoints ------------------------------------------------------------------------
    @app.get("/healthz", tags=["service"], response_model=_schemas.Health, summary="存活检查 / liveness")
    async def healthz() -> Response:
        did = _new_id()
        return _json_response({"status": "ok", "decision_id": did, "versions": versions()}, did)

    @v1.get("/version", tags=["service"], response_model=_schemas.VersionInfo,
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
            raise _Fail(problem_from_exception(CaseValidationError(
                [Problem("query.as_of", p.message_zh, p.message_en) for p in exc.problems]))) from None
        out: dict[str, Any] = {"as_of": d, "day_counting": day_counting, "time_in_post": time_in_post}
        if calendar_missing is not None:
            out["missing_calendar"] = calendar_missing
        return out

    def _log_options(options: dict[str, Any]) -> dict[str, Any]:
        names = {"missing_calendar": "calendar_missing"}
        return {names.get(k, k): (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in options.items()}

    @v1.post(
        "/evaluate",
        tags=["decisions"],
        summary="评估一个案件 / evaluate one case document",
        response_model=_schemas.DecisionReport,
        responses=_schemas.problem_responses(413, 415, 422, 503),
        openapi_extra={**_schemas.case_body(), "parameters": query_parameters("as_of", "day_counting", "time_in_post", "calendar_missing")},
    )
    async def evaluate_case(request: Request) -> Response:
        q = _read_query(request, "as_of", "day_counting", "time_in_post", "calendar_missing")
        options = _options(q["as_of"], q["day_counting"], q["time_in_post"], q["calendar_missing"])
        body = await _read_body(request, settings.max_body, media=(_JSON,))
        did = _new_id()
        try:
            report = await _timed(_evaluate_one, body, options)
        except EnshiRulesError as exc:
            pb = problem_from_exception(exc)
            _log(did, "evaluate", body, _log_options(options), problem_body=pb)
            return _problem_response(pb, did)
        text = report.to_json(indent=None)
        _log(did, "evaluate", body, _log_options(options), report_json=text,
             vers=report.versions.model_dump(mode="json") if report.versions else None)
        return _json_response(_with_decision(text, did), did)

    @v1.post(
        "/evaluate/batch",
        tags=["decisions"],
        summary="批量评估（JSON Lines）/ evaluate JSON Lines of cases, one report per line, in order",
        description=_schemas.BATCH_DESCRIPTION,
        responses={
            200: {"description": "one JSON object per line", "content": {_NDJSON: {"schema": {"type": "string"}}}},
            **_schemas.problem_responses(413, 415, 422),
        },
        openapi_extra={**_schemas.batch_body(), "parameters": query_parameters("as_of", "day_counting", "time_in_post", "calendar_missing")},
        response_class=StreamingResponse,
    )
    async def evaluate_batch(request: Request) -> Response:
        q = _read_query(request, "as_of", "day_counting", "time_in_post", "calendar_missing")
        options = _options(q["as_of"], q["day_counting"], q["time_in_post"], q["calendar_missing"])
        cap = settings.max_body * 4
        body = await _read_body(request, cap, media=_BATCH_MEDIA)
        lines = [(n, line) for n, line in enumerate(body.split(b"\n"), 1) if line.strip()]
        if len(lines) > settings.max_batch_records:
            raise _Fail(problem(
                "body-too-large",
                f"记录过多（{len(lines)} 条，上限 {settings.max_batch_records} 条）/ "
                f"too many records ({len(lines)}, limit {settings.max_batch_records})",
                limit=settings.max_batch_records,
            ))
        batch_id = _new_id()

        async def generate() -> Any:
            for n, line in lines:
                did = _new_id()
                try:
                    report = await _timed(_evaluate_one, line, options)
                except (EnshiRulesError, _Fail) as exc:
                    pb = exc.body if isinstance(exc, _Fail) else problem_from_exception(exc)
                    _log(did, "evaluate/batch", line, _log_options(options), problem_body=pb)
                    rec = {"line": n, "case_id": _case_id(line), "decision_id": did, "error": pb}
                    yield (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
                    continue
                text = report.to_json(indent=None)
                _log(did, "evaluate/batch", line, _log_options(options), report_json=text)
                yield _with_decision(text, did) + b"\n"

        return StreamingResponse(generate(), media_type=_NDJSON, headers={DECISION_HEADER: batch_id})

    def _explain_one(body: bytes, options: dict[str, Any], rule_id: str | None) -> str:
        doc = with_overrides(body, day_counting=options["day_counting"], time_in_post=options["time_in_post"])
        try:
            return explain(doc, rule_id, as_of=options["as_of"]).to_json(indent=None)
        except CaseValidationError as exc:
            if [p.path for p in exc.problems] == ["rule_id"]:
                p = exc.problems[0]
                raise _Fail(problem("invalid-request", p.message_en,
                                    problems=[Problem("query.rule_id", p.message_zh, p.message_en)])) from None
            raise

    @v1.post(
        "/explain",
        tags=["decisions"],
        summary="解释认定 / explain each finding of a case (or those of one rule)",
        description=_schemas.EXPLAIN_DESCRIPTION,
        response_model=_schemas.DecisionExplanation,
        responses=_schemas.problem_responses(413, 415, 422, 503),
        openapi_extra={**_schemas.case_body(), "parameters": query_parameters("rule_id", "as_of", "day_counting", "time_in_post")},
    )
    async def explain_case(request: Request) -> Response:
        q = _read_query(request, "rule_id", "as_of", "day_counting", "time_in_post")
        rule_id = q["rule_id"]
        options = _options(q["as_of"], q["day_counting"], q["time_in_post"])
        body = await _read_body(request, settings.max_body, media=(_JSON,))
        did = _new_id()
        try:
            text = await _timed(_explain_one, body, options, rule_id)
        except EnshiRulesError as exc:
            return _problem_response(problem_from_exception(exc), did)
        vers = json.dumps(versions(), ensure_ascii=False, separators=(",", ":"))
        out = '{"decision_id":"' + did + '","versions":' + vers + "," + text[1:]
        return _json_response(out.encode("utf-8"), did)

    @v1.get("/calendar/{year}", tags=["measures"], response_model=_schemas.CalendarYear,
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

    @v1.get("/articles", tags=["measures"], response_model=_schemas.ArticleIndex,
            summary="条文目录 / the articles of the measures, with their status and rule counts")
    async def articles() -> Response:
        did = _new_id()
        return _json_response({"decision_id": did, "versions": versions(), **_articles_json.index_json()}, did)

    @v1.get("/articles/{ref}", tags=["measures"], response_model=_schemas.ArticleDetail,
            responses=_schemas.problem_responses(404),
            summary="一条条文 / one article: its units, status, rules and interpretations")
    async def article(ref: str = Path(description="27, 27.2, 27.2.1, 第二十七条 or 第二十七条第二款")) -> Response:
        did = _new_id()
        unit = _articles_json.parse_unit_ref(ref)
        art = _articles_json.article_json(unit[0]) if unit else None
        if unit is None or art is None:
            raise _Fail(problem("not-found", f"没有条文 {ref!r}（第一条至第三十五条）/ no article {ref!r} (1 to 35)"))
        uid = _articles_json.unit_of(unit)
        return _json_response({"decision_id": did, "versions": versions(), "unit": uid, "article": art}, did)

    @v1.get("/schema/case", tags=["schemas"], response_model=_schemas.SchemaDoc,
            summary="案件文档的 JSON Schema / the JSON Schema of a case document")
    async def schema_case() -> Response:
        did = _new_id()
        return _json_response({"decision_id": did, "versions": versions(), "schema": Case.model_json_schema()}, did)

    @v1.get("/schema/report", tags=["schemas"], response_model=_schemas.SchemaDoc,
            summary="报告的 JSON Schema / the JSON Schema of a report")
    async def schema_report() -> Response:
        did = _new_id()
        return _json_response({"decision_id": did, "versions": versions(),
                               "schema": Report.model_json_schema(mode="serialization")}, did)

    app.include_router(v1)
    # Routers of other parts of the package are included here, one line each:
    # the workbench for legal staff at "/" (docs/workbench.md), behind the same tokens as /v1
    app.include_router(workbench.router, dependencies=[Depends(require_token)])

    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"],
                           expose_headers=[DECISION_HEADER])
    return app


def create_app_from_env() -> FastAPI:
    """The application of one worker process, with the settings ``enshi-rules serve`` put in the environment."""
    text = os.environ.get(SETTINGS_ENV)
    return create_app(ServerSettings.from_env(text) if text else None)
