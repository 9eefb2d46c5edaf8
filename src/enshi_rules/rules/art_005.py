"""第五条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Which relation this article creates is decided in ``rules/competence.py`` (each relation named
there with its 款; also behind :mod:`enshi_rules.jurisdiction`); this module notes the relations this article adds to 第三条第一款
and finds a 司法所 acting as a supervising organ.

Interpretations:

* 第一款, second sentence: a 司法行政部门 doing its government's supervision is treated as that
  government (as in 第三条); here it is noted only where the government's relation comes from this
  article (the county's supervision of 乡镇、街道 comprehensive enforcement, 第三款).
* 第三款 "所在地县（市）人民政府": the county-level government above the 乡（镇）or 街道 in the organ
  tree; 州人民政府 is not "所在地" for this paragraph (it supervises the township government as an upper
  government under 第三条). "相关职能部门的行业监督": a department (of the county or the prefecture)
  whose ``system`` is the line of work of the enforcement under supervision
  (``enforcement_action.system``, else the supervised organ's own ``system``).
* 第四款: a 司法所 only assists; a supervision carried out in its own name is without competence,
  whatever designation it holds (a designation cannot make an assisting body a supervising organ).
* Not operative (no case document can show them): 第一款's organisational duties of the
  governments (统一领导, 联席会议机制, 工作经费) and of the 司法行政部门 (统筹协调、规范管理、指导监督、
  激励保障), and 第二款's 接受同级司法行政部门的监督和业务指导. They are standing duties without an
  event, a time limit or a criterion of fulfilment that a supervision record could show.

The interpretive choices above are registered for legal review as A03-1, A05-1, A05-2, A05-3, A05-4
in ``data/interpretations.yaml`` (docs/interpretations.md), with A05-6 (行业监督 has no decision
letter and no interview: ``decision_beyond_trade_supervision``, ``interview_beyond_trade_supervision``,
notes, since 第三款 prohibits nothing) and A03-5 (第四款: a 司法所 acting in its own name, a note, since
第三条第一款 defines and imposes no duty); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, Stage, m, rule
from .art_003 import no_competence
from .kinds import RELATION, TRADE_SUPERVISION_ACT


# 第五条第一款
# 州、县（市）人民政府统一领导本行政区域的行政执法监督工作，建立行政执法监督联席会议机制，保障所需工作经费。司法行政部
# 门作为同级人民政府的行政执法监督机构，承担本级人民政府行政执法监督具体工作，负责行政执法工作的统筹协调、规范管理、指
# 导监督和激励保障。

@rule("art_005.p1.justice_for_county_over_township", Modality.MAY, Role.SUPERVISING, stage=Stage.APPLICABILITY, note=True,
      when=RELATION & (m.relation == "justice_for_government") & (m.via == "township_county"))
def justice_for_county_over_township(f: Fact) -> Outcome:
    """县（市）司法行政部门承担本级人民政府对乡镇、街道综合行政执法工作的监督具体工作的，确认其为行政执法监督机构。"""
    return Outcome(
        f"{f['supervisor_name']}作为同级人民政府的行政执法监督机构，承担县（市）人民政府对{f['supervised_name']}综合行政执法工作的监督具体工作。"
    )


# 第五条第二款
# 州、县（市）人民政府工作部门负责本系统的行政执法监督工作，其法制机构或者其他指定机构承担本系统行政执法监督具体工作，
# 并接受同级司法行政部门的监督和业务指导。

@rule("art_005.p2.legal_office_for_department", Modality.MAY, Role.SUPERVISING, stage=Stage.APPLICABILITY, note=True,
      when=RELATION & (m.relation == "office_for_department"))
def legal_office_for_department(f: Fact) -> Outcome:
    """工作部门的法制机构承担本系统行政执法监督具体工作的，确认其监督关系。"""
    return Outcome(f"{f['supervisor_name']}作为工作部门的法制机构，承担本系统行政执法监督具体工作，对{f['supervised_name']}实施监督。")


# 第五条第三款
# 乡（镇）人民政府、街道办事处的综合行政执法工作受所在地县（市）人民政府监督，同时接受相关职能部门的行业监督和业务指导。


def may_decide(relation: str) -> bool:
    """行业监督和业务指导 (第五条第三款) carries no power to decide (撤销、变更) or to interview the
    township's head: a decision letter or an interview by such a department is judged here, and no
    duty of 第二十八条 or permission of 第二十九条第二款 follows (A05-6)."""
    return relation != "township_trade"


@rule("art_005.p3.county_over_township_enforcement", Modality.MAY, Role.SUPERVISING, stage=Stage.APPLICABILITY, note=True,
      when=RELATION & (m.relation == "township_county"))
def county_over_township_enforcement(f: Fact) -> Outcome:
    """县（市）人民政府监督所在地乡（镇）人民政府、街道办事处综合行政执法工作的，确认其监督关系。"""
    return Outcome(f"{f['supervised_name']}的综合行政执法工作受所在地{f['supervisor_name']}监督。")


@rule("art_005.p3.trade_supervision", Modality.MAY, Role.SUPERVISING, stage=Stage.APPLICABILITY, note=True,
      when=RELATION & (m.relation == "township_trade"))
def trade_supervision(f: Fact) -> Outcome:
    """相关职能部门对乡（镇）、街道综合行政执法进行行业监督的，确认其监督关系。"""
    trade = f.get("trade") or "本行业"
    return Outcome(f"{f['supervisor_name']}作为相关职能部门，对{f['supervised_name']}的综合行政执法（{trade}）进行行业监督和业务指导。")


@rule("art_005.p3.trade_unknown", Modality.MAY, Role.SUPERVISING, when=RELATION & (m.relation == "trade_unknown"), stage=Stage.APPLICABILITY, note=True)
def trade_unknown(f: Fact) -> Outcome:
    """职能部门监督乡（镇）、街道综合行政执法而案件没有写明执法所属行业的，提示无法判断其行业监督权限，本次监督程序中的其他事项暂不认定（A05-5）。"""
    return Outcome(
        f"{f['supervisor_name']}对{f['supervised_name']}的监督只能是第五条第三款的行业监督，但案件没有写明被监督的执法属于哪一行业，"
        "无法判断其监督权限；补充 enforcement_action.system 后再行认定，本次监督程序中的其他事项暂不认定。",
        halts=True,
    )


_POWER = "（地方各级人民代表大会和地方各级人民政府组织法第七十三条第（三）项）"


def _only_trade(f: Fact, what: str = "") -> str:
    return f"{f['supervisor_name']}对{f['supervised_name']}的综合行政执法只进行行业监督和业务指导{what}"


# A05-6: 行业监督和业务指导 may inspect, guide and issue a 建议书; a decision letter or an interview is
# beyond it. 第三款 allocates supervision and prohibits nothing, so this is said as a note (what the act
# is not, and that 第二十八条 / 第二十九条第二款 do not attach to it), never as a violation of 第三款.

@rule("art_005.p3.decision_beyond_trade_supervision", Modality.SHALL, Role.SUPERVISING, note=True,
      when=TRADE_SUPERVISION_ACT & (m.act == "decision"))
def decision_beyond_trade_supervision(f: Fact) -> Outcome:
    """相关职能部门在行业监督和业务指导中对乡（镇）、街道制发《行政执法监督决定书》（撤销、变更其行政行为等）的，说明这不属于行业监督和业务指导，该决定书不产生第二十八条规定的效力（A05-6）；第三款没有禁止性规定，不认定违反。"""
    return Outcome(
        _only_trade(f, "（可以检查、指导、制发建议书），")
        + f"于{f.zh('on')}制发的《行政执法监督决定书》不在第五条第三款的行业监督和业务指导之内，不产生第二十八条规定的效力"
        f"（被监督机关不因此负有第二十八条第二款的报告义务）；撤销、变更乡（镇）人民政府、街道办事处的决定由{f['competent_name']}依法作出{_POWER}。"
    )


@rule("art_005.p3.interview_beyond_trade_supervision", Modality.SHALL, Role.SUPERVISING, note=True,
      when=TRADE_SUPERVISION_ACT & (m.act == "interview"))
def interview_beyond_trade_supervision(f: Fact) -> Outcome:
    """相关职能部门在行业监督和业务指导中约谈乡（镇）人民政府、街道办事处负责人的，说明这不是第二十九条第二款的约谈（该约谈属于对其有监督关系的机关，A05-6）；第三款没有禁止性规定，不认定违反。"""
    return Outcome(
        _only_trade(f, "，")
        + f"于{f.zh('on')}约谈其负责人不在第五条第三款的行业监督和业务指导之内，不是第二十九条第二款的约谈；第二十九条第二款的约谈应由对其有监督关系的{f['competent_name']}进行。"
    )


# 第五条第四款
# 司法所协助县（市）司法行政部门开展对乡（镇）人民政府、街道办事处的行政执法监督工作。

@no_competence("art_005.p4.judicial_office_assists_only", when=RELATION & (m.supervisor_kind == "司法所"))
def judicial_office_assists_only(f: Fact) -> str:
    """司法所以自己名义实施行政执法监督的，说明其无监督权限：司法所只协助县（市）司法行政部门开展监督；"""
    return (
        f"{f['supervisor_name']}是司法所，只能协助县（市）司法行政部门开展对乡（镇）人民政府、街道办事处的行政执法监督工作，"
        f"不能以自己名义对{f['supervised_name']}实施行政执法监督。"
    )
