"""第二十一条 of the measures: the text of each 款/项 stands right above the rules that encode it.

A permission (可以): a supervision whose source (``supervision.special_source``) is one of those
listed is reported as ``may``.

The interpretive choices above are registered for legal review as M-1 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule
from .kinds import FOLLOWUP


# 第二十一条
# 行政执法监督机关可以对人大代表建议、政协委员提案、司法建议、监察建议、上级交办事项以及社会普遍关注的热点问题和具有较
# 大影响的案件等，开展专项行政执法监督。

@rule("art_021.p1.special_supervision", Modality.MAY, Role.SUPERVISING, when=FOLLOWUP & (+m.source))
def special_supervision(f: Fact) -> Outcome:
    """针对人大代表建议、政协委员提案等事项开展专项行政执法监督的，认定属于第二十一条许可的监督。"""
    return Outcome(f"本次监督针对{f['source']}开展，属于可以开展的专项行政执法监督。")
