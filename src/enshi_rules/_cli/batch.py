"""``enshi-rules batch IN.jsonl [-o OUT.jsonl] [--jobs N] [--as-of DATE]``.

One case document per input line (``-`` reads standard input; blank lines are skipped), one output
line per case, in input order:

- a report, exactly as ``Report.to_json(indent=None)`` writes it (``Report.from_json`` reads it
  back);
- or, for a record that could not be evaluated, ``{"line": N, "case_id": ..., "error": {"kind", "type",
  "message", "problems"?}}`` with its line number in the input and its ``case_id`` when the record
  can be read that far (else null; see :class:`enshi_rules.BatchError`).

``--as-of``, ``--day-counting``, ``--time-in-post`` and the calendar options (``--calendar FILE``,
``--calendar-missing``, ``--no-prefecture-days-off``) are those of ``evaluate``: each overrides only
what it names.

Memory stays constant whatever the input size: lines are read as they are needed, reports are
written as they come, and a line longer than a case document may be (``MAX_DOCUMENT_BYTES``) is an
error record naming its line, skipped without being held. Time is bounded too: the end of such a line
is looked for over at most ``MAX_LINE_SCAN_BYTES`` (64 MiB); a line with no end within that
(``/dev/zero``, a stream that never sends a line break) is its own error record, and the input is
read no further (every record before it has its output; exit status 1).
A progress line is drawn on standard error when it is a terminal; a summary (cases, findings by
article, errors), in Chinese and English, is printed on standard error at the end. Exit status: 0
if every record gave a report, 1 if any record failed (or the output could not be written: a full
disk), 2 for unusable arguments or an input/output that cannot be used (missing, closed, the input
itself), 130 after Ctrl-C (SIGINT) and 143 after SIGTERM (the workers are stopped, nothing is left
behind).

The output never destroys anything by surprise: ``-o`` naming the input file (the same inode, also
when the input is standard input redirected from that file) is refused; ``-o`` naming a file that
exists needs ``--force``; reports are written to a temporary file beside it, renamed over it only
when the run finishes, so an interrupted or failed run leaves the old file (or none) and never half
a report. A symbolic link given to ``-o`` is replaced by the new file; its target is not written.
An existing output that is not a regular file (``/dev/null``, a FIFO) is written directly.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import signal
import stat
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from .._batch import pool as _batch
from .._evaluate.overrides import add_period_options, evaluate_with_overrides
from .._law.text import article_label
from ..errors import CalendarFileError, CaseValidationError, Problem
from ..errors import say as _say
from ..facts import MAX_DOCUMENT_BYTES, parse_as_of
from . import calendar as _calendar_cli

__all__ = ["add_parser", "run"]

#: Longest input line read into memory: a case document at its size limit, and its line ending.
_MAX_LINE = MAX_DOCUMENT_BYTES + 2

#: How far the end of a line too long to hold is looked for (a line with no end within this many
#: bytes is taken as endless, and the input is read no further).
MAX_LINE_SCAN_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class _Oversized:
    """Stands for a line too long to hold; evaluating it gives the size error.

    ``endless``: no line break was found within ``MAX_LINE_SCAN_BYTES`` (nor an end of input)."""

    line: int
    size: int
    endless: bool = False


def jsonl_task(
    payload: Any,
    as_of: date | None,
    day_counting: str | None = None,
    time_in_post: bool | None = None,
    policy_fields: dict[str, Any] | None = None,
) -> tuple[bytes, tuple[int, ...]]:
    """One input line to ``(its output line, articles of its findings)`` (runs in a worker).

    The output line is the report's JSON, UTF-8 encoded, with its line ending: the worker writes its
    own part of the output, and the parent only puts the parts in input order and writes them (it
    neither decodes nor encodes a report; issue 18).

    ``day_counting`` and ``time_in_post`` override only the field of each case they name;
    ``policy_fields`` are the calendar options (``--calendar``, ``--calendar-missing``, ...)."""
    if isinstance(payload, _Oversized):
        n = payload.line
        if payload.endless:
            p = Problem(
                "",
                f"第 {n} 行在 {payload.size} 字节内没有结束（一行上限 {MAX_DOCUMENT_BYTES} 字节）：其后的输入不再读取",
                f"line {n} has no end within {payload.size} bytes (limit {MAX_DOCUMENT_BYTES} per line): "
                "the rest of the input is not read",
            )
        else:
            p = Problem(
                "",
                f"第 {n} 行记录过长（{payload.size} 字节，上限 {MAX_DOCUMENT_BYTES} 字节）",
                f"line {n}: record too long ({payload.size} bytes, limit {MAX_DOCUMENT_BYTES})",
            )
        raise CaseValidationError([p])
    report = evaluate_with_overrides(
        payload, as_of=as_of, day_counting=day_counting, time_in_post=time_in_post, **(policy_fields or {})
    )
    return report.to_json(indent=None).encode("utf-8") + b"\n", tuple(f.article for f in report.findings)


def add_parser(sub: Any) -> None:
    b = sub.add_parser(
        "batch",
        help="批量评估 JSON Lines 文件，一行一个报告 / evaluate a JSON Lines file of cases, one report per line",
        description="每行一个案件文档；按输入顺序每行输出一个报告（或错误记录）。/ Evaluate one case document per "
        "line; write one report (or error record) per line, in order.",
    )
    b.add_argument("input", metavar="IN.jsonl",
                   help="案件文件，每行一个 JSON 文档（'-' 为标准输入）/ cases, one JSON document per line ('-' for standard input)")
    b.add_argument("-o", "--output", default="-", metavar="OUT.jsonl",
                   help="报告写入的文件（默认标准输出）/ where to write the reports (default: standard output)")
    b.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="工作进程数（默认 1：本进程；0：每个 CPU 一个）/ worker processes (default 1: in this process; 0: one per CPU)")
    b.add_argument("--force", action="store_true",
                   help="OUT.jsonl 已存在时替换它（运行结束时才替换）/ replace OUT.jsonl if it exists (only when the run finishes)")
    add_period_options(b)
    _calendar_cli.add_options(b)
    b.set_defaults(func=run)


def _fail(msg: str, code: int = 2) -> int:
    _say(f"enshi-rules batch: {msg}")
    return code


class _Terminated(Exception):
    """SIGTERM arrived: stop as after Ctrl-C."""


def _on_sigterm(signum: int, frame: Any) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # one stop is enough: cleaning up is not interrupted
    raise _Terminated


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _stdout_buffer() -> IO[bytes] | None:
    return getattr(sys.stdout, "buffer", None)


class _Output:
    """Where reports go: standard output, a device or FIFO written directly, or a temporary file
    beside the target, renamed over it by :meth:`commit` (removed by :meth:`discard` otherwise)."""

    def __init__(self, target: str, fh: IO[bytes], tmp: str | None) -> None:
        self.target, self.fh, self.tmp = target, fh, tmp

    def commit(self) -> None:
        if self.fh is not _stdout_buffer():
            self.fh.close()
        if self.tmp is not None:
            os.replace(self.tmp, self.target)
            self.tmp = None

    def discard(self) -> None:
        if self.fh is not _stdout_buffer():
            with contextlib.suppress(OSError):
                self.fh.close()
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
            self.tmp = None


def _open_output(path: str, force: bool, fin_stat: os.stat_result | None) -> _Output | str:
    """The output for ``-o path``, or why it cannot be used."""
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        return f"cannot write {path}: {exc.strerror or exc}"
    if st is not None:
        if fin_stat is not None and _same_file(st, fin_stat):
            return f"输出文件就是输入文件 / the output file {path} is the input: it would be destroyed before it is read"
        if not stat.S_ISREG(st.st_mode):
            try:
                return _Output(path, open(path, "wb"), None)  # noqa: SIM115 - a device or FIFO
            except OSError as exc:
                return f"cannot write {path}: {exc.strerror or exc}"
        if not force:
            return f"{path} 已存在，替换请加 --force / {path} exists: add --force to replace it"
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    except OSError as exc:
        return f"cannot write {path}: {exc.strerror or exc}"
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)  # as open() would have made it, not mkstemp's 0600
    return _Output(path, os.fdopen(fd, "wb"), tmp)


class _Lines:
    """The records of a JSONL stream, each with its line number, read lazily."""

    def __init__(self, fh: IO[bytes]) -> None:
        self.fh = fh
        # line numbers of records read and not yet written, with the record (for an error's case_id)
        self.numbers: deque[tuple[int, bytes | _Oversized]] = deque()
        self.bytes_read = 0

    def __iter__(self) -> Iterator[bytes | _Oversized]:
        lineno = 0
        while True:
            line = self.fh.readline(_MAX_LINE)
            if not line:
                return
            lineno += 1
            self.bytes_read += len(line)
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]  # a UTF-8 byte order mark, as some editors write
            payload: bytes | _Oversized = line
            if len(line) >= _MAX_LINE and not line.endswith(b"\n"):
                size = len(line)
                # skip the rest without holding it, and look for its end only so far
                while line and not line.endswith(b"\n") and size < MAX_LINE_SCAN_BYTES:
                    line = self.fh.readline(min(1 << 20, MAX_LINE_SCAN_BYTES - size))
                    size += len(line)
                    self.bytes_read += len(line)
                endless = bool(line) and not line.endswith(b"\n")
                payload = _Oversized(lineno, size, endless)
                self.numbers.append((lineno, payload))
                yield payload
                if endless:
                    return  # no end within the bound: what follows cannot be told apart
                continue
            if not line.strip():
                continue
            self.numbers.append((lineno, payload))
            yield payload


class _Progress:
    """A one-line progress display on standard error, drawn only when it is a terminal."""

    def __init__(self, total_bytes: int | None) -> None:
        self.on = sys.stderr.isatty()
        self.total = total_bytes
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, done: int, errors: int, bytes_read: int, *, force: bool = False) -> None:
        if not self.on:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.2:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        text = f"{done:,} cases  {errors:,} errors  {rate:,.0f}/s"
        if self.total:
            frac = min(bytes_read / self.total, 1.0)
            bar = "#" * int(frac * 30)
            text = f"[{bar:<30}] {frac:4.0%}  " + text
        sys.stderr.write("\r" + text + "\x1b[K")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.on:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    try:
        as_of = parse_as_of(args.as_of)
    except CaseValidationError as exc:
        return _fail(f"--as-of: {exc.one_line()}")
    jobs = _batch.default_jobs() if args.jobs == 0 else args.jobs
    if jobs < 0:
        return _fail(f"--jobs must be 0 (one per CPU) or more, not {args.jobs}")
    try:
        ov = _calendar_cli.overrides(args)
        # a bad calendar file stops the batch before any case is read
        _batch.calendar_options(
            ov["calendar"], missing_calendar=ov["missing_calendar"], prefecture_days_off=ov["prefecture_days_off"]
        )
    except CalendarFileError as exc:
        return _fail(f"日历文件无效 / invalid calendar file: {exc.one_line()}")

    if args.input == "-":
        if getattr(sys.stdin, "buffer", None) is None:
            return _fail("cannot read standard input: it is closed (标准输入已关闭)")
        fin: IO[bytes] = sys.stdin.buffer
    else:
        try:
            fin = open(args.input, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            return _fail(f"cannot read {args.input}: {exc.strerror or exc}")
    try:
        try:
            fin_stat: os.stat_result | None = os.fstat(fin.fileno())
        except (OSError, ValueError):
            fin_stat = None
        regular_input = fin_stat is not None and stat.S_ISREG(fin_stat.st_mode)
        total = fin_stat.st_size if fin_stat is not None and regular_input else None  # a pipe has no size
        if args.output == "-":
            stdout = _stdout_buffer()
            if stdout is None:
                return _fail("cannot write standard output: it is closed (标准输出已关闭)")
            try:
                out_stat: os.stat_result | None = os.fstat(stdout.fileno())
            except (OSError, ValueError):
                out_stat = None
            if fin_stat is not None and out_stat is not None and regular_input and _same_file(fin_stat, out_stat):
                return _fail("标准输出就是输入文件 / standard output is the input file: it would be destroyed before it is read")
            out: _Output | str = _Output("-", stdout, None)
        else:
            out = _open_output(args.output, args.force, fin_stat if regular_input else None)
        if isinstance(out, str):
            return _fail(out)
        in_main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGTERM, _on_sigterm) if in_main else None
        try:
            task = functools.partial(
                jsonl_task, day_counting=args.day_counting, time_in_post=args.time_in_post,
                policy_fields=_calendar_cli.overrides(args),
            )
            code, complete = _run(fin, out.fh, as_of, jobs, total, task)
            if complete:
                out.commit()
            return code
        except OSError as exc:  # closing or renaming the output
            return _fail(f"cannot write {args.output}: {exc.strerror or exc}", 1)
        finally:
            out.discard()
            if in_main:
                signal.signal(signal.SIGTERM, previous)
    finally:
        if fin is not getattr(sys.stdin, "buffer", None):
            fin.close()


def _case_id(payload: Any) -> str | None:
    """The ``case_id`` of a record that gave no report, when the record can be read that far."""
    if not isinstance(payload, bytes):
        return None
    try:
        doc = json.loads(payload)
    except (ValueError, RecursionError):
        return None
    cid = doc.get("case_id") if isinstance(doc, dict) else None
    return cid if isinstance(cid, str) and len(cid) <= 64 else None  # an id, not a payload


def _run(
    fin: IO[bytes], fout: IO[bytes], as_of: date | None, jobs: int, total: int | None, task: Any = jsonl_task
) -> tuple[int, bool]:
    """Evaluate every line; the exit status, and whether the output is complete."""
    lines = _Lines(fin)
    progress = _Progress(total)
    started = time.monotonic()
    cases = errors = 0
    by_article: Counter[int] = Counter()
    by_kind: Counter[str] = Counter()
    shown: list[str] = []
    try:
        for _, ok, value in _batch.iter_values(lines, task=task, as_of=as_of, jobs=jobs):
            lineno, payload = lines.numbers.popleft()
            cases += 1
            if ok:
                line, articles = value
                by_article.update(articles)
            else:
                errors += 1
                by_kind[value.kind] += 1
                case_id = _case_id(payload)
                text = json.dumps({"line": lineno, "case_id": case_id, "error": value.to_dict()}, ensure_ascii=False)
                line = text.encode("utf-8") + b"\n"
                if len(shown) < 5:
                    who = f" ({case_id})" if case_id else ""
                    shown.append(f"  第 {lineno} 行 / line {lineno}{who}: {value.kind}: {value.message[:300]}")
            fout.write(line)
            progress.update(cases, errors, lines.bytes_read)
        fout.flush()
    except KeyboardInterrupt:
        progress.clear()
        _say(f"enshi-rules batch: 已中断，完成 {cases:,} 件 / interrupted after {cases:,} cases")
        return 130, False
    except _Terminated:
        progress.clear()
        _say(f"enshi-rules batch: 已终止（SIGTERM），完成 {cases:,} 件 / terminated (SIGTERM) after {cases:,} cases")
        return 143, False
    except BrokenPipeError:
        progress.clear()
        # the reader went away (``| head``): stop quietly, and keep Python from complaining at exit
        if fout is _stdout_buffer():
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1, False
    except OSError as exc:  # a full disk, an I/O error
        progress.clear()
        if fout is _stdout_buffer():
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        _say(f"enshi-rules batch: 无法写入输出 / cannot write the output: {exc.strerror or exc}")
        return 1, False
    progress.clear()
    _summary(cases, errors, by_article, by_kind, shown, time.monotonic() - started)
    return (1 if errors else 0), True


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _summary(
    cases: int, errors: int, by_article: Counter[int], by_kind: Counter[str], shown: list[str], seconds: float
) -> None:
    """The summary on standard error, each line in Chinese, then in English."""
    kinds = ", ".join(f"{k} {n:,}" for k, n in sorted(by_kind.items()))
    _say(
        f"enshi-rules batch: 案件 {cases:,} 件，报告 {cases - errors:,} 份，错误 {errors:,} 条"
        + (f"（{kinds}）" if kinds else "")
        + f"，用时 {seconds:.1f} 秒 / "
        + f"{_n(cases, 'case')}, {_n(cases - errors, 'report')}, {_n(errors, 'error')}"
        + (f" ({kinds})" if kinds else "")
        + f" in {seconds:.1f} s"
    )
    if by_article:
        arts = ", ".join(f"{article_label(a)} {n:,}" for a, n in sorted(by_article.items()))
        total = sum(by_article.values())
        _say(f"按条文统计的认定 / findings by article: {arts} (合计 {total:,} / total {total:,})")
    else:
        _say("按条文统计的认定 / findings by article: 无 / none")
    if shown:
        _say("错误 / errors:")
        for line in shown:
            _say(line)
        if errors > len(shown):
            _say(f"  …… 另有 {errors - len(shown):,} 条，见输出 / … {errors - len(shown):,} more in the output")
