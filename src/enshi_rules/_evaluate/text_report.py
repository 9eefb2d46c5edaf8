"""The report as a Chinese text, the way ``enshi-rules evaluate`` prints it, and the words it uses
(the tag of a finding, the status of a period, the provisional mark, certainty and applicability),
which the workbench and the explanation reuse so that every view says the same thing."""

from __future__ import annotations

import re

from .._engine.rulebook import MODALITY_ZH, DeadlineStatus, Modality, Rule, modality_zh
from .._law.text import REGULATION_TITLE
from ..report import Applicable, Certainty, Finding, Report
from ..rules import all_rules
from ..rules.tiaoli import tl_002

__all__ = [
    "MODALITY_ZH", "PERMISSION_STATUS_ZH", "STATUS_ZH", "applicability_zh", "calendar_note_zh", "certainty_zh",
    "defeated_by_zh", "depends_on_zh", "field_zh", "finding_tag", "plain_zh", "provisional_text", "render_text", "rule_named_zh",
    "rule_ref_zh", "short_citation", "status_zh", "tiaoli_applicability_zh",
]


# ---- rule ids: a technical reference, never what legal staff read first ------------------------
#
# A reader of a report reads the 条/款/项 and the words of a finding; the rule id (art_027.p2.rectify.
# overdue) is kept after them, small, so that a problem can be reported against the code. A finding
# that rests on another rule (depends_on) or is defeated by one (defeated_by) names that rule by its
# citation and what it gives (说明/认定/例外), the id after it.


def rule_ref_zh(rule_id: str) -> str:
    """The rule id as a technical reference: 规则编号 art_027.p2.rectify.overdue."""
    return f"规则编号 {rule_id}"


def rule_named_zh(rule_id: str, what: str | None = None) -> str:
    """A rule as legal staff read it: its 条/款/项 and what it gives (第三十五条的说明,
    《行政执法监督条例》第二条的说明, 第三十二条第二款的例外); the id alone if it is not a rule."""
    r: Rule | None = all_rules().get(rule_id)
    if r is None:
        return rule_id
    return f"{r.short_citation}的{what or ('说明' if r.note else '认定')}"


def depends_on_zh(rule_id: str) -> str:
    """What a finding that ``depends_on`` a rule says after 有待人工判断："""
    return f"该认定取决于{rule_named_zh(rule_id)}所提出的问题（{rule_ref_zh(rule_id)}）"


def defeated_by_zh(rule_id: str) -> str:
    """What a finding ``defeated_by`` an exception says after 已被排除："""
    r: Rule | None = all_rules().get(rule_id)
    what = "例外" if r is not None and r.modality is Modality.EXEMPTION else "认定"
    return f"{rule_named_zh(rule_id, what)}排除了该认定，保留在报告中，以示被排除的是什么（{rule_ref_zh(rule_id)}）"


STATUS_ZH = {
    DeadlineStatus.PENDING: "期限未届满",
    DeadlineStatus.ON_TIME: "按期完成",
    DeadlineStatus.LATE: "逾期完成",
    DeadlineStatus.OVERDUE: "逾期未完成",
}

PERMISSION_STATUS_ZH = {
    DeadlineStatus.PENDING: "期限未届满",
    DeadlineStatus.ON_TIME: "在期限内行使",
    DeadlineStatus.LATE: "逾期行使",
    DeadlineStatus.OVERDUE: "期限届满未行使",
}


def render_text(report: Report) -> str:
    """A readable Chinese report."""
    lines = [
        f"案件 {report.case_id}　判断日 {report.as_of.isoformat()}",
        f"期间计算：{report.policy.description}",
        f"适用本办法：{applicability_zh(report)}",
    ]
    tiaoli = tiaoli_applicability_zh(report)
    if tiaoli:
        # only for a matter the national regulation reaches, or may reach: every other report reads as before
        lines.append(f"适用《行政执法监督条例》：{tiaoli}")
    lines += [
        "",
        "一、适用情况",
    ]
    lines += [
        f"  · {'（可能）' if n.certainty is Certainty.POSSIBLE else ''}{n.message}（{short_citation(n.citation)}）"
        + (
            f"\n    {'可能的原因' if n.certainty is Certainty.POSSIBLE else '日期只知范围'}：{'；'.join(_reason_zh(r) for r in n.uncertain_facts)}"
            if n.uncertain_facts
            else ""
        )
        for n in report.notes
    ] or ["  （无）"]
    if report.source is not None:
        lines.append(f"  · 监督事项来源：{report.source.kind}" + (f"（{report.source.note}）" if report.source.note else ""))
    lines += ["", "二、认定事项"]
    if not report.findings:
        lines.append("  （无）")
    for i, f in enumerate(report.findings, 1):
        lines.append(f"  {i}. 【{finding_tag(f)}】{f.subject}：{f.message}")
        extra = f"     依据：{short_citation(f.citation)}"
        if f.days_late:
            extra += f"　逾期 {f.days_late} 日"
            if f.counted_to is not None:
                extra += f"（计至 {f.counted_to.isoformat()}）"
        lines.append(extra + f"　〔{rule_ref_zh(f.rule_id)}〕")
        if f.provisional:
            lines.append(f"     {provisional_text(f.calendar_basis)}")
        if f.defeated_by:
            lines.append(f"     已被排除：{defeated_by_zh(f.defeated_by)}")
        if f.depends_on:
            lines.append(f"     有待人工判断：{depends_on_zh(f.depends_on)}")
        if f.due_range is not None:
            lines.append(f"     期限届满日：{f.due_range[0].isoformat()} 至 {f.due_range[1].isoformat()} 之间（起算日只知在一段时间内）")
        if f.certainty is Certainty.POSSIBLE or f.uncertain_facts:
            lines.append(f"     {certainty_zh(f)}")
    if report.timeline:
        lines += ["", "三、期限"]
        # A period that is a right (可以, 第二十七条第一款's review window) is worded as a right:
        # 期限届满未行使, never 逾期未完成 as if a duty were broken.
        rights = {f.rule_id for f in report.findings if f.modality is Modality.MAY}
        for t in report.timeline:
            done = t.done_on.isoformat() if t.done_on else "—"
            status = (PERMISSION_STATUS_ZH if t.rule_id in rights else STATUS_ZH)[t.status]
            lines.append(
                f"  {t.due.isoformat()}  {short_citation(t.citation)}  {t.subject}  起算 {t.period_start.isoformat()} "
                f"+{t.period_days}日  完成 {done}  {status}"
                + (f"  {provisional_text(t.calendar_basis)}" if t.provisional else "")
            )
    if report.missing_facts:
        lines += ["", "四、缺少的事实"]
        # the field as legal staff name it (收到建议书之日); the path stays in the JSON (missing_facts[].field)
        lines += [f"  · {field_zh(m.field)}（{m.needed_for}）：{m.reason}" for m in report.missing_facts]
    if report.calendars:
        lines += ["", "五、所用节假日日历"]
        for c in report.calendars:
            mark = "（暂定）" if c.provisional else ""
            lines.append(f"  {c.year}年：{c.source}{mark}")
        lines += [f"  · {calendar_note_zh(n)}" for n in report.calendar_notes]
    return "\n".join(lines) + "\n"


#: The lists of a case document as a legal officer names their records (field_zh).
_LISTS_ZH = {
    "inspections": ("inspection", "监督活动记录"),
    "complaints": ("complaint", "投诉举报记录"),
    "major_decisions": ("major_decision", "重大行政执法决定记录"),
    "liabilities": ("liability", "责任追究记录"),
    "conduct": ("misconduct", "监督人员行为记录"),
    "obstructions": ("obstruction", "阻挠监督记录"),
    "clues": ("clue", "问题线索记录"),
    "annual_duties": ("annual", "年度职责记录"),
    "supervision.situations": ("situation", "情形记录"),
    "supervision.deficiencies": ("deficiency", "情形记录"),
}
_RECORD = re.compile(r"^([a-z_.]+)\[(\d+)\]\.(.+)$")


def field_zh(path: str) -> str:
    """A case field as a legal officer reads it: ``annual_duties[2].responsibility_list_on`` is
    年度职责记录（第3条）的权责清单制定日 (records counted from 1), ``supervision.suggestion_letter.received_on``
    收到建议书之日; the label is the one the fact kinds declare. A path no kind declares is returned as it is."""
    from .._engine.kinds import KINDS  # noqa: PLC0415 - declared when the rules are loaded

    year = re.fullmatch(r"calendar\.(\d{4})", path)
    if year is not None:  # a year with no holiday calendar (CALENDAR_FIELD)
        return f"{year.group(1)}年节假日日历"
    hit = _RECORD.match(path)
    if hit is not None:
        listing, index, rest = hit.group(1), int(hit.group(2)), hit.group(3)
        kind, name = _LISTS_ZH.get(listing, (None, None))
        if name is None:
            return path
        props = KINDS[kind].props if kind in KINDS else {}
        label = next((p.label for p in props.values() if p.field == "{rec}." + rest), None)
        if label is None:
            label = next((p.label for k in KINDS.values() for p in k.props.values() if p.field == "{rec}." + rest), rest)
        return f"{name}（第{index + 1}条）的{label}"
    label = next((p.label for k in KINDS.values() for p in k.props.values() if p.field == path), None)
    if label is None and path in _LISTS_ZH:  # a whole list: supervision.situations is 情形记录
        label = _LISTS_ZH[path][1]
    return label or path


def _reason_zh(reason: str) -> str:
    """One reason of uncertainty: its leading field path (``path（…）``) in words."""
    head, sep, tail = reason.partition("（")
    if sep and re.fullmatch(r"[a-z_.\[\]0-9]+", head):
        return f"{field_zh(head)}{sep}{tail}"
    return reason


#: Values a register text writes as code, in words.
_VALUES_ZH = {
    "true": "是", "false": "否", "null": "未记录", "done": "已做（日期不详）", "not_done": "未做", "unknown": "是否已做不详",
    "possible": "可能", "certain": "确定", "undetermined": "不能确定", "defeated_by": "已被排除", "depends_on": "有待人工判断",
}
_CODE = re.compile(r"`([^`]+)`")
_RULE_REF = re.compile(r"^(?:(defeated_by|depends_on): )?((?:art|tl)_\d{3}[a-z0-9_.*]*)$")


def _rule_words(ref: str) -> str | None:
    """A rule id or pattern (art_027.p2.*) as its 条/款/项 and what it gives, without the id."""
    import fnmatch  # noqa: PLC0415

    rules = all_rules()
    if ref in rules:
        return rule_named_zh(ref)
    hit = next((rid for rid in sorted(rules) if fnmatch.fnmatchcase(rid, ref)), None)
    if hit is None:
        return None
    r = rules[hit]
    return f"{r.short_citation}的规则"


def _code_zh(code: str) -> str:
    """One code span of a register text in words: a rule by its 条/款/项, a case field by the name the
    fact kinds give it, a value in words; anything else (a command option, a library name) as it is."""
    from .._engine.kinds import KINDS  # noqa: PLC0415 - declared when the rules are loaded

    code = code.strip()
    if code in _VALUES_ZH:
        return f"“{_VALUES_ZH[code]}”"
    hit = _RULE_REF.match(code)
    if hit is not None:
        words = _rule_words(hit.group(2))
        if words is not None:
            return f"“{_VALUES_ZH[hit.group(1)]}”（{words}）" if hit.group(1) else words
    key, sep, value = code.partition(": ")
    if sep and value in _VALUES_ZH:
        return f"{_code_zh(key)}为“{_VALUES_ZH[value]}”"
    if re.fullmatch(r"[a-z_]+(?:\[[a-z]?\])?(?:\.[a-z_]+(?:\[[a-z]?\])?)*(?:\.<[^>]+>)?", code):
        path = re.sub(r"\[[a-z]?\]", "[0]", code.split(".<", 1)[0])
        named = field_zh(path)
        if named != path:
            return named.replace("（第1条）", "")
        listing = _LISTS_ZH.get(code)
        if listing is not None:
            return listing[1]
        label = next((p.label for k in KINDS.values() for p in k.props.values() if p.field and p.field.endswith("." + code)), None)
        if label is not None:
            return label
    return code


def plain_zh(text: str) -> str:
    """A text written for the register (Markdown, with code spans for rules and fields) as legal staff
    read it in a report: each `…` in words (_code_zh), ** removed (legal review 2, item 10)."""
    return _CODE.sub(lambda m: _code_zh(m.group(1)), text).replace("**", "")


def calendar_note_zh(note: str) -> str:
    """A calendar note as legal staff read it: the Chinese sentence only (the report's field also
    carries an English one for other readers)."""
    return note.split(" / ", 1)[0]


def certainty_zh(f: Finding) -> str:
    """"" for a certain finding with exact dates; else 可能… or 日期不确定…, with why (IMP-2)."""
    why = "；".join(_reason_zh(r) for r in f.uncertain_facts) or "案件事实不确定"
    if f.certainty is Certainty.POSSIBLE:
        return f"可能：该认定只在部分可能的日期或情况下成立，原因：{why}"
    if f.uncertain_facts:
        return f"确定成立，但日期只知范围：{why}"
    return ""


def applicability_zh(report: Report) -> str:
    """是 / 否, or 不能确定 when 第三十五条 cannot be applied for want of a date (A35-1, A35-2): what
    ``report.applicability.measures`` says (and ``in_scope``: true, false, null)."""
    if report.applicability is not None:
        a = report.applicability.measures.applicable
        if a is Applicable.UNDETERMINED:
            return "不能确定（见第三十五条的说明）"
        return "是" if a is Applicable.YES else "否"
    # a report written before ``applicability`` existed
    undetermined = any(
        n.rule_id in ("art_035.p1.start_unknown", "art_035.p1.start_straddles")
        or (n.excludes and n.certainty is Certainty.POSSIBLE)
        for n in report.notes
    )
    if undetermined:
        return "不能确定（见第三十五条的说明）"
    return "是" if report.in_scope else "否"


def tiaoli_applicability_zh(report: Report) -> str:
    """The 适用《行政执法监督条例》 line: 是（…）, 不能确定（…）, or "" when the 条例 does not apply (the
    line is then left out, as in every report of a matter before 2026-02-01)."""
    a = report.applicability.tiaoli.applicable if report.applicability is not None else (
        Applicable.YES if any(x.instrument == "tiaoli" for x in (*report.notes, *report.findings)) else Applicable.NO
    )
    ids = report.applicability.tiaoli.rule_ids if report.applicability is not None else ()
    if a is Applicable.YES:
        # a department's supervision is reached by 第四十二条, not 第二条 (T-9): the line says which
        basis = (
            "第四十二条第一款：部门对所属机构、派出机构的监督检查参照条例有关规定执行；" if tl_002.DEPARTMENT_OWN_BODY in ids and tl_002.APPLIES not in ids
            else "第四十二条第三款：州人民政府工作部门对县（市）相应部门的督促指导；" if tl_002.DEPARTMENT_GUIDANCE in ids and tl_002.APPLIES not in ids
            else "第四十二条第二款：对设在本行政区域内的垂直管理机关的监督，本办法不适用；" if tl_002.LOCAL_OVER_VERTICAL in ids and tl_002.APPLIES not in ids
            else ""
        )
        return f"是（{basis}2026年2月1日以后的步骤；只编码了已核对原文的节录，其他规定须人工核对）"
    if a is Applicable.UNDETERMINED:
        if tl_002.NOT_GOVERNMENT in ids and report.applicability is not None and report.applicability.tiaoli.reason == tl_002.NOT_GOVERNMENT_ZH:
            return "不能确定（监督机关不是县级以上人民政府或者其司法行政部门，不在条例第二条之内，节录没有规定是否适用；见《行政执法监督条例》第二条的说明）"
        if tl_002.ANNUAL in ids and report.applicability is not None and report.applicability.tiaoli.reason == tl_002.ANNUAL_ZH:
            return "不能确定（年度职责所在年度条例已施行，已核对的节录中没有相应规定，须人工核对；见适用情况中的说明）"
        return "不能确定（是否有2026年2月1日以后的步骤不能确定；见《行政执法监督条例》第二条的说明）"
    return ""


def provisional_text(basis: str | None) -> str:
    """（暂定：2027年节假日安排尚未公布，按《全国年节及纪念日放假办法》推算）, from a calendar basis."""
    reasons = re.findall(r"暂定[（：]([^）]+)", basis or "")
    return "（暂定：" + "；".join(dict.fromkeys(r for x in reasons for r in x.split("；"))) + "）"


def finding_tag(f: Finding) -> str:
    """The tag a legal officer reads first: 违反·逾期未完成, 应当·已履行, 不得·已遵守, 可以·在期限内行使 …;
    a clause that orders 处理 for conduct found (第三十二条第一款、第三十三条、第三十四条) reads 应予处理
    (its rule's label), never 违反 of that clause."""
    rule = all_rules().get(f.rule_id)
    tag = modality_zh(rule) if rule is not None and rule.modality is f.modality else MODALITY_ZH[f.modality]
    if f.performed:
        tag += "·已遵守" if f.modality is Modality.SHALL_NOT else "·已履行"
    elif f.status is not None:
        tag += "·" + status_zh(f.modality, f.status)
    if f.defeated_by:
        # the exclusion is the headline: a defeated violation must not read as one (E-1)
        was = tag.removeprefix(MODALITY_ZH[Modality.VIOLATION] + "·") if f.modality is Modality.VIOLATION else tag
        tag = f"已被排除（原为：{was}）"
    if f.certainty is Certainty.POSSIBLE:
        # a possible violation is never a plain 【违反】 (IMP-2): 【可能违反·逾期未完成】, 【应当·已履行（可能）】
        tag = "可能" + tag if f.modality is Modality.VIOLATION else tag + "（可能）"
    return tag


def status_zh(modality: Modality, status: DeadlineStatus) -> str:
    if modality is Modality.MAY:
        return PERMISSION_STATUS_ZH[status]
    return STATUS_ZH[status]


def short_citation(citation: str) -> str:
    """A citation of the measures without their title (the report is about them); a citation of
    another instrument (《行政执法监督条例》第四十二条第二款) keeps its title."""
    title, sep, rest = citation.partition("》")
    return rest if sep and title == f"《{REGULATION_TITLE}" else citation
