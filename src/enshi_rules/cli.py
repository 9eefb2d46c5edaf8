"""The ``enshi-rules`` command.

``enshi-rules evaluate CASE.json [--as-of DATE] [--format text|json]`` evaluates one case;
``enshi-rules schema`` prints the JSON Schema of the case document (``--report``: of the report,
``--explanation``: of explain's JSON); ``enshi-rules explain CASE.json [--rule ID] [--format
text|json]`` explains each finding (``_explain``); ``enshi-rules report CASE.json --format docx -o
FILE`` writes the report as a Word document from the workbench's editable template. Exit status: 0 on success, 2 for
unreadable or invalid input (one line naming the problem and the field, never a traceback; with
``--format json`` the error is the service's problem object on standard output; a closed standard
input or output too), 1 for an engine failure or output that could not be written (a full disk). A
case is read through the bounded reader (``_input.read_bounded``): one larger than its limit is
refused after reading at most that many bytes; ``--as-of`` is exactly YYYY-MM-DD. Every message is
one line, with anything non-printable escaped. ``--day-counting`` and ``--time-in-post`` each override only the field of the case
document they name. ``enshi-rules batch IN.jsonl [-o OUT.jsonl] [--jobs N] [--as-of DATE]`` evaluates
one case per line (``_batch_cli``; exit 1 if any record failed). ``enshi-rules trace --check``
checks article_map.yaml (exit 1 on any problem); ``enshi-rules articles [N]`` prints an article with
its units' ids and rules (``_trace``; ``27``, ``27.2``, ``第二十七条`` are accepted). ``enshi-rules
serve`` runs the decision service and ``enshi-rules token`` makes its access tokens (``_serve_cli``).
Every command and option has its help in Chinese and English.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._cli import batch as _batch_cli
from ._cli import calendar as _calendar_cli
from ._cli import serve as _serve_cli
from ._cli import trace as trace_cli
from ._engine import mutate as _mutate
from ._evaluate.evaluate import run
from ._evaluate.explain import Explanation, explain_run, render_explanation
from ._evaluate.overrides import add_period_options, with_overrides
from ._evaluate.problems import problem, problem_from_exception
from ._evaluate.text_report import render_text
from ._evaluate.versions import PACKAGE_VERSION, versions
from .errors import CalendarDataError, CalendarFileError, CaseValidationError, EngineError, EnshiRulesError
from .errors import InputError, say
from .facts import MAX_DOCUMENT_BYTES, Case, parse_as_of
from .facts._input import read_bounded
from .report import Report

__all__ = ["main", "render_text"]

def _read(path: str) -> bytes:
    """The case document (``-``: standard input) through the bounded reader: at most
    ``MAX_DOCUMENT_BYTES`` are read; a failure is an :class:`~enshi_rules.errors.InputError`."""
    return read_bounded(path, MAX_DOCUMENT_BYTES)


def _read_error(path: str, exc: OSError) -> str:
    return str(exc) if isinstance(exc, InputError) else f"cannot read {path}: {exc.strerror or exc}"


def _fail(msg: str, code: int = 2) -> int:
    say(f"enshi-rules: {msg}")
    return code


def write_stdout(text: str) -> int:
    """Write ``text`` to standard output and return the exit status: 0, or after one line on
    standard error 2 for a closed standard output and 1 for a failed write (a full disk); a reader
    that went away (``| head``) is 1 without a message."""
    out = sys.stdout
    if out is None:
        return _fail("cannot write standard output: it is closed (标准输出已关闭)")
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except OSError as exc:
        _silence_stdout()
        return _fail(f"cannot write standard output: {exc.strerror or exc}", 1)
    return 0


def _silence_stdout() -> None:
    """Point standard output at /dev/null so Python's flush at exit does not fail a second time."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _fail_json(body: dict[str, Any], code: int = 2) -> int:
    """With ``--format json``: the error as the service's problem object, on standard output."""
    out = {**body, "versions": versions()}
    return write_stdout(json.dumps(out, ensure_ascii=False, indent=2) + "\n") or code


def _load_and_run(args: argparse.Namespace, call: Any) -> tuple[Any, int | None]:
    """Read the case, apply the options, ``call(doc)``; (result, None) or (None, exit status)."""
    as_json = getattr(args, "format", None) == "json"
    try:  # --as-of exactly YYYY-MM-DD, as the case document's dates
        args.as_of = parse_as_of(args.as_of)
    except CaseValidationError as exc:
        if as_json:
            return None, _fail_json(problem_from_exception(exc))
        return None, _fail(f"--as-of: {exc.one_line()}")
    try:
        data = _read(args.case)
    except OSError as exc:
        msg = _read_error(args.case, exc)
        if as_json:
            return None, _fail_json(problem("input-unreadable", f"无法读取 {args.case} / {msg}"))
        return None, _fail(msg)
    try:
        doc = with_overrides(data, day_counting=args.day_counting, time_in_post=args.time_in_post)
        return call(doc), None
    except EnshiRulesError as exc:
        code = 1 if isinstance(exc, EngineError) else 2
        if as_json:
            return None, _fail_json(problem_from_exception(exc), code)
        if isinstance(exc, CaseValidationError):
            return None, _fail(f"{args.case}: invalid case: {exc.one_line()}")
        if isinstance(exc, CalendarFileError):
            return None, _fail(f"日历文件无效 / invalid calendar file: {exc.one_line()}")
        if isinstance(exc, EngineError):
            return None, _fail(f"{args.case}: engine failure: {exc}", 1)
        return None, _fail(f"{args.case}: {exc}")


def _cmd_evaluate(args: argparse.Namespace) -> int:
    report, status = _load_and_run(
        args, lambda doc: run(doc, as_of=args.as_of, **_calendar_cli.overrides(args)).report
    )
    if status is not None:
        return status
    out = report.to_json() + "\n" if args.format == "json" else render_text(report)
    return write_stdout(out)


def _cmd_explain(args: argparse.Namespace) -> int:
    exp, status = _load_and_run(
        args, lambda doc: explain_run(run(doc, as_of=args.as_of, **_calendar_cli.overrides(args)), args.rule)
    )
    if status is not None:
        return status
    return write_stdout(exp.to_json() + "\n" if args.format == "json" else render_explanation(exp))


def _cmd_report(args: argparse.Namespace) -> int:
    """The report as a Word document (the workbench's DOCX export; needs the report extra)."""
    try:
        from .workbench import render_docx
    except ImportError as exc:  # pragma: no cover - depends on the installation
        return _fail(f"report --format docx needs the report extra (pip install 'enshi-rules[report]'): {exc}")
    if args.template and not Path(args.template).is_file():
        return _fail(f"template not found: {args.template}")
    try:
        args.as_of = parse_as_of(args.as_of)
    except CaseValidationError as exc:
        return _fail(f"--as-of: {exc.one_line()}")
    try:
        data = _read(args.case)
    except OSError as exc:
        return _fail(_read_error(args.case, exc))
    try:
        doc = with_overrides(data, day_counting=args.day_counting, time_in_post=args.time_in_post)
        report = run(doc, as_of=args.as_of, **_calendar_cli.overrides(args)).report
        body = render_docx(report, template=args.template)
    except CalendarFileError as exc:
        return _fail(f"日历文件无效 / invalid calendar file: {exc.one_line()}")
    except CaseValidationError as exc:
        return _fail(f"{args.case}: invalid case: {exc.one_line()}")
    except CalendarDataError as exc:
        return _fail(f"{args.case}: {exc}")
    except EngineError as exc:
        return _fail(f"{args.case}: engine failure: {exc}", 1)
    try:
        Path(args.output).write_bytes(body)
    except OSError as exc:
        return _fail(f"cannot write {args.output}: {exc.strerror or exc}")
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    model = {"report": Report, "explanation": Explanation}.get(args.of, Case)
    return write_stdout(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


_FORMAT_HELP = (
    "输出格式：text（中文报告）或 json；json 时错误也输出为 JSON 问题对象 / output format: text (a Chinese "
    "report) or json; with json, errors are JSON problem objects too"
)
_HELP_HELP = "显示帮助并退出 / show this help and exit"


def _version_text() -> str:
    v = versions()
    return (
        f"enshi-rules {PACKAGE_VERSION}\n"
        f"rules {v['rules']}\narticle_map {v['article_map']}\nregulation {v['regulation']}\ntiaoli {v['tiaoli']}\ntiaoli_map {v['tiaoli_map']}"
    )


class _VersionAction(argparse.Action):
    """``--version``: the lines as they are (argparse's own action would re-wrap them)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        sys.stdout.write(_version_text() + "\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="enshi-rules",
        description="《恩施土家族苗族自治州行政执法监督办法》的可执行规则 / the Enshi measures on the supervision of "
        "administrative law enforcement as executable, cited rules",
    )
    p.add_argument("--version", action=_VersionAction, nargs=0,
                   help="显示版本（及规则、条文映射、条文文本、条例摘录的哈希）并退出 / show the version (and the hashes of the "
                        "rules, the article map, the regulation text and the 条例 excerpts) and exit")
    sub = p.add_subparsers(dest="command", required=True, title="命令 / commands", metavar="COMMAND")
    e = sub.add_parser("evaluate", help="评估一个案件文档 / evaluate one case document (JSON; '-' for standard input)")
    e.add_argument("case", metavar="CASE.json", help="案件文档（'-' 为标准输入）/ the case document ('-' for standard input)")
    e.add_argument("--format", choices=("text", "json"), default="text", help=_FORMAT_HELP)
    add_period_options(e)
    _calendar_cli.add_options(e)
    e.set_defaults(func=_cmd_evaluate)
    x = sub.add_parser("explain", help="解释每一项认定：条文、条件、事实、推导链、期间、解释性选择 / explain each finding of a "
                                       "case: text, condition, facts, chain, period, interpretations")
    x.add_argument("case", metavar="CASE.json", help="案件文档（'-' 为标准输入）/ the case document ('-' for standard input)")
    x.add_argument("--rule", default=None, metavar="RULE_ID",
                   help="只解释此规则（或前缀，如 art_027.p2）的认定 / only the findings of this rule id (or a prefix: art_027.p2)")
    x.add_argument("--format", choices=("text", "json"), default="text", help=_FORMAT_HELP)
    add_period_options(x)
    _calendar_cli.add_options(x)
    x.set_defaults(func=_cmd_explain)
    r = sub.add_parser("report", help="把一个案件的报告写成 Word 文档（可编辑的模板）/ write the report of one case as a "
                                      "Word document (from an editable template)")
    r.add_argument("case", metavar="CASE.json", help="案件文档（'-' 为标准输入）/ the case document (JSON; '-' for standard input)")
    r.add_argument("--format", choices=("docx",), default="docx", help="输出格式（docx）/ the output format (docx)")
    r.add_argument("-o", "--output", required=True, help="写入的 .docx 文件 / the .docx file to write")
    r.add_argument("--template", default=None,
                   help="自己的 Word 模板（随包模板的编辑副本）/ your own Word template (an edited copy of the shipped one)")
    add_period_options(r)
    _calendar_cli.add_options(r)
    r.set_defaults(func=_cmd_report)
    s = sub.add_parser("schema", help="输出案件文档的 JSON Schema（--report：报告的）/ print the JSON Schema of the case "
                                      "document (--report: of the report)")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--report", dest="of", action="store_const", const="report",
                   help="报告的 JSON Schema / the JSON Schema of the report")
    g.add_argument("--explanation", dest="of", action="store_const", const="explanation",
                   help="解释的 JSON Schema / the JSON Schema of explain's JSON")
    s.set_defaults(func=_cmd_schema, of="case")
    _batch_cli.add_parser(sub)
    _calendar_cli.add_subcommands(sub)  # calendar show YEAR, calendar check FILE
    trace_cli.add_subcommands(sub)  # trace --check/--coverage/--write-docs, articles [N]
    _serve_cli.add_parser(sub)  # serve, token
    _mutate.add_subcommand(sub)  # mutate: mutation testing of the rules (docs/mutation.md)
    _bilingual_help_option(p)
    return p


def _bilingual_help_option(p: argparse.ArgumentParser) -> None:
    """argparse's own -h/--help, in both languages, on the command and every subcommand."""
    for action in p._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = _HELP_HELP
        if isinstance(action, argparse._SubParsersAction):
            for sp in action.choices.values():
                _bilingual_help_option(sp)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
