"""How an article module declares its rules.

A rule is one durable-rules condition over **one fact** plus a finding builder::

    @rule(
        "art_027.p1.review_request_in_time",
        article=27, paragraph=1,
        modality=Modality.MAY,
        subject=Role.SUPERVISED,
        when=(m.kind == "objection") & (+m.filed) & (m.filed <= m.window_due),
        summary="被监督机关自收到建议书之日起十日内申请复查的，属依法行使复查申请权。",
    )
    def review_request_in_time(f: Fact) -> Outcome:
        return Outcome(f"…于{f.date('filed')}申请复查，未超过十日期限。")

Why one fact: durable-rules 2.0.28 crashes the process on some joins between facts and decides
``none(...)`` by the order facts arrive (see ``docs/engine.md``). A rule author here cannot write a
join or a negation over other facts: :func:`rule` rejects any condition that refers to anything but
the matched fact itself. Where the law compares two things (a report date against a due date), the
fact design puts both on one fact; where a conclusion feeds another article (28 builds on 27), the
builder returns a *derived fact* and the engine asserts it in the next round (forward chaining).

Two traps of durable-rules' condition language, measured here: ``m.x != v`` never matches a fact
that has no ``x`` (write ``(-m.x) | (m.x != v)``), and ``a | b`` fires once per branch that holds
(the engine keeps one firing per rule and fact, so overlapping branches are harmless).

Everything here is private; the public names (``Modality``, ``DeadlineStatus``) are re-exported by
``enshi_rules``.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from durable.lang import value as _dr_value

from .._law.text import MEASURES, Instrument, instrument_for_rule
from .._law.text import citation as _citation
from ..errors import RuleDefinitionError
from . import kinds as _kinds
from .kinds import false, true

__all__ = [
    "HUMAN_JUDGMENT",
    "MODALITY_ZH",
    "DeadlineStatus",
    "Fact",
    "Modality",
    "Outcome",
    "Role",
    "Rule",
    "declared_rules",
    "deadline_rules",
    "exception",
    "false",
    "m",
    "modality_zh",
    "rule",
    "true",
    "zh_date",
]

#: The matched fact in a condition: ``m.kind == "review"``, ``+m.done`` (present), ``-m.done``
#: (absent), ``m.done > m.due`` (two properties of the same fact).
m = _dr_value("$m")


class Modality(enum.StrEnum):
    """What kind of statement a finding makes. A closed set; see ``docs/modality.md``.

    ``shall`` / ``may`` / ``shall_not`` say that a 应当 / 可以 / 不得 provision *applies* to the
    subject in this case (with its deadline status where it has one); ``violation`` says a 应当 was
    not met or a 不得 was breached; ``exemption`` says an exception (such as 容错) defeats a finding.
    """

    SHALL = "shall"
    MAY = "may"
    SHALL_NOT = "shall_not"
    VIOLATION = "violation"
    EXEMPTION = "exemption"


class DeadlineStatus(enum.StrEnum):
    """Where a time-limited duty or permission stands on the as-of date."""

    PENDING = "pending"  # not done; the last day has not passed
    ON_TIME = "on_time"  # done on or before the last day
    LATE = "late"  # done, after the last day
    OVERDUE = "overdue"  # not done and the last day has passed


class Role(enum.StrEnum):
    """Whom a finding concerns; the fact names the organ that plays the role."""

    SUPERVISING = "supervising"  # 行政执法监督机关
    SUPERVISED = "supervised"  # 被监督机关
    CASE = "case"  # the supervision matter as a whole
    OTHER = "other"  # 其他有关单位和个人 (第二十五条第二款、第三十四条)


class Stage(enum.IntEnum):
    """Applicability rules run first; if one excludes the case, substantive rules never see it."""

    APPLICABILITY = 0
    SUBSTANCE = 1


class Fact(Mapping[str, Any]):
    """The matched fact as a rule builder sees it: read-only, dates decoded on request."""

    __slots__ = ("_d",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._d = data

    def __getitem__(self, key: str) -> Any:
        return self._d[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)

    def date(self, key: str) -> date:
        """A date property (stored in the engine as an ordinal day number)."""
        return date.fromordinal(self._d[key])

    def opt_date(self, key: str) -> date | None:
        v = self._d.get(key)
        return None if v is None else date.fromordinal(v)

    def days(self, n_zh: str) -> str:
        """A period as the message should word it: 十日, or 十个工作日 under the working-days policy."""
        return f"{n_zh}个工作日" if self._d.get("working_days") else f"{n_zh}日"

    def zh(self, key: str) -> str:
        """A date property written the Chinese way: 2025年4月2日."""
        return zh_date(self.date(key))

    def due_zh(self, key: str) -> str:
        """A last day, saying it is included (P3): 2025年10月24日（含当日）."""
        return f"{zh_date(self.date(key))}（含当日）"

    def within(self, n_zh: str, key: str) -> str:
        """A period and its last day: 三十日期限（至2025年10月24日，含当日）."""
        return f"{self.days(n_zh)}期限（至{zh_date(self.date(key))}，含当日）"


def zh_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass(frozen=True)
class Outcome:
    """What a builder returns: the finding's message and, optionally, facts for the next round.

    ``deadline`` names the fact properties ``(start, due, done)`` of a time limit, and
    ``period_days`` its length, when the finding reports one.
    """

    message: str
    derived: tuple[Mapping[str, Any], ...] = ()
    status: DeadlineStatus | None = None
    deadline: tuple[str, str, str | None] | None = None
    period_days: int | None = None
    excludes: bool = False  # applicability notes only: the case is outside the measures
    #: The organ acting has no power to supervise (第三条、第五条第四款、第六条第一款): the rest of
    #: the matter is not judged, since every later duty presupposes a 行政执法监督机关 (A03-2).
    halts: bool = False
    #: Register ids (``data/interpretations.yaml``) this outcome relied on beyond those whose
    #: ``rules`` match the rule (e.g. the entry that says why a claim of 容错 fails).
    interpretations: tuple[str, ...] = ()
    #: An exception (容错, the termination of 第二十七条第一款) names the findings it defeats, as
    #: rule-id patterns: ``defeats`` on the same fact (the same record), ``defeats_in_case`` anywhere
    #: in the case. Those findings stay in the report, with ``defeated_by`` set to this rule's id.
    defeats: tuple[str, ...] = ()
    defeats_in_case: tuple[str, ...] = ()
    #: Findings (rule-id patterns, anywhere in the case) that depend on a question this finding
    #: leaves open for a person to judge; they get ``depends_on`` set to this rule's id.
    leaves_open: tuple[str, ...] = ()
    #: The finding reports a 应当 duty performed (in time, where it has a time limit): 【应当·已履行】.
    performed: bool = False
    #: A fact property (an ordinal date) at which an overdue count stops because the matter moved on
    #: (the 第二十八条 决定书 issued after the period ran out): ``days_late`` counts to it.
    counted_to: str | None = None
    #: The finding holds on one reading only of a question the rule itself sees on its fact and
    #: leaves to a person (the supervising organ's own letter gave longer than the measures, A27-5):
    #: the finding is ``possible`` and these are its reasons (``uncertain_facts``), in Chinese.
    possible: tuple[str, ...] = ()
    #: Findings (rule-id patterns, anywhere in the case) that rest on this possible finding and are
    #: therefore possible too, for the same reasons and ``interpretations`` (a 决定书 and the 约谈 or
    #: 执行情况报告 that rest on a lateness that is only possible). Unlike ``leaves_open`` it names no
    #: question of its own.
    doubts: tuple[str, ...] = ()


Builder = Callable[[Fact], Outcome]


@dataclass(frozen=True)
class Rule:
    rule_id: str
    article: int
    paragraph: int | None
    item: int | None
    modality: Modality
    subject: Role
    condition: Mapping[str, Any]  # durable-rules JSON for the single condition on ``m``
    summary: str  # what the code does, in plain Chinese, for docs and the article map
    build: Builder
    stage: Stage
    note: bool  # produces an applicability note rather than a finding
    module: str
    source: str  # the file the module was loaded from
    #: False: the rule only derives facts for another article's rules (第十二条至第十四条 feed
    #: 第二十六条) and makes no finding of its own; its firing still shows in ``explain``'s chain.
    reports: bool = True
    #: The fact kind the rule matches (``rules/kinds.py``).
    kind: str = ""
    #: Where the rule is declared in its article module (file, line): the text of its 款/项 stands
    #: right above it (tests/test_text_above_rules.py).
    declared_at: tuple[str, int] = ("", 0)
    #: An exception (:func:`exception`): the findings it defeats, as rule-id patterns, on the same
    #: fact (``defeats``) or anywhere in the case (``defeats_in_case``).
    defeats: tuple[str, ...] = ()
    defeats_in_case: tuple[str, ...] = ()
    #: The text the rule cites: the measures (``art_…`` ids) or the 条例's excerpts (``tl_…`` ids).
    instrument: Instrument = MEASURES
    #: The word a reader sees for this rule's findings instead of its modality's (:func:`modality_zh`):
    #: a clause that orders a consequence for conduct found (第三十二条第一款、第三十三条、第三十四条:
    #: 依纪依法予以处理) is not itself a duty the person broke, so its findings read 应予处理, not 违反.
    label: str = ""

    @property
    def citation(self) -> str:
        # kept on the instance (not a field): every finding asks, and the cached ``_citation`` still
        # hashes the Instrument dataclass field by field on each call (issue 18)
        done = self.__dict__.get("_citation_text")
        if done is None:
            done = _citation(self.article, self.paragraph, self.item, instrument=self.instrument)
            object.__setattr__(self, "_citation_text", done)
        return done  # type: ignore[no-any-return]

    @property
    def short_citation(self) -> str:
        """The citation without the title; a 条例 rule's keeps 《行政执法监督条例》 so it is never
        read as an article of the measures."""
        return _citation(self.article, self.paragraph, self.item, with_title=self.instrument is not MEASURES, instrument=self.instrument)


_RULE_ID = re.compile(r"^(?:art|tl)_(\d{3})(\.p(\d+))?(\.i(\d+))?(\.[a-z][a-z0-9_]*)+$")
_REGISTRY: dict[str, Rule] = {}
#: Bumped on every registration, so the engine knows when to recompile (a reload, a new module).
_generation = 0

_COMPARISONS = frozenset({"$lt", "$lte", "$gt", "$gte", "$neq", "$mt", "$imt"})


def _check_operand(rule_id: str, v: Any) -> None:
    if v is None or isinstance(v, (str, int, float, bool)):
        return
    if isinstance(v, dict) and set(v) == {"$m"} and isinstance(v["$m"], str):
        return  # another property of the same fact
    msg = (
        f"rule {rule_id}: a condition may compare only with literals or with another property of "
        f"the same fact (m.x); got {v!r}. Joins between facts crash durable-rules 2.0.28: put the "
        f"value on the fact instead, or derive a fact in an earlier rule"
    )
    raise RuleDefinitionError(msg)


def _check_condition(rule_id: str, node: Any) -> None:
    """Allow only single-fact expressions: no joins, no state (``s``), no ``none``/``any``."""
    if not isinstance(node, dict) or not node:
        raise RuleDefinitionError(f"rule {rule_id}: malformed condition {node!r}")
    for key, val in node.items():
        if key in ("$and", "$or"):
            if not isinstance(val, list) or not val:
                raise RuleDefinitionError(f"rule {rule_id}: empty {key} in condition")
            for sub in val:
                _check_condition(rule_id, sub)
        elif key in ("$ex", "$nex"):
            if not isinstance(val, dict) or len(val) != 1:
                raise RuleDefinitionError(f"rule {rule_id}: malformed {key} in condition")
        elif key in _COMPARISONS:
            if not isinstance(val, dict) or len(val) != 1:
                raise RuleDefinitionError(f"rule {rule_id}: malformed {key} in condition")
            (_, operand), = val.items()
            _check_operand(rule_id, operand)
        elif key.startswith("$"):
            msg = (
                f"rule {rule_id}: operator {key} is not allowed here (state, arithmetic and "
                f"multi-fact operators are outside what the engine guards)"
            )
            raise RuleDefinitionError(msg)
        else:
            _check_operand(rule_id, val)  # equality: {"prop": literal}


def _source(module: str) -> str:
    """The file a module was loaded from (a module imported twice under two names is one source)."""
    mod = sys.modules.get(module)
    path = getattr(mod, "__file__", None)
    return os.path.realpath(path) if path else module


def _register(r: Rule) -> None:
    old = _REGISTRY.get(r.rule_id)
    if old is not None and old.source != r.source:
        msg = f"rule id {r.rule_id} is declared in both {old.module} and {r.module}"
        raise RuleDefinitionError(msg)
    # Same module again (importlib.reload, or the same file imported under a second name as
    # pytest's rootdir-relative imports can do): the new one replaces it.
    global _generation
    _REGISTRY[r.rule_id] = r
    _generation += 1


def generation() -> int:
    """A number that changes whenever a rule is (re-)registered."""
    return _generation


def registered(rule_id: str) -> Rule:
    """The rule declared now under ``rule_id`` (``KeyError`` if none)."""
    return _REGISTRY[rule_id]


def replace_rule(rule_id: str, new: Rule, *, recompile: bool = True) -> None:
    """Put ``new`` in the place of the declared rule ``rule_id`` (mutation testing, and putting the
    original back). With ``recompile`` the generation moves on, so the engine compiles the changed
    rule set on its next evaluation; without it the caller changes the compiled set itself."""
    global _generation
    _REGISTRY[rule_id] = new
    if recompile:
        _generation += 1


_MACHINERY = frozenset({os.path.realpath(__file__), os.path.realpath(_kinds.__file__)})


def _declaration_site(module: str) -> tuple[str, int]:
    """The line of the article module that declares the rule being made: the outermost frame in the
    rule's own module (a helper of another article, such as 第三条's ``no_competence``, is called
    from there), else in the first file outside this machinery and the helpers of ``rules/``
    (``rules/_*.py``, called from the article module that states the 项)."""
    own = _source(module)
    frames = []
    frame = sys._getframe(1)
    while frame is not None:
        frames.append((os.path.realpath(frame.f_code.co_filename), frame.f_lineno))
        frame = frame.f_back  # type: ignore[assignment]

    def helper(path: str) -> bool:
        return os.path.basename(os.path.dirname(path)) == "rules" and os.path.basename(path).startswith("_")

    mine = [fl for fl in frames if fl[0] == own and not helper(own)]
    if mine:
        return mine[-1]
    for i, (path, _) in enumerate(frames):
        if path not in _MACHINERY and not helper(path):
            outer = [fl for fl in frames[i:] if fl[0] == path]
            return outer[-1]
    return "", 0


def _citation_of(rule_id: str, article: int | None, paragraph: int | None, item: int | None) -> tuple[int, int | None, int | None]:
    """The citation a rule id carries (``art_024.p1.i3.x``: 第二十四条第一款第（三）项), checked
    against one given explicitly."""
    mt = _RULE_ID.match(rule_id)
    if mt is None:
        msg = f"rule id {rule_id!r} must look like art_027.p1.review_late (article, paragraph, item, name; tl_042.p2.… for the 条例)"
        raise RuleDefinitionError(msg)
    if article is None:
        article = int(mt.group(1))
        paragraph = int(mt.group(3)) if mt.group(3) else paragraph
        item = int(mt.group(5)) if mt.group(5) else item
    if int(mt.group(1)) != article or (mt.group(3) and int(mt.group(3)) != paragraph) or (
        mt.group(5) and int(mt.group(5)) != item
    ):
        msg = f"rule id {rule_id} does not agree with its citation (article {article}, paragraph {paragraph}, item {item})"
        raise RuleDefinitionError(msg)
    return article, paragraph, item


def _make_rule(
    rule_id: str,
    *,
    article: int | None,
    paragraph: int | None,
    item: int | None,
    modality: Modality,
    subject: Role,
    when: Any,
    summary: str,
    build: Builder,
    stage: Stage,
    note: bool,
    module: str,
    reports: bool = True,
    defeats: tuple[str, ...] = (),
    defeats_in_case: tuple[str, ...] = (),
    label: str = "",
) -> Rule:
    article, paragraph, item = _citation_of(rule_id, article, paragraph, item)
    instrument = instrument_for_rule(rule_id)
    # raises RuleDefinitionError for a unit that does not exist (or, of the 条例, is not in the excerpts)
    _citation(article, paragraph, item, instrument=instrument)
    if not summary.strip():
        raise RuleDefinitionError(f"rule {rule_id}: summary is required (docs and article map use it)")
    try:
        condition = _kinds.compile_condition(when)
    except Exception as exc:  # durable's own "Property name ... not defined" and the like
        raise RuleDefinitionError(f"rule {rule_id}: cannot build condition: {exc}") from exc
    _check_condition(rule_id, condition)
    kind = _kinds.check_condition(rule_id, when, condition)
    return Rule(
        rule_id=rule_id,
        article=article,
        paragraph=paragraph,
        item=item,
        modality=Modality(modality),
        subject=Role(subject),
        condition=condition,
        summary=summary.strip(),
        build=build,
        stage=stage,
        note=note,
        module=module,
        source=_source(module),
        reports=reports,
        kind=kind,
        declared_at=_declaration_site(module),
        defeats=defeats,
        defeats_in_case=defeats_in_case,
        instrument=instrument,
        label=label,
    )


def _doc_summary(fn: Callable[..., Any]) -> str:
    """A builder's docstring as the rule's summary (its lines joined: Chinese has no spaces)."""
    return "".join(line.strip() for line in (fn.__doc__ or "").splitlines())


def _as_outcome(fn: Callable[[Fact], Outcome | str], **fixed: Any) -> Builder:
    """A builder that may return just the message; ``fixed`` fields set on every outcome."""

    @functools.wraps(fn)
    def build(f: Fact) -> Outcome:
        out = fn(f)
        if type(out) is str:
            return Outcome(out, **fixed)
        return dataclasses.replace(out, **fixed) if fixed else out

    return build


def rule(
    rule_id: str,
    modality: Modality | None = None,
    subject: Role | None = None,
    *,
    when: Any,
    summary: str | None = None,
    article: int | None = None,
    paragraph: int | None = None,
    item: int | None = None,
    stage: Stage = Stage.SUBSTANCE,
    note: bool = False,
    reports: bool = True,
    defeats: tuple[str, ...] = (),
    defeats_in_case: tuple[str, ...] = (),
    performed: bool = False,
    label: str = "",
) -> Callable[[Callable[[Fact], Outcome | str]], Callable[[Fact], Outcome | str]]:
    """Declare the decorated function as the finding builder of a rule.

    The citation comes from the id (``art_024.p1.i1.at_least_two``: 第二十四条第一款第（一）项); the
    summary from the builder's docstring unless given; the builder returns the finding's message (or
    an :class:`Outcome`). ``reports=False``: a rule that only derives facts for another article and
    makes no finding of its own. ``performed``: the finding reports a 应当 duty performed (or a 不得
    kept). ``label``: the word shown for its findings instead of the modality's (:attr:`Rule.label`).
    """
    if modality is None or subject is None:
        raise RuleDefinitionError(f"rule {rule_id}: modality and subject are required")

    def deco(fn: Callable[[Fact], Outcome | str]) -> Callable[[Fact], Outcome | str]:
        fixed: dict[str, Any] = {"performed": True} if performed else {}
        if defeats or defeats_in_case:
            fixed.update(defeats=defeats, defeats_in_case=defeats_in_case)
        _register(
            _make_rule(
                rule_id,
                article=article,
                paragraph=paragraph,
                item=item,
                modality=modality,
                subject=subject,
                when=when,
                summary=summary if summary is not None else _doc_summary(fn),
                build=_as_outcome(fn, **fixed),
                stage=stage,
                note=note,
                module=fn.__module__,
                reports=reports,
                defeats=defeats,
                defeats_in_case=defeats_in_case,
                label=label,
            )
        )
        return fn

    return deco


def exception(
    rule_id: str,
    subject: Role,
    *,
    when: Any,
    defeats: tuple[str, ...] = (),
    defeats_in_case: tuple[str, ...] = (),
    modality: Modality = Modality.EXEMPTION,
    summary: str | None = None,
) -> Callable[[Callable[[Fact], Outcome | str]], Callable[[Fact], Outcome | str]]:
    """Declare an exception that defeats other rules (容错 of 第三十二条第二款, the termination of
    第二十七条第一款) and leaves its trace (E-1): the findings it defeats stay in the report with
    ``defeated_by`` set to this rule. ``defeats``: rule-id patterns on the same fact (the same
    record); ``defeats_in_case``: anywhere in the case. The defeated rules do not repeat its
    conditions."""
    if not (defeats or defeats_in_case):
        raise RuleDefinitionError(f"rule {rule_id}: an exception names the rules it defeats")
    return rule(
        rule_id, modality, subject, when=when, summary=summary, defeats=defeats, defeats_in_case=defeats_in_case
    )


class Duty:
    """A duty (应当) without a time limit, or a prohibition (不得), of one subject.

    ``applies`` is when it binds; ``done`` (a date property) what performs it. Its findings, each
    declared with its rule id and the conditions (and-ed to ``applies``) that tell it apart::

        binds      应当, the duty applies                     (shall)
        required   应当, not (yet) done                       (shall)
        done       应当, done                                 (shall, performed)
        observed   the duty met / the 不得 kept                (shall, performed / shall_not)
        violated   not met, or breached                        (violation)
    """

    def __init__(self, subject: Role, applies: Any, *, done: Any = None, prohibition: bool = False) -> None:
        self.subject, self.applies, self.done_by, self.prohibition = subject, applies, done, prohibition

    def _when(self, conjuncts: tuple[Any, ...]) -> Any:
        cond = self.applies
        for c in conjuncts:
            cond = cond & c
        return cond

    def binds(self, rule_id: str, *when: Any, **kw: Any) -> Callable[[Callable[[Fact], Outcome | str]], Any]:
        return rule(rule_id, Modality.SHALL, self.subject, when=self._when(when), **kw)

    def required(self, rule_id: str, *when: Any, **kw: Any) -> Callable[[Callable[[Fact], Outcome | str]], Any]:
        return rule(rule_id, Modality.SHALL, self.subject, when=self._when((*when, -self.done_by)), **kw)

    def done(self, rule_id: str, *when: Any, **kw: Any) -> Callable[[Callable[[Fact], Outcome | str]], Any]:
        return rule(rule_id, Modality.SHALL, self.subject, when=self._when((+self.done_by, *when)), performed=True, **kw)

    def observed(self, rule_id: str, *when: Any, **kw: Any) -> Callable[[Callable[[Fact], Outcome | str]], Any]:
        if self.prohibition:  # the 不得 kept: 【不得·已遵守】
            return rule(rule_id, Modality.SHALL_NOT, self.subject, when=self._when(when), performed=True, **kw)
        return rule(rule_id, Modality.SHALL, self.subject, when=self._when(when), performed=True, **kw)

    def violated(self, rule_id: str, *when: Any, **kw: Any) -> Callable[[Callable[[Fact], Outcome | str]], Any]:
        return rule(rule_id, Modality.VIOLATION, self.subject, when=self._when(when), **kw)


@dataclass(frozen=True)
class _StatusCase:
    status: DeadlineStatus
    suffix: str
    when: Callable[[str, str], Any]  # (due, done) property names -> condition


def _pending(due: str, done: str) -> Any:
    return (-getattr(m, done)) & (m.as_of <= getattr(m, due))


def _on_time(due: str, done: str) -> Any:
    return (+getattr(m, done)) & (getattr(m, done) <= getattr(m, due))


def _late(due: str, done: str) -> Any:
    return (+getattr(m, done)) & (getattr(m, done) > getattr(m, due))


def _overdue(due: str, done: str) -> Any:
    return (-getattr(m, done)) & (m.as_of > getattr(m, due))


_STATUS_CASES = (
    _StatusCase(DeadlineStatus.PENDING, "pending", _pending),
    _StatusCase(DeadlineStatus.ON_TIME, "on_time", _on_time),
    _StatusCase(DeadlineStatus.LATE, "late", _late),
    _StatusCase(DeadlineStatus.OVERDUE, "overdue", _overdue),
)


def deadline_rules(
    prefix: str,
    *,
    article: int | None = None,
    paragraph: int | None = None,
    item: int | None = None,
    permission: bool = False,
    subject: Role,
    applies: Any,
    start: str,
    due: str,
    done: str,
    period_days: int,
    summary: str,
    messages: Mapping[DeadlineStatus, Callable[[Fact], str]],
    act: tuple[str, str, str] | None = None,
    module: str | None = None,
    derive: Callable[[Fact, DeadlineStatus], tuple[Mapping[str, Any], ...]] | None = None,
    stop: str | None = None,
    possible: Callable[[Fact, DeadlineStatus], tuple[tuple[str, ...], tuple[str, ...]]] | None = None,
) -> tuple[Rule, ...]:
    """Declare the four status rules of one time limit (``prefix.pending`` ... ``prefix.overdue``).

    ``applies`` is the legal condition under which the time limit runs (as a condition on the
    fact); ``start``, ``due`` and ``done`` name the fact's ordinal-date properties. A duty
    (``permission=False``) late or overdue is a ``violation``; pending or met it is ``shall``. A
    permission (可以, e.g. applying for review) is ``may`` in every status: missing its window loses
    the permission, it breaks no duty. ``stop`` names a date property at which an overdue count
    stops when it is recorded after the last day (the matter moved on: see ``Outcome.counted_to``).
    The citation comes from ``prefix`` unless given. ``act`` (who, what they do, the period in
    words: ``("监督机关", "作出复查答复", "十五")``) words the on-time and late findings the usual way
    (监督机关于…作出复查答复，在十五日期限（至…，含当日）内。 / 于…才作出复查答复，超过…。).
    ``possible`` gives, for a fact and status, the reasons the finding holds on one reading only
    (``Outcome.possible``) and the register ids they rest on; none for a finding that is certain.
    """
    if act is not None:
        messages = {**_act_messages(act, due, done), **messages}
    module = module or sys._getframe(1).f_globals["__name__"]
    made = []
    for case in _STATUS_CASES:
        if permission:
            modality = Modality.MAY
        elif case.status in (DeadlineStatus.LATE, DeadlineStatus.OVERDUE):
            modality = Modality.VIOLATION
        else:
            modality = Modality.SHALL
        build = _deadline_builder(
            messages[case.status], case.status, (start, due, done), period_days, permission=permission, derive=derive, stop=stop,
            possible=possible,
        )
        r = _make_rule(
            f"{prefix}.{case.suffix}",
            article=article,
            paragraph=paragraph,
            item=item,
            modality=modality,
            subject=subject,
            when=applies & case.when(due, done),
            summary=f"{summary}（状态：{(_PERMISSION_STATUS_ZH if permission else _STATUS_ZH)[case.status]}）",
            build=build,
            stage=Stage.SUBSTANCE,
            note=False,
            module=module,
        )
        _register(r)
        made.append(r)
    return tuple(made)


def _act_messages(act: tuple[str, str, str], due: str, done: str) -> dict[DeadlineStatus, Callable[[Fact], str]]:
    who, did, days = act
    return {
        DeadlineStatus.ON_TIME: lambda f: f"{who}于{f.zh(done)}{did}，在{f.within(days, due)}内。",
        DeadlineStatus.LATE: lambda f: f"{who}于{f.zh(done)}才{did}，超过{f.within(days, due)}。",
    }


def _deadline_builder(
    text: Callable[[Fact], str],
    st: DeadlineStatus,
    deadline: tuple[str, str, str],
    period_days: int,
    *,
    permission: bool,
    derive: Callable[[Fact, DeadlineStatus], tuple[Mapping[str, Any], ...]] | None,
    stop: str | None,
    possible: Callable[[Fact, DeadlineStatus], tuple[tuple[str, ...], tuple[str, ...]]] | None = None,
) -> Builder:
    """The builder of one status rule of a time limit."""
    due = deadline[1]

    def build(f: Fact) -> Outcome:
        stopped = st is DeadlineStatus.OVERDUE and stop is not None and f.get(stop) is not None and f[stop] > f[due]
        reasons, ids = possible(f, st) if possible else ((), ())
        return Outcome(
            text(f),
            derived=derive(f, st) if derive else (),
            status=st,
            deadline=deadline,
            period_days=period_days,
            performed=st is DeadlineStatus.ON_TIME and not permission,
            counted_to=stop if stopped else None,
            possible=reasons,
            interpretations=ids,
        )

    return build


# Words shown to legal staff: the word of each modality (reports, article docs, workbench), and the
# status of a period as a rule's summary states it.
MODALITY_ZH = {
    Modality.SHALL: "应当",
    Modality.MAY: "可以",
    Modality.SHALL_NOT: "不得",
    Modality.VIOLATION: "违反",
    Modality.EXEMPTION: "例外",
}


#: The label of a rule whose finding or note leaves a question to a person (须人工判断) and grants no
#: permission nor states a duty of its own: it reads 【有待人工判断】, the words the report already uses
#: for a finding that depends on such a question, never 【可以】 or 【应当】 (E-2). The JSON keeps the
#: rule's modality, so that a platform reading it sees no change.
HUMAN_JUDGMENT = "有待人工判断"


def modality_zh(r: Rule) -> str:
    """The word a reader sees for a rule's findings: its :attr:`Rule.label` (应予处理), else its
    modality's (应当、可以、不得、违反、例外)."""
    return r.label or MODALITY_ZH[r.modality]


_STATUS_ZH = {
    DeadlineStatus.PENDING: "期限未届满、尚未完成",
    DeadlineStatus.ON_TIME: "已在期限内完成",
    DeadlineStatus.LATE: "逾期后完成",
    DeadlineStatus.OVERDUE: "期限届满仍未完成",
}


_PERMISSION_STATUS_ZH = {
    DeadlineStatus.PENDING: "期限未届满、尚未行使",
    DeadlineStatus.ON_TIME: "在期限内行使",
    DeadlineStatus.LATE: "逾期行使",
    DeadlineStatus.OVERDUE: "期限届满未行使",
}


def declared_rules() -> dict[str, Rule]:
    """Every rule declared so far, by id (sorted by id). Every rule of the measures is declared once
    the article modules are imported: ``enshi_rules.rules.all_rules()`` imports them first."""
    return dict(sorted(_REGISTRY.items()))

