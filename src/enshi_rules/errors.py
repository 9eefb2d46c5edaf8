"""Every error enshi-rules raises on purpose.

The tree (each class also subclasses the built-in error it resembles, so ``except ValueError``
in a caller keeps working)::

    EnshiRulesError (Exception)
    ├── CaseValidationError (ValueError)      a case document is malformed or impossible;
    │   │                                      ``.problems`` lists the problems with their field paths
    │   │                                      (the first 50; ``.omitted`` counts the rest)
    │   └── RegistryError                      an organ registry cannot be read or is invalid
    │                                          (a loop of parents, a bad entry); ``.path``, ``.reason``
    ├── InputError (OSError)                   an input cannot be read (missing, a directory, closed
    │   │                                      standard input); ``.path``, ``.reason``
    │   └── InputTooLargeError                 an input is larger than its limit (read no further)
    ├── ReportFormatError (ValueError)         ``Report.from_json`` was given something not a report
    ├── CalendarDataError (LookupError)        a date falls in a year with no holiday calendar data
    ├── CalendarFileError (ValueError)         a calendar file is malformed; ``.problems`` names file, line, field
    ├── RuleDefinitionError (TypeError)        a rule module declares something the engine forbids
    └── EngineError (RuntimeError)             the rule engine failed while evaluating a case
        └── RuleExecutionError                 a rule's finding builder raised; names the rule and article

Messages name the field and, where one applies, the article. Every message is one line: a
character that is not printable (a newline, an escape, a bidi override, NUL) is written as its
escape (``\\n``, ``\\x1b``, ``\\u202e``), so no input can forge a line of our output. Nothing in this package swallows an
exception or stores it as a string: an error inside matching or inside a finding builder reaches the
caller as one of these.
"""

from __future__ import annotations

import sys

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "CalendarDataError",
    "CalendarFileError",
    "CalendarProblem",
    "CaseValidationError",
    "EngineError",
    "EnshiRulesError",
    "InputError",
    "InputTooLargeError",
    "MAX_PROBLEMS",
    "Problem",
    "RegistryError",
    "ReportFormatError",
    "RuleDefinitionError",
    "RuleExecutionError",
    "printable",
]

#: Problems kept in a CaseValidationError; the rest are only counted (``omitted``).
MAX_PROBLEMS = 50

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` on one line with every non-printable character escaped (``\\n``, ``\\x1b``, ``\\u202e``).

    Printable means what :meth:`str.isprintable` says, plus the ordinary space: no control, format
    (zero-width, bidi), separator other than a space, surrogate or unassigned character is left
    for a terminal or a log to interpret.
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable():
            out.append(ch)
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        else:
            n = ord(ch)
            out.append(f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}")
    return "".join(out)


def say(line: str) -> None:
    """One line on standard error, non-printable characters escaped; nothing if stderr is closed."""
    err = sys.stderr
    if err is None:
        return
    try:
        err.write(printable(line) + "\n")
        err.flush()
    except (OSError, ValueError):
        pass


class EnshiRulesError(Exception):
    """Base class of every error raised by enshi-rules."""


@dataclass(frozen=True)
class Problem:
    """One problem found in a case document.

    ``path`` is the field path in the document (``supervision.suggestion_letter.received_on``),
    ``message_zh`` and ``message_en`` say what is wrong in Chinese and in English.
    """

    path: str
    message_zh: str
    message_en: str

    def __post_init__(self) -> None:
        # A path or message can quote the input (an unknown key, an organ id): keep it one line.
        for name in ("path", "message_zh", "message_en"):
            value = getattr(self, name)
            if not value.isprintable():
                object.__setattr__(self, name, printable(value))

    def __str__(self) -> str:
        return f"{self.path or '<document>'}: {self.message_zh} / {self.message_en}"


class CaseValidationError(EnshiRulesError, ValueError):
    """The case document is not valid; ``problems`` lists the problems found, in document order.

    At most :data:`MAX_PROBLEMS` are kept (a hostile document can have millions); ``omitted``
    counts the others (also those the caller already left out, given as ``omitted``).
    """

    _what = "case document"

    def __init__(self, problems: Iterable[Problem], *, omitted: int = 0) -> None:
        kept: list[Problem] = []
        more = omitted
        for p in problems:
            if len(kept) < MAX_PROBLEMS:
                kept.append(p)
            else:
                more += 1
        self.problems: tuple[Problem, ...] = tuple(kept)
        self.omitted: int = more
        n = len(self.problems) + more
        head = f"{self._what} has {n} problem{'s' if n != 1 else ''}"
        lines = "\n".join(f"  - {p}" for p in self.problems)
        if more:
            lines += f"\n  - … {more} more"
        super().__init__(f"{head}:\n{lines}" if lines else head)

    def one_line(self) -> str:
        """The problems on one line, for a command-line message."""
        text = "; ".join(str(p) for p in self.problems)
        if self.omitted:
            text += f"; …另有 {self.omitted} 个问题 / {self.omitted} more problems"
        return text


class RegistryError(CaseValidationError):
    """An organ registry cannot be read or is not valid.

    ``path`` is the registry file (``None`` for organs given in Python), ``reason`` says why in one
    line; ``problems`` names each bad entry (``organs[3].parent``), a loop of parents included.
    """

    _what = "organ registry"

    def __init__(self, path: str | None, problems: Iterable[Problem], *, omitted: int = 0) -> None:
        self.path = path
        super().__init__(problems, omitted=omitted)
        where = f"{path}: " if path else ""
        self.reason = self.one_line()
        n = len(self.problems) + self.omitted
        self.args = (f"{where}organ registry has {n} problem{'s' if n != 1 else ''}: {self.reason}",)


class InputError(EnshiRulesError, OSError):
    """An input (a file, standard input, a request body) cannot be read; ``path`` and ``reason``."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(printable(f"cannot read {path}: {reason}"))

    def __str__(self) -> str:
        return str(self.args[0])


class InputTooLargeError(InputError):
    """An input is larger than its limit; reading stopped at the limit (``limit``, in bytes)."""

    def __init__(self, path: str, limit: int) -> None:
        self.limit = limit
        super().__init__(path, f"文档过大（超过 {limit} 字节的上限）/ larger than the limit of {limit} bytes")


class ReportFormatError(EnshiRulesError, ValueError):
    """``Report.from_json`` was given text that is not a report enshi-rules wrote."""


class CalendarDataError(EnshiRulesError, LookupError):
    """A legal period touches a year for which no statutory holiday calendar is available.

    Raised by the period functions in strict mode (``missing_calendar="strict"``) and for a year no
    method covers; an evaluation turns it into a missing fact for that period and reports the rest.
    """

    def __init__(self, year: int, *, field: str | None = None) -> None:
        self.year = year
        self.field = field
        where = f"（字段 {field}）" if field else ""
        where_en = f" (field {field})" if field else ""
        msg = (
            f"{year}年没有节假日数据{where}，无法计算期间；请用 --calendar 提供该年的日历文件"
            f"（国务院办公厅节假日安排通知），见 docs/calendar.md / no statutory holiday calendar for "
            f"{year}{where_en}: supply the year's calendar file (the State Council's notice) with --calendar"
        )
        super().__init__(msg)


@dataclass(frozen=True)
class CalendarProblem:
    """One problem in a calendar file: the file, the line (1-based; 0 when it concerns the whole file),
    the field (``calendars[0].days_off[3]``), and what is wrong in Chinese and in English."""

    file: str
    line: int
    field: str
    message_zh: str
    message_en: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message_zh} / {self.message_en}"


class CalendarFileError(EnshiRulesError, ValueError):
    """A calendar file (``--calendar``, ``ENSHI_RULES_CALENDAR``, ``calendar=``) is not valid;
    ``problems`` lists every problem found."""

    def __init__(self, problems: list[CalendarProblem] | tuple[CalendarProblem, ...]) -> None:
        self.problems: tuple[CalendarProblem, ...] = tuple(problems)
        n = len(self.problems)
        head = f"日历文件有 {n} 处错误 / calendar file has {n} problem{'s' if n != 1 else ''}"
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{head}:\n{lines}" if lines else head)

    def one_line(self) -> str:
        """The problems on one line, for a command-line message."""
        return "; ".join(str(p) for p in self.problems)


class RuleDefinitionError(EnshiRulesError, TypeError):
    """A rule module declares a rule the engine does not allow (a join, a duplicate id, ...)."""


class EngineError(EnshiRulesError, RuntimeError):
    """The durable-rules engine failed while evaluating a case."""


class RuleExecutionError(EngineError):
    """A rule's finding builder raised an exception; the original is chained as ``__cause__``."""

    def __init__(self, rule_id: str, citation: str, detail: str) -> None:
        self.rule_id = rule_id
        self.citation = citation
        super().__init__(f"rule {rule_id} ({citation}) failed: {detail}")
