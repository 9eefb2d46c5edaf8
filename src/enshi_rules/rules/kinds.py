"""The facts the rules see: every engine fact kind, declared once.

Each kind names its properties, the type of each (``day`` an ordinal date, ``flag``, ``count``,
``code`` from a closed vocabulary, ``text`` and ``names`` for messages) and the case field it comes
from. Derivation (``enshi_rules._derive``) produces instances of these kinds and nothing
else, and a rule's condition may test only what its kind declares (``enshi_rules._engine.kinds``). The
named predicates over these properties are declared beside the article that gives them their
meaning (``timely_objection`` in ``art_027.py``). Properties every kind carries (``as_of``, ``refs``,
``working_days``, ``subject_name``/``subject_id``, ``halted``) are in ``_engine.kinds.COMMON``.

A property absent from a fact is how the rules test "not done" or "not recorded" (``-m.done``).
"""

from __future__ import annotations

from .._engine.kinds import Kind, code, count, day, flag, names, text

__all__ = [
    "ANNUAL", "CASE", "CLUE", "COMPLAINT", "DEFICIENCY", "DISPUTE", "EXECUTION", "FOLLOWUP", "INSPECTION",
    "LETTER", "LIABILITY", "MAJOR_DECISION", "MEASURE", "MISCONDUCT", "OBJECTION", "OBSTRUCTION",
    "PRE_COMMENCEMENT", "RECTIFICATION", "RECTIFICATION_OUTCOME", "RELATION", "REVIEW", "SITUATION",
    "TRADE_SUPERVISION_ACT",
]

# ---------------------------------------------------------------- the matter: scope and competence

CASE = Kind(
    "case", "本次监督事项（第二条、第三条第二款、第三十五条）",
    region=code("organs[].region", "the region of the organ outside the prefecture, else of the supervised organ"),
    region_prefecture=code("organs[].region", "its prefecture code"),
    organ_outside_name=text("organs[].name"),
    vertical=flag("organs[supervised_organ].vertically_managed"),
    special=code("special_supervision"),
    started=day("supervision.started_on"),
    first_step=day("derived: the earliest dated step of the matter (第三十五条, A35-1)"),
    last_step=day("derived: the latest dated step of the matter"),
    action_region=code("enforcement_action.region"),
    action_prefecture=code("enforcement_action.region"),
    activity=code("enforcement_action.kind"),
)

RELATION = Kind(
    "relation", "监督机关与被监督机关的关系（第三条第一款、第五条、第六条第一款）",
    relation=code("derived: rules/competence.py relation_between (第三、五、六条)"),
    via=code("derived: the relation a 司法局 or 法制机构 acts on (第五条第一、二款)"),
    supervisor_kind=code("organs[supervising_organ].kind"),
    supervised_kind=code("organs[supervised_organ].kind"),
    supervisor_name=text("organs[supervising_organ].name"),
    supervised_name=text("organs[supervised_organ].name"),
    designated_by=code("designation.designated_by"),
    designator_name=text("organs[designation.designated_by].name"),
    designator_relation=code("derived: rules/competence.py designation_basis (第六条第一款)"),
    trade=code("enforcement_action.system"),
)

PRE_COMMENCEMENT = Kind(
    "pre_commencement", "本办法施行前的程序步骤（第三十五条）",
    what=text("derived: the step not judged"),
    start=day("the step's date"),
)

# ---------------------------------------------------------------- the procedure (第二十六条至第三十条)

SITUATION = Kind(
    "situation", "第二十六条所列情形",
    item=count("supervision.situations[].item"),
    confirmed=flag("supervision.situations[].confirmed"),
    letter=day("supervision.suggestion_letter.issued_on"),
    provision=text("supervision.situations[].provision"),
    content=text("derived by 第十二条至第十四条: the 监督内容 a deficiency was found under"),
)

DEFICIENCY = Kind(
    "deficiency", "第十二条至第十四条监督内容下发现的问题",
    article=count("supervision.deficiencies[].article"),
    item=count("supervision.deficiencies[].item"),
    confirmed=flag("supervision.deficiencies[].confirmed"),
    description=text("supervision.deficiencies[].description"),
    provision=text("supervision.deficiencies[].provision"),
    found=day("supervision.deficiencies[].found_on"),
    letter=day("supervision.suggestion_letter.issued_on"),
    letter_id=code("supervision.suggestion_letter.id"),
)

LETTER = Kind(
    "letter", "《行政执法监督建议书》（第二十六条）",
    issued=day("supervision.suggestion_letter.issued_on"),
    grounds=count("derived: confirmed situations and deficiencies a letter can rest on"),
    undetermined=count("derived: confirmed grounds of 第（六）项 without the provision violated (A26-4)"),
    recorded=count("derived: situations and deficiencies recorded"),
)

OBJECTION = Kind(
    "objection", "申请复查的期间（第二十七条第一款）",
    received=day("supervision.suggestion_letter.received_on"),
    window_due=day("derived: received + 十日 (第二十七条第一款)"),
    filed=day("supervision.objection.filed_on (posted_on under the time-in-post policy)"),
)

REVIEW = Kind(
    "review", "复查申请及其答复（第二十七条第一款）",
    received=day("supervision.objection.filed_on"),
    due=day("derived: received + 十五日 (第二十七条第一款)"),
    filed=day("supervision.objection.filed_on (posted_on under the time-in-post policy)"),
    window_due=day("derived: the letter's receipt + 十日"),
    answered=day("supervision.review_answer.answered_on"),
    upheld=flag("supervision.review_answer.objection_upheld"),
    decision_issued=day("supervision.decision_letter.issued_on"),
)

RECTIFICATION = Kind(
    "rectification", "整改及报送整改情况（第二十七条第二款）",
    letter_received=day("supervision.suggestion_letter.received_on"),
    letter_due=day("derived: letter_received + 三十日"),
    window_due=day("derived: letter_received + 十日"),
    filed=day("supervision.objection.filed_on"),
    upheld=flag("supervision.review_answer.objection_upheld"),
    answer_received=day("supervision.review_answer.received_on"),
    answer_due=day("derived: answer_received + 三十日"),
    done=day("supervision.rectification_report.submitted_on (posted_on under the time-in-post policy)"),
    decision_issued=day("supervision.decision_letter.issued_on"),
    letter_days=count("supervision.suggestion_letter.rectification_days"),
    no_decision_power=flag("derived: the supervisor's relation is 第五条第三款 行业监督 (A05-6)"),
)

RECTIFICATION_OUTCOME = Kind(
    "rectification_outcome", "第二十七条第二款整改期限的结果（由第二十七条的规则导出，供第二十八条）",
    status=code("derived by art_027.p2.*: the DeadlineStatus of the rectification"),
    due=day("derived by art_027.p2.*: the last day of the rectification period"),
    decision_issued=day("supervision.decision_letter.issued_on"),
    no_decision_power=flag("derived: 第五条第三款 行业监督 (A05-6)"),
)

EXECUTION = Kind(
    "execution", "执行情况报告（第二十八条第二款）",
    received=day("supervision.decision_letter.received_on"),
    due=day("derived: received + 三十日"),
    done=day("supervision.execution_report.submitted_on (posted_on under the time-in-post policy)"),
    filed=day("supervision.objection.filed_on"),
    window_due=day("derived: the letter's receipt + 十日"),
    upheld=flag("supervision.review_answer.objection_upheld"),
)

TRADE_SUPERVISION_ACT = Kind(
    "trade_supervision_act", "行业监督的部门作出的决定书或者约谈（第五条第三款，A05-6）",
    act=code("derived: decision | interview"),
    on=day("supervision.decision_letter.issued_on | supervision.head_interviewed_on"),
    supervisor_name=text("organs[supervising_organ].name"),
    supervised_name=text("organs[supervised_organ].name"),
    competent_name=text("derived: the county government (or its 司法局) in the organ tree"),
)

MAJOR_DECISION = Kind(
    "major_decision", "重大行政执法决定（第二十二条）",
    made=day("major_decisions[].made_on"),
    filed=day("major_decisions[].filed_on"),
    reviewed=day("major_decisions[].reviewed_on"),
    result=code("major_decisions[].review_result"),
)

FOLLOWUP = Kind(
    "followup", "监督的后续处理（第二十一条、第二十九条、第三十条）",
    confirmed=count("derived: confirmed situations and deficiencies"),
    serious=flag("supervision.serious_impact"),
    letter=day("supervision.suggestion_letter.issued_on"),
    decision=day("supervision.decision_letter.issued_on"),
    source=code("supervision.special_source"),
    circulated=day("supervision.circulated_on"),
    interviewed=day("supervision.head_interviewed_on"),
    no_decision_power=flag("derived: 第五条第三款 行业监督 (A05-6)"),
)

# ---------------------------------------------------------------- conduct (judged even without competence)

DISPUTE = Kind(
    "dispute", "行政执法争议（第六条第二款）",
    negotiated=flag("dispute.negotiated"),
    agreed=flag("dispute.agreed"),
    referred_to=code("dispute.referred_to"),
    referred_to_name=text("organs[dispute.referred_to].name"),
    referred_on=day("dispute.referred_on"),
    superior=code("derived: rules/competence.py common_superiors (第六条第二款, A06-3)"),
    superiors=names("derived: every common superior"),
    superiors_names=text("derived"),
    superiors_count=count("derived"),
    referred_to_superior=flag("derived: rules/competence.py referred_to_superior (第五条第一款)"),
    referred_for_name=text("derived"),
    referred_via_justice=flag("derived: the referral went to the superior's 司法局 (第五条第一款)"),
)

INSPECTION = Kind(
    "inspection", "监督活动（第十七条、第二十三条、第二十四条）",
    on_site=flag("inspections[].on_site"),
    conducted=day("inspections[].conducted_on"),
    listed=count("inspections[].supervisors"),
    acting=count("derived: art_024.counts_toward_two (第二十四条第（一）项, A24-1)"),
    uncertified=count("derived: acting supervisors who showed no certificate"),
    uncertified_names=names("inspections[].supervisors[].name"),
    conflicted=count("derived: art_024.stayed_with_interest (第二十四条第（二）项, A24-2)"),
    conflicted_names=names("inspections[].supervisors[].name"),
    withdrew=count("derived: art_024.withdrew_for_interest"),
    withdrew_names=names("inspections[].supervisors[].name"),
    confidential=names("inspections[].confidential"),
    confidential_count=count("inspections[].confidential"),
    breached=flag("inspections[].confidentiality_breached"),
)

MEASURE = Kind(
    "measure", "监督措施（第二十三条各项）",
    item=count("inspections[].measures[]"),
)

COMPLAINT = Kind(
    "complaint", "投诉举报（第十条第二款）",
    complainant=code("complaints[].complainant"),
    complaint_kind=code("complaints[].kind"),
    received=day("complaints[].received_on"),
    handled=day("complaints[].handled_on"),
)

LIABILITY = Kind(
    "liability", "被监督机关人员的责任（第三十二条）",
    person=text("liabilities[].person"),
    role=code("liabilities[].role"),
    item=count("liabilities[].behaviour"),
    confirmed=flag("liabilities[].confirmed"),
    crime=flag("liabilities[].suspected_crime"),
    description=text("liabilities[].description"),
    claimed=flag("liabilities[].tolerance (given)"),
    lawful=flag("liabilities[].tolerance.lawful_performance"),
    objective=flag("liabilities[].tolerance.objective_cause"),
    performed=flag("liabilities[].tolerance.duties_performed"),
    disproved=names("liabilities[].tolerance: the conditions recorded false"),
)

MISCONDUCT = Kind(
    "misconduct", "监督机关工作人员的行为（第三十三条）",
    behaviour=code("conduct[].behaviour"),
    confirmed=flag("conduct[].confirmed"),
    crime=flag("conduct[].suspected_crime"),
    description=text("conduct[].description"),
)

OBSTRUCTION = Kind(
    "obstruction", "阻碍、不配合监督（第二十五条、第三十四条）",
    party=code("obstructions[].party"),
    actor=text("obstructions[].actor"),
    conduct=code("obstructions[].conduct"),
    confirmed=flag("obstructions[].confirmed"),
    on=day("obstructions[].on"),
)

CLUE = Kind(
    "clue", "职务违法犯罪问题线索（第三十一条）",
    person=text("clues[].person"),
    clue_kind=code("clues[].kind"),
    found=day("clues[].found_on"),
    transferred_to=text("clues[].transferred_to"),
    transferred=day("clues[].transferred_on"),
    to_commission=flag("derived: art_031.transfer_to_commission (第三十一条, A31-2)"),
    recipient_kind=code("clues[].transferred_to_kind"),
)

# ---------------------------------------------------------------- an organ's year (第十五条、第十八条、第十九条)

ANNUAL = Kind(
    "annual", "机关的年度职责（第十五条、第十八条、第十九条）",
    organ_kind=code("organs[annual_duties[].organ].kind"),
    year=count("annual_duties[].year"),
    year_start=day("derived: 1 January of the year"),
    year_end=day("derived: 31 December of the year"),
    reviews=count("annual_duties[].case_file_reviews"),
    assessments=count("annual_duties[].assessments"),
    internal=count("annual_duties[].assessments[].internal"),
    external=count("annual_duties[].assessments[].external"),
    special=count("annual_duties[].assessments[].scope == 专项"),
    list_on=day("annual_duties[].responsibility_list_on"),
    plan_on=day("annual_duties[].annual_plan_on"),
)
