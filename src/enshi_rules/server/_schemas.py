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
]

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
    # Bearer tokens (--tokens): every /v1 operation but the API document itself; /healthz never.
    doc["components"]["securitySchemes"] = {
        "HTTPBearer": {"type": "http", "scheme": "bearer",
                       "description": "需要时（--tokens）/ required when the service runs with --tokens"},
    }
    for path, ops in doc.get("paths", {}).items():
        if path.startswith("/v1/"):
            for op in ops.values():
                op["security"] = [{"HTTPBearer": []}]
    for model in (Case, ProblemDetails):
        s = model.model_json_schema(ref_template="#/components/schemas/{model}", mode="validation" if model is Case else "serialization")
        for name, sub in s.pop("$defs", {}).items():
            schemas.setdefault(name, sub)
        schemas[model.__name__] = s
    return doc


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
                "application/x-ndjson": {"schema": {"type": "string", "description": "one case document per line"}},
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
