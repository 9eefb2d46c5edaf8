"""第三十二条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Each record of ``liabilities`` names a person of the supervised organ, the role (直接负责的主管人员 or
其他直接责任人员) and the behaviour (第一款 item 1-7); only a record confirmed by the investigation
(经调查属实) gives a finding. The finding's subject is the person.

容错 (第二款) is an exception to 第一款 that leaves its trace (E-1): the 第一款 finding always fires
for a confirmed record, and when 容错 holds ``art_032.p2.tolerance`` (an ``exemption``) says that
the conditions of 第二款 hold, each with the record field that established it, that 容错 is for the
competent body to grant "按照有关规定和程序", and marks the 第一款 finding ``defeated_by`` itself. Its three conditions must each be *established* (``true``): 在依法
履职过程中; 由于客观因素或者难以预见情形; 已经按照职能分工、岗位职责和监督管理工作计划要求履行职责
("虽然造成一定损失或者不良影响" is a concession, not a condition). A condition disproved (``false``) or
not established (``null``) leaves the 第一款 finding in force, and its message says which condition
is missing.

Behaviours 容错 can never cover (the 第一款 finding is never defeated, whatever the 容错 record
says, and its message says why, citing A32-3):

* （二）粗暴、野蛮等不文明执法: the way of acting is itself the wrong; it is not a loss from objective
  factors and cannot be 依法履职.
* （四）不配合、不接受行政执法监督或者弄虚作假, （五）拒不执行行政执法监督决定: refusal and falsification
  are deliberate; "拒不" and "弄虚作假" exclude 客观因素或者难以预见情形.
* （六）利用行政执法职权谋取不正当利益: self-dealing is the opposite of 依法履职 and of performing duties
  according to the post; no loss here comes from objective factors.

Items （一）（三）（七） can be covered: an incorrect performance, an unlawful or clearly inappropriate
decision, or another unlawful act can result from objective factors or unforeseeable circumstances
while the officer acted lawfully and to plan (e.g. facts concealed by the party, a sudden change of
circumstances). A suspected crime (构成犯罪) is never covered: 容错 is granted "按照有关规定和程序" of
discipline and administration, and cannot set aside criminal law. Whether a crime is constituted is
for the judicial organs: ``art_032.p1.criminal_liability`` is a note (not a 【违反】) that the matter is
to be transferred according to law (A32-6), and the 第一款 finding stands.

第三十二条 is liability (实体), not procedure: it reaches conduct on or after 2025-03-01, the day the
measures took effect (第三十五条); A35-1's 程序从新 governs the steps of a supervision and does not
carry over to it. A record's ``acted_on`` gives the date of the conduct (a day, a month, a year, or
``done``; absent is ``done``). Conduct before that day gives no finding of 第一款 or 第二款, only the
note ``art_032.p1.conduct_before_commencement`` (dealt with under the rules in force at the time,
which this tool does not hold); a date that may fall on either side makes both possible (A32-7).

Interpretation: 容错 is written for 行政执法人员; a 直接负责的主管人员 who is an enforcement officer
may invoke it as well (the record says whether the conditions hold for that person).

The interpretive choices above are registered for legal review as A32-1, A32-2, A32-3, A32-4, A32-5,
A32-6, A32-7, D-2, E-1 in ``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.kinds import one_of, predicate
from .._engine.rulebook import Fact, Modality, Outcome, Role, exception, false, m, rule, true, zh_date
from .art_035 import COMMENCEMENT
from .kinds import LIABILITY

#: 第一款's behaviours, by item (filled by :func:`behaviour` below).
BEHAVIOURS: dict[int, tuple[str, str]] = {}

#: Behaviours 容错 can cover (see the module docstring for why the others never can).
TOLERABLE = (1, 3, 7)

#: How a finding of 第一款 reads (【应予处理】, never 【违反】): the clause does not set a duty the
#: person broke, it orders that the persons answerable for the conduct found 依纪依法予以处理.
DEALT_WITH = "应予处理"

#: 容错's conditions: fact property -> (record field, wording of 第二款).
CONDITIONS = {
    "lawful": ("lawful_performance", "在依法履职过程中"),
    "objective": ("objective_cause", "由于客观因素或者难以预见情形"),
    "performed": ("duties_performed", "已经按照职能分工、岗位职责和监督管理工作计划要求履行职责"),
}

#: The record fields of the three conditions, and their wording (for the missing facts, A32-2).
CONDITION_FIELDS = tuple(field for field, _ in CONDITIONS.values())
CONDITION_WORDS = {field: words for field, words in CONDITIONS.values()}

#: 第三十二条 is substantive liability: it reaches conduct on or after the day the measures took
#: effect (第三十五条), never earlier conduct (从旧; A35-1's 程序从新 is for procedure only) (A32-7).
_IN_FORCE = COMMENCEMENT.toordinal()
_CONFIRMED = LIABILITY & true(m.confirmed) & (m.acted >= _IN_FORCE)


def _mark(item: int) -> str:
    return "一二三四五六七"[item - 1]


def _tolerance_unknown(f: Fact, item: int) -> tuple[str, ...]:
    """容错 claimed for a behaviour it can cover, no condition disproved and at least one not recorded:
    whether 容错 holds cannot be determined, so the finding is only possible (A32-2), for this reason."""
    if not f["claimed"] or item not in TOLERABLE or f["crime"] or f["disproved"] or not f.get("unknown"):
        return ()
    words = "、".join(f"“{CONDITION_WORDS[k]}”" for k in f["unknown"])
    return (
        f"{f['person']}主张容错，第三十二条第二款的条件{words}未记录（记录“{f['refs'][0]}”）：容错是否成立不能确定，"
        "是否予以容错须查明后由有权机关按照有关规定和程序决定（A32-2）",
    )


def _tolerance_text(f: Fact, item: int) -> tuple[str, tuple[str, ...]]:
    """What the record's claim of 容错 comes to, and the register entry that says why."""
    if not f["claimed"]:
        return "", ()
    if item not in TOLERABLE:
        return f"主张容错不能成立：本项行为（{BEHAVIOURS[item][1]}）不属于可以容错的情形（A32-3）。", ("A32-3",)
    if f["crime"]:
        return "主张容错不能成立：涉嫌构成犯罪，不适用容错（A32-4）。", ("A32-4",)
    missing = [words for key, (field, words) in CONDITIONS.items() if not f[key]]
    if not missing:
        return "主张容错，第三十二条第二款的条件均已成立，见该款的认定；是否予以容错由有权机关按照有关规定和程序决定；本项认定保留。", ()
    disproved = {CONDITIONS[k][1] for k in CONDITIONS if CONDITIONS[k][0] in f["disproved"]}
    if not disproved:
        # nothing disproved, something not recorded: unknown reads as unknown, never as 不成立 (A32-2)
        return (
            "主张容错，第三十二条第二款的条件" + "、".join(f"“{w}”" for w in missing) + "未记录，容错是否成立不能确定；"
            "须查明该条件，是否予以容错由有权机关按照有关规定和程序决定（A32-2）。",
            ("A32-2",),
        )
    parts = [f"{w}（{'经查不成立' if w in disproved else '未能认定'}）" for w in missing]
    return "主张容错不能成立，不具备第三十二条第二款的条件：" + "；".join(parts) + "（A32-2）。", ("A32-2",)


def behaviour(item: int, name: str, text: str) -> None:
    """A behaviour of 第一款, confirmed by the investigation: the persons responsible are to be dealt
    with; 容错 (第二款) is an exception that defeats the finding, never a condition written here."""
    BEHAVIOURS[item] = (name, text)
    cover = "（容错成立的，本项认定保留并标明被第二款排除）" if item in TOLERABLE else "（不适用容错）"

    @rule(f"art_032.p1.i{item}.{name}", Modality.VIOLATION, Role.SUPERVISED, when=_CONFIRMED & (m.item == item), label=DEALT_WITH,
          summary=f"被监督机关工作人员有“{text}”行为、经调查属实的，认定对直接负责的主管人员和其他直接责任人员依纪依法予以处理{cover}。")
    def liability(f: Fact) -> Outcome:
        tail, why = _tolerance_text(f, item)
        return Outcome(f"经调查属实，{f['person']}（{f['role']}）有{text}的行为，应当根据情节依纪依法予以处理。" + tail, interpretations=why,
                       possible=_tolerance_unknown(f, item))


# 第三十二条第一款
# 被监督机关及其工作人员有下列行为之一的，根据情节对直接负责的主管人员和其他直接责任人员依纪依法予以处理；构成犯罪的，
# 依法追究刑事责任：

# A suspected crime is not a finding (A32-6): whether a crime is constituted is for the judicial
# organs ("构成犯罪的" is their conclusion, never the supervising organ's); the report notes that the
# matter is to be transferred according to law. The 第一款 finding on the record stands.
@rule("art_032.p1.criminal_liability", Modality.SHALL, Role.SUPERVISED, note=True, when=_CONFIRMED & true(m.crime))
def criminal_liability(f: Fact) -> Outcome:
    """第三十二条第一款所列行为涉嫌构成犯罪的，说明是否构成犯罪由司法机关依法认定、应当依法移送，不作违反认定（容错不适用）。"""
    return Outcome(
        f"{f['person']}（{f['role']}）的行为（记录“{f['refs'][0]}”）涉嫌构成犯罪：第三十二条第一款规定“构成犯罪的，依法追究刑事责任”，"
        "是否构成犯罪由司法机关依法认定，涉嫌犯罪的应当依法移送有关机关处理；本报告不作犯罪或者刑事责任的认定。容错不适用于涉嫌犯罪的行为（A32-4）。",
        interpretations=("A32-4", "A32-6"),
    )

# 第三十二条 is substantive (实体): it reaches conduct on or after 2025-03-01 (第三十五条), never
# earlier conduct; A35-1's 程序从新 is for the steps of a supervision, not for liability (A32-7).
# Conduct before that day gives no finding of 第一款 or 第二款 and no note of a crime under 第一款,
# only this note. A conduct date known only within an interval that straddles the day (a year, a
# month, done on a day not recorded) is judged at both ends: the finding and this note are then
# each "possible", with the date as their reason (IMP-1).
@rule("art_032.p1.conduct_before_commencement", Modality.SHALL, Role.SUPERVISED, note=True,
      when=LIABILITY & true(m.confirmed) & (m.acted < _IN_FORCE))
def conduct_before_commencement(f: Fact) -> Outcome:
    """被追究的行为发生在2025年3月1日本办法施行之前的，说明第三十二条（责任追究的实体规定）不适用于施行前的行为，不作第一款、第二款的认定，应当依行为发生时有效的规定处理。"""
    crime = (
        "记录涉嫌构成犯罪的，是否构成犯罪由司法机关依法认定，涉嫌犯罪的仍应依法移送有关机关，这不以本办法为依据。"
        if f["crime"] else ""
    )
    claimed = "记录主张容错的，也不依第三十二条第二款判断。" if f["claimed"] else ""
    return Outcome(
        f"{f['person']}（{f['role']}）被追究的行为（记录“{f['refs'][0]}”，{BEHAVIOURS[f['item']][1]}）发生在本办法施行日期"
        f"{zh_date(COMMENCEMENT)}之前（行为日期：{f.zh('acted')}）。第三十二条是责任追究的实体规定，不适用于本办法施行前的行为"
        "（实体从旧；第三十五条的“程序从新”只及于监督程序的步骤）：本报告不依第三十二条认定。" + claimed
        + "对该行为是否追究、如何处理，依行为发生时有效的法律、法规和纪律规定（例如《中华人民共和国公职人员政务处分法》、"
        "《行政机关公务员处分条例》等），本工具未收录这些规定，由有权机关依法判断。" + crime + "（A32-7）",
        interpretations=("A32-7",),
    )


# 第三十二条第一款第（一）项
# （一）不履行或者不正确履行行政执法职责的；
behaviour(1, "duty_not_performed", "不履行或者不正确履行行政执法职责")

# 第三十二条第一款第（二）项
# （二）粗暴、野蛮等不文明执法造成不良影响的；
behaviour(2, "uncivil_enforcement", "粗暴、野蛮等不文明执法造成不良影响")

# 第三十二条第一款第（三）项
# （三）执法主体、权限、程序不合法，执法决定不合法或者明显不当的；
behaviour(3, "unlawful_enforcement", "执法主体、权限、程序不合法，执法决定不合法或者明显不当")

# 第三十二条第一款第（四）项
# （四）不配合、不接受行政执法监督或者弄虚作假的；
behaviour(4, "obstructed_supervision", "不配合、不接受行政执法监督或者弄虚作假")

# 第三十二条第一款第（五）项
# （五）拒不执行行政执法监督决定的；
behaviour(5, "refused_decision", "拒不执行行政执法监督决定")

# 第三十二条第一款第（六）项
# （六）利用行政执法职权谋取不正当利益的；
behaviour(6, "improper_gain", "利用行政执法职权谋取不正当利益")

# 第三十二条第一款第（七）项
# （七）其他违法或者不当的行政执法行为。
behaviour(7, "other_unlawful_act", "其他违法或者不当的行政执法行为")

# 第三十二条第二款
# 行政执法人员在依法履职过程中，由于客观因素或者难以预见情形虽然造成一定损失或者不良影响，但是已经按照职能分工、岗位职
# 责和监督管理工作计划要求履行职责的，按照有关规定和程序予以容错。

#: The three conditions of 第二款, each established (true) on the record; never for a suspected crime (A32-2, A32-4).
tolerance_holds = predicate(
    "tolerance_holds", true(m.claimed) & true(m.lawful) & true(m.objective) & true(m.performed) & false(m.crime),
    kinds=(LIABILITY,), cites="第三十二条第二款", interpretations=("A32-2", "A32-4"),
)
#: The behaviours of 第一款 容错 can cover: （一）（三）（七） (A32-3).
tolerable_behaviour = predicate(
    "tolerable_behaviour", one_of(m.item, TOLERABLE),
    kinds=(LIABILITY,), cites="第三十二条第二款", interpretations=("A32-3",),
)


# 容错, an exception to 第一款 that leaves its trace (E-1): the 第一款 finding on the same record
# stays in the report, marked ``defeated_by`` this rule.
@exception("art_032.p2.tolerance", Role.SUPERVISED, when=_CONFIRMED & tolerable_behaviour & tolerance_holds, defeats=("art_032.p1.i*",))
def tolerance(f: Fact) -> str:
    """第三十二条第一款第（一）（三）（七）项行为同时具备依法履职、客观因素或难以预见情形、已按职能分工岗位职责和工作计划履职三项条件的，认定具备第二款的条件，由有权机关按照有关规定和程序决定是否予以容错；第一款的认定保留，标明被本款排除。"""
    item = f["item"]
    record = f["refs"][0]
    held = "；".join(
        f"（{n}）{words}——记录“{record}”载明该项经认定成立"
        for n, (_field, words) in zip("一二三", CONDITIONS.values())
    )
    return (
        f"{f['person']}（{f['role']}）有{BEHAVIOURS[item][1]}的情形（第三十二条第一款第（{_mark(item)}）项），"
        f"第三十二条第二款的条件均已成立：{held}。是否予以容错，由有权机关按照有关规定和程序决定（A32-2）；"
        f"第一款第（{_mark(item)}）项的认定保留在报告中，该行为仍然可见。"
    )
