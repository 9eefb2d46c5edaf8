"""第十二条 of the measures: the text of each 款/项 stands right above the rules that encode it.

The article lists what the supervision covers; it imposes no duty of its own. A confirmed
deficiency (``supervision.deficiencies`` with ``article: 12``) against any item is not a violation
of this article: it is the situation of 第二十六条第（四）项 (不落实行政执法重要制度), reported under
第二十六条 with this item as the 监督内容 it was found under (``rules/_content.py``).

The interpretive choices above are registered for legal review as A12-1, A12-2, D-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from ._content import ContentItems

ITEMS = ContentItems(12)

# 第十二条第（一）项
# （一）行政执法公示制度、行政执法全过程记录制度、重大行政执法决定法制审核和备案制度落实情况；
ITEMS.add(1, "three_systems", "行政执法公示制度、行政执法全过程记录制度、重大行政执法决定法制审核和备案制度落实情况", amounts_to=4)

# 第十二条第（二）项
# （二）行政裁量权基准制度落实情况；
ITEMS.add(2, "discretion_benchmark", "行政裁量权基准制度落实情况", amounts_to=4)

# 第十二条第（三）项
# （三）行政执法投诉举报制度落实情况；
ITEMS.add(3, "complaint_system", "行政执法投诉举报制度落实情况", amounts_to=4)

# 第十二条第（四）项
# （四）行政执法与刑事司法衔接制度落实情况；
ITEMS.add(4, "criminal_justice_link", "行政执法与刑事司法衔接制度落实情况", amounts_to=4)

# 第十二条第（五）项
# （五）其他重要行政执法制度落实情况。
ITEMS.add(5, "other_system", "其他重要行政执法制度落实情况", amounts_to=4)
