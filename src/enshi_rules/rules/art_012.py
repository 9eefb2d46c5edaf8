"""第十二条　对行政执法重要制度落实情况的监督包括下列内容：
　　（一）行政执法公示制度、行政执法全过程记录制度、重大行政执法决定法制审核和备案制度落实情况；
　　（二）行政裁量权基准制度落实情况；
　　（三）行政执法投诉举报制度落实情况；
　　（四）行政执法与刑事司法衔接制度落实情况；
　　（五）其他重要行政执法制度落实情况。

The article lists what the supervision covers; it imposes no duty of its own. A confirmed
deficiency (``supervision.deficiencies`` with ``article: 12``) against any item is not a violation
of this article: it is the situation of 第二十六条第（四）项 (不落实行政执法重要制度), reported under
第二十六条 with this item as the 监督内容 it was found under (``rules/_content.py``).

The interpretive choices above are registered for legal review as A12-1, A12-2, D-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from ._content import declare_items

ITEMS: dict[int, tuple[str, str, int]] = {
    1: ("three_systems", "行政执法公示制度、行政执法全过程记录制度、重大行政执法决定法制审核和备案制度落实情况", 4),
    2: ("discretion_benchmark", "行政裁量权基准制度落实情况", 4),
    3: ("complaint_system", "行政执法投诉举报制度落实情况", 4),
    4: ("criminal_justice_link", "行政执法与刑事司法衔接制度落实情况", 4),
    5: ("other_system", "其他重要行政执法制度落实情况", 4),
}

declare_items(12, ITEMS)
