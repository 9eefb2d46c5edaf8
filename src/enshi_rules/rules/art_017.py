"""第十七条 of the measures: the text of each 款/项 stands right above the rules that encode it.

A permission (可以): reported as ``may`` for each recorded inspection (监督检查), never as a duty; not for an organ without competence (A03-5: the fact then carries ``halted``).

The interpretive choices above are registered for legal review as M-1 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule
from .kinds import INSPECTION


# 第十七条
# 行政执法监督机关可以组织开展相关领域法律、法规、规章和行政执法重要制度实施情况等行政执法监督检查。

@rule("art_017.p1.inspection", Modality.MAY, Role.SUPERVISING, when=INSPECTION & (-m.halted))
def inspection(f: Fact) -> Outcome:
    """监督机关组织开展行政执法监督检查的，认定属于第十七条许可的监督方式。"""
    return Outcome(f"监督机关以{f['record']}组织开展行政执法监督检查，属于可以采取的监督方式。")
