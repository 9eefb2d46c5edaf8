"""第十九条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Judged per organ and year from ``annual_duties.assessments`` (see ``rules/_annual.py``).
Interpretations:

* "包括内部考核和外部评议": over the year, the assessments together must include both an internal
  assessment and an external review (a 专项 assessment may cover one part only). Judged once the year
  has ended and at least one assessment was held; each missing part is its own finding when a 综合
  assessment was held, and a note for a person to judge when all were 专项 (whether "选取部分考核评议
  内容" lets an organ leave out a part for the whole year can be contested, A19-1).
* 综合 or 专项 is the organ's choice (可以): a 专项 assessment is reported as ``may``.

The interpretive choices above are registered for legal review as A15-1, A15-5, A19-1, M-1, E-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import HUMAN_JUDGMENT, Fact, Modality, Outcome, Role, m, rule
from ._annual import counted_duty
from .kinds import ANNUAL

# 第十九条
# 行政执法监督机关应当每年至少组织一次行政执法考核评议，包括内部考核和外部评议。可以开展综合考核评议，也可以选取部分考
# 核评议内容开展专项考核评议。

counted_duty("art_019.p1.assessment", count="assessments", activity="行政执法考核评议")

_ENDED = ANNUAL & (m.as_of > m.year_end) & (m.assessments >= 1)
#: At least one 综合考核评议 in the year: a part missing from the year is a certain finding (A19-1).
_WITH_COMPREHENSIVE = _ENDED & (m.special < m.assessments)
#: Only 专项考核评议 in the year: "可以……选取部分考核评议内容开展专项考核评议" can be read as letting
#: the organ choose the internal (or external) part alone; a lawyer can contest the finding, so it
#: is a note for a person to judge, never a certain 【违反】 (A19-1).
_ONLY_SPECIAL = _ENDED & (m.special == m.assessments)
#: A government's part held by its 司法行政部门 (第五条第一款) is the government's (A15-5).
_NO_JUSTICE_INTERNAL = (-m.justice_internal) | (m.justice_internal == 0)
_NO_JUSTICE_EXTERNAL = (-m.justice_external) | (m.justice_external == 0)


@rule("art_019.p1.internal_assessment_missing", Modality.VIOLATION, Role.SUPERVISING, when=_WITH_COMPREHENSIVE & (m.internal == 0) & _NO_JUSTICE_INTERNAL)
def internal_assessment_missing(f: Fact) -> Outcome:
    """年度内组织了综合考核评议、全年的考核评议均不包括内部考核的，认定违反“包括内部考核和外部评议”的规定。"""
    return Outcome(f"{f['year']}年度：组织的行政执法考核评议均未包括内部考核。")


@rule("art_019.p1.external_review_missing", Modality.VIOLATION, Role.SUPERVISING, when=_WITH_COMPREHENSIVE & (m.external == 0) & _NO_JUSTICE_EXTERNAL)
def external_review_missing(f: Fact) -> Outcome:
    """年度内组织了综合考核评议、全年的考核评议均不包括外部评议的，认定违反“包括内部考核和外部评议”的规定。"""
    return Outcome(f"{f['year']}年度：组织的行政执法考核评议均未包括外部评议。")


def _special_only(f: Fact, part: str) -> Outcome:
    return Outcome(
        f"{f['subject_name']}{f['year']}年度组织的行政执法考核评议均为专项考核评议（{f['assessments']}次），均未包括{part}。"
        "第十九条要求考核评议“包括内部考核和外部评议”，同时规定“可以……选取部分考核评议内容开展专项考核评议”；"
        f"只开展专项考核评议、未包括{part}是否符合第十九条，可以有不同理解，本报告不作违反认定，须人工判断（A19-1）。"
    )


@rule("art_019.p1.internal_assessment_missing_special_only", Modality.SHALL, Role.SUPERVISING, note=True, label=HUMAN_JUDGMENT,
      when=_ONLY_SPECIAL & (m.internal == 0) & _NO_JUSTICE_INTERNAL)
def internal_assessment_missing_special_only(f: Fact) -> Outcome:
    """全年只开展专项考核评议、均不包括内部考核的，说明是否符合第十九条有待人工判断，不作违反认定。"""
    return _special_only(f, "内部考核")


@rule("art_019.p1.external_review_missing_special_only", Modality.SHALL, Role.SUPERVISING, note=True, label=HUMAN_JUDGMENT,
      when=_ONLY_SPECIAL & (m.external == 0) & _NO_JUSTICE_EXTERNAL)
def external_review_missing_special_only(f: Fact) -> Outcome:
    """全年只开展专项考核评议、均不包括外部评议的，说明是否符合第十九条有待人工判断，不作违反认定。"""
    return _special_only(f, "外部评议")


@rule("art_019.p1.special_assessment", Modality.MAY, Role.SUPERVISING, when=ANNUAL & (m.special > 0))
def special_assessment(f: Fact) -> Outcome:
    """选取部分考核评议内容开展专项考核评议的，认定属于第十九条许可的方式。"""
    return Outcome(f"{f['year']}年度：开展专项考核评议{f['special']}次，属于可以选择的考核评议方式。")
