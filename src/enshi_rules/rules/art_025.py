"""第二十五条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Each record of ``obstructions`` says who (``party``: 被监督机关 or 其他单位和个人), what (拒绝、阻碍、
不如实反映情况、不提供资料、不配合) and whether the investigation confirmed it. The duty to cooperate
applies to every supervision; it is reported only when breached (a finding for every case saying
"the supervised organ shall cooperate" would tell nobody anything).

* 第一款: 拒绝、阻碍 breach the 不得 (``refused_or_obstructed``); 不如实反映情况、不提供资料、不配合
  breach the 应当 (``did_not_cooperate``). Either is also behaviour （四） of 第三十二条第一款 for the
  persons responsible, recorded under ``liabilities``: both findings say so, and when the case
  records no such person the missing facts name ``liabilities`` (A25-4).
* 第二款: any confirmed record about another unit or person is a breach of the duty to cooperate
  and assist; 阻挠、妨碍 by them is also 第三十四条.

A refusal, obstruction or non-cooperation is a step of the supervision: one before 2025-03-01 is not
judged under this article (第三十五条, 程序从新: A35-1), and one whose date may fall on either side
of that day (``acted_on`` done, a straddling month or year) gives a finding only possible (A34-2).

The interpretive choices above are registered for legal review as A25-1, A25-2, A25-3, A25-4, A34-2, D-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule, true
from .art_035 import COMMENCEMENT
from .kinds import OBSTRUCTION

#: 第三十五条: a step taken before 2025-03-01 is not judged under the measures (A35-1).
_IN_FORCE = COMMENCEMENT.toordinal()
_SUPERVISED = OBSTRUCTION & true(m.confirmed) & (m.party == "被监督机关") & (m.acted >= _IN_FORCE)
_OTHER = OBSTRUCTION & true(m.confirmed) & (m.party == "其他单位和个人") & (m.acted >= _IN_FORCE)


# 第二十五条第一款
# 被监督机关及其工作人员应当自觉接受、积极配合行政执法监督工作，如实反映情况，提供有关资料，不得拒绝、阻碍行政执法监督工作。

@rule("art_025.p1.refused_or_obstructed", Modality.VIOLATION, Role.SUPERVISED, when=_SUPERVISED & ((m.conduct == "拒绝") | (m.conduct == "阻碍")))
def refused_or_obstructed(f: Fact) -> Outcome:
    """被监督机关及其工作人员拒绝、阻碍行政执法监督工作经查属实的，认定违反“不得拒绝、阻碍”的规定。"""
    return Outcome(f"{f['actor']}{f['conduct']}行政执法监督工作，违反被监督机关不得拒绝、阻碍监督的规定（责任人员另依第三十二条第一款第（四）项处理）。")


@rule("art_025.p1.did_not_cooperate", Modality.VIOLATION, Role.SUPERVISED,
      when=_SUPERVISED & ((m.conduct == "不如实反映情况") | (m.conduct == "不提供资料") | (m.conduct == "不配合")))
def did_not_cooperate(f: Fact) -> Outcome:
    """被监督机关不如实反映情况、不提供有关资料或者不配合监督经查属实的，认定未履行配合监督的义务。"""
    return Outcome(
        f"{f['actor']}{f['conduct']}，未履行自觉接受、积极配合行政执法监督，如实反映情况、提供有关资料的义务"
        "（责任人员另依第三十二条第一款第（四）项处理）。"
    )


# 第二十五条第二款
# 其他有关单位和个人应当配合、协助行政执法监督工作。

@rule("art_025.p2.other_party_did_not_assist", Modality.VIOLATION, Role.OTHER, when=_OTHER)
def other_party_did_not_assist(f: Fact) -> Outcome:
    """其他有关单位和个人不配合、不协助或者拒绝、阻碍行政执法监督工作经查属实的，认定未履行配合、协助义务。"""
    tail = (
        "（属于阻挠、妨碍行政执法监督工作，有关责任人员另依第三十四条处理）"
        if f["conduct"] in ("拒绝", "阻碍")
        else "（未达到第三十四条的阻挠、妨碍）"
    )
    return Outcome(f"{f['actor']}{f['conduct']}行政执法监督工作，未履行配合、协助的义务{tail}。")
