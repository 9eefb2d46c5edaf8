"""Records as they are: dates known to the month or year, acts done on an unknown date, acts not
known to have been done (issue 19). This module derives, it does not decide.

A case date may be an interval (``2025-05``: some day of May 2025) or an act's state (``done``:
done, date unknown; ``not_done``; ``unknown``: whether done is not known). The rules judge exact
dates only. So a case with such values is judged in each of its *instantiations*: every imprecise
value is set to each end of what it may be, and an instantiation the timeline makes impossible (a
letter received before it was issued) is moved to the nearest day that is possible, or dropped.
The engine judges each instantiation like any case; :func:`merge` then keeps a finding that holds in
every instantiation as ``certain`` and one that holds in some as ``possible`` (IMP-1, IMP-2).

Why the ends suffice: every date comparison the rules make (a step before or after 2025-03-01, an
act before or after the last day of a period, which moves forward with its start) changes its answer
at most once as one date moves through its interval, so a conclusion that holds at both ends of
each interval holds in between, and one that holds anywhere holds at an end (IMP-1).

What each value means:

* ``YYYY-MM`` / ``YYYY``: from the first to the last day of the month or year (no later than the
  as-of date).
* ``done``: done on a day the record does not give, between the earliest day the timeline allows
  (the day before every other date of the case, or before 2025-03-01, when nothing bounds it) and
  the as-of date. A receipt (``received_on``) done on an unknown day starts a period that cannot be
  counted: it is left unset and the report lists it as a missing fact (IMP-3).
* ``not_done``: as if the field (or, for the date that makes a record, the record) were absent.
* ``unknown``: both: not done, and done on an unknown day.
"""

from __future__ import annotations

import enum
import itertools
import re
import types
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from ..facts import Case, LoadedCase
from ..facts._types import ActState, DateSpan, bounds
from ..rules.art_035 import COMMENCEMENT

__all__ = ["ABSENT", "MAX_INSTANTIATIONS", "Chosen", "Marks", "Slot", "artificial_days", "day_zh", "instantiations", "merge_messages", "slots"]

#: Past this many instantiations, each imprecise value is only moved one at a time (IMP-4).
MAX_INSTANTIATIONS = 64

#: A receipt starts the periods of 第二十七条、第二十八条: done on an unknown day, they cannot be counted.
PERIOD_STARTS = frozenset(
    {
        "supervision.suggestion_letter.received_on",
        "supervision.review_answer.received_on",
        "supervision.decision_letter.received_on",
    }
)


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


#: The value of a slot in an instantiation where the act was not done (the field, or its record, absent).
ABSENT: Any = _Absent()

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Slot:
    """One imprecise value of a case: where it is, what it says, and whether it makes its record."""

    loc: Loc
    path: str  # supervision.suggestion_letter.issued_on, annual_duties[0].case_file_reviews[1]
    value: DateSpan | ActState
    makes_record: bool  # a required field: not done means the record is absent

    @property
    def zh(self) -> str:
        if isinstance(self.value, DateSpan):
            what = "只知年份" if len(self.value.text) == 4 else "只知月份"
            return f"{self.path}（{self.value.zh()}，{what}）"
        return f"{self.path}（{self.value.zh}）"


def _path(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _walk(obj: Any, loc: Loc, out: list[Slot]) -> None:
    if isinstance(obj, BaseModel):
        for name, required in _fields_to_walk(type(obj)):
            v = obj.__dict__.get(name)
            if isinstance(v, (DateSpan, ActState)):
                out.append(Slot(loc + (name,), _path(loc + (name,)), v, required))
            elif isinstance(v, (BaseModel, tuple)):
                _walk(v, loc + (name,), out)
    elif isinstance(obj, tuple):
        for i, v in enumerate(obj):
            if isinstance(v, (DateSpan, ActState)):
                out.append(Slot(loc + (i,), _path(loc + (i,)), v, True))
            elif isinstance(v, BaseModel):
                _walk(v, loc + (i,), out)


#: Leaf types no imprecise value can hide in (a ``dict`` is not walked at all, as before).
_PLAIN = (str, int, float, bool, date, type(None), dict)
_WALK_PLANS: dict[type[BaseModel], tuple[tuple[str, bool], ...]] = {}


def _fields_to_walk(cls: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The fields of ``cls`` that may hold an imprecise value, or a model or a tuple that may (in
    declaration order, with whether each is required): the others are plain values by their
    declared type, which validation made them (issue 18: the walk visited every field of every
    record, a twentieth of an evaluation)."""
    plan = _WALK_PLANS.get(cls)
    if plan is None:
        _WALK_PLANS[cls] = tuple((n, f.is_required()) for n, f in cls.model_fields.items())  # while computing: all
        plan = _WALK_PLANS[cls] = tuple(
            (n, f.is_required()) for n, f in cls.model_fields.items() if _may_hold_imprecise(f.annotation)
        )
    return plan


def _may_hold_imprecise(t: Any) -> bool:
    """Whether a value of declared type ``t`` may be, or contain where :func:`_walk` looks, a
    DateSpan or an ActState; True for any type not understood here."""
    origin = get_origin(t)
    if origin is Annotated:
        return _may_hold_imprecise(get_args(t)[0])
    if origin in (Union, types.UnionType, tuple):
        return any(_may_hold_imprecise(a) for a in get_args(t) if a is not Ellipsis)
    if origin is dict:
        return False
    if isinstance(t, type):
        if issubclass(t, (DateSpan, ActState)):
            return True
        if issubclass(t, BaseModel):
            return bool(_fields_to_walk(t))
        return issubclass(t, (*_PLAIN, enum.Enum)) is False
    return True


def slots(case: Case) -> tuple[Slot, ...]:
    """Every imprecise value of a case, in document order."""
    out: list[Slot] = []
    _walk(case, (), out)
    return tuple(out)


def _exact_dates(obj: Any) -> Iterator[date]:
    if isinstance(obj, date):
        yield obj
    elif isinstance(obj, DateSpan):
        yield obj.lo
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            if name != "as_of":
                yield from _exact_dates(obj.__dict__.get(name))
    elif isinstance(obj, tuple):
        for v in obj:
            yield from _exact_dates(v)


def _set(obj: Any, loc: Loc, value: Any) -> Any:
    """``obj`` with the value at ``loc`` replaced (ABSENT: removed, with its record if it makes it)."""
    head, rest = loc[0], loc[1:]
    if isinstance(obj, tuple):
        assert isinstance(head, int)
        if not rest:
            return obj[:head] + (value,) + obj[head + 1 :]
        return obj[:head] + (_set(obj[head], rest, value),) + obj[head + 1 :]
    assert isinstance(head, str)
    if not rest:
        return obj.model_copy(update={head: value})
    return obj.model_copy(update={head: _set(obj.__dict__[head], rest, value)})


def _apply(case: Case, chosen: Sequence[tuple[Slot, Any]]) -> Case:
    """The case with each slot set; absent slots last, records dropped from the end backwards so
    that positions in a list stay right."""
    drops: list[Loc] = []
    out = case
    for slot, v in chosen:
        if v is ABSENT:
            drops.append(slot.loc[:-1] if slot.makes_record else slot.loc)
        else:
            out = _set(out, slot.loc, v)
    for loc in sorted(drops, key=lambda x: tuple(str(p).zfill(6) if isinstance(p, int) else p for p in x), reverse=True):
        parent_loc, last = loc[:-1], loc[-1]
        if isinstance(last, int):
            parent = _get(out, parent_loc)
            out = _replace(out, parent_loc, parent[:last] + parent[last + 1 :])
        else:
            out = _replace(out, loc, None)
    return out


def _get(obj: Any, loc: Loc) -> Any:
    for part in loc:
        obj = obj[part] if isinstance(part, int) else obj.__dict__[part]
    return obj


def _replace(obj: Any, loc: Loc, value: Any) -> Any:
    if not loc:
        return value
    return _set(obj, loc, value)


#: The records whose ``acted_on`` is the date of the conduct charged, and the articles that judge it
#: (A32-7; an obstruction is also a step of the supervision, A35-1): what the report says when that
#: date may fall on either side of 2025-03-01.
CONDUCT_DATES = {"liabilities[": "第三十二条", "conduct[": "第三十三条", "obstructions[": "第二十五条、第三十四条"}
#: The conduct dates that are no step of the supervision (not bounded by its start, A32-7).
_CHARGED = ("liabilities[", "conduct[")


def _low_for(slot: Slot, case: Case, low: date) -> date:
    """The earliest day an act done on an unknown day may have been: a step of the supervision is
    not before the procedure's start when that is dated (A35-1), a yearly duty not before its year;
    otherwise (a complaint, a major decision, the conduct a liability or misconduct record charges)
    the day before every date of the case (and before 2025-03-01)."""
    if slot.path.startswith("annual_duties[") and isinstance(slot.loc[1], int):
        return date(case.annual_duties[slot.loc[1]].year, 1, 1)
    start = bounds(case.supervision.started_on)
    # the conduct a liability or misconduct record charges is not a step of the supervision: it
    # usually precedes it (A32-7); an obstruction is a step of the supervision it obstructs (A34-2)
    if start is not None and slot.path != "supervision.started_on" and not slot.path.startswith(("major_decisions", "complaints", *_CHARGED)):
        return start[0]
    return low


def _candidates(slot: Slot, low: date, as_of: date) -> list[Any]:
    v = slot.value
    if isinstance(v, DateSpan):
        return [v.lo, min(v.hi, as_of)] if v.lo < min(v.hi, as_of) else [v.lo]
    if v is ActState.NOT_DONE:
        return [ABSENT]
    if v is ActState.DONE and slot.path in PERIOD_STARTS:
        return [ABSENT]  # received, date unknown: its periods cannot be counted (IMP-3)
    ends = [low, as_of]
    if v is ActState.DONE:
        return ends
    return [ABSENT, *ends] if slot.path not in PERIOD_STARTS else [ABSENT]


@dataclass(frozen=True)
class Instantiation:
    """One way the imprecise values may be: the exact case, and each slot's value in it."""

    lc: LoadedCase
    values: tuple[Any, ...]


def instantiations(lc: LoadedCase, found: tuple[Slot, ...], problems: Any) -> tuple[list[Instantiation], bool]:
    """The instantiations to judge, and whether they were cut to one value moved at a time (IMP-4).

    ``problems(case)`` counts the loader's timeline problems of an exact case (0: it may be true).
    """
    dates = [d for d in _exact_dates(lc.case) if d is not None]
    low = min([*dates, COMMENCEMENT]) - timedelta(days=1)
    choices = [_candidates(s, _low_for(s, lc.case, low), lc.as_of) for s in found]
    total = 1
    for c in choices:
        total *= len(c)
    cut = total > MAX_INSTANTIATIONS
    if cut:
        firsts = tuple(c[0] for c in choices)
        lasts = tuple(c[-1] for c in choices)
        combos: list[tuple[Any, ...]] = [firsts, lasts]
        for i, c in enumerate(choices):
            for v in c:
                combos.append(firsts[:i] + (v,) + firsts[i + 1 :])
                combos.append(lasts[:i] + (v,) + lasts[i + 1 :])
    else:
        combos = list(itertools.product(*choices))
    out: list[Instantiation] = []
    seen: set[tuple[Any, ...]] = set()
    for combo in combos:
        values = _repair(lc.case, found, list(combo), choices, problems)
        if values is None or tuple(values) in seen:
            continue
        seen.add(tuple(values))
        case = _apply(lc.case, list(zip(found, values)))
        out.append(Instantiation(LoadedCase(case=case, as_of=lc.as_of, organs=lc.organs), tuple(values)))
    return out, cut


def _repair(case: Case, found: tuple[Slot, ...], values: list[Any], choices: list[list[Any]], problems: Any) -> list[Any] | None:
    """Move dates the timeline forbids to the nearest days it allows within their intervals; None
    when that cannot be done.

    Slot by slot, in passes, a date is moved to the nearest day that lowers the number of timeline
    problems (the days tried: the dates of the case and of the other slots inside its interval,
    nearest first), then back towards where it was as far as that stays so (bisection: the
    timeline's checks are orderings, so what they allow is an interval)."""

    def cost(vals: list[Any]) -> int:
        return int(problems(_apply(case, list(zip(found, vals)))))

    now = cost(values)
    if now == 0:
        return values
    points = sorted({d for d in _exact_dates(case)} | {v for c in choices for v in c if isinstance(v, date)})
    values = values.copy()
    for _ in range(len(found) + 1):
        before = now
        for i, v in enumerate(values):
            if not isinstance(v, date) or now == 0:
                continue
            dated = [c for c in choices[i] if isinstance(c, date)]
            lo, hi = dated[0], dated[-1]
            tries = sorted(
                {p for p in points if lo <= p <= hi} | {lo, hi} | {x for x in values if isinstance(x, date) and lo <= x <= hi},
                key=lambda p: (abs((p - v).days), p),
            )
            trial = values.copy()
            good, level = None, now
            for p in tries:
                if p == v:
                    continue
                trial[i] = p
                c = cost(trial)
                if c < now:
                    good, level = p, c
                    break
            if good is None:
                continue
            bad = v
            while abs((good - bad).days) > 1:
                mid = bad + timedelta(days=(good - bad).days // 2)
                trial[i] = mid
                if cost(trial) <= level:
                    good = mid
                else:
                    bad = mid
            values[i] = good
            now = level
        if now == 0:
            return values
        if now >= before:
            return None
    return None


# ---- merging the reports of the instantiations ---------------------------------------------

_ZH_DATE = re.compile(r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日")


def _zh(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def day_zh(slot: Slot) -> str:
    """How a day that stands for an imprecise value is written, never as if it were known: the day
    an instantiation put it on is one end of an interval, or the as-of date, or the day before every
    date of the case (an act done on an unknown day), none of them a day the record gives."""
    if isinstance(slot.value, DateSpan):
        return f"{slot.value.zh()}的某日"
    return "日期未记录的某日"


@dataclass(frozen=True)
class Chosen:
    """A day an instantiation chose for an imprecise value: how it is written, and the interval the
    instantiations span for that value when they reach both of its ends (None: a derived day)."""

    zh: str
    ends: tuple[date, date] | None = None
    slot: int = -1  # the position of the slot in the case's slots (-1: a derived day)


#: The days an instantiation chose, each with every value that was given it.
Marks = dict[date, tuple[Chosen, ...]]


def artificial_days(lc: LoadedCase, found: Sequence[Slot], values: Sequence[Any]) -> Marks:
    """The days an instantiation gave its imprecise values (``values``, in slot order), each with how
    it is written (:func:`day_zh`) and the ends of what that value may be."""
    low = low_day(lc)
    out: dict[date, tuple[Chosen, ...]] = {}
    for i, (slot, v) in enumerate(zip(found, values)):
        if isinstance(v, date):
            dated = [c for c in _candidates(slot, _low_for(slot, lc.case, low), lc.as_of) if isinstance(c, date)]
            out[v] = out.get(v, ()) + (Chosen(day_zh(slot), (dated[0], dated[-1]) if dated else None, i),)
    return out


def _which(at: Sequence[tuple[date, Marks]]) -> Chosen | None:
    """The value a date of a message stands for, at one place of the message across instantiations:
    the one chosen value that every instantiation where the date is a chosen day gave it (a day two
    values share in one instantiation is the one the others agree on)."""
    sets = [{c.slot: c for c in mk[d]} for d, mk in at if d in mk]
    if not sets:
        return None
    common = set(sets[0]).intersection(*sets[1:])
    if len(common) != 1:
        return None
    return sets[0][common.pop()]


def merge_messages(messages: Sequence[str], low: date, days: Sequence[Marks] = ()) -> str:
    """One message for a conclusion given by several instantiations (``messages``, one per
    instantiation, ``days`` the :func:`artificial_days` of each, with the derived days of that
    instantiation such as a last day counted from an imprecise receipt).

    A date in the message that stands, in every instantiation, for an imprecise value or a day
    derived from one is written as what it stands for (``已于日期未记录的某日制发``,
    ``于2025年9月的某日``), never as the day the instantiation happened to give it (the as-of date,
    an end of the month). Where only dates differ, a date that differs becomes the range it spans
    (``2025年5月1日至2025年5月31日之间``) when that range is the whole of what the value may be
    (or the value is no chosen day at all); otherwise (a day moved to fit the timeline, or a range
    reaching the day before every date of the case) what it stands for (日期未记录的某日, or
    2025年1月的某日 when every value it may stand for is of that month)."""
    marks = list(days) or [{} for _ in messages]
    uniq = list(dict.fromkeys(messages))
    skeletons = {_ZH_DATE.sub("\0", m) for m in uniq}
    if len(skeletons) != 1:
        # worded differently: the first wording, its dates written as they stand in it
        first = uniq[0]
        own = [marks[i] for i, m in enumerate(messages) if m == first]
        return _ZH_DATE.sub(lambda mo: _stands_for(_parse_zh(mo.group(0)), own) or mo.group(0), first)
    parts = [_ZH_DATE.findall(m) for m in messages]
    skeleton = next(iter(skeletons)).split("\0")
    out = skeleton[0]
    for k in range(len(skeleton) - 1):
        at = [(_parse_zh(p[k]), marks[i]) for i, p in enumerate(parts)]
        ds = sorted({d for d, _ in at})
        chosen = _which(at)
        every = all(d in mk for d, mk in at)
        if len(ds) == 1:
            out += chosen.zh if chosen is not None and every else _zh(ds[0])
        elif ds[0] > low and (chosen is None and not any(d in mk for d, mk in at) or chosen is not None and chosen.ends == (ds[0], ds[-1])):
            out += f"{_zh(ds[0])}至{_zh(ds[-1])}之间"
        else:
            out += chosen.zh if chosen is not None else _any_of(at)
        out += skeleton[k + 1]
    return _one_until(out)


#: "至X至Y之间（的某日）": a last day that is a range, after the 至 of a period's words (三十日期限（至…）).
_UNTIL_RANGE = re.compile(r"至(\d{4}年\d{1,2}月\d{1,2}日)至(\d{4}年\d{1,2}月\d{1,2}日)之间(?:的某日)?")


def _one_until(message: str) -> str:
    """A last day known only as a range reads "最后一日在X至Y之间", never "至X至Y之间" (two 至)."""
    return _UNTIL_RANGE.sub(r"最后一日在\1至\2之间", message)


def _any_of(at: Sequence[tuple[date, Marks]]) -> str:
    """A date that differs between instantiations and stands for no one value: what all the values it
    may stand for have in common (2025年1月的某日), else 日期未记录的某日."""
    texts = {c.zh for d, mk in at for c in mk.get(d, ())}
    return texts.pop() if len(texts) == 1 else "日期未记录的某日"


def _stands_for(d: date, marks: Sequence[Marks]) -> str | None:
    if not all(d in mk for mk in marks):
        return None
    chosen = _which([(d, mk) for mk in marks])
    return None if chosen is None else chosen.zh


def _parse_zh(text: str) -> date:
    y, rest = text.split("年")
    mth, d = rest.rstrip("日").split("月")
    return date(int(y), int(mth), int(d))


def low_day(lc: LoadedCase) -> date:
    """The day before every date of the case (and before 2025-03-01): where a ``done`` act's
    instantiation starts when nothing else bounds it."""
    return min([*_exact_dates(lc.case), COMMENCEMENT]) - timedelta(days=1)


def _conduct_article(slot: Slot) -> str | None:
    """The article whose conduct date this slot is (A32-7), or None."""
    if not slot.path.endswith(".acted_on"):
        return None
    return next((article for prefix, article in CONDUCT_DATES.items() if slot.path.startswith(prefix)), None)


def conduct_date_undecided(slot: Slot, lc: LoadedCase) -> bool | None:
    """For a conduct date (A32-7): whether the days it may be fall on both sides of 2025-03-01, so that
    whether its article reaches the conduct turns on the day the record does not give (a ``done``, a
    straddling month or year; an obstruction's ``done`` not before a dated start, A34-2). None for
    any other value."""
    if _conduct_article(slot) is None:
        return None
    days = [c for c in _candidates(slot, _low_for(slot, lc.case, low_day(lc)), lc.as_of) if isinstance(c, date)]
    return bool(days) and min(days) < COMMENCEMENT <= max(days)


def missing_reason(slot: Slot) -> str:
    """What the report says of an act recorded without its date, or without saying whether it was done,
    and of a conduct date (A32-7) that may fall on either side of the day the measures took effect."""
    article = _conduct_article(slot)
    if article is not None:  # said only of a conduct date that may fall on either side (conduct_date_undecided)
        known = "未记录或不详" if slot.value is ActState.DONE else f"只记录为{slot.value.zh()}"
        if slot.path.startswith("obstructions["):  # a step of the supervision and, for others, 第三十四条
            return (f"拒绝、阻碍或者不配合监督的行为日期{known}：行为可能在2025年3月1日本办法施行之前（施行前的步骤不依第二十五条认定，"
                    "第三十四条不适用于施行前的行为），也可能在其后，取决于它的认定和说明都标为“可能”（A35-1、A32-7）。")
        return (f"被追究的行为日期{known}：行为可能在2025年3月1日本办法施行之前（{article}不适用于施行前的行为），"
                f"也可能在其后，{article}的认定和说明都标为“可能”（A32-7）。")
    if slot.value is ActState.DONE:
        if slot.path in PERIOD_STARTS:
            return "记录为已做但日期不详：由此起算的期限无法计算，相关期限不作认定。"
        return "记录为已做但日期不详：凡取决于该日期的认定，只在其可能的日期范围内判断，标为“可能”。"
    return "记录为是否已做不详：凡取决于此的认定，按已做和未做两种情况判断，只在一种情况下成立的标为“可能”。"
