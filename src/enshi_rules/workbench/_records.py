"""The guided form's repeatable records (legal review 2, item 13): 现场监督 (第二十三条、第二十四条),
责任追究与容错 (第三十二条), the annual records of 第十五、十八、十九条, 投诉、举报 (第十条第二款),
问题线索移送 (第三十一条), and the records of 第三十三条 (conduct) and 第二十五、三十四条 (obstructions).

Each section is declared once below (:data:`SECTIONS`): its rows, every field with its Chinese
label and the article it serves, and how the field is written in the case document. Everything
else is derived from that declaration: the inputs of the form (``_fields.html``'s ``rows`` macro),
the case document a posted form describes (:func:`records_from_form`), the form's values for a
case document (:func:`form_from_records`, so 修改案件 returns every field), the Chinese name of a
field for the error summary (:func:`field_name`), and adding or removing a row (:func:`row_action`).

An input's ``name`` is the field path of the case document (``inspections[0].supervisors[1].name``),
the same path a validation problem names, so each problem is shown next to its field. The number
of rows shown is ``<path>~rows`` (a hidden input); rows left empty are dropped and the others
renumbered (:func:`compact`) before the document is built, so the paths of the problems are the
paths of the rows the form shows again. Nothing is guessed: a field left blank is left out of the
document, and the case format's own default applies (said beside the field).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..facts.measures import (
    AssessmentScope,
    ClueKind,
    ClueRecipient,
    Complainant,
    ConfidentialMatter,
    LiabilityRole,
    MisconductKind,
    ObstructionConduct,
    ObstructionParty,
)

__all__ = [
    "F",
    "Obj",
    "Rows",
    "SECTIONS",
    "anchor_path",
    "compact",
    "date_value",
    "field_name",
    "form_from_records",
    "how_of",
    "is_multi",
    "records_from_form",
    "row_action",
    "row_count",
    "row_name",
    "section_open",
]

#: The suffix of the hidden input holding how many rows a list shows.
ROWS = "~rows"
#: The suffix of the choice beside a date saying how much of it is known (as in ``_trial``).
HOW = "~how"

_YES_NO = (("true", "是"), ("false", "否"))
_WORDS = frozenset({"done", "not_done", "unknown"})


def date_value(raw: str, how: str, *, act: bool) -> str:
    """A date field of the form as the case document writes it: the day as typed; its month
    (``2025-05``) or year (``2025``) when only that is known; ``done`` / ``not_done`` / ``unknown``
    for an act. What does not fit is passed on so that the loader names the field: a month or year
    without a day picked, a date with 未做 or 是否已做不详."""
    if how in ("month", "year"):
        if not raw:
            return how  # refused by the loader at this field: pick a day of the month or year
        return raw[:7] if how == "month" else raw[:4]
    if act and how in _WORDS:
        if not raw:
            return how
        if how == "done":
            return raw  # done on the day given
        return f"{raw}（{how}）"  # a day and 未做 / 不详 at once: the loader refuses it at this field
    return raw


def how_of(value: str) -> tuple[str, str]:
    """The form's (day, how) for a value of the case document."""
    if value in _WORDS:
        return "", value
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}", value):
        return value + "-01", "month"
    if re.fullmatch(r"[0-9]{4}", value):
        return value + "-01-01", "year"
    return value, ""




@dataclass(frozen=True)
class F:
    """One field of a record.

    ``kind``: ``text``; ``int`` (a number typed); ``choice`` (a select of texts); ``intchoice`` (a
    select of numbers); ``organ`` (a select of organs); ``bool3`` (a select: 是/否, blank leaves the
    field out); ``day`` (a date of any precision); ``act`` (also 已做，日期不详 / 未做 / 是否已做不详);
    ``occurred`` (a date, or 已发生，日期不详); ``multi`` / ``multiint`` (checkboxes).
    """

    key: str
    kind: str
    label: str  # on the form, with the article it serves
    name: str  # in the error summary
    options: tuple[tuple[str, str], ...] = ()
    blank: str = "（未填）"
    hint: str = ""
    required: bool = False

    @property
    def dated(self) -> bool:
        return self.kind in ("day", "act", "occurred")


@dataclass(frozen=True)
class Obj:
    """A nested object of a record, present when its ``toggle`` (a select) says ``true``: 容错."""

    key: str
    toggle: F
    fields: tuple[F, ...]
    legend: str = ""


@dataclass(frozen=True)
class Rows:
    """A list of records (or, with ``date``, of dates), each a row that can be added or removed."""

    key: str
    label: str  # a row's name: 现场监督记录 (numbered 1, 2, …)
    fields: tuple[F | Obj | Rows, ...] = ()
    start: int = 1  # rows shown when nothing is filled in
    add: str = ""  # the words of the add button
    date: F | None = None  # a list of dates: each row is one date
    legend: str = ""  # the section's legend (top-level lists)
    lead: str = ""  # a sentence under the legend

    def find(self, key: str) -> F | Obj | Rows | None:
        for f in self.fields:
            if f.key == key:
                return f
        return None


def _items(article: int, paragraph: int, n: int) -> tuple[tuple[str, str], ...]:
    """The items of a paragraph, in the words of the measures (from the shipped text)."""
    from .._law import text as _text

    reg = _text.regulation()
    return tuple((str(i), _text.item_marker(i) + reg.unit(article, paragraph, i).text.rstrip("；。的")) for i in range(1, n + 1))


def _sections() -> tuple[Rows, ...]:
    supervisors = Rows(
        "supervisors",
        "监督人员",
        start=2,
        add="增加一名监督人员",
        fields=(
            F("name", "text", "姓名", "姓名", required=True),
            F("certificate_no", "text", "行政执法监督证件号", "证件号"),
            F("certificate_shown", "bool3", "是否出示行政执法监督证件（第二十四条第（一）项）", "是否出示证件",
              options=(("true", "已出示"), ("false", "未出示")), required=True),
            F("conflict_of_interest", "bool3", "与监督事项是否有利害关系或者有其他情形可能影响公正处理（第二十四条第（二）项）",
              "是否有利害关系", options=(("true", "有"), ("false", "没有")), blank="（未填：按没有）"),
            F("withdrew", "bool3", "是否回避（第二十四条第（二）项；回避的人员不参加，不计入第（一）项的人数）", "是否回避",
              options=(("true", "已回避"), ("false", "未回避")), blank="（未填：按未回避）"),
        ),
    )
    inspections = Rows(
        "inspections",
        "现场监督记录",
        legend="行政执法监督活动：现场监督（第二十三条、第二十四条）",
        lead="每次监督活动一条记录，列明参加的每一名监督人员；第二十四条第（一）项（出示证件、不得少于两人）只适用于现场监督。",
        add="增加一条监督活动记录",
        fields=(
            F("id", "text", "编号（报告中引用，例如 JC-1；各条记录不能相同）", "编号", hint="不填为 inspection（只有一条记录时可不填）"),
            F("on_site", "bool3", "是否现场行政执法监督活动（第二十四条第（一）项）", "是否现场",
              options=(("true", "现场"), ("false", "非现场")), blank="（未填：不详）"),
            F("conducted_on", "day", "监督活动日期", "日期"),
            supervisors,
            F("measures", "multiint", "采取的监督措施（第二十三条）", "监督措施", options=_items(23, 1, 7)),
            F("confidential", "multi", "监督事项涉及（第二十四条第（三）项）", "涉及秘密或隐私",
              options=tuple((c.value, c.value) for c in ConfidentialMatter)),
            F("confidentiality_breached", "bool3", "有关秘密或者隐私是否被泄露（第二十四条第（三）项）", "是否泄露",
              options=(("true", "已泄露"), ("false", "未泄露")), blank="（未填：按未泄露）"),
        ),
    )
    tolerance = Obj(
        "tolerance",
        F("tolerance", "bool3", "是否主张容错（第三十二条第二款）", "是否主张容错", options=(("true", "主张容错"),), blank="（未主张）"),
        (
            F("lawful_performance", "bool3", "容错条件一：在依法履职过程中", "在依法履职过程中",
              options=(("true", "成立"), ("false", "不成立")), blank="（不详）"),
            F("objective_cause", "bool3", "容错条件二：由于客观因素或者难以预见情形", "由于客观因素或者难以预见情形",
              options=(("true", "成立"), ("false", "不成立")), blank="（不详）"),
            F("duties_performed", "bool3", "容错条件三：已经按照职能分工、岗位职责和监督管理工作计划要求履行职责",
              "已经按照要求履行职责", options=(("true", "成立"), ("false", "不成立")), blank="（不详）"),
        ),
        legend="容错（第三十二条第二款）",
    )
    liabilities = Rows(
        "liabilities",
        "责任追究记录",
        legend="责任追究与容错（第三十二条）",
        lead="被监督机关工作人员的行为，每人（或姓名未记录的同一身份的若干人）一条记录；监督机关工作人员的责任适用第三十三条，不在此填写。",
        add="增加一条责任追究记录",
        fields=(
            F("id", "text", "编号（报告中引用，例如 ZR-1；各条记录不能相同）", "编号", required=True),
            F("person", "text", "姓名", "姓名", hint="姓名未记录的可不填，填下面的人数"),
            F("count", "int", "人数（姓名未记录时，本条记录涉及几人）", "人数"),
            F("organ", "organ", "所在机关", "所在机关", blank="（未填：被监督机关）"),
            F("role", "choice", "身份（第三十二条第一款）", "身份", options=tuple((r.value, r.value) for r in LiabilityRole), required=True),
            F("behaviour", "intchoice", "行为（第三十二条第一款所列）", "第三十二条第一款所列行为", options=_items(32, 1, 7), required=True),
            F("description", "text", "情况", "情况"),
            F("acted_on", "occurred", "行为日期（第三十二条只适用于2025年3月1日以后的行为）", "行为日期",
              hint="不填：经调查属实的，按“已发生，日期不详”判断，有关认定只作“可能”"),
            F("confirmed", "bool3", "是否经调查属实", "是否经调查属实", options=(("true", "属实"), ("false", "不属实")), required=True),
            F("suspected_crime", "bool3", "是否涉嫌构成犯罪（第三十二条第一款）", "是否涉嫌犯罪", options=_YES_NO, blank="（未填：按否）"),
            tolerance,
        ),
    )
    annual = Rows(
        "annual_duties",
        "年度记录",
        legend="监督机关的年度义务（第十五条、第十八条、第十九条）",
        lead="每个行政执法监督机关每一年度一条记录；年度结束前不认定违反。",
        add="增加一条年度记录",
        fields=(
            F("organ", "organ", "行政执法监督机关", "机关", required=True),
            F("year", "int", "年度", "年度", hint="例如 2025（本办法自2025年起适用）", required=True),
            F("responsibility_list_on", "act", "制定行政执法监督权责清单的日期（第十五条）", "权责清单",
              hint="权责清单是常设清单；不填或选“是否已做不详”：记录未载明是否已经制定"),
            F("annual_plan_on", "act", "制定年度行政执法监督工作计划的日期（第十五条）", "年度工作计划",
              hint="不填：按“是否已做不详”判断"),
            Rows("case_file_reviews", "案卷评查", add="增加一次案卷评查",
                 date=F("", "day", "行政执法案卷评查日期（第十八条）", "日期")),
            Rows(
                "assessments",
                "考核评议",
                add="增加一次考核评议",
                fields=(
                    F("held_on", "day", "考核评议日期（第十九条）", "日期", required=True),
                    F("internal", "bool3", "是否包括内部考核（第十九条）", "是否包括内部考核", options=_YES_NO, required=True),
                    F("external", "bool3", "是否包括外部评议（第十九条）", "是否包括外部评议", options=_YES_NO, required=True),
                    F("scope", "choice", "综合考核评议或专项考核评议（第十九条）", "综合或专项",
                      options=tuple((s.value, s.value) for s in AssessmentScope), blank="（未填：按综合）"),
                ),
            ),
        ),
    )
    complaints = Rows(
        "complaints",
        "投诉举报记录",
        legend="投诉、举报（第十条第二款）",
        lead="公民、法人或者其他组织向行政执法监督机关的投诉、举报，每件一条记录；本办法对处理没有规定期限，尚未处理的只认定应当依法处理。",
        add="增加一条投诉举报记录",
        fields=(
            F("id", "text", "编号（报告中引用，例如 12345 工单号；各条记录不能相同）", "编号", required=True),
            F("complainant", "choice", "投诉、举报人（第十条第二款）", "投诉、举报人",
              options=tuple((c.value, c.value) for c in Complainant), required=True),
            F("kind", "choice", "投诉或者举报", "投诉或者举报", options=(("投诉", "投诉"), ("举报", "举报")), blank="（未填：按投诉）"),
            F("about", "text", "投诉、举报的行政执法行为和事由", "事由"),
            F("received_on", "day", "监督机关收到日期", "收到日期", required=True),
            F("handled_on", "act", "依法处理的日期（第十条第二款）", "处理日期",
              hint="不填：尚未处理；已处理而日期不详的选“已做，日期不详”"),
            F("outcome", "text", "处理结果", "处理结果"),
        ),
    )
    clues = Rows(
        "clues",
        "问题线索记录",
        legend="问题线索移送（第三十一条）",
        lead="监督中发现行政执法人员涉嫌违纪或者贪污贿赂、失职渎职等职务违法犯罪的问题线索，每条线索一条记录。",
        add="增加一条问题线索记录",
        fields=(
            F("id", "text", "编号（报告中引用，例如 XS-1；各条记录不能相同）", "编号", required=True),
            F("person", "text", "涉及的行政执法人员", "姓名", hint="不填：姓名未记录"),
            F("kind", "choice", "涉嫌的问题（第三十一条）", "涉嫌的问题", options=tuple((k.value, k.value) for k in ClueKind),
              blank="（未记录）"),
            F("found_on", "day", "发现日期", "发现日期", hint="不填：未记录（缺少的事实，不认定未移送）"),
            F("transferred_on", "act", "移送日期（第三十一条）", "移送日期", hint="不填：尚未移送"),
            F("transferred_to", "text", "接收移送的机关名称", "接收机关", hint="例如 中共恩施市纪委 恩施市监委"),
            F("transferred_to_kind", "choice", "接收机关的类别（第三十一条：依纪依法移送监察机关）", "接收机关的类别",
              options=tuple((r.value, r.value) for r in ClueRecipient), blank="（未记录）",
              hint="是否移送监察机关按这里选的类别判断，不按名称中的字样"),
        ),
    )
    conduct = Rows(
        "conduct",
        "监督人员行为记录",
        legend="行政执法监督机关工作人员的责任（第三十三条）",
        lead="行政执法监督机关工作人员滥用职权、玩忽职守、徇私舞弊的，每人（或姓名未记录的同一身份的若干人）一条记录；被监督机关工作人员的责任适用第三十二条，记入上面的责任追究记录。",
        add="增加一条监督人员行为记录",
        fields=(
            F("id", "text", "编号（报告中引用，例如 JD-1；各条记录不能相同）", "编号", required=True),
            F("person", "text", "姓名", "姓名", hint="姓名未记录的可不填，填下面的人数"),
            F("count", "int", "人数（姓名未记录时，本条记录涉及几人）", "人数"),
            F("organ", "organ", "所在机关", "所在机关", blank="（未填：行政执法监督机关）"),
            F("role", "choice", "身份（第三十三条）", "身份", options=tuple((r.value, r.value) for r in LiabilityRole), required=True),
            F("behaviour", "choice", "行为（第三十三条）", "行为", options=tuple((k.value, k.value) for k in MisconductKind), required=True),
            F("description", "text", "情况", "情况"),
            F("acted_on", "occurred", "行为日期（第三十三条只适用于2025年3月1日以后的行为）", "行为日期",
              hint="不填：经调查属实的，按“已发生，日期不详”判断，有关认定只作“可能”"),
            F("confirmed", "bool3", "是否经调查属实", "是否经调查属实", options=(("true", "属实"), ("false", "不属实")), required=True),
            F("suspected_crime", "bool3", "是否涉嫌构成犯罪（第三十三条）", "是否涉嫌犯罪", options=_YES_NO, blank="（未填：按否）"),
        ),
    )
    obstructions = Rows(
        "obstructions",
        "阻挠监督记录",
        legend="拒绝、阻碍、不配合监督（第二十五条、第三十四条）",
        lead="被监督机关或者其他单位和个人拒绝、阻碍、不配合行政执法监督的，每次行为一条记录。",
        add="增加一条阻挠监督记录",
        fields=(
            F("id", "text", "编号（报告中引用，例如 ZA-1；各条记录不能相同）", "编号", required=True),
            F("party", "choice", "行为人是（第二十五条、第三十四条）", "行为人是", options=tuple((x.value, x.value) for x in ObstructionParty),
              required=True),
            F("actor", "text", "单位或者个人（被监督机关的，写机关名称或工作人员姓名）", "单位或者个人", required=True),
            F("conduct", "choice", "行为（第三十四条）", "行为", options=tuple((x.value, x.value) for x in ObstructionConduct), required=True),
            F("acted_on", "occurred", "行为日期（2025年3月1日以前的行为不依第二十五条、第三十四条判断）", "行为日期",
              hint="不填：经调查属实的，按“已发生，日期不详”判断，有关认定只作“可能”"),
            F("description", "text", "情况", "情况"),
            F("confirmed", "bool3", "是否经调查属实", "是否经调查属实", options=(("true", "属实"), ("false", "不属实")), required=True),
        ),
    )
    return (inspections, liabilities, annual, complaints, clues, conduct, obstructions)


SECTIONS: tuple[Rows, ...] = _sections()
_BY_KEY = {s.key: s for s in SECTIONS}


# ---------------------------------------------------------------------------- paths


def _join(base: str, name: str) -> str:
    if not name:
        return base
    if name.startswith(("~", "[")):
        return base + name
    return f"{base}.{name}"


def _names(f: F) -> tuple[str, ...]:
    return (f.key, f.key + HOW) if f.dated else (f.key,)


def _nonblank(v: Any) -> bool:
    if isinstance(v, list):
        return any(str(x).strip() for x in v)
    return bool(str(v or "").strip())


def _index_re(path: str) -> re.Pattern[str]:
    return re.compile(re.escape(path) + r"\[(\d+)\]")


def row_count(values: Mapping[str, Any], path: str, spec: Rows) -> int:
    """How many rows the form shows for the list at ``path``: as the hidden input says, at least
    as many as are filled in, and ``spec.start`` when there is none."""
    try:
        n = int(str(values.get(path + ROWS) or "0"))
    except ValueError:
        n = 0
    pattern = _index_re(path)
    for k in values:
        m = pattern.match(k)
        if m:
            n = max(n, int(m.group(1)) + 1)
    return max(0, min(n, 100)) or spec.start


def _collect(values: Mapping[str, Any], path: str, spec: Rows) -> list[dict[str, Any]]:
    """The rows filled in at ``path``, each as {name relative to the row: value}; empty rows left
    out and nested lists renumbered."""
    out = []
    for i in range(row_count(values, path, spec)):
        base = f"{path}[{i}]"
        row: dict[str, Any] = {}
        fields: tuple[Any, ...] = (spec.date,) if spec.date is not None else spec.fields
        for f in fields:
            if isinstance(f, F):
                for name in _names(f):
                    v = values.get(_join(base, name))
                    if _nonblank(v):
                        row[name] = v
            elif isinstance(f, Obj):
                for name in (f.key, *(f"{f.key}.{g.key}" for g in f.fields)):
                    v = values.get(_join(base, name))
                    if _nonblank(v):
                        row[name] = v
            else:
                for j, sub in enumerate(_collect(values, _join(base, f.key), f)):
                    for name, v in sub.items():
                        row[_join(f"{f.key}[{j}]", name)] = v
        if row:
            out.append(row)
    return out


def _under(key: str, path: str) -> bool:
    return key == path or key.startswith((path + "[", path + "~", path + "."))


def compact(values: Mapping[str, Any]) -> dict[str, Any]:
    """The form's values with every empty row of the sections dropped and the rows renumbered."""
    out = {k: v for k, v in values.items() if not any(_under(k, s.key) for s in SECTIONS)}
    for s in SECTIONS:
        rows = _collect(values, s.key, s)
        for i, row in enumerate(rows):
            for name, v in row.items():
                out[_join(f"{s.key}[{i}]", name)] = v
        out[s.key + ROWS] = str(len(rows))
        _set_counts(out, s.key, s, len(rows))
    return out


def _set_counts(out: dict[str, Any], path: str, spec: Rows, n: int) -> None:
    for i in range(n):
        for f in spec.fields:
            if isinstance(f, Rows):
                sub = _join(f"{path}[{i}]", f.key)
                m = 0
                pattern = _index_re(sub)
                for k in out:
                    hit = pattern.match(k)
                    if hit:
                        m = max(m, int(hit.group(1)) + 1)
                out[sub + ROWS] = str(m)
                _set_counts(out, sub, f, m)


def section_open(values: Mapping[str, Any], spec: Rows) -> bool:
    """Whether the form shows a section opened: something is filled in, or rows were added."""
    filled = any(_under(k, spec.key) and not k.endswith(ROWS) and _nonblank(v) for k, v in values.items())
    try:
        added = int(str(values.get(spec.key + ROWS) or "0")) > spec.start
    except ValueError:
        added = False
    return filled or added


# ---------------------------------------------------------------------------- form -> document


def _value(f: F, get: Callable[[str], Any], base: str, organ_id: str) -> Any:
    """The document's value of one field, or None to leave it out."""
    name = _join(base, f.key)
    raw = get(name)
    if f.kind in ("multi", "multiint"):
        items = [str(x).strip() for x in (raw if isinstance(raw, list) else [raw] if raw else []) if str(x).strip()]
        if not items:
            return None
        return [int(x) if f.kind == "multiint" and x.isdigit() else x for x in items]
    raw = str(raw or "").strip()
    if f.dated:
        raw = date_value(raw, str(get(name + HOW) or "").strip(), act=f.kind != "day")
    if not raw:
        return None
    if f.kind == "bool3":
        return raw == "true" if raw in ("true", "false") else raw  # anything else: the loader names the field
    if f.kind in ("int", "intchoice"):
        return int(raw) if raw.isdigit() else raw
    if f.kind == "organ" and raw == "__new__":  # "the organ added below"
        return organ_id or None
    return raw


def _records(get: Callable[[str], Any], values: Mapping[str, Any], path: str, spec: Rows, organ_id: str) -> list[Any]:
    out: list[Any] = []
    for i in range(int(str(values.get(path + ROWS) or "0"))):
        base = f"{path}[{i}]"
        if spec.date is not None:
            v = _value(spec.date, get, base, organ_id)
            out.append(v if v is not None else "")
            continue
        rec: dict[str, Any] = {}
        for f in spec.fields:
            if isinstance(f, F):
                v = _value(f, get, base, organ_id)
                if v is not None:
                    rec[f.key] = v
            elif isinstance(f, Obj):
                if str(get(_join(base, f.key)) or "") == "true":
                    rec[f.key] = {g.key: v for g in f.fields if (v := _value(g, get, _join(base, f.key), organ_id)) is not None}
            else:
                sub = _records(get, values, _join(base, f.key), f, organ_id)
                if sub:
                    rec[f.key] = sub
        out.append(rec)
    return out


def records_from_form(form: Mapping[str, Any]) -> dict[str, Any]:
    """The sections of the case document a posted form describes (only what was filled in)."""
    values = compact(form)
    organ_id = str(values.get("organs[0].id") or "").strip()
    out: dict[str, Any] = {}
    for s in SECTIONS:
        recs = _records(values.get, values, s.key, s, organ_id)
        if recs:
            out[s.key] = recs
    return out


# ---------------------------------------------------------------------------- document -> form


def _put(out: dict[str, Any], f: F, base: str, v: Any) -> None:
    name = _join(base, f.key)
    if v is None:
        return
    if f.dated:
        out[name], out[name + HOW] = how_of(str(v))
    elif f.kind in ("multi", "multiint"):
        out[name] = [str(x) for x in v] if isinstance(v, (list, tuple)) else [str(v)]
    elif f.kind == "bool3":
        out[name] = ("true" if v else "false") if isinstance(v, bool) else str(v)
    else:
        out[name] = str(v)


def _fill(out: dict[str, Any], records: Any, path: str, spec: Rows) -> None:
    records = records if isinstance(records, (list, tuple)) else []
    out[path + ROWS] = str(len(records))
    for i, rec in enumerate(records):
        base = f"{path}[{i}]"
        if spec.date is not None:
            _put(out, spec.date, base, rec)
            continue
        if not isinstance(rec, Mapping):
            continue
        for f in spec.fields:
            v = rec.get(f.key)
            if isinstance(f, F):
                _put(out, f, base, v)
            elif isinstance(f, Obj):
                if isinstance(v, Mapping):
                    out[_join(base, f.key)] = "true"
                    for g in f.fields:
                        _put(out, g, _join(base, f.key), v.get(g.key))
            else:
                _fill(out, v, _join(base, f.key), f)


def form_from_records(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The form's values for the sections of a case document (every field they declare)."""
    out: dict[str, Any] = {}
    for s in SECTIONS:
        if doc.get(s.key):
            _fill(out, doc.get(s.key), s.key, s)
    return out


# ---------------------------------------------------------------------------- rows added and removed


def _spec_at(path: str) -> Rows | None:
    """The list declared at a path of the form (``inspections[0].supervisors``)."""
    parts = path.split(".")
    spec: Any = _BY_KEY.get(re.sub(r"\[\d+\]$", "", parts[0]))
    for part in parts[1:]:
        if not isinstance(spec, Rows):
            return None
        spec = spec.find(re.sub(r"\[\d+\]$", "", part))
    return spec if isinstance(spec, Rows) else None


def row_action(values: Mapping[str, Any], action: str) -> tuple[dict[str, Any], str]:
    """``add:<list path>`` or ``remove:<row path>`` applied to the form's values; with the id of
    the row to show (the one added, or the list a row was removed from)."""
    out = dict(values)
    verb, _, path = action.partition(":")
    if verb == "add":
        spec = _spec_at(path)
        if spec is None:
            return out, ""
        n = row_count(out, path, spec) if (out.get(path + ROWS) or any(_index_re(path).match(k) for k in out)) else 0
        out[path + ROWS] = str(min(n + 1, 100))
        return out, f"{path}[{n}]"
    m = re.fullmatch(r"(.+)\[(\d+)\]", path)
    if verb != "remove" or m is None or _spec_at(m.group(1)) is None:
        return out, ""
    lst, i = m.group(1), int(m.group(2))
    spec = _spec_at(lst)
    assert spec is not None
    n = row_count(out, lst, spec)
    out = {k: v for k, v in out.items() if not _under(k, f"{lst}[{i}]")}
    for j in range(i + 1, n):
        old, new = f"{lst}[{j}]", f"{lst}[{j - 1}]"
        out = {(new + k[len(old):] if _under(k, old) else k): v for k, v in out.items()}
    out[lst + ROWS] = str(max(n - 1, 0))
    return out, lst


# ---------------------------------------------------------------------------- names for the error summary

_STEP = re.compile(r"([A-Za-z_]+)(?:\[(\d+)\])?")


def _resolve(path: str) -> tuple[list[str], F | Obj | Rows | None, bool]:
    """The Chinese names along a path, the declaration it ends at, and whether it ends at a row."""
    names: list[str] = []
    parts = path.split(".")
    if not parts:
        return [], None, False
    spec: Any = None
    container: Any = None
    at_row = False
    for n, part in enumerate(parts):
        m = _STEP.fullmatch(part)
        if m is None:
            return [], None, False
        key, idx = m.group(1), m.group(2)
        if n == 0:
            spec = _BY_KEY.get(key)
        elif isinstance(container, Rows):
            spec = container.find(key)
        elif isinstance(container, Obj):
            spec = next((g for g in container.fields if g.key == key), None)
        else:
            return [], None, False
        if spec is None:
            return [], None, False
        at_row = False
        if isinstance(spec, Rows):
            if idx is None:
                names.append(spec.label)
            else:
                names.append(f"{spec.label}{int(idx) + 1}")
                at_row = True
                if spec.date is not None:
                    if n != len(parts) - 1:
                        return [], None, False
                    names[-1] = f"{spec.label}{int(idx) + 1}·{spec.date.name}"
                    return names, spec.date, False
            container = spec
        elif isinstance(spec, Obj):
            names.append(spec.toggle.name if n == len(parts) - 1 else "容错")
            container = spec
        else:
            if idx is not None and spec.kind not in ("multi", "multiint"):
                return [], None, False
            names.append(spec.name)
            container = None
    return names, spec, at_row


def field_name(path: str) -> str | None:
    """The Chinese name of a field (or a row) of the sections for the error summary, e.g.
    现场监督记录1·监督人员2·是否出示证件; None when the path is not one of theirs."""
    names, spec, _ = _resolve(path)
    if spec is None:
        return None
    return "·".join(names)


def row_name(path: str) -> str:
    """The Chinese name of a row for its legend and its remove button (年度记录1·案卷评查2)."""
    names, spec, _ = _resolve(path)
    if isinstance(spec, F) and spec.dated and names:  # a row of dates: the row, not its one field
        names[-1] = names[-1].rsplit("·", 1)[0]
    return "·".join(names) or path


def anchor_path(path: str) -> str:
    """The path of the element a problem is shown at: a checkbox group for an item of a list of
    choices (``inspections[0].measures[2]`` -> ``inspections[0].measures``), else the path."""
    m = re.fullmatch(r"(.+)\[\d+\]", path)
    if m:
        _, spec, _ = _resolve(m.group(1))
        if isinstance(spec, F) and spec.kind in ("multi", "multiint"):
            return m.group(1)
    return path


def is_multi(name: str) -> bool:
    """Whether a form field is a group of checkboxes (posted as several values)."""
    _, spec, _ = _resolve(name)
    return isinstance(spec, F) and spec.kind in ("multi", "multiint") and not name.endswith("]")

