"""The shapes of the service's requests and responses, for its OpenAPI document."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .._evaluate.explain import Explanation
from .._evaluate.problems import KINDS
from ..facts import Case
from ..report import Report, Versions

__all__ = [
    "BATCH_DESCRIPTION", "DESCRIPTION", "EXPLAIN_DESCRIPTION", "ArticleDetail", "ArticleIndex", "DecisionExplanation", "DecisionReport", "Health", "ProblemDetails",
    "CalendarYear", "SchemaDoc", "VersionInfo", "add_components", "batch_body", "case_body", "problem_responses",
    "ENUM_VARNAMES", "OPERATION_IDS", "SERVERS", "TAGS", "batch_response",
]

#: The operationIds, stable: a client generated against them names its methods after them
#: (``evaluateCase``), so they are never renamed within /v1 (tests/server/test_openapi.py pins them).
OPERATION_IDS = {
    ("post", "/v1/evaluate"): "evaluateCase",
    ("post", "/v1/evaluate/batch"): "evaluateBatch",
    ("post", "/v1/explain"): "explainCase",
    ("get", "/v1/calendar/{year}"): "getCalendarYear",
    ("get", "/v1/articles"): "listArticles",
    ("get", "/v1/articles/{ref}"): "getArticle",
    ("get", "/v1/schema/case"): "getCaseSchema",
    ("get", "/v1/schema/report"): "getReportSchema",
    ("get", "/v1/version"): "getVersion",
    ("get", "/healthz"): "getHealth",
}

#: The document's servers: the service's default address, and a relative one (the host that served
#: the document). A platform sets its own base URL (its gateway) in the generated client.
SERVERS = [
    {"url": "http://127.0.0.1:8000", "description": "enshi-rules serve 的默认地址 / the default address of enshi-rules serve"},
    {"url": "/", "description": "提供本文档的主机 / the host that served this document"},
]

TAGS = [
    {"name": "decisions", "description": "评估与解释案件 / evaluate and explain case documents (each answer logged with its decision id)"},
    {"name": "measures", "description": "条文与节假日日历 / the articles of the measures and the holiday calendar"},
    {"name": "schemas", "description": "案件与报告的 JSON Schema / the JSON Schemas of a case document and of a report"},
    {"name": "service", "description": "存活检查与版本 / liveness and versions"},
]

#: ASCII constant names of the enum values that are Chinese (``x-enum-varnames``): a code generator
#: (openapi-generator's Java one) derives names from values by replacing non-word characters, which
#: leaves nothing of a Chinese value. The values stay Chinese; these names are stable like operationIds.
ENUM_VARNAMES: dict[str, str] = {
    # AssessmentScope
    "综合": "COMPREHENSIVE", "专项": "SPECIAL",
    # ClueKind
    "违纪": "DISCIPLINE_VIOLATION", "贪污贿赂": "CORRUPTION_BRIBERY", "失职渎职": "DERELICTION_OF_DUTY",
    "其他职务违法犯罪": "OTHER_DUTY_CRIME",
    # ClueRecipient
    "监察委员会": "SUPERVISORY_COMMISSION", "纪律检查委员会": "DISCIPLINE_INSPECTION_COMMISSION",
    "纪检监察机关": "DISCIPLINE_SUPERVISION_ORGAN", "公安机关": "PUBLIC_SECURITY_ORGAN", "检察机关": "PROCURATORATE",
    "其他": "OTHER",
    # Complainant
    "公民": "CITIZEN", "法人": "LEGAL_PERSON", "其他组织": "OTHER_ORGANIZATION",
    # ConfidentialMatter
    "国家秘密": "STATE_SECRET", "商业秘密": "TRADE_SECRET", "个人隐私": "PERSONAL_PRIVACY",
    # DecisionOrder
    "限期履行法定职责": "PERFORM_DUTY_WITHIN_TIME_LIMIT", "重新作出行政行为": "REDO_ADMINISTRATIVE_ACT",
    "撤销行政行为": "REVOKE_ADMINISTRATIVE_ACT",
    # EnforcementActivity
    "行政许可": "LICENSING", "行政处罚": "PENALTY", "行政强制": "COMPULSION", "行政检查": "INSPECTION",
    "行政征收征用": "EXPROPRIATION_REQUISITION", "行政给付": "BENEFIT_PAYMENT", "行政确认": "CONFIRMATION",
    "行政裁决": "ADJUDICATION", "行政奖励": "REWARD",
    # LiabilityRole
    "直接负责的主管人员": "RESPONSIBLE_SUPERVISOR", "其他直接责任人员": "OTHER_DIRECTLY_RESPONSIBLE",
    # MisconductKind
    "滥用职权": "ABUSE_OF_POWER", "玩忽职守": "NEGLECT_OF_DUTY", "徇私舞弊": "FAVOURITISM_MALPRACTICE",
    # ObstructionConduct
    "拒绝": "REFUSE", "阻碍": "OBSTRUCT", "不如实反映情况": "MISREPRESENT_FACTS", "不提供资料": "WITHHOLD_MATERIALS",
    "不配合": "NOT_COOPERATE",
    # ObstructionParty
    "被监督机关": "SUPERVISED_ORGAN", "其他单位和个人": "OTHER_UNITS_AND_PERSONS",
    # OrganKind
    "人民政府": "PEOPLES_GOVERNMENT", "工作部门": "WORKING_DEPARTMENT", "司法行政部门": "JUSTICE_ADMINISTRATION",
    "派出机关": "DISPATCHED_ORGAN", "派出机构": "DISPATCHED_AGENCY", "法制机构": "LEGAL_AFFAIRS_OFFICE",
    "司法所": "JUDICIAL_OFFICE", "乡镇综合行政执法": "TOWNSHIP_COMPREHENSIVE_ENFORCEMENT",
    "法律法规授权的组织": "AUTHORIZED_ORGANIZATION",
    # OrganLevel
    "州": "PREFECTURE", "县（市）": "COUNTY_CITY", "乡（镇）": "TOWNSHIP_TOWN", "街道": "SUBDISTRICT",
    # ReviewResult
    "合法适当": "LAWFUL_AND_PROPER", "不合法": "UNLAWFUL", "明显不当": "MANIFESTLY_IMPROPER",
    # SourceKind, SpecialSource
    "人大代表建议": "NPC_DEPUTY_PROPOSAL", "政协委员提案": "CPPCC_MEMBER_PROPOSAL", "司法建议": "JUDICIAL_RECOMMENDATION",
    "监察建议": "SUPERVISORY_RECOMMENDATION", "上级交办事项": "ASSIGNED_BY_SUPERIOR",
    "社会普遍关注的热点问题": "PUBLIC_CONCERN_ISSUE", "具有较大影响的案件": "HIGH_IMPACT_CASE",
    "行政执法社会监督员": "SOCIAL_SUPERVISOR", "专项行动": "SPECIAL_CAMPAIGN",
    # SpecialSupervision
    "行政复议": "ADMINISTRATIVE_RECONSIDERATION", "监察": "SUPERVISION", "审计": "AUDIT",
    "行政规范性文件备案审查": "NORMATIVE_DOCUMENT_FILING_REVIEW",
}

DESCRIPTION = """\
《恩施土家族苗族自治州行政执法监督办法》的规则，作为决策服务：提交案件文档，得到引用到条、款、项的认定。

The measures as a decision service: post a case document (the JSON Schema is `GET /v1/schema/case`),
get the cited report. Every response carries a `decision_id` (a UUID; also the `Enshi-Decision-Id`
header) and the `versions` it was computed with. Errors are RFC 9457 problem details
(`application/problem+json`); an invalid case lists every problem with its field path, in Chinese and
English.
"""


_PROBLEM_CONTENT = "application/problem+json"


class Health(BaseModel):
    status: str
    decision_id: str
    versions: Versions


class VersionInfo(BaseModel):
    decision_id: str
    versions: Versions


class DecisionReport(Report):
    """The report of one decision, with its id."""

    decision_id: str = Field(description="a UUID naming this decision (also in the Enshi-Decision-Id header)")


class ProblemItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str = Field(description="the field path in the case document, or query.NAME for a parameter")
    message_zh: str
    message_en: str


class ProblemDetails(BaseModel):
    """An RFC 9457 problem object, with the library's own problems."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="urn:enshi-rules:problem:KIND; the kinds: " + ", ".join(sorted(KINDS)))
    title: str
    status: int
    detail: str
    problems: list[ProblemItem] | None = None
    decision_id: str
    versions: Versions
    limit: int | None = Field(None, description="body-too-large: the limit exceeded (bytes, or records of a batch)")
    year: int | None = Field(None, description="calendar-data-missing: the year without a holiday calendar")
    field: str | None = Field(None, description="calendar-data-missing: the case field whose period needs that year")


class BatchLineError(BaseModel):
    """A line of ``/v1/evaluate/batch`` for a record that could not be evaluated."""

    model_config = ConfigDict(extra="forbid")

    line: int = Field(description="the record's line number in the request body (1 = the first line)")
    case_id: str | None = Field(description="the record's case_id, when the record can be read")
    decision_id: str
    error: ProblemDetails


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for these statuses, each a problem object."""
    titles: dict[int, list[str]] = {}
    for status, title in KINDS.values():
        titles.setdefault(status, []).append(title)
    out: dict[int | str, dict[str, Any]] = {}
    for s in statuses:
        out[s] = {
            "description": "; ".join(titles.get(s, ["problem"])),
            "content": {_PROBLEM_CONTENT: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}},
        }
    return out


def invalid_request_response() -> dict[int | str, dict[str, Any]]:
    """The 422 of an operation whose only 422 is its query: a parameter it does not take, one given
    twice, or a bad value."""
    return {422: {
        "description": "请求参数无效：未知、重复或取值无效的查询参数 / invalid request parameter: a query parameter that "
                       "is unknown, given twice or has a bad value",
        "content": {_PROBLEM_CONTENT: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}},
    }}


_DECISION_HEADER = {"Enshi-Decision-Id": {"$ref": "#/components/headers/EnshiDecisionId"}}


def batch_response() -> dict[str, Any]:
    """The 200 of ``/v1/evaluate/batch``: JSON Lines, each line a ``BatchLine``."""
    return {
        "description": "JSON Lines, streamed: one BatchLine per input record, in input order (a DecisionReport, or a "
                       "BatchLineError for a record that could not be evaluated, also one that ran out of time)",
        "content": {"application/x-ndjson": {
            "schema": {"type": "string", "description": "JSON Lines; each line is a BatchLine (#/components/schemas/BatchLine)"},
            # OpenAPI 3.2's itemSchema for sequential media types, as an extension of 3.1
            "x-itemSchema": {"$ref": "#/components/schemas/BatchLine"},
        }},
    }


def case_body() -> dict[str, Any]:
    """The request body of ``/v1/evaluate``: a case document (read by the library, not by FastAPI)."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}},
        },
    }


def add_components(doc: dict[str, Any]) -> dict[str, Any]:
    """Put the schemas the routes name by reference (the case document, problem objects) in ``doc``."""
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    # FastAPI documents its own validation error for every operation with parameters; the service
    # answers with a problem object instead (the exception handler), so the document says that.
    generic = "#/components/schemas/HTTPValidationError"
    for ops in doc.get("paths", {}).values():
        for op in ops.values():
            r422 = op.get("responses", {}).get("422")
            if r422 and r422.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref") == generic:
                r422["content"] = {_PROBLEM_CONTENT: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}
                r422["description"] = KINDS["invalid-request"][1]
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    # Bearer tokens (--tokens): every /v1 operation but the API document itself; /healthz never. One
    # document serves both modes, so the requirement is optional ({}): none without --tokens.
    doc["components"]["securitySchemes"] = {
        "HTTPBearer": {"type": "http", "scheme": "bearer",
                       "description": "服务以 --tokens 运行时必需，否则不需要 / required when the service runs with --tokens, "
                                      "not needed otherwise (hence the optional requirement)"},
    }
    doc["components"]["headers"] = {
        "EnshiDecisionId": {"description": "本次应答的决策编号（UUID），与正文的 decision_id 相同 / the decision id of this "
                                           "answer (a UUID), as decision_id in the body",
                            "schema": {"type": "string", "format": "uuid"}},
    }
    for path, ops in doc.get("paths", {}).items():
        for method, op in ops.items():
            if path.startswith("/v1/"):
                op["security"] = [{}, {"HTTPBearer": []}]
            # every path answers these, with a problem object (and 401 under /v1 with --tokens)
            extra = problem_responses(404, 405, 500)
            for status, resp in extra.items():
                op["responses"].setdefault(str(status), resp)
            for status, resp in op["responses"].items():
                if status == "200" and path not in ("/v1/evaluate/batch",):
                    resp["description"] = _OK.get(op.get("operationId", ""), resp["description"])
                resp.setdefault("headers", {}).update(_DECISION_HEADER)
            op["responses"] = dict(sorted(op["responses"].items()))
    for model in (Case, ProblemDetails, BatchLineError):
        s = model.model_json_schema(ref_template="#/components/schemas/{model}", mode="validation" if model is Case else "serialization")
        for name, sub in s.pop("$defs", {}).items():
            schemas.setdefault(name, sub)
        schemas[model.__name__] = s
    schemas["BatchLine"] = {
        "title": "BatchLine",
        "description": "一行批量结果 / one line of /v1/evaluate/batch: the report, or the error of a record",
        "oneOf": [{"$ref": "#/components/schemas/DecisionReport"}, {"$ref": "#/components/schemas/BatchLineError"}],
    }
    _add_enum_varnames(schemas)
    _require_what_is_always_sent(doc)
    return doc


#: Properties of a response the service leaves out instead of sending null (the report's
#: ``instrument`` when it is the measures').
_OMITTED_WHEN_NONE = frozenset({"instrument"})


def _refs(node: Any) -> set[str]:
    out: set[str] = set()
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            out.add(ref.rsplit("/", 1)[1])
        for v in node.values():
            out |= _refs(v)
    elif isinstance(node, list):
        for v in node:
            out |= _refs(v)
    return out


def _closure(names: set[str], schemas: dict[str, Any]) -> set[str]:
    seen: set[str] = set()
    todo = list(names)
    while todo:
        n = todo.pop()
        if n in seen or n not in schemas:
            continue
        seen.add(n)
        todo += _refs(schemas[n])
    return seen


def _require_what_is_always_sent(doc: dict[str, Any]) -> None:
    """Every property of a response-only schema is ``required`` (the service always sends it, null
    or not), so that a generated client needs no null-or-absent wrapper for it; schemas a request
    uses too (the case document's) keep their optional fields."""
    schemas = doc["components"]["schemas"]
    responses: set[str] = set()
    requests: set[str] = set()
    for item in doc["paths"].values():
        for op in item.values():
            responses |= _refs(op.get("responses", {}))
            requests |= _refs(op.get("requestBody", {})) | _refs(op.get("parameters", []))
    for name in sorted(_closure(responses, schemas) - _closure(requests, schemas) - {"ProblemDetails", "ProblemItem"}):
        props = schemas[name].get("properties")
        if props:
            schemas[name]["required"] = [p for p in props if p not in _OMITTED_WHEN_NONE]


_OK = {
    "evaluateCase": "报告 / the report, with its decision id",
    "explainCase": "解释 / the explanation of each finding",
    "getCalendarYear": "该年日历 / the year's calendar",
    "listArticles": "条文目录 / the articles",
    "getArticle": "条文 / the article",
    "getCaseSchema": "JSON Schema",
    "getReportSchema": "JSON Schema",
    "getVersion": "版本 / the versions",
    "getHealth": "服务运行中 / the service is up",
}


def _add_enum_varnames(node: Any) -> None:
    """``x-enum-varnames`` beside every enum with a non-ASCII value (ENUM_VARNAMES; KeyError for a value
    without a name, so a new enum value cannot be published without one)."""
    if isinstance(node, dict):
        values = node.get("enum")
        if isinstance(values, list) and any(isinstance(v, str) and not v.isascii() for v in values):
            node["x-enum-varnames"] = [ENUM_VARNAMES[v] if not v.isascii() else v.upper() for v in values]
        for v in node.values():
            _add_enum_varnames(v)
    elif isinstance(node, list):
        for v in node:
            _add_enum_varnames(v)


BATCH_DESCRIPTION = """\
一行一个案件文档（JSON Lines），一行一个结果，按输入顺序，边算边返回。
One case document per line (JSON Lines, `Content-Type: application/x-ndjson`); one line out per
record, in input order, streamed as each is evaluated: the report with its own `decision_id`, or for a
record that could not be evaluated `{"line": N, "case_id": ..., "decision_id": ..., "error": PROBLEM}`
(`case_id` is null when the record cannot be read). Bounded: the body is at most four times the case
document size limit and holds at most the configured number of records (413 beyond either); blank
lines are skipped.
"""


def batch_body() -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/x-ndjson": {"schema": {"type": "string", "description": "one case document per line"},
                                         "x-itemSchema": {"$ref": "#/components/schemas/Case"}},
            },
        },
    }


class ChapterRef(BaseModel):
    number: int
    label: str
    title: str


class ArticleSummary(BaseModel):
    article: int
    label: str
    chapter: ChapterRef
    citation: str
    status: str | None
    status_zh: str
    rule_count: int


class ArticleIndex(BaseModel):
    decision_id: str
    versions: Versions
    title: str
    articles: list[ArticleSummary]


class UnitRule(BaseModel):
    rule_id: str
    modality: str
    subject: str
    citation: str
    summary: str


class UnitInterpretation(BaseModel):
    id: str
    title: str
    choice: str


class UnitDetail(BaseModel):
    id: str
    article: int
    paragraph: int | None
    item: int | None
    citation: str
    text: str
    status: str | None
    status_zh: str
    reason: str
    note: str
    rules: list[UnitRule]
    interpretations: list[UnitInterpretation]


class ArticleFull(ArticleSummary):
    text: str
    units: list[UnitDetail]


class ArticleDetail(BaseModel):
    decision_id: str
    versions: Versions
    unit: str = Field(description="the unit asked for (art_27 for the whole article, art_27__para_2, ...)")
    article: ArticleFull


class SchemaDoc(BaseModel):
    decision_id: str
    versions: Versions
    schema_: dict[str, Any] = Field(alias="schema", description="a JSON Schema (draft 2020-12)")


EXPLAIN_DESCRIPTION = """\
每一项认定的解释：所引条文、规则条件（中文）、满足条件的事实及其字段路径、推导链、期间逐日计算、所依据的解释性选择。
The explanation of each finding (``enshi_rules.explain``, ``docs/explain.md``): the text of the cited
unit, the rule's condition in Chinese words, each fact and value that satisfied it with its case field
path, the chain of derived facts, the period counted day by day, and the interpretations relied on.
The body is a case document, as for `/v1/evaluate`; `rule_id` selects the findings of one rule (or of
a prefix: `art_027.p2`, `art_027`); a `rule_id` with no finding is a 422 `invalid-request`.
"""


class DecisionExplanation(Explanation):
    """The explanation of one decision, with its id and versions."""

    decision_id: str
    versions: Versions


class CalendarDay(BaseModel):
    date: str
    name: str | None


class CalendarLayer(BaseModel):
    basis: str = Field(description="package (chinesecalendar), file (a calendar file or the shipped 州庆 notices), provisional")
    source: str
    provisional: bool
    days_off: list[CalendarDay] = Field(description="days that are not working days (a weekend day not listed is off anyway)")
    working_days: list[str] = Field(description="weekend days made working days (调休上班)")


class CalendarYear(BaseModel):
    decision_id: str
    versions: Versions
    year: int
    national: CalendarLayer
    prefecture: CalendarLayer | None = Field(description="州庆 days off of the prefecture, when that year's notice is known")
    prefecture_notice_unknown: bool = Field(description="no 州庆 notice for that year: a period ending 8月17日-23日 is provisional")
