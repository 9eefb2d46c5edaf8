"""Field types of the case document that refuse what pydantic would otherwise coerce.

pydantic's lax mode reads ``1748822400`` or ``"1748822400"`` as a date (a Unix timestamp), ``"yes"``
or ``1`` as true, ``true``, ``3.0`` or ``"30"`` as an integer, and ``\\d`` matches any script's digits
("４２２８０１"). A case document is evidence: a date is written ``YYYY-MM-DD`` in ASCII digits, a yes
or no is ``true`` or ``false``, an integer is a JSON integer, a division code is six ASCII digits,
and an id or a name holds no invisible character (control, zero-width, bidi override, NUL) that
would make two different values look alike or forge a line of output. Anything else is a data
error naming the field.
"""

from __future__ import annotations

import calendar
import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer, PlainValidator, StrictBool, StrictInt, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..errors import CaseValidationError, Problem

__all__ = [
    "ActState", "AsOf", "Code", "DateSpan", "Day", "Id", "LATEST_DATE", "Name", "Occurred", "StrictBool", "StrictInt",
    "Text", "Visible", "When", "ZhStrEnum", "bounds", "exact", "parse_as_of", "zh_when",
]

_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

#: The latest date a case may give. A period of the measures (30 days, rolled to a working day)
#: starting on it must still be a date: Python's dates end on 9999-12-31.
LATEST_DATE = date(9998, 12, 31)


def _in_range(value: date) -> date:
    if value > LATEST_DATE:
        raise PydanticCustomError(
            "date_too_late",
            "date {value} is too late: a period starting on it would pass 9999-12-31 (latest {latest})",
            {"value": value.isoformat(), "latest": LATEST_DATE.isoformat(),
             "zh": f"日期 {value.isoformat()} 过晚：由此起算的期间会超出 9999-12-31（最晚 {LATEST_DATE.isoformat()}）"},
        )
    return value


def parse_as_of(value: date | str | None) -> date | None:
    """An as-of date: a ``date`` or ``YYYY-MM-DD`` text, exactly as a case document's dates.

    ``20251101``, ``2025-W44-6`` or a ``datetime`` are refused with a
    :class:`~enshi_rules.errors.CaseValidationError` naming ``as_of``.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        raise CaseValidationError([Problem("as_of", "判断日应为日期，不应包含时间", "as_of must be a date, not a datetime")])
    day: date | None = None
    if isinstance(value, date):
        day = value
    elif isinstance(value, str) and _ISO.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            day = None
    if day is None:
        zh, en = (repr(value[:40]),) * 2 if isinstance(value, str) else _shown(value)
        raise CaseValidationError(
            [Problem("as_of", f"判断日 {zh} 不是 YYYY-MM-DD 格式的真实日期", f"as_of {en} is not a real date written YYYY-MM-DD")]
        )
    if day > LATEST_DATE:
        raise CaseValidationError(
            [Problem("as_of", f"判断日 {day} 过晚（最晚 {LATEST_DATE}）", f"as_of {day} is too late (latest {LATEST_DATE})")]
        )
    return day


def _shown(value: Any) -> tuple[str, str]:
    """A value that is not text as a reader of a JSON document knows it, in Chinese and English
    (never a Python type name)."""
    if value is None or isinstance(value, (bool, int, float)):
        text = "null" if value is None else ("true" if value is True else "false" if value is False else str(value)[:40])
        return text, text
    if isinstance(value, (list, tuple)):
        return "（数组）", "(an array)"
    if isinstance(value, dict):
        return "（对象）", "(an object)"
    return "（其他值）", "(another value)"


def _as_of_value(value: Any) -> date:
    """A case document's ``as_of``. A text or value that is not a real ``YYYY-MM-DD`` date is refused
    with the words :func:`parse_as_of` uses for the same mistake in ``--as-of`` or the service's
    ``?as_of=``, naming 判断日; a date too late, as every date of the document is."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return _in_range(value)
    day = None
    if isinstance(value, str) and _ISO.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            pass
    if day is not None:
        return _in_range(day)
    try:
        parse_as_of(value)
    except CaseValidationError as exc:
        p = exc.problems[0]
        raise PydanticCustomError("as_of", "{en}", {"en": p.message_en, "zh": p.message_zh}) from None
    raise PydanticCustomError("as_of", "as_of must be a date written YYYY-MM-DD", {"zh": "判断日应为 YYYY-MM-DD 格式的日期"})


#: A case document's ``as_of`` (判断日): ``YYYY-MM-DD`` text (or a ``datetime.date`` from Python),
#: a real date no later than :data:`LATEST_DATE`; a text that is not one is worded as for ``--as-of``.
AsOf = Annotated[date, BeforeValidator(_as_of_value)]


# Categories of characters that do not belong in an id or a name: controls (NUL, newline, ESC),
# format characters (zero-width space, bidi overrides, BOM), line/paragraph separators and
# surrogates. Private-use and unassigned code points are let through (a font or a newer Unicode
# may give them a glyph).
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _visible(value: str, *, allow: str = "") -> str:
    if value.isprintable():
        return value
    for i, ch in enumerate(value):
        if ch in allow or ch.isprintable():
            continue
        cat = unicodedata.category(ch)
        if cat in _INVISIBLE:
            code = f"U+{ord(ch):04X}"
            label = unicodedata.name(ch, cat)
            raise PydanticCustomError(
                "invisible_character",
                "contains the invisible or control character {code} ({label}) at position {pos}",
                {"code": code, "label": label, "pos": i, "zh": f"含有不可见字符或控制字符 {code}（{label}，第 {i + 1} 个字符）"},
            )
    return value


def _visible_text(value: str) -> str:
    return _visible(value, allow="\n\t")


#: An id: 1-64 characters, no whitespace, nothing invisible.
Id = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[^\s]+$"), AfterValidator(_visible)]
#: A name (of an organ, a person): 1-100 visible characters.
Name = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(_visible)]
#: Free text (a description): up to 2,000 characters; line breaks and tabs allowed, nothing else invisible.
Text = Annotated[str, Field(max_length=2000), AfterValidator(_visible_text)]
#: A 6-digit administrative division code, ASCII digits only.
Code = Annotated[str, Field(pattern=r"^[0-9]{6}$")]


#: Any other short text field (文号, a system name): nothing invisible; the field sets its length.
Visible = Annotated[str, AfterValidator(_visible)]


#: ASCII (half-width) parentheses and their full-width forms.
_FULL_WIDTH_PARENTHESES = str.maketrans({"(": "（", ")": "）"})


class ZhStrEnum(enum.StrEnum):
    """An enum whose Chinese values hold full-width parentheses (``县（市）``): a value written with
    ASCII parentheses (``县(市)``, as many databases store it) is read as the same value, wherever it
    comes from (a document, the command line, the service, Python: ``OrganLevel("县(市)")``); the value
    kept, and written in a report, is the full-width one."""

    @classmethod
    def _missing_(cls, value: object) -> ZhStrEnum | None:
        if isinstance(value, str):
            full = value.translate(_FULL_WIDTH_PARENTHESES)
            if full != value:
                for member in cls:
                    if member.value == full:
                        return member
        return None


# ---- dates of any precision, and acts whose date or performance is not known (issue 19) ------


@dataclass(frozen=True, order=True)
class DateSpan:
    """A date known only to its month (``2025-05``) or year (``2025``): the interval it covers.

    ``lo`` and ``hi`` are the first and the last day of the month or year; ``text`` is what the
    document said. A case date of this kind is judged for every day of the interval: a finding that
    holds for each is certain, one that holds for some is possible (docs/case-format.md).
    """

    lo: date
    hi: date
    text: str

    def __str__(self) -> str:
        return self.text

    def zh(self) -> str:
        """``2025年5月`` or ``2025年``."""
        return f"{self.lo.year}年{self.lo.month}月" if len(self.text) == 7 else f"{self.lo.year}年"


class ActState(str, enum.Enum):
    """What a document may say of an act instead of its date."""

    #: the act was done; its date is not known (已做，日期不详)
    DONE = "done"
    #: the act was not done (未做), said explicitly
    NOT_DONE = "not_done"
    #: it is not known whether the act was done (是否已做不详)
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value

    @property
    def zh(self) -> str:
        return {"done": "已做，日期不详", "not_done": "未做", "unknown": "是否已做不详"}[self.value]


_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_YEAR = re.compile(r"[0-9]{4}")


def _span(value: str) -> DateSpan | None:
    if (mo := _MONTH.fullmatch(value)) is not None:
        y, mth = int(mo.group(1)), int(mo.group(2))
        if not 1 <= mth <= 12 or y < 1:
            return None
        last = calendar.monthrange(y, mth)[1]
        return DateSpan(date(y, mth, 1), date(y, mth, last), value)
    if _YEAR.fullmatch(value) and int(value) >= 1:
        y = int(value)
        return DateSpan(date(y, 1, 1), date(y, 12, 31), value)
    return None


def _day_value(value: Any, *, acts: bool) -> Any:
    if isinstance(value, (DateSpan, ActState)):
        if isinstance(value, ActState) and not acts:
            raise PydanticCustomError("iso_date", "a date written YYYY-MM-DD, YYYY-MM or YYYY")
        return value
    if isinstance(value, datetime):
        raise PydanticCustomError("iso_date", "a date without a time, YYYY-MM-DD")
    if isinstance(value, date):
        return _in_range(value)
    if isinstance(value, str):
        if _ISO.fullmatch(value):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                raise PydanticCustomError("date_parsing", "not a real date: {value}", {"value": value}) from None
            return _in_range(day)
        span = _span(value)
        if span is not None:
            _in_range(span.hi)
            return span
        if acts and value in {s.value for s in ActState}:
            return ActState(value)
    if acts:
        raise PydanticCustomError(
            "act_date",
            "a date (YYYY-MM-DD, YYYY-MM or YYYY), or done / not_done / unknown",
            {"zh": "日期无效：应为日期（YYYY-MM-DD、YYYY-MM 或 YYYY），或 done（已做，日期不详）、not_done（未做）、unknown（是否已做不详）"},
        )
    raise PydanticCustomError(
        "day", "a date written YYYY-MM-DD, YYYY-MM or YYYY", {"zh": "日期无效：应为 YYYY-MM-DD、YYYY-MM（只知月份）或 YYYY（只知年份）"}
    )


def _day_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


_DAY_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_DAY_SCHEMA = {
    "type": "string",
    "pattern": _DAY_PATTERN,
    "description": "YYYY-MM-DD; or YYYY-MM / YYYY when only the month or the year is known (the interval it covers)",
}
_WHEN_SCHEMA = {
    "anyOf": [
        _DAY_SCHEMA,
        {
            "type": "string",
            "enum": [s.value for s in ActState],
            "description": "done: done, date unknown (已做，日期不详); not_done: not done (未做); unknown: not known whether done (是否已做不详)",
        },
    ]
}

#: A date of any precision: ``YYYY-MM-DD`` (a :class:`datetime.date`), ``YYYY-MM`` or ``YYYY`` (a
#: :class:`DateSpan`, the interval covered).
Day = Annotated[
    date | DateSpan,
    PlainValidator(lambda v: _day_value(v, acts=False)),
    PlainSerializer(_day_text, return_type=str),
    WithJsonSchema(_DAY_SCHEMA),
]
#: The date of an act, or what is known instead of it: a :data:`Day`, or ``done`` (done, date
#: unknown), ``not_done`` or ``unknown`` (:class:`ActState`).
When = Annotated[
    date | DateSpan | ActState,
    PlainValidator(lambda v: _day_value(v, acts=True)),
    PlainSerializer(_day_text, return_type=str),
    WithJsonSchema(_WHEN_SCHEMA),
]


def _occurred_value(value: Any) -> Any:
    bad = PydanticCustomError(
        "occurred", "a date (YYYY-MM-DD, YYYY-MM or YYYY), or done (it happened, date unknown)",
        {"zh": "日期无效：该行为已经发生，应为日期（YYYY-MM-DD、YYYY-MM 或 YYYY）或 done（已发生，日期不详）"},
    )
    try:
        v = _day_value(value, acts=True)
    except PydanticCustomError as exc:
        if exc.type == "act_date":  # another spelling: say what this field takes
            raise bad from None
        raise
    if v in (ActState.NOT_DONE, ActState.UNKNOWN):  # what happened was done: not_done / unknown say nothing here
        raise bad
    return v


_OCCURRED_SCHEMA = {
    "anyOf": [
        _DAY_SCHEMA,
        {"type": "string", "enum": [ActState.DONE.value], "description": "done: it happened, on a day the record does not give (已发生，日期不详)"},
    ]
}

#: The date of something that happened (a behaviour charged under 第三十二条): a :data:`Day`, or
#: ``done`` (it happened, date unknown); never ``not_done`` or ``unknown``.
Occurred = Annotated[
    date | DateSpan | ActState,
    PlainValidator(_occurred_value),
    PlainSerializer(_day_text, return_type=str),
    WithJsonSchema(_OCCURRED_SCHEMA),
]


def bounds(value: Any) -> tuple[date, date] | None:
    """The first and last day a date of any precision may be; None for an act without a date."""
    if isinstance(value, DateSpan):
        return value.lo, value.hi
    if isinstance(value, date):
        return value, value
    return None


def exact(value: Any) -> date | None:
    """The date when it is exact, else None."""
    return value if isinstance(value, date) else None


def zh_when(value: Any) -> str:
    """A date of any precision, or an act's state, the Chinese way."""
    if isinstance(value, DateSpan):
        return value.zh()
    if isinstance(value, ActState):
        return value.zh
    return f"{value.year}年{value.month}月{value.day}日"
