"""The case document: what happened in one supervision matter, in a supervision officer's words.

Every record has an ``id`` (given, or defaulted to its place in the document) so that a finding can
say which records produced it. Dates are ISO dates (``2025-03-10``). Unknown fields are errors.
Cross-field checks (a letter received before it was issued, an unknown organ id, an act dated after
the as-of date) are in :func:`enshi_rules.facts.load_case`, which reports every problem at once.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Annotated

from ._types import AsOf, Code, Day, Id, StrictBool, StrictInt, Text, Visible, When
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .measures import (
    AnnualDuties,
    Clue,
    Complaint,
    Deficiency,
    Designation,
    Dispute,
    Inspection,
    Liability,
    MajorDecision,
    MatterSource,
    Misconduct,
    Obstruction,
    SpecialSource,
)
from .organs import Organ
from .systems import validate_system

__all__ = [
    "Case",
    "DayCountingChoice",
    "DecisionLetter",
    "DecisionOrder",
    "EnforcementAction",
    "EnforcementActivity",
    "ObjectionApplication",
    "ReviewAnswer",
    "Situation",
    "SpecialSupervision",
    "SubmittedReport",
    "SuggestionLetter",
    "Supervision",
]

_Id = Id
_Text = Text


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class EnforcementActivity(enum.StrEnum):
    """第三条第二款: the nine kinds of 行政执法活动 it names, and 其他 for its closing 等."""

    LICENSING = "行政许可"
    PENALTY = "行政处罚"
    COERCION = "行政强制"
    INSPECTION = "行政检查"
    EXPROPRIATION = "行政征收征用"
    PAYMENT = "行政给付"
    CONFIRMATION = "行政确认"
    ADJUDICATION = "行政裁决"
    REWARD = "行政奖励"
    OTHER = "其他"


class SpecialSupervision(enum.StrEnum):
    """第二条第二款: special supervision governed by other law."""

    RECONSIDERATION = "行政复议"
    SUPERVISION_COMMISSION = "监察"
    AUDIT = "审计"
    NORMATIVE_DOCUMENT_REVIEW = "行政规范性文件备案审查"


class DecisionOrder(enum.StrEnum):
    """第二十八条第一款: what a 《行政执法监督决定书》 orders."""

    PERFORM_DUTY = "限期履行法定职责"
    REMAKE = "重新作出行政行为"
    REVOKE = "撤销行政行为"
    OTHER = "其他"


class DayCountingChoice(enum.StrEnum):
    CALENDAR = "calendar"
    WORKING = "working"


class EnforcementAction(_Model):
    """The enforcement activity under supervision."""

    id: _Id = "enforcement_action"
    kind: EnforcementActivity
    description: _Text = ""
    region: Code | None = Field(
        default=None,
        description="where it took place (division code); defaults to the supervised organ's region",
    )
    acted_on: Day | None = None
    entrusted_by: Id | None = Field(
        default=None,
        description="委托机关: the organ that entrusted this act (委托执法: done in that organ's name); the measures say "
        "nothing of 委托, so it changes no finding: a note says who answers for the act (A03-7)",
    )
    system: Visible | None = Field(
        default=None,
        max_length=50,
        description="the line of work (行业) it belongs to, e.g. 市场监管: decides the 行业监督 of 第五条第三款",
    )

    _system = field_validator("system")(validate_system)


class Situation(_Model):
    """A situation of 第二十六条 found in the supervised organ (item 1-6)."""

    id: _Id | None = None

    @property
    def ref(self) -> str:
        """Its id, or one made from its item (the loader keeps them unique); findings cite it."""
        return self.id or f"situation-{self.item}"
    item: StrictInt = Field(ge=1, le=6, description="第二十六条 item: 1 主体、权限、程序不合法 … 6 其他违法情形")
    description: _Text = ""
    provision: _Text = Field(
        default="",
        description="item 6 (其他违反法律法规规定的情形): the provision of law or regulation violated (A26-4)",
    )
    found_on: Day | None = None
    confirmed: StrictBool = Field(description="经调查属实: the investigation confirmed it")
    confirmed_on: Day | None = None


class SuggestionLetter(_Model):
    """《行政执法监督建议书》."""

    id: _Id = "suggestion_letter"
    number: Visible = Field(default="", max_length=100, description="文号")
    issued_on: When = Field(
        description="制发: the date; or done (issued, date unknown), not_done (the same as no letter), unknown (whether issued is not known)"
    )
    received_on: When | None = Field(
        default=None,
        description="the date the supervised organ received it; done (received, date unknown: periods from it cannot be counted); "
        "absent: the receipt is not recorded (a missing fact, periods are not counted)",
    )
    rectification_days: StrictInt | None = Field(
        default=None,
        ge=1,
        le=3650,
        description=(
            "the time limit the letter sets (限期), in days. The period judged stays the thirty days of "
            "第二十七条第二款, which the measures fix for every letter; a letter that gives another number of "
            "days gets a note, and a rectification reported after the thirty days but within a longer "
            "letter's own days is only a possible violation (A27-5)"
        ),
    )


class ObjectionApplication(_Model):
    """An application for review (申请复查) against the suggestion letter (第二十七条第一款)."""

    id: _Id = "objection"
    filed_on: When = Field(
        description="the date the application reached the supervising organ (starts its 15-day review); or done / not_done / unknown"
    )
    posted_on: Day | None = Field(default=None, description="postmark date, if sent by post")


class ReviewAnswer(_Model):
    """The supervising organ's answer to the review application (复查答复)."""

    id: _Id = "review_answer"
    answered_on: When = Field(description="the date of the answer; or done / not_done / unknown")
    received_on: When | None = Field(
        default=None, description="the date the supervised organ received it; absent: not recorded (a missing fact)"
    )
    objection_upheld: StrictBool = Field(description="经复查异议成立")


class SubmittedReport(_Model):
    """A report submitted by the supervised organ (整改情况 or 执行情况)."""

    id: _Id | None = None
    submitted_on: When = Field(
        description="the date it reached the supervising organ; or done (submitted, date unknown), not_done, unknown"
    )
    posted_on: Day | None = Field(default=None, description="postmark date, if sent by post")


class DecisionLetter(_Model):
    """《行政执法监督决定书》."""

    id: _Id = "decision_letter"
    number: Visible = Field(default="", max_length=100)
    issued_on: When = Field(description="制发: the date; or done (issued, date unknown), not_done, unknown")
    received_on: When | None = Field(
        default=None, description="the date the supervised organ received it; absent: not recorded (a missing fact)"
    )
    orders: tuple[DecisionOrder, ...] = ()


class Supervision(_Model):
    """The supervision procedure of 第二十六条至第二十八条."""

    started_on: When | None = Field(
        default=None,
        description="the date the supervision procedure was started (启动监督程序), of any precision; unknown or absent: "
        "the start is not known, and whether the measures apply is judged from the other dated steps, if any (A35-1)",
    )
    situations: tuple[Situation, ...] = Field(default=(), max_length=50)
    suggestion_letter: SuggestionLetter | None = None
    objection: ObjectionApplication | None = None
    review_answer: ReviewAnswer | None = None
    rectification_report: SubmittedReport | None = None
    decision_letter: DecisionLetter | None = None
    execution_report: SubmittedReport | None = None
    deficiencies: tuple[Deficiency, ...] = Field(
        default=(), max_length=100, description="deficiencies against 第十二条至第十四条"
    )
    special_source: SpecialSource | None = Field(
        default=None, description="第二十一条: the source of a 专项行政执法监督"
    )
    source: MatterSource | None = Field(
        default=None,
        description="where the matter came from (人大代表建议 … 行政执法社会监督员、专项行动), with a note; shown in the report",
    )
    serious_impact: StrictBool = Field(
        default=False, description="第二十九条第二款: 违法或者不当等情况突出、造成重大影响"
    )
    circulated_on: When | None = Field(
        default=None, description="第二十九条第一款: 通报 on; absent: not circulated; done / not_done / unknown"
    )
    head_interviewed_on: When | None = Field(
        default=None, description="第二十九条第二款: 约谈负责人 on; absent: no interview; done / not_done / unknown"
    )
    superior_informed: StrictBool | None = Field(
        default=None,
        description="《行政执法监督条例》第四十二条第二款 (a vertically managed supervised organ, a matter from 2026-02-01): "
        "whether the problems found (situations confirmed) were told to its 上一级主管部门: true (told), false (recorded "
        "as not told: owed and not yet done; 及时 has no period, never a violation, T-6), absent (not known: a missing fact)",
    )


class Case(_Model):
    """One supervision matter."""

    case_id: _Id
    as_of: AsOf | None = Field(default=None, description="the date obligations are judged at")
    day_counting: DayCountingChoice = DayCountingChoice.CALENDAR
    exclude_time_in_post: StrictBool = False
    organs: tuple[Organ, ...] = Field(default=(), max_length=500, description="organs beyond the built-in registry")
    systems: dict[Annotated[str, Field(min_length=1, max_length=50)], tuple[Annotated[str, Field(min_length=1, max_length=50)], ...]] = Field(
        default_factory=dict,
        max_length=100,
        description="systems (行业/系统) beyond the built-in vocabulary, each with its aliases: {\"名称\": [\"别名\"]} (facts.systems)",
    )
    supervising_organ: _Id
    supervised_organ: _Id
    enforcement_action: EnforcementAction | None = None
    special_supervision: SpecialSupervision | None = None
    supervision: Supervision = Supervision()
    designation: Designation | None = None
    dispute: Dispute | None = None
    inspections: tuple[Inspection, ...] = Field(default=(), max_length=50)
    annual_duties: tuple[AnnualDuties, ...] = Field(default=(), max_length=100)
    complaints: tuple[Complaint, ...] = Field(default=(), max_length=200)
    major_decisions: tuple[MajorDecision, ...] = Field(default=(), max_length=200)
    liabilities: tuple[Liability, ...] = Field(default=(), max_length=100)
    conduct: tuple[Misconduct, ...] = Field(default=(), max_length=100, description="第三十三条: supervisors' misconduct")
    obstructions: tuple[Obstruction, ...] = Field(default=(), max_length=100)
    clues: tuple[Clue, ...] = Field(default=(), max_length=100)
