"""The workbench's pages, as a FastAPI router mounted at ``/`` by ``enshi-rules serve``.

Server-rendered (Jinja2); the only script (``static/workbench.js``) shows the chosen input panel and
opens the print dialog, and every page works without it. Nothing is fetched from another host.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .._evaluate.text_report import plain_zh
from .._evaluate.versions import PACKAGE_VERSION
from .._law import text as _text
from .._law.article_map import find_root
from ..facts import MAX_DOCUMENT_BYTES
from . import _catalog, _chart, _docx, _records, _trial, _views

__all__ = ["EXAMPLES_DIR", "bundled_examples", "router"]

router = APIRouter(include_in_schema=False)

#: A form post larger than this is refused before it is read (a case document and the form around it).
MAX_FORM_BYTES = 2 * MAX_DOCUMENT_BYTES + 100_000

_STATIC = {"workbench.css": "text/css; charset=utf-8", "print.css": "text/css; charset=utf-8", "workbench.js": "text/javascript; charset=utf-8"}


def _fid(path: str) -> str:
    return "f-" + re.sub(r"[^A-Za-z0-9_-]+", "-", path).strip("-")


def _field_label(path: str) -> str:
    return _trial.field_name(path)


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("enshi_rules.workbench", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        version=PACKAGE_VERSION,
        source=_text.regulation().source.replace("【法宝引证码】", "法宝引证码").strip(),
        reg_title=_text.REGULATION_TITLE,
        article_count=_text.ARTICLE_COUNT,
        numeral=_text.to_chinese_numeral,
        unit_href=_catalog.unit_href,
        rule_href=_catalog.rule_href,
        tiaoli_title=_text.TIAOLI.title,
        fid=_fid,
        field_label=_field_label,
        decl=lambda x: type(x).__name__,
        plain_zh=plain_zh,  # a register text in a report: rules and fields in words (review 2, item 10)
    )
    return env


def _page(name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    ctx.setdefault("q", "")
    ctx.setdefault("title", "")
    return HTMLResponse(_env().get_template(name).render(**ctx), status_code=status)


# ---------------------------------------------------------------------------- static files


@router.get("/static/{name}")
def static(name: str) -> Response:
    if name not in _STATIC:
        return Response("not found", status_code=404, media_type="text/plain")
    body = resources.files(__package__).joinpath("static").joinpath(name).read_bytes()
    return Response(body, media_type=_STATIC[name], headers={"Cache-Control": "no-cache"})


# ---------------------------------------------------------------------------- 条文对照


@router.get("/", response_class=HTMLResponse)
def index() -> HTMLResponse:
    return _page("index.html", title="条文对照", nav="articles", index=_catalog.article_index(), map_ok=_catalog.map_available())


@router.get("/articles", response_class=HTMLResponse)
def find(q: str = "") -> Response:
    unit = _catalog.resolve_query(q)
    if unit is not None:
        return RedirectResponse(_catalog.unit_href(unit), status_code=303)
    return _page(
        "index.html",
        title=f"查找：{q}" if q else "条文对照",
        nav="articles",
        q=q,
        results=_catalog.search(q),
        index=_catalog.article_index() if not q else [],
        map_ok=_catalog.map_available(),
    )


@router.get("/articles/{n}", response_class=HTMLResponse)
def article(n: str) -> HTMLResponse:
    unit = _catalog.resolve_query(n)
    if unit is None or "__" in unit:
        return _page("error.html", 404, title="没有这一条", message=f"《{_text.REGULATION_TITLE}》共 {_text.ARTICLE_COUNT} 条，没有“{n}”。")
    a = _catalog.article_view(int(unit.removeprefix("art_")))

    def tests_for(u: _catalog.UnitView, rule_id: str) -> list[str]:
        return [t.node_id for t in u.tests if rule_id in t.rules]

    return _page("article.html", title=a.label, nav="articles", a=a, tests_for=tests_for)


@router.get("/tiaoli", response_class=HTMLResponse)
def tiaoli_index() -> HTMLResponse:
    """The verified excerpts of 《行政执法监督条例》, article by article, with what the file lacks."""
    reg = _text.regulation(_text.TIAOLI)
    return _page(
        "index.html",
        title=f"《{reg.title}》节录",
        nav="tiaoli",
        index=_catalog.article_index(_text.TIAOLI),
        map_ok=_catalog.map_available(_text.TIAOLI),
        doc=_excerpt_context(reg),
    )


def _excerpt_context(reg: _text.Regulation) -> dict[str, Any]:
    return {
        "title": reg.title,
        "base": "/tiaoli",
        "map_file": reg.instrument.map_file,
        "source": reg.source,
        "held": _text.held_labels(reg),
        "gaps": "；".join(reg.gaps),
        "sources_file": reg.source_url,
    }


@router.get("/tiaoli/{n}", response_class=HTMLResponse)
def tiaoli_article(n: str) -> HTMLResponse:
    reg = _text.regulation(_text.TIAOLI)
    num = int(n) if n.isdigit() and len(n) <= 2 else None
    if num is None or num not in reg.articles:
        held = _text.held_labels(reg)
        return _page(
            "error.html", 404, title="节录中没有这一条",
            message=f"《{reg.title}》的节录只有{held}；“{n}”没有取得原文，不显示、不引用、不推断。",
        )
    a = _catalog.article_view(num, _text.TIAOLI)

    def tests_for(u: _catalog.UnitView, rule_id: str) -> list[str]:
        return [t.node_id for t in u.tests if rule_id in t.rules]

    return _page("article.html", title=f"条例{a.label}", nav="tiaoli", a=a, tests_for=tests_for, doc=_excerpt_context(reg))


@router.get("/interpretations", response_class=HTMLResponse)
def interpretations() -> HTMLResponse:
    return _page("interpretations.html", title="解释性选择", nav="interpretations", groups=_catalog.interpretation_views())


# ---------------------------------------------------------------------------- 试算


def EXAMPLES_DIR() -> Path | None:  # noqa: N802 - a computed constant
    try:
        d = find_root() / "examples"
    except FileNotFoundError:
        return None
    return d if d.is_dir() else None


def bundled_examples() -> list[tuple[str, str]]:
    """(name, title) of the bundled example cases, by file name."""
    d = EXAMPLES_DIR()
    if d is None:
        return []
    out = []
    for p in sorted(d.glob("*.json")):
        try:
            case_id = json.loads(p.read_text(encoding="utf-8")).get("case_id", p.stem)
        except (OSError, ValueError, AttributeError):
            continue
        out.append((p.stem, f"{case_id}（{p.stem}）"))
    return out


def _example(name: str) -> dict[str, Any] | None:
    d = EXAMPLES_DIR()
    if d is None or name not in {n for n, _ in bundled_examples()}:
        return None
    return json.loads((d / f"{name}.json").read_text(encoding="utf-8"))


def _organ_options(doc: dict[str, Any] | None, values: dict[str, Any]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    organs = _trial.organ_choices()
    new_id = values.get("organs[0].id")
    if new_id and new_id not in {i for i, _ in organs}:
        return organs, [(new_id, f"{values.get('organs[0].name') or new_id}（下面新增的机关）")] + organs
    return organs, [(_trial.NEW_ORGAN, "下面新增的机关")] + organs


class _FormFields(frozenset):
    """The fields of the form: the fixed ones, and every field and row of the repeatable records."""

    def __contains__(self, path: object) -> bool:
        return frozenset.__contains__(self, path) or (isinstance(path, str) and _records.field_name(path) is not None)


_FORM_FIELDS = _FormFields(set(_trial.FORM_FIELDS) | {"as_of", "day_counting"})


def _new_organ_selected(values: dict[str, Any]) -> dict[str, Any]:
    """The values with every organ select that says "the organ added below" (``__new__``) naming
    that organ by its id, once it has one: the option the form then offers for it carries the id
    (``建始县自然资源和规划局（下面新增的机关）``), so the choice stays selected after a row is added or
    removed or a refused 试算 (the supervised and supervising organ, a liability's or a year's organ)."""
    new_id = str(values.get("organs[0].id") or "").strip()
    if not new_id or new_id in {i for i, _ in _trial.organ_choices()}:
        return values
    return {k: new_id if v == _trial.NEW_ORGAN else v for k, v in values.items()}


def _form_page(
    *, values: dict[str, Any], problems: list[Any], mode: str, case_json: str, status: int = 200
) -> HTMLResponse:
    values = _new_organ_selected(values)
    organs, organs_plus = _organ_options(None, values)
    new_id = str(values.get("organs[0].id") or "").strip()
    # the supervising organ is picked from the catalogue; one that is the organ added below (a case
    # document can say so) is offered too, so that it is not lost
    supervising = organs_plus if new_id and values.get("supervising_organ") == new_id else organs
    by_field: dict[str, list[Any]] = {}
    for p in problems:
        by_field.setdefault(_records.anchor_path(p.path), []).append(p)
    return _page(
        "try.html",
        status,
        title="试算",
        nav="try",
        values=values,
        problems=by_field,
        problems_in=lambda prefix: any(k.startswith(prefix) for k in by_field),
        all_problems=problems,
        form_fields=_FORM_FIELDS,
        mode=mode,
        case_json=case_json,
        examples=bundled_examples(),
        organs=organs,
        organs_plus=organs_plus,
        supervising_organs=supervising,
        organ_kinds=[(k, k) for k in _trial.ORGAN_KINDS],
        organ_levels=[(v, v) for v in _trial.ORGAN_LEVELS],
        activities=[(a, a) for a in _trial.ACTIVITIES],
        situation_items=_trial.situation_items(),
        situation_rows=_trial.SITUATION_ROWS,
        decision_orders=_trial.DECISION_ORDERS,
        date_how=_trial.DATE_HOW,
        act_how=_trial.ACT_HOW,
        occurred_how=_trial.OCCURRED_HOW,
        sections=_records.SECTIONS,
        row_count=_records.row_count,
        row_name=_records.row_name,
        section_open=_records.section_open,
        record_organs=[(i, n) for i, n in organs_plus],
        anchor=lambda path: _fid(_records.anchor_path(path)),
    )


@router.get("/try", response_class=HTMLResponse)
def try_form(example: str = "") -> HTMLResponse:
    if example:
        doc = _example(example)
        if doc is None:
            return _page("error.html", 404, title="没有这个示例", message=f"没有名为“{example}”的示例案件。")
        values = _trial.form_from_case(doc)
        if doc.get("as_of"):
            values["as_of"] = doc["as_of"]
        # the guided form covers the common procedure only: a case it cannot hold opens as a document
        mode = "form" if _trial.form_holds(doc) else "paste"
        return _form_page(values=values, problems=[], mode=mode, case_json=json.dumps(doc, ensure_ascii=False, indent=2))
    return _form_page(values={}, problems=[], mode="form", case_json="")


@router.post("/try/edit", response_class=HTMLResponse)
async def try_edit(request: Request) -> HTMLResponse:
    refused = _refuse_large(request)
    if refused is not None:
        return refused
    async with request.form(max_part_size=MAX_FORM_BYTES) as form:
        text = str(form.get("case_json") or "")
        # what the trial had beside the case document (the report's 修改案件 posts it): the 判断日
        # typed, the day counting and 在途时间, so that a re-run judges as the first run did
        trial = {k: str(form.get(k) or "") for k in ("as_of", "day_counting", "time_in_post")}
    doc, problems = _trial.parse_document(text, "case_json")
    values = _trial.form_from_case(doc) if isinstance(doc, dict) else {}
    if isinstance(doc, dict) and doc.get("as_of"):
        values["as_of"] = str(doc["as_of"])
    values |= {k: v for k, v in trial.items() if v}
    # the form when it holds all of the case (legal review 2, item 13), else the document as JSON
    mode = "form" if isinstance(doc, dict) and not problems and _trial.form_holds(doc) else "paste"
    return _form_page(values=values, problems=problems, mode=mode, case_json=text)


@router.post("/try/rows", response_class=HTMLResponse)
async def try_rows(request: Request) -> HTMLResponse:
    """A row added to or removed from one of the form's repeatable records (a submit button, so
    it works without the script): the form again, with everything typed so far."""
    refused = _refuse_large(request)
    if refused is not None:
        return refused
    async with request.form(max_part_size=MAX_FORM_BYTES) as form:
        values = _form_values(form)
        action = str(form.get("row_action") or "")
    values, _ = _records.row_action(values, action)
    return _form_page(values=values, problems=[], mode="form", case_json=str(values.get("case_json") or ""))


def _too_large(path: str) -> _trial.Problem:
    mb = MAX_DOCUMENT_BYTES / 1_000_000
    return _trial.Problem(path, f"案件文件过大（超过 {mb:g} MB）", f"the case document is larger than {mb:g} MB")


def _refuse_large(request: Request) -> HTMLResponse | None:
    """A page saying the post is too large (413), when its declared length says so."""
    try:
        length = int(request.headers.get("content-length") or 0)
    except ValueError:
        length = 0
    if length > MAX_FORM_BYTES:
        return _page("error.html", 413, title="提交的内容过大", message=f"案件文件不能超过 {MAX_DOCUMENT_BYTES / 1_000_000:g} MB。")
    return None


async def _read_trial(request: Request) -> tuple[_trial.TrialInput, dict[str, Any], str, str]:
    async with request.form(max_part_size=MAX_FORM_BYTES) as form:  # closes an uploaded file's temporary file
        return await _read_trial_form(form)


def _form_values(form: Any) -> dict[str, Any]:
    """The posted form as the template reads it: each field's text; a group of checkboxes a list."""
    values: dict[str, Any] = {k: str(v) for k, v in form.items() if isinstance(v, str)}
    values["supervision.decision_letter.orders"] = [str(v) for v in form.getlist("supervision.decision_letter.orders")]
    for k in set(form.keys()):
        if _records.is_multi(k):
            values[k] = [str(v) for v in form.getlist(k) if isinstance(v, str)]
    return values


async def _read_trial_form(form: Any) -> tuple[_trial.TrialInput, dict[str, Any], str, str]:
    mode = str(form.get("mode") or "form")
    values = _form_values(form)
    t = _trial.TrialInput(source=mode)
    t.as_of, problems = _trial.parse_as_of(str(form.get("as_of") or ""))
    t.problems += problems
    counting = str(form.get("day_counting") or "")
    if counting not in ("", "calendar", "working"):
        t.problems.append(_trial.Problem("day_counting", "期间计算方法只能是自然日或工作日", "day counting must be calendar or working"))
        counting = ""
    t.policy = _trial.policy_from(counting, str(form.get("time_in_post") or "") == "true")
    case_json = str(form.get("case_json") or "")
    if mode == "paste":
        if len(case_json.encode("utf-8")) > MAX_DOCUMENT_BYTES:
            t.problems.append(_too_large("case_json"))
        else:
            t.document, problems = _trial.parse_document(case_json, "case_json")
            t.problems += problems
    elif mode == "upload":
        upload = form.get("case_file")
        data = await upload.read(MAX_DOCUMENT_BYTES + 1) if upload is not None and not isinstance(upload, str) else b""
        if not data:
            t.problems.append(_trial.Problem("case_file", "没有选择文件，或文件是空的", "no file chosen, or the file is empty"))
        elif len(data) > MAX_DOCUMENT_BYTES:
            t.problems.append(_too_large("case_file"))
        else:
            t.document, problems = _trial.parse_document(data, "case_file")
            t.problems += problems
            if t.document is not None:
                case_json = json.dumps(t.document, ensure_ascii=False, indent=2)
    else:
        mode = "form"
        values = _records.compact(values)  # rows left empty dropped: the problems' paths are the rows shown
        t.document = _trial.case_from_form(values, form.getlist)
        case_json = json.dumps(t.document, ensure_ascii=False, indent=2)
    return t, values, mode, case_json


@router.post("/try", response_class=HTMLResponse)
async def try_submit(request: Request) -> HTMLResponse:
    refused = _refuse_large(request)
    if refused is not None:
        return refused
    t, values, mode, case_json = await _read_trial(request)
    report, problems = _trial.evaluate_input(t)
    if report is None:
        if mode != "form" and isinstance(t.document, dict):
            values = {**_trial.form_from_case(t.document), **{k: values[k] for k in ("as_of", "day_counting", "time_in_post") if k in values}}
        return _form_page(values=values, problems=problems, mode=mode, case_json=case_json, status=422)
    return _report_page(t, report, case_json, values.get("day_counting", ""), values.get("time_in_post") == "true")


def _report_page(t: _trial.TrialInput, report: Any, case_json: str, day_counting: str, time_in_post: bool) -> HTMLResponse:
    """The report; its 修改案件 posts the case document and the trial's 判断日 (as typed, blank when
    none was: the document's own or today's then applies again), day counting and 在途时间."""
    view = _views.report_view(report, _trial.explain_input(t, report))
    return _page(
        "report.html",
        title=f"试算报告 {report.case_id}",
        nav="try",
        r=view,
        chart=Markup(_chart.timeline_svg(report)),
        case_json=case_json,
        day_counting=day_counting,
        time_in_post=time_in_post,
        typed_as_of=t.as_of.isoformat() if t.as_of else "",
    )


@router.get("/examples/{name}", response_class=HTMLResponse)
def example_report(name: str) -> HTMLResponse:
    """The report of a bundled example at its own as-of date (a printable page to link to)."""
    doc = _example(name)
    if doc is None:
        return _page("error.html", 404, title="没有这个示例", message=f"没有名为“{name}”的示例案件。")
    t = _trial.TrialInput(document=doc, source="example")
    report, problems = _trial.evaluate_input(t)
    if report is None:
        return _form_page(values=_trial.form_from_case(doc), problems=problems, mode="paste", case_json=json.dumps(doc, ensure_ascii=False, indent=2), status=422)
    return _report_page(t, report, json.dumps(doc, ensure_ascii=False, indent=2), "", False)


@router.post("/report.docx")
async def report_docx(request: Request) -> Response:
    refused = _refuse_large(request)
    if refused is not None:
        return refused
    async with request.form(max_part_size=MAX_FORM_BYTES) as form:
        fields = {k: str(v) for k, v in form.items() if isinstance(v, str)}
    form = fields
    t = _trial.TrialInput(source="paste")
    t.as_of, t.problems = _trial.parse_as_of(str(form.get("as_of") or ""))
    counting = str(form.get("day_counting") or "")
    t.policy = _trial.policy_from(counting if counting in ("calendar", "working") else "", str(form.get("time_in_post") or "") == "true")
    text = str(form.get("case_json") or "")
    t.document, problems = _trial.parse_document(text, "case_json")
    t.problems += problems
    report, problems = _trial.evaluate_input(t)
    if report is None:
        return _form_page(values={}, problems=problems, mode="paste", case_json=text, status=422)
    data = _docx.render_docx(report)
    filename = f"report-{re.sub(r'[^A-Za-z0-9_.-]+', '_', report.case_id)}.docx"
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
