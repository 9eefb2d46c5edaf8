"""第三条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Which relation exists between the two organs is decided in ``rules/competence.py`` (each relation
of 第一款 named there); which relations are supervision under these measures is noted here. A 司法行政部门 doing its
government's supervision work (第五条第一款) is treated as that government for 第一款
(interpretation "司法行政部门代行本级政府监督", docs/interpretations.md).

The relations that only 第五条第三款 (乡镇、街道综合行政执法; 行业监督), 第五条第二款 (法制机构) or
第六条第一款 (指定监督) create are noted by those articles' modules, not here; an organ with none of
them does not supervise under these measures (``no_supervision_relation``, and ``art_005.p4`` for a
司法所). 第一款 is a definition ("本办法所称行政执法监督，是指……"): it creates no duty, so an organ
acting without a relation is not "violating 第三条第一款". It is said as a note (A03-5): what it did
is not supervision within 第一款, it is not a 行政执法监督机关 of 第三款, and its letters have none of
the effects of 第二十七条、第二十八条; the procedure halts (第二十一、二十二条, 第二十六至三十条), but
the conduct owed whoever acts is still judged (第十条第二款、第二十四条、第二十五条、第三十一条至第三十四条).

第三款 names the 被监督机关. An enforcement act done under 委托 (``enforcement_action.entrusted_by``)
is not provided for by the measures: the supervised organ stays the one the case names, and a note
says the act was done under 委托 and that, under the laws that allow 委托, the entrusting organ answers
for it (A03-7); the measures are silent, so nothing more is inferred.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from .._engine.rulebook import HUMAN_JUDGMENT, Fact, Modality, Outcome, Role, Stage, false, m, rule, true
from ..facts.case import EnforcementActivity
from .kinds import CASE, RELATION

# 第一款 (with 第三款: who is 行政执法监督机关 and who 被监督机关)

RELATIONS_ZH = {
    "upper_government": "上级人民政府对下级人民政府",
    "own_department": "人民政府对其工作部门",
    "own_dispatched": "人民政府对其派出机关、派出机构",
    "own_system": "人民政府工作部门对本系统",
}


def _relation_outcome(f: Fact) -> Outcome:
    rel = f["relation"]
    if rel == "justice_for_government":
        text = f"司法行政部门承担本级人民政府行政执法监督具体工作（{RELATIONS_ZH[f['via']]}）"
    else:
        text = RELATIONS_ZH[rel]
    return Outcome(
        f"{f['supervisor_name']}对{f['supervised_name']}的监督属于{text}的行政执法监督："
        f"{f['supervisor_name']}为行政执法监督机关，{f['supervised_name']}为被监督机关。"
    )


# The relations of 第一款 itself, named positively: the relations of 第五条 and 第六条 (township
# enforcement, 法制机构, designation, 层级监督 through another organ, an unknown trade) are reported by
# those articles' rules.
_ARTICLE_3 = RELATION & (
    (m.relation == "upper_government")
    | (m.relation == "own_department")
    | (m.relation == "own_dispatched")
    | (m.relation == "own_system")
    | ((m.relation == "justice_for_government") & (m.via != "township_county"))
)


# 第三条第一款
# 本办法所称行政执法监督，是指上级人民政府对下级人民政府，州、县（市）人民政府对其工作部门或者派出机关和派出机构，州、
# 县（市）人民政府工作部门对本系统行政执法活动的监督管理。

@rule("art_003.p1.supervision_relation", Modality.MAY, Role.SUPERVISING, when=_ARTICLE_3, stage=Stage.APPLICABILITY, note=True)
def supervision_relation(f: Fact) -> Outcome:
    """监督机关与被监督机关之间属于第三条第一款所列监督关系的，确认双方为行政执法监督机关和被监督机关。"""
    return _relation_outcome(f)


#: What follows when the organ acting has no supervision relation to the organ it acts on (A03-5):
#: 第一款 defines supervision and imposes no duty, so this is not a violation of it; the act is not
#: supervision within 第一款, the organ is not a 行政执法监督机关 (第三款), its letters have none of the
#: effects of 第二十七条、第二十八条, and every later step of the procedure, which presupposes a
#: 行政执法监督机关, is not judged; the conduct owed whoever acts still is.
WITHOUT_COMPETENCE = (
    "本次活动不属于本办法第三条第一款所称的行政执法监督，该机关不是第三条第三款所称的行政执法监督机关，"
    "其制发的行政执法监督建议书、决定书不产生第二十七条、第二十八条规定的效力；"
    "本次监督程序中的其他事项（第二十一条、第二十二条、第二十六条至第三十条）不再认定；现场监督、投诉举报、问题线索移送以及有关人员的行为和责任仍予认定。"
)


def no_competence(rule_id: str, *, when: Any) -> Callable[[Callable[[Fact], str]], Callable[[Fact], str]]:
    """Declare the note that the organ acting has no supervision relation to the organ it acts on
    (第三条第一款, 第五条第四款, 第六条第一款): those 款 define and allocate supervision and impose no
    duty, so it is an applicability note, never a violation (A03-5); it halts the procedure. The
    builder's docstring and message say why; :data:`WITHOUT_COMPETENCE` says what follows."""

    def deco(fn: Callable[[Fact], str]) -> Callable[[Fact], str]:
        summary = "".join(line.strip() for line in (fn.__doc__ or "").splitlines()) + WITHOUT_COMPETENCE

        @functools.wraps(fn)
        def build(f: Fact) -> Outcome:
            return Outcome(fn(f) + WITHOUT_COMPETENCE, halts=True)

        rule(rule_id, Modality.SHALL, Role.SUPERVISING, stage=Stage.APPLICABILITY, note=True, when=when, summary=summary)(build)
        return fn

    return deco


@no_competence("art_003.p1.no_supervision_relation", when=RELATION & (m.relation == "none"))
def no_supervision_relation(f: Fact) -> str:
    """监督机关与被监督机关之间不存在第三条第一款（及第五条、第六条）所列任何监督关系的，说明："""
    return (
        f"{f['supervisor_name']}（{f['supervisor_kind']}）与{f['supervised_name']}（{f['supervised_kind']}）之间不存在上级政府对下级政府、政府对其工作部门或派出机关（机构）、"
        f"工作部门对本系统的监督关系（第五条、第六条也不使其取得这一关系），{f['supervisor_name']}无权对其实施行政执法监督。"
    )


@rule("art_003.p1.system_unknown", Modality.MAY, Role.SUPERVISING, stage=Stage.APPLICABILITY, note=True,
      when=RELATION & (m.relation == "system_unknown"))
def system_unknown(f: Fact) -> Outcome:
    """上级工作部门监督下级机关而一方没有登记所属行业/系统的，提示无法判断是否属于“工作部门对本系统”的监督，本次监督程序中的其他事项暂不认定（A03-6）。"""
    return Outcome(
        f"{f['supervisor_name']}位于{f['supervised_name']}之上，但双方没有都登记所属行业/系统，无法判断是否属于工作部门对本系统的监督；"
        "补充机关的 system 后再行认定，本次监督程序中的其他事项暂不认定。",
        halts=True,
    )


# 第二款

_LISTED = tuple(k.value for k in EnforcementActivity if k is not EnforcementActivity.OTHER)


# 第三条第二款
# 本办法所称行政执法活动是指行政执法机关落实法律、法规、规章，实施行政许可、行政处罚、行政强制、行政检查、行政征收征用
# 、行政给付、行政确认、行政裁决、行政奖励等行政行为的活动。

@rule("art_003.p2.listed_activity", Modality.MAY, Role.CASE, stage=Stage.APPLICABILITY, note=True,
      when=CASE & (+m.activity) & (m.activity != EnforcementActivity.OTHER.value))
def listed_activity(f: Fact) -> Outcome:
    """被监督的活动属于第三条第二款列举的九类行政执法活动之一的，确认其为行政执法活动。"""
    return Outcome(f"被监督的活动为{f['activity']}，属于第三条第二款所列行政执法活动。")


@rule("art_003.p2.other_activity", Modality.MAY, Role.CASE, stage=Stage.APPLICABILITY, note=True, label=HUMAN_JUDGMENT,
      when=CASE & (m.activity == EnforcementActivity.OTHER.value))
def other_activity(f: Fact) -> Outcome:
    """被监督的活动不在第三条第二款列举的九类之内的，提示须人工判断其是否属于“等”所涵盖的行政执法活动。"""
    return Outcome("被监督的活动不属于第三条第二款列举的九类行政行为，是否属于该款“等”所涵盖的行政执法活动，须人工判断。")


# 第三条第三款
# 实施行政执法监督的政府和部门称为行政执法监督机关，接受监督的政府和部门称为被监督机关。

# 委托执法 (A03-7): the measures say nothing of an enforcement act done under 委托 (第二十三条第（四）项's
# 委托 is of a social organisation for an appraisal). Laws that allow 委托 make the entrusted body act
# in the entrusting organ's name, and the entrusting organ answer for the act; the measures do not say
# that the entrusting organ is then the 被监督机关. So nothing changes who the case names as
# supervised: a note says the act was done under 委托 and who answers for it, never a finding.
@rule("art_003.p3.entrusted_act", Modality.MAY, Role.CASE, stage=Stage.APPLICABILITY, note=True, label=HUMAN_JUDGMENT,
      when=CASE & (+m.entrusting) & false(m.entrusting_is_supervised))
def entrusted_act(f: Fact) -> Outcome:
    """被监督的行政执法行为是受其他机关委托实施、案件以受托方为被监督机关的，说明本办法对委托执法未作规定、委托机关依有关法律对该行为负责监督并承担法律后果，以谁为被监督机关、向谁制发文书须人工判断。"""
    return Outcome(
        f"被监督的行政执法行为是受{f['entrusting']}委托实施的（案件记录的委托机关）。本办法对委托执法没有规定"
        "（第二十三条第（四）项的委托是委托社会组织鉴定、评估等，不是委托执法）。依照有关法律关于行政委托的规定"
        "（例如《中华人民共和国行政处罚法》第二十条、《中华人民共和国行政许可法》第二十四条），受委托者在委托范围内以委托机关的名义实施，"
        "委托机关对该行为负责监督并承担其法律后果。本报告以案件记录的被监督机关作出认定，不因委托而改变；"
        f"该委托是否有法律、法规、规章的依据，建议书、决定书应否向委托机关（{f['entrusting']}）制发、由谁纠正，须人工判断（A03-7）。",
        interpretations=("A03-7",),
    )


@rule("art_003.p3.entrusting_organ_supervised", Modality.MAY, Role.CASE, stage=Stage.APPLICABILITY, note=True,
      when=CASE & (+m.entrusting) & true(m.entrusting_is_supervised))
def entrusting_organ_supervised(f: Fact) -> Outcome:
    """被监督的行政执法行为是受委托实施、案件以委托机关为被监督机关的，说明委托机关依有关法律对该行为承担法律后果，本报告以其为被监督机关。"""
    return Outcome(
        f"被监督的行政执法行为是受{f['entrusting']}委托实施的，本次监督以委托机关{f['entrusting']}为被监督机关。本办法对委托执法没有规定；"
        "依照有关法律关于行政委托的规定（例如《中华人民共和国行政处罚法》第二十条、《中华人民共和国行政许可法》第二十四条），"
        "委托机关对受委托者在委托范围内以其名义实施的行为负责监督并承担其法律后果，以其为被监督机关与此一致；该委托是否有法律、法规、规章的依据，须人工核对（A03-7）。",
        interpretations=("A03-7",),
    )
