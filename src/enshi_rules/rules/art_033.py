"""第三十三条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Each record of ``conduct`` names a person of the supervising organ (or of another organ named in
the record), the role and the behaviour; only a confirmed record (经调查属实) gives a finding, whose
subject is the person. 容错 (第三十二条第二款) is written for 行政执法人员 of the supervised side and
for losses from objective factors; 滥用职权、玩忽职守、徇私舞弊 are deliberate or culpable by
definition, so no exemption is offered here.

第三十三条, like 第三十二条, is liability (实体), not procedure: it reaches conduct on or after
2025-03-01, the day the measures took effect (第三十五条); A35-1's 程序从新 does not carry over to it.
A record's ``acted_on`` gives the date of the misconduct (a day, a month, a year, or ``done``;
absent on a confirmed record is ``done``). Conduct before that day gives no finding and no note of a
crime under this article, only the note ``art_033.p1.conduct_before_commencement`` (dealt with under
the rules in force at the time, which this tool does not hold); a date that may fall on either side
makes both possible, with the date as their reason (A32-7, which this article shares).

The interpretive choices above are registered for legal review as A33-1, A32-6, A32-7, D-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule, true, zh_date
from .art_032 import DEALT_WITH
from .art_035 import COMMENCEMENT
from .kinds import MISCONDUCT

#: 第三十三条 is substantive liability: it reaches conduct on or after the day the measures took
#: effect (第三十五条), never earlier conduct (从旧; A35-1's 程序从新 is for procedure only) (A32-7).
_IN_FORCE = COMMENCEMENT.toordinal()
_CONFIRMED = MISCONDUCT & true(m.confirmed) & (m.acted >= _IN_FORCE)


# 第三十三条
# 行政执法监督机关及其工作人员滥用职权、玩忽职守、徇私舞弊的，对直接负责的主管人员和其他直接责任人员依纪依法予以处理；
# 构成犯罪的，依法追究刑事责任。

# Read 【应予处理】 like 第三十二条第一款 (DEALT_WITH): the clause orders 处理, it sets no duty of its own.
@rule("art_033.p1.supervisor_misconduct", Modality.VIOLATION, Role.SUPERVISING, when=_CONFIRMED, label=DEALT_WITH)
def supervisor_misconduct(f: Fact) -> Outcome:
    """行政执法监督机关工作人员滥用职权、玩忽职守、徇私舞弊经调查属实的，认定对直接负责的主管人员和其他直接责任人员依纪依法予以处理。"""
    return Outcome(f"经调查属实，行政执法监督工作中有{f['behaviour']}的行为，应当对责任人员依纪依法予以处理。")


# A suspected crime is a note, not a finding (A32-6, as in 第三十二条): whether a crime is
# constituted is for the judicial organs; the matter is to be transferred according to law.
@rule("art_033.p1.criminal_liability", Modality.SHALL, Role.SUPERVISING, note=True, when=_CONFIRMED & true(m.crime))
def criminal_liability(f: Fact) -> Outcome:
    """行政执法监督机关工作人员滥用职权、玩忽职守、徇私舞弊涉嫌构成犯罪的，说明是否构成犯罪由司法机关依法认定、应当依法移送，不作违反认定。"""
    return Outcome(
        f"行政执法监督工作中的{f['behaviour']}行为（记录“{f['refs'][0]}”）涉嫌构成犯罪：第三十三条规定“构成犯罪的，依法追究刑事责任”，"
        "是否构成犯罪由司法机关依法认定，涉嫌犯罪的应当依法移送有关机关处理；本报告不作犯罪或者刑事责任的认定。",
        interpretations=("A32-6",),
    )


# 第三十三条 is substantive (实体), as 第三十二条 is: it reaches misconduct on or after 2025-03-01
# (第三十五条), never earlier conduct; A35-1's 程序从新 is for the steps of a supervision (A32-7).
# Misconduct before that day gives no finding of this article and no note of a crime under it, only
# this note. A date known only within an interval that straddles the day (a year, a month, done on a
# day not recorded) is judged at both ends: the finding and this note are then each "possible", with
# the date as their reason (IMP-1).
@rule("art_033.p1.conduct_before_commencement", Modality.SHALL, Role.SUPERVISING, note=True,
      when=MISCONDUCT & true(m.confirmed) & (m.acted < _IN_FORCE))
def conduct_before_commencement(f: Fact) -> Outcome:
    """行政执法监督机关工作人员被追究的行为发生在2025年3月1日本办法施行之前的，说明第三十三条（责任追究的实体规定）不适用于施行前的行为，不作本条的认定，应当依行为发生时有效的规定处理。"""
    crime = (
        "记录涉嫌构成犯罪的，是否构成犯罪由司法机关依法认定，涉嫌犯罪的仍应依法移送有关机关，这不以本办法为依据。"
        if f["crime"] else ""
    )
    return Outcome(
        f"行政执法监督工作中的{f['behaviour']}行为（记录“{f['refs'][0]}”）发生在本办法施行日期{zh_date(COMMENCEMENT)}之前"
        f"（行为日期：{f.zh('acted')}）。第三十三条是责任追究的实体规定，不适用于本办法施行前的行为"
        "（实体从旧；第三十五条的“程序从新”只及于监督程序的步骤）：本报告不依第三十三条认定。"
        "对该行为是否追究、如何处理，依行为发生时有效的法律、法规和纪律规定（例如《中华人民共和国公职人员政务处分法》、"
        "《行政机关公务员处分条例》等），本工具未收录这些规定，由有权机关依法判断。" + crime + "（A32-7）",
        interpretations=("A32-7",),
    )
