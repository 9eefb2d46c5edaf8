"""第三十五条: in force from 2025-03-01; a procedure started before is outside the measures."""

from __future__ import annotations

from .casebuilder import case, letter, run


def test_procedure_started_the_day_before_commencement_is_outside_and_has_no_findings():
    doc = case(started_on="2025-02-28", suggestion_letter=letter(received="2025-03-03", issued="2025-03-01"))
    report = run(doc, "2025-06-30")
    assert report.in_scope is False
    assert report.findings == ()
    note = next(n for n in report.notes if n.rule_id == "art_035.p1.not_yet_in_force")
    assert note.excludes is True
    assert (note.article, note.paragraph, note.item) == (35, 1, None)
    assert note.citation == "《恩施土家族苗族自治州行政执法监督办法》第三十五条"
    assert "2025年2月28日" in note.message
    assert report.timeline == ()


def test_procedure_started_on_commencement_day_is_inside():
    doc = case(started_on="2025-03-01", suggestion_letter=letter(received="2025-03-03", issued="2025-03-01"))
    report = run(doc, "2025-06-30")
    assert report.in_scope is True
    assert "art_035.p1.in_force" in report.rule_ids()
    assert "art_027.p2.rectify.overdue" in report.rule_ids()


def test_straddling_case_follows_the_start_of_the_procedure():
    # enforcement in 2024, supervision started in 2025: inside (the measures govern supervision)
    doc = case(started_on="2025-03-10")
    doc["enforcement_action"]["acted_on"] = "2024-11-05"
    assert run(doc, "2025-06-30").in_scope is True
    # supervision started before, its letter after commencement: the whole procedure stays outside
    doc = case(started_on="2025-02-20", suggestion_letter=letter(received="2025-03-05", issued="2025-03-04"))
    assert run(doc, "2025-06-30").in_scope is False


def test_start_defaults_to_the_earliest_supervision_date():
    doc = case(situations=[{"item": 1, "confirmed": True, "found_on": "2025-02-25"}])
    doc["supervision"].pop("started_on")
    report = run(doc, "2025-06-30")
    assert report.in_scope is False


def test_unknown_start_is_named_as_missing():
    doc = case(situations=[{"item": 1, "confirmed": True}])
    doc["supervision"].pop("started_on")
    report = run(doc, "2025-06-30")
    assert [m.field for m in report.missing_facts] == ["supervision.started_on"]
    assert not any(n.rule_id.startswith("art_035") for n in report.notes)


def test_a_procedure_from_before_the_calendar_data_is_excluded_not_an_error():
    # 2003 has no holiday calendar; the case is outside the measures, so no period is computed.
    doc = case(started_on="2003-05-01", suggestion_letter=letter(received="2003-05-12", issued="2003-05-10"))
    doc["enforcement_action"]["acted_on"] = "2003-04-01"
    doc["supervision"]["situations"][0]["found_on"] = "2003-05-01"
    report = run(doc, "2025-06-30")
    assert report.in_scope is False and report.findings == () and report.missing_facts == ()
    assert [n.rule_id for n in report.notes if n.excludes] == ["art_035.p1.not_yet_in_force"]
