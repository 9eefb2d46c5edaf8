"""The workbench for legal staff: the measures with their rules, a case tried in the browser, a report to file.

Pages (in Chinese, server-rendered, no script or font from another host), served by
``enshi-rules serve`` at ``/``:

* ``/`` and ``/articles/{n}``: 条文对照, every article and unit with its status, rules (modality,
  citation, condition in words), the tests that pin them and the interpretations that apply;
  ``/articles?q=`` finds 二十七, 27, 27.2, 第二十七条第二款 or a keyword; ``/interpretations`` links back;
* ``/try``: 试算, a guided form for the common procedure, or a pasted or uploaded case document;
  the report with its findings, explanations in place and the timeline chart; a print stylesheet;
* ``/report.docx``: the report as a Word document from an editable template
  (``enshi-rules report CASE --format docx -o FILE`` on the command line).

:data:`router` needs the ``server`` extra (FastAPI); :func:`render_docx` needs the ``report`` extra.
"""

from __future__ import annotations

from typing import Any

__all__ = ["render_docx", "router"]


def render_docx(report: Any, *, template: Any = None) -> bytes:
    """The DOCX bytes of a report (see :mod:`enshi_rules.workbench._docx`)."""
    from ._docx import render_docx as _render

    return _render(report, template=template)


def __getattr__(name: str) -> Any:
    if name == "router":  # imported lazily: FastAPI is only in the server extra
        from ._web import router

        return router
    raise AttributeError(name)
