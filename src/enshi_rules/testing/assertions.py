"""Assertion helpers for test suites that check reports of :func:`enshi_rules.evaluate`.

Each helper takes a :class:`~enshi_rules.Report` and the properties a finding (or note) must have.
A failure raises ``AssertionError`` with a message that says what was expected, which findings came
nearest and how they differ, and the whole report in readable Chinese (the text of
``enshi-rules evaluate``)::

    from enshi_rules.testing import assert_finding, assert_no_finding

    report = enshi_rules.evaluate(case, as_of="2025-10-20")
    f = assert_finding(report, cite="第二十七条第二款", status="late", due="2025-10-09", days_late=1)
    assert_no_finding(report, article=28)

Criteria (all optional; one that is not given matches anything):

- ``cite``: a citation as the measures are cited, ``"第二十七条第二款"``, ``"第二十六条第（三）项"``
  (with or without the title 《…》); it sets ``article`` / ``paragraph`` / ``item``, and a part it
  leaves out (``"第二十七条"``) matches any;
- ``article``, ``paragraph``, ``item``: numbers;
- ``rule_id``: exact, or a pattern with ``*`` (``"art_027.p2.*"``);
- ``modality``: ``"shall"`` / ``"may"`` / ``"shall_not"`` / ``"violation"`` / ``"exemption"``, a
  :class:`~enshi_rules.Modality`, or 应当 / 可以 / 不得 / 违反 / 例外 (免责、容错 are accepted for it);
- ``status``: ``"pending"`` / ``"on_time"`` / ``"late"`` / ``"overdue"``, a
  :class:`~enshi_rules.DeadlineStatus`, or the words of the text report (期限未届满, 按期完成,
  逾期完成, 逾期未完成, ...);
- ``due``, ``done_on``, ``period_start``: a ``date`` or an ISO date string;
- ``days_late``, ``period_days``: a number, or ``None`` to require that there is none;
- ``subject``, ``subject_id``: the organ's name or id; ``message_contains``: a piece of the message.
- ``defeated_by``, ``depends_on``: the rule id of the exception that defeats the finding, of the
  finding whose open question it depends on (``None``: not defeated, depends on nothing);
- ``counted_to``: the day an overdue count stopped; ``performed``: ``True`` for a 应当 duty performed;
- ``interpretation``: one register id among those the finding relied on (``"A27-6"``);
- ``certainty``: ``certain`` / ``possible`` (or 确定 / 可能), when the case has imprecise dates (IMP-1).

Passing ``None`` for a criterion means "this field is empty", not "any".
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from .._engine.rulebook import DeadlineStatus, Modality
from .._evaluate.text_report import render_text
from .._law.text import (
    INSTRUMENTS,
    TIAOLI,
    article_label,
    citation,
    item_marker,
    parse_citation,
    to_chinese_numeral,
)
from ..report import Certainty, Finding, MissingFact, Note, Report
from . import _pins

__all__ = [
    "ANY",
    "assert_finding",
    "assert_in_scope",
    "assert_matches",
    "assert_missing_fact",
    "assert_no_finding",
    "assert_no_missing_facts",
    "assert_no_note",
    "assert_note",
    "assert_out_of_scope",
    "criteria",
    "describe_criteria",
    "find_findings",
    "find_notes",
    "format_report",
    "mismatches",
    "nearest",
]


class _Any:
    """The value of a criterion that was not given: it matches anything."""

    _instance: _Any | None = None

    def __new__(cls) -> _Any:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ANY"

    def __bool__(self) -> bool:
        return False


#: A criterion left at ``ANY`` matches every value.
ANY: Any = _Any()

_MODALITY_WORDS = {
    "应当": Modality.SHALL,
    "可以": Modality.MAY,
    "不得": Modality.SHALL_NOT,
    "违反": Modality.VIOLATION,
    "违法": Modality.VIOLATION,
    "例外": Modality.EXEMPTION,
    "免责": Modality.EXEMPTION,
    "容错": Modality.EXEMPTION,
}

_STATUS_WORDS = {
    "期限未届满": DeadlineStatus.PENDING,
    "未届满": DeadlineStatus.PENDING,
    "按期完成": DeadlineStatus.ON_TIME,
    "在期限内": DeadlineStatus.ON_TIME,
    "在期限内行使": DeadlineStatus.ON_TIME,
    "按期": DeadlineStatus.ON_TIME,
    "逾期完成": DeadlineStatus.LATE,
    "逾期行使": DeadlineStatus.LATE,
    "逾期未完成": DeadlineStatus.OVERDUE,
    "期限届满未行使": DeadlineStatus.OVERDUE,
}

#: The fields a criterion can name, in the order a description lists them.
_FIELDS = (
    "rule_id",
    "article",
    "paragraph",
    "item",
    "modality",
    "status",
    "due",
    "days_late",
    "done_on",
    "period_start",
    "period_days",
    "subject",
    "subject_id",
    "excludes",
    "message_contains",
    "provisional",
    "defeated_by",
    "depends_on",
    "counted_to",
    "performed",
    "interpretation",
    "certainty",
    "instrument",
)
_DATE_FIELDS = ("due", "done_on", "period_start", "counted_to")
_INT_FIELDS = ("article", "paragraph", "item", "days_late", "period_days")


def as_date(name: str, value: Any) -> date | None:
    """A date, or an ISO date string (YYYY-MM-DD) read as one; ``None`` stays ``None``."""
    if value is None or (isinstance(value, date)):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{name} must be a date or an ISO date string (YYYY-MM-DD), not {value!r}")


def _as_enum(name: str, value: Any, enum_type: type, words: Mapping[str, Any]) -> Any:
    if value is None or isinstance(value, enum_type):
        return value
    if isinstance(value, str):
        text = value.strip()
        if text in words:
            return words[text]
        try:
            return enum_type(text)
        except ValueError:
            pass
    allowed = ", ".join([m.value for m in enum_type] + list(words))
    raise ValueError(f"{name} {value!r} is not one of: {allowed}")


def criteria(
    *,
    cite: str | None = None,
    article: Any = ANY,
    paragraph: Any = ANY,
    item: Any = ANY,
    rule_id: Any = ANY,
    modality: Any = ANY,
    status: Any = ANY,
    due: Any = ANY,
    days_late: Any = ANY,
    done_on: Any = ANY,
    period_start: Any = ANY,
    period_days: Any = ANY,
    subject: Any = ANY,
    subject_id: Any = ANY,
    excludes: Any = ANY,
    message_contains: Any = ANY,
    provisional: Any = ANY,
    defeated_by: Any = ANY,
    depends_on: Any = ANY,
    counted_to: Any = ANY,
    performed: Any = ANY,
    interpretation: Any = ANY,
    certainty: Any = ANY,
    instrument: Any = ANY,
) -> dict[str, Any]:
    """The criteria given, checked and normalised (dates parsed, words mapped to enum members).

    Raises ``ValueError`` for a criterion that can never match (a date that is not a date, an
    unknown status, a citation of a unit the measures do not have).
    """
    given: dict[str, Any] = {}
    if cite is not None:
        # a citation naming 《行政执法监督条例》 is one of the 条例 (instrument "tiaoli"); any other of the measures
        ins = TIAOLI if isinstance(cite, str) and cite.lstrip().startswith(f"《{TIAOLI.title}》") else INSTRUMENTS[0]
        try:
            a, p, i = parse_citation(cite, instrument=ins)
        except Exception as exc:  # ValueError, or RuleDefinitionError for a unit that does not exist
            raise ValueError(f"cite {cite!r}: {exc}") from None
        given["instrument"] = ins.report_key
        given["article"] = a
        if p is not None:
            given["paragraph"] = p
        if i is not None:
            given["item"] = i
    values = {
        "article": article, "paragraph": paragraph, "item": item, "rule_id": rule_id,
        "modality": modality, "status": status, "due": due, "days_late": days_late,
        "done_on": done_on, "period_start": period_start, "period_days": period_days,
        "subject": subject, "subject_id": subject_id, "excludes": excludes,
        "message_contains": message_contains, "provisional": provisional, "defeated_by": defeated_by,
        "depends_on": depends_on, "counted_to": counted_to, "performed": performed, "interpretation": interpretation,
        "certainty": certainty,
        "instrument": instrument,
    }  # fmt: skip
    for name, value in values.items():
        if value is ANY:
            continue
        if name in given and given[name] != value:
            raise ValueError(f"cite {cite!r} says {name} {given[name]}, but {name}={value!r} was given too")
        if name in _DATE_FIELDS:
            value = as_date(name, value)
        elif name in _INT_FIELDS:
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise ValueError(f"{name} must be a whole number, not {value!r}")
        elif name == "modality":
            value = _as_enum(name, value, Modality, _MODALITY_WORDS)
        elif name == "status":
            value = _as_enum(name, value, DeadlineStatus, _STATUS_WORDS)
        elif name == "certainty":
            value = _as_enum(name, value, Certainty, {"确定": Certainty.CERTAIN, "可能": Certainty.POSSIBLE})
        elif name in ("excludes", "provisional", "performed"):
            if not isinstance(value, bool):
                raise ValueError(f"{name} must be true or false, not {value!r}")
        elif name in ("defeated_by", "depends_on", "instrument") and value is None:
            pass
        elif name == "instrument" and value not in {x.report_key for x in INSTRUMENTS}:
            raise ValueError(f"instrument {value!r} is not one of: {sorted(str(x.report_key) for x in INSTRUMENTS)} (None: the measures)")
        elif not isinstance(value, str):
            raise ValueError(f"{name} must be a string, not {value!r}")
        given[name] = value
    return {k: given[k] for k in _FIELDS if k in given}


def _short_cite(article: int, paragraph: int | None, item: int | None, instrument: str | None = None) -> str:
    try:
        if instrument == TIAOLI.key:
            return citation(article, paragraph, item, instrument=TIAOLI)
        return citation(article, paragraph, item, with_title=False)
    except Exception:  # a unit the measures do not have: say what was asked, as asked
        pass
    out = article_label(article)
    if paragraph is not None:
        out += f"第{to_chinese_numeral(paragraph)}款"
    if item is not None:
        out += f"第{item_marker(item)}项"
    return out


def _show(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "value"):
        return str(value.value)
    return str(value)


def describe_criteria(crit: Mapping[str, Any]) -> str:
    """The criteria in one line: ``第二十七条第二款, status=late, due=2025-10-09``."""
    parts = []
    if "article" in crit:
        cite = _short_cite(crit["article"], crit.get("paragraph"), crit.get("item"), crit.get("instrument"))
        parts.append(cite)
    elif "paragraph" in crit or "item" in crit:
        parts += [f"{k}={_show(crit[k])}" for k in ("paragraph", "item") if k in crit]
    for k in _FIELDS:
        if k in ("article", "paragraph", "item") or k not in crit:
            continue
        if k == "instrument" and crit[k] is None:
            continue  # the measures: the citation says so
        parts.append(f"{k}={_show(crit[k])}")
    return ", ".join(parts) if parts else "(anything)"


def mismatches(obj: Finding | Note, crit: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """``(field, expected, actual)`` for each criterion ``obj`` does not meet (empty: it matches)."""
    out = []
    for name, expected in crit.items():
        if name == "message_contains":
            if expected not in obj.message:
                out.append((name, expected, obj.message))
            continue
        if name == "interpretation":  # one register id among those the finding relied on
            relied = getattr(obj, "interpretations", ())
            if expected not in relied:
                out.append((name, expected, ", ".join(relied) or "none"))
            continue
        if not hasattr(obj, name):
            out.append((name, expected, "(not a field of a " + type(obj).__name__.lower() + ")"))
            continue
        actual = getattr(obj, name)
        if name == "rule_id" and any(ch in expected for ch in "*?["):
            ok = fnmatch.fnmatchcase(actual, expected)
        else:
            ok = actual == expected
        if not ok:
            out.append((name, expected, actual))
    return out


def find_findings(report: Report, **kw: Any) -> tuple[Finding, ...]:
    """The findings of ``report`` that meet the criteria (see the module docstring)."""
    crit = criteria(**kw)
    return tuple(f for f in _check_report(report).findings if not mismatches(f, crit))


def find_notes(report: Report, **kw: Any) -> tuple[Note, ...]:
    """The applicability notes of ``report`` that meet the criteria."""
    crit = criteria(**kw)
    return tuple(n for n in _check_report(report).notes if not mismatches(n, crit))


def format_report(report: Report) -> str:
    """The report as readable Chinese text (what ``enshi-rules evaluate`` prints)."""
    return render_text(report)


def _check_report(report: Any) -> Report:
    if not isinstance(report, Report):
        raise TypeError(f"expected an enshi_rules.Report, got {type(report).__name__}")
    return report


def _label(obj: Finding | Note) -> str:
    return f"{obj.rule_id}（{_short_cite(obj.article, obj.paragraph, obj.item)}）"


def _summary(obj: Finding | Note) -> str:
    if isinstance(obj, Note):
        return f"{_label(obj)} note, excludes={_show(obj.excludes)}"
    bits = [f"modality={_show(obj.modality)}"]
    if obj.status is not None:
        bits += [f"status={_show(obj.status)}", f"due={_show(obj.due)}"]
        if obj.done_on is not None:
            bits.append(f"done_on={_show(obj.done_on)}")
        if obj.days_late is not None:
            bits.append(f"days_late={obj.days_late}")
    return f"{_label(obj)} " + ", ".join(bits)


def nearest(candidates: Sequence[Finding | Note], crit: Mapping[str, Any], limit: int = 3) -> list[str]:
    """Lines describing the candidates closest to the criteria and how each differs."""
    scored = [(len(mismatches(c, crit)), i, c) for i, c in enumerate(candidates)]
    scored = [s for s in scored if s[0] < max(len(crit), 1)]
    scored.sort(key=lambda s: (s[0], s[1]))
    lines = []
    for _, _, c in scored[:limit]:
        diff = "; ".join(f"{n} is {_show(a)}, expected {_show(e)}" for n, e, a in mismatches(c, crit))
        lines.append(f"  - {_summary(c)}\n      differs: {diff}")
    return lines


def _fail(headline: str, details: Iterable[str], report: Report) -> None:
    text = [headline, *details, "", f"report of case {report.case_id} as of {report.as_of.isoformat()}:"]
    text += ["    " + line if line else "" for line in format_report(report).rstrip("\n").split("\n")]
    raise AssertionError("\n".join(text))


def assert_finding(report: Report, *, count: int | None = None, **kw: Any) -> Finding:
    """Assert that a finding meets the criteria; return it (the first, if several do).

    ``count``: the exact number of findings that must meet them. Criteria: see the module docstring.
    """
    crit = criteria(**kw)
    found = [f for f in _check_report(report).findings if not mismatches(f, crit)]
    if found and (count is None or len(found) == count):
        _pins.found(found, crit)
        return found[0]
    if found:
        _fail(
            f"expected {count} finding(s) matching {describe_criteria(crit)}; found {len(found)}:",
            [f"  - {_summary(f)}" for f in found],
            report,
        )
    near = nearest(report.findings, crit)
    details = ["nearest findings:", *near] if near else ["no finding comes near."]
    _fail(f"expected a finding matching {describe_criteria(crit)}; there is none.", details, report)
    raise AssertionError  # pragma: no cover - _fail always raises


def assert_matches(obj: Finding | Note, **kw: Any) -> Finding | Note:
    """Assert that one finding (or note) already in hand meets the criteria; return it.

    For a test that picked a finding out first and then checks its properties::

        f = assert_finding(report, rule_id="art_024.p1.i2.withdrew", count=1)
        assert_matches(f, cite="第二十四条第（二）项", modality="shall", subject="恩施市司法局")
    """
    if not isinstance(obj, (Finding, Note)):
        raise TypeError(f"expected an enshi_rules.Finding or Note, got {type(obj).__name__}")
    crit = criteria(**kw)
    diff = mismatches(obj, crit)
    if diff:
        lines = [f"  {n}: expected {_show(e)}, is {_show(a)}" for n, e, a in diff]
        raise AssertionError(f"{_summary(obj)} does not match {describe_criteria(crit)}:\n" + "\n".join(lines) + f"\n  message: {obj.message}")
    _pins.found([obj], crit)
    return obj


def assert_no_finding(report: Report, **kw: Any) -> None:
    """Assert that no finding meets the criteria (e.g. ``article=28``: nothing cites 第二十八条)."""
    _assert_none(report, criteria(**kw), notes=False)


def assert_note(report: Report, **kw: Any) -> Note:
    """Assert that an applicability note (第二、三、三十五条 ...) meets the criteria; return it."""
    crit = criteria(**kw)
    found = [n for n in _check_report(report).notes if not mismatches(n, crit)]
    if found:
        _pins.found(found, crit)
        return found[0]
    near = nearest(report.notes, crit)
    details = ["nearest notes:", *near] if near else ["no note comes near."]
    _fail(f"expected a note matching {describe_criteria(crit)}; there is none.", details, report)
    raise AssertionError  # pragma: no cover


def assert_no_note(report: Report, **kw: Any) -> None:
    """Assert that no applicability note meets the criteria."""
    _assert_none(report, criteria(**kw), notes=True)


def _assert_none(report: Report, crit: Any, *, notes: bool) -> None:
    checked = _check_report(report)
    found = [x for x in (checked.notes if notes else checked.findings) if not mismatches(x, crit)]
    if found:
        _fail(
            f"expected no {'note' if notes else 'finding'} matching {describe_criteria(crit)}; found {len(found)}:",
            [f"  - {_summary(x)}" for x in found],
            report,
        )
    _pins.absent(crit, notes=notes)


def assert_in_scope(report: Report) -> None:
    """Assert that the measures apply to the case (no note excludes it, and applicability is not
    undetermined: ``in_scope`` is true, not null)."""
    if _check_report(report).in_scope is None:
        why = [n for n in report.notes if n.article == 35 or n.excludes]
        _fail("expected the case to be within the measures; whether they apply cannot be determined:",
              [f"  - {_summary(n)}" for n in why], report)
    if not report.in_scope:
        excl = [n for n in report.notes if n.excludes]
        _fail("expected the case to be within the measures; it is excluded by:", [f"  - {_summary(n)}" for n in excl], report)


def assert_out_of_scope(report: Report, **kw: Any) -> Note:
    """Assert that the case is outside the measures, by an excluding note meeting the criteria."""
    crit = criteria(**kw)
    if _check_report(report).in_scope is not False:
        said = "it is within them" if report.in_scope else "whether they apply cannot be determined (in_scope null)"
        _fail(f"expected the case to be outside the measures ({describe_criteria(crit)}); {said}.", [], report)
    return assert_note(report, excludes=True, **kw)


def assert_missing_fact(report: Report, field: str, *, needed_for: str | None = None) -> MissingFact:
    """Assert that the report names ``field`` as a fact the case lacks; return it."""
    for mf in _check_report(report).missing_facts:
        if mf.field == field and (needed_for is None or mf.needed_for == needed_for):
            return mf
    have = [f"  - {mf.field}（{mf.needed_for}）" for mf in report.missing_facts] or ["  (none)"]
    want = field + (f"（{needed_for}）" if needed_for else "")
    _fail(f"expected the missing fact {want}; the report names:", have, report)
    raise AssertionError  # pragma: no cover


def assert_no_missing_facts(report: Report) -> None:
    """Assert that the evaluation needed no fact the case lacks."""
    if _check_report(report).missing_facts:
        _fail(
            "expected no missing facts; the report names:",
            [f"  - {mf.field}（{mf.needed_for}）" for mf in report.missing_facts],
            report,
        )


# ---- rules that only derive (第十二条至第十四条 -> 第二十六条): asserted through explain's chain -----


def _chains(explanation: Any) -> list[tuple[str, tuple[str, ...]]]:
    from .._evaluate.explain import Explanation  # noqa: PLC0415 - explain evaluates; imported only when used

    if not isinstance(explanation, Explanation):
        raise TypeError(f"expected an enshi_rules.Explanation, got {type(explanation).__name__}")
    return [(x.finding.rule_id, tuple(c.rule_id for c in x.chain)) for x in explanation.findings]


def assert_derived(explanation: Any, rule_id: str, *, into: str | None = None) -> str:
    """Assert that a rule which makes no finding of its own (``reports=False``: 第十二条至第十四条)
    derived the fact a finding rests on: ``rule_id`` is in the chain of a finding of the explanation
    (of a finding of ``into``, a rule id or pattern, when given). Returns that finding's rule id."""
    chains = _chains(explanation)
    for fid, chain in chains:
        if rule_id in chain and (into is None or fid == into or fnmatch.fnmatchcase(fid, into)):
            _pins.derived(rule_id, present=True)
            return fid
    listed = "\n".join(f"  - {fid} <- {' <- '.join(chain) or '(no chain)'}" for fid, chain in chains) or "  (no findings)"
    raise AssertionError(f"expected {rule_id} in the chain of a finding" + (f" of {into}" if into else "") + f"; the findings:\n{listed}")


def assert_not_derived(explanation: Any, rule_id: str) -> None:
    """Assert that ``rule_id`` (a rule that only derives) is in the chain of no finding."""
    hits = [fid for fid, chain in _chains(explanation) if rule_id in chain]
    if hits:
        raise AssertionError(f"expected no finding resting on {rule_id}; found: {', '.join(hits)}")
    _pins.derived(rule_id, present=False)
