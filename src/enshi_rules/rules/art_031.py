"""第三十一条 of the measures: the text of each 款/项 stands right above the rules that encode it.

"依纪依法移送" is read as a duty of the supervising organ (the article leaves no alternative
course). The measures set no time limit, so a clue not yet transferred is an outstanding duty
(``shall``), not a violation; the officer judges whether the delay is unreasonable.

The interpretive choices above are registered for legal review as A31-1, A31-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Duty, Fact, Role, false, m, true
from ..facts.measures import ClueRecipient
from .kinds import CLUE

# 第三十一条
# 行政执法监督机关实施行政执法监督时，发现行政执法人员涉嫌违纪或贪污贿赂、失职渎职等职务违法犯罪的问题线索，依纪依法移
# 送监察机关。

#: 依纪依法移送监察机关: the 监察委员会, the 纪律检查委员会 or the 纪检监察机关 (the two 合署办公) (A31-2).
PROPER_RECIPIENTS = frozenset({ClueRecipient.SUPERVISION_COMMISSION, ClueRecipient.DISCIPLINE_COMMISSION, ClueRecipient.JOINT})


def transfer_to_commission(recipient_kind: ClueRecipient | None, recipient_name: str) -> bool | None:
    """Whether a clue went to a 监察机关 (A31-2): decided by the recipient's recorded kind
    (``clues[].transferred_to_kind``), never by words in its name. A transfer with neither a name nor
    a kind is taken as the 监察机关 the field asks for; a named recipient of unknown kind is a missing
    fact (``None``), and neither finding below is made."""
    if recipient_kind is not None:
        return recipient_kind in PROPER_RECIPIENTS
    return True if not recipient_name else None


# "依纪依法移送" is a duty of the supervising organ with no time limit (A31-1).
transfer = Duty(Role.SUPERVISING, CLUE, done=m.transferred)


@transfer.required("art_031.p1.transfer_required")
def transfer_required(f: Fact) -> str:
    """监督中发现行政执法人员涉嫌违纪或职务违法犯罪问题线索、尚未移送的，认定应当移送监察机关。"""
    found = f"于{f.zh('found')}发现" if "found" in f else "发现（发现日期未记录，A31-3）"
    return f"{found}{f['person']}涉嫌{f['clue_kind']}的问题线索，应当依纪依法移送监察机关；尚未移送。"


@transfer.done("art_031.p1.transferred", true(m.to_commission))
def transferred(f: Fact) -> str:
    """监督中发现的问题线索已移送监察委员会、纪律检查委员会或纪检监察机关（按记录的机关类别判断）的，认定该项义务已履行。"""
    to = f["transferred_to"] or f.get("recipient_kind") or "监察机关"
    kind = f"（{f['recipient_kind']}）" if f.get("recipient_kind") and f["transferred_to"] else ""
    return f"{f['person']}涉嫌{f['clue_kind']}的问题线索已于{f.zh('transferred')}移送{to}{kind}，属于依纪依法移送。"


@transfer.violated("art_031.p1.transferred_elsewhere", +m.transferred, false(m.to_commission))
def transferred_elsewhere(f: Fact) -> str:
    """问题线索移送给监察委员会、纪律检查委员会、纪检监察机关以外的单位（按记录的机关类别判断）的，认定未依第三十一条移送监察机关。"""
    to = f["transferred_to"] or f["recipient_kind"]
    return (
        f"{f['person']}涉嫌{f['clue_kind']}的问题线索于{f.zh('transferred')}移送{to}（{f['recipient_kind']}），"
        "不是监察机关或纪检监察机关；第三十一条要求依纪依法移送监察机关。"
    )
