"""第三十五条　本办法自2025年3月1日起施行。

Interpretation (docs/interpretations.md, "施行日期"): the measures govern a supervision procedure
started on or after 2025-03-01 (立法法第一百零四条: no retroactive effect). The date that counts is
the start of the supervision procedure (``supervision.started_on``, else the earliest of the
situations' ``found_on`` and the letter's ``issued_on``), not the date of the enforcement action
under supervision: the measures regulate supervision, and supervising an act done before 2025-03-01
is supervision done under them. A procedure started before 2025-03-01 stays outside the measures
as a whole, even for the steps that fall after the date (its letters were issued under the old
rules, and splitting one procedure between two regimes would leave its periods without a start).
"""

from __future__ import annotations

from datetime import date

from .._rulebook import Fact, Modality, Outcome, Role, Stage, m, rule, zh_date

#: 施行日期.
COMMENCEMENT = date(2025, 3, 1)
_COMMENCEMENT = COMMENCEMENT.toordinal()


@rule(
    "art_035.p1.not_yet_in_force",
    article=35, paragraph=1,
    modality=Modality.SHALL,
    subject=Role.CASE,
    when=(m.kind == "case") & (+m.started) & (m.started < _COMMENCEMENT),
    summary="监督程序在2025年3月1日前启动的，不适用本办法，不作任何认定。",
    stage=Stage.APPLICABILITY,
    note=True,
)
def not_yet_in_force(f: Fact) -> Outcome:
    return Outcome(
        f"本次监督程序于{f.zh('started')}启动，早于本办法施行日期{zh_date(COMMENCEMENT)}，不适用本办法。",
        excludes=True,
    )


@rule(
    "art_035.p1.in_force",
    article=35, paragraph=1,
    modality=Modality.SHALL,
    subject=Role.CASE,
    when=(m.kind == "case") & (+m.started) & (m.started >= _COMMENCEMENT),
    summary="监督程序在2025年3月1日以后启动的，适用本办法。",
    stage=Stage.APPLICABILITY,
    note=True,
)
def in_force(f: Fact) -> Outcome:
    return Outcome(f"本次监督程序于{f.zh('started')}启动，在本办法施行之后，适用本办法。")
