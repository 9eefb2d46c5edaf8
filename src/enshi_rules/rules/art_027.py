"""第二十七条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Periods are counted as ``docs/interpretations.md`` ("期间的计算") says: the day of receipt is not
counted, the last day is rolled forward to the next working day. Interpretations specific to this
article (each also in docs/interpretations.md):

* An application for review made after the ten days is out of time: the permission has lapsed,
  the supervising organ owes no review under this article, and the rectification period runs from
  the receipt of the letter as if there had been no objection.
* While a timely application awaits its answer, no rectification period runs: 第二款 starts it
  from the receipt of the answer.
* "完成整改，并…报送整改情况": the duty is met on the day the report of the rectification reaches
  the supervising organ (or, with the time-in-the-post policy, the day it was posted).
* 经复查异议成立 ends the supervision, an exception that leaves its trace: the findings it defeats
  stay in the report with ``defeated_by`` (A27-4, E-1).
* The letter's own time limit (``rectification_days``) is a note when it is not thirty days: below
  thirty the supervised organ still has thirty days; above thirty the period judged stays thirty days,
  but a rectification reported after them and within the letter's own days (or not yet reported
  while those still run) is only a possible violation: whether the organ may rely on the letter its
  supervisor issued is for a person to judge, and what rests on that lateness is possible too (A27-5).
* An overdue count stops on the day the 第二十八条 决定书 is issued (A27-6).
* A late application answered and upheld leaves open whether the supervision ended; the findings
  that depend on it say so (A27-7).

The interpretive choices above are registered for legal review as A27-1, A27-2, A27-3, A27-4, A27-5,
A27-6, A27-7, E-1, E-2 in ``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from typing import Any

from .._engine.kinds import predicate
from .._engine.rulebook import HUMAN_JUDGMENT, DeadlineStatus, Fact, Modality, Outcome, Role, deadline_rules, exception, false, m, rule, true
from .kinds import OBJECTION, RECTIFICATION, REVIEW

S = DeadlineStatus

# 第二十七条第一款
# 被监督机关对《行政执法监督建议书》有异议的，可以自收到之日起十日内向作出该处理的行政执法监督机关申请复查。行政执法监
# 督机关应当自收到申请之日起十五日内予以复查并答复。经复查异议成立的，行政执法监督机关应当终止本次监督。

#: 自收到之日起十日内申请复查.
OBJECTION_DAYS = 10
#: 自收到申请之日起十五日内予以复查并答复.
REVIEW_DAYS = 15

#: 可以自收到之日起十日内……申请复查: an application made within the ten days; one made later has
#: lost the permission and starts nothing under this 款 (A27-1).
timely_objection = predicate(
    "timely_objection", (+m.filed) & (m.filed <= m.window_due),
    kinds=(REVIEW, RECTIFICATION), cites="第二十七条第一款", interpretations=("A27-1",),
)
#: 无异议 (第二款): no application, or one made after the ten days (A27-1).
no_timely_objection = predicate(
    "no_timely_objection", (-m.filed) | (m.filed > m.window_due),
    kinds=(RECTIFICATION,), cites="第二十七条第一款", interpretations=("A27-1",),
)
late_objection = predicate(
    "late_objection", (+m.window_due) & (m.filed > m.window_due),
    kinds=(REVIEW,), cites="第二十七条第一款", interpretations=("A27-1",),
)

# The application for review: a permission (可以) of the supervised organ.
deadline_rules(
    "art_027.p1.review_application",
    permission=True,
    subject=Role.SUPERVISED,
    applies=OBJECTION,
    start="received", due="window_due", done="filed",
    period_days=OBJECTION_DAYS,
    summary="被监督机关可以自收到建议书之日起十日内申请复查",
    messages={
        S.PENDING: lambda f: f"被监督机关有异议的，可以在{f.due_zh('window_due')}前申请复查。",
        S.ON_TIME: lambda f: f"被监督机关于{f.zh('filed')}申请复查，在{f.within('十', 'window_due')}内。",
        S.LATE: lambda f: f"被监督机关于{f.zh('filed')}申请复查，已超过{f.within('十', 'window_due')}，复查申请权已逾期，整改期限自收到建议书之日起计算。",
        # 第二款 speaks of "无异议" only; the measures say nothing is "视为" (A27-1)
        S.OVERDUE: lambda f: f"被监督机关未在{f.due_zh('window_due')}前申请复查，按第二十七条第二款无异议的情形自收到建议书之日起计算整改期限。",
    },
)

# The review: a duty (应当) of the supervising organ, for a timely application.
deadline_rules(
    "art_027.p1.review",
    subject=Role.SUPERVISING,
    applies=REVIEW & timely_objection,
    start="received", due="due", done="answered",
    period_days=REVIEW_DAYS,
    summary="行政执法监督机关应当自收到复查申请之日起十五日内复查并答复",
    act=("监督机关", "作出复查答复", "十五"),
    messages={
        S.PENDING: lambda f: f"监督机关应当在{f.due_zh('due')}前对复查申请予以复查并答复。",
        S.OVERDUE: lambda f: f"监督机关应当在{f.due_zh('due')}前复查并答复，至判断日（{f.zh('as_of')}）仍未答复。",
    },
)


# An answer to an application made out of time: nothing in 第一款 forbids the organ to answer it,
# but the answer is outside 第一款 (A27-1): it neither ends the supervision nor starts a new
# rectification period. Reported so that an officer sees the conflict when it upheld the objection.
@rule("art_027.p1.late_application_answered", Modality.MAY, Role.SUPERVISING, label=HUMAN_JUDGMENT,
      when=REVIEW & late_objection & (+m.answered))
def late_application_answered(f: Fact) -> Outcome:
    """监督机关对超过十日的复查申请作出答复的，提示该答复不适用第一款：不终止本次监督，整改期限仍自收到建议书之日起计算。"""
    upheld = f.get("upheld") is True
    tail = (
        "答复认定异议成立，但申请已逾期，是否据此终止本次监督须人工判断；整改、决定书和执行情况报告的认定均取决于这一判断。"
        if upheld
        else "该答复不影响整改期限。"
    )
    return Outcome(
        f"复查申请已超过{f.within('十', 'window_due')}，监督机关仍于{f.zh('answered')}作出复查答复；"
        f"依第一款，整改期限仍自收到建议书之日起计算，{tail}",
        # the findings that stand only if the supervision did not end (A27-1, A27-6)
        leaves_open=("art_027.p2.*", "art_028.*") if upheld else (),
    )


# 经复查异议成立的，应当终止本次监督: an exception that leaves its trace (A27-4, E-1). The situations
# the letter rested on, any report owed on a decision letter issued anyway, and the prompts that
# presuppose a result of the supervision (第二十九条第一款 通报, 第三十条 纳入绩效考核) stay in the report,
# marked defeated by it; the rectification of 第二款 never starts (its period runs only 经复查异议不成立).
@exception(
    "art_027.p1.terminate_supervision", Role.SUPERVISING, modality=Modality.SHALL,
    when=REVIEW & timely_objection & true(m.upheld),
    defeats_in_case=("art_026.p1.i*.letter_issued", "art_028.p2.*", "art_029.p1.*", "art_030.*"),
)
def terminate_supervision(f: Fact) -> str:
    """经复查异议成立的，认定监督机关应当终止本次监督，整改和决定书的规则不再适用。"""
    return (
        f"经复查异议成立（{f.zh('answered')}答复），监督机关应当终止本次监督，被监督机关无需整改；"
        "建议书所认定的情形不再作为本次监督的认定，其后制发的决定书不产生执行情况报告义务；"
        "本次监督没有可供通报（第二十九条第一款）或者纳入法治建设绩效考核（第三十条）的结果。"
    )


@rule("art_027.p1.continued_after_upheld", Modality.VIOLATION, Role.SUPERVISING, when=REVIEW & timely_objection & true(m.upheld) & (+m.decision_issued))
def continued_after_upheld(f: Fact) -> str:
    """经复查异议成立后仍制发《行政执法监督决定书》的，认定未依法终止监督。"""
    return f"经复查异议成立后，监督机关未终止本次监督，仍于{f.zh('decision_issued')}制发《行政执法监督决定书》。"


# 第二十七条第二款
# 被监督机关对《行政执法监督建议书》无异议或者经复查异议不成立的，应当分别自收到《行政执法监督建议书》、复查答复之日起
# 三十日内完成整改，并向行政执法监督机关报送整改情况。

#: 自收到建议书、复查答复之日起三十日内完成整改.
RECTIFICATION_DAYS = 30


def _outcome_fact(due_key: str) -> Any:
    """The rectification's outcome, a fact for 第二十八条 (逾期未自行纠正)."""

    def derive(f: Fact, status: DeadlineStatus) -> tuple[dict[str, Any], ...]:
        fact: dict[str, Any] = {
            "kind": "rectification_outcome",
            "as_of": f["as_of"],
            "refs": list(f["refs"]),
            "status": status.value,
            "due": f[due_key],
        }
        # no_decision_power: 第五条第三款 行业监督 (A05-6); done (the day reported): A27-5, A28-5; the letter's own days: A27-5
        for key in ("decision_issued", "no_decision_power", "done", "letter_days", "letter_own_due"):
            if key in f:
                fact[key] = f[key]
        return (fact,)

    return derive


def _rectify_messages(due: str) -> dict[DeadlineStatus, Any]:
    """The messages of a rectification period not met, whose last day is the property ``due``."""

    def overdue(f: Fact) -> str:
        head = f"被监督机关应当在{f.due_zh(due)}前完成整改并报送整改情况，"
        if f.get("decision_issued") is not None and f["decision_issued"] > f[due]:
            # the matter moved on: the count stops at the decision letter (第二十八条第一款)
            late = f["decision_issued"] - f[due]
            return head + f"至{f.zh('decision_issued')}制发《行政执法监督决定书》时仍未报送，逾期{late}日（计至决定书制发之日）。"
        return head + f"至判断日（{f.zh('as_of')}）仍未报送。"

    return {S.PENDING: lambda f: f"被监督机关应当在{f.due_zh(due)}前完成整改并报送整改情况。", S.OVERDUE: overdue}


def within_longer_letter(f: Any, point: int | None = None) -> bool:
    """The letter gave more than thirty days and ``point`` (the report of the rectification, else the
    as-of date) falls within the letter's own days (A27-5): the lateness under 第二款 is then only
    possible. The rules of 第二十八条 ask the same of the outcome fact."""
    if f.get("letter_days") is None or f["letter_days"] <= RECTIFICATION_DAYS or f.get("letter_own_due") is None:
        return False
    if point is None:
        point = f["done"] if f.get("done") is not None else f["as_of"]
    return bool(point <= f["letter_own_due"])


def relied_on_letter(f: Any) -> str:
    """Why a lateness within a longer letter's own days is only possible (A27-5), for legal staff."""
    if f.get("done") is not None and f["done"] <= f["letter_own_due"]:
        when = "被监督机关在建议书所定期限内报送了整改情况"
    elif f.get("decision_issued") is not None and f["decision_issued"] <= f["letter_own_due"]:
        when = "监督机关在建议书所定期限届满前制发了决定书"
    else:
        when = "至判断日建议书所定期限尚未届满"
    return (
        f"《行政执法监督建议书》限期{f['letter_days']}日（至{f.zh('letter_own_due')}，含当日），"
        f"长于第二十七条第二款的三十日，{when}；该期限是监督机关自己的文书所定，"
        "被监督机关能否信赖它、是否仍以三十日认定逾期，须人工判断（A27-5）"
    )


def _longer_letter(f: Any, status: DeadlineStatus) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A late or overdue rectification within a longer letter's own days: only possible (A27-5)."""
    if status in (S.LATE, S.OVERDUE) and within_longer_letter(f):
        return (relied_on_letter(f),), ("A27-5",)
    return (), ()


def rectification(prefix: str, applies: Any, received: str, due: str, summary: str, *, possible: Any = None) -> None:
    """完成整改，并…报送整改情况 within thirty days of ``received``: met on the day the report reaches the
    supervising organ (A27-3); an overdue count stops at a 决定书 issued after the period (A27-6)."""
    deadline_rules(
        prefix, subject=Role.SUPERVISED, applies=applies, start=received, due=due, done="done",
        period_days=RECTIFICATION_DAYS, summary=summary, act=("被监督机关", "报送整改情况", "三十"),
        messages=_rectify_messages(due), derive=_outcome_fact(due), stop="decision_issued", possible=possible,
    )


# 无异议 (no application, or one out of time): thirty days from receipt of the letter; a lateness
# within a longer letter's own days is only possible (A27-5)
rectification(
    "art_027.p2.rectify", RECTIFICATION & no_timely_objection, "letter_received", "letter_due",
    "对建议书无异议的，被监督机关应当自收到建议书之日起三十日内完成整改并报送整改情况（建议书所定期限多于三十日、在该期限内报送的，逾期只是可能，A27-5）",
    possible=_longer_letter,
)

# 经复查异议不成立: thirty days from receipt of the review answer
rectification(
    "art_027.p2.rectify_after_review", RECTIFICATION & timely_objection & false(m.upheld) & (+m.answer_received),
    "answer_received", "answer_due", "经复查异议不成立的，被监督机关应当自收到复查答复之日起三十日内完成整改并报送整改情况",
)


# The letter's own time limit: the measures fix thirty days, and the duty of 第二款 is the supervised
# organ's; 第二十六条 lets the supervising organ "建议被监督机关限期自行纠正" and no 款 makes a shorter
# limit its violation. A letter that gives fewer days is therefore a note, not a 【违反】 (A27-5): it
# is not consistent with 第二款, and the supervised organ still has thirty days. The period judged
# above stays thirty days; a 决定书 issued before those end is art_028.p1.decision_without_default.
@rule("art_027.p2.letter_period_too_short", Modality.SHALL, Role.SUPERVISED, note=True,
      when=RECTIFICATION & (+m.letter_days) & (m.letter_days < RECTIFICATION_DAYS))
def letter_period_too_short(f: Fact) -> str:
    """《行政执法监督建议书》载明的整改期限少于第二十七条第二款规定的三十日的，说明与该款不一致、被监督机关仍有三十日，不作违反认定；整改期限仍按三十日判断。"""
    return (
        f"《行政执法监督建议书》限期{f['letter_days']}日整改，与第二十七条第二款规定的三十日不一致；"
        "该款的义务主体是被监督机关，被监督机关的整改期限仍为自收到建议书（或者复查答复）之日起三十日，"
        "不因建议书所定期限较短而提前届满（A27-5）。"
    )


# A letter that gives more than thirty days: the measures fix thirty days and the letter cannot
# lengthen them, but it is the supervising organ's own document. The period judged stays thirty days
# (the supervised organ's duty of 第二款); a report after them and within the letter's days is only a
# possible violation (``_longer_letter`` above), and this note says the letter is not consistent with
# 第二款 (A27-5).
@rule("art_027.p2.letter_period_too_long", Modality.SHALL, Role.SUPERVISED, note=True, label=HUMAN_JUDGMENT,
      when=RECTIFICATION & (+m.letter_days) & (m.letter_days > RECTIFICATION_DAYS))
def letter_period_too_long(f: Fact) -> str:
    """《行政执法监督建议书》载明的整改期限多于第二十七条第二款规定的三十日的，说明与该款不一致；整改期限仍按三十日判断，在建议书所定期限内报送的逾期只作“可能违反”，能否信赖该文书须人工判断。"""
    until = f"（至{f.zh('letter_own_due')}，含当日）" if f.get("letter_own_due") is not None else ""
    return (
        f"《行政执法监督建议书》限期{f['letter_days']}日{until}整改，与第二十七条第二款规定的三十日不一致：本办法规定的整改期限是"
        "自收到建议书（或者复查答复）之日起三十日，建议书不能延长。被监督机关在三十日后、建议书所定期限内报送整改情况的，"
        "是否认定逾期须人工判断（被监督机关能否信赖监督机关自己制发的文书），本报告对此只作“可能违反”的认定（A27-5）。"
    )
