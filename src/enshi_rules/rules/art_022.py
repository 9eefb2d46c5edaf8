"""第二十二条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Each record of ``major_decisions`` is one 重大行政执法决定 of the supervised organ. Interpretations:

* A decision not filed: the supervising organ shall supervise the filing (``filing_to_supervise``);
  the failure to file is the supervised organ's failure to implement the 备案制度 of 第十二条第（一）项
  and is recorded there as a deficiency when confirmed.
* A filed decision shall be reviewed for legality and appropriateness; no time limit is set, so a
  review not yet done is an outstanding duty (``shall``). A review finding it 不合法 or 明显不当 is
  the situation of 第二十六条第（二）项; the message says so (record it as a situation to start the
  procedure).

The interpretive choices above are registered for legal review as A22-1, A22-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule
from .kinds import MAJOR_DECISION

_MD = MAJOR_DECISION


def _which(f: Fact) -> str:
    """The decision by its number (and date when known), so two decisions of a case are told apart."""
    made = f"（{f.zh('made')}作出）" if f.get("made") is not None else ""
    return f"重大行政执法决定“{f['refs'][0]}”{made}"


# 第二十二条
# 行政执法监督机关应当对被监督机关重大行政执法决定的备案情况进行监督，对备案的重大行政执法决定进行合法性、适当性审查。

@rule("art_022.p1.filing_to_supervise", Modality.SHALL, Role.SUPERVISING, when=_MD & (-m.filed))
def filing_to_supervise(f: Fact) -> Outcome:
    """被监督机关的重大行政执法决定未备案的，认定监督机关应当对其备案情况进行监督。"""
    return Outcome(f"被监督机关的{_which(f)}未备案，监督机关应当对其备案情况进行监督（未备案属于第十二条第（一）项备案制度未落实）。")


@rule("art_022.p1.review_required", Modality.SHALL, Role.SUPERVISING, when=_MD & (+m.filed) & (-m.reviewed))
def review_required(f: Fact) -> Outcome:
    """已备案的重大行政执法决定尚未审查的，认定监督机关应当进行合法性、适当性审查。"""
    return Outcome(f"被监督机关于{f.zh('filed')}备案的{_which(f)}，监督机关应当进行合法性、适当性审查；尚未审查。")


@rule("art_022.p1.reviewed", Modality.SHALL, Role.SUPERVISING, when=_MD & (+m.filed) & (+m.reviewed))
def reviewed(f: Fact) -> Outcome:
    """已备案的重大行政执法决定已进行合法性、适当性审查的，认定该项义务已履行。"""
    tail = "" if f["result"] == "合法适当" else "，属于第二十六条第（二）项“行政执法决定不合法或者明显不当”的情形"
    return Outcome(
        f"监督机关已于{f.zh('reviewed')}对被监督机关备案的{_which(f)}进行合法性、适当性审查，结论为{f['result']}{tail}。",
        performed=True,
    )
