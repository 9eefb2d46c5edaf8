"""第三十四条 of the measures: the text of each 款/项 stands right above the rules that encode it.

"阻挠、妨碍" is read as the ``obstructions`` conduct 拒绝 or 阻碍 by 其他单位和个人 (merely not
cooperating is 第二十五条第二款 only). The supervised organ's own obstruction is 第三十二条第一款第（四）项.
Whether it amounts to a crime is for the criminal courts; the record's description goes with the
finding, no separate crime flag is kept here.

第三十四条, like 第三十二条, is liability (实体), not procedure: it reaches obstruction on or after
2025-03-01, the day the measures took effect (第三十五条); A35-1's 程序从新 does not carry over to it.
The record's ``acted_on`` gives the date of the obstruction (a day, a month, a year, or ``done``;
absent on a confirmed record is ``done``); it is a step of the supervision obstructed, so a ``done``
is never before the supervision's start when that is dated (A34-2). Obstruction before 2025-03-01
gives no finding, only the note ``art_034.p1.conduct_before_commencement`` (dealt with under the
rules in force at the time, which this tool does not hold); a date that may fall on either side
makes both possible, with the date as their reason (A32-7, which this article shares).

The interpretive choices above are registered for legal review as A34-1, A34-2, A32-7, D-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule, true, zh_date
from .art_032 import DEALT_WITH
from .art_035 import COMMENCEMENT
from .kinds import OBSTRUCTION

#: 第三十四条 is substantive liability: it reaches obstruction on or after the day the measures took
#: effect (第三十五条), never earlier conduct (从旧; A35-1's 程序从新 is for procedure only) (A32-7).
_IN_FORCE = COMMENCEMENT.toordinal()
#: "阻挠、妨碍" by 其他单位和个人, confirmed (A34-1).
_OBSTRUCTED = (OBSTRUCTION & true(m.confirmed) & (m.party == "其他单位和个人")
               & ((m.conduct == "拒绝") | (m.conduct == "阻碍")))


# 第三十四条
# 对阻挠、妨碍行政执法监督工作的其他单位和个人，根据情节对有关责任人员依纪依法予以处理；构成犯罪的，依法追究刑事责任。

# Read 【应予处理】 like 第三十二条第一款 (DEALT_WITH): the clause orders 处理, it sets no duty of its own.
@rule("art_034.p1.obstruction_by_others", Modality.VIOLATION, Role.OTHER, label=DEALT_WITH,
      when=_OBSTRUCTED & (m.acted >= _IN_FORCE))
def obstruction_by_others(f: Fact) -> Outcome:
    """其他单位和个人阻挠、妨碍行政执法监督工作经查属实的，认定根据情节对有关责任人员依纪依法予以处理；构成犯罪的，依法追究刑事责任。"""
    return Outcome(f"{f['actor']}{f['conduct']}行政执法监督工作，应当根据情节对有关责任人员依纪依法予以处理；构成犯罪的，依法追究刑事责任。")


# 第三十四条 is substantive (实体), as 第三十二条 is: it reaches obstruction on or after 2025-03-01
# (第三十五条), never earlier conduct; A35-1's 程序从新 is for the steps of a supervision (A32-7).
# Obstruction before that day gives no finding of this article, only this note. A date known only
# within an interval that straddles the day (a year, a month, done on a day not recorded) is judged
# at both ends: the finding and this note are then each "possible", with the date as their reason
# (IMP-1).
@rule("art_034.p1.conduct_before_commencement", Modality.SHALL, Role.OTHER, note=True,
      when=_OBSTRUCTED & (m.acted < _IN_FORCE))
def conduct_before_commencement(f: Fact) -> Outcome:
    """其他单位和个人阻挠、妨碍行政执法监督工作的行为发生在2025年3月1日本办法施行之前的，说明第三十四条（责任追究的实体规定）不适用于施行前的行为，不作本条的认定，应当依行为发生时有效的规定处理。"""
    return Outcome(
        f"{f['actor']}{f['conduct']}行政执法监督工作的行为（记录“{f['refs'][0]}”）发生在本办法施行日期{zh_date(COMMENCEMENT)}之前"
        f"（行为日期：{f.zh('acted')}）。第三十四条是责任追究的实体规定，不适用于本办法施行前的行为"
        "（实体从旧；第三十五条的“程序从新”只及于监督程序的步骤）：本报告不依第三十四条认定，也不依第二十五条认定施行前的步骤。"
        "对有关责任人员是否追究、如何处理，依行为发生时有效的法律、法规和纪律规定，本工具未收录这些规定，由有权机关依法判断；"
        "涉嫌犯罪的，是否构成犯罪由司法机关依法认定。（A32-7）",
        interpretations=("A32-7",),
    )
