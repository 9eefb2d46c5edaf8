"""第十三条 of the measures: the text of each 款/项 stands right above the rules that encode it.

The article lists what the supervision covers; it imposes no duty of its own. A confirmed
deficiency (``article: 13``) is reported under the 第二十六条 item it amounts to, with this item as the
监督内容 (``rules/_content.py``). Interpretation (the measures do not say which item each amounts
to): the 行政执法责任制 is itself one of the 行政执法重要制度, so a failure to sort the matters
（一）, divide the powers （二）, fix the responsibilities （三）, assess （五） or hold to account （六） is
"不落实行政执法重要制度" (第二十六条第（四）项), not an enforcement duty left unperformed; a failure of
（四）行政执法程序落实 is a procedure not followed (第二十六条第（一）项, 程序不合法).

The interpretive choices above are registered for legal review as A12-1, A13-1, D-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from ._content import ContentItems

ITEMS = ContentItems(13)

# 第十三条第（一）项
# （一）行政执法事项梳理情况；
ITEMS.add(1, "matters_sorted", "行政执法事项梳理情况", amounts_to=4)

# 第十三条第（二）项
# （二）行政执法职权分解情况；
ITEMS.add(2, "powers_divided", "行政执法职权分解情况", amounts_to=4)

# 第十三条第（三）项
# （三）行政执法责任确定情况；
ITEMS.add(3, "responsibility_fixed", "行政执法责任确定情况", amounts_to=4)

# 第十三条第（四）项
# （四）行政执法程序落实情况；
ITEMS.add(4, "procedure_followed", "行政执法程序落实情况", amounts_to=1)

# 第十三条第（五）项
# （五）行政执法考核评议情况；
ITEMS.add(5, "assessment_done", "行政执法考核评议情况", amounts_to=4)

# 第十三条第（六）项
# （六）行政执法责任追究情况。
ITEMS.add(6, "accountability", "行政执法责任追究情况", amounts_to=4)
