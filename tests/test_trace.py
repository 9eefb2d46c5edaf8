"""Traceability: article_map.yaml against the text, the rules, the register and the tests.

The first test runs ``enshi-rules trace --check`` on the real map (last in the session, so that it
can use which rules fired in every other test); the others prove that each kind of drift is caught,
on modified copies of the map, never the real one.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path

import pytest

import enshi_rules
from enshi_rules._engine import durable as _engine
from enshi_rules.rules import all_rules
from enshi_rules._law import article_map, coverage, register
from enshi_rules._law import check as trace_check
from enshi_rules._law import docs as _trace_docs
from enshi_rules._law import text as _text
from enshi_rules._law.article_map import ArticleMap, Entry, load_map, parse_map
from enshi_rules._law.check import check
from enshi_rules._law.coverage import Coverage, RunRecord
from enshi_rules.cli import main

ROOT = Path(__file__).resolve().parents[1]
MAP = ROOT / article_map.MAP_FILE


@pytest.mark.needs_rule_coverage
def test_the_article_map_passes_the_check(rule_coverage):
    """What CI enforces: every unit mapped, every rule listed where it cites, every rule pinned down
    by a listed test where it fires and one where it does not (verified against this session's
    firings when the listed tests ran), every text hash current, every interpretation in place."""
    result = check(load_map(MAP), coverage=rule_coverage)
    assert result.ok, "\n" + result.render() + (
        "\nFix article_map.yaml as each problem says (then `enshi-rules trace --write-docs`). Tests that "
        "pin a rule down: `enshi-rules trace --suggest` lists recorded candidates."
    )


@pytest.mark.needs_rule_coverage
def test_the_tiaoli_map_passes_the_check(rule_coverage):
    """The same check over the 条例's excerpts (tiaoli_map.yaml): every unit of the excerpts mapped,
    every tl_ rule listed and pinned."""
    result = check(article_map.load_instrument_map(ROOT, _text.TIAOLI), coverage=rule_coverage)
    assert result.ok, "\n" + result.render()
    assert result.map_file == "tiaoli_map.yaml" and result.counts["units"] == len(_text.regulation(_text.TIAOLI).units)


def test_the_tiaoli_map_refuses_a_unit_that_was_not_obtained():
    """第七条 and 第六条第二款 were not obtained: an entry for them names no unit, and dropping an
    entry of the excerpts is a missing unit (the check works on the 条例's units, not the measures')."""
    tmap = article_map.load_instrument_map(ROOT, _text.TIAOLI)
    raw = {u: copy.deepcopy(dict(e.raw)) for u, e in tmap.entries.items()}
    raw["art_7"] = {"citation": "第七条", "text_hash": "0" * 16, "status": "planned", "issue": 12}
    raw["art_6__para_2"] = {"citation": "第六条第二款", "text_hash": "0" * 16, "status": "planned", "issue": 12}
    raw.pop("art_42__para_2")
    got = {(p.kind, p.unit): p.message for p in check(ArticleMap(tmap.path, {u: Entry(u, r, 0) for u, r in raw.items()}, _text.TIAOLI)).problems}
    assert "the excerpts of 《行政执法监督条例》" in got[("unit-unknown", "art_7")]
    assert ("unit-unknown", "art_6__para_2") in got
    assert "《行政执法监督条例》第四十二条第二款" in got[("unit-missing", "art_42__para_2")]


def test_generated_docs_are_fresh():
    stale = _trace_docs.stale_docs(ROOT, load_map(MAP))
    assert not stale, f"stale generated docs {stale}: run `enshi-rules trace --write-docs` and commit the result"


def test_every_finding_cites_through_the_text_module():
    for r in all_rules().values():
        assert r.citation == _text.citation(r.article, r.paragraph, r.item, instrument=r.instrument)
        assert article_map.rule_unit(r) in _text.regulation(r.instrument).units
        assert r.instrument is (_text.TIAOLI if r.rule_id.startswith("tl_") else _text.MEASURES)


# ---------------------------------------------------------------------------- drift is detected


@pytest.fixture(scope="module")
def real() -> ArticleMap:
    return load_map(MAP)


@pytest.fixture(scope="module")
def baseline(real) -> set[tuple[str, str]]:
    """Problems of the real map as it is (so that these tests hold while others edit it)."""
    return {(p.kind, p.unit) for p in check(real).problems}


def mutate(amap: ArticleMap, change) -> ArticleMap:
    raw = {u: copy.deepcopy(dict(e.raw)) for u, e in amap.entries.items()}
    change(raw)
    return ArticleMap(amap.path, {u: Entry(u, r, 0) for u, r in raw.items()})


def new_problems(amap: ArticleMap, baseline, **kw) -> dict[tuple[str, str], str]:
    return {(p.kind, p.unit): p.message for p in check(amap, **kw).problems if (p.kind, p.unit) not in baseline}


def test_a_unit_without_an_entry(real, baseline):
    got = new_problems(mutate(real, lambda m: m.pop("art_27__para_2")), baseline)
    msg = got[("unit-missing", "art_27__para_2")]
    assert "第二十七条第二款" in msg
    assert f"text_hash: {_text.regulation().units['art_27__para_2'].text_hash}" in msg  # the entry to add


@pytest.mark.parametrize(("unit", "hint"), [("art_36", None), ("art_27__para_3", "art_27__para_2"), ("art_027", "art_27")])
def test_an_entry_naming_no_unit(real, baseline, unit, hint):
    got = new_problems(mutate(real, lambda m: m.__setitem__(unit, {"status": "planned", "issue": 4})), baseline)
    msg = got[("unit-unknown", unit)]
    if hint:
        assert hint in msg


def test_a_listed_rule_that_does_not_exist(real, baseline):
    def change(m):
        m["art_27__para_2"]["rules"]["art_027.p2.rectify.never"] = ["tests/rules/test_art_027.py::test_rectification_reported_the_day_after_is_late"]

    got = new_problems(mutate(real, change), baseline)
    assert "art_027.p2.rectify.never" in got[("rule-unknown", "art_27__para_2")]


def test_a_rule_the_map_does_not_list_says_what_entry_to_add(real, baseline):
    got = new_problems(mutate(real, lambda m: m["art_27__para_2"]["rules"].pop("art_027.p2.rectify.late")), baseline)
    msg = got[("rule-unlisted", "art_27__para_2")]
    assert "art_027.p2.rectify.late" in msg and "enshi_rules.rules.art_027" in msg
    snippet = msg.split("\n", 1)[1]
    entry = parse_map(snippet, MAP).entries["art_27__para_2"]  # the snippet is the entry, as YAML
    assert entry.status == "encoded" and "art_027.p2.rectify.late" in entry.rules
    assert "art_027.p2.rectify.on_time" in entry.rules  # the rules already there are kept


def test_a_new_rule_in_a_planned_unit_says_to_encode_it(real, baseline):
    # On a copy where 第七条第一款 (not-operative in the real map) is planned, so that the test does not
    # depend on the real map still having a planned unit.
    planned = "art_7__para_1"

    def change(m):
        for k in ("reason", "note"):
            m[planned].pop(k, None)
        m[planned].update(status="planned", issue=4)

    amap = mutate(real, change)
    unit = _text.regulation().units[planned]
    template = all_rules()["art_027.p2.rectify.late"]
    rid = f"art_{unit.article:03d}.p{unit.paragraph}." + (f"i{unit.item}." if unit.item else "") + "new_rule"
    fake = dataclasses.replace(template, rule_id=rid, article=unit.article, paragraph=unit.paragraph, item=unit.item, module="enshi_rules.rules.art_new")
    got = new_problems(amap, baseline, rules={**all_rules(), rid: fake})
    msg = got[("rule-unlisted", planned)]
    entry = parse_map(msg.split("\n", 1)[1], MAP).entries[planned]
    assert entry.status == "encoded" and rid in entry.rules and "issue" not in entry.raw
    assert f"tests/rules/test_art_{unit.article:03d}.py::" in msg


def test_a_rule_listed_under_another_unit_than_it_cites(real, baseline):
    def change(m):
        tests = m["art_27__para_2"]["rules"].pop("art_027.p2.rectify.late")
        m["art_27__para_1"]["rules"]["art_027.p2.rectify.late"] = tests

    got = new_problems(mutate(real, change), baseline)
    msg = got[("rule-misplaced", "art_27__para_1")]
    assert "第二十七条第二款" in msg and "art_27__para_2" in msg


def test_a_rule_whose_own_citation_changed(real, baseline):
    r = all_rules()["art_028.p2.execution_report.late"]
    moved = dataclasses.replace(r, paragraph=1)  # the rule now says 第二十八条第一款
    got = new_problems(real, baseline, rules={**all_rules(), r.rule_id: moved})
    assert "paragraph=1" in got[("rule-misplaced", "art_28__para_2")]


def test_a_rule_listed_twice(real, baseline):
    def change(m):
        m["art_27__para_1"]["rules"]["art_027.p2.rectify.late"] = m["art_27__para_2"]["rules"]["art_027.p2.rectify.late"]

    got = new_problems(mutate(real, change), baseline)
    assert ("rule-duplicate", "art_27__para_1") in got or ("rule-duplicate", "art_27__para_2") in got


def test_a_rule_without_tests(real, baseline):
    got = new_problems(mutate(real, lambda m: m["art_27__para_2"]["rules"].__setitem__("art_027.p2.rectify.late", [])), baseline)
    assert "art_027.p2.rectify.late" in got[("rule-untested", "art_27__para_2")]


@pytest.mark.parametrize(
    ("ref", "why"),
    [
        ("tests/rules/test_art_027.py::test_there_is_no_such_test", "defines no test"),
        ("tests/rules/test_art_999.py::test_x", "does not exist"),
        ("test_rectification_reported_the_day_after_is_late", "not a pytest node id"),
    ],
)
def test_a_listed_test_that_does_not_exist(real, baseline, ref, why):
    got = new_problems(mutate(real, lambda m: m["art_27__para_2"]["rules"]["art_027.p2.rectify.late"].append(ref)), baseline)
    assert why in got[("test-missing", "art_27__para_2")]


def test_a_listed_test_with_parameters_is_found_by_its_function(real, baseline):
    ref = "tests/rules/test_art_026.py::test_confirmed_situation_without_letter_obliges_a_letter[3]"
    got = new_problems(mutate(real, lambda m: m["art_26__para_1__item_3"]["rules"]["art_026.p1.i3.letter_required"].append(ref)), baseline)
    assert ("test-missing", "art_26__para_1__item_3") not in got


def _coverage_for(amap: ArticleMap, rid: str, *, fires: bool, quiet: bool, asserted: bool = True) -> Coverage:
    """Recorded runs of the rule's listed tests: the first fires it (and, if ``asserted``, asserts
    it with its status), the others do not fire it (and, if ``asserted``, assert it absent)."""
    tests = next(e.rules[rid] for e in amap.entries.values() if rid in e.rules)
    recs = {}
    for i, t in enumerate(tests):
        firing = fires and (i == 0 or not quiet)
        fired = {rid: 1} if firing else {}
        pins: dict[str, tuple[str, ...]] = {}
        if asserted and firing:
            pins[rid] = (coverage.PRESENT, coverage.QUALIFIED)
        elif asserted and not firing and quiet:
            pins[rid] = (coverage.ABSENT,)
        recs[t] = RunRecord(evaluations=1, fired=fired, passed=True, asserted=pins)
    return Coverage(recs, source="synthetic")


def _not_pinned(real: ArticleMap, rid: str, cov: Coverage) -> list[str]:
    return [p.message for p in check(real, coverage=cov).problems if p.kind == "rule-not-pinned" and f" {rid} " in p.message]


@pytest.mark.parametrize(
    ("fires", "quiet", "lacking", "what_to_write"),
    [
        (False, True, "it fires in none of the listed tests", 'assert_finding(report, rule_id="art_027.p2.rectify.late", modality="violation", status="late")'),
        (True, False, "an assertion that it is absent", 'assert_no_finding(report, rule_id="art_027.p2.rectify.late")'),
    ],
)
def test_a_rule_needs_a_listed_test_asserting_it_and_one_asserting_its_absence(real, fires, quiet, lacking, what_to_write):
    rid = "art_027.p2.rectify.late"
    problems = _not_pinned(real, rid, _coverage_for(real, rid, fires=fires, quiet=quiet))
    assert problems and lacking in problems[0] and what_to_write in problems[0]


def test_firing_without_an_assertion_does_not_pin_a_rule(real):
    """The fifth change of issue 14: a listed test where the rule fires but nothing asserts on it."""
    rid = "art_027.p2.rectify.late"
    problems = _not_pinned(real, rid, _coverage_for(real, rid, fires=True, quiet=True, asserted=False))
    assert problems
    assert "it fires in a listed test, but no assertion there names it" in problems[0]
    assert "an assertion that it is absent" in problems[0]


def test_an_assertion_without_modality_or_status_does_not_pin_a_rule(real):
    rid = "art_027.p2.rectify.late"
    cov = _coverage_for(real, rid, fires=True, quiet=True)
    first = next(iter(cov.tests))
    cov.tests[first] = dataclasses.replace(cov.tests[first], asserted={rid: (coverage.PRESENT,)})
    problems = _not_pinned(real, rid, cov)
    assert problems and "asserts the finding is there, but not its modality or its status" in problems[0]


def test_assertions_that_pin_the_rule_pass(real):
    rid = "art_027.p2.rectify.late"
    result = check(real, coverage=_coverage_for(real, rid, fires=True, quiet=True))
    assert not [p for p in result.problems if p.kind == "rule-not-pinned" and f" {rid} " in p.message]
    assert result.counts["verified"] >= 1


def test_unrecorded_tests_leave_a_note_not_a_failure(real):
    rid = "art_027.p2.rectify.late"
    cov = _coverage_for(real, rid, fires=False, quiet=True)
    first = next(iter(cov.tests))
    del cov.tests[first]  # one listed test did not run in the recorded session
    result = check(real, coverage=cov)
    assert not [p for p in result.problems if p.kind == "rule-not-pinned" and f" {rid} " in p.message]
    assert any("not verified" in n for n in result.notes)


def test_the_assertion_helpers_record_what_they_asserted_on():
    from enshi_rules.testing import (
        _pins,
        assert_finding,
        assert_matches,
        assert_no_finding,
    )

    report = enshi_rules.evaluate(json.loads((ROOT / "examples" / "overdue_decision.json").read_text(encoding="utf-8")))
    seen: list[_pins.Pin] = []
    _pins.LISTENERS.append(seen.append)
    try:
        f = assert_finding(report, rule_id="art_027.p2.rectify.overdue")
        assert_matches(f, cite="第二十七条第二款", status="overdue")
        assert_no_finding(report, rule_id="art_027.p2.rectify.on_time")
        assert_no_finding(report, rule_id="art_027.p2.rectify.on_time", due="2025-01-01")  # narrower: no pin
    finally:
        _pins.LISTENERS.remove(seen.append)
    assert [(p.rule_id, p.present, p.qualified) for p in seen] == [
        ("art_027.p2.rectify.overdue", True, False),  # found by id, nothing said about how it binds
        ("art_027.p2.rectify.overdue", True, True),  # its citation and status
        ("art_027.p2.rectify.on_time", False, False),  # asserted absent
    ]


def test_a_changed_text_hash(real, baseline):
    got = new_problems(mutate(real, lambda m: m["art_27__para_2"].__setitem__("text_hash", "0000000000000000")), baseline)
    msg = got[("text-changed", "art_27__para_2")]
    assert _text.regulation().units["art_27__para_2"].text_hash in msg and "review" in msg


def test_an_amended_text_is_caught(real, baseline, monkeypatch):
    amended = _text.parse_regulation(_text._raw_text().replace("十五日内予以复查", "二十日内予以复查"))
    original = _text.regulation
    monkeypatch.setattr(_text, "regulation", lambda instrument=_text.MEASURES: amended if instrument is _text.MEASURES else original(instrument))
    got = {(p.kind, p.unit) for p in check(real).problems}
    assert {("text-changed", "art_27"), ("text-changed", "art_27__para_1")} <= got
    assert ("text-changed", "art_27__para_2") not in got


def test_a_wrong_citation_label(real, baseline):
    got = new_problems(mutate(real, lambda m: m["art_27__para_2"].__setitem__("citation", "第二十七条第一款")), baseline)
    assert "第二十七条第二款" in got[("citation-mismatch", "art_27__para_2")]


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda e: e.__setitem__("status", "done"), "must be one of"),
        (lambda e: (e.__setitem__("status", "not-operative"), e.pop("rules")), "needs a reason"),
        (lambda e: (e.__setitem__("status", "planned"), e.pop("rules")), "needs issue"),
        (lambda e: e.__setitem__("status", "planned"), "lists rules but its status is planned"),
        (lambda e: e.__setitem__("reasons", "typo"), "unknown key"),
    ],
)
def test_invalid_status_fields(real, baseline, change, fragment):
    got = new_problems(mutate(real, lambda m: change(m["art_27__para_2"])), baseline)
    assert any(fragment in msg for (kind, unit), msg in got.items() if unit == "art_27__para_2"), got


def test_an_encoded_article_needs_something_encoded_beneath_it(real, baseline):
    def change(m):
        for u in ("art_35", "art_35__para_1"):
            m[u]["status"] = "encoded"
        m["art_35__para_1"].pop("rules", None)

    got = new_problems(mutate(real, change), baseline)
    assert ("status-invalid", "art_35") in got and ("status-invalid", "art_35__para_1") in got


def test_interpretations_must_match_the_register(real, baseline):
    def change(m):
        m["art_27__para_1"]["interpretations"] = [x for x in m["art_27__para_1"]["interpretations"] if x != "P2"] + ["A35-1"]
        m["art_27__para_2"]["interpretations"].append("Z-9")

    got = new_problems(mutate(real, change), baseline)
    msg = got[("interpretation-mismatch", "art_27__para_1")]
    assert "add P2" in msg and "remove A35-1" in msg
    assert "Z-9" in got[("interpretation-unknown", "art_27__para_2")]


def test_an_interpretation_naming_no_rule_is_caught(real):
    reg = register.load_register()
    g = reg.groups[0]
    bad = dataclasses.replace(g.choices[0], rules=("art_099.*",))
    broken = dataclasses.replace(reg, groups=(dataclasses.replace(g, choices=(bad, *g.choices[1:])), *reg.groups[1:]))
    assert any("art_099.*" in p.message for p in check(real, register=broken).problems if p.kind == "interpretation-dangling")


def test_duplicate_keys_in_the_map_are_refused():
    text = "art_1:\n  status: planned\n  issue: 4\nart_1:\n  status: planned\n  issue: 4\n"
    with pytest.raises(article_map.MapError, match="line 4.*twice"):
        parse_map(text, MAP)


# ---------------------------------------------------------------------------- the commands


def test_cli_check_fails_on_a_broken_copy_and_names_the_unit(tmp_path, capsys):
    text = MAP.read_text(encoding="utf-8").replace("art_35__para_1:\n", "art_35__para_9:\n", 1)
    broken = tmp_path / article_map.MAP_FILE
    broken.write_text(text, encoding="utf-8")
    assert main(["trace", "--check", "--no-coverage", "--map", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "[unit-missing] art_35__para_1" in out and "[unit-unknown] line" in out and "art_35__para_9" in out


def test_cli_articles_prints_an_article_a_lawyer_can_read(capsys):
    assert main(["articles", "27"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("《恩施土家族苗族自治州行政执法监督办法》第二十七条")
    for fragment in (
        "第二款  art_27__para_2",
        "应当分别自收到《行政执法监督建议书》、复查答复之日起三十日内完成整改",
        "art_027.p2.rectify.overdue  〔违反·被监督机关〕",
        "期限届满仍未完成",
        "A27-2  复查期间不计算整改期限",
    ):
        assert fragment in out


def test_cli_articles_items_and_index(capsys):
    assert main(["articles", "26"]) == 0
    out = capsys.readouterr().out
    assert "第（三）项  art_26__para_1__item_3" in out and "（三）不履行或者不正确履行行政执法职责的；" in out
    assert main(["articles"]) == 0
    index = capsys.readouterr().out
    assert index.count("art_") == 35 and "第三十五条" in index
    assert main(["articles", "36"]) == 2


def test_cli_trace_needs_an_action(capsys):
    assert main(["trace"]) == 2


# ---------------------------------------------------------------------------- rule coverage


def test_engine_listeners_see_the_rules_fired_by_each_evaluation():
    seen: list[tuple[str, ...]] = []
    _engine.LISTENERS.append(seen.append)
    try:
        report = enshi_rules.evaluate(json.loads((ROOT / "examples" / "overdue_decision.json").read_text(encoding="utf-8")))
    finally:
        _engine.LISTENERS.remove(seen.append)
    assert len(seen) == 1
    assert set(report.rule_ids()) <= set(seen[0])


def test_recorder_writes_merges_and_drops_stale_records(tmp_path):
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "test_a.py").write_text("def test_one():\n    pass\n", encoding="utf-8")
    (tests / "test_b.py").write_text("def test_two():\n    pass\n", encoding="utf-8")
    rec = coverage.CoverageRecorder(tmp_path)
    rec.begin("tests/test_a.py::test_one")
    rec.listen(("art_027.p2.rectify.late", "art_035.p1.in_force"))
    rec.listen(())
    rec.end()
    rec.begin("tests/test_b.py::test_two")
    rec.outcome("tests/test_b.py::test_two", False)
    rec.end()
    rec.listen(("art_001.outside_any_test",))  # between tests: not attributed
    rec.write()
    cov = coverage.load_coverage(tmp_path)
    one = cov.tests["tests/test_a.py::test_one"]
    assert (one.evaluations, dict(one.fired), one.passed) == (2, {"art_027.p2.rectify.late": 1, "art_035.p1.in_force": 1}, True)
    assert cov.tests["tests/test_b.py::test_two"].passed is False

    # a later session that runs only test_b keeps test_a's record
    rec2 = coverage.CoverageRecorder(tmp_path)
    rec2.begin("tests/test_b.py::test_two")
    rec2.end()
    rec2.write()
    assert set(coverage.load_coverage(tmp_path).tests) == {"tests/test_a.py::test_one", "tests/test_b.py::test_two"}

    # a test file that changed since is not trusted
    (tests / "test_a.py").write_text("def test_one():\n    assert True\n", encoding="utf-8")
    cov = coverage.load_coverage(tmp_path)
    assert set(cov.tests) == {"tests/test_b.py::test_two"} and any("test_a.py" in n for n in cov.notes)

    # nor is data recorded against other package sources
    data = json.loads((tmp_path / coverage.COVERAGE_FILE).read_text(encoding="utf-8"))
    data["package"] = "0" * 16
    (tmp_path / coverage.COVERAGE_FILE).write_text(json.dumps(data), encoding="utf-8")
    cov = coverage.load_coverage(tmp_path)
    assert cov.tests == {} and "other package sources" in cov.notes[0]
    assert coverage.load_coverage(tmp_path / "tests") is None  # no file: None


def test_coverage_report_names_rules_that_never_fired(real):
    rules = all_rules()
    rid = "art_027.p2.rectify.late"
    tests = next(e.rules[rid] for e in real.entries.values() if rid in e.rules)
    cov = Coverage({tests[0]: RunRecord(1, {rid: 1}, True), tests[-1]: RunRecord(1, {}, True)}, source="synthetic")
    text, ok = trace_check.coverage_report(real, cov, rules)
    assert not ok
    assert "never fired: art_027.p2.rectify.on_time" in text
    assert "never fired: art_027.p2.rectify.late" not in text


def test_the_register_keeps_the_day_counting_choices():
    reg = register.load_register()
    ids = list(reg.by_id)
    assert ids[:9] == [f"P{i}" for i in range(1, 10)]
    assert "这是我们的假设" in reg.by_id["P5"].choice
    for c in reg.by_id.values():
        assert c.title and c.choice and c.source, c.id
