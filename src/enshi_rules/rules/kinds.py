"""The facts the rules see: every engine fact kind, declared once.

Each kind names its properties; each property its type (``day`` an ordinal date, ``flag``,
``count``, ``code`` from a closed vocabulary, ``text`` and ``names`` for messages), what it means
(the label ``explain`` shows) and the case field it comes from (``{rec}`` is the record the fact was
made from), or else what it is computed from. Derivation (``enshi_rules._derive``) produces
instances of these kinds and nothing else; a rule's condition may test only what its kind declares
(``enshi_rules._engine.kinds``); ``explain`` describes every property from here. The named
predicates over these properties are declared beside the article that gives them their meaning
(``timely_objection`` in ``art_027.py``). Properties every kind carries (``as_of``, ``refs``,
``working_days``, ``subject_name``/``subject_id``, ``halted``) are in ``_engine.kinds.COMMON``.

A property absent from a fact is how the rules test "not done" or "not recorded" (``-m.done``).
"""

from __future__ import annotations

from .._engine.kinds import Kind, code, count, day, flag, names, text

__all__ = [
    "ANNUAL", "CASE", "CLUE", "COMPLAINT", "DEFICIENCY", "DISPUTE", "EXECUTION", "FOLLOWUP", "INSPECTION",
    "LETTER", "LIABILITY", "MAJOR_DECISION", "MEASURE", "MISCONDUCT", "OBJECTION", "OBSTRUCTION",
    "PRE_COMMENCEMENT", "RECTIFICATION", "RECTIFICATION_OUTCOME", "RELATION", "REVIEW", "SITUATION",
    "TIAOLI_MATTER", "TIAOLI_MISCONDUCT", "TRADE_SUPERVISION_ACT",
]

# ---------------------------------------------------------------- the matter: scope and competence

CASE = Kind(
    "case", "本次监督事项（第二条、第三条第二款、第三十五条）",
    region=code("机关所在行政区域", computed="organs[].region（监督机关或被监督机关中不在本州的那一个，否则被监督机关）"),
    region_prefecture=code("机关所在州（市）", computed="监督机关和被监督机关的 region"),
    organ_outside_name=text("所涉机关", computed="机关名录"),
    vertical=flag("被监督机关实行垂直管理", field="organs[supervised_organ].vertically_managed"),
    special=code("专门监督", field="special_supervision"),
    started=day("监督程序启动日", field="supervision.started_on"),
    first_step=day("最早的程序步骤日", computed="监督程序中有日期的步骤（不含情形的发现日）"),
    last_step=day("最后的程序步骤日", computed="监督程序中有日期的步骤（不含情形的发现日）"),
    first_step_from=day("最早的程序步骤最早可能的日期", computed="日期只知月份、年份或日期不详时，各种取值中最早的程序步骤日（_derive.imprecise，A35-2）"),
    first_step_to=day("最早的程序步骤最晚可能的日期", computed="日期只知月份、年份或日期不详时，各种取值中最晚的最早步骤日（A35-2）"),
    last_step_from=day("最后的程序步骤最早可能的日期", computed="最早的程序步骤只知在一段时间内时，各种取值中最早的最后步骤日（_evaluate.evaluate._run_imprecise，A35-2）"),
    first_step_open=flag("最早的程序步骤可能早于案件记录的一切日期", computed="记录为已做但日期不详、又没有其他日期限定的步骤（_derive.imprecise，A35-2）"),
    undated_matter=flag("记录了情形或问题而没有任何有日期的步骤", computed="supervision.situations、supervision.deficiencies 与有日期的步骤（A35-1）"),
    action_region=code("执法活动发生地", field="enforcement_action.region"),
    action_prefecture=code("执法活动发生地所在州（市）", computed="enforcement_action.region"),
    activity=code("行政执法活动种类", field="enforcement_action.kind"),
    entrusting=text("委托机关", field="enforcement_action.entrusted_by"),
    entrusting_is_supervised=flag("委托机关即被监督机关", computed="enforcement_action.entrusted_by 与 supervised_organ（A03-7）"),
)

RELATION = Kind(
    "relation", "监督机关与被监督机关的关系（第三条第一款、第五条、第六条第一款）",
    relation=code("监督机关与被监督机关的关系", computed="机关名录中 supervising_organ 与 supervised_organ 的隶属关系"),
    via=code("所代行的关系", computed="机关名录"),
    supervisor_kind=code("监督机关类别", field="organs[supervising_organ].kind"),
    supervised_kind=code("被监督机关类别", field="organs[supervised_organ].kind"),
    supervisor_name=text("监督机关", field="organs[supervising_organ].name"),
    supervised_name=text("被监督机关", field="organs[supervised_organ].name"),
    designated_by=code("指定监督的机关", field="designation.designated_by"),
    designator_name=text("指定监督的机关名称", computed="designation.designated_by 与机关名录"),
    designator_relation=code("指定机关与被监督机关的关系", computed="designation.designated_by 与机关名录"),
    trade=code("执法所属行业", field="enforcement_action.system"),
    # 《行政执法监督条例》第二条 (relation tiaoli_authorised, rules/tiaoli/tl_002.py)
    government_name=text("监督机关所代表的县级以上人民政府", computed="机关名录"),
    acting_for_government=flag("由司法行政部门代表本级人民政府监督（条例第六条第一款）", field="organs[supervising_organ].kind"),
    first_step=day("最早的程序步骤日", computed="监督程序中有日期的步骤（不含情形的发现日）"),
)

PRE_COMMENCEMENT = Kind(
    "pre_commencement", "本办法施行前的程序步骤（第三十五条）",
    what=text("步骤或期间", computed="监督程序的记录"),
    start=day("发生或起算日", computed="监督程序的记录"),
)

# ---------------------------------------------------------------- the procedure (第二十六条至第三十条)

SITUATION = Kind(
    "situation", "第二十六条所列情形",
    item=count("所属项", field="{rec}.item"),
    confirmed=flag("经调查属实", field="{rec}.confirmed"),
    letter=day("建议书制发日", field="supervision.suggestion_letter.issued_on"),
    provision=text("所违反的法律法规规定", field="{rec}.provision"),
    content=text("监督内容（第十二条至第十四条的项）", computed="supervision.deficiencies[].article、item"),
)

DEFICIENCY = Kind(
    "deficiency", "第十二条至第十四条监督内容下发现的问题",
    article=count("监督内容所在条", field="{rec}.article"),
    item=count("所属项", field="{rec}.item"),
    confirmed=flag("经调查属实", field="{rec}.confirmed"),
    description=text("描述", field="{rec}.description"),
    provision=text("所违反的法律法规规定", field="{rec}.provision"),
    found=day("发现日", field="{rec}.found_on"),
    letter=day("建议书制发日", field="supervision.suggestion_letter.issued_on"),
    letter_id=code("建议书编号", field="supervision.suggestion_letter.id"),
)

LETTER = Kind(
    "letter", "《行政执法监督建议书》（第二十六条）",
    issued=day("建议书制发日", field="supervision.suggestion_letter.issued_on"),
    grounds=count("经调查属实的情形和问题数", computed="supervision.situations[].confirmed 与 supervision.deficiencies[].confirmed"),
    undetermined=count("缺少所违反规定、无法认定的第（六）项情形数", computed="supervision.situations[].provision 与 supervision.deficiencies[].provision"),
    recorded=count("记录的情形和问题数", computed="supervision.situations 与 supervision.deficiencies"),
)

OBJECTION = Kind(
    "objection", "申请复查的期间（第二十七条第一款）",
    received=day("收到建议书之日", field="supervision.suggestion_letter.received_on"),
    window_due=day("申请复查期限最后一日", computed="收到建议书之日起十日（期间计算）"),
    filed=day("申请复查日", field="supervision.objection.filed_on"),
)

REVIEW = Kind(
    "review", "复查申请及其答复（第二十七条第一款）",
    received=day("收到复查申请之日", field="supervision.objection.filed_on"),
    due=day("复查答复期限最后一日", computed="收到复查申请之日起十五日（期间计算）"),
    filed=day("申请复查日", field="supervision.objection.filed_on"),
    window_due=day("申请复查期限最后一日", computed="收到建议书之日起十日（期间计算）"),
    answered=day("复查答复日", field="supervision.review_answer.answered_on"),
    upheld=flag("经复查异议成立", field="supervision.review_answer.objection_upheld"),
    decision_issued=day("决定书制发日", field="supervision.decision_letter.issued_on"),
)

RECTIFICATION = Kind(
    "rectification", "整改及报送整改情况（第二十七条第二款）",
    letter_received=day("收到建议书之日", field="supervision.suggestion_letter.received_on"),
    letter_due=day("整改期限最后一日", computed="收到建议书之日起三十日（期间计算）"),
    window_due=day("申请复查期限最后一日", computed="收到建议书之日起十日（期间计算）"),
    filed=day("申请复查日", field="supervision.objection.filed_on"),
    upheld=flag("经复查异议成立", field="supervision.review_answer.objection_upheld"),
    answer_received=day("收到复查答复之日", field="supervision.review_answer.received_on"),
    answer_due=day("整改期限最后一日（复查后）", computed="收到复查答复之日起三十日（期间计算）"),
    done=day("整改情况报送日", field="supervision.rectification_report.submitted_on"),
    decision_issued=day("决定书制发日", field="supervision.decision_letter.issued_on"),
    letter_days=count("建议书载明的整改期限（日）", field="supervision.suggestion_letter.rectification_days"),
    letter_own_due=day("建议书所定整改期限最后一日", computed="收到建议书之日起按建议书载明的日数（期间计算，A27-5）"),
    no_decision_power=flag("监督机关只进行行业监督和业务指导（无决定、约谈权限）", computed="第五条第三款的监督关系（A05-6）"),
)

RECTIFICATION_OUTCOME = Kind(
    "rectification_outcome", "第二十七条第二款整改期限的结果（由第二十七条的规则导出，供第二十八条）",
    status=code("整改期限的状态", computed="第二十七条第二款的认定"),
    due=day("整改期限最后一日", computed="第二十七条第二款的认定"),
    decision_issued=day("决定书制发日", field="supervision.decision_letter.issued_on"),
    done=day("整改情况报送日", field="supervision.rectification_report.submitted_on"),
    letter_own_due=day("建议书所定整改期限最后一日", computed="收到建议书之日起按建议书载明的日数（期间计算，A27-5）"),
    letter_days=count("建议书载明的整改期限（日）", field="supervision.suggestion_letter.rectification_days"),
    no_decision_power=flag("监督机关只进行行业监督和业务指导（无决定、约谈权限）", computed="第五条第三款的监督关系（A05-6）"),
)

EXECUTION = Kind(
    "execution", "执行情况报告（第二十八条第二款）",
    received=day("收到决定书之日", field="supervision.decision_letter.received_on"),
    due=day("执行情况报告期限最后一日", computed="收到决定书之日起三十日（期间计算）"),
    done=day("执行情况报告日", field="supervision.execution_report.submitted_on"),
    filed=day("申请复查日", field="supervision.objection.filed_on"),
    window_due=day("申请复查期限最后一日", computed="收到建议书之日起十日（期间计算）"),
    upheld=flag("经复查异议成立", field="supervision.review_answer.objection_upheld"),
)

TRADE_SUPERVISION_ACT = Kind(
    "trade_supervision_act", "行业监督的部门作出的决定书或者约谈（第五条第三款，A05-6）",
    act=code("行为", computed="supervision.decision_letter 或 supervision.head_interviewed_on"),
    on=day("决定书制发日或约谈日", computed="supervision.decision_letter.issued_on 或 supervision.head_interviewed_on"),
    supervisor_name=text("监督机关", field="organs[supervising_organ].name"),
    supervised_name=text("被监督机关", field="organs[supervised_organ].name"),
    competent_name=text("有权作出的机关", computed="机关名录中所在地县（市）人民政府及其司法局"),
)

MAJOR_DECISION = Kind(
    "major_decision", "重大行政执法决定（第二十二条）",
    made=day("作出日", field="{rec}.made_on"),
    filed=day("备案日", field="{rec}.filed_on"),
    reviewed=day("审查日", field="{rec}.reviewed_on"),
    result=code("审查结论", field="{rec}.review_result"),
)

FOLLOWUP = Kind(
    "followup", "监督的后续处理（第二十一条、第二十九条、第三十条）",
    confirmed=count("经调查属实的情形和问题数", computed="supervision.situations 与 supervision.deficiencies"),
    serious=flag("情况突出、造成重大影响", field="supervision.serious_impact"),
    letter=day("建议书制发日", field="supervision.suggestion_letter.issued_on"),
    decision=day("决定书制发日", field="supervision.decision_letter.issued_on"),
    source=code("专项监督的来源", field="supervision.special_source"),
    circulated=day("通报日", field="supervision.circulated_on"),
    interviewed=day("约谈日", field="supervision.head_interviewed_on"),
    no_decision_power=flag("监督机关只进行行业监督和业务指导（无决定、约谈权限）", computed="第五条第三款的监督关系（A05-6）"),
)

# ---------------------------------------------------------------- conduct (judged even without competence)

DISPUTE = Kind(
    "dispute", "行政执法争议（第六条第二款）",
    negotiated=flag("已协商", field="dispute.negotiated"),
    agreed=flag("协商一致", field="dispute.agreed"),
    referred_to=code("报请的机关", field="dispute.referred_to"),
    referred_to_name=text("报请的机关名称", computed="dispute.referred_to 与机关名录"),
    referred_on=day("报请日", field="dispute.referred_on"),
    superior=code("共同上一级机关（之一）", computed="机关名录中同时监督 dispute.organs 双方的上一级机关（A06-3）"),
    superiors=names("共同上一级机关", computed="机关名录中同时监督 dispute.organs 双方的上一级机关（A06-3）"),
    superiors_names=text("共同上一级机关名称", computed="机关名录中同时监督 dispute.organs 双方的上一级机关（A06-3）"),
    superiors_count=count("共同上一级机关的个数", computed="机关名录中同时监督 dispute.organs 双方的上一级机关（A06-3）"),
    referred_to_superior=flag("报请的是共同上一级机关（或承担其具体工作的司法行政部门）", computed="dispute.referred_to 与机关名录"),
    referred_for_name=text("报请所针对的共同上一级机关", computed="dispute.referred_to 与机关名录"),
    referred_via_justice=flag("经承担具体工作的司法行政部门报请", computed="dispute.referred_to 与机关名录（第五条第一款）"),
)

INSPECTION = Kind(
    "inspection", "监督活动（第十七条、第二十三条、第二十四条）",
    record=text("监督活动（日期、现场或非现场、编号）", computed="{rec}.conducted_on、on_site、id"),
    on_site=flag("现场监督", field="{rec}.on_site"),
    site_unknown=flag("记录未载明是否现场", field="{rec}.on_site"),
    conducted=day("监督活动日", field="{rec}.conducted_on"),
    listed=count("列明的监督人员数", computed="{rec}.supervisors"),
    acting=count("参加的监督人员数（不含回避的）", computed="{rec}.supervisors"),
    uncertified=count("未出示证件的人数", computed="{rec}.supervisors[].certificate_shown"),
    uncertified_names=names("未出示证件的监督人员", computed="{rec}.supervisors[]：参加且 certificate_shown 为 false 的"),
    conflicted=count("应当回避而未回避的人数", computed="{rec}.supervisors[].conflict_of_interest"),
    conflicted_names=names("有利害关系而未回避的监督人员", computed="{rec}.supervisors[]：conflict_of_interest 为 true 且未回避的"),
    withdrew=count("已回避的人数", computed="{rec}.supervisors[].withdrew"),
    withdrew_names=names("因利害关系回避的监督人员", computed="{rec}.supervisors[]：conflict_of_interest 与 withdrew 均为 true 的"),
    confidential=names("涉及的秘密或隐私", field="{rec}.confidential"),
    confidential_count=count("涉密事项数", computed="{rec}.confidential"),
    breached=flag("泄露秘密或者隐私", field="{rec}.confidentiality_breached"),
)

MEASURE = Kind(
    "measure", "监督措施（第二十三条各项）",
    record=text("采取措施的监督活动（日期、现场或非现场、编号）", computed="{rec}.conducted_on、on_site、id"),
    item=count("所属项", field="{rec}.measures[]"),
)

COMPLAINT = Kind(
    "complaint", "投诉举报（第十条第二款）",
    complainant=code("投诉举报人", field="{rec}.complainant"),
    complaint_kind=code("投诉或者举报", field="{rec}.kind"),
    received=day("收到日", field="{rec}.received_on"),
    handled=day("处理日", field="{rec}.handled_on"),
)

LIABILITY = Kind(
    "liability", "被监督机关人员的责任（第三十二条）",
    person=text("人员", field="{rec}.person"),
    role=code("身份", field="{rec}.role"),
    item=count("第三十二条第一款的项", field="{rec}.behaviour"),
    confirmed=flag("经调查属实", field="{rec}.confirmed"),
    crime=flag("涉嫌构成犯罪", field="{rec}.suspected_crime"),
    description=text("描述", field="{rec}.description"),
    claimed=flag("主张容错", field="{rec}.tolerance"),
    lawful=flag("在依法履职过程中（经认定）", field="{rec}.tolerance.lawful_performance"),
    objective=flag("由于客观因素或者难以预见情形（经认定）", field="{rec}.tolerance.objective_cause"),
    performed=flag("已经按照职能分工、岗位职责和监督管理工作计划要求履行职责（经认定）", field="{rec}.tolerance.duties_performed"),
    disproved=names("经查不成立的容错条件", computed="{rec}.tolerance 中记为 false 的条件"),
    unknown=names("未记录的容错条件", computed="{rec}.tolerance 中记为 null（或未写）的条件"),
    acted=day("行为日期", field="{rec}.acted_on"),
)

MISCONDUCT = Kind(
    "misconduct", "监督机关工作人员的行为（第三十三条）",
    behaviour=code("行为", field="{rec}.behaviour"),
    confirmed=flag("经调查属实", field="{rec}.confirmed"),
    crime=flag("涉嫌构成犯罪", field="{rec}.suspected_crime"),
    description=text("描述", field="{rec}.description"),
    acted=day("行为日期", field="{rec}.acted_on"),
)

OBSTRUCTION = Kind(
    "obstruction", "阻碍、不配合监督（第二十五条、第三十四条）",
    party=code("主体", field="{rec}.party"),
    actor=text("单位或者人员", field="{rec}.actor"),
    conduct=code("行为", field="{rec}.conduct"),
    confirmed=flag("经调查属实", field="{rec}.confirmed"),
    acted=day("行为日期", field="{rec}.acted_on"),
)

CLUE = Kind(
    "clue", "职务违法犯罪问题线索（第三十一条）",
    person=text("涉嫌人员", field="{rec}.person"),
    clue_kind=code("线索种类", field="{rec}.kind"),
    found=day("发现日", field="{rec}.found_on"),
    transferred_to=text("移送对象", field="{rec}.transferred_to"),
    transferred=day("移送日", field="{rec}.transferred_on"),
    to_commission=flag("移送对象是监察机关、纪律检查委员会或纪检监察机关", computed="{rec}.transferred_to_kind"),
    recipient_kind=code("移送对象的类别", field="{rec}.transferred_to_kind"),
)

# ---------------------------------------------------------------- an organ's year (第十五条、第十八条、第十九条)

ANNUAL = Kind(
    "annual", "机关的年度职责（第十五条、第十八条、第十九条）",
    organ_kind=code("机关类别", computed="机关名录中 {rec}.organ 的类别"),
    year=count("年度", field="{rec}.year"),
    year_start=day("年度第一日", computed="{rec}.year"),
    year_end=day("年度最后一日", computed="{rec}.year"),
    reviews=count("案卷评查次数", computed="{rec}.case_file_reviews"),
    assessments=count("考核评议次数", computed="{rec}.assessments"),
    internal=count("内部考核次数", computed="{rec}.assessments[].internal"),
    external=count("外部评议次数", computed="{rec}.assessments[].external"),
    special=count("专项考核评议次数", computed="{rec}.assessments[].scope"),
    list_on=day("权责清单制定日", field="{rec}.responsibility_list_on"),
    plan_on=day("年度工作计划制定日", field="{rec}.annual_plan_on"),
    # 县（市）、州人民政府的记录：其司法行政部门同一年度的记录（第五条第一款；A15-5）
    by_justice=text("承担本级人民政府行政执法监督具体工作的司法行政部门", computed="机关名录中上级为 {rec}.organ 的司法行政部门，案件中有其同一年度的记录"),
    justice_reviews=count("司法行政部门的案卷评查次数", computed="该司法行政部门同一年度记录的 case_file_reviews"),
    justice_assessments=count("司法行政部门的考核评议次数", computed="该司法行政部门同一年度记录的 assessments"),
    justice_internal=count("司法行政部门的内部考核次数", computed="该司法行政部门同一年度记录的 assessments[].internal"),
    justice_external=count("司法行政部门的外部评议次数", computed="该司法行政部门同一年度记录的 assessments[].external"),
    justice_list_on=day("司法行政部门的权责清单制定日", computed="该司法行政部门同一年度记录的 responsibility_list_on"),
    justice_list_unrecorded=flag("司法行政部门同一年度记录未载明权责清单", computed="该司法行政部门同一年度记录的 responsibility_list_on 缺省或 unknown"),
    earlier_list_on=day("以前年度记录所载权责清单制定日", computed="同一机关（或其司法行政部门）以前年度记录中最早的 responsibility_list_on（A15-2）"),
    earlier_list_year=count("载明该权责清单的以前年度", computed="同一机关（或其司法行政部门）以前年度记录（A15-2）"),
    list_unrecorded=flag("本年度记录未载明权责清单", computed="{rec}.responsibility_list_on 缺省或 unknown"),
    justice_plan_on=day("司法行政部门的年度工作计划制定日", computed="该司法行政部门同一年度记录的 annual_plan_on"),
)

# ---------------------------------------------------------------- 《行政执法监督条例》 (rules/tiaoli/)

TIAOLI_MATTER = Kind(
    "tiaoli_matter", "监督事项（《行政执法监督条例》）",
    first_step=day("最早的程序步骤日", computed="监督程序中有日期的步骤（不含情形的发现日；T-1）"),
    last_step=day("最后的程序步骤日", computed="监督程序中有日期的步骤（不含情形的发现日；T-1）"),
    relation=code("监督机关与被监督机关的关系", computed="机关名录中 supervising_organ 与 supervised_organ 的隶属关系（条例第二条：tiaoli_authorised）"),
    supervisor_name=text("监督机关", field="organs[supervising_organ].name"),
    supervised_name=text("被监督机关", field="organs[supervised_organ].name"),
    supervisor_kind=code("监督机关类别", field="organs[supervising_organ].kind"),
    supervised_kind=code("被监督机关类别", field="organs[supervised_organ].kind"),
    supervisor_level=code("监督机关层级", field="organs[supervising_organ].level"),
    supervised_level=code("被监督机关层级", field="organs[supervised_organ].level"),
    vertical=flag("被监督机关实行垂直管理或者双重领导并以上级部门领导为主（T-5）", field="organs[supervised_organ].vertically_managed"),
    acting_for_government=flag("由司法行政部门代表本级人民政府监督（T-3）", field="organs[supervising_organ].kind"),
    by_government=flag("监督机关是县级以上人民政府或者其司法行政部门（条例第二条，T-3、T-9）", computed="机关名录的类别、层级"),
    own_body=flag("监督机关是工作部门，被监督机关是其所属机构或者派出机构（条例第四十二条第一款，T-9）", computed="机关名录的类别和上级机关"),
    government_over_area=flag("监督机关是被监督机关所在地的县级以上地方人民政府（或者其司法行政部门）", computed="机关名录的类别、层级和行政区划代码"),
    government_name=text("监督机关所代表的县级以上人民政府", computed="机关名录"),
    problems_found=flag("监督发现了问题（有经确认的情形；T-6）", field="supervision.situations[].confirmed"),
    superior_informed=flag("已将发现的问题告知其上一级主管部门", field="supervision.superior_informed"),
    annual_last_year=count("记录的年度职责的最后一个年度（在条例施行之后结束的）", field="annual_duties[].year"),
)

TIAOLI_MISCONDUCT = Kind(
    "tiaoli_misconduct", "监督人员的行为（《行政执法监督条例》第三十九条、第四十条）",
    last_step=day("最后的程序步骤日", computed="监督程序中有日期的步骤（不含情形的发现日；T-1）"),
    person=text("行为人", field="{rec}.person"),
    organ_name=text("行为人所在机关", field="{rec}.organ"),
    organ_is_justice=flag("行为人所在机关是司法行政部门（行政执法监督机构）", field="{rec}.organ"),
    behaviour=code("行为", field="{rec}.behaviour"),
    confirmed=flag("经调查属实", field="{rec}.confirmed"),
    crime=flag("涉嫌构成犯罪", field="{rec}.suspected_crime"),
)
