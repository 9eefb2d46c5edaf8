"""The check of the article map (``enshi-rules trace --check``), the coverage report and suggestions.

:func:`check` compares the map with the parsed text, the declared rules, the interpretation register
(``data/interpretations.yaml``) and the test files, and, when there is recorded rule coverage, with
which rules fired in which test. Every problem names the entry and says what to change.
"""

from __future__ import annotations

import ast
import fnmatch
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .._engine.rulebook import Rule
from ..rules import all_rules
from . import text as _text
from .article_map import (
    ENCODED,
    ENTRY_KEYS,
    MAP_FILE,
    NOT_OPERATIVE,
    PLANNED,
    STATUSES,
    ArticleMap,
    Entry,
    article_test_module,
    rule_unit,
    rules_of,
)
from .coverage import ABSENT, COVERAGE_FILE, PRESENT, QUALIFIED, Coverage, RunRecord
from .register import Register, expected_interpretations, load_register, register_units

# ============================================================================ test references


_REF = re.compile(r"^(?P<file>[^:\s]+\.\w+)::(?P<name>[^:\[\]]+?)(?:::(?P<method>[^:\[\]]+))?(?:\[.*\])?$")


@cache
def _test_names(path: Path, mtime: float) -> frozenset[str] | None:
    """``name`` and ``Class::method`` of every function and class defined in a test file."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return None
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef):
            names.add(node.name)
            for sub in node.body:
                if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    names.add(f"{node.name}::{sub.name}")
    return frozenset(names)


def find_test_problem(ref: str, root: Path) -> str | None:
    """Why a listed test cannot be found, or None if it exists."""
    m = _REF.match(ref.strip())
    if m is None:
        return f"{ref!r} is not a pytest node id like tests/rules/test_art_027.py::test_name"
    path = root / m["file"]
    if not path.is_file():
        return f"test file {m['file']} does not exist"
    if path.suffix != ".py":  # a test collected from a data file (a YAML scenario): its name is in it
        text = path.read_text(encoding="utf-8", errors="replace")
        return None if m["name"].strip() in text else f"{m['file']} has no test named {m['name']!r}"
    names = _test_names(path, path.stat().st_mtime)
    if names is None:
        return f"test file {m['file']} cannot be parsed"
    name = m["name"] + (f"::{m['method']}" if m["method"] else "")
    if name not in names:
        return f"{m['file']} defines no test {name}"
    return None


# ============================================================================ the check


@dataclass(frozen=True)
class Problem:
    """One disagreement between the map and the text, the code or the tests."""

    kind: str
    unit: str  # the map entry concerned ('' when none)
    message: str

    def __str__(self) -> str:
        return f"[{self.kind}] {self.message}"


@dataclass
class CheckResult:
    problems: list[Problem]
    notes: list[str]
    counts: dict[str, int]
    map_file: str = MAP_FILE

    @property
    def ok(self) -> bool:
        return not self.problems

    def render(self) -> str:
        lines = []
        if self.problems:
            lines.append(f"{self.map_file}: {len(self.problems)} problem(s)")
            for p in self.problems:
                body = str(p).replace("\n", "\n    ")
                lines.append(f"  - {body}")
        else:
            c = self.counts
            lines.append(
                f"{self.map_file}: OK: {c.get('units', 0)} units ({c.get(ENCODED, 0)} encoded, "
                f"{c.get(NOT_OPERATIVE, 0)} not-operative, {c.get(PLANNED, 0)} planned), "
                f"{c.get('rules', 0)} rules, {c.get('verified', 0)} of them verified against recorded firings"
            )
        for n in self.notes:
            lines.append(f"  note: {n}")
        return "\n".join(lines) + "\n"


def _where(unit: str, instrument: _text.Instrument = _text.MEASURES) -> str:
    reg = _text.regulation(instrument)
    u = reg.units.get(unit)
    return f"{unit} ({u.citation(with_title=instrument is not _text.MEASURES)})" if u else unit


def _children(unit: str, instrument: _text.Instrument = _text.MEASURES) -> list[str]:
    return [u for u in _text.regulation(instrument).units if u.startswith(unit + "__")]


def _yaml_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(items) + "]"


def _suggest_tests(rule_id: str, r: Rule | None, coverage: Coverage | None, limit: int = 3) -> list[str]:
    """Tests to list for a rule: recorded ones where it fires, then where it does not (same module)."""
    module = article_test_module(r.article, r.instrument) if r else None
    recorded = (coverage.hints or coverage.tests) if coverage is not None else {}
    if recorded:
        pos = sorted({nid.split("[", 1)[0] for nid, rec in recorded.items() if rec.passed and rec.fired.get(rule_id)})
        pos_mod = [t for t in pos if module and t.startswith(module)] or pos
        prefix = rule_id.rsplit(".", 1)[0]
        neg = sorted(
            {
                nid.split("[", 1)[0]
                for nid, rec in recorded.items()
                if rec.passed and rec.evaluations and not rec.fired.get(rule_id)
                and any(k.startswith(prefix) for k in rec.fired)
                and (module is None or nid.startswith(module))
            }
            - set(pos_mod)
        )
        if pos_mod:
            return pos_mod[:limit] + neg[:1]
    where = module or "tests/rules/test_art_NNN.py"
    return [f"{where}::<a test where it fires>", f"{where}::<a test where it does not fire>"]


def _scalar(text: str) -> str:
    """A YAML scalar for the text: plain when that reads back unchanged, double-quoted otherwise."""
    if re.search(r":\s|\s#|:$|^[\[\]{}&*!|>'\"%@`,?#-]|^\s|\s$", text):
        return json.dumps(text, ensure_ascii=False)
    return text


def _entry_snippet(
    unit: str,
    entry: Entry | None,
    add_rules: Mapping[str, list[str]],
    interpretations: list[str],
    instrument: _text.Instrument = _text.MEASURES,
) -> str:
    """The whole entry as it should read once the rules are added (status encoded)."""
    u = _text.regulation(instrument).units[unit]
    lines = [f"{unit}:", f"  citation: {u.citation(with_title=False)}", f"  text_hash: {u.text_hash}", f"  status: {ENCODED}", "  rules:"]
    rules = dict(entry.rules) if entry else {}
    rules.update(add_rules)
    for rid, tests in rules.items():
        lines.append(f"    {rid}:")
        lines += [f"      - {t}" for t in tests]
    if interpretations:
        lines.append(f"  interpretations: {_yaml_list(interpretations)}")
    if entry and entry.text("note"):
        lines.append(f"  note: {_scalar(entry.text('note'))}")
    return "\n".join(lines)


def _new_entry_snippet(unit: str, instrument: _text.Instrument = _text.MEASURES) -> str:
    u = _text.regulation(instrument).units[unit]
    return "\n".join(
        [
            f"{unit}:",
            f"  citation: {u.citation(with_title=False)}",
            f"  text_hash: {u.text_hash}",
            f"  status: {PLANNED}        # or not-operative with a reason, or encoded with rules",
            "  issue: <the open issue that will encode it>",
        ]
    )


def _builder_source(r: Rule) -> str:
    import inspect  # noqa: PLC0415

    try:
        return inspect.getsource(r.build)
    except (OSError, TypeError):
        return ""


def _assert_present_code(r: Rule) -> tuple[str, str]:
    """What to write in a test where the rule fires, and in a scenario's ``expect``."""
    status = r.rule_id.rsplit(".", 1)[-1]
    if r.note:
        excl = "excludes=True" in _builder_source(r)
        return (f'assert_note(report, rule_id="{r.rule_id}", excludes={excl})',
                f"{{rule_id: {r.rule_id}, excludes: {str(excl).lower()}}}")
    extra = f', status="{status}"' if status in ("pending", "on_time", "late", "overdue") else ""
    yextra = f", status: {status}" if extra else ""
    return (f'assert_finding(report, rule_id="{r.rule_id}", modality="{r.modality.value}"{extra})',
            f"{{rule_id: {r.rule_id}, modality: {r.modality.value}{yextra}}}")


def _not_pinned_message(
    unit: str, rid: str, r: Rule, tests: list[str], pool: list[RunRecord], present: bool, absent: bool, coverage: Coverage
) -> str:
    """Why a rule is not pinned by its listed tests, and exactly what to write."""
    where = article_test_module(r.article, r.instrument)
    code, yaml_expect = _assert_present_code(r)
    parts = [f"{_where(unit, r.instrument)}: rule {rid} is not pinned down by an assertion in its listed tests ({', '.join(tests)}); "
             f"a test pins a rule only by asserting on it (firing is not enough)."]
    if not present:
        fires = any(x.fired.get(rid) for x in pool)
        named = any(x.pinned(rid, PRESENT) for x in pool)
        if named:
            why = "a listed test asserts the finding is there, but not its modality or its status"
        elif fires:
            why = "it fires in a listed test, but no assertion there names it"
        else:
            why = "it fires in none of the listed tests"
        parts.append(
            f"Missing: an assertion that it is there ({why}). In a listed test where it fires write\n"
            f"    {code}\n"
            f"(from enshi_rules.testing; or assert_matches(finding, rule_id=..., modality=...) on a finding in hand; "
            f"a scenario: expect: [{yaml_expect}]), or list a test in {where} that does."
        )
    if not absent:
        fn = "assert_no_note" if r.note else "assert_no_finding"
        parts.append(
            f"Missing: an assertion that it is absent. In a listed test where it does not fire write\n"
            f"    {fn}(report, rule_id=\"{rid}\")\n"
            f"(a pattern like rule_id=\"{rid.rsplit('.', 1)[0]}.*\" or the citation also pins it; a scenario: absent: [{rid}]), "
            f"or list such a test."
        )
    return "\n".join(parts)


def check(
    amap: ArticleMap,
    *,
    coverage: Coverage | None = None,
    rules: Mapping[str, Rule] | None = None,
    register: Register | None = None,
) -> CheckResult:
    """Every disagreement between the map and the text, the rules, the register and the tests.

    The map is of one instrument (``amap.instrument``): the measures' ``article_map.yaml`` or the
    条例's ``tiaoli_map.yaml``; only that instrument's units and rules are compared with it."""
    ins = amap.instrument
    reg = _text.regulation(ins)
    all_declared = dict(all_rules() if rules is None else rules)
    rules = rules_of(all_declared, ins)
    mapname = ins.map_file

    def W(unit: str) -> str:  # noqa: N802 - where a unit is, in this map's instrument
        return _where(unit, ins)

    register = register or load_register()
    root = amap.root
    entries = amap.entries
    problems: list[Problem] = []
    notes: list[str] = []
    # an installed package carries the map but not the tests: the tests listed are not looked for
    tests_here = (root / "tests").is_dir()
    if not tests_here:
        notes.append(
            f"no tests/ beside {MAP_FILE} ({root}): the tests each rule lists were not looked for "
            "(run the check in the repository for that)"
        )
    order = {u: i for i, u in enumerate(reg.units)}

    def add(kind: str, unit: str, msg: str) -> None:
        problems.append(Problem(kind, unit, msg))

    # ---- units: every unit has an entry, every entry is a unit
    for unit in reg.units:
        if unit not in entries:
            add("unit-missing", unit, f"{W(unit)} has no entry. Add:\n{_new_entry_snippet(unit, ins)}")
    for unit, e in entries.items():
        if unit not in reg.units:
            hint = _close_units(unit, ins)
            add(
                "unit-unknown",
                unit,
                f"line {e.line}: entry {unit!r} names no unit of "
                + ("the measures" if ins is _text.MEASURES else f"the excerpts of 《{ins.title}》 (only the articles the file holds have units)")
                + (f" (did you mean {', '.join(hint)}?)" if hint else "")
                + "; unit ids look like art_27, art_27__para_2, art_26__para_1__item_3",
            )

    # ---- each entry: shape, citation, text hash, status fields
    listed_at: dict[str, list[str]] = {}
    for unit, e in entries.items():
        if unit not in reg.units:
            continue
        u = reg.units[unit]
        w = W(unit)
        raw = e.raw
        if "__not_a_mapping__" in raw:
            add("entry-invalid", unit, f"{w}, line {e.line}: the entry must be a mapping with citation, text_hash, status …")
            continue
        for k in raw:
            if k not in ENTRY_KEYS:
                add("entry-invalid", unit, f"{w}, line {e.line}: unknown key {k!r} (keys: {', '.join(ENTRY_KEYS)})")
        cite = u.citation(with_title=False)
        if e.text("citation") != cite:
            add("citation-mismatch", unit, f"{w}, line {e.line}: citation reads {e.text('citation')!r}; the unit is cited {cite!r}")
        if e.text("text_hash") != u.text_hash:
            add(
                "text-changed",
                unit,
                f"{w}, line {e.line}: the text of the unit no longer matches the map (text_hash "
                f"{e.text('text_hash') or '(none)'} in the map, {u.text_hash} now). If the measures were "
                f"amended, review this unit's rules, tests and interpretations against the new text, "
                f"then set text_hash: {u.text_hash}. Text now: {u.text.splitlines()[0][:60]}…",
            )
        status = e.status
        if status not in STATUSES:
            add("status-invalid", unit, f"{w}, line {e.line}: status {status!r} must be one of {', '.join(STATUSES)}")
            continue
        if status == NOT_OPERATIVE and not e.text("reason"):
            add("status-invalid", unit, f"{w}: a not-operative unit needs a reason (a statement of purpose or principle, a definition used by other rules, an organisational duty no case document can show, governed by other law …)")
        if status == PLANNED and not isinstance(raw.get("issue"), int):
            add("status-invalid", unit, f"{w}: a planned unit needs issue: <number of the open issue that encodes it>")
        if status != NOT_OPERATIVE and "reason" in raw:
            add("status-invalid", unit, f"{w}: reason is for not-operative units; use note for a remark on an {status} unit")
        if status != PLANNED and "issue" in raw:
            add("status-invalid", unit, f"{w}: issue is for planned units; remove it (the unit is {status})")
        if "rules" in raw and raw["rules"] not in (None, {}) and not isinstance(raw["rules"], Mapping):
            add("entry-invalid", unit, f"{w}: rules must map each rule id to a list of tests")
        if status != ENCODED and e.rules:
            add("status-invalid", unit, f"{w}: lists rules but its status is {status}; set status: {ENCODED}")
        if "interpretations" in raw and not isinstance(raw["interpretations"], (list, type(None))):
            add("entry-invalid", unit, f"{w}: interpretations must be a list of ids, like [P1, A27-1]")
        for rid, tests in (raw.get("rules") or {}).items() if isinstance(raw.get("rules"), Mapping) else ():
            listed_at.setdefault(str(rid), []).append(unit)
            if tests is not None and not (isinstance(tests, list) and all(isinstance(t, str) for t in tests)):
                add("entry-invalid", unit, f"{w}: the tests of {rid} must be a list of pytest node ids")

    # ---- encoded containers must have something encoded beneath them; leaves need rules
    for unit, e in entries.items():
        if unit not in reg.units or e.status != ENCODED or e.rules:
            continue
        kids = _children(unit, ins)
        if not kids:
            add("status-invalid", unit, f"{W(unit)}: encoded but lists no rules (list its rules, or mark it not-operative or planned)")
        elif not any(entries.get(k) is not None and entries[k].status == ENCODED and entries[k].rules for k in kids):
            add("status-invalid", unit, f"{W(unit)}: encoded through its parts, but none of its parts lists a rule")

    # ---- rules: listed ones exist, existing ones are listed, where their citation says
    expected = expected_interpretations(register, rules, ins)
    declared_at: dict[str, list[str]] = {}
    for rid, r in rules.items():
        declared_at.setdefault(rule_unit(r), []).append(rid)
    for rid, units in sorted(listed_at.items(), key=lambda kv: order.get(kv[1][0], 0)):
        if len(units) > 1:
            add("rule-duplicate", units[0], f"rule {rid} is listed under {len(units)} entries ({', '.join(units)}); a rule cites one unit")
        r = rules.get(rid)
        if r is None:
            hint = [x for x in rules if x.rsplit(".", 1)[0] == rid.rsplit(".", 1)[0]][:4]
            add(
                "rule-unknown",
                units[0],
                f"{W(units[0])}: lists rule {rid}, which no rule module declares"
                + (f" (rules declared with that prefix: {', '.join(hint)})" if hint else "")
                + "; remove it, or fix the id",
            )
            continue
        actual = rule_unit(r)
        for unit in units:
            if unit != actual:
                add(
                    "rule-misplaced",
                    unit,
                    f"{W(unit)}: lists rule {rid}, but the rule cites {r.short_citation} ({actual}: "
                    f"article={r.article}, paragraph={r.paragraph}, item={r.item} in {r.module}); move it to "
                    f"the entry {actual}, or correct the rule's citation",
                )
    for unit in sorted(declared_at, key=lambda x: order.get(x, 0)):
        missing = [rid for rid in declared_at[unit] if rid not in listed_at]
        if not missing:
            continue
        e = entries.get(unit)
        add_rules = {rid: _suggest_tests(rid, rules[rid], coverage) for rid in missing}
        modules = sorted({rules[rid].module for rid in missing})
        add(
            "rule-unlisted",
            unit,
            f"{W(unit)}: rule(s) {', '.join(missing)} (declared in {', '.join(modules)}) are not in "
            f"the map. Make the entry {unit} read (status encoded; tests: where each rule fires and where "
            f"it does not):\n{_entry_snippet(unit, e, add_rules, expected.get(unit, []), ins)}",
        )

    # ---- tests: listed ones exist; with recorded coverage, each rule fires in one and not in another
    verified = 0
    unverified: list[str] = []
    for unit, e in entries.items():
        if unit not in reg.units or e.status != ENCODED:
            continue
        for rid, tests in e.rules.items():
            if rid not in rules:
                continue
            if not tests:
                add(
                    "rule-untested",
                    unit,
                    f"{W(unit)}: rule {rid} lists no tests. List a test where it fires and a test where "
                    f"it does not, e.g.\n    {rid}:\n"
                    + "\n".join(f"      - {t}" for t in _suggest_tests(rid, rules[rid], coverage)),
                )
                continue
            if not tests_here:
                continue
            bad = [(t, why) for t in tests if (why := find_test_problem(t, root))]
            for t, why in bad:
                add("test-missing", unit, f"{W(unit)}: rule {rid} lists {t}: {why}")
            if coverage is None or bad:
                continue
            recs = {t: [x for x in coverage.records(t) if x.passed] for t in tests}
            pool = [x for rs in recs.values() for x in rs]
            present = any(x.pinned(rid, QUALIFIED) for x in pool)
            absent = any(x.pinned(rid, ABSENT) for x in pool)
            if present and absent:
                verified += 1
                continue
            if not all(recs.values()):
                unverified.append(rid)  # a listed test did not run (or failed) in the recorded session
                continue
            add("rule-not-pinned", unit, _not_pinned_message(unit, rid, rules[rid], tests, pool, present, absent, coverage))

    # ---- interpretations: ids exist, patterns match rules, the map lists exactly those that apply
    known = register.by_id
    for g in register.groups:
        for c in g.choices:
            if ins is _text.MEASURES:  # patterns may name either instrument's rules: checked once
                for pat in c.rules:
                    if not any(fnmatch.fnmatchcase(rid, pat) for rid in all_declared):
                        add("interpretation-dangling", "", f"interpretation {c.id} ({c.title}) names rules {pat!r}, which match no declared rule (data/interpretations.yaml)")
            for u in sorted(register_units(c.units, ins)):
                if u not in reg.units:
                    add("interpretation-dangling", "", f"interpretation {c.id} ({c.title}) names unit {u!r} of {mapname}, which does not exist (data/interpretations.yaml)")
    for unit, e in entries.items():
        if unit not in reg.units:
            continue
        listed = e.interpretations
        for x in listed:
            if x not in known:
                add("interpretation-unknown", unit, f"{W(unit)}: interpretation {x!r} is not in the register (src/enshi_rules/data/interpretations.yaml); known: {', '.join(known)}")
        want = expected.get(unit, [])
        extra = [x for x in listed if x in known and x not in want]
        lacking = [x for x in want if x not in listed]
        if lacking or extra:
            fix = []
            if lacking:
                fix.append(f"add {', '.join(lacking)} (they apply to rules of this unit or name it in their units)")
            if extra:
                fix.append(
                    f"remove {', '.join(extra)}, or name this unit under units: (or its rules under rules:) of "
                    f"{'that interpretation' if len(extra) == 1 else 'those interpretations'} in data/interpretations.yaml"
                )
            add(
                "interpretation-mismatch",
                unit,
                f"{W(unit)}: interpretations {_yaml_list(listed)} should be {_yaml_list(want)}: {'; '.join(fix)}",
            )

    if coverage is None:
        notes.append(
            f"no recorded rule coverage used (no {COVERAGE_FILE}, or --no-coverage): checked that the listed tests exist, not "
            f"which rules fire in them; run the test suite (it writes {COVERAGE_FILE}) and check again"
        )
    else:
        notes.extend(coverage.notes)
        if unverified and coverage.tests:
            notes.append(
                f"{len(unverified)} rule(s) not verified against recorded firings because some of their listed "
                f"tests were not recorded (run the whole test suite): {', '.join(unverified[:6])}"
                + (" …" if len(unverified) > 6 else "")
            )
    problems.sort(key=lambda p: (order.get(p.unit, -1), p.kind))
    counts: dict[str, int] = {"units": len(reg.units), "rules": len(rules), "verified": verified}
    for e in entries.values():
        if e.status in STATUSES:
            counts[e.status] = counts.get(e.status, 0) + 1
    return CheckResult(problems, notes, counts, mapname)


def _close_units(unit: str, instrument: _text.Instrument = _text.MEASURES) -> list[str]:
    m = re.match(r"^art_?0*(\d+)", unit)
    if not m:
        return []
    a = int(m.group(1))
    return [u for u in _text.regulation(instrument).units if u == f"art_{a}" or u.startswith(f"art_{a}__")][:6]


# ============================================================================ coverage report


def coverage_report(amap: ArticleMap, coverage: Coverage, rules: Mapping[str, Rule] | None = None) -> tuple[str, bool]:
    """Rules that never fired, and encoded units without a positive and a negative case."""
    rules = dict(all_rules() if rules is None else rules)
    reg = _text.regulation()
    recs = {nid: r for nid, r in coverage.tests.items() if r.passed}
    lines = [f"rule coverage from {coverage.source}: {len(recs)} passed tests, {sum(r.evaluations for r in recs.values())} evaluations"]
    lines += [f"  note: {n}" for n in coverage.notes]
    fired = {rid for r in recs.values() for rid, n in r.fired.items() if n}
    never = [rid for rid in rules if rid not in fired]
    lines.append(f"rules: {len(rules)} declared, {len(rules) - len(never)} fired in at least one test")
    for rid in never:
        r = rules[rid]
        lines.append(f"  never fired: {rid}  {r.short_citation}  {r.summary}")
    listed = {rid: tests for e in amap.entries.values() for rid, tests in e.rules.items()}
    no_neg = []
    for rid in rules:
        if rid in never:
            continue
        tests = listed.get(rid, [])
        pool = [x for t in tests for x in coverage.records(t) if x.passed] if tests else []
        if not any(x.evaluations and not x.fired.get(rid) for x in pool):
            no_neg.append(rid)
    lines.append(f"rules with a listed test where they do not fire: {len(rules) - len(never) - len(no_neg)} of {len(rules) - len(never)} that fired")
    for rid in no_neg:
        lines.append(f"  no negative case among its listed tests: {rid}  ({len(listed.get(rid, []))} listed)")
    gaps = []
    encoded = [u for u, e in amap.entries.items() if e.status == ENCODED and e.rules and u in reg.units]
    for unit in encoded:
        rids = list(amap.entries[unit].rules)
        tests = sorted({t for rid in rids for t in amap.entries[unit].rules[rid]})
        pool = [x for t in tests for x in coverage.records(t) if x.passed]
        pos = any(any(x.fired.get(rid) for rid in rids) for x in pool)
        neg = any(x.evaluations and not any(x.fired.get(rid) for rid in rids) for x in pool)
        if not (pos and neg):
            what = " and ".join(w for w, ok in (("no positive case", pos), ("no negative case", neg)) if not ok)
            gaps.append(f"  {_where(unit)}: {what} among its listed tests")
    lines.append(f"encoded units: {len(encoded)}, with a positive and a negative case: {len(encoded) - len(gaps)}")
    lines += gaps
    ok = not never and not no_neg and not gaps
    lines.append("target met: every rule fires somewhere, and every rule and unit has a case where it does not" if ok else "target not met (the target is none of the above)")
    return "\n".join(lines) + "\n", ok


def suggest(amap: ArticleMap, coverage: Coverage | None, prefix: str = "") -> str:
    """YAML for the rules (whose id starts with ``prefix``) that list no tests, from recorded firings."""
    rules = all_rules()
    listed = {rid: tests for e in amap.entries.values() for rid, tests in e.rules.items()}
    out = []
    if coverage is None:
        out.append(f"# no {COVERAGE_FILE}: run the test suite first for concrete suggestions")
    for rid, r in rules.items():
        if not rid.startswith(prefix) or listed.get(rid):
            continue
        out.append(f"# {rule_unit(r)} ({r.short_citation})")
        out.append(f"    {rid}:")
        out += [f"      - {t}" for t in _suggest_tests(rid, r, coverage)]
    if len(out) <= 1:
        out.append("# every rule already lists tests")
    return "\n".join(out) + "\n"
