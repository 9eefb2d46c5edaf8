"""第六条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Interpretations:

* 第一款 "直接监督": an organ that supervises (through any chain of supervision relations) an organ
  that supervises the supervised organ is its 上级行政执法监督机关 and may supervise it directly
  (州人民政府 over a county's departments); noted by ``direct_supervision``.
* 第一款 "指定监督": the case records the designation (``designation.designated_by``). It gives the
  designated organ competence when the designating organ itself could supervise the supervised organ
  directly (any relation of 第三条第一款 or 第五条); a designation by an organ without that
  competence confers none. "层级监督和属地监督" is a principle realised by the relations themselves;
  it adds no rule of its own.
* 第二款 "共同上一级行政执法监督机关" (A06-3): any organ that supervises both disputing organs under
  第三条 and is the next level above them on a line of supervision: on the government line the
  nearest organ above both in the tree, on a system line (本系统) every department with a 第三条第一款
  relation of its own to each (:func:`enshi_rules.jurisdiction.common_superiors`); where several
  qualify, the messages name them all. A report to a qualifying government's 司法行政部门 counts as a
  report to the government (第五条第一款), and the message names the government.
  "协商不成" is read from the case (``negotiated`` true, ``agreed`` false); the measures set no time
  for negotiating, so a dispute still being negotiated is a pending duty, never a violation.

The interpretive choices above are registered for legal review as A06-1, A06-2, A06-3, A06-4 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, Stage, false, m, rule, true
from .art_003 import no_competence
from .kinds import DISPUTE, RELATION


# 第六条第一款
# 行政执法监督实行层级监督和属地监督。上级行政执法监督机关可以直接监督或者指定监督。

@rule("art_006.p1.designated_supervision", Modality.MAY, Role.SUPERVISING, stage=Stage.APPLICABILITY, note=True,
      when=RELATION & (m.relation == "designated"))
def designated_supervision(f: Fact) -> Outcome:
    """上级行政执法监督机关指定监督、且指定机关本身有权监督被监督机关的，确认被指定机关的监督权限。"""
    return Outcome(f"{f['supervisor_name']}经{f['designator_name']}指定，对{f['supervised_name']}实施行政执法监督（指定监督）。")


@no_competence("art_006.p1.designation_without_competence",
               when=RELATION & (+m.designated_by) & (m.designator_relation == "none") & (m.relation == "none"))
def designation_without_competence(f: Fact) -> str:
    """指定监督的机关本身无权监督被监督机关的，说明该指定不能授予监督权限；"""
    return f"{f['designator_name']}不是{f['supervised_name']}的上级行政执法监督机关，其指定不能使{f['supervisor_name']}取得监督权限。"


@rule("art_006.p1.direct_supervision", Modality.MAY, Role.SUPERVISING, stage=Stage.APPLICABILITY, note=True,
      when=RELATION & (m.relation == "upper_supervisor"))
def direct_supervision(f: Fact) -> Outcome:
    """上级行政执法监督机关越过中间层级直接监督的，确认其监督权限（层级监督）。"""
    return Outcome(f"{f['supervisor_name']}是{f['supervised_name']}的上级行政执法监督机关，可以直接监督。")


# 第六条第二款
# 不同行政执法监督机关对同一监督事项存在争议的，应当协商解决；协商不成的，报请共同上一级行政执法监督机关协调处理。

@rule("art_006.p2.negotiate", Modality.SHALL, Role.SUPERVISING, when=DISPUTE & false(m.negotiated) & (-m.referred_to))
def negotiate(f: Fact) -> Outcome:
    """不同监督机关对同一监督事项存在争议、尚未协商的，认定应当协商解决。"""
    return Outcome(f"{f['subject_name']}对同一监督事项存在争议，应当协商解决。")


@rule("art_006.p2.settled_by_negotiation", Modality.SHALL, Role.SUPERVISING, when=DISPUTE & true(m.agreed))
def settled_by_negotiation(f: Fact) -> Outcome:
    """争议经协商解决的，认定协商义务已履行。"""
    return Outcome(f"{f['subject_name']}之间的争议已协商解决。", performed=True)


@rule("art_006.p2.referred_without_negotiation", Modality.VIOLATION, Role.SUPERVISING, when=DISPUTE & false(m.negotiated) & (+m.referred_to))
def referred_without_negotiation(f: Fact) -> Outcome:
    """争议未经协商即报请协调的，认定未先行协商。"""
    return Outcome(f"{f['subject_name']}未经协商即报请{f['referred_to_name']}协调，应当先行协商解决。")


@rule("art_006.p2.refer_to_common_superior", Modality.SHALL, Role.SUPERVISING,
      when=DISPUTE & true(m.negotiated) & false(m.agreed) & (-m.referred_to) & (+m.superior))
def refer_to_common_superior(f: Fact) -> Outcome:
    """争议协商不成、尚未报请协调的，认定应当报请共同上一级行政执法监督机关协调处理（有几个机关同时监督双方的，逐一列明）。"""
    return Outcome(f"{f['subject_name']}协商不成，应当报请共同上一级行政执法监督机关{f['superiors_names']}协调处理；尚未报请。")


@rule("art_006.p2.referred_to_common_superior", Modality.SHALL, Role.SUPERVISING,
      when=DISPUTE & true(m.negotiated) & true(m.referred_to_superior))
def referred_to_common_superior(f: Fact) -> Outcome:
    """争议协商不成、已报请共同上一级行政执法监督机关（或者承担其监督具体工作的司法行政部门）协调处理的，认定义务已履行。"""
    via = f"（由{f['referred_to_name']}承担具体工作）" if f.get("referred_via_justice") else ""
    return Outcome(f"{f['subject_name']}协商不成，已报请共同上一级行政执法监督机关{f['referred_for_name']}{via}协调处理。", performed=True)


@rule("art_006.p2.referred_to_wrong_organ", Modality.VIOLATION, Role.SUPERVISING,
      when=DISPUTE & (+m.referred_to) & false(m.referred_to_superior))
def referred_to_wrong_organ(f: Fact) -> Outcome:
    """争议报请的机关不是同时监督双方的上一级行政执法监督机关（也不是承担其监督具体工作的司法行政部门）的，认定报请对象错误。"""
    return Outcome(
        f"{f['subject_name']}将争议报请{f['referred_to_name']}协调，但双方的共同上一级行政执法监督机关是{f['superiors_names']}。"
    )
