"""第三十五条: in force from 2025-03-01; steps after it are judged even in a procedure begun before (程序从新)."""

from __future__ import annotations

import copy

from enshi_rules.testing import assert_no_note, assert_note

from .casebuilder import case, letter, only, run


def test_procedure_whose_last_step_is_the_day_before_commencement_is_outside_and_has_no_findings():
    doc = case(started_on="2025-02-10", suggestion_letter=letter(received="2025-02-28", issued="2025-02-26"))
    doc["supervising_organ"] = "422802"  # no relation either: still only the exclusion (point 1)
    report = run(doc, "2025-06-30")
    assert report.in_scope is False
    assert report.findings == ()
    assert [n.rule_id for n in report.notes] == ["art_035.p1.not_yet_in_force"]
    note = assert_note(report, rule_id="art_035.p1.not_yet_in_force", excludes=True)
    assert (note.article, note.paragraph, note.item) == (35, 1, None)
    assert_no_note(report, rule_id="art_035.p1.in_force")
    assert_no_note(report, rule_id="art_035.p1.procedure_continues")  # no step after commencement
    assert note.citation == "《恩施土家族苗族自治州行政执法监督办法》第三十五条"
    assert "2025年2月10日" in note.message and "2025年2月28日" in note.message
    assert report.timeline == ()


def test_procedure_started_on_commencement_day_is_inside():
    doc = case(started_on="2025-03-01", suggestion_letter=letter(received="2025-03-03", issued="2025-03-01"))
    report = run(doc, "2025-06-30")
    assert report.in_scope is True
    assert_note(report, rule_id="art_035.p1.in_force", cite="第三十五条", excludes=False)
    assert_no_note(report, rule_id="art_035.p1.not_yet_in_force")
    assert_no_note(report, rule_id="art_035.p1.procedure_continues")
    assert "art_027.p2.rectify.overdue" in report.rule_ids()


def test_enforcement_before_commencement_supervised_after_is_inside():
    # enforcement in 2024, supervision started in 2025: inside (the measures govern supervision)
    doc = case(started_on="2025-03-10")
    doc["enforcement_action"]["acted_on"] = "2024-11-05"
    assert run(doc, "2025-06-30").in_scope is True


def test_steps_after_commencement_of_a_procedure_started_before_are_judged():
    # 程序从新 (A35-1): started 2025-02-25, letter 03-10, decision letter 05-20
    doc = case(
        started_on="2025-02-25",
        situations=[{"item": 3, "confirmed": True, "found_on": "2025-02-20"}],
        suggestion_letter=letter(issued="2025-03-10", received="2025-03-12"),
        decision_letter={"id": "JDS-1", "issued_on": "2025-05-20", "received_on": "2025-05-22"},
    )
    report = run(doc, "2025-06-30")
    assert report.in_scope is True
    note = assert_note(report, rule_id="art_035.p1.procedure_continues", cite="第三十五条", excludes=False)
    # once, from the start the case records (the 条例's matter fact has the same first and last step)
    assert [n.rule_id for n in report.notes].count("art_035.p1.procedure_continues") == 1
    assert note.message.startswith("本次监督程序于2025年2月25日启动，早于本办法施行日期2025年3月1日") and "程序从新" in note.message
    assert_no_note(report, rule_id="art_035.p1.in_force")
    assert_no_note(report, rule_id="art_035.p1.not_yet_in_force")
    assert_no_note(report, rule_id="art_035.p1.period_not_judged")  # every period began after commencement
    assert "art_028.p1.decision_issued" in report.rule_ids()
    execution = only(report, "art_028.p2.execution_report.overdue")
    assert execution.due.isoformat() == "2025-06-23"


def test_a_period_that_began_before_commencement_is_not_judged():
    # letter received 2025-02-20: the periods of 第二十七条 began before the measures; the execution
    # report owed on a decision letter received after them is judged
    doc = case(
        started_on="2025-02-10",
        suggestion_letter=letter(issued="2025-02-18", received="2025-02-20"),
        decision_letter={"id": "JDS-1", "issued_on": "2025-05-20", "received_on": "2025-05-22"},
    )
    report = run(doc, "2025-06-30")
    assert report.in_scope is True
    assert not any(f.article in (26, 27) for f in report.findings)
    assert "art_028.p2.execution_report.overdue" in report.rule_ids()
    assert_note(report, rule_id="art_035.p1.period_not_judged", cite="第三十五条", excludes=False)
    notes = [n for n in report.notes if n.rule_id == "art_035.p1.period_not_judged"]
    assert len(notes) == 2 and all(not n.excludes for n in notes)
    assert any("第二十七条" in n.message and "2025年2月20日" in n.message for n in notes)
    assert any("第二十六条" in n.message and "2025年2月18日" in n.message for n in notes)


def test_a_period_not_judged_has_no_last_day_and_no_act_is_timely_against_it():
    """The window of 第二十七条第一款 began before commencement, so it has no last day (the fact has
    no ``window_due``): an objection filed in it is neither timely nor late, and nothing of the review
    is judged. durable-rules decided ``filed <= window_due`` on a fact without ``window_due`` from
    memory it never wrote: in every process we tried it said "timely", and the report carried a review
    answered on time (第二十七条第一款), or, for an upheld objection, the end of the supervision;
    which finding came out depended on what the process had computed before (issue det). The same
    for the execution report of a decision letter received before commencement (第二十八条第二款)."""
    doc = case(
        started_on="2025-02-16",
        suggestion_letter=letter(issued="2025-02-21", received="2025-02-24"),
        objection={"id": "FC-1", "filed_on": "2025-03-04"},
        review_answer={"id": "DF-1", "answered_on": "2025-03-18", "objection_upheld": False, "received_on": "2025-03-21"},
    )
    report = run(doc, "2025-05-27")
    assert not any(f.article in (26, 27) for f in report.findings), report.rule_ids()
    upheld = copy.deepcopy(doc)
    upheld["supervision"]["review_answer"]["objection_upheld"] = True
    report = run(upheld, "2025-05-27")
    assert not any(f.article in (26, 27) for f in report.findings), report.rule_ids()
    executed = case(
        started_on="2025-01-10",
        suggestion_letter=letter(issued="2025-01-12", received="2025-01-13"),
        decision_letter={"id": "JDS-1", "issued_on": "2025-02-01", "received_on": "2025-02-04"},
        execution_report={"id": "ZX-1", "submitted_on": "2025-03-03"},
    )
    report = run(executed, "2025-03-20")
    assert not any(f.rule_id.startswith("art_028.p2") for f in report.findings), report.rule_ids()
    assert any(n.rule_id == "art_035.p1.period_not_judged" for n in report.notes)


def test_a_period_that_began_on_commencement_day_is_judged():
    doc = case(started_on="2025-02-10", suggestion_letter=letter(issued="2025-02-27", received="2025-03-01"))
    report = run(doc, "2025-06-30")
    assert "art_027.p2.rectify.overdue" in report.rule_ids()
    notes = [n.message for n in report.notes if n.rule_id == "art_035.p1.period_not_judged"]
    assert len(notes) == 1 and notes[0].startswith("制发《行政执法监督建议书》（第二十六条）") and "2025年2月27日" in notes[0]


def test_the_start_is_never_inferred_from_the_discovery_of_a_situation():
    # found 2025-02-20, no started_on, letter issued 2025-03-20: inside, judged from the letter
    doc = case(
        situations=[{"item": 1, "confirmed": True, "found_on": "2025-02-20"}],
        suggestion_letter=letter(issued="2025-03-20", received="2025-03-22"),
    )
    doc["supervision"].pop("started_on")
    report = run(doc, "2025-06-30")
    assert report.in_scope is True and report.missing_facts == ()
    note = next(n for n in report.notes if n.rule_id == "art_035.p1.in_force")
    assert "2025年3月20日" in note.message
    assert "art_026.p1.i1.letter_issued" in report.rule_ids()


def test_a_situation_found_before_commencement_with_no_step_names_the_missing_start():
    doc = case(situations=[{"item": 1, "confirmed": True, "found_on": "2025-02-25"}])
    doc["supervision"].pop("started_on")
    report = run(doc, "2025-06-30")
    # the JSON says what the text says (issue 19 review): not in scope, not out of it, undetermined
    assert report.in_scope is None
    a = report.applicability.measures
    assert (a.applicable, a.rule_ids, a.settled_by) == ("undetermined", ("art_035.p1.start_unknown",), ("supervision.started_on",))
    assert "是否适用本办法不能确定" in a.reason
    # the 条例 (2026-02-01) cannot be said to apply or not either: no step has a date
    t = report.applicability.tiaoli
    assert (t.applicable, t.settled_by) == ("undetermined", ("supervision.started_on",))
    assert [m.field for m in report.missing_facts] == ["supervision.started_on"]
    # A35-1: no dated step, so whether the measures apply cannot be determined (issue 19): one
    # note says so and names the fact that settles it; the finding is marked as resting on it
    assert [n.rule_id for n in report.notes if n.rule_id.startswith("art_035")] == ["art_035.p1.start_unknown"]
    note = next(n for n in report.notes if n.rule_id == "art_035.p1.start_unknown")
    assert "记录启动监督程序的日期（监督程序启动日）即可确定" in note.message and "不能确定" in note.message and not note.excludes
    (f,) = report.cites(26, 1, 1)
    assert f.rule_id == "art_026.p1.i1.letter_required" and f.modality.value == "shall"
    assert f.depends_on == "art_035.p1.start_unknown" and f.certainty.value == "possible"
    assert f.uncertain_facts == ("supervision.started_on（启动日期不详）",)


def test_unknown_start_is_named_as_missing():
    doc = case(situations=[{"item": 1, "confirmed": True}])
    doc["supervision"].pop("started_on")
    report = run(doc, "2025-06-30")
    assert [m.field for m in report.missing_facts] == ["supervision.started_on"]
    (note,) = [n for n in report.notes if n.article == 35]
    assert note.rule_id == "art_035.p1.start_unknown" and (note.paragraph, note.item) == (1, None)
    assert_note(report, rule_id="art_035.p1.start_unknown", excludes=False)


def test_a_procedure_from_before_the_calendar_data_is_excluded_not_an_error():
    # 2003 has no holiday calendar; the case is outside the measures, so no period is computed.
    doc = case(started_on="2003-05-01", suggestion_letter=letter(received="2003-05-12", issued="2003-05-10"))
    doc["enforcement_action"]["acted_on"] = "2003-04-01"
    doc["supervision"]["situations"][0]["found_on"] = "2003-05-01"
    report = run(doc, "2025-06-30")
    assert report.in_scope is False and report.findings == () and report.missing_facts == ()
    assert [n.rule_id for n in report.notes if n.excludes] == ["art_035.p1.not_yet_in_force"]


# ---- a start known only within an interval (issue 19, A35-2, IMP-1) ---------------------------


def test_a_start_known_only_to_the_year_with_a_later_step_applies_whichever_day_it_was():
    # started some day of 2025 no later than the letter of 2025-04-01: before 2025-03-01 the
    # procedure continues under the measures (程序从新, A35-1), from then on it is in force; either
    # way the letter is judged, so the measures apply in every reading (A35-2)
    doc = case(started_on="2025", suggestion_letter=letter(received="2025-04-03", issued="2025-04-01"))
    report = run(doc, "2025-06-30")
    note = assert_note(report, rule_id="art_035.p1.start_straddles_applies", cite="第三十五条", excludes=False)
    assert (note.article, note.paragraph, note.item) == (35, 1, None)
    assert note.certainty.value == "certain"
    assert "2025年1月1日至2025年4月1日之间" in note.message  # the start is no later than the letter
    assert "无论最早的步骤在其中哪一日" in note.message and "适用本办法" in note.message
    assert_no_note(report, rule_id="art_035.p1.start_straddles")
    assert report.in_scope is True
    m = report.applicability.measures
    assert (m.applicable.value, m.rule_ids, m.reason, m.settled_by) == ("yes", ("art_035.p1.start_straddles_applies",), note.message, ())
    # in force or begun before: each holds for some days of 2025, so each is only possible
    for rid in ("art_035.p1.in_force", "art_035.p1.procedure_continues"):
        n = assert_note(report, rule_id=rid)
        assert n.certainty.value == "possible"
        assert n.uncertain_facts == ("supervision.started_on（2025年，只知年份）",)
    # a letter received after the commencement is judged whenever the procedure began (程序从新)
    f = only(report, "art_027.p2.rectify.overdue", modality="violation", status="overdue", due="2025-05-06")
    assert f.certainty.value == "certain" and f.uncertain_facts == ()
    from enshi_rules.cli import render_text

    assert "适用本办法：是" in render_text(report)


def test_a_start_known_only_to_the_year_whose_every_step_may_precede_commencement_is_undetermined():
    # the start and the letter both known only to the year 2025: read early, every step is before
    # 2025-03-01 (outside the measures); read late, after it: whether they apply depends on the day
    doc = case(started_on="2025", suggestion_letter={"issued_on": "2025"})
    report = run(doc, "2025-06-30")
    note = assert_note(report, rule_id="art_035.p1.start_straddles", cite="第三十五条", excludes=False)
    assert note.certainty.value == "certain"
    assert "在其中部分日期下本次监督的所有步骤都在施行之前" in note.message and "记录确切的启动日期（监督程序启动日）即可确定" in note.message
    assert_no_note(report, rule_id="art_035.p1.start_straddles_applies")
    assert report.in_scope is None
    assert report.applicability.measures.applicable.value == "undetermined"
    assert report.applicability.measures.settled_by[0] == "supervision.started_on"
    excluded = assert_note(report, rule_id="art_035.p1.not_yet_in_force", excludes=True)
    assert excluded.certainty.value == "possible"


def test_a_last_step_no_earlier_than_commencement_day_makes_every_reading_apply():
    # the letter issued some day of March 2025: its earliest day is 2025-03-01 itself, the first day
    # of the measures (施行日 included), so even the earliest reading has a step they judge
    doc = case(started_on="2025", suggestion_letter={"issued_on": "2025-03"})
    report = run(doc, "2025-06-30")
    assert_note(report, rule_id="art_035.p1.start_straddles_applies", excludes=False, certainty="certain")
    assert_no_note(report, rule_id="art_035.p1.start_straddles")
    assert report.in_scope is True
    assert_no_note(report, rule_id="art_035.p1.not_yet_in_force")


def test_a_start_known_to_a_month_wholly_after_commencement_is_certain():
    doc = case(started_on="2025-03", suggestion_letter=letter(received="2025-04-03", issued="2025-04-01"))
    report = run(doc, "2025-06-30")
    assert_no_note(report, rule_id="art_035.p1.start_straddles")
    assert_no_note(report, rule_id="art_035.p1.start_unknown")
    n = assert_note(report, rule_id="art_035.p1.in_force")
    assert n.certainty.value == "certain" and "2025年3月1日至2025年3月31日之间" in n.message


def test_a_start_known_to_a_month_wholly_before_commencement_excludes_the_matter():
    doc = case(started_on="2025-02", suggestion_letter=None)
    doc["supervision"]["situations"][0].pop("found_on")
    report = run(doc, "2025-06-30")
    assert report.in_scope is False and report.findings == ()
    n = assert_note(report, rule_id="art_035.p1.not_yet_in_force", excludes=True)
    assert n.certainty.value == "certain"
    assert_no_note(report, rule_id="art_035.p1.start_straddles")


def test_a_start_known_to_a_month_wholly_before_commencement_with_later_steps_is_certain_procedure_continuing():
    # started some day of January 2025 (every day of it before 2025-03-01), letter April 2025: the
    # measures certainly apply to the later steps (程序从新, A35-1); nothing straddles (A35-2)
    doc = case(started_on="2025-01", suggestion_letter=letter(received="2025-04-03", issued="2025-04-01"))
    report = run(doc, "2025-06-30")
    assert_no_note(report, rule_id="art_035.p1.start_straddles")
    assert_no_note(report, rule_id="art_035.p1.in_force")
    n = assert_note(report, rule_id="art_035.p1.procedure_continues", cite="第三十五条", excludes=False)
    assert n.certainty.value == "certain"
    assert "2025年1月1日至2025年1月31日之间" in n.message
    f = only(report, "art_027.p2.rectify.overdue", modality="violation", status="overdue", due="2025-05-06")
    assert f.certainty.value == "certain" and f.depends_on is None


def test_a_start_given_exactly_is_neither_unknown_nor_straddling():
    report = run(case(), "2025-06-30")
    assert_no_note(report, rule_id="art_035.p1.start_unknown")
    assert_no_note(report, rule_id="art_035.p1.start_straddles")
    assert all(f.certainty.value == "certain" and f.depends_on is None for f in report.findings)


def test_a_matter_with_only_deficiencies_and_no_date_names_the_missing_start():
    # issue 19 point 4: deficiencies under 第十二条至第十四条 alone, nothing dated
    doc = case(started_on=None, situations=None, deficiencies=[
        {"id": "QX-1", "article": 12, "item": 1, "confirmed": True},
        {"id": "QX-2", "article": 13, "item": 1, "confirmed": True},
    ])
    doc["enforcement_action"].pop("acted_on")
    report = run(doc, "2025-06-30")
    assert [m.field for m in report.missing_facts] == ["supervision.started_on"]
    assert_note(report, rule_id="art_035.p1.start_unknown", excludes=False)
    assert report.findings and all(
        f.depends_on == "art_035.p1.start_unknown" and f.certainty.value == "possible" for f in report.findings if f.article != 3
    )
    from enshi_rules.cli import render_text

    assert "适用本办法：不能确定" in render_text(report)


def test_a_case_recording_no_supervision_matter_leaves_no_start_unknown():
    # an organ's annual duties (第十五、十八、十九条) and a complaint received after the commencement,
    # no procedure step, nothing found: 第三十五条 has no start to ask about, and nothing of the
    # case depends on one (the complaint of 第十条第二款 is dated by its own receipt)
    doc = case()
    doc.pop("supervision")
    doc["supervising_organ"], doc["supervised_organ"] = "422800.sfj", "422801.sfj"
    doc["organs"] = []
    doc["annual_duties"] = [{"organ": "422801.sfj", "year": 2025, "responsibility_list_on": "2025-03-20", "annual_plan_on": "2025-03-25",
                             "case_file_reviews": ["2025-09-15"], "assessments": [{"held_on": "2025-12-10", "internal": True, "external": True}]}]
    doc["complaints"] = [{"id": "TS-1", "complainant": "公民", "kind": "投诉", "received_on": "2025-12-22"}]
    report = run(doc, "2026-01-20")
    assert_no_note(report, rule_id="art_035.p1.start_unknown")
    assert "supervision.started_on" not in [m.field for m in report.missing_facts]
    f = only(report, "art_010.p2.complaint_unhandled", cite="第十条第二款", modality="shall")
    assert f.depends_on is None and f.certainty.value == "certain"
    only(report, "art_015.p1.annual_plan.on_time", modality="shall")
