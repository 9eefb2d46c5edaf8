"""《行政执法监督条例》第四十二条（第二款、第三款）: the text of each 款 stands right above its rules.

(verified excerpts.)

第一款 (T-9): a 县级以上人民政府部门 supervising its own 所属机构 or 派出机构 (a department over an organ
whose parent it is) is not the supervision of 第二条 (a government's); this 款 says it 参照本条例有关
规定执行. A note says so, cites this 款 and not 第二条, and says the provisions referred to (第七条至
第三十七条第一款) were not obtained; the measures are judged as before, their periods on the premise
of T-8. (Its second clause, a vertically managed department over its own bodies, is outside the
measures, 第二条第二款, and not encoded.)

第二款 (T-5, T-6): the measures leave the supervision of a vertically managed body to 有关法律法规
(their 第二条第二款); for a matter the 条例 reaches, this paragraph is that law. The case model has
one flag, ``vertically_managed``, for 实行垂直管理 and for 实行双重领导并且以上级部门领导为主 (税务、
海关、金融监管 as users enter them); the supervising organ is the 县级以上地方人民政府 or its
司法行政部门 (第六条第一款, T-3), and the body is in its area. Then:

* a note: the government may supervise the body's 遵守和执行法律和政策情况 (not more: what the
  measures' procedure would add is not given by this paragraph) and must tell its superior
  department what it finds;
* 将发现的问题及时告知: a problem found is a situation recorded as confirmed. The case says whether
  it was passed on (``supervision.superior_informed``): ``true`` is the duty performed, ``false``
  (recorded as not passed on) the duty required and not yet done (应当, never a violation), absent a
  missing fact. 及时 has no period in the excerpts, so no day can be named after which not telling
  is a breach: as the library does for every duty without a period (the measures' 第二十六条、第三十一
  条, A06-4, A10-1), a duty not yet performed is reported as owed, not as broken, and a problem passed
  on is not judged late or on time.

第三款 (T-7): a department of the 州 (an 自治州 is a 设区的市级 division: 宪法第三十条, 立法法第八十一条)
supervising the corresponding department of a county within its own system: a note that the
paragraph frames this as 督促指导, under the guidance of the 州's supervision body (its 司法局),
"依照有关法律规定". The measures' 第三条第一款 工作部门对本系统 procedure is still judged under the
measures; whether the guidance took place is for a person to check.

The interpretive choices above are registered for legal review as T-3, T-5, T-6, T-7 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from ..._engine.rulebook import Fact, Modality, Outcome, Role, Stage, false, m, rule, true
from .tl_002 import MEASURES_PERIODS, PERIODS_PREMISE_ZH, PREFECTURE_OVER_COUNTY_DEPARTMENT, REACHED_MATTER

_LOCAL_OVER_VERTICAL = REACHED_MATTER & true(m.vertical) & true(m.government_over_area)


# 《行政执法监督条例》第四十二条第一款
# 县级以上人民政府部门对本部门所属机构、派出机构行政执法工作的监督检查，实行垂直管理的部门或者实行双重领导并且以上级部门
# 领导为主的部门对所属机构、下级部门行政执法工作的监督检查，参照本条例有关规定执行。

@rule("tl_042.p1.department_own_body", Modality.SHALL, Role.CASE, stage=Stage.APPLICABILITY, note=True,
      when=REACHED_MATTER & false(m.by_government) & true(m.own_body))
def department_own_body(f: Fact) -> Outcome:
    """县级以上人民政府部门监督本部门所属机构、派出机构，监督程序在2026年2月1日以后有步骤的，提示条例第四十二条第一款规定其参照条例有关规定执行，所参照的规定未取得原文，须人工核对（T-9）。"""
    return Outcome(
        f"{f['supervisor_name']}对{f['supervised_name']}的监督是县级以上人民政府部门对本部门所属机构、派出机构行政执法工作的监督检查，"
        "不是条例第二条所说的县级以上人民政府开展的监督。依条例第四十二条第一款，这一监督检查参照条例有关规定执行；"
        "所参照的规定（第七条至第三十七条第一款）未取得原文，须对照条例全文人工核对；本办法照常认定。" + PERIODS_PREMISE_ZH,
        leaves_open=MEASURES_PERIODS,
    )


# 《行政执法监督条例》第四十二条第二款
# 县级以上地方人民政府依法对设立在本行政区域内实行垂直管理或者实行双重领导并且以上级部门领导为主的行政执法机关遵守
# 和执行法律和政策情况进行监督，将发现的问题及时告知其上一级主管部门。

@rule("tl_042.p2.local_government_supervision", Modality.MAY, Role.SUPERVISING, stage=Stage.APPLICABILITY, note=True,
      when=_LOCAL_OVER_VERTICAL)
def local_government_supervision(f: Fact) -> Outcome:
    """县级以上地方人民政府（或者其司法行政部门）监督设立在本行政区域内实行垂直管理或者双重领导并以上级部门领导为主的行政执法机关的，提示其可以依法监督该机关遵守和执行法律和政策情况，并应当将发现的问题及时告知其上一级主管部门。"""
    acting = f"（由其司法行政部门{f['supervisor_name']}承担监督具体事务）" if f["acting_for_government"] else ""
    return Outcome(
        f"{f['supervised_name']}实行垂直管理（或者实行双重领导并且以上级部门领导为主），本办法第二条第二款将对它的监督交由有关法律法规。"
        f"依条例第四十二条第二款，{f['government_name']}{acting}可以依法对其遵守和执行法律和政策情况进行监督，"
        "并将发现的问题及时告知其上一级主管部门；本办法的监督程序（建议书、决定书等）不适用于它。"
    )


@rule("tl_042.p2.problems_passed_on", Modality.SHALL, Role.SUPERVISING,
      when=_LOCAL_OVER_VERTICAL & true(m.problems_found) & true(m.superior_informed))
def problems_passed_on(f: Fact) -> Outcome:
    """对垂直管理机关的监督发现问题、并已告知其上一级主管部门的，认定已履行告知的职责。"""
    return Outcome(
        f"监督发现{f['supervised_name']}存在问题，已告知其上一级主管部门，履行了条例第四十二条第二款规定的告知职责。",
        performed=True,
    )


@rule("tl_042.p2.problems_not_passed_on", Modality.SHALL, Role.SUPERVISING,
      when=_LOCAL_OVER_VERTICAL & true(m.problems_found) & false(m.superior_informed))
def problems_not_passed_on(f: Fact) -> Outcome:
    """对垂直管理机关的监督发现问题（情形经确认）、而案卷记载未告知其上一级主管部门的，认定应当及时告知、尚未履行；“及时”在节录中没有期限，不认定违反（T-6）。"""
    return Outcome(
        f"监督发现{f['supervised_name']}存在问题（经确认的情形），案卷记载未告知其上一级主管部门；"
        f"依条例第四十二条第二款，{f['government_name']}应当将发现的问题及时告知其上一级主管部门，尚未履行。"
        "“及时”在已核对的节录中没有期限，不认定为违反；是否已不及时，须人工判断。"
    )


# 《行政执法监督条例》第四十二条第三款
# 设区的市级以上人民政府部门在本级人民政府行政执法监督机构的指导下，依照有关法律规定对下级人民政府相应部门的行政执法
# 工作进行督促指导。

@rule("tl_042.p3.department_guidance", Modality.MAY, Role.SUPERVISING, stage=Stage.APPLICABILITY, note=True,
      when=REACHED_MATTER & PREFECTURE_OVER_COUNTY_DEPARTMENT)
def department_guidance(f: Fact) -> Outcome:
    """州人民政府工作部门对县（市）人民政府相应部门的本系统监督，提示条例第四十二条第三款将其定为在本级人民政府行政执法监督机构指导下依照有关法律规定进行的督促指导（这一关系由第三款而不是第二条规定，T-7、T-9）。"""
    return Outcome(
        f"{f['supervisor_name']}对{f['supervised_name']}的监督是州人民政府工作部门对县（市）人民政府相应部门的本系统监督，"
        "不是条例第二条所说的县级以上人民政府开展的监督；条例对它的规定是第四十二条第三款："
        "设区的市级以上人民政府部门（自治州按设区的市一级对待）在本级人民政府行政执法监督机构的指导下，"
        "依照有关法律规定对下级人民政府相应部门的行政执法工作进行督促指导。本办法第三条第一款的监督程序仍依本办法认定，"
        "是否在州司法局的指导下进行、所依照的有关法律规定，须人工核对。" + PERIODS_PREMISE_ZH,
        leaves_open=MEASURES_PERIODS,
    )
