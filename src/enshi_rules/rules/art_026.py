"""第二十六条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Each item is its own pair of rules: once the investigation has confirmed a situation (经调查属实),
the supervising organ shall issue the letter; the finding says whether it has. The article sets no
time limit for issuing the letter, so no deadline is computed and no lateness is judged (A26-1). A
situation not (yet) confirmed creates no duty. A deficiency found under 第十二条至第十四条 is one of
these situations (``rules/_content.py``); the finding names the 监督内容 it was found under.

第（六）项 "其他违反法律法规规定的情形" holds only when the record names the provision violated
(``provision``): without it the case lacks a fact (A26-4), and no letter is found due.

A letter resting on no confirmed situation lacks its premise (A26-3); a letter issued when the case
records no situation at all is a missing fact, not a violation (D-1): the case may simply not have
recorded the grounds. A letter lacking its premise binds the supervised organ to nothing under these
measures: what would rest on it (the rectification of 第二十七条第二款, the decision letter of
第二十八条 and its execution report, the 约谈 on the ground of that decision) stays in the report,
marked as excluded by this finding (``defeated_by``, E-1, A26-6).

Several situations or deficiencies under the same item give one finding citing all of them
(``ONE_FINDING_PER_ITEM``, A26-5): one item, one duty to issue the letter.

The interpretive choices above are registered for legal review as A26-1, A26-2, A26-3, A26-4, A26-6, E-1 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._engine.rulebook import Duty, Fact, Modality, Role, m, rule, true
from .kinds import LETTER, SITUATION

#: The six situations, by item (filled by :func:`situation` below).
SITUATIONS: dict[int, str] = {}

_NAMED = "（记录写明所违反的法律法规规定）"


def _found(f: Fact) -> str:
    """What was found: the 监督内容 a deficiency came from, and the provision violated when named."""
    parts = []
    if f.get("content"):
        parts.append(f"监督内容：{f['content']}")
    if f.get("provision"):
        parts.append(f"违反{f['provision']}")
    return f"（{'；'.join(parts)}）" if parts else ""


def situation(item: int, text: str) -> None:
    """经调查属实 a situation of this item: the supervising organ shall issue the letter (no time limit, A26-1)."""
    SITUATIONS[item] = text
    confirmed = SITUATION & (m.item == item) & true(m.confirmed)
    if item == 6:
        confirmed = confirmed & (+m.provision)  # 违反法律法规规定: the record must name which (A26-4)
    letter = Duty(Role.SUPERVISING, confirmed, done=m.letter)
    named = _NAMED if item == 6 else ""

    @letter.required(f"art_026.p1.i{item}.letter_required",
                     summary=f"经调查属实存在“{text}”情形{named}而尚未制发建议书的，认定监督机关应当制发《行政执法监督建议书》。")
    def letter_required(f: Fact) -> str:
        return f"经调查属实，被监督机关存在“{text}”的情形{_found(f)}，监督机关应当制发《行政执法监督建议书》，建议其限期自行纠正；尚未制发。"

    @letter.done(f"art_026.p1.i{item}.letter_issued", summary=f"经调查属实存在“{text}”情形{named}并已制发建议书的，认定该项义务已履行。")
    def letter_issued(f: Fact) -> str:
        return f"经调查属实，被监督机关存在“{text}”的情形{_found(f)}，监督机关已于{f.zh('letter')}制发《行政执法监督建议书》。"


# 第二十六条
# 发现被监督机关有下列情形之一的，行政执法监督机关启动行政执法监督程序，经调查属实，应当制发《行政执法监督建议书》，建
# 议被监督机关限期自行纠正：

# One obligation, one finding (A26-5): the duty of 第二十六条 is to issue a letter for what the
# investigation confirmed under an item; several situations or deficiencies under the same item are
# grounds of the same duty, so they give one finding that cites every record and names every
# 监督内容 and provision.
ONE_FINDING_PER_ITEM = ("art_026.p1.i*.letter_required", "art_026.p1.i*.letter_issued")


def combined(facts: list[Mapping[str, Any]]) -> dict[str, Any]:
    """The fact one finding is worded from when several records ground the same item's duty."""
    out = dict(facts[0])
    out["refs"] = list(dict.fromkeys(r for f in facts for r in f.get("refs", ())))
    for key in ("content", "provision"):
        values = list(dict.fromkeys(f[key] for f in facts if f.get(key)))
        if values:
            out[key] = "；".join(values)
    return out


#: What rests on the letter: the supervised organ's rectification (第二十七条第二款), the decision
#: letter drawn from its outcome (第二十八条第一款), that decision's execution report (第二款) and the
#: 约谈 on the ground of that decision (第二十九条第二款). A letter lacking its premise excludes them
#: (A26-6, E-1); the application for review (第二十七条第一款) stays: the organ may still contest it.
RESTS_ON_LETTER = ("art_027.p2.*", "art_028.p1.decision_required", "art_028.p1.decision_issued", "art_028.p2.*", "art_029.p2.interview_head")


# 经调查属实 is the premise of the letter: a letter with no confirmed situation lacks it (A26-3), a
# 【违反】 of the supervising organ's own procedure, and the letter binds the supervised organ to
# nothing under these measures (A26-6). A letter when the case records no situation or deficiency at
# all is a missing fact (D-1), and one whose only grounds wait for the provision violated to be named
# is that missing fact (A26-4).
@rule("art_026.p1.letter_without_confirmed_situation", Modality.VIOLATION, Role.SUPERVISING,
      when=LETTER & (m.grounds == 0) & (m.undetermined == 0) & (m.recorded > 0), defeats_in_case=RESTS_ON_LETTER)
def letter_without_confirmed_situation(f: Fact) -> str:
    """案件记录了情形或者问题、但没有一项经调查属实即制发《行政执法监督建议书》的，认定建议书缺少“经调查属实”的前提，以该建议书为据的整改、决定书、执行情况报告和约谈的认定被排除（案件没有记录任何情形的，是缺少的事实，不是违反）。"""
    return (
        f"监督机关于{f.zh('issued')}制发《行政执法监督建议书》，但案件中没有经调查属实的第二十六条所列情形，建议书缺少“经调查属实”的前提；"
        "该建议书不产生第二十七条第二款的整改义务，以它为据的决定书、执行情况报告和约谈（第二十八条、第二十九条第二款）的认定均被排除。"
    )

# 第二十六条第（一）项
# （一）行政执法主体、权限、程序不合法的；
situation(1, "行政执法主体、权限、程序不合法")

# 第二十六条第（二）项
# （二）行政执法决定不合法或者明显不当的；
situation(2, "行政执法决定不合法或者明显不当")

# 第二十六条第（三）项
# （三）不履行或者不正确履行行政执法职责的；
situation(3, "不履行或者不正确履行行政执法职责")

# 第二十六条第（四）项
# （四）不落实行政执法重要制度的；
situation(4, "不落实行政执法重要制度")

# 第二十六条第（五）项
# （五）行政执法队伍管理、行政执法证件管理不规范的；
situation(5, "行政执法队伍管理、行政执法证件管理不规范")

# 第二十六条第（六）项
# （六）其他违反法律法规规定的情形。
situation(6, "其他违反法律法规规定的情形")
