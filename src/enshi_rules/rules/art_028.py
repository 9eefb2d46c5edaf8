"""第二十八条 of the measures: the text of each 款/项 stands right above the rules that encode it.

第一款 reads "制发" without 应当; we read it as a duty of the supervising organ once the
rectification period of 第二十七条第二款 has run out without a report ("逾期未自行纠正"), because
the article gives the organ no alternative course (interpretation "决定书的制发", docs/). A decision
letter issued before that period ran out, or after an on-time rectification, lacks its premise.
It builds on the outcome of 第二十七条第二款 (a fact derived by those rules), never on the raw dates.

Where that outcome is only possible (the letter gave more than thirty days and the organ reported,
or the as-of date or the decision letter falls, within them: A27-5), "逾期未自行纠正" is only possible
too: the duty to decide, the decision issued, and what rests on that decision (the execution report
of 第二款, the 约谈 of 第二十九条第二款 on the ground of the decision) are possible, for the same reason.

A decision letter lacking its premise (issued before the period ran out, after an on-time report, or
while a timely review was pending) is the supervising organ's 【违反】, and excludes what rests on it
(its execution report, the 约谈 on its ground: ``defeated_by``, A26-6).

A rectification reported late but before any decision letter is a note for a person to judge (A28-5).

The interpretive choices above are registered for legal review as A26-6, A27-3, A28-1, A28-2, A28-3, A28-4, A28-5, E-1, E-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import HUMAN_JUDGMENT, DeadlineStatus, Fact, Modality, Outcome, Role, deadline_rules, m, rule
from .art_027 import relied_on_letter, timely_objection, within_longer_letter
from .kinds import EXECUTION, RECTIFICATION, RECTIFICATION_OUTCOME

S = DeadlineStatus

# 第二十八条第一款
# 被监督机关逾期未自行纠正的，行政执法监督机关制发《行政执法监督决定书》，依法责令被监督机关限期履行法定职责、重新作出
# 行政行为或者撤销行政行为等。

# A department doing 行业监督和业务指导 of a township (第五条第三款) has no power to decide: its
# decision letter is judged under 第五条 (A05-6), and no duty to issue one arises.
_OUTCOME = RECTIFICATION_OUTCOME & (-m.no_decision_power)


#: What rests on a decision letter issued under this 款: its execution report (第二款) and the 约谈 on
#: the ground of the decision (第二十九条第二款).
RESTS_ON_DECISION = ("art_028.p2.execution_report.*", "art_029.p2.interview_head")


@rule("art_028.p1.decision_required", Modality.SHALL, Role.SUPERVISING, when=_OUTCOME & (m.status == S.OVERDUE.value) & (-m.decision_issued))
def decision_required(f: Fact) -> Outcome:
    """被监督机关整改期限届满仍未报送整改情况、监督机关尚未制发决定书的，认定监督机关应当制发《行政执法监督决定书》（建议书所定期限更长且尚未届满的，只是可能，A27-5）。"""
    return Outcome(
        f"被监督机关逾期（{f.zh('due')}届满）未自行纠正，监督机关应当制发《行政执法监督决定书》，责令其限期履行法定职责、重新作出或者撤销行政行为；尚未制发。",
        possible=(relied_on_letter(f),) if within_longer_letter(f) else (),
        interpretations=("A27-5",) if within_longer_letter(f) else (),
    )


@rule(
    "art_028.p1.decision_issued", Modality.SHALL, Role.SUPERVISING, performed=True,
    when=_OUTCOME & ((m.status == S.OVERDUE.value) | (m.status == S.LATE.value)) & (+m.decision_issued) & (m.decision_issued > m.due),
)
def decision_issued(f: Fact) -> Outcome:
    """被监督机关逾期未自行纠正、监督机关在整改期限届满后制发决定书的，认定该项义务已履行；逾期只是可能的（建议书所定期限更长，被监督机关在其内报送，或者决定书制发于其内，A27-5），该认定和以该决定书为据的认定都只是可能。"""
    doubt = within_longer_letter(f, f["decision_issued"]) or (f.get("done") is not None and within_longer_letter(f))
    return Outcome(
        f"被监督机关逾期（{f.zh('due')}届满）未自行纠正，监督机关已于{f.zh('decision_issued')}制发《行政执法监督决定书》。",
        possible=(relied_on_letter(f),) if doubt else (),
        interpretations=("A27-5",) if doubt else (),
        doubts=RESTS_ON_DECISION if doubt else (),
    )


# A decision letter without its premise (A28-2, A28-3) is the supervising organ's 【违反】 and binds the
# supervised organ to nothing under these measures: its execution report (第二款) and the 约谈 on its
# ground (第二十九条第二款) stay in the report, excluded by the finding (E-1, A26-6).
_NO_EFFECT = "该决定书不产生第二十八条第二款的执行情况报告义务，也不作为第二十九条第二款约谈的依据。"


# A rectification reported after its last day but before any decision letter (A28-5): 第一款 says
# "逾期未自行纠正的" and nothing of a correction made late. Whether that is still 逾期未自行纠正, so
# that a decision letter is due (or one issued after the report has its premise), is for a person
# to judge: a note, not a finding either way. A report after the decision letter changes nothing.
# When the letter gave more than thirty days and the report came within them, the lateness itself is
# only possible (A27-5): the note says so rather than calling the report late.
@rule("art_028.p1.late_rectification", Modality.SHALL, Role.SUPERVISING, note=True, label=HUMAN_JUDGMENT,
      when=_OUTCOME & (m.status == S.LATE.value) & ((-m.decision_issued) | (m.decision_issued >= m.done)))
def late_rectification(f: Fact) -> Outcome:
    """被监督机关在整改期限届满后、决定书制发前报送整改情况的，提示是否仍属“逾期未自行纠正”、是否仍应制发决定书，本办法未作规定，须人工判断；在建议书所定更长的期限内报送的，说明逾期本身也只是可能（A27-5）。"""
    issued = (
        f"监督机关于{f.zh('decision_issued')}制发的《行政执法监督决定书》是否具备这一前提" if f.get("decision_issued") is not None
        else "监督机关是否仍应制发《行政执法监督决定书》"
    )
    if within_longer_letter(f):
        # the letter gave more days and the report came within them: the lateness itself is only
        # possible (A27-5), so the note must not say the report was late
        return Outcome(
            f"被监督机关于{f.zh('done')}报送整改情况，晚于第二十七条第二款三十日的整改期限（至{f.zh('due')}，含当日），"
            f"但在《行政执法监督建议书》所定{f['letter_days']}日期限（至{f.zh('letter_own_due')}，含当日）之内，"
            "是否逾期本身须人工判断（A27-5），本报告只作“可能违反”的认定；报送在制发决定书之前。"
            f"如认定逾期，逾期后已报送整改情况的，是否仍属第二十八条第一款所称“逾期未自行纠正”，{issued}，本办法未作规定，须人工判断（A28-5）。",
            interpretations=("A27-5", "A28-5"),
        )
    return Outcome(
        f"被监督机关于{f.zh('done')}报送整改情况，晚于整改期限（至{f.zh('due')}，含当日），但在制发决定书之前。"
        f"逾期后已报送整改情况的，是否仍属第二十八条第一款所称“逾期未自行纠正”，{issued}，本办法未作规定，须人工判断（A28-5）。",
        interpretations=("A28-5",),
    )


@rule(
    "art_028.p1.decision_without_default", Modality.VIOLATION, Role.SUPERVISING,
    when=_OUTCOME & (+m.decision_issued) & ((m.decision_issued <= m.due) | (m.status == S.ON_TIME.value)),
    defeats_in_case=RESTS_ON_DECISION,
)
def decision_without_default(f: Fact) -> str:
    """整改期限届满前或被监督机关已按期整改而制发决定书的，认定决定书缺少“逾期未自行纠正”的前提，执行情况报告和以该决定书为据的约谈的认定被排除。"""
    return (
        f"监督机关于{f.zh('decision_issued')}制发《行政执法监督决定书》，但被监督机关并未逾期未自行纠正（整改期限至{f.zh('due')}），"
        f"不具备第二十八条第一款的前提；{_NO_EFFECT}"
    )


@rule("art_028.p1.decision_during_review", Modality.VIOLATION, Role.SUPERVISING, when=RECTIFICATION & timely_objection & (-m.upheld) & (+m.decision_issued),
      defeats_in_case=RESTS_ON_DECISION)
def decision_during_review(f: Fact) -> str:
    """被监督机关依法申请复查、监督机关尚未答复即制发决定书的，认定决定书缺少“逾期未自行纠正”的前提（整改期限自收到复查答复之日起才开始计算），执行情况报告和以该决定书为据的约谈的认定被排除。"""
    return (
        f"被监督机关已在十日内申请复查，监督机关尚未作出复查答复，整改期限尚未起算，却于{f.zh('decision_issued')}制发《行政执法监督决定书》，"
        f"不具备第二十八条第一款“逾期未自行纠正”的前提；{_NO_EFFECT}"
    )


# 第二十八条第二款
# 被监督机关应当自收到《行政执法监督决定书》之日起三十日内将执行情况报告行政执法监督机关。

#: 自收到决定书之日起三十日内将执行情况报告.
EXECUTION_REPORT_DAYS = 30

# After a timely objection was upheld the supervision had to end (第二十七条第一款), so a decision
# letter issued anyway binds the supervised organ to nothing under these measures: the finding is
# still made, and the exception art_027.p1.terminate_supervision defeats it (``defeated_by``), so the
# report shows both (A28-4; the supervising organ's error is art_027.p1.continued_after_upheld).
deadline_rules(
    "art_028.p2.execution_report",
    subject=Role.SUPERVISED,
    applies=EXECUTION,
    start="received", due="due", done="done",
    period_days=EXECUTION_REPORT_DAYS,
    summary="被监督机关应当自收到决定书之日起三十日内将执行情况报告监督机关",
    act=("被监督机关", "报告执行情况", "三十"),
    messages={
        S.PENDING: lambda f: f"被监督机关应当在{f.due_zh('due')}前将决定书的执行情况报告监督机关。",
        S.OVERDUE: lambda f: f"被监督机关应当在{f.due_zh('due')}前报告决定书的执行情况，至判断日（{f.zh('as_of')}）仍未报告。",
    },
)
