"""第十条 of the measures: the text of each 款/项 stands right above the rules that encode it.

第二款 is operative: each record of ``complaints`` received by the supervising organ must be dealt
with. The measures set no time limit (the time limits of the 12345 hotline rules or of 信访工作条例
may apply; they are outside these measures), so an unhandled complaint is an outstanding duty
(``shall``), never judged late here. 第一款 (the hotline mechanism and 联系点) is an organisational
duty of the governments with no event or criterion a case can show: not operative.

The interpretive choices above are registered for legal review as A10-1 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule
from .kinds import COMPLAINT


# 第十条第二款
# 公民、法人或者其他组织认为行政执法行为存在违法或者不当情形，有权向行政执法监督机关投诉、举报，行政执法监督机关应当依
# 法处理。

@rule("art_010.p2.complaint_unhandled", Modality.SHALL, Role.SUPERVISING, when=COMPLAINT & (-m.handled))
def complaint_unhandled(f: Fact) -> Outcome:
    """公民、法人或者其他组织的投诉、举报尚未处理的，认定监督机关应当依法处理。"""
    return Outcome(f"{f['complainant']}于{f.zh('received')}提出的{f['complaint_kind']}（{f['refs'][0]}），监督机关应当依法处理；至判断日（{f.zh('as_of')}）仍未处理。")


@rule("art_010.p2.complaint_handled", Modality.SHALL, Role.SUPERVISING, when=COMPLAINT & (+m.handled))
def complaint_handled(f: Fact) -> Outcome:
    """公民、法人或者其他组织的投诉、举报已处理的，认定该项义务已履行。"""
    return Outcome(f"{f['complainant']}于{f.zh('received')}提出的{f['complaint_kind']}（{f['refs'][0]}），监督机关已于{f.zh('handled')}处理。", performed=True)
