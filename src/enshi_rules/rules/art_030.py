"""第三十条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Informational: once a supervision has a result (a 建议书 or 决定书 issued), the finding reminds that the
result goes into the rule-of-law performance assessment. Who keeps that assessment (usually the
committee office for law-based governance) is outside the case: the subject is named as that organ
(``SUBJECT_ZH``), not as the case.

The interpretive choices above are registered for legal review as A30-1 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule
from .kinds import FOLLOWUP


#: Whom the duty binds: the organ that keeps the 法治建设绩效考核 (outside the case; A30-1), not the
#: case itself. The report names it so, with the case the result is of.
SUBJECT_ZH = "纳入考核的机关（负责法治建设绩效考核的机关，案件未记录）"

# 第三十条
# 行政执法监督结果应当纳入法治建设绩效考核指标体系，作为被监督机关主要负责人履行推进法治建设第一责任人职责和相关人员追
# 责问责的重要依据。

@rule("art_030.p1.performance_assessment", Modality.SHALL, Role.CASE, when=FOLLOWUP & ((+m.letter) | ((-m.letter) & (+m.decision))))
def performance_assessment(f: Fact) -> Outcome:
    """监督已有结果（制发建议书或决定书）的，提示该结果应当纳入法治建设绩效考核指标体系。"""
    return Outcome("本次行政执法监督结果应当纳入法治建设绩效考核指标体系，作为被监督机关主要负责人履行推进法治建设第一责任人职责和相关人员追责问责的重要依据。")
