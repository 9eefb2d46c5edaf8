"""第二十三条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Permissions (可以): each measure an inspection records (``inspections[].measures``) is reported as
``may`` under its item, unless the organ acting has no competence (A03-5: the facts then carry
``halted``; a measure of an organ without competence is no permitted measure). What a measure requires beyond this article (e.g. the 法定条件 of an
organisation entrusted under （四）) is outside these measures.

The interpretive choices above are registered for legal review as M-1 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Role, m, rule
from .kinds import MEASURE

MEASURES: dict[int, tuple[str, str]] = {}


def measure(item: int, name: str, text: str) -> None:
    """Declare the rule of a measure 第二十三条 lets the supervising organ take."""
    MEASURES[item] = (name, text)

    @rule(f"art_023.p1.i{item}.{name}", Modality.MAY, Role.SUPERVISING, when=MEASURE & (m.item == item) & (-m.halted),
          summary=f"监督机关采取“{text}”措施的，认定属于第二十三条许可的监督措施。")
    def build(f: Fact) -> str:
        return f"监督机关在{f['record']}中采取了“{text}”的监督措施，属于可以采取的措施。"


# 第二十三条
# 行政执法监督机关可以采取下列措施开展行政执法监督活动：

# 第二十三条第（一）项
# （一）听取被监督机关有关行政执法情况的说明；
measure(1, "hear_explanation", "听取被监督机关有关行政执法情况的说明")

# 第二十三条第（二）项
# （二）查阅、复制、调取行政执法案卷以及其他有关材料；
measure(2, "examine_files", "查阅、复制、调取行政执法案卷以及其他有关材料")

# 第二十三条第（三）项
# （三）组织实地调查、勘验，进行必要的录音、录像、拍照等；
measure(3, "site_investigation", "组织实地调查、勘验，进行必要的录音、录像、拍照等")

# 第二十三条第（四）项
# （四）委托符合法定条件的社会组织鉴定、评估、检测、勘验等；
measure(4, "entrust_appraisal", "委托符合法定条件的社会组织鉴定、评估、检测、勘验等")

# 第二十三条第（五）项
# （五）询问被监督机关有关工作人员、行政相对人和其他有关人员；
measure(5, "question_persons", "询问被监督机关有关工作人员、行政相对人和其他有关人员")

# 第二十三条第（六）项
# （六）组织召开座谈会、论证会等；
measure(6, "hold_meetings", "组织召开座谈会、论证会等")

# 第二十三条第（七）项
# （七）其他依法可以采取的监督措施。
measure(7, "other_measure", "其他依法可以采取的监督措施")
