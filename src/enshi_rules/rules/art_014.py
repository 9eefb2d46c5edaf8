"""第十四条 of the measures: the text of each 款/项 stands right above the rules that encode it.

The article lists what the supervision covers; it imposes no duty of its own. A confirmed
deficiency (``article: 14``) is reported under the 第二十六条 item it amounts to, with this item as the
监督内容 (``rules/_content.py``). Interpretation of the mapping (the measures do not give it):

* （一）主体、权限 and （三）程序 -> 第二十六条第（一）项 (主体、权限、程序不合法);
* （二）事实证据, （四）适用法律, （五）决定 -> 第（二）项 (决定不合法或者明显不当): unclear facts or
  a wrong legal basis make the decision unlawful;
* （七）证件, （八）培训, （十）服装标志 -> 第（五）项 (队伍管理、证件管理不规范);
* （六）案卷, （九）装备保障, （十一）其他 -> 第（六）项 (其他违反法律法规规定的情形), which holds only
  when the record names the provision violated (A26-4): a shortfall of equipment against a
  provincial standard, or an incomplete case file, is not by itself a violation of law, so without
  the provision the case lacks a fact, and no 建议书 is found due.

The interpretive choices above are registered for legal review as A12-1, A14-1, A26-4, D-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from ._content import ContentItems

ITEMS = ContentItems(14)

# 第十四条第（一）项
# （一）行政执法主体是否具有主体资格、行政执法权限是否合法；
ITEMS.add(1, "subject_and_authority", "行政执法主体资格、行政执法权限", amounts_to=1)

# 第十四条第（二）项
# （二）行政执法认定的事实是否清楚、证据是否确实充分；
ITEMS.add(2, "facts_and_evidence", "行政执法认定的事实、证据", amounts_to=2)

# 第十四条第（三）项
# （三）行政执法程序是否合法；
ITEMS.add(3, "procedure", "行政执法程序", amounts_to=1)

# 第十四条第（四）项
# （四）行政执法适用法律是否正确；
ITEMS.add(4, "applied_law", "行政执法适用法律", amounts_to=2)

# 第十四条第（五）项
# （五）行政执法决定是否合法、适当；
ITEMS.add(5, "decision", "行政执法决定的合法性、适当性", amounts_to=2)

# 第十四条第（六）项
# （六）行政执法案卷是否真实、规范、完整；
ITEMS.add(6, "case_file", "行政执法案卷的真实、规范、完整", amounts_to=6)

# 第十四条第（七）项
# （七）行政执法人员行政执法证件管理、使用情况；
ITEMS.add(7, "certificates", "行政执法人员行政执法证件管理、使用", amounts_to=5)

# 第十四条第（八）项
# （八）行政执法人员教育培训情况；
ITEMS.add(8, "training", "行政执法人员教育培训", amounts_to=5)

# 第十四条第（九）项
# （九）行政执法装备配备等行政执法保障标准落实情况；
ITEMS.add(9, "equipment", "行政执法装备配备等保障标准落实", amounts_to=6)

# 第十四条第（十）项
# （十）统一制式服装、标志管理使用情况；
ITEMS.add(10, "uniforms", "统一制式服装、标志管理使用", amounts_to=5)

# 第十四条第（十一）项
# （十一）其他影响行政执法合法性、适当性的情况。
ITEMS.add(11, "other_legality", "其他影响行政执法合法性、适当性的情况", amounts_to=6)
