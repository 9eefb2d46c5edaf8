"""第三十三条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Each record of ``conduct`` names a person of the supervising organ (or of another organ named in
the record), the role and the behaviour; only a confirmed record (经调查属实) gives a finding, whose
subject is the person. 容错 (第三十二条第二款) is written for 行政执法人员 of the supervised side and
for losses from objective factors; 滥用职权、玩忽职守、徇私舞弊 are deliberate or culpable by
definition, so no exemption is offered here.

The interpretive choices above are registered for legal review as A33-1, A32-6, D-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule, true
from .art_032 import DEALT_WITH
from .kinds import MISCONDUCT

_CONFIRMED = MISCONDUCT & true(m.confirmed)


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
