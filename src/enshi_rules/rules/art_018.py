"""第十八条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Judged per organ and year from ``annual_duties.case_file_reviews`` (dates within the year; see
``rules/_annual.py``). What a review must examine (文书、证据; 合法、适当) is its content, which a
count cannot show; the record of a review is taken to be a review of that content.

The interpretive choices above are registered for legal review as A15-1, A15-5, A18-1 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from ._annual import counted_duty

# 第十八条
# 行政执法监督机关应当每年至少组织一次行政执法案卷评查，评查行政执法文书和证据等材料是否真实、规范、完整，评判行政执法
# 行为是否合法、适当。

counted_duty("art_018.p1.case_file_review", count="reviews", activity="行政执法案卷评查")
