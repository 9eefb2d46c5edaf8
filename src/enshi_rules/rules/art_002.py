"""第二条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Interpretation (A02-1): 第一款 turns on the supervision work, that is on the organs: supervision by
an organ of the prefecture over an organ of the prefecture is 本州行政区域内的行政执法监督工作 even
when the act supervised took place outside it (a note says where). "本州行政区域" is every division
code under 422800. A matter where either organ is outside is excluded with a note, not judged.

第二款 (A02-2): a matter it names is outside the measures as a whole; an excluded matter carries no
other finding (``_engine.evaluate_facts`` reports only why it is excluded).
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, Stage, m, rule, true
from ..facts.organs import PREFECTURE_CODE
from .kinds import CASE


# 第二条第一款
# 本办法适用于本州行政区域内的行政执法监督工作。

@rule("art_002.p1.outside_prefecture", Modality.SHALL, Role.CASE, stage=Stage.APPLICABILITY, note=True,
      when=CASE & (m.region_prefecture != PREFECTURE_CODE))
def outside_prefecture(f: Fact) -> Outcome:
    """监督机关或者被监督机关不是恩施州行政区域内的机关的，该监督不是本州行政区域内的行政执法监督工作，不适用本办法。"""
    return Outcome(
        f"{f['organ_outside_name']}（行政区划代码 {f['region']}）不是恩施州行政区域内的机关，"
        "本次监督不属于本州行政区域内的行政执法监督工作，本办法不适用。",
        excludes=True,
    )


@rule("art_002.p1.act_outside_prefecture", Modality.MAY, Role.CASE, stage=Stage.APPLICABILITY, note=True,
      when=CASE & (m.region_prefecture == PREFECTURE_CODE) & (+m.action_prefecture) & (m.action_prefecture != PREFECTURE_CODE))
def act_outside_prefecture(f: Fact) -> Outcome:
    """被监督的执法活动发生在州外、而监督机关和被监督机关都是本州机关的，提示该监督仍属本州行政区域内的行政执法监督工作，适用本办法。"""
    return Outcome(
        f"被监督的执法活动发生在行政区划代码 {f['action_region']}（恩施州行政区域以外）；监督机关和被监督机关都是本州机关，"
        "本次监督属于本州行政区域内的行政执法监督工作，适用本办法。执法活动发生地的有关规定是否另有要求，须人工核对。"
    )


# 第二条第二款
# 对实行垂直管理的行政执法机关的行政执法监督以及行政复议、监察、审计、行政规范性文件备案审查等专门监督活动，依照有关法
# 律法规等规定执行。

@rule("art_002.p2.vertically_managed", Modality.SHALL, Role.SUPERVISED, stage=Stage.APPLICABILITY, note=True,
      when=CASE & true(m.vertical))
def vertically_managed(f: Fact) -> Outcome:
    """被监督机关实行垂直管理的，对其监督依照有关法律法规执行，不适用本办法。"""
    return Outcome("被监督机关实行垂直管理，对其行政执法监督依照有关法律法规等规定执行，不适用本办法。", excludes=True)


@rule("art_002.p2.special_supervision", Modality.SHALL, Role.CASE, when=CASE & (m.special != ""), stage=Stage.APPLICABILITY, note=True)
def special_supervision(f: Fact) -> Outcome:
    """属于行政复议、监察、审计、行政规范性文件备案审查等专门监督活动的，依照有关法律法规执行，不适用本办法。"""
    return Outcome(f"本事项属于{f['special']}专门监督活动，依照有关法律法规等规定执行，不适用本办法。", excludes=True)
