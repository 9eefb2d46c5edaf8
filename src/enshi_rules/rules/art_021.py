"""第二十一条　行政执法监督机关可以对人大代表建议、政协委员提案、司法建议、监察建议、上级交办事项以及社会普遍关注的
热点问题和具有较大影响的案件等，开展专项行政执法监督。

A permission (可以): a supervision whose source (``supervision.special_source``) is one of those
listed is reported as ``may``.

The interpretive choices above are registered for legal review as M-1 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule


@rule(
    "art_021.p1.special_supervision",
    article=21, paragraph=1,
    modality=Modality.MAY,
    subject=Role.SUPERVISING,
    when=(m.kind == "followup") & (+m.source),
    summary="针对人大代表建议、政协委员提案等事项开展专项行政执法监督的，认定属于第二十一条许可的监督。",
)
def special_supervision(f: Fact) -> Outcome:
    return Outcome(f"本次监督针对{f['source']}开展，属于可以开展的专项行政执法监督。")
