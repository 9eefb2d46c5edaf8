"""Who may supervise whom (第三条第一款、第五条、第六条), as plain functions.

The organ tree is the built-in registry (:data:`~enshi_rules.facts.DEFAULT_ORGANS`: 州人民政府, the
eight county-level governments and each one's 司法局) plus whatever organs the caller adds: a
mapping or a list of :class:`~enshi_rules.facts.Organ` (or plain dicts), or a registry file read
with :func:`load_registry`. The relation between two organs is computed by the same function the
rules use (``rules.competence.relation_between``), so these answers and the findings of an evaluation never
disagree.

    >>> from enshi_rules import jurisdiction
    >>> [c.supervisor for c in jurisdiction.supervisors_of("422801")]
    ['422800', '422800.sfj']
    >>> jurisdiction.common_superior("422801", "422802").id
    '422800'

Dates: the measures alone give no relation over a 法律法规授权的组织; from 2026-02-01 《行政执法监督条例》
第二条 (higher law) does, for a 县级以上人民政府 (or its 司法局, 条例第六条第一款) over such an
organisation in its area (T-2, T-3). ``competence``, ``is_competent`` and ``supervisors_of`` take
``on``, the day of the supervision step the question is about: on or after 2026-02-01 that relation
is answered too (``relation="tiaoli_authorised"``, cited to 《行政执法监督条例》第二条), as an evaluation
of a matter with a step on that day finds it. Without ``on`` the answer is the measures' alone (as
before 2026-02-01); it never guesses a date. Which procedure then governs is not in the 条例's
excerpts: an evaluation does not judge that procedure and says so (T-2).

The interpretive choices behind these answers are registered for legal review as A02-2, A03-1,
A03-2, A03-3, A05-1, A05-2, A05-3, A06-1, A06-2, A06-3, T-2, T-3 in ``data/interpretations.yaml``
(docs/interpretations.md); change both together.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .rules.competence import common_superiors as _common_superiors
from .rules.competence import designation_basis, relation_between, supervises_through
from .rules.tiaoli import tl_002 as _tl_002
from ._law.text import TIAOLI, citation
from .errors import CaseValidationError, InputError, Problem, RegistryError
from .facts._input import parse_json, read_bounded
from .facts import expected_en, expected_zh, parse_as_of
from .facts.organs import DEFAULT_ORGANS, Organ, OrganKind
from .facts.systems import system_vocabulary

__all__ = [
    "Competence",
    "common_superior",
    "common_superiors",
    "competence",
    "is_competent",
    "justice_bureau_of",
    "load_registry",
    "organ_registry",
    "supervisors_of",
]

#: Which unit of the measures makes each relation a supervision relation, and how to say it.
_BASIS: dict[str, tuple[tuple[int, int], str]] = {
    "upper_government": ((3, 1), "上级人民政府对下级人民政府"),
    "own_department": ((3, 1), "人民政府对其工作部门"),
    "own_dispatched": ((3, 1), "人民政府对其派出机关、派出机构"),
    "own_system": ((3, 1), "人民政府工作部门对本系统"),
    "justice_for_government": ((5, 1), "司法行政部门承担本级人民政府行政执法监督具体工作"),
    "office_for_department": ((5, 2), "工作部门的法制机构承担本系统行政执法监督具体工作"),
    "township_county": ((5, 3), "县（市）人民政府对乡（镇）、街道综合行政执法工作"),
    "township_trade": ((5, 3), "相关职能部门对乡（镇）、街道综合行政执法的行业监督"),
    "designated": ((6, 1), "上级行政执法监督机关指定监督"),
    "upper_supervisor": ((6, 1), "上级行政执法监督机关层级监督"),
}


@dataclass(frozen=True)
class Competence:
    """Why ``supervisor`` may supervise ``supervised``: the relation, and the unit that grants it.

    ``via`` is the relation the supervisor borrows (the government's for its 司法局, the
    department's for its 法制机构, the designating organ's for a designation). ``assists_only``
    marks a 司法所, which helps the county 司法局 but is not a supervising organ (第五条第四款).
    """

    supervisor: str
    supervisor_name: str
    supervised: str
    relation: str
    via: str | None
    citation: str
    description: str
    assists_only: bool = False


#: Largest registry file read, in bytes, and most organs in it.
MAX_REGISTRY_BYTES = 8_000_000
MAX_REGISTRY_ORGANS = 10_000


def organ_registry(organs: Mapping[str, Organ] | Iterable[Organ | Mapping[str, Any]] | None = None) -> dict[str, Organ]:
    """The built-in registry plus ``organs`` (an organ given again replaces the built-in one).

    Raises :class:`~enshi_rules.errors.RegistryError` for an organ that is not valid or a loop of
    parents (A above B above A, an organ its own parent): every question about the tree would
    otherwise climb it forever.
    """
    out = dict(DEFAULT_ORGANS)
    if organs is None:
        return out
    items = organs.values() if isinstance(organs, Mapping) else organs
    given: list[Organ] = []
    problems: list[Problem] = []
    for i, o in enumerate(items):
        if isinstance(o, Organ):
            given.append(o)
            continue
        try:
            given.append(Organ.model_validate(dict(o)))
        except (ValidationError, TypeError, ValueError) as exc:
            problems += _entry_problems(i, exc)
    if problems:
        raise RegistryError(None, problems)
    for organ in given:
        out[organ.id] = organ
    cycles = _cycle_problems(given, out)
    if cycles:
        raise RegistryError(None, cycles)
    return out


def _entry_problems(i: int, exc: Exception) -> list[Problem]:
    if not isinstance(exc, ValidationError):
        return [Problem(f"organs[{i}]", "机关信息应为对象（JSON object）", f"an organ is an object: {exc}")]
    out = []
    for err in exc.errors(include_url=False):
        loc = ".".join(str(x) for x in err["loc"])
        ctx = err.get("ctx") or {}
        zh, en = ctx.get("zh") or "机关信息无效", err["msg"]
        if err["type"] == "enum":  # as in a case document: the values in Chinese, no Python quoting
            zh = f"取值不在允许范围内（可选：{expected_zh(str(ctx.get('expected', '')))}）"
            en = expected_en(str(ctx.get("expected", "")))
        out.append(Problem(f"organs[{i}].{loc}" if loc else f"organs[{i}]", zh, en))
    return out


def _cycle_problems(given: list[Organ], reg: Mapping[str, Organ]) -> list[Problem]:
    """Each loop of parents once, named by its organs, at the first organ of the loop given."""
    index = {o.id: i for i, o in enumerate(given)}
    done: set[str] = set()
    problems: list[Problem] = []
    for o in given:
        chain: list[str] = []
        on_chain: set[str] = set()
        cur: Organ | None = o
        while cur is not None and cur.id not in done and cur.id not in on_chain:
            chain.append(cur.id)
            on_chain.add(cur.id)
            cur = reg.get(cur.parent) if cur.parent else None
        if cur is not None and cur.id in on_chain:
            loop = chain[chain.index(cur.id):]
            first = min(loop, key=lambda oid: index.get(oid, len(given)))
            start = loop.index(first)
            loop = loop[start:] + loop[:start]
            ring = " → ".join([*loop, loop[0]])
            path = f"organs[{index[first]}].parent" if first in index else "organs"
            problems.append(Problem(path, f"机关隶属关系成环：{ring}", f"the organs' parents form a loop: {ring.replace('→', '->')}"))
        done.update(chain)
    return problems


def load_registry(path: str | Path) -> dict[str, Organ]:
    """Read a registry file: a JSON array of organs, or an object with an ``organs`` array and,
    optionally, ``systems`` (行业/系统 beyond the built-in vocabulary, each with its aliases:
    ``{"名称": ["别名", ...]}``; :mod:`enshi_rules.facts.systems`).

    Returns the built-in registry plus the file's organs. Any failure raises
    :class:`~enshi_rules.errors.RegistryError` with the path and the reason: a file that cannot be
    read (missing, a directory, not UTF-8, larger than 8 MB), that is not strict JSON, with more
    than 10,000 organs, a bad entry (named ``organs[3].region``), an unknown parent or a loop of
    parents (named by its organs).
    """
    name = os.fspath(path)
    try:
        raw = read_bounded(path, MAX_REGISTRY_BYTES)
    except InputError as exc:
        raise RegistryError(name, [Problem("", f"无法读取机关名录文件：{exc.reason}", f"cannot read the registry file: {exc.reason}")]) from None
    caps = {"": MAX_REGISTRY_ORGANS, "organs": MAX_REGISTRY_ORGANS}
    try:
        data = parse_json(raw, caps=caps, max_values=MAX_REGISTRY_ORGANS * 12)
    except CaseValidationError as exc:
        raise RegistryError(name, exc.problems, omitted=exc.omitted) from None
    entries = data.get("organs") if isinstance(data, dict) else data
    extra = data.get("systems") if isinstance(data, dict) else None
    if extra is not None and not (
        isinstance(extra, dict) and all(isinstance(v, list) and all(isinstance(a, str) for a in v) for v in extra.values())
    ):
        raise RegistryError(name, [Problem("systems", "systems 应为 {名称: [别名, ...]}", "systems is an object of name: [aliases]")])
    context = {"systems": system_vocabulary(extra)}
    if not isinstance(entries, list):
        raise RegistryError(name, [Problem("organs", "机关名录应为数组", "a registry is a JSON array of organs")])
    problems: list[Problem] = []
    organs: list[Organ] = []
    for i, e in enumerate(entries):
        try:
            organs.append(Organ.model_validate(e, context=context))
        except ValidationError as exc:
            problems += _entry_problems(i, exc)
    reg = dict(DEFAULT_ORGANS)
    reg.update((o.id, o) for o in organs)
    for i, o in enumerate(organs):
        if o.parent is not None and o.parent not in reg:
            problems.append(Problem(f"organs[{i}].parent", f"上级机关 {o.parent} 未定义", f"parent organ {o.parent} is not defined"))
    problems += _cycle_problems(organs, reg)
    if problems:
        raise RegistryError(name, problems)
    return reg


def _get(organs: Mapping[str, Organ], oid: str) -> Organ:
    try:
        return organs[oid]
    except KeyError:
        raise KeyError(f"organ {oid!r} is not in the registry") from None


def _competence(sup: Organ, sub: Organ, rel: str, via: str | None) -> Competence:
    (a, p), text = _BASIS[rel]
    if via is not None and via in _BASIS:
        text = f"{text}（{_BASIS[via][1]}）"
    return Competence(
        supervisor=sup.id, supervisor_name=sup.name, supervised=sub.id, relation=rel, via=via,
        citation=citation(a, p, with_title=False), description=text,
    )


def _day(on: date | str | None) -> int | None:
    """``on`` as a day number, or None; a bad date is a CaseValidationError naming ``on``."""
    if on is None:
        return None
    try:
        day = parse_as_of(on)
    except CaseValidationError:
        day = None
    if day is None:
        raise CaseValidationError([Problem(
            "on", f"日期 {on!r} 无效，应为 YYYY-MM-DD 格式的真实日期", f"on: {on!r} is not a real date written YYYY-MM-DD"
        )])  # fmt: skip
    return day.toordinal()


def _tiaoli_competence(sup: Organ, sub: Organ, reg: Mapping[str, Organ], day: int | None) -> Competence | None:
    """《行政执法监督条例》第二条 (T-2, T-3): from 2026-02-01, a 县级以上人民政府 or its 司法局 over a
    法律法规授权的组织 in its area; the same test the evaluation uses (``tl_002``)."""
    if not _tl_002.supervises_authorised_organisation(sup, sub, dict(reg), day):
        return None
    gov = _tl_002.government_acting(sup, dict(reg))
    acting = gov is not None and gov.id != sup.id
    text = "县级以上人民政府对本行政区域内法律法规授权的具有管理公共事务职能的组织（2026年2月1日起）"
    if acting:
        text = f"{text}（司法行政部门代表本级人民政府承担行政执法监督具体事务，条例第六条第一款）"
    return Competence(
        supervisor=sup.id, supervisor_name=sup.name, supervised=sub.id, relation="tiaoli_authorised",
        via="justice_for_government" if acting else None, citation=citation(2, instrument=TIAOLI), description=text,
    )


def competence(
    supervisor: str,
    supervised: str,
    *,
    organs: Mapping[str, Organ] | Iterable[Organ | Mapping[str, Any]] | None = None,
    trade: str | None = None,
    designated_by: str | None = None,
    on: date | str | None = None,
) -> Competence | None:
    """Why ``supervisor`` may supervise ``supervised``, or ``None`` if it may not.

    ``trade`` is the line of work of the enforcement (for 行业监督 of 乡镇、街道, 第五条第三款);
    ``designated_by`` an upper supervising organ that designated ``supervisor`` (第六条第一款): the
    designation confers competence when the designating organ itself has it. A 司法所 never has
    competence (第五条第四款). ``on`` (a date or ``YYYY-MM-DD``): the day of the supervision step;
    on or after 2026-02-01 a 县级以上人民政府 or its 司法局 over a 法律法规授权的组织 in its area is
    answered with ``relation="tiaoli_authorised"`` (《行政执法监督条例》第二条, T-2); without it, the
    measures' answer alone.
    """
    reg = organ_registry(organs)
    day = _day(on)
    sup, sub = _get(reg, supervisor), _get(reg, supervised)
    if sup.id == sub.id:
        return None
    if sub.vertically_managed:  # 第二条第二款: outside these measures
        return None
    rel, via = relation_between(sup, sub, reg, trade=trade)
    if rel != "none":
        return _competence(sup, sub, rel, via)
    tiaoli = _tiaoli_competence(sup, sub, reg, day)
    if tiaoli is not None:
        return tiaoli
    if supervises_through(sup, sub, reg, trade=trade):
        return _competence(sup, sub, "upper_supervisor", None)
    if designated_by is not None and sup.kind is not OrganKind.JUDICIAL_OFFICE:
        d = _get(reg, designated_by)
        drel = designation_basis(d, sub, reg, trade=trade)
        if drel != "none":
            return _competence(sup, sub, "designated", drel)
    return None


def is_competent(
    supervisor: str,
    supervised: str,
    *,
    organs: Mapping[str, Organ] | Iterable[Organ | Mapping[str, Any]] | None = None,
    trade: str | None = None,
    designated_by: str | None = None,
    on: date | str | None = None,
) -> bool:
    """Whether ``supervisor`` may supervise ``supervised`` (see :func:`competence`, also for ``on``)."""
    return competence(supervisor, supervised, organs=organs, trade=trade, designated_by=designated_by, on=on) is not None


def supervisors_of(
    organ: str,
    *,
    organs: Mapping[str, Organ] | Iterable[Organ | Mapping[str, Any]] | None = None,
    trade: str | None = None,
    include_assistants: bool = False,
    on: date | str | None = None,
) -> tuple[Competence, ...]:
    """Every organ of the registry that may supervise ``organ`` directly, with its basis (an upper
    supervising organ above one that supervises it is listed as ``upper_supervisor``, 第六条第一款;
    with ``on`` on or after 2026-02-01, also ``tiaoli_authorised``, as for :func:`competence`).

    With ``include_assistants``, the 司法所 that may assist (第五条第四款: a 司法所 under the county
    司法局 that supervises a 乡（镇）or 街道) are listed too, marked ``assists_only``. Designated
    supervision (第六条第一款) is not listed: any organ may be designated by one listed here.
    """
    reg = organ_registry(organs)
    day = _day(on)
    sub = _get(reg, organ)
    out: list[Competence] = []
    if sub.vertically_managed:  # 第二条第二款: outside these measures
        return ()
    direct = {}
    for sup in reg.values():
        if sup.id != sub.id:
            rel, via = relation_between(sup, sub, reg, trade=trade)
            if rel != "none":
                direct[sup.id] = (rel, via)
    for sup in reg.values():
        if sup.id == sub.id:
            continue
        rel, via = direct.get(sup.id, ("none", None))
        if rel != "none":
            out.append(_competence(sup, sub, rel, via))
        elif (tiaoli := _tiaoli_competence(sup, sub, reg, day)) is not None:
            out.append(tiaoli)
        elif sup.kind is not OrganKind.JUDICIAL_OFFICE and supervises_through(sup, sub, reg, trade=trade):
            out.append(_competence(sup, sub, "upper_supervisor", None))
        elif include_assistants and sup.kind is OrganKind.JUDICIAL_OFFICE and sup.parent in reg:
            bureau = reg[sup.parent]
            if bureau.kind is OrganKind.JUSTICE and relation_between(bureau, sub, reg, trade=trade)[0] != "none":
                out.append(
                    Competence(
                        supervisor=sup.id, supervisor_name=sup.name, supervised=sub.id, relation="assists",
                        via=None, citation=citation(5, 4, with_title=False),
                        description=f"司法所协助{bureau.name}开展行政执法监督工作", assists_only=True,
                    )
                )
    return tuple(sorted(out, key=lambda c: (c.supervisor != c.supervisor.split(".")[0], c.supervisor)))


def common_superiors(
    a: str,
    b: str,
    *,
    organs: Mapping[str, Organ] | Iterable[Organ | Mapping[str, Any]] | None = None,
) -> tuple[Organ, ...]:
    """Every 共同上一级行政执法监督机关 of two supervising organs in dispute (第六条第二款, A06-3).

    An organ qualifies when it supervises both under 第三条 and is the next level above them on a
    line of supervision: on the government line, the nearest organ above both in the organ tree
    (for two departments of one government, that government; for two county governments or two
    county departments, 州人民政府); on a system line (本系统), every department with a 第三条第一款
    relation of its own to each (州市场监督管理局 over the 恩施市 and 利川市 market regulators). The
    government line comes first, then by id. A 司法局 is listed only for its own system (州司法局 over
    two county 司法局); a report to a government's 司法局 counts as a report to the government
    (第五条第一款). Empty when the registry holds no such organ.

        >>> [o.id for o in common_superiors("422801", "422802")]
        ['422800']
    """
    reg = organ_registry(organs)
    return tuple(_common_superiors(_get(reg, a), _get(reg, b), reg))


def common_superior(
    a: str,
    b: str,
    *,
    organs: Mapping[str, Organ] | Iterable[Organ | Mapping[str, Any]] | None = None,
) -> Organ | None:
    """The first of :func:`common_superiors` (the government line's when it qualifies), or ``None``."""
    found = common_superiors(a, b, organs=organs)
    return found[0] if found else None


def justice_bureau_of(
    government: str,
    *,
    organs: Mapping[str, Organ] | Iterable[Organ | Mapping[str, Any]] | None = None,
) -> Organ | None:
    """The 司法行政部门 of a government (its supervision body, 第五条第一款), if registered."""
    reg = organ_registry(organs)
    for o in reg.values():
        if o.kind is OrganKind.JUSTICE and o.parent == government:
            return o
    return None
