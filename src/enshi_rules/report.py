"""What an evaluation returns: a :class:`Report` of cited :class:`Finding` objects.

A report serialises to JSON deterministically (fields in a fixed order, lists sorted by citation,
ISO dates, UTF-8 Chinese kept as is) and reads back to an equal report::

    text = report.to_json()
    assert Report.from_json(text) == report
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ._engine.rulebook import DeadlineStatus, Modality
from .errors import ReportFormatError, printable

__all__ = [
    "Applicability", "Applicable", "CalendarUsed", "Certainty", "Finding", "InstrumentApplicability", "MatterSourceShown",
    "MissingFact", "Note", "Policy", "Report", "TimelineEntry", "Versions",
]


class Certainty(enum.StrEnum):
    """How sure a conclusion is when the case gives a date only to the month or year, or an act
    without its date or without saying whether it was done (docs/case-format.md, IMP-1)."""

    #: holds for every day (and every state) the imprecise facts may be
    CERTAIN = "certain"
    #: holds for some of them only: the text report says 可能 and why; never a plain 【违反】
    POSSIBLE = "possible"


class Applicable(enum.StrEnum):
    """Whether an instrument applies to the case (第二条、第三条、第三十五条 of the measures; 第二条 of the
    条例 and its 施行日期 2026-02-01)."""

    #: it applies (to the steps its notes say)
    YES = "yes"
    #: it does not apply: a note excludes the case (the measures) or the matter has no step it reaches
    NO = "no"
    #: it cannot be determined from the case: the start is unknown, or known only within an interval
    #: that straddles the 施行日期, or an act of unknown date decides it (A35-1, A35-2, T-1)
    UNDETERMINED = "undetermined"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_M = TypeVar("_M", bound=_Frozen)
#: Fields written to JSON only when they have a value (``exclude_if``): absent means the default.
_OMITTED_WHEN_NONE = frozenset({"instrument"})
_setattr = object.__setattr__

#: The text a finding or note cites (one declaration for both): absent (None) for the measures.
_Instrument = Annotated[
    str | None,
    Field(
        exclude_if=lambda v: v is None,
        description="the text cited: absent for the measures (《恩施土家族苗族自治州行政执法监督办法》), "
        "\"tiaoli\" for 《行政执法监督条例》 (国务院令第825号, from 2026-02-01; docs/tiaoli/)",
    ),
]


def trusted_construct(cls: type[_M], **values: Any) -> _M:
    """A report model from values the library computed itself, already of the declared types, every
    field given: what ``model_construct`` makes (the same ``__dict__``, fields set, no extra, no
    private), without its loop over aliases and defaults, which cost more than validating
    (pydantic 2.14). The hot path of ``evaluate`` builds every finding this way; users get the
    same pydantic models. ``tests/test_report_trusted.py`` checks, on every example, every scenario
    and thousands of generated cases, that validating each model again changes nothing (equal
    values of the same types, the same fields set, the same JSON)."""
    m = cls.__new__(cls)
    _setattr(m, "__dict__", values)
    # a field left out of the JSON when it is None (``instrument``: the measures) is not "set" then,
    # as it is not in a report read back
    _setattr(m, "__pydantic_fields_set__", {k for k, v in values.items() if v is not None or k not in _OMITTED_WHEN_NONE})
    _setattr(m, "__pydantic_extra__", None)
    _setattr(m, "__pydantic_private__", None)
    return m


class Finding(_Frozen):
    """One conclusion of one rule about one subject, with its exact citation.

    ``modality``: ``shall`` / ``may`` / ``shall_not`` say a 应当 / 可以 / 不得 provision applies;
    ``violation`` says a 应当 was not met or a 不得 breached; ``exemption`` says an exception
    defeats a finding. Time-limited findings also carry ``status`` and the period: ``period_start``
    (the day of receipt, not counted), ``period_days``, ``due`` (the last day, after rolling
    forward), ``done_on`` and ``days_late`` (late: days after ``due``; overdue: days from ``due`` to
    the as-of date, or to ``counted_to`` when the matter moved on before it: see ``counted_to``). ``provisional`` is true when ``due`` depends on a year whose holiday
    arrangement is not published (or on a 州庆 whose notice is not known): it may move when the
    notice is published. ``calendar_basis`` names, year by year, the calendar ``due`` was computed with.

    ``interpretations`` names the entries of the register of interpretive choices
    (``docs/interpretations.md``) the finding relied on, e.g. ``["P1", "P2", "P3", "P4", "A27-2"]``.
    ``defeated_by`` is the ``rule_id`` of the exception (容错 of 第三十二条第二款, the termination of
    第二十七条第一款) that defeats this finding: the finding stays in the report so that the conduct
    and the reason it is not pursued are both visible. ``depends_on`` is the ``rule_id`` of a finding
    that leaves an open question this finding depends on (a late application for review answered
    and upheld: whether the supervision ended is for a person to judge). ``counted_to`` is the day
    an overdue count stopped because the matter moved on (the 第二十八条 决定书 was issued).
    ``performed`` says the finding reports a 应当 duty performed (in time, where it has a time limit):
    the text report tags it 【应当·已履行】.
    """

    rule_id: str
    article: int
    paragraph: int | None
    item: int | None
    citation: str
    modality: Modality
    subject: str
    subject_id: str
    message: str
    status: DeadlineStatus | None = None
    period_start: date | None = None
    period_days: int | None = None
    due: date | None = None
    done_on: date | None = None
    days_late: int | None = None
    facts: tuple[str, ...] = ()
    interpretations: tuple[str, ...] = Field(
        default=(), description="the register ids (docs/interpretations.md) the finding relied on, e.g. P1, P4, A27-1"
    )
    defeated_by: str | None = Field(
        default=None,
        description="the rule_id of the exception that defeats this finding (容错 art_032.p2.tolerance, the "
        "termination art_027.p1.terminate_supervision); the finding stays in the report (E-1)",
    )
    depends_on: str | None = Field(
        default=None,
        description="the rule_id of a finding whose open question (for a person to judge) this finding depends on (A27-7)",
    )
    counted_to: date | None = Field(
        default=None,
        description="the day an overdue count stopped because the matter moved on (the 第二十八条 决定书 issued, A27-6); "
        "days_late counts to it",
    )
    provisional: bool = False
    calendar_basis: str | None = None
    performed: bool = Field(
        default=False, description="a 应当 duty performed (in time where it has a time limit): 【应当·已履行】; with shall_not, the 不得 kept: 【不得·已遵守】"
    )
    certainty: Certainty = Field(
        default=Certainty.CERTAIN,
        description="certain: holds for every day an imprecise date of the case may be (a month, a year, an act done on an "
        "unknown day) and every state an act of unknown performance may be in; possible: for some only (IMP-1)",
    )
    due_range: tuple[date, date] | None = Field(
        default=None,
        description="the earliest and latest last day, when the period starts on a date known only within an interval "
        "(``due`` is then null)",
    )
    uncertain_facts: tuple[str, ...] = Field(
        default=(),
        description="the case fields whose imprecision makes this finding possible or its dates a range, each with what "
        "the case says (supervision.started_on（2025年2月，只知月份）)",
    )
    instrument: _Instrument = None


class Note(_Frozen):
    """An applicability note: whether and how the measures apply to the case (第二、三、三十五条).

    ``excludes`` is true when the note takes the case outside the measures; then the report has
    no findings beyond the applicability stage.
    """

    rule_id: str
    article: int
    paragraph: int | None
    item: int | None
    citation: str
    message: str
    excludes: bool
    facts: tuple[str, ...] = ()
    interpretations: tuple[str, ...] = Field(
        default=(), description="the register ids (docs/interpretations.md) the note relied on"
    )
    certainty: Certainty = Field(
        default=Certainty.CERTAIN, description="possible: the note holds for some of the days an imprecise date may be (IMP-1)"
    )
    uncertain_facts: tuple[str, ...] = ()
    instrument: _Instrument = None


class TimelineEntry(_Frozen):
    """One time limit on the case's timeline (from the finding that reports it)."""

    rule_id: str
    citation: str
    subject: str
    period_start: date
    period_days: int
    due: date
    done_on: date | None
    status: DeadlineStatus
    days_late: int | None
    provisional: bool = False
    calendar_basis: str | None = None


class CalendarUsed(_Frozen):
    """The calendar one year was judged by, for every year a period of the report touched.

    ``basis``: ``package`` (chinesecalendar), ``file`` (a calendar file, or the 州庆 notices shipped
    with the library) or ``provisional`` (computed from 《全国年节及纪念日放假办法》: the year's
    arrangement is not published); ``source``: the package and its version, or the file and notice,
    or the method, with the 州庆 notice where one applies; ``provisional``: a due date in that year
    may move when a notice is published, so the report should be evaluated again then.
    """

    year: int
    basis: str
    source: str
    provisional: bool


class MissingFact(_Frozen):
    """A fact the evaluation needed but the case did not give (never guessed)."""

    field: str
    needed_for: str
    reason: str


class MatterSourceShown(_Frozen):
    """Where the supervision matter came from, as the case records it (``supervision.source``)."""

    kind: str
    note: str = ""


class InstrumentApplicability(_Frozen):
    """Whether one instrument applies, why, and (when undetermined) which case fields would settle it."""

    applicable: Applicable
    #: the rule ids of the applicability notes that decide it (empty when no note speaks)
    rule_ids: tuple[str, ...] = ()
    #: why, in Chinese (the deciding note's words, or the library's reason when no note speaks)
    reason: str = ""
    #: undetermined only: the case fields whose recording would settle it, each with what the case says
    settled_by: tuple[str, ...] = ()


class Applicability(_Frozen):
    """Whether the measures and 《行政执法监督条例》 apply to the case (the text report's 适用本办法 line
    and 适用《行政执法监督条例》 line say the same)."""

    measures: InstrumentApplicability
    tiaoli: InstrumentApplicability


class Policy(_Frozen):
    """How periods were counted in this evaluation."""

    day_counting: str
    exclude_time_in_post: bool
    description: str


class Versions(_Frozen):
    """What a report was computed with, so a platform knows which stored reports to evaluate again.

    ``enshi_rules`` is the package version; ``rules``, ``article_map``, ``regulation``, ``tiaoli``
    and ``tiaoli_map`` are SHA-256 hashes (``sha256:...``) of the modules that decide a report (rules,
    case models, derivation, engine), the article map, the regulation text (the measures), the
    verified excerpts of 《行政执法监督条例》 the package carries and the map of those excerpts
    (``tiaoli_map.yaml``); ``tiaoli`` and ``tiaoli_map`` are null in a report written before each was
    recorded; ``calendars`` gives, for each year a period touched, its holiday calendar's basis.
    """

    enshi_rules: str
    rules: str
    article_map: str | None
    regulation: str | None
    tiaoli: str | None = None
    tiaoli_map: str | None = None
    calendars: tuple[CalendarUsed, ...] = ()


class Report(_Frozen):
    """The result of evaluating one case as of one date.

    ``versions`` says what it was computed with (:class:`Versions`); a report written before it
    existed reads back with ``versions=None``.

    ``in_scope`` says whether the measures apply: ``true``, ``false``, or ``null`` when that cannot be
    determined from the case (``applicability.measures.applicable`` is ``undetermined``: the start is
    unknown or straddles 2025-03-01; the findings are then those the measures would give if they
    apply, marked ``possible``). ``applicability`` says the same for the measures and the 条例, with
    the deciding notes, the reason and the fields that would settle it; a report written before it
    existed reads back with ``applicability=None``.
    """

    case_id: str
    as_of: date
    in_scope: bool | None = Field(
        description="true: the measures apply; false: they do not (a note excludes the case); null: it cannot be "
        "determined from the case (applicability.measures says why and which field settles it)"
    )
    policy: Policy
    notes: tuple[Note, ...]
    findings: tuple[Finding, ...]
    timeline: tuple[TimelineEntry, ...]
    missing_facts: tuple[MissingFact, ...]
    #: one entry per year a period touched, sorted by year
    calendars: tuple[CalendarUsed, ...] = ()
    #: what the calendars mean for the due dates (provisional years), Chinese first then English
    calendar_notes: tuple[str, ...] = ()
    #: where the matter came from (第二十一条's sources, 行政执法社会监督员, 专项行动), when recorded
    source: MatterSourceShown | None = None
    #: whether the measures and the 条例 apply: yes / no / undetermined, why, and what would settle it
    applicability: Applicability | None = None
    versions: Versions | None = None

    def to_json(self, *, indent: int | None = 2) -> str:
        """Deterministic JSON: the same report always gives the same text."""
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Report:
        """The report ``to_json`` wrote; anything else raises :class:`~enshi_rules.errors.ReportFormatError`."""
        try:
            return cls.model_validate_json(text)
        except ValidationError as exc:
            errs = exc.errors(include_url=False)
            first = errs[0] if errs else {"loc": (), "msg": str(exc)}
            where = ".".join(str(x) for x in first["loc"]) or "<document>"
            more = f" (and {len(errs) - 1} more)" if len(errs) > 1 else ""
            msg = printable(f"not a report: {where}: {first['msg']}{more}")
            raise ReportFormatError(msg) from None

    def cites(
        self, article: int, paragraph: int | None = None, item: int | None = None, *, instrument: str | None = None
    ) -> tuple[Finding, ...]:
        """The findings citing this article (and paragraph, and item, when given) of the measures, or
        of ``instrument="tiaoli"`` (《行政执法监督条例》)."""
        return tuple(
            f
            for f in self.findings
            if f.instrument == instrument
            and f.article == article
            and (paragraph is None or f.paragraph == paragraph)
            and (item is None or f.item == item)
        )

    def rule_ids(self) -> tuple[str, ...]:
        """The ids of the rules behind the findings and notes, sorted."""
        return tuple(sorted({f.rule_id for f in self.findings} | {n.rule_id for n in self.notes}))
