"""第二十九条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Permissions (可以), never obligations: the findings are ``may`` and say when the condition for the
permission holds. Interpretations:

* 第一款: reported when the supervision has a confirmed situation or deficiency ("有关情况" worth
  circulating) or a circulation is recorded.
* 第二款: the interview of the head is available when a 决定书 was issued or the case records
  ``serious_impact`` (情况突出、造成重大影响): one finding for each ground that holds, so that a
  decision letter lacking its premise (第二十六条, 第二十八条第一款), or resting on a lateness that
  is only possible (A27-5), takes away or doubts the interview on that ground only (A29-2). An
  interview recorded without either condition is not a breach of these measures (they do not forbid
  it); it is reported as lacking this article's basis.

The interpretive choices above are registered for legal review as M-1, A29-1, A29-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, false, m, rule, true
from .kinds import FOLLOWUP

_F = FOLLOWUP


# 第二十九条第一款
# 行政执法监督机关可以对行政执法监督工作中的有关情况进行通报，可以编撰发布典型案例。

@rule("art_029.p1.circulate", Modality.MAY, Role.SUPERVISING, when=_F & ((m.confirmed > 0) | ((m.confirmed == 0) & (+m.circulated))))
def circulate(f: Fact) -> Outcome:
    """监督工作中查实有关情况的，认定监督机关可以进行通报、编撰发布典型案例。"""
    done = f"已于{f.zh('circulated')}通报。" if "circulated" in f else ""
    return Outcome("监督机关可以对本次监督中的有关情况进行通报，可以编撰发布典型案例。" + done)


# 第五条第三款 行业监督 carries no interview of the township's head (A05-6: judged under 第五条)
_MAY_INTERVIEW = _F & (-m.no_decision_power)


# 第二十九条第二款
# 行政执法监督机关发现被监督机关行政执法行为违法或者不当等情况突出、造成重大影响的，或者对被监督机关制发了《行政执法监
# 督决定书》的，可以对被监督机关的负责人进行约谈。

# Each ground its own finding (A29-2): the one on the decision letter rests on that letter, which
# 第二十六条、第二十七条第一款 and 第二十八条第一款 may find without its premise (then excluded) or only
# possibly founded (A27-5); the ground of serious impact does not rest on it.
@rule("art_029.p2.interview_head", Modality.MAY, Role.SUPERVISING, when=_MAY_INTERVIEW & (+m.decision))
def interview_head(f: Fact) -> Outcome:
    """已对被监督机关制发《行政执法监督决定书》的，认定监督机关可以约谈其负责人（以该决定书为据）。"""
    done = f"已于{f.zh('interviewed')}约谈。" if "interviewed" in f else ""
    return Outcome(f"已于{f.zh('decision')}对被监督机关制发《行政执法监督决定书》，监督机关可以对被监督机关的负责人进行约谈。" + done)


@rule("art_029.p2.interview_serious_impact", Modality.MAY, Role.SUPERVISING, when=_MAY_INTERVIEW & true(m.serious))
def interview_serious_impact(f: Fact) -> Outcome:
    """被监督机关违法或者不当等情况突出、造成重大影响的，认定监督机关可以约谈其负责人（不以决定书为据）。"""
    done = f"已于{f.zh('interviewed')}约谈。" if "interviewed" in f else ""
    return Outcome("被监督机关违法或者不当等情况突出、造成重大影响，监督机关可以对被监督机关的负责人进行约谈。" + done)


@rule("art_029.p2.interview_without_ground", Modality.MAY, Role.SUPERVISING,
      when=_MAY_INTERVIEW & (+m.interviewed) & (-m.decision) & ((-m.serious) | false(m.serious)))
def interview_without_ground(f: Fact) -> Outcome:
    """既未制发决定书、也无情况突出造成重大影响而约谈负责人的，提示该约谈缺少第二十九条第二款的依据。"""
    return Outcome(f"监督机关于{f.zh('interviewed')}约谈被监督机关负责人，但既未制发决定书，也未记录情况突出、造成重大影响，该约谈缺少第二十九条第二款的依据。")
