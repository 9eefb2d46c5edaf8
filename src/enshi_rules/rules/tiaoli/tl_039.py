"""《行政执法监督条例》第三十九条　行政执法监督机构不依法履职的，由本级人民政府或者上级行政执法监督机构责令限期改正；
拒不改正的，对负有责任的领导人员和直接责任人员依法给予处分。

(verified excerpt.) The 行政执法监督机构 is the 司法行政部门 of a 县级以上人民政府 (第六条第一款).
Beside the measures' 第三十三条 (misconduct of a supervising organ and its staff): where a record of
misconduct (滥用职权、玩忽职守、徇私舞弊) of a 司法行政部门 acting as supervisor is confirmed in a
matter the 条例 reaches, this article says what follows for the body: an order to correct within a
time limit by its government or the higher supervision body, and 处分 of those responsible if it
refuses. Whether the conduct is 不依法履职 of the body, whether an order was given and whether it was
refused are not in a case document: a note, never a violation (T-4). The body's other duties under
the measures (第二十六至二十八条) are judged by the measures' rules, which name the organ.

The interpretive choices above are registered for legal review as T-3, T-4 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from ..._engine.rulebook import Fact, Modality, Outcome, Role, m, rule, true
from ..kinds import TIAOLI_MISCONDUCT
from .tl_002 import IN_FORCE_DAY


# 《行政执法监督条例》第三十九条
# 行政执法监督机构不依法履职的，由本级人民政府或者上级行政执法监督机构责令限期改正；拒不改正的，对负有责任的领导
# 人员和直接责任人员依法给予处分。

@rule("tl_039.p1.supervision_body_not_performing", Modality.MAY, Role.SUPERVISING, note=True,
      when=TIAOLI_MISCONDUCT & (m.last_step >= IN_FORCE_DAY) & true(m.confirmed) & true(m.organ_is_justice))
def supervision_body_not_performing(f: Fact) -> Outcome:
    """2026年2月1日以后的监督中，作为行政执法监督机构的司法行政部门有滥用职权、玩忽职守、徇私舞弊经调查属实的，提示条例第三十九条：由本级人民政府或者上级行政执法监督机构责令限期改正，拒不改正的对负有责任的人员依法给予处分；是否构成不依法履职须人工判断。"""
    return Outcome(
        f"{f['organ_name']}是本级人民政府的行政执法监督机构（条例第六条第一款），经调查属实其工作人员有{f['behaviour']}的行为。"
        "依条例第三十九条，行政执法监督机构不依法履职的，由本级人民政府或者上级行政执法监督机构责令限期改正；"
        "拒不改正的，对负有责任的领导人员和直接责任人员依法给予处分。该行为是否构成监督机构不依法履职、是否已责令改正，须人工判断。"
    )
