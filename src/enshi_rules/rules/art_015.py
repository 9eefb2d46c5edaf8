"""第十五条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Judged per organ and year from ``annual_duties`` (the organ named there is the finding's subject);
see ``rules/_annual.py`` for how a year is judged. Interpretations:

* 权责清单 is a standing list: one made in an earlier year still counts for this year (made on or
  before 31 December of the year judged).
* 年度工作计划 is the plan of the year judged: a plan dated after the year ended is reported ``late``;
  a plan dated in an earlier year is still accepted (the record names the year it is for).

The interpretive choices above are registered for legal review as A15-1, A15-2, A15-3 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from ._annual import dated_duty

# 第十五条
# 行政执法监督机关应当制定行政执法监督权责清单，制定年度行政执法监督工作计划。

dated_duty(
    "art_015.p1.responsibility_list", done="list_on", document="行政执法监督权责清单",
    late=lambda f: f"至年度结束未制定行政执法监督权责清单，{f.zh('list_on')}才制定。",
)

dated_duty(
    "art_015.p1.annual_plan", done="plan_on", document="年度行政执法监督工作计划",
    late=lambda f: f"年度行政执法监督工作计划于{f.zh('plan_on')}才制定，已在该年度结束之后。",
)
