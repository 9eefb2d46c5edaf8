"""《行政执法监督条例》第二条 (the national regulation, in force 2026-02-01): when it reaches a matter
(T-1), and the 法律法规授权的组织 a 县级以上人民政府 supervises (T-2).

The dates come from the order's publication line (自2026年2月1日起施行) and the article's text; the
expected wording from the excerpt file, not from the rule modules."""

from __future__ import annotations

from enshi_rules.testing import assert_finding, assert_no_finding, assert_no_note, assert_note

from .mcase import case, run

CENTRE = {
    "id": "422801.bzzx", "name": "恩施市不动产登记中心", "kind": "法律法规授权的组织", "level": "县（市）",
    "region": "422801", "parent": "422801",
}
ORGANS = [CENTRE]


def _authorised(started: str = "2026-03-02", supervisor: str = "422801", **more):
    doc = case(organs=ORGANS, supervising_organ=supervisor, supervised_organ=CENTRE["id"], **more)
    doc["supervision"] = {"started_on": started}
    return doc


def test_a_matter_with_a_step_from_2026_02_01_gets_the_applicability_note():
    doc = case()
    doc["supervision"] = {"started_on": "2026-02-01"}
    n = assert_note(run(doc, "2026-03-01"), rule_id="tl_002.p1.applies", excludes=False, cite="《行政执法监督条例》第二条", instrument="tiaoli")
    assert n.article == 2 and n.paragraph == 1 and n.item is None and n.excludes is False
    assert n.citation == "《行政执法监督条例》第二条"
    assert "位阶高于本办法" in n.message and "须对照条例全文人工核对" in n.message
    assert "第三十九条、第四十条、第四十二条" in n.message and n.interpretations == ("T-1", "T-8")


def test_a_matter_whose_steps_are_all_before_2026_02_01_is_reported_as_before():
    doc = case()
    doc["supervision"] = {"started_on": "2026-01-31"}
    report = run(doc, "2026-03-01")
    assert_no_note(report, rule_id="tl_002.*")
    assert all(x.instrument is None for x in (*report.notes, *report.findings))
    assert '"instrument"' not in report.to_json()  # the JSON of such a report is unchanged


def test_a_procedure_begun_before_says_its_earlier_steps_are_not_judged_under_the_regulation():
    doc = case()
    doc["supervision"] = {"started_on": "2026-01-20", "suggestion_letter": {"issued_on": "2026-02-10", "received_on": "2026-02-11"}}
    n = assert_note(run(doc, "2026-03-01"), rule_id="tl_002.p1.applies", excludes=False)
    assert "2026年1月20日" in n.message and "不依条例认定" in n.message


def test_special_supervision_is_not_under_these_rules():
    doc = case(special_supervision="行政复议")
    doc["supervision"] = {"started_on": "2026-03-02"}
    assert_no_note(run(doc, "2026-04-01"), rule_id="tl_*")


def test_the_government_over_an_authorised_organisation_is_a_supervision_relation():
    report = run(_authorised(), "2026-04-01")
    assert_no_note(report, rule_id="art_003.p1.no_supervision_relation")
    n = assert_note(report, rule_id="tl_002.p1.authorised_organisation", excludes=False, cite="《行政执法监督条例》第二条", instrument="tiaoli")
    assert n.paragraph == 1 and n.item is None and n.excludes is False
    assert "恩施市人民政府对恩施市不动产登记中心" in n.message and "不认定为无权监督" in n.message
    assert "属于条例第二条规定的" in n.message and "本办法第三条第一款虽未列举" in n.message
    assert n.interpretations == ("T-1", "T-2", "T-3")
    assert "须依条例人工判断" in n.message and "本办法第三条第一款虽未列举" in n.message
    assert [x.rule_id for x in report.notes].count("tl_002.p1.authorised_organisation") == 1  # once, on the competence fact


def test_the_procedure_is_left_to_a_person_and_conduct_is_still_judged():
    """The measures' procedure is written for 政府和部门, the 条例's was not obtained: no 第二十七条
    period runs against the organisation (no false 【违反】), but on-site conduct is still judged."""
    doc = _authorised()
    doc["supervision"].update(
        situations=[{"item": 1, "confirmed": True, "found_on": "2026-03-02"}],
        suggestion_letter={"issued_on": "2026-03-05", "received_on": "2026-03-06"},
    )
    doc["inspections"] = [{"id": "I1", "conducted_on": "2026-03-03", "supervisors": [{"name": "李四", "certificate_shown": False}], "measures": [2]}]
    report = run(doc, "2026-05-01")
    assert_no_finding(report, rule_id="art_02[6-9]*")
    assert_no_finding(report, rule_id="art_003.*")
    assert [f.rule_id for f in report.findings if f.rule_id.startswith("art_024")], report.findings
    assert report.in_scope is True

def test_before_2026_02_01_it_is_still_no_relation_under_the_measures():
    report = run(_authorised("2026-01-15"), "2026-01-31")
    assert_note(report, rule_id="art_003.p1.no_supervision_relation", excludes=False, instrument=None, message_contains="不属于本办法第三条第一款所称的行政执法监督")
    assert_no_finding(report, rule_id="art_003.*")
    assert_no_note(report, rule_id="tl_002.p1.authorised_organisation")


def test_the_justice_bureau_acts_for_its_government():
    report = run(_authorised(supervisor="422801.sfj"), "2026-04-01")
    n = assert_note(report, rule_id="tl_002.p1.authorised_organisation", excludes=False)
    assert "由其司法行政部门恩施市司法局承担监督具体事务" in n.message
    assert_no_note(report, rule_id="art_003.p1.no_supervision_relation")


def test_a_government_of_another_county_has_no_such_relation():
    report = run(_authorised(supervisor="422802"), "2026-04-01")  # 利川市人民政府
    assert_no_note(report, rule_id="tl_002.p1.authorised_organisation")
    assert_note(report, rule_id="art_003.p1.no_supervision_relation", excludes=False)


def test_the_prefecture_government_supervises_an_authorised_organisation_of_a_county():
    report = run(_authorised(supervisor="422800"), "2026-04-01")
    assert_note(report, rule_id="tl_002.p1.authorised_organisation", excludes=False, message_contains="恩施土家族苗族自治州人民政府")


def test_a_department_over_an_authorised_organisation_is_not_this_relation():
    doc = _authorised(supervisor="422801.scjgj")
    doc["organs"] = [*ORGANS, case()["organs"][0]]
    report = run(doc, "2026-04-01")
    assert_no_note(report, rule_id="tl_002.p1.authorised_organisation")
    assert_note(report, rule_id="art_003.p1.no_supervision_relation", excludes=False)


def test_a_procedure_begun_before_leaves_the_earlier_steps_to_a_person():
    doc = _authorised("2026-01-15")
    doc["supervision"]["suggestion_letter"] = {"issued_on": "2026-02-10", "received_on": "2026-02-11"}
    n = assert_note(run(doc, "2026-03-01"), rule_id="tl_002.p1.authorised_organisation", excludes=False)
    assert "须人工判断" in n.message and "2026年1月15日" in n.message


# T-8 (legal review (b)12): the measures' periods in a matter the 条例 reaches rest on its unverified
# procedural articles (第七条至第三十七条第一款) not providing otherwise: said once in the note, named on
# each finding that rests on a period (depends_on), certainty unchanged; other findings untouched.

PREMISE = "以条例第七条至第三十七条第一款（程序、期限等规定，未取得原文）未另作规定为前提"


def _overdue_rectification(received: str, as_of: str):
    doc = case()
    doc["supervision"] = {
        "started_on": received, "situations": [{"item": 2, "confirmed": True, "found_on": received}],
        "suggestion_letter": {"id": "JYS-1", "issued_on": received, "received_on": received},
    }
    return run(doc, as_of)


def test_period_findings_of_a_2026_matter_depend_on_the_unverified_procedure_of_the_regulation():
    from enshi_rules._evaluate.text_report import render_text

    report = _overdue_rectification("2026-03-02", "2026-05-04")
    n = assert_note(report, rule_id="tl_002.p1.applies", cite="《行政执法监督条例》第二条", excludes=False)
    assert PREMISE in n.message and "第二十七条的十日、十五日、三十日" in n.message
    f = assert_finding(report, rule_id="art_027.p2.rectify.overdue", count=1, cite="第二十七条第二款", modality="violation",
                       status="overdue", depends_on="tl_002.p1.applies", certainty="certain", instrument=None)
    assert (f.article, f.paragraph, f.item, f.period_days) == (27, 2, None, 30)
    assert_finding(report, rule_id="art_028.p1.decision_required", count=1, modality="shall", depends_on="tl_002.p1.applies")
    # a finding that rests on no period is not marked: no noise on every 2026 finding
    others = [x for x in report.findings if x.article not in (27, 28)]
    assert others and all(x.depends_on is None for x in others)
    assert "有待人工判断：该认定取决于《行政执法监督条例》第二条的说明所提出的问题（规则编号 tl_002.p1.applies）" in render_text(report)


def test_the_same_periods_before_2026_02_01_depend_on_nothing():
    report = _overdue_rectification("2025-09-01", "2025-11-03")
    assert_finding(report, rule_id="art_027.p2.rectify.overdue", count=1, depends_on=None)
    assert_no_note(report, rule_id="tl_*")


def test_a_question_of_the_measures_own_comes_before_the_premise_of_the_regulation():
    # A27-7: an answer to a late application upheld leaves open whether the supervision ended; that
    # question, the more specific one, is the one the findings name (T-8 is said in the note)
    doc = case()
    doc["supervision"] = {
        "started_on": "2026-03-02", "situations": [{"item": 2, "confirmed": True, "found_on": "2026-03-02"}],
        "suggestion_letter": {"id": "JYS-1", "issued_on": "2026-03-02", "received_on": "2026-03-02"},
        "objection": {"id": "FC-1", "filed_on": "2026-03-20"},
        "review_answer": {"id": "DF-1", "answered_on": "2026-03-25", "received_on": "2026-03-26", "objection_upheld": True},
    }
    report = run(doc, "2026-05-04")
    assert_finding(report, rule_id="art_027.p2.rectify.overdue", count=1, depends_on="art_027.p1.late_application_answered")


# T-9 (legal review (c)16): supervision by an organ that is not a 县级以上人民政府 nor its 司法局, and that
# 第四十二条第一款、第三款 do not speak to, is not the supervision of 第二条: the note says so, never that
# the 条例 "applies" under 第二条.


def _department_over_township(started: str = "2026-03-02"):
    doc = case(supervising_organ="422801.scjgj", supervised_organ="422801.lhz.zhzf")
    doc["enforcement_action"]["system"] = "市场监管"
    doc["supervision"] = {"started_on": started}
    return doc


def test_a_department_over_a_township_is_not_article_2_supervision():
    report = run(_department_over_township(), "2026-04-01")
    assert_no_note(report, rule_id="tl_002.p1.applies")
    n = assert_note(report, rule_id="tl_002.p1.not_government_supervision", excludes=False, cite="《行政执法监督条例》第二条", instrument="tiaoli")
    assert (n.article, n.paragraph, n.item) == (2, 1, None)
    assert "本次监督不在第二条之内" in n.message and "须对照条例全文人工核对" in n.message
    assert "第四十二条第一款（部门对所属机构、派出机构）、第三款（设区的市级以上人民政府部门对下级人民政府相应部门）" in n.message
    assert "适用；" not in n.message  # never says the 条例 applies
    assert n.interpretations == ("E-2", "T-1", "T-8", "T-9")
    assert_no_note(report, rule_id="tl_042.*")


def test_before_2026_02_01_a_department_over_a_township_has_no_note_of_the_regulation():
    assert_no_note(run(_department_over_township("2026-01-05"), "2026-01-31"), rule_id="tl_*")
