"""The DOCX report of every bundled example, opened again with python-docx: its citations and due dates."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

docx = pytest.importorskip("docx", reason="the report extra (python-docx, docxtpl)")

import enshi_rules  # noqa: E402
from enshi_rules._evaluate.text_report import finding_tag  # noqa: E402
from enshi_rules.cli import main  # noqa: E402
from enshi_rules.workbench import render_docx  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


def _cn(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _tables(document) -> dict[str, list[list[str]]]:
    """The document's tables by the text of their first cell: 序号 (the findings), 依据 (the periods),
    审核人 (the signing block)."""
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    by_head = {t[0][0]: t for t in tables}
    assert len(by_head) == len(tables), [t[0][0] for t in tables]
    return by_head


REVIEW_LINE = "审核意见（同意/不同意/修改）：□同意　□不同意　□修改\n修改意见："


def _finding_rows(document) -> list[tuple[list[str], str, str]]:
    """Each finding's three rows: its cells, then (across the table) the cited text and the 审核意见 line."""
    table = _tables(document).get("序号", [])
    body = table[1:]
    assert len(body) % 3 == 0
    groups = [(body[i], body[i + 1], body[i + 2]) for i in range(0, len(body), 3)]
    for _, law, review in groups:
        assert len(set(law)) == 1 and len(set(review)) == 1  # one cell across the whole row
    return [(cells, law[0], review[0]) for cells, law, review in groups]


def _text(document) -> tuple[str, tuple[list[list[str]], list[list[str]]]]:
    """The paragraphs, and the findings' table (its header and each finding's first row) and the
    periods' table ([] when the document has none)."""
    paras = "\n".join(p.text for p in document.paragraphs)
    tables = _tables(document)
    findings = tables.get("序号", [])
    findings = findings[:1] + [cells for cells, _, _ in _finding_rows(document)] if findings else []
    return paras, (findings, tables.get("依据", []))


def _quoted(f) -> str:
    """The cited text as the regulation file gives it (for an item: its paragraph's first line, then ……)."""
    from enshi_rules._law import text as law

    reg = law.regulation(law.TIAOLI if f.instrument == law.TIAOLI.key else law.MEASURES)
    unit = reg.unit(f.article, f.paragraph, f.item)
    lead = reg.unit(f.article, unit.paragraph).text.split("\n", 1)[0] + "……" if f.item is not None else ""
    return lead + unit.text


def _footer_xml(document) -> str:
    return "".join(s.footer._element.xml for s in document.sections)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_docx_of_every_example(path):
    report = enshi_rules.evaluate(path.read_bytes())
    document = docx.Document(io.BytesIO(render_docx(report)))
    paras, (findings, timeline) = _text(document)
    assert f"案件编号：{report.case_id}" in paras and f"判断日：{_cn(report.as_of)}" in paras
    # the header row and one row per finding; no table at all (only （无）) when there is no finding
    assert len(findings) == (1 + len(report.findings) if report.findings else 0)
    for row, f in zip(findings[1:], report.findings):
        number, finding, cite, due, late = row
        assert finding.startswith(f"【{finding_tag(f)}】{f.subject}：{f.message}")
        # an exception that defeats the finding is named by its 条/款/项 first, its rule id after (small)
        assert ("（已被排除：" in finding) == bool(f.defeated_by)
        if f.defeated_by:
            assert "（已被排除：第" in finding and f"排除了该认定，保留在报告中，以示被排除的是什么（规则编号 {f.defeated_by}）" in finding
        # the citation first; the rule id only as the technical reference under it
        assert cite.startswith(f.citation.split("》", 1)[-1]) and cite.endswith(f"（规则编号 {f.rule_id}）")
        assert due == (_cn(f.due) if f.due else "")
        counted = f"（计至{_cn(f.counted_to)}）" if f.days_late and f.counted_to else ""
        assert late == (f"{f.days_late}{counted}" if f.days_late else "")
    # under each finding: the text it cites, in the law style, then the 审核意见 line to fill by hand
    rows = _finding_rows(document)
    assert len(rows) == len(report.findings)
    for (cells, law, review), f in zip(rows, report.findings):
        assert law == f"条文（{cells[2].split(chr(10))[0]}）：“{_quoted(f)}”"
        assert review == REVIEW_LINE
    law_paras = [c.paragraphs[0] for t in document.tables for row in t.rows for c in row.cells if c.text.startswith("条文（")]
    assert len({id(p._p) for p in law_paras}) == len(report.findings)
    assert all(p.style.name == "条文引文" for p in law_paras)
    # no period: 本案没有计算期限 and no empty table header after it (legal review 2, item 12)
    assert len(timeline) == (1 + len(report.timeline) if report.timeline else 0)
    assert ("本案没有计算期限。" in paras.splitlines()) == (not report.timeline)
    for row, t in zip(timeline[1:], report.timeline):
        assert row[0] == t.citation.split("》", 1)[-1] and row[4] == t.due.isoformat()
    for n in report.notes:
        assert n.message in paras
    for m in report.missing_facts:
        assert m.reason in paras
    assert f"enshi-rules：{report.versions.enshi_rules}" in paras and "CLI.11.8484969" in paras
    assert report.versions.rules in paras and report.versions.regulation in paras
    _assert_signable(document)


def _assert_signable(document) -> None:
    """What a signed report needs (legal review 2, item 12): the honest closing sentence, then the
    审核人 / 审核意见 / 签字 / 日期 block left blank to fill by hand (the date too: the 判断日 is not the
    day of signing), and 第 X 页 共 Y 页 in the footer from Word's PAGE and NUMPAGES fields."""
    lines = [p.text for p in document.paragraphs]
    assert lines[-2:] == ["本报告为试算结果，由 enshi-rules 依据上述条文和规则自动生成，供法制审核参考。", "七、法制审核"]
    body = document.element.body
    assert body[-2].tag.endswith("}tbl")  # the signing block is the last thing in the document (then sectPr)
    signing = _tables(document)["审核人"]
    assert [r[0] for r in signing] == ["审核人", "审核意见", "签字", "日期"]
    assert [r[1] for r in signing] == ["", "", "", "　　　　年　　月　　日"]
    footer = _footer_xml(document)
    assert footer.count("<w:fldChar") == 6 and "<w:instrText" in footer
    assert " PAGE </w:instrText>" in footer and " NUMPAGES </w:instrText>" in footer
    texts = [t.text for s in document.sections for p in s.footer.paragraphs for t in p.runs]
    assert "".join(texts) == "第 1 页 共 1 页"  # the fields' placeholders; Word shows the real numbers


def test_an_example_without_periods_prints_no_empty_period_table():
    """annual_review counts no period: the 期限 section says so and prints no table header after it."""
    report = enshi_rules.evaluate((ROOT / "examples" / "annual_review.json").read_bytes())
    assert report.timeline == () or not report.timeline
    document = docx.Document(io.BytesIO(render_docx(report)))
    paras, (findings, timeline) = _text(document)
    assert timeline == [] and "本案没有计算期限。" in paras.splitlines()
    assert all(row[0] != "依据" for t in document.tables for row in [[c.text for c in t.rows[0].cells]])
    lines = paras.splitlines()
    assert lines[lines.index("三、期限") + 1 : lines.index("三、期限") + 3] == ["本案没有计算期限。", "四、缺少的事实"]


def test_cli_report_writes_the_same_document(tmp_path):
    path = ROOT / "examples" / "overdue_decision.json"
    out = tmp_path / "report.docx"
    assert main(["report", str(path), "--format", "docx", "-o", str(out)]) == 0
    from_cli = _text(docx.Document(str(out)))
    from_api = _text(docx.Document(io.BytesIO(render_docx(enshi_rules.evaluate(path.read_bytes())))))
    assert from_cli == from_api
    paras, (findings, _) = from_cli
    row = next(r for r in findings if "art_027.p2.rectify.overdue" in r[2])
    assert row[1].startswith("【违反·逾期未完成】") and row[2].startswith("第二十七条第二款") and row[3] == "2025年10月24日"
    cells, law, review = next(g for g in _finding_rows(docx.Document(str(out))) if "art_027.p2.rectify.overdue" in g[0][2])
    assert law == (
        "条文（第二十七条第二款）：“被监督机关对《行政执法监督建议书》无异议或者经复查异议不成立的，应当分别自收到"
        "《行政执法监督建议书》、复查答复之日起三十日内完成整改，并向行政执法监督机关报送整改情况。”"
    )
    assert review == REVIEW_LINE
    # an item: its paragraph's first line, ……, then the item (第二十六条第（三）项)
    cells, law, _ = next(g for g in _finding_rows(docx.Document(str(out))) if g[0][2].startswith("第二十六条第（三）项"))
    assert law == (
        "条文（第二十六条第（三）项）：“发现被监督机关有下列情形之一的，行政执法监督机关启动行政执法监督程序，经调查属实，"
        "应当制发《行政执法监督建议书》，建议被监督机关限期自行纠正：……不履行或者不正确履行行政执法职责的；”"
    )


def test_cli_report_as_of_and_bad_input(tmp_path, capsys):
    path = ROOT / "examples" / "overdue_decision.json"
    out = tmp_path / "r.docx"
    assert main(["report", str(path), "-o", str(out), "--as-of", "2025-11-20"]) == 0
    assert "判断日：2025年11月20日" in _text(docx.Document(str(out)))[0]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"case_id": "X"}), encoding="utf-8")
    assert main(["report", str(bad), "-o", str(tmp_path / "x.docx")]) == 2
    assert "supervising_organ" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()
    assert main(["report", str(path), "-o", str(out), "--template", str(tmp_path / "none.docx")]) == 2


def test_an_edited_template_is_used(tmp_path):
    """The 司法局's own template: their wording around the same fields."""
    mine = docx.Document()
    mine.add_paragraph("恩施州某县司法局 行政执法监督审查意见 {{ case_id }}")
    mine.add_paragraph("{%p for f in findings %}")
    mine.add_paragraph("{{ f.index }}. {{ f.citation }} {{ f.label }}")
    mine.add_paragraph("{%p endfor %}")
    path = tmp_path / "mine.docx"
    mine.save(str(path))
    report = enshi_rules.evaluate((ROOT / "examples" / "overdue_decision.json").read_bytes())
    out = docx.Document(io.BytesIO(render_docx(report, template=path)))
    lines = [p.text for p in out.paragraphs]
    assert lines[0] == "恩施州某县司法局 行政执法监督审查意见 ESJD-2025-031"
    assert "3. 第二十七条第二款 【违反·逾期未完成】" in lines


def test_shipped_template_is_what_the_script_makes(tmp_path):
    """The template in the package and ``_make_template`` agree (edit the script, then run it)."""
    import zipfile

    from enshi_rules.workbench._docx import template_path
    from enshi_rules.workbench._make_template import build

    made = build(tmp_path / "t.docx")
    with zipfile.ZipFile(made) as a, zipfile.ZipFile(template_path()) as b:
        for part in ("word/document.xml", "word/footer1.xml", "word/styles.xml"):
            assert a.read(part) == b.read(part), f"{part}: run python -m enshi_rules.workbench._make_template"


def test_docx_marks_provisional_due_dates():
    from tests.workbench.test_pages import PROVISIONAL

    report = enshi_rules.evaluate(PROVISIONAL, as_of="2026-12-20")
    paras, (findings, timeline) = _text(docx.Document(io.BytesIO(render_docx(report))))
    row = next(r for r in findings if "art_027.p2.rectify.pending" in r[2])
    assert row[3] == "2027年1月4日（暂定：2027年节假日安排尚未公布，按《全国年节及纪念日放假办法》推算）"
    assert next(r for r in timeline if r[0] == "第二十七条第二款")[4] == "2027-01-04（暂定）"
    assert next(r for r in timeline if r[0] == "第二十七条第一款")[4] == "2026-12-14"
    assert "2027年：《全国年节及纪念日放假办法》" in paras and "（暂定：该年节假日安排公布后到期日可能改变" in paras


def test_a_possible_violation_gives_in_word_the_reason_the_text_report_gives():
    """【可能违反】 never stands alone: the Word document gives the same 可能：…原因：… line as the text
    report (issue 19 review, item 3), and the same applicability (不能确定)."""
    from enshi_rules.cli import render_text

    case = ROOT / "tests" / "scenarios" / "real_cases" / "hn09_chinakayao" / "case.json"
    report = enshi_rules.evaluate(case.read_bytes(), as_of="2026-12-01")
    f = next(x for x in report.findings if x.rule_id == "art_032.p1.i6.improper_gain")
    assert finding_tag(f) == "可能应予处理" and f.certainty == "possible"  # a 处理 clause, never 【违反】 (legal review (c)14)
    text = render_text(report)
    lines = [line.strip() for line in text.splitlines()]
    after = lines[next(i for i, line in enumerate(lines) if f"〔规则编号 {f.rule_id}〕" in line):]
    reason = next(line for line in after if line.startswith("可能："))  # this finding's own reason line
    assert "原因：" in reason and "监督程序启动日（启动日期不详）" in reason
    paras, (findings, _) = _text(docx.Document(io.BytesIO(render_docx(report))))
    row = next(r for r in findings if f.rule_id in r[2])
    assert row[1].startswith(f"【可能应予处理】{f.subject}：{f.message}")
    assert row[1].endswith(f"（{reason}）")
    assert "适用本办法：不能确定（见第三十五条的说明）" in paras.splitlines()
    assert "适用本办法：不能确定（见第三十五条的说明）" in text


def test_a_certain_finding_has_no_reason_line_in_word():
    report = enshi_rules.evaluate((ROOT / "examples" / "overdue_decision.json").read_bytes())
    _, (findings, _) = _text(docx.Document(io.BytesIO(render_docx(report))))
    assert all("可能：" not in row[1] for row in findings[1:])


def test_a_question_for_a_person_reads_as_one_in_word():
    """c13 (review 2, item 11; E-2): 【有待人工判断】 in the Word document too, never 【可以】."""
    from _support.cases import late_application_upheld

    report = enshi_rules.evaluate(late_application_upheld(), as_of="2025-11-10")
    _, (findings, _) = _text(docx.Document(io.BytesIO(render_docx(report))))
    row = next(r for r in findings if "art_027.p1.late_application_answered" in r[2])
    assert row[1].startswith("【有待人工判断】恩施土家族苗族自治州人民政府：复查申请已超过十日期限（至2025年9月15日，含当日）")
    assert row[2].startswith("第二十七条第一款")
    assert not any(r[1].startswith("【可以】") and "复查答复" in r[1] for r in findings[1:])
