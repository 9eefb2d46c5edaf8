"""第十条　州、县（市）人民政府应当构建行政执法监督与12345政务服务便民热线合作机制，在政务服务中心、基层站所、有代表性
的企业及行业协会等建立行政执法监督联系点，拓宽行政执法监督渠道，健全常态化、长效化行政执法监督机制。

　　公民、法人或者其他组织认为行政执法行为存在违法或者不当情形，有权向行政执法监督机关投诉、举报，行政执法监督
机关应当依法处理。

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


@rule(
    "art_010.p2.complaint_unhandled",
    article=10, paragraph=2,
    modality=Modality.SHALL,
    subject=Role.SUPERVISING,
    when=(m.kind == "complaint") & (-m.handled),
    summary="公民、法人或者其他组织的投诉、举报尚未处理的，认定监督机关应当依法处理。",
)
def complaint_unhandled(f: Fact) -> Outcome:
    return Outcome(f"{f['complainant']}于{f.zh('received')}提出的{f['complaint_kind']}，监督机关应当依法处理；尚未处理。")


@rule(
    "art_010.p2.complaint_handled",
    article=10, paragraph=2,
    modality=Modality.SHALL,
    subject=Role.SUPERVISING,
    when=(m.kind == "complaint") & (+m.handled),
    summary="公民、法人或者其他组织的投诉、举报已处理的，认定该项义务已履行。",
)
def complaint_handled(f: Fact) -> Outcome:
    return Outcome(f"{f['complainant']}于{f.zh('received')}提出的{f['complaint_kind']}，监督机关已于{f.zh('handled')}处理。", performed=True)
