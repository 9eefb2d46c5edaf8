"""第三十四条 of the measures: the text of each 款/项 stands right above the rules that encode it.

"阻挠、妨碍" is read as the ``obstructions`` conduct 拒绝 or 阻碍 by 其他单位和个人 (merely not
cooperating is 第二十五条第二款 only). The supervised organ's own obstruction is 第三十二条第一款第（四）项.
Whether it amounts to a crime is for the criminal courts; the record's description goes with the
finding, no separate crime flag is kept here.

The interpretive choices above are registered for legal review as A34-1, D-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule, true
from .art_032 import DEALT_WITH
from .kinds import OBSTRUCTION


# 第三十四条
# 对阻挠、妨碍行政执法监督工作的其他单位和个人，根据情节对有关责任人员依纪依法予以处理；构成犯罪的，依法追究刑事责任。

# Read 【应予处理】 like 第三十二条第一款 (DEALT_WITH): the clause orders 处理, it sets no duty of its own.
@rule("art_034.p1.obstruction_by_others", Modality.VIOLATION, Role.OTHER, label=DEALT_WITH,
      when=OBSTRUCTION & true(m.confirmed) & (m.party == "其他单位和个人") & ((m.conduct == "拒绝") | (m.conduct == "阻碍")))
def obstruction_by_others(f: Fact) -> Outcome:
    """其他单位和个人阻挠、妨碍行政执法监督工作经查属实的，认定根据情节对有关责任人员依纪依法予以处理；构成犯罪的，依法追究刑事责任。"""
    return Outcome(f"{f['actor']}{f['conduct']}行政执法监督工作，应当根据情节对有关责任人员依纪依法予以处理；构成犯罪的，依法追究刑事责任。")
