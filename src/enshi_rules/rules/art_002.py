"""第二条　本办法适用于本州行政区域内的行政执法监督工作。

　　对实行垂直管理的行政执法机关的行政执法监督以及行政复议、监察、审计、行政规范性文件备案审查等
专门监督活动，依照有关法律法规等规定执行。

Interpretation: the place that counts for 第一款 is where the enforcement action took place
(``enforcement_action.region``), else the supervised organ's region; "本州行政区域" is every
division code under 422800. A case outside either is excluded with a note, not judged.
"""

from __future__ import annotations

from .._rulebook import Fact, Modality, Outcome, Role, Stage, m, rule
from ..facts.organs import PREFECTURE_CODE

# 第一款


@rule(
    "art_002.p1.outside_prefecture",
    article=2, paragraph=1,
    modality=Modality.SHALL,
    subject=Role.CASE,
    when=(m.kind == "case") & (m.region_prefecture != PREFECTURE_CODE),
    summary="执法活动或被监督机关不在恩施州行政区域内的，不适用本办法。",
    stage=Stage.APPLICABILITY,
    note=True,
)
def outside_prefecture(f: Fact) -> Outcome:
    return Outcome(f"行政区划代码 {f['region']} 不在恩施州行政区域内，本办法不适用。", excludes=True)


# 第二款


@rule(
    "art_002.p2.vertically_managed",
    article=2, paragraph=2,
    modality=Modality.SHALL,
    subject=Role.SUPERVISED,
    when=(m.kind == "case") & (m.vertical == True),  # noqa: E712 - durable-rules equality
    summary="被监督机关实行垂直管理的，对其监督依照有关法律法规执行，不适用本办法。",
    stage=Stage.APPLICABILITY,
    note=True,
)
def vertically_managed(f: Fact) -> Outcome:
    return Outcome("被监督机关实行垂直管理，对其行政执法监督依照有关法律法规等规定执行，不适用本办法。", excludes=True)


@rule(
    "art_002.p2.special_supervision",
    article=2, paragraph=2,
    modality=Modality.SHALL,
    subject=Role.CASE,
    when=(m.kind == "case") & (m.special != ""),
    summary="属于行政复议、监察、审计、行政规范性文件备案审查等专门监督活动的，依照有关法律法规执行，不适用本办法。",
    stage=Stage.APPLICABILITY,
    note=True,
)
def special_supervision(f: Fact) -> Outcome:
    return Outcome(f"本事项属于{f['special']}专门监督活动，依照有关法律法规等规定执行，不适用本办法。", excludes=True)
