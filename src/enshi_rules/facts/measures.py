"""The optional sections of a case document beyond the procedure of 第二十六条至第二十八条.

Each section is what a supervision officer would write down about one part of the measures:

=====================  ==========================================================================
section                what it records (article)
=====================  ==========================================================================
``designation``        the upper supervising organ that designated the supervising organ (第六条第一款)
``dispute``            two supervising organs disputing the same matter (第六条第二款)
``inspections``        on-site supervision: supervisors, certificates, withdrawal, secrets, the
                       measures taken (第十七条、第二十三条、第二十四条)
``annual_duties``      per organ and year: 权责清单, yearly plan, 案卷评查, 考核评议 (第十五、十八、十九条)
``complaints``         complaints and reports from citizens and organisations (第十条第二款)
``major_decisions``    重大行政执法决定: filing and review (第二十二条)
``liabilities``        persons of the supervised organ, behaviour of 第三十二条第一款 item 1-7, 容错
``conduct``            misconduct of supervisors (第三十三条)
``obstructions``       refusing, obstructing, not cooperating (第二十五条、第三十四条)
``clues``              clues of duty-related violations to transfer to the 监察机关 (第三十一条)
``supervision.deficiencies``  what the supervision found against 第十二条至第十四条
=====================  ==========================================================================

Everything is optional; a case without these sections evaluates exactly as before.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any

from ._problems import Problems
from ._types import ActState, Day, Id, Name, Occurred, StrictBool, StrictInt, Text, Visible, When, bounds
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from ..errors import Problem

__all__ = [
    "AnnualAssessment",
    "AnnualDuties",
    "AssessmentScope",
    "Clue",
    "ClueKind",
    "ClueRecipient",
    "Complainant",
    "Complaint",
    "ConfidentialMatter",
    "Deficiency",
    "Designation",
    "Dispute",
    "Inspection",
    "InspectionSupervisor",
    "Liability",
    "LiabilityRole",
    "MatterSource",
    "MajorDecision",
    "Misconduct",
    "MisconductKind",
    "Obstruction",
    "ObstructionConduct",
    "ObstructionParty",
    "ReviewResult",
    "SourceKind",
    "SpecialSource",
    "Tolerance",
    "measures_problems",
]

_Id = Id
_Text = Text
_Name = Name


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# ---- 第六条 ---------------------------------------------------------------------------------


class Designation(_Model):
    """第六条第一款: 上级行政执法监督机关 指定监督 — the supervising organ acts on a designation."""

    designated_by: _Id = Field(description="the organ that designated the supervising organ")
    designated_on: Day | None = None
    document: Visible = Field(default="", max_length=100, description="文号 of the designation")


class Dispute(_Model):
    """第六条第二款: two supervising organs dispute the same supervision matter."""

    id: _Id = "dispute"
    organs: tuple[_Id, _Id] = Field(description="the two supervising organs in dispute")
    matter: _Text = ""
    negotiated: StrictBool = Field(default=False, description="协商: the two organs tried to settle it")
    agreed: StrictBool = Field(default=False, description="协商一致: the negotiation settled it")
    referred_to: _Id | None = Field(default=None, description="the organ the dispute was reported to (报请协调)")
    referred_on: When | None = Field(default=None, description="报请协调 on; done / not_done / unknown")


# ---- 第十七条、第二十三条、第二十四条 ---------------------------------------------------------------


class ConfidentialMatter(enum.StrEnum):
    """第二十四条第（三）项."""

    STATE_SECRET = "国家秘密"
    TRADE_SECRET = "商业秘密"
    PRIVACY = "个人隐私"


class InspectionSupervisor(_Model):
    """A 行政执法监督人员 taking part in an inspection."""

    name: _Name
    certificate_no: Visible | None = Field(default=None, max_length=64, description="行政执法监督证件 number")
    certificate_shown: StrictBool = Field(description="出示行政执法监督证件")
    conflict_of_interest: StrictBool = Field(
        default=False, description="与监督事项有利害关系或者有其他情形可能影响公正处理"
    )
    withdrew: StrictBool = Field(default=False, description="回避")


class Inspection(_Model):
    """An inspection (行政执法监督检查), on site or not."""

    id: _Id = "inspection"
    on_site: StrictBool | None = Field(
        default=None, description="现场行政执法监督活动；null（未填）：记录未载明是否现场（A24-4）"
    )
    conducted_on: Day | None = None
    supervisors: tuple[InspectionSupervisor, ...] = Field(default=(), max_length=50)
    measures: tuple[Annotated[StrictInt, Field(ge=1, le=7)], ...] = Field(
        default=(), max_length=7, description="第二十三条 items of the measures taken (1 听取说明 … 7 其他)"
    )
    confidential: tuple[ConfidentialMatter, ...] = Field(
        default=(), max_length=3, description="the matter involves 国家秘密 / 商业秘密 / 个人隐私"
    )
    confidentiality_breached: StrictBool = Field(default=False, description="a secret or private matter was disclosed")


# ---- 第十五条、第十八条、第十九条 ------------------------------------------------------------------


class AssessmentScope(enum.StrEnum):
    """第十九条: 综合考核评议 or 专项考核评议."""

    COMPREHENSIVE = "综合"
    SPECIAL = "专项"


class AnnualAssessment(_Model):
    """One 行政执法考核评议."""

    held_on: Day
    internal: StrictBool = Field(description="包括内部考核")
    external: StrictBool = Field(description="包括外部评议")
    scope: AssessmentScope = AssessmentScope.COMPREHENSIVE


class AnnualDuties(_Model):
    """What one supervising organ did in one year (第十五条、第十八条、第十九条)."""

    organ: _Id
    year: StrictInt = Field(ge=2025, le=2100, description="calendar year; the measures apply from 2025")
    responsibility_list_on: When | None = Field(
        default=None,
        description="行政执法监督权责清单 made on; done / not_done; absent or unknown: not recorded, and unless a record of an "
        "earlier year shows the list made (a standing list, A15-2) the duty to make it is one possible finding with "
        "that reason (A15-6)",
    )
    annual_plan_on: When | None = Field(
        default=None,
        description="年度行政执法监督工作计划 made on; done / not_done / unknown; absent: not recorded, judged as unknown (A15-6)",
    )
    case_file_reviews: tuple[Day, ...] = Field(
        default=(), max_length=100, description="行政执法案卷评查 held on (2025-05: some day in May 2025)"
    )
    assessments: tuple[AnnualAssessment, ...] = Field(default=(), max_length=100)

    @model_validator(mode="before")
    @classmethod
    def _absent_is_not_recorded(cls, data: Any) -> Any:
        """An annual record that does not mention the plan does not say it was not made (the field can
        say not_done): absent is judged as unknown (A15-6, legal review (a)6). The list is a standing
        list, not a yearly one (A15-2): a record silent on it (absent or unknown) is kept as not
        recorded, so that a list of an earlier year can count and otherwise 第十五条 gives one possible
        finding with the reason, never two exclusive ones (legal review 2, item 14)."""
        if isinstance(data, dict):
            data = {**data}
            if data.get("annual_plan_on") is None:
                data["annual_plan_on"] = ActState.UNKNOWN.value
        return data

    #: Whether the record says anything about the list (a date, done or not_done); kept when the
    #: imprecise values of the case are instantiated (a not_done is then absent too).
    _list_recorded: bool = PrivateAttr(default=True)

    @model_validator(mode="after")
    def _list_not_recorded(self) -> AnnualDuties:
        if self.responsibility_list_on is None or self.responsibility_list_on is ActState.UNKNOWN:
            object.__setattr__(self, "responsibility_list_on", None)
            self._list_recorded = False
        return self

    @property
    def list_recorded(self) -> bool:
        """The record says whether the 权责清单 was made (a date, done or not_done): A15-2, A15-6."""
        return self._list_recorded


# ---- 第十条、第二十二条 ---------------------------------------------------------------------------


class Complainant(enum.StrEnum):
    CITIZEN = "公民"
    LEGAL_PERSON = "法人"
    ORGANISATION = "其他组织"


class Complaint(_Model):
    """第十条第二款: a complaint or report (投诉、举报) to the supervising organ."""

    id: _Id
    complainant: Complainant
    kind: str = Field(default="投诉", pattern=r"^(投诉|举报)$")
    about: _Text = ""
    received_on: Day
    handled_on: When | None = Field(
        default=None, description="the date it was dealt with (依法处理); absent: not dealt with; done / not_done / unknown"
    )
    outcome: _Text = ""


class ReviewResult(enum.StrEnum):
    LAWFUL = "合法适当"
    UNLAWFUL = "不合法"
    INAPPROPRIATE = "明显不当"


class MajorDecision(_Model):
    """第二十二条: a 重大行政执法决定 of the supervised organ."""

    id: _Id
    made_on: Day | None = None
    filed_on: When | None = Field(
        default=None,
        description="备案: the date it was filed with the supervising organ; done (filed, date unknown), not_done, unknown; "
        "absent: not filed",
    )
    reviewed_on: When | None = Field(
        default=None, description="合法性、适当性审查 completed on; absent: not reviewed; done / not_done / unknown"
    )
    review_result: ReviewResult | None = None


# ---- 第十二条至第十四条 ----------------------------------------------------------------------------


class Deficiency(_Model):
    """A deficiency found against an item of 第十二条, 第十三条 or 第十四条."""

    id: _Id | None = None
    article: StrictInt = Field(ge=12, le=14, description="12 重要制度 / 13 责任制 / 14 严格规范公正文明执法")
    item: StrictInt = Field(ge=1, le=11)
    description: _Text = ""
    provision: _Text = Field(
        default="",
        description=(
            "the provision of law or regulation the deficiency violates; needed when the item amounts to "
            "第二十六条第（六）项 (其他违反法律法规规定的情形), else that item is a missing fact (A26-4)"
        ),
    )
    found_on: Day | None = None
    confirmed: StrictBool = Field(description="经调查属实")

    @property
    def ref(self) -> str:
        """Its id, or one made from its article and item (the loader keeps them unique)."""
        return self.id or f"deficiency-{self.article}-{self.item}"


class SpecialSource(enum.StrEnum):
    """第二十一条: where a 专项行政执法监督 comes from."""

    DEPUTY_PROPOSAL = "人大代表建议"
    CPPCC_PROPOSAL = "政协委员提案"
    JUDICIAL_PROPOSAL = "司法建议"
    SUPERVISION_PROPOSAL = "监察建议"
    ASSIGNED = "上级交办事项"
    PUBLIC_CONCERN = "社会普遍关注的热点问题"
    MAJOR_CASE = "具有较大影响的案件"


# The sources of 第二十一条 (SpecialSource, in its order) and two more after them.
SourceKind = enum.StrEnum(
    "SourceKind",
    [(s.name, s.value) for s in SpecialSource] + [("SOCIAL_SUPERVISOR", "行政执法社会监督员"), ("CAMPAIGN", "专项行动")],
)
SourceKind.__doc__ = """Where a supervision matter came from: the sources 第二十一条 lists, and two that published
    cases name beside them (行政执法社会监督员, 专项行动). A closed list; ``MatterSource.note`` says more."""


class MatterSource(_Model):
    """The source of a supervision matter, shown in the report (第二十一条 lists most of them)."""

    kind: SourceKind
    note: _Text = Field(default="", description="free text: which proposal, which campaign, which supervisor's report")


# ---- 第三十一条至第三十四条 ------------------------------------------------------------------------


class LiabilityRole(enum.StrEnum):
    PERSON_IN_CHARGE = "直接负责的主管人员"
    OTHER_RESPONSIBLE = "其他直接责任人员"


class _Persons(_Model):
    """A record of persons answerable for a behaviour (第三十二条、第三十三条): one person by name, or
    persons of one role counted (``count``) when the source does not name them (reports then read
    其他直接责任人员（姓名未记录）)."""

    id: _Id
    person: _Name | None = Field(default=None, description="the person's name; absent: not recorded (姓名未记录)")
    count: StrictInt | None = Field(
        default=None, ge=1, le=1000, description="how many persons this record covers (unnamed persons of one role)"
    )


class Tolerance(_Model):
    """第三十二条第二款 (容错): each condition as established (true), disproved (false) or unknown (null)."""

    lawful_performance: StrictBool | None = Field(default=None, description="在依法履职过程中")
    objective_cause: StrictBool | None = Field(default=None, description="由于客观因素或者难以预见情形")
    duties_performed: StrictBool | None = Field(
        default=None, description="已经按照职能分工、岗位职责和监督管理工作计划要求履行职责"
    )


def _done_when_confirmed(data: Any) -> Any:
    """A behaviour charged and confirmed happened: a record silent on its date (``acted_on``) says it
    happened on a day not recorded (``done``), so a finding of 第三十二条、第三十三条 or 第三十四条 (and
    of 第二十五条 for an obstruction) that depends on the date is only possible (A32-7, A34-2). An
    unconfirmed record gives nothing to judge (D-2): its date stays as given."""
    if isinstance(data, dict) and data.get("acted_on") is None and data.get("confirmed") is True:
        data = {**data, "acted_on": ActState.DONE.value}
    return data


class Liability(_Persons):
    """第三十二条第一款: a person of the supervised organ and the behaviour (item 1-7) charged.

    A record may name the person, or give only the role and how many persons it covers (``count``)
    when the source does not name them (reports then read 其他直接责任人员（姓名未记录）).
    """

    organ: _Id | None = Field(default=None, description="the person's organ; defaults to the supervised organ")
    role: LiabilityRole
    behaviour: StrictInt = Field(ge=1, le=7, description="第三十二条第一款 item")
    description: _Text = ""
    confirmed: StrictBool = Field(description="经调查属实")
    suspected_crime: StrictBool = Field(default=False, description="涉嫌构成犯罪")
    tolerance: Tolerance | None = Field(default=None, description="容错 claimed, with its conditions")
    acted_on: Occurred | None = Field(
        default=None,
        description="行为日期: the date of the conduct charged (YYYY-MM-DD, YYYY-MM, YYYY), or done (it happened, date "
        "unknown); 第三十二条 reaches conduct on or after 2025-03-01 only (A32-7); absent: not recorded, judged as done "
        "(on a confirmed record)",
    )

    @model_validator(mode="before")
    @classmethod
    def _conduct_date_not_recorded(cls, data: Any) -> Any:
        return _done_when_confirmed(data)


class MisconductKind(enum.StrEnum):
    ABUSE = "滥用职权"
    NEGLECT = "玩忽职守"
    FAVOURITISM = "徇私舞弊"


class Misconduct(_Persons):
    """第三十三条: misconduct of a person of the supervising organ (named, or counted by role)."""

    organ: _Id | None = Field(default=None, description="the person's organ; defaults to the supervising organ")
    role: LiabilityRole
    behaviour: MisconductKind
    description: _Text = ""
    confirmed: StrictBool
    suspected_crime: StrictBool = False
    acted_on: Occurred | None = Field(
        default=None,
        description="行为日期: the date of the misconduct (YYYY-MM-DD, YYYY-MM, YYYY), or done (it happened, date "
        "unknown); 第三十三条 reaches conduct on or after 2025-03-01 only (A32-7); absent: not recorded, judged as done "
        "(on a confirmed record)",
    )

    @model_validator(mode="before")
    @classmethod
    def _conduct_date_not_recorded(cls, data: Any) -> Any:
        return _done_when_confirmed(data)


class ObstructionParty(enum.StrEnum):
    SUPERVISED = "被监督机关"
    OTHER = "其他单位和个人"


class ObstructionConduct(enum.StrEnum):
    REFUSE = "拒绝"
    OBSTRUCT = "阻碍"
    FALSE_ACCOUNT = "不如实反映情况"
    WITHHOLD = "不提供资料"
    NOT_COOPERATE = "不配合"


class Obstruction(_Model):
    """第二十五条、第三十四条: supervision refused, obstructed or not cooperated with.

    ``acted_on`` is the day of the conduct, as in ``liabilities`` and ``conduct`` (A32-7); ``on`` is
    its older spelling, still read as ``acted_on`` (a record giving both is refused) (A34-2).
    """

    id: _Id
    party: ObstructionParty
    actor: _Name = Field(description="the unit or person (for 被监督机关: its name or the staff member)")
    conduct: ObstructionConduct
    acted_on: Occurred | None = Field(
        default=None,
        description="行为日期: the date of the refusal, obstruction or non-cooperation (YYYY-MM-DD, YYYY-MM, YYYY), or "
        "done (it happened, date unknown); older spelling: on. A step of the supervision (A35-1): before 2025-03-01 "
        "it is not judged under 第二十五条, and 第三十四条 reaches it only from that day (A32-7, A34-2); absent: not "
        "recorded, judged as done (on a confirmed record)",
    )
    on: Occurred | None = Field(
        default=None, exclude=True, deprecated=True,
        description="the older spelling of acted_on, read as acted_on; a record giving both is refused",
    )
    description: _Text = ""
    confirmed: StrictBool

    @model_validator(mode="before")
    @classmethod
    def _conduct_date_not_recorded(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("on") is not None and "acted_on" not in data:
            data = {("acted_on" if k == "on" else k): v for k, v in data.items()}  # the older spelling
        return _done_when_confirmed(data)


class ClueKind(enum.StrEnum):
    DISCIPLINE = "违纪"
    BRIBERY = "贪污贿赂"
    DERELICTION = "失职渎职"
    OTHER = "其他职务违法犯罪"


class ClueRecipient(enum.StrEnum):
    """第三十一条: the kind of body a clue was sent to (A31-2). The first three are the proper body:
    the 监察委员会 (监察机关), the 纪律检查委员会 (依纪), and the two 合署办公 (纪检监察机关)."""

    SUPERVISION_COMMISSION = "监察委员会"
    DISCIPLINE_COMMISSION = "纪律检查委员会"
    JOINT = "纪检监察机关"
    POLICE = "公安机关"
    PROCURATORATE = "检察机关"
    OTHER = "其他"


class Clue(_Model):
    """第三十一条: a clue found during supervision that an enforcement officer broke discipline or law."""

    id: _Id
    person: _Name | None = Field(default=None, description="the person concerned; absent: not recorded (姓名未记录)")
    kind: ClueKind | None = Field(default=None, description="the kind of violation; absent: not recorded (a missing fact)")
    found_on: Day | None = Field(default=None, description="发现 on; absent: not recorded (a missing fact, not a refusal)")
    transferred_on: When | None = Field(
        default=None, description="移送监察机关 on; absent: not transferred; done (transferred, date unknown), not_done, unknown"
    )
    transferred_to: Visible = Field(default="", max_length=100, description="the recipient's name, e.g. 中共恩施市纪委 恩施市监委")
    transferred_to_kind: ClueRecipient | None = Field(
        default=None,
        description="the kind of body it was sent to (监察委员会, 纪律检查委员会, 纪检监察机关, 公安机关, 检察机关, 其他): decides 第三十一条",
    )


# ---- cross-field checks (called by load_case) ------------------------------------------------

_ITEMS_PER_ARTICLE = {12: 5, 13: 6, 14: 11}


def _can_supervise(o: Any) -> bool:
    from .organs import OrganKind, OrganLevel  # noqa: PLC0415

    if o.kind is OrganKind.GOVERNMENT:
        return o.level in (OrganLevel.PREFECTURE, OrganLevel.COUNTY)
    return o.kind in (OrganKind.DEPARTMENT, OrganKind.JUSTICE)


def measures_problems(case: Any, organs: Mapping[str, Any], as_of: date) -> list[Problem]:
    """Impossible data in the sections above: unknown organs, dates after the as-of date or in the
    wrong order, items that do not exist, records given twice. Each with its field path."""
    found = Problems(as_of)
    bad, not_future, order = found.bad, found.not_future, found.order

    def organ(path: str, oid: str | None) -> None:
        if oid is not None and oid not in organs:
            bad(path, f"机关 {oid} 未定义", f"organ {oid} is not defined")

    def unique(section: str, records: Any) -> None:
        seen: set[str] = set()
        for i, r in enumerate(records):
            if r.id in seen:
                bad(f"{section}[{i}].id", f"编号 {r.id} 重复", f"id {r.id} is used twice")
            seen.add(r.id)

    if case.designation is not None:
        d = case.designation
        organ("designation.designated_by", d.designated_by)
        not_future("designation.designated_on", d.designated_on)
        if d.designated_by == case.supervising_organ:
            bad("designation.designated_by", "监督机关不能指定自己", "an organ cannot designate itself")
    if case.dispute is not None:
        dp = case.dispute
        for i, oid in enumerate(dp.organs):
            organ(f"dispute.organs[{i}]", oid)
        if dp.organs[0] == dp.organs[1]:
            bad("dispute.organs", "争议双方不能是同一机关", "a dispute needs two different organs")
        organ("dispute.referred_to", dp.referred_to)
        if dp.agreed and not dp.negotiated:
            bad("dispute.agreed", "未协商却协商一致", "agreed is true but negotiated is false")
        if dp.agreed and dp.referred_to is not None:
            bad("dispute.referred_to", "已协商一致却又报请协调", "referred although the negotiation settled it")
        if dp.referred_on is not None and dp.referred_to is None:
            bad("dispute.referred_on", "有报请日期却没有报请机关", "referred_on without referred_to")
        not_future("dispute.referred_on", dp.referred_on)
    unique("inspections", case.inspections)
    for i, ins in enumerate(case.inspections):
        not_future(f"inspections[{i}].conducted_on", ins.conducted_on)
        if len(set(ins.measures)) != len(ins.measures):
            bad(f"inspections[{i}].measures", "监督措施重复", "a measure is listed twice")
        if ins.confidentiality_breached and not ins.confidential:
            bad(f"inspections[{i}].confidentiality_breached", "未涉及秘密或隐私却记录泄密", "a breach without any confidential matter")
    seen_years: set[tuple[str, int]] = set()
    for i, a in enumerate(case.annual_duties):
        p = f"annual_duties[{i}]"
        organ(f"{p}.organ", a.organ)
        if (a.organ, a.year) in seen_years:
            bad(p, f"机关 {a.organ} 的 {a.year} 年度记录重复", f"organ {a.organ} has two records for {a.year}")
        seen_years.add((a.organ, a.year))
        if a.year > as_of.year:
            bad(f"{p}.year", f"年度 {a.year} 晚于判断日所在年度", f"year {a.year} is after the as-of date")
        for f in ("responsibility_list_on", "annual_plan_on"):
            not_future(f"{p}.{f}", getattr(a, f))
        for j, d in enumerate(a.case_file_reviews):
            not_future(f"{p}.case_file_reviews[{j}]", d)
            if any(x.year != a.year for x in bounds(d)):
                bad(f"{p}.case_file_reviews[{j}]", f"案卷评查日期 {d} 不在 {a.year} 年度内", f"review date {d} is not in {a.year}")
        for j, s in enumerate(a.assessments):
            not_future(f"{p}.assessments[{j}].held_on", s.held_on)
            if any(x.year != a.year for x in bounds(s.held_on)):
                bad(f"{p}.assessments[{j}].held_on", f"考核评议日期 {s.held_on} 不在 {a.year} 年度内", f"assessment date {s.held_on} is not in {a.year}")
            if not (s.internal or s.external):
                bad(f"{p}.assessments[{j}]", "考核评议既无内部考核也无外部评议", "an assessment with neither internal nor external part")
    unique("complaints", case.complaints)
    for i, c in enumerate(case.complaints):
        not_future(f"complaints[{i}].received_on", c.received_on)
        not_future(f"complaints[{i}].handled_on", c.handled_on)
        order(f"complaints[{i}].handled_on", c.received_on, c.handled_on, "处理日期早于收到日期", "handled before it was received")
    unique("major_decisions", case.major_decisions)
    for i, md in enumerate(case.major_decisions):
        p = f"major_decisions[{i}]"
        for f in ("made_on", "filed_on", "reviewed_on"):
            not_future(f"{p}.{f}", getattr(md, f))
        order(f"{p}.filed_on", md.made_on, md.filed_on, "备案日期早于决定日期", "filed before it was made")
        order(f"{p}.reviewed_on", md.filed_on, md.reviewed_on, "审查日期早于备案日期", "reviewed before it was filed")
        reviewed = md.reviewed_on is not None and md.reviewed_on not in (ActState.NOT_DONE, ActState.UNKNOWN)
        if reviewed and md.filed_on in (None, ActState.NOT_DONE):
            bad(f"{p}.reviewed_on", "未备案却有备案审查", "reviewed although never filed")
        if md.review_result is not None and not reviewed:
            bad(f"{p}.review_result", "没有审查却有审查结论", "a review result without a review")
        if md.review_result is None and bounds(md.reviewed_on) is not None:
            bad(f"{p}.review_result", "审查日期与审查结论应同时给出", "reviewed_on and review_result go together")
    sup = case.supervision
    seen_def: set[str] = set()
    for i, df in enumerate(sup.deficiencies):
        p = f"supervision.deficiencies[{i}]"
        if df.item > _ITEMS_PER_ARTICLE[df.article]:
            bad(f"{p}.item", f"第{df.article}条没有第{df.item}项", f"article {df.article} has no item {df.item}")
        did = df.ref
        if did in seen_def:
            bad(f"{p}.id", f"缺陷编号 {did} 重复：同一项的多个缺陷须各自给出 id", f"deficiency id {did} is used twice")
        seen_def.add(did)
        not_future(f"{p}.found_on", df.found_on)
    for f in ("circulated_on", "head_interviewed_on"):
        not_future(f"supervision.{f}", getattr(sup, f))
    for i, a in enumerate(case.annual_duties):
        o = organs.get(a.organ)
        if o is not None and not _can_supervise(o):
            # 第十五、十八、十九条 bind a 行政执法监督机关 (第三条第三款): a 州 or 县（市） government or one of its departments
            bad(f"annual_duties[{i}].organ", f"{o.name}（{o.kind.value}）不是行政执法监督机关，第十五、十八、十九条的年度义务不约束它", f"{o.name} is not a supervising organ: art. 15, 18, 19 do not bind it")
    unique("liabilities", case.liabilities)
    for i, lb in enumerate(case.liabilities):
        organ(f"liabilities[{i}].organ", lb.organ)
        not_future(f"liabilities[{i}].acted_on", lb.acted_on)
        if lb.organ is not None and lb.organ == case.supervising_organ:
            # 第三十二条 is for the supervised side; the supervising side answers under 第三十三条
            bad(f"liabilities[{i}].organ", "监督机关工作人员的责任适用第三十三条，请记入 conduct", "staff of the supervising organ answer under art. 33: record them under conduct")
    unique("conduct", case.conduct)
    for i, mc in enumerate(case.conduct):
        organ(f"conduct[{i}].organ", mc.organ)
        not_future(f"conduct[{i}].acted_on", mc.acted_on)
        if mc.organ is not None and mc.organ == case.supervised_organ:
            # 第三十三条 is for the supervising side; the supervised organ's people answer under 第三十二条
            bad(f"conduct[{i}].organ", "被监督机关工作人员的责任适用第三十二条，请记入 liabilities", "staff of the supervised organ answer under art. 32: record them under liabilities")
    unique("obstructions", case.obstructions)
    for i, ob in enumerate(case.obstructions):
        not_future(f"obstructions[{i}].acted_on", ob.acted_on)
        if ob.__dict__.get("on") is not None:  # both spellings at once (A34-2)
            bad(f"obstructions[{i}].on", "on 是 acted_on 的旧写法，不能与 acted_on 同时填写", "on is the older spelling of acted_on: give one of them")
    unique("clues", case.clues)
    for i, cl in enumerate(case.clues):
        not_future(f"clues[{i}].found_on", cl.found_on)
        not_future(f"clues[{i}].transferred_on", cl.transferred_on)
        order(f"clues[{i}].transferred_on", cl.found_on, cl.transferred_on, "移送日期早于发现日期", "transferred before it was found")
    return found.items
