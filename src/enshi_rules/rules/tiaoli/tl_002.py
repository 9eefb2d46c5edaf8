"""《行政执法监督条例》第二条　县级以上人民政府依法对本级人民政府所属部门、派出机关和下级人民政府以及法律法规授权的
具有管理公共事务职能的组织的行政执法工作开展的行政系统内部监督，适用本条例。

(verified excerpt; 国务院令第825号, 自2026年2月1日起施行, from the order's own publication line: the
article that says so, probably 第四十四条, was not obtained and is not cited.)

When the 条例 reaches a matter (T-1, "程序从新" as the measures' 第三十五条 is read, A35-1): the
条例 is, like the measures, a set of procedural rules of supervision, so it applies from 2026-02-01
to every dated step of the procedure taken on or after that day (the steps of ``_derive._steps``:
never a discovery date, never the date of the act supervised). A matter with such a step gets
``applies``, an applicability note saying the 条例 is the higher law, which of its articles are
encoded, and that the rest of it must be checked by hand; where the procedure began earlier the
note says the earlier steps are not judged under the 条例. A matter whose every step is earlier is
not touched: its report is what it was.

法律法规授权的组织 (T-2): a 县级以上人民政府 (or its 司法行政部门, which 第六条第一款 makes the
government's supervision body) supervising such an organisation in its area is supervision this
article names. The measures' 第三条第一款 does not list it; under the higher law it is not "无权监督":
``_derive`` gives the relation ``tiaoli_authorised`` (no 第三条 finding) and
``authorised_organisation`` notes it. Whose procedure then governs is not in the excerpts: the
measures' procedure (第二十一、二十二条, 第二十六至三十条) is written for 政府和部门 (their 第三条
第三款), and the 条例's own (第七条至第三十七条第一款) was not obtained. So the procedure is not
judged (the note halts it, as 第三条 does, and says it is for a person to judge under the 条例);
the conduct a halt never stops (on-site conduct, obstruction, complaints, clues, misconduct,
liabilities) is judged as always. A false 【违反】 of a 30-day period that may not bind the
organisation would cost more than the silence. Where the procedure began before 2026-02-01, whether
those earlier steps were within power is left to a person (the note says so).

The measures' periods under the higher law (T-8): the 条例's own procedure (第七条至第三十七条第一款:
程序、期限、文书) was not obtained. For a matter it reaches, the measures' findings that rest on a
period (第二十七条 十日、十五日、三十日, 第二十八条第二款 三十日, and what 第二十八条第一款 draws from
the thirty days) are still made, as the measures give them, but on the stated premise that those
articles do not provide otherwise: the note says so in one sentence and those findings name it as
the open question they depend on (``depends_on``: ``tl_002.p1.applies``). Their certainty is not
changed: the premise is the same for every finding of the kind and is said once, not turned into a
"possible" on each. Unlike 法律法规授权的组织 (T-2), where whether the measures' procedure reaches the
organisation at all is in doubt and the procedure is not judged, here the measures do bind the
organs (their 第三条第三款) and only a different rule of the higher law could displace a period.

The interpretive choices above are registered for legal review as T-1, T-2, T-3, T-8, E-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from datetime import date

from ..._engine.rulebook import HUMAN_JUDGMENT, Fact, Modality, Outcome, Role, Stage, false, m, rule, true, zh_date
from ..._law.text import TIAOLI
from ...facts import Organ, OrganKind, OrganLevel
from ..kinds import RELATION, TIAOLI_MATTER

#: 施行日期 (国务院令第825号: 自2026年2月1日起施行).
IN_FORCE: date = TIAOLI.in_force
#: The same day as the engine compares it (an ordinal).
IN_FORCE_DAY = IN_FORCE.toordinal()

#: The articles of the 条例 whose rules exist, as the applicability note names them.
ENCODED_ZH = "第二条、第三十九条、第四十条、第四十二条"

#: Levels of government that are 县级以上人民政府 among the organs of the registry.
COUNTY_OR_ABOVE = (OrganLevel.PREFECTURE, OrganLevel.COUNTY)


def reaches(last_step: int | None) -> bool:
    """Whether the 条例 reaches a matter: a dated step on or after 2026-02-01 (T-1)."""
    return last_step is not None and last_step >= IN_FORCE_DAY


def government_acting(sup: Organ, organs: dict[str, Organ]) -> Organ | None:
    """The 县级以上人民政府 whose supervision ``sup`` carries out: itself, or the government whose
    司法行政部门 it is (第六条第一款: 代表本级人民政府承担行政执法监督具体事务; T-3)."""
    gov = sup if sup.kind is OrganKind.GOVERNMENT else None
    if sup.kind is OrganKind.JUSTICE and sup.parent in organs and organs[sup.parent].kind is OrganKind.GOVERNMENT:
        gov = organs[sup.parent]
    return gov if gov is not None and gov.level in COUNTY_OR_ABOVE else None


def in_area(gov: Organ, sub: Organ) -> bool:
    """Whether ``sub`` serves an area within the government's (region codes: a county by its own code,
    the prefecture by its first four digits)."""
    if gov.level is OrganLevel.PREFECTURE:
        return sub.region[:4] == gov.region[:4]
    return sub.region == gov.region


def supervises_authorised_organisation(sup: Organ, sub: Organ, organs: dict[str, Organ], last_step: int | None) -> bool:
    """第二条 (T-2): a 县级以上人民政府, or its 司法局, over a 法律法规授权的组织 in its area, in a matter
    the 条例 reaches."""
    gov = government_acting(sup, organs)
    return (
        reaches(last_step)
        and sub.kind is OrganKind.AUTHORISED_ORGANISATION
        and gov is not None
        and in_area(gov, sub)
    )


#: The note on annual duties of a year the 条例 is in force in (T-10).
ANNUAL = "tl_002.p1.annual_duties"
#: Why applicability cannot be said for such duties (the header line; T-10).
ANNUAL_ZH = (
    f"案件记录的年度职责有在《行政执法监督条例》施行（{zh_date(IN_FORCE)}）之后结束的年度；已核对的节录中没有关于权责清单、"
    "年度工作计划、案卷评查、考核评议的规定，这些年度职责是否另受条例规定不能确定，须对照条例全文人工核对。"
)

#: Why the 条例 does not apply, or cannot be said to, when no note of it speaks (the report's
#: ``applicability.tiaoli``; T-1).
NOT_REACHED_ZH = f"本次监督没有{zh_date(IN_FORCE)}以后（含当日）的程序步骤，《行政执法监督条例》不适用（程序从新，T-1）。"
SPECIAL_ZH = "本次监督是第二条第二款所列的专门监督，依其自身的法律规定，不适用《行政执法监督条例》的行政系统内部监督（T-1）。"
UNDATED_ZH = (
    f"本次监督没有任何有日期的程序步骤，不能确定是否在{zh_date(IN_FORCE)}以后有步骤，是否适用《行政执法监督条例》不能确定；"
    "记录启动监督程序的日期（supervision.started_on）即可确定。"
)
UNCERTAIN_ZH = (
    f"本次监督只在部分可能的日期下有{zh_date(IN_FORCE)}以后（含当日）的程序步骤（日期只知月份、年份，或者记录为已做但日期不详），"
    "是否适用《行政执法监督条例》不能确定；记录确切的日期即可确定。"
)
#: The note that says the 条例 applies.
APPLIES = "tl_002.p1.applies"
#: The notes of a matter the 条例 reaches that say how it reaches it (T-9), each with whether the
#: 条例 applies (``True``) or whether it does cannot be said from the excerpts (``None``): the
#: report's ``applicability.tiaoli`` and the header line follow them, as the notes say.
NOT_GOVERNMENT = "tl_002.p1.not_government_supervision"
DEPARTMENT_OWN_BODY = "tl_042.p1.department_own_body"
DEPARTMENT_GUIDANCE = "tl_042.p3.department_guidance"
LOCAL_OVER_VERTICAL = "tl_042.p2.local_government_supervision"
SPEAKING_NOTES: dict[str, bool | None] = {
    APPLIES: True, DEPARTMENT_OWN_BODY: True, DEPARTMENT_GUIDANCE: True, NOT_GOVERNMENT: None, LOCAL_OVER_VERTICAL: True,
    ANNUAL: None,
}
#: Why applicability cannot be said when the supervisor is not a government (T-9).
NOT_GOVERNMENT_ZH = (
    "监督机关不是县级以上人民政府或者其司法行政部门，本次监督不在条例第二条之内，已核对的节录（第四十二条第一款、第三款）也没有涵盖，"
    "是否适用《行政执法监督条例》不能确定，须对照条例全文人工核对。"
)

#: The measures' findings that rest on one of their periods (第二十七条第一款 十日、十五日, 第二款 三十日,
#: 第二十八条第二款 三十日) or on what 第二十八条第一款 draws from the thirty days (逾期未自行纠正): in a
#: matter the 条例 reaches they depend on its procedural articles, not obtained, not providing
#: otherwise (T-8).
MEASURES_PERIODS = (
    "art_027.p1.review_application.*", "art_027.p1.review.*", "art_027.p2.*", "art_028.p1.decision_*",
    "art_028.p2.execution_report.*",
)

#: The sentence of the applicability note that states that premise (T-8).
PERIODS_PREMISE_ZH = (
    "本办法规定的期限（第二十七条的十日、十五日、三十日，第二十八条第二款的三十日）及据此作出的认定，"
    "以条例第七条至第三十七条第一款（程序、期限等规定，未取得原文）未另作规定为前提，须对照条例全文核对；这些认定标明取决于本说明。"
)


#: A matter the 条例 reaches: a dated step on or after its 施行日期 (T-1).
REACHED_MATTER = TIAOLI_MATTER & (+m.last_step) & (m.last_step >= IN_FORCE_DAY)


# 《行政执法监督条例》第二条
# 县级以上人民政府依法对本级人民政府所属部门、派出机关和下级人民政府以及法律法规授权的具有管理公共事务职能的组织的
# 行政执法工作开展的行政系统内部监督，适用本条例。

@rule("tl_002.p1.applies", Modality.SHALL, Role.CASE, stage=Stage.APPLICABILITY, note=True,
      # a vertically managed body in the government's area is not a 所属部门 nor a 下级人民政府: 第二条 is
      # not what reaches it, 第四十二条第二款 is (tl_042.p2.local_government_supervision, T-5), and the
      # measures' periods do not apply to it (their 第二条第二款)
      when=REACHED_MATTER & true(m.by_government) & (false(m.vertical) | false(m.government_over_area)))
def applies(f: Fact) -> Outcome:
    """县级以上人民政府（或者其司法行政部门）的监督在2026年2月1日以后（含当日）有步骤的，提示《行政执法监督条例》是上位法、适用于此后的步骤，本库只编码了其已核对的节录，其他规定（程序、期限、文书等）须人工核对。"""
    earlier = (
        f"本次监督最早记录的步骤在{f.zh('first_step')}，早于条例施行日期；施行之前的步骤不依条例认定（程序从新）。"
        if f["first_step"] < IN_FORCE_DAY
        else ""
    )
    return Outcome(
        f"本次监督在{zh_date(IN_FORCE)}以后有步骤（最后记录的步骤在{f.zh('last_step')}），"
        f"《行政执法监督条例》（国务院令第825号，{zh_date(IN_FORCE)}起施行）适用；它是行政法规，位阶高于本办法，"
        f"本办法与之不一致的，以条例为准。{earlier}本库只编码了条例已核对原文的节录（{ENCODED_ZH}），"
        "条例的其他规定（监督程序、期限、文书等）须对照条例全文人工核对。" + PERIODS_PREMISE_ZH,
        leaves_open=MEASURES_PERIODS,
    )


#: 设区的市级以上人民政府部门对下级人民政府相应部门 (州 department over the county department of its
#: system): 第四十二条第三款 speaks to it (tl_042.p3.department_guidance, T-7).
PREFECTURE_OVER_COUNTY_DEPARTMENT = (
    (m.relation == "own_system")
    & (m.supervisor_level == OrganLevel.PREFECTURE.value)
    & (m.supervised_level == OrganLevel.COUNTY.value)
)


# Supervision by an organ that is not a 县级以上人民政府 nor its 司法局 (a department over its system, a
# department's 法制机构, a 行业监督 of a township ...) is not the supervision this article names; where
# 第四十二条第一款 or 第三款 speaks to it, those notes say so (tl_042); otherwise the excerpts say
# nothing of it and whether the 条例 applies is left to a person (T-9).
@rule("tl_002.p1.not_government_supervision", Modality.SHALL, Role.CASE, stage=Stage.APPLICABILITY, note=True, label=HUMAN_JUDGMENT,
      when=REACHED_MATTER & false(m.by_government) & false(m.own_body)
      & ((m.relation != "own_system") | (m.supervisor_level != OrganLevel.PREFECTURE.value)
         | (m.supervised_level != OrganLevel.COUNTY.value)))
def not_government_supervision(f: Fact) -> Outcome:
    """监督程序在2026年2月1日以后有步骤、而监督机关不是县级以上人民政府或者其司法行政部门的（且不属于条例第四十二条第一款、第三款所说的关系），提示本次监督不是条例第二条所说的监督，节录没有规定条例是否适用，须人工核对（T-9）。"""
    return Outcome(
        f"本次监督在{zh_date(IN_FORCE)}以后有步骤（最后记录的步骤在{f.zh('last_step')}）。条例第二条规定的是县级以上人民政府开展的行政系统内部监督；"
        f"{f['supervisor_name']}不是县级以上人民政府或者其司法行政部门，本次监督不在第二条之内，已核对的节录中第四十二条第一款"
        "（部门对所属机构、派出机构）、第三款（设区的市级以上人民政府部门对下级人民政府相应部门）也不涵盖这一监督关系。"
        "条例是否适用于本次监督、其程序规定（第七条至第三十七条第一款，未取得原文）有无不同，须对照条例全文人工核对；本办法照常认定。"
        + PERIODS_PREMISE_ZH,
        leaves_open=MEASURES_PERIODS,
    )


# the competence fact: the note halts the measures' procedure, which must come before it
@rule("tl_002.p1.authorised_organisation", Modality.MAY, Role.SUPERVISING, stage=Stage.APPLICABILITY, note=True,
      when=RELATION & (m.relation == "tiaoli_authorised"))
def authorised_organisation(f: Fact) -> Outcome:
    """县级以上人民政府（或者其司法行政部门）监督本行政区域内法律法规授权的具有管理公共事务职能的组织的，确认属于条例第二条规定的行政执法监督，不认定为无权监督；监督程序适用的规定（本办法的程序针对政府和部门，条例的程序规定未取得原文）须人工判断，本次监督程序中的事项不作认定，现场监督、投诉举报、线索移送和有关人员的行为仍予认定。"""
    acting = f"（由其司法行政部门{f['supervisor_name']}承担监督具体事务）" if f["acting_for_government"] else ""
    earlier = (
        f"2026年2月1日以前的步骤（最早在{f.zh('first_step')}）是否属于有权监督，须人工判断。"
        if f["first_step"] < IN_FORCE_DAY
        else ""
    )
    return Outcome(
        f"{f['government_name']}{acting}对{f['supervised_name']}（法律法规授权的具有管理公共事务职能的组织）的监督，"
        "属于条例第二条规定的县级以上人民政府对法律法规授权的组织的行政执法工作开展的行政系统内部监督。"
        "本办法第三条第一款虽未列举这一关系，但依上位法不认定为无权监督。" + earlier
        + "本办法的监督程序是为政府和部门规定的（第三条第三款），条例的程序规定（第七条至第三十七条第一款）未取得原文："
        "本次监督程序中的事项（第二十一条、第二十二条、第二十六条至第三十条）不作认定，须依条例人工判断；"
        "现场监督、投诉举报、问题线索移送以及有关人员的行为和责任仍予认定。",
        halts=True,
    )


# Annual duties (the measures' 第十五条、第十八条、第十九条) of a year in which the 条例 is in force, in a
# case without a procedural step on or after 2026-02-01 (T-10): what the excerpts support is only that
# the 条例 is the higher law in force in that year and that they contain nothing on these duties
# (权责清单、年度工作计划、案卷评查、考核评议 would be among 第七条至第三十七条第一款, not obtained). The
# supervision relation itself is named where 第四十二条第三款 speaks to it (a 州 department over the
# county department of its system); nothing else is said, and no article is inferred.
@rule(ANNUAL, Modality.SHALL, Role.CASE, stage=Stage.APPLICABILITY, note=True, label=HUMAN_JUDGMENT,
      when=TIAOLI_MATTER & (-m.last_step) & (+m.annual_last_year))
def annual_duties(f: Fact) -> Outcome:
    """案件记录了《行政执法监督条例》施行之后结束的年度的年度职责、监督程序没有施行之后的步骤的，提示条例在该年度已施行、已核对的节录中没有关于这些年度职责的规定，须人工核对（T-10）。"""
    guidance = ""
    if (
        f["relation"] == "own_system"
        and f["supervisor_level"] == OrganLevel.PREFECTURE.value
        and f["supervised_level"] == OrganLevel.COUNTY.value
    ):
        guidance = (
            f"{f['supervisor_name']}对{f['supervised_name']}的监督是州人民政府工作部门对县（市）人民政府相应部门的本系统监督，"
            "条例第四十二条第三款规定为在本级人民政府行政执法监督机构的指导下、依照有关法律规定进行的督促指导。"
        )
    return Outcome(
        f"案件记录了{f['annual_last_year']}年度的年度职责（本办法第十五条、第十八条、第十九条），该年度内《行政执法监督条例》"
        f"（国务院令第825号，{zh_date(IN_FORCE)}起施行）已施行；它是行政法规，位阶高于本办法。已核对的节录中没有关于权责清单、"
        "年度行政执法监督工作计划、案卷评查、考核评议的规定（条例第七条至第三十七条第一款未取得原文），这些年度职责是否另受条例规定，"
        f"须对照条例全文人工核对；本办法照常认定。{guidance}"
    )
