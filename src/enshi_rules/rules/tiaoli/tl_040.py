"""《行政执法监督条例》第四十条　行政执法监督人员在行政执法监督中滥用职权、玩忽职守、徇私舞弊的，依法给予处分；
构成犯罪的，依法追究刑事责任。

(verified excerpt.) The same conduct as the measures' 第三十三条, whose findings
(``art_033.p1.*``) stand: in a matter the 条例 reaches, a note names the higher law beside them
(处分 under the 条例; 刑事责任 where a crime is suspected). A note, not a second violation: the
conduct is one, and which 处分 follows is for the organ that decides it (T-4).

The interpretive choices above are registered for legal review as T-4 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from ..._engine.rulebook import Fact, Modality, Outcome, Role, m, rule, true
from ..kinds import TIAOLI_MISCONDUCT
from .tl_002 import IN_FORCE_DAY


# 《行政执法监督条例》第四十条
# 行政执法监督人员在行政执法监督中滥用职权、玩忽职守、徇私舞弊的，依法给予处分；构成犯罪的，依法追究刑事责任。

@rule("tl_040.p1.supervisor_misconduct", Modality.MAY, Role.SUPERVISING, note=True,
      when=TIAOLI_MISCONDUCT & (m.last_step >= IN_FORCE_DAY) & true(m.confirmed))
def supervisor_misconduct(f: Fact) -> Outcome:
    """2026年2月1日以后的监督中，行政执法监督人员滥用职权、玩忽职守、徇私舞弊经调查属实的，在本办法第三十三条的认定之外提示条例第四十条：依法给予处分；构成犯罪的，依法追究刑事责任。"""
    crime = "涉嫌构成犯罪的，依法追究刑事责任。" if f["crime"] else "构成犯罪的，依法追究刑事责任。"
    return Outcome(
        f"{f['person']}（{f['organ_name']}）在行政执法监督中有{f['behaviour']}的行为，经调查属实。"
        f"除本办法第三十三条外，上位法条例第四十条规定：行政执法监督人员滥用职权、玩忽职守、徇私舞弊的，依法给予处分；{crime}"
    )
