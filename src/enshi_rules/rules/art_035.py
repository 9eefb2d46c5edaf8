"""第三十五条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Interpretation (docs/interpretations.md, A35-1, "程序从新"): the measures are procedural rules of
supervision, and procedural rules apply from their commencement to every step taken after it
(立法法第一百零四条 forbids retroactive effect, not the judging of later steps by the new rules). So:

* a step taken or an act done on or after 2025-03-01 is judged under the measures, even if the
  procedure began earlier (``procedure_continues``, a note);
* a step or act before 2025-03-01 is not judged, nor a period that began running before that day
  (``period_not_judged``, a note for each; ``_derive`` leaves their facts out);
* a matter whose every dated step lies before 2025-03-01 is outside the measures as a whole
  (``not_yet_in_force``, excluding).

The steps are the dated acts of the procedure (``_derive.supervision.dated_steps``: the start, the letters and
their receipt, the objection, the answers, the reports, inspections, transfers …), never the
discovery of a situation: 第二十六条 has the organ 发现 a situation and then start the procedure,
so ``found_on`` says nothing about when the procedure began. The date of the enforcement action
under supervision does not count either: supervising an act done before 2025-03-01 is supervision
done under the measures.

A start that is not known (no dated step at all: ``start_unknown``) leaves applicability
undetermined: the note says which fact settles it, and the findings of the matter are marked as
depending on it (A35-1). A first step known only within an interval that straddles 2025-03-01
(``2025``, ``2025-02``…, or an act done on an unknown day: ``first_step_from`` / ``first_step_to``)
makes applicability uncertain only when some of its readings have every step before 2025-03-01
(``start_straddles``); when every reading has a step on or after that day (``last_step_from``: the
earliest the last step may be), the measures apply whichever day it was (``start_straddles_applies``,
程序从新). Either way a finding that holds only for some of the days is ``possible`` (A35-2, IMP-1).

The interpretive choices above are registered for legal review as A35-1, A35-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from datetime import date

from .._engine.rulebook import Fact, Modality, Outcome, Role, Stage, m, rule, true, zh_date
from .kinds import CASE, PRE_COMMENCEMENT

#: 施行日期.
COMMENCEMENT = date(2025, 3, 1)
_COMMENCEMENT = COMMENCEMENT.toordinal()


def _began(f: Fact) -> str:
    if "started" in f:
        return f"本次监督程序于{f.zh('started')}启动"
    return f"本次监督最早记录的步骤在{f.zh('first_step')}"


# 第三十五条
# 本办法自2025年3月1日起施行。

@rule("art_035.p1.not_yet_in_force", Modality.SHALL, Role.CASE, stage=Stage.APPLICABILITY, note=True,
      when=CASE & (+m.last_step) & (m.last_step < _COMMENCEMENT))
def not_yet_in_force(f: Fact) -> Outcome:
    """本次监督的各个步骤都在2025年3月1日前的，不适用本办法，不作任何认定。"""
    return Outcome(
        f"{_began(f)}，最后记录的步骤在{f.zh('last_step')}，均早于本办法施行日期{zh_date(COMMENCEMENT)}，不适用本办法。",
        excludes=True,
    )


@rule("art_035.p1.in_force", Modality.SHALL, Role.CASE, stage=Stage.APPLICABILITY, note=True,
      when=CASE & (+m.first_step) & (m.first_step >= _COMMENCEMENT))
def in_force(f: Fact) -> Outcome:
    """本次监督的各个步骤都在2025年3月1日以后（含当日）的，适用本办法。"""
    return Outcome(f"{_began(f)}，在本办法施行之后，适用本办法。")


@rule("art_035.p1.procedure_continues", Modality.SHALL, Role.CASE, stage=Stage.APPLICABILITY, note=True,
      when=CASE & (+m.first_step) & (m.first_step < _COMMENCEMENT) & (m.last_step >= _COMMENCEMENT))
def procedure_continues(f: Fact) -> Outcome:
    """监督程序在2025年3月1日前开始、此后仍有步骤的，施行后的步骤和行为依本办法认定，此前的步骤和已经开始计算的期间不予认定（程序从新）。"""
    return Outcome(
        f"{_began(f)}，早于本办法施行日期{zh_date(COMMENCEMENT)}；施行之后的步骤和行为依本办法认定，"
        "施行之前的步骤和此前已经开始计算的期间不依本办法认定（程序从新）。"
    )


@rule("art_035.p1.period_not_judged", Modality.SHALL, Role.CASE, when=PRE_COMMENCEMENT, note=True)
def period_not_judged(f: Fact) -> Outcome:
    """步骤发生在、或期间开始计算于2025年3月1日前的，不依本办法认定（程序从新）。"""
    return Outcome(f"{f['what']}：起算或发生于{f.zh('start')}，早于本办法施行日期{zh_date(COMMENCEMENT)}，不依本办法认定。")


#: The findings of the matter (not the yearly duties of 第十五、十八、十九条, not the relation notes):
#: they rest on the measures applying to it.
MATTER_FINDINGS = ("art_010.*", "art_017.*", "art_02[1-9].*", "art_03[0-4].*")


#: The notes that leave applicability undetermined (A35-1, A35-2): the report's ``in_scope`` is then
#: null and ``applicability.measures`` is ``undetermined``, settled by recording the start.
UNDETERMINED = ("art_035.p1.start_unknown", "art_035.p1.start_straddles")
#: The notes that speak of the interval of every day the first step may be (the case's, not one
#: instantiation's): certain whenever given, their dates the ends of that interval (IMP-1).
ABOUT_THE_INTERVAL = ("art_035.p1.start_straddles", "art_035.p1.start_straddles_applies")
#: The case field whose recording settles an undetermined applicability.
SETTLED_BY = "supervision.started_on"


# A start that is not known, and no other dated step: no judgement on applicability (A35-1); the
# findings of the matter rest on it.
@rule("art_035.p1.start_unknown", Modality.SHALL, Role.CASE, stage=Stage.APPLICABILITY, note=True,
      when=CASE & (-m.first_step) & true(m.undated_matter))
def start_unknown(f: Fact) -> Outcome:
    """本次监督没有启动日期、也没有其他有日期的程序步骤的，不能确定是否适用本办法；本次监督的认定都以适用为前提，标明取决于此。"""
    return Outcome(
        "本次监督的启动日期不详，也没有其他有日期的程序步骤，不能确定监督是否在本办法施行日期"
        f"{zh_date(COMMENCEMENT)}之后进行，是否适用本办法不能确定；记录启动监督程序的日期（监督程序启动日）"
        "即可确定。本次监督的认定都以适用本办法为前提。",
        leaves_open=MATTER_FINDINGS,
    )


def _interval(f: Fact) -> str:
    """The interval of every day the first step may be, in words (its ends are the interval's, not
    days of the record)."""
    latest = f"判断日{f.zh('first_step_to')}" if f["first_step_to"] == f["as_of"] else f.zh("first_step_to")
    if f.get("first_step_open"):
        return f"本次监督最早的步骤日期不详，只知不晚于{latest}（案件记录为已做但日期不详），可能早于"
    return (
        f"本次监督最早的步骤只知在{f.zh('first_step_from')}至{f.zh('first_step_to')}之间（案件只记录了月份、年份，"
        "或者记录为已做但日期不详），跨越"
    )


#: A first step known only within an interval that straddles the commencement (A35-2): some of
#: its days are before 2025-03-01, some on or after it.
STRADDLES = CASE & (+m.first_step_from) & (m.first_step_from < _COMMENCEMENT) & (m.first_step_to >= _COMMENCEMENT)


# A first step known only within an interval that straddles the commencement, in a matter that may
# have had no step on or after it (A35-2): whether the measures apply depends on the day.
@rule("art_035.p1.start_straddles", Modality.SHALL, Role.CASE, stage=Stage.APPLICABILITY, note=True,
      when=STRADDLES & (m.last_step_from < _COMMENCEMENT))
def start_straddles(f: Fact) -> Outcome:
    """本次监督最早的步骤只知在一段时间内、这段时间跨越2025年3月1日，而在部分可能的日期下所有步骤都在施行之前的，是否适用本办法不能确定；只在施行后的日期成立的认定标为“可能”。"""
    return Outcome(
        f"{_interval(f)}本办法施行日期{zh_date(COMMENCEMENT)}，在其中部分日期下本次监督的所有步骤都在施行之前，"
        "是否适用本办法不能确定；只在其中部分日期成立的认定标为“可能”。记录确切的启动日期（监督程序启动日）即可确定。"
    )


# The same interval, in a matter that has a step on or after 2025-03-01 whichever day the first
# step was (A35-1, 程序从新): the measures apply in every reading (A35-2).
@rule("art_035.p1.start_straddles_applies", Modality.SHALL, Role.CASE, stage=Stage.APPLICABILITY, note=True,
      when=STRADDLES & (m.last_step_from >= _COMMENCEMENT))
def start_straddles_applies(f: Fact) -> Outcome:
    """本次监督最早的步骤只知在一段时间内、这段时间跨越2025年3月1日，而无论在其中哪一日，本次监督都有施行后的步骤的，适用本办法（程序从新）；只在部分日期成立的认定标为“可能”。"""
    return Outcome(
        f"{_interval(f)}本办法施行日期{zh_date(COMMENCEMENT)}；无论最早的步骤在其中哪一日，本次监督都有施行之后的步骤，"
        "适用本办法：施行之后的步骤和行为依本办法认定，施行之前的步骤和此前已经开始计算的期间不依本办法认定（程序从新）。"
        "只在其中部分日期成立的认定标为“可能”；记录确切的启动日期（监督程序启动日）即可确定这些认定。"
    )
