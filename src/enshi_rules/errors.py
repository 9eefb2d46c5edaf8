"""Every error enshi-rules raises on purpose.

The tree (each class also subclasses the built-in error it resembles, so ``except ValueError``
in a caller keeps working)::

    EnshiRulesError (Exception)
    ├── CaseValidationError (ValueError)      a case document is malformed or impossible;
    │                                          ``.problems`` lists every problem with its field path
    ├── CalendarDataError (LookupError)        a date falls in a year with no holiday calendar data
    ├── CalendarFileError (ValueError)         a calendar file is malformed; ``.problems`` names file, line, field
    ├── RuleDefinitionError (TypeError)        a rule module declares something the engine forbids
    └── EngineError (RuntimeError)             the rule engine failed while evaluating a case
        └── RuleExecutionError                 a rule's finding builder raised; names the rule and article

Messages name the field and, where one applies, the article. Nothing in this package swallows an
exception or stores it as a string: an error inside matching or inside a finding builder reaches the
caller as one of these.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CalendarDataError",
    "CalendarFileError",
    "CalendarProblem",
    "CaseValidationError",
    "EngineError",
    "EnshiRulesError",
    "Problem",
    "RuleDefinitionError",
    "RuleExecutionError",
]


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

    def __str__(self) -> str:
        return f"{self.path or '<document>'}: {self.message_zh} / {self.message_en}"


class CaseValidationError(EnshiRulesError, ValueError):
    """The case document is not valid; ``problems`` lists every problem found, in document order."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        n = len(self.problems)
        head = f"case document has {n} problem{'s' if n != 1 else ''}"
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{head}:\n{lines}" if lines else head)

    def one_line(self) -> str:
        """The problems on one line, for a command-line message."""
        return "; ".join(str(p) for p in self.problems)


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
