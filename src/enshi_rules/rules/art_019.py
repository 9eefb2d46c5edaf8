"""第十九条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Judged per organ and year from ``annual_duties.assessments`` (see ``rules/_annual.py``).
Interpretations:

* "包括内部考核和外部评议": over the year, the assessments together must include both an internal
  assessment and an external review (a 专项 assessment may cover one part only). Judged once the year
  has ended and at least one assessment was held; each missing part is its own finding.
* 综合 or 专项 is the organ's choice (可以): a 专项 assessment is reported as ``may``.

The interpretive choices above are registered for legal review as A15-1, A19-1, M-1 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule
from ._annual import counted_duty
from .kinds import ANNUAL

# 第十九条
# 行政执法监督机关应当每年至少组织一次行政执法考核评议，包括内部考核和外部评议。可以开展综合考核评议，也可以选取部分考
# 核评议内容开展专项考核评议。

counted_duty("art_019.p1.assessment", count="assessments", activity="行政执法考核评议")

_ENDED = ANNUAL & (m.as_of > m.year_end) & (m.assessments >= 1)


@rule("art_019.p1.internal_assessment_missing", Modality.VIOLATION, Role.SUPERVISING, when=_ENDED & (m.internal == 0))
def internal_assessment_missing(f: Fact) -> Outcome:
    """年度考核评议不包括内部考核的，认定违反“包括内部考核和外部评议”的规定。"""
    return Outcome(f"{f['year']}年度：组织的行政执法考核评议均未包括内部考核。")


@rule("art_019.p1.external_review_missing", Modality.VIOLATION, Role.SUPERVISING, when=_ENDED & (m.external == 0))
def external_review_missing(f: Fact) -> Outcome:
    """年度考核评议不包括外部评议的，认定违反“包括内部考核和外部评议”的规定。"""
    return Outcome(f"{f['year']}年度：组织的行政执法考核评议均未包括外部评议。")


@rule("art_019.p1.special_assessment", Modality.MAY, Role.SUPERVISING, when=ANNUAL & (m.special > 0))
def special_assessment(f: Fact) -> Outcome:
    """选取部分考核评议内容开展专项考核评议的，认定属于第十九条许可的方式。"""
    return Outcome(f"{f['year']}年度：开展专项考核评议{f['special']}次，属于可以选择的考核评议方式。")
