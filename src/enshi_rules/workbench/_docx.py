"""The report as a Word document, from a template the 司法局 can edit (docxtpl).

``render_docx(report)`` fills ``templates/report-template.docx`` (or the ``template`` given) with the
fields of :func:`enshi_rules.workbench._views.report_view`: the case, the as-of date, the findings with
their labels and citations, the timeline, the notes, the missing facts and the versions.
"""

from __future__ import annotations

import io
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any

from .._law import text as _text
from . import _views

__all__ = ["render_docx", "template_path"]


def template_path() -> Path:
    return Path(str(resources.files(__package__).joinpath("templates").joinpath("report-template.docx")))


def render_docx(report: Any, *, template: str | Path | None = None) -> bytes:
    """The DOCX bytes of the report."""
    from docxtpl import DocxTemplate

    view = _views.report_view(report)
    ctx = asdict(view)
    ctx["reg_title"] = _text.REGULATION_TITLE
    doc = DocxTemplate(str(template or template_path()))
    doc.render(ctx, autoescape=True)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
