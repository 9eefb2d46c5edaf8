"""第十五条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Judged per organ and year from ``annual_duties`` (the organ named there is the finding's subject).
Interpretations:

* 权责清单 is a standing list with no period: "年度" qualifies only the work plan. The duty to make it
  has no time limit, so, as for 第十、二十六、三十一条, nothing is ever judged late: made (in the
  year judged, before it, or after it, or recorded in the organ's record of an earlier year), the
  duty is performed; not made, it is an outstanding 应当, never a 【违反】 (A15-2). A record silent on
  the list, with no earlier year's list, gives that one 应当 as possible, with the reason (A15-6).
* 年度工作计划 is the plan of the year judged (``rules/_annual.py``): a plan dated after the year ended
  is reported ``late``; a plan dated in an earlier year is still accepted (the record names the
  year it is for).
* A government's list or plan made by its 司法行政部门 is the government's (第五条第一款, A15-5).
* A record silent on the list or the plan does not say they were not made: absent is judged as
  unknown, so a finding that depends on it is only possible (A15-6); ``not_done`` says not made.

The interpretive choices above are registered for legal review as A15-1, A15-2, A15-3, A15-5, A15-6 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule
from ._annual import DELEGATION, dated_duty
from .kinds import ANNUAL

# 第十五条
# 行政执法监督机关应当制定行政执法监督权责清单，制定年度行政执法监督工作计划。

# 应当制定行政执法监督权责清单: a duty without a time limit (A15-2); a government's list made by its
# 司法行政部门 is the government's (第五条第一款, A15-5).
@rule("art_015.p1.responsibility_list.required", Modality.SHALL, Role.SUPERVISING,
      when=ANNUAL & (-m.list_on) & (-m.justice_list_on) & (-m.earlier_list_on))
def responsibility_list_required(f: Fact) -> Outcome:
    """尚未制定行政执法监督权责清单（本年度和以前年度的记录都没有已制定的）的，认定应当制定；第十五条对权责清单没有规定期限（“年度”只修饰工作计划），不认定逾期；记录未载明是否已经制定的，只是可能，写明原因（A15-6）。"""
    silent = bool(f.get("list_unrecorded") or f.get("justice_list_unrecorded"))
    said = "记录未载明是否已经制定" if silent else "记录未显示已经制定"
    why = (
        f"{f['subject_name']}{f['year']}年度的记录"
        + ("" if "list_unrecorded" in f else f"写明未制定，{f.get('by_justice', '')}同一年度的记录")
        + "未载明行政执法监督权责清单是否已经制定，以前年度的记录也没有已制定的日期；是否已经制定须查明（A15-2、A15-6）"
    ) if silent else None
    return Outcome(
        f"{f['year']}年度：应当制定行政执法监督权责清单；{said}。"
        "第十五条对权责清单没有规定期限（“年度”只限定工作计划），不认定逾期（A15-2）。",
        possible=(why,) if why else (),
        interpretations=("A15-6",) if why else (),
    )


@rule("art_015.p1.responsibility_list.made", Modality.SHALL, Role.SUPERVISING, performed=True,
      when=ANNUAL & ((+m.list_on) | (+m.justice_list_on) | (+m.earlier_list_on)))
def responsibility_list_made(f: Fact) -> str:
    """已制定行政执法监督权责清单的（人民政府的，包括其司法行政部门制定的；以前年度的记录载明已制定的，权责清单是常设清单，仍然有效），认定该项义务已履行，无论在所判断年度之内、之前还是之后制定（没有期限）。"""
    if "list_on" not in f and "justice_list_on" not in f:
        return (
            f"{f['year']}年度：已于{f.zh('earlier_list_on')}制定行政执法监督权责清单（见{f['earlier_list_year']}年度的记录）；"
            "权责清单是常设清单，以前年度制定的继续有效，不需每年重新制定（A15-2）。"
        )
    key = "list_on" if "list_on" in f else "justice_list_on"
    by = "" if key == "list_on" else f"由{f['by_justice']}"
    after = (
        "；制定于该年度结束之后，第十五条对权责清单没有规定期限，不认定逾期（A15-2）"
        if f[key] > f["year_end"] else ""
    )
    tail = "" if key == "list_on" else DELEGATION
    return f"{f['year']}年度：{by}已于{f.zh(key)}制定行政执法监督权责清单{tail}{after}。"


dated_duty(
    "art_015.p1.annual_plan", done="plan_on", document="年度行政执法监督工作计划",
    late=lambda f, key: f"年度行政执法监督工作计划于{f.zh(key)}才制定，已在该年度结束之后。",
)
