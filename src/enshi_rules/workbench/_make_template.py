"""Write the Word template of the report (``templates/report-template.docx``).

The template is an ordinary Word document with docxtpl (Jinja2) tags: the 司法局 can open it in Word,
change the letterhead, fonts, wording and layout, keep the ``{{ … }}`` and ``{%tr … %}`` tags, and
give their copy to ``enshi-rules report CASE --format docx --template THEIRS.docx``. This script
only makes the shipped starting point; run it after changing it::

    python -m enshi_rules.workbench._make_template

The fields the template can use are those of :class:`enshi_rules.workbench._views.ReportView`
(``docs/workbench.md`` lists them).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

TEMPLATE = Path(__file__).with_name("templates") / "report-template.docx"
_FONT = "宋体"
_HEADING_FONT = "黑体"
_LAW_FONT = "楷体"


def _font(run, name: str = _FONT, size: float | None = None, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    run.font.name = name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
    if size:
        run.font.size = Pt(size)
    run.bold = bold


def _para(doc, text: str, *, size: float = 12, bold: bool = False, font: str = _FONT, align=None):  # type: ignore[no-untyped-def]
    p = doc.add_paragraph()
    _font(p.add_run(text), font, size, bold)
    if align is not None:
        p.alignment = align
    return p


def _table(doc, headers: list[str], cells: list[str], widths: list[float], loop: str, wide=()):  # type: ignore[no-untyped-def]
    """A table whose rows repeat for each element of ``loop``: a row of ``cells``, then one row across
    the whole width for each function of ``wide`` (which fills the row's single cell)."""
    t = doc.add_table(rows=4 + len(wide), cols=len(headers))
    t.style = "Table Grid"
    for i, h in enumerate(headers):
        c = t.rows[0].cells[i]
        c.text = ""
        _font(c.paragraphs[0].add_run(h), _HEADING_FONT, 10.5, True)
    # docxtpl: a row holding only "{%tr for … %}", the row repeated, a row holding "{%tr endfor %}"
    t.rows[1].cells[0].text = "{%tr for " + loop + " %}"
    for i, text in enumerate(cells):
        c = t.rows[2].cells[i]
        c.text = ""
        _font(c.paragraphs[0].add_run(text), _FONT, 10.5)
    t.rows[-1].cells[0].text = "{%tr endfor %}"
    for row in t.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = Cm(w)
    for k, fill in enumerate(wide, start=3):
        cell = t.cell(k, 0).merge(t.cell(k, len(headers) - 1))
        cell.text = ""
        fill(cell)
    return t


#: the paragraph style of the cited law text under each finding: 楷体, indented, a grey rule on the left
#: and a light shading, so that the law's words are never mistaken for the tool's
LAW_STYLE = "条文引文"


def _law_style(doc) -> None:  # type: ignore[no-untyped-def]
    style = doc.styles.add_style(LAW_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = _LAW_FONT
    style.font.size = Pt(10.5)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _LAW_FONT)
    style.paragraph_format.left_indent = Cm(0.3)
    style.paragraph_format.space_before = Pt(2)
    style.paragraph_format.space_after = Pt(2)
    ppr = style.element.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for k, v in (("w:val", "single"), ("w:sz", "18"), ("w:space", "6"), ("w:color", "808080")):
        left.set(qn(k), v)
    border.append(left)
    ppr.append(border)
    shading = OxmlElement("w:shd")
    for k, v in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "F2F2F2")):
        shading.set(qn(k), v)
    ppr.append(shading)


def _law_row(cell) -> None:  # type: ignore[no-untyped-def]
    """条文（第二十七条第二款）：“…” — the text of the unit the finding cites (for an item, after the
    first line of its paragraph and ……), in the law style."""
    p = cell.paragraphs[0]
    p.style = LAW_STYLE
    _font(p.add_run("条文（{{ f.citation }}）："), _HEADING_FONT, 10.5)
    run = p.add_run("“{{ f.unit_lead_in ~ '……' if f.unit_lead_in else '' }}{{ f.unit_text }}”")
    run.font.size = Pt(10.5)


#: the reviewer's opinion on each finding, ticked and written by hand
REVIEW_LINE = "审核意见（同意/不同意/修改）：□同意　□不同意　□修改"


def _review_row(cell) -> None:  # type: ignore[no-untyped-def]
    _font(cell.paragraphs[0].add_run(REVIEW_LINE), _FONT, 10.5)
    _font(cell.add_paragraph().add_run("修改意见："), _FONT, 10.5)


def _field(paragraph, instruction: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    """A Word field (``PAGE``, ``NUMPAGES``) in ``paragraph``: Word fills it in when it lays out the pages;
    ``shown`` is what a reader that does not update fields shows."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", shown), ("end", None)):
        run = paragraph.add_run()
        _font(run, _FONT, 10.5)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        elif kind == "text":
            run.text = text or ""
            continue
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._element.append(el)


def _footer(section) -> None:  # type: ignore[no-untyped-def]
    """第 X 页 共 Y 页, centred, from the PAGE and NUMPAGES fields."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(p.add_run("第 "), _FONT, 10.5)
    _field(p, "PAGE", "1")
    _font(p.add_run(" 页 共 "), _FONT, 10.5)
    _field(p, "NUMPAGES", "1")
    _font(p.add_run(" 页"), _FONT, 10.5)


#: the signing block: (label, the blank to fill by hand, the row's height in cm). The date is left
#: blank on purpose: the report's 判断日 is the day the periods were counted to, not the day it is signed.
SIGNING = (
    ("审核人", "", 1.2),
    ("审核意见", "", 4.0),
    ("签字", "", 1.6),
    ("日期", "　　　　年　　月　　日", 1.2),
)


def _signing_block(doc) -> None:  # type: ignore[no-untyped-def]
    t = doc.add_table(rows=len(SIGNING), cols=2)
    t.style = "Table Grid"
    for row, (label, blank, height) in zip(t.rows, SIGNING, strict=True):
        row.height = Cm(height)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        row.cells[0].text = ""
        _font(row.cells[0].paragraphs[0].add_run(label), _HEADING_FONT, 12, True)
        row.cells[1].text = ""
        _font(row.cells[1].paragraphs[0].add_run(blank), _FONT, 12)
        row.cells[0].width, row.cells[1].width = Cm(3.0), Cm(13.2)


def build(path: Path = TEMPLATE) -> Path:
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin = sec.bottom_margin = Cm(2.5)
    sec.left_margin = sec.right_margin = Cm(2.4)
    normal = doc.styles["Normal"]
    normal.font.name = _FONT
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _FONT)
    _footer(sec)
    _law_style(doc)

    _para(doc, "行政执法监督试算报告", size=18, bold=True, font=_HEADING_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "依据《{{ reg_title }}》", size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "案件编号：{{ case_id }}　　判断日：{{ as_of }}")
    _para(doc, "适用本办法：{{ applicability }}")
    _para(doc, "{%p if tiaoli %}")
    _para(doc, "适用《行政执法监督条例》：{{ tiaoli }}")
    _para(doc, "{%p endif %}")
    _para(doc, "期间计算：{{ policy }}", size=10.5)

    _para(doc, "一、适用情况", size=14, bold=True, font=_HEADING_FONT)
    _para(doc, "{%p for n in notes %}")
    _para(doc, "{{ '（可能）' if n.certainty else '' }}{{ n.message }}（{{ n.citation }}）")
    _para(doc, "{%p endfor %}")
    _para(doc, "{%p if not notes %}")
    _para(doc, "（无）")
    _para(doc, "{%p endif %}")

    _para(doc, "二、认定事项", size=14, bold=True, font=_HEADING_FONT)
    _para(doc, "{%p if not findings %}")
    _para(doc, "（无）")
    _para(doc, "{%p else %}")
    _table(
        doc,
        ["序号", "认定", "依据", "届满日", "逾期日数"],
        [
            "{{ f.index }}",
            "{{ f.label }}{{ f.subject }}：{{ f.message }}{{ '（已被排除：' ~ f.defeated_by_zh ~ '）' if f.defeated_by else '' }}{{ '（有待人工判断：' ~ f.depends_on_zh ~ '）' if f.depends_on else '' }}{{ '（' ~ f.certainty ~ '）' if f.certainty else '' }}",
            "{{ f.citation }}\n（规则编号 {{ f.rule_id }}）",
            "{{ f.due }}{{ f.due_range }}{{ f.provisional }}",
            "{{ f.days_late or '' }}{{ '（计至' ~ f.counted_to ~ '）' if f.days_late and f.counted_to else '' }}",
        ],
        [1.2, 8.6, 3.6, 2.6, 1.6],
        "f in findings",
        wide=(_law_row, _review_row),
    )
    _para(doc, "{%p endif %}")

    _para(doc, "三、期限", size=14, bold=True, font=_HEADING_FONT)
    _para(doc, "{%p if not timeline %}")
    _para(doc, "本案没有计算期限。")
    _para(doc, "{%p else %}")
    _table(
        doc,
        ["依据", "义务人", "起算日", "日数", "届满日", "完成日", "状态"],
        [
            "{{ t.citation }}",
            "{{ t.subject }}",
            "{{ t.start }}",
            "{{ t.days }}",
            "{{ t.due }}{{ '（暂定）' if t.provisional else '' }}",
            "{{ t.done_on or '—' }}",
            "{{ t.status }}{{ ' ' ~ t.days_late ~ '日' if t.days_late else '' }}{{ '（计至' ~ t.counted_to ~ '）' if t.counted_to else '' }}",
        ],
        [3.2, 3.6, 2.2, 1.2, 2.2, 2.2, 2.4],
        "t in timeline",
    )
    _para(doc, "{%p endif %}")

    _para(doc, "四、缺少的事实", size=14, bold=True, font=_HEADING_FONT)
    _para(doc, "{%p for m in missing_facts %}")
    _para(doc, "{{ m.field_zh }}（{{ m.needed_for }}）：{{ m.reason }}")
    _para(doc, "{%p endfor %}")
    _para(doc, "{%p if not missing_facts %}")
    _para(doc, "（无）")
    _para(doc, "{%p endif %}")

    _para(doc, "五、所用节假日日历", size=14, bold=True, font=_HEADING_FONT)
    _para(doc, "{%p for c in calendars %}")
    _para(doc, "{{ c.year }}年：{{ c.source }}{{ '（暂定：该年节假日安排公布后到期日可能改变，届时应重新试算）' if c.provisional else '' }}", size=10.5)
    _para(doc, "{%p endfor %}")
    _para(doc, "{%p if not calendars %}")
    _para(doc, "（本案没有计算期限）")
    _para(doc, "{%p endif %}")
    _para(doc, "{%p for n in calendar_notes %}")
    _para(doc, "{{ n }}", size=10.5)
    _para(doc, "{%p endfor %}")

    _para(doc, "六、版本", size=14, bold=True, font=_HEADING_FONT)
    _para(doc, "{%p for k, v in versions %}")
    _para(doc, "{{ k }}：{{ v }}", size=10.5)
    _para(doc, "{%p endfor %}")

    _para(doc, "本报告为试算结果，由 enshi-rules 依据上述条文和规则自动生成，供法制审核参考。", size=10.5)

    _para(doc, "七、法制审核", size=14, bold=True, font=_HEADING_FONT)
    _signing_block(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


if __name__ == "__main__":  # pragma: no cover
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE))
