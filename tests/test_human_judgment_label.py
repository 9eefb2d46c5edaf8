"""A finding or note that leaves a question to a person reads 【有待人工判断】, never 【可以】 or 【应当】
(法制审核第二轮第11项, c13; interpretation E-2). The JSON keeps the rule's modality."""

from __future__ import annotations

import enshi_rules
from enshi_rules._engine.rulebook import HUMAN_JUDGMENT, modality_zh
from enshi_rules._evaluate.text_report import finding_tag, render_text
from enshi_rules._law.register import load_register
from enshi_rules.rules import all_rules, load_all
from _support.cases import late_application_upheld

RULE = "art_027.p1.late_application_answered"


def test_a_late_application_answered_and_upheld_reads_as_a_question_for_a_person():
    report = enshi_rules.evaluate(late_application_upheld(), as_of="2025-11-10")
    f = next(x for x in report.findings if x.rule_id == RULE)
    assert f.citation.endswith("第二十七条第一款") and f.subject == "恩施土家族苗族自治州人民政府"
    assert finding_tag(f) == "有待人工判断"
    # the JSON a platform reads is unchanged: still the rule's modality
    assert f.modality is enshi_rules.Modality.MAY and '"modality": "may"' in report.to_json().split(RULE)[1][:400]
    text = render_text(report)
    line = next(x for x in text.splitlines() if "2025年10月9日作出复查答复" in x)
    assert line.strip().startswith("2. 【有待人工判断】恩施土家族苗族自治州人民政府：复查申请已超过十日期限（至2025年9月15日，含当日）")
    assert "是否据此终止本次监督须人工判断" in line
    assert "【可以】恩施土家族苗族自治州人民政府：复查申请" not in text
    # the findings that rest on it say so with the same words
    assert text.count("有待人工判断：该认定取决于第二十七条第一款的认定所提出的问题") == 2


def test_not_upheld_the_answer_is_still_no_permission():
    doc = late_application_upheld()
    doc["supervision"]["review_answer"]["objection_upheld"] = False
    f = next(x for x in enshi_rules.evaluate(doc, as_of="2025-11-10").findings if x.rule_id == RULE)
    assert finding_tag(f) == "有待人工判断" and f.message.endswith("该答复不影响整改期限。")


def test_the_register_names_exactly_the_rules_that_carry_the_label():
    load_all()
    labelled = {rid for rid, r in all_rules().items() if r.label == HUMAN_JUDGMENT}
    assert labelled == {
        "art_003.p2.other_activity",
        "art_003.p3.entrusted_act",
        "art_019.p1.external_review_missing_special_only",
        "art_019.p1.internal_assessment_missing_special_only",
        "art_027.p1.late_application_answered",
        "art_027.p2.letter_period_too_long",
        "art_028.p1.late_rectification",
        "tl_002.p1.annual_duties",
        "tl_002.p1.not_government_supervision",
    }
    e2 = load_register().by_id["E-2"]
    assert set(e2.rules) == labelled
    for rid in labelled:
        # what the article pages (性质) and the workbench's article view show
        assert modality_zh(all_rules()[rid]) == "有待人工判断"
