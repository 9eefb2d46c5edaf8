"""Traceability: the measures, the article map, the rules and the tests kept in step.

``article_map.yaml`` (repository root) has one entry per unit of the measures (条, 款, 项; see
:mod:`enshi_rules._text`), keyed by the unit's id::

    art_27__para_2:
      citation: 第二十七条第二款
      text_hash: 9b0f0d6a3c1e2b44
      status: encoded
      rules:
        art_027.p2.rectify.on_time:
          - tests/rules/test_art_027.py::test_rectification_reported_on_the_last_day_is_on_time
          - tests/rules/test_art_027.py::test_rectification_reported_the_day_after_is_late
      interpretations: [P1, P2, A27-3]

``status`` is ``encoded`` (``rules`` maps each rule id to the tests that pin it down; an article, or
a paragraph with items, may instead be encoded through its parts), ``not-operative`` (``reason``
says why, in plain words) or ``planned`` (``issue`` names the open issue). A test is named by its
pytest node id relative to the repository root; a function name without ``[parameters]`` stands for
all its parametrised cases.

:func:`check` (``enshi-rules trace --check``) compares the map with the parsed text, the declared
rules, the interpretation register (``data/interpretations.yaml``) and the test files, and, when
there is recorded rule coverage, with which rules fired in which test. Every problem names the entry
and says what to change.

Rule coverage: :data:`enshi_rules._engine.LISTENERS` reports the rules fired by each evaluation;
:class:`CoverageRecorder` (installed by ``tests/conftest.py``) attributes them to the running test
and writes :data:`COVERAGE_FILE` at the end of the session. Data recorded against other code (the
package changed since) or another version of a test file is ignored, never trusted.

The docs for legal staff are rendered by :mod:`enshi_rules._trace_docs`.
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from . import _text
from ._rulebook import Modality, Role, Rule, all_rules

__all__ = [
    "COVERAGE_FILE",
    "MAP_FILE",
    "STATUSES",
    "ArticleMap",
    "CheckResult",
    "Coverage",
    "CoverageRecorder",
    "Entry",
    "Interpretation",
    "MapError",
    "Problem",
    "Register",
    "add_subcommands",
    "check",
    "coverage_report",
    "find_root",
    "load_coverage",
    "load_map",
    "load_register",
    "package_fingerprint",
    "rule_unit",
]

MAP_FILE = "article_map.yaml"
COVERAGE_FILE = "rule-coverage.json"
_COVERAGE_FORMAT = 2  # 2: with what each test asserted on (pins)

ENCODED, NOT_OPERATIVE, PLANNED = "encoded", "not-operative", "planned"
STATUSES = (ENCODED, NOT_OPERATIVE, PLANNED)
STATUS_ZH = {ENCODED: "已编码", NOT_OPERATIVE: "不编码", PLANNED: "待编码"}
MODALITY_ZH = {
    Modality.SHALL: "应当",
    Modality.MAY: "可以",
    Modality.SHALL_NOT: "不得",
    Modality.VIOLATION: "违反",
    Modality.EXEMPTION: "免责",
}
ROLE_ZH = {"supervising": "监督机关", "supervised": "被监督机关", "case": "案件", "other": "其他单位和个人"}

_KEYS = ("citation", "text_hash", "status", "rules", "interpretations", "reason", "issue", "note")


def role_zh(role: Role | str) -> str:
    return ROLE_ZH.get(str(role), str(role))


def rule_unit(r: Rule) -> str:
    """The id of the unit a rule cites (an item of a one-paragraph article lives under ``para_1``)."""
    return _text.unit_id(r.article, r.paragraph, r.item)


def article_test_module(article: int) -> str:
    return f"tests/rules/test_art_{article:03d}.py"


# ============================================================================ the article map


class MapError(ValueError):
    """The map file cannot be read as a map (not YAML, a duplicate key, not a mapping)."""


class _MapLoader(yaml.SafeLoader):
    """Safe YAML that refuses duplicate keys (PyYAML would keep the last one silently)."""


def _construct_mapping(loader: _MapLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in out:
            line = key_node.start_mark.line + 1
            raise MapError(f"line {line}: {key!r} appears twice in the same mapping (the first would be silently lost)")
        out[key] = loader.construct_object(value_node, deep=deep)
    return out


_MapLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass(frozen=True)
class Entry:
    """One entry of the map, as written (fields not validated; :func:`check` does that)."""

    unit: str
    raw: Mapping[str, Any]
    line: int

    @property
    def status(self) -> Any:
        return self.raw.get("status")

    @property
    def rules(self) -> dict[str, list[str]]:
        """Rule id -> listed tests (malformed values come back empty; :func:`check` reports them)."""
        rules = self.raw.get("rules") or {}
        if not isinstance(rules, Mapping):
            return {}
        return {str(k): [t for t in (v or []) if isinstance(t, str)] if isinstance(v, list) else [] for k, v in rules.items()}

    @property
    def interpretations(self) -> list[str]:
        v = self.raw.get("interpretations") or []
        return [str(x) for x in v] if isinstance(v, list) else []

    def text(self, key: str) -> str:
        v = self.raw.get(key)
        return "" if v is None else str(v).strip()


@dataclass(frozen=True)
class ArticleMap:
    path: Path
    entries: dict[str, Entry]

    @property
    def root(self) -> Path:
        return self.path.parent


def _safe_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """The document and its node tree, through the safe loader (no tags, no duplicate keys)."""
    loader = _MapLoader(text)
    try:
        node = loader.get_single_node()
        return (None if node is None else loader.construct_document(node)), node
    except yaml.YAMLError as exc:
        raise MapError(f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()


def parse_map(text: str, path: Path) -> ArticleMap:
    """Read the map's YAML text; raise :class:`MapError` if it is not a mapping of entries."""
    data, node = _safe_yaml(text)
    if node is None:
        return ArticleMap(path, {})
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        raise MapError("the map must be a mapping from unit ids (art_27__para_2) to entries")
    lines = {str(key_node.value): key_node.start_mark.line + 1 for key_node, _ in node.value}
    entries = {}
    for key, raw in data.items():
        key = str(key)
        entries[key] = Entry(key, raw if isinstance(raw, Mapping) else {"__not_a_mapping__": raw}, lines.get(key, 0))
    return ArticleMap(path, entries)


def load_map(path: Path) -> ArticleMap:
    return parse_map(path.read_text(encoding="utf-8"), path)


def package_data_dir() -> Path:
    """Where the installed package keeps its copy of the map and the article pages (``data/``)."""
    return Path(str(resources.files(__package__).joinpath("data")))


def load_package_map() -> ArticleMap:
    """The map the package carries (``data/article_map.yaml``, kept identical to the repository's
    ``article_map.yaml`` by ``enshi-rules trace --write-docs``)."""
    return load_map(package_data_dir() / MAP_FILE)


def is_repository(root: Path) -> bool:
    """Whether ``root`` is a checkout of the repository (with its tests), not an installed package."""
    return (root / "tests").is_dir() and (root / "src" / "enshi_rules").is_dir()


def find_root(start: Path | None = None) -> Path:
    """The repository root: the nearest directory holding ``article_map.yaml`` from ``start`` (the
    working directory) upward, else the checkout this package was installed from (editable), else
    the installed package's own ``data/`` (a wheel carries the map; it has no tests)."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if (d / MAP_FILE).is_file():
            return d
    pkg_root = Path(__file__).resolve().parents[2]
    if (pkg_root / MAP_FILE).is_file():
        return pkg_root
    data = package_data_dir()
    if (data / MAP_FILE).is_file():
        return data
    raise FileNotFoundError(f"{MAP_FILE} not found in {here} or above; run from the repository or pass --map")


# ============================================================================ interpretations


@dataclass(frozen=True)
class Interpretation:
    """One interpretive choice of the register (``data/interpretations.yaml``)."""

    id: str
    title: str
    choice: str
    choice_en: str
    source: str
    effect: str
    rules: tuple[str, ...]  # rule ids or fnmatch patterns (art_027.p2.*)
    units: tuple[str, ...]  # units it applies to beyond the units of those rules
    group: str

    def matches(self, rule_id: str) -> bool:
        return any(fnmatch.fnmatchcase(rule_id, pat) for pat in self.rules)


@dataclass(frozen=True)
class Group:
    title: str
    intro: str
    choices: tuple[Interpretation, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Register:
    title: str
    intro: str
    groups: tuple[Group, ...]

    @property
    def by_id(self) -> dict[str, Interpretation]:
        return {c.id: c for g in self.groups for c in g.choices}


def _s(v: Any) -> str:
    return "" if v is None else str(v).strip()


def parse_register(text: str) -> Register:
    try:
        data, _ = _safe_yaml(text)
    except MapError as exc:
        raise MapError(f"interpretations.yaml: {exc}") from None
    groups = []
    seen: set[str] = set()
    for g in data.get("groups") or []:
        choices = []
        for c in g.get("choices") or []:
            cid = _s(c.get("id"))
            if not cid or cid in seen:
                raise MapError(f"interpretations.yaml: choice id {cid!r} is empty or used twice")
            seen.add(cid)
            choices.append(
                Interpretation(
                    id=cid,
                    title=_s(c.get("title")),
                    choice=_s(c.get("choice")),
                    choice_en=_s(c.get("choice_en")),
                    source=_s(c.get("source")),
                    effect=_s(c.get("effect")),
                    rules=tuple(str(x) for x in c.get("rules") or ()),
                    units=tuple(str(x) for x in c.get("units") or ()),
                    group=_s(g.get("title")),
                )
            )
        groups.append(Group(_s(g.get("title")), _s(g.get("intro")), tuple(choices), tuple(_s(n) for n in g.get("notes") or ())))
    return Register(_s(data.get("title")), _s(data.get("intro")), tuple(groups))


def register_text() -> str:
    return resources.files(__package__).joinpath("data", "interpretations.yaml").read_text(encoding="utf-8")


@cache
def load_register() -> Register:
    """The interpretation register shipped with the package."""
    return parse_register(register_text())


def expected_interpretations(register: Register, rules: Mapping[str, Rule]) -> dict[str, list[str]]:
    """Unit id -> the ids of the interpretations that apply to it (register order)."""
    out: dict[str, list[str]] = {}
    by_unit: dict[str, list[str]] = {}
    for rid, r in rules.items():
        by_unit.setdefault(rule_unit(r), []).append(rid)
    for g in register.groups:
        for c in g.choices:
            units = set(c.units) | {u for u, rids in by_unit.items() if any(c.matches(rid) for rid in rids)}
            for u in units:
                out.setdefault(u, []).append(c.id)
    return out


# ============================================================================ rule coverage


#: What a test asserted on a rule (``asserted`` of a :class:`RunRecord`): that a finding of it is
#: there (``present``), that it is there with its modality or status (``qualified``: this pins it),
#: that none is there (``absent``: this pins it too).
PRESENT, QUALIFIED, ABSENT = "present", "qualified", "absent"


@dataclass(frozen=True)
class RunRecord:
    """What one test did: how many evaluations it ran, how often each rule fired in them, and what
    its assertions said about each rule (recorded by the assertion helpers and the scenario runner
    as each assertion passed, never by the engine)."""

    evaluations: int
    fired: Mapping[str, int]
    passed: bool
    asserted: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def pinned(self, rule_id: str, how: str) -> bool:
        return how in self.asserted.get(rule_id, ())


@dataclass
class Coverage:
    """Recorded rule firings per test node id, with notes on what was ignored and why."""

    tests: dict[str, RunRecord] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    source: str = ""
    #: Everything recorded, stale or not: only to suggest which tests to list, never to verify.
    hints: dict[str, RunRecord] = field(default_factory=dict)

    def records(self, ref: str) -> list[RunRecord]:
        """The records of a listed test: the node itself, its parametrised cases, a class's tests."""
        base = ref.strip()
        if "[" in base:
            r = self.tests.get(base)
            return [r] if r else []
        return [r for nid, r in self.tests.items() if nid == base or nid.startswith((base + "[", base + "::"))]


#: The checker itself: editing it cannot change which rules fire.
_NOT_FINGERPRINTED = frozenset({"_trace.py", "_trace_docs.py", "cli.py"})


def package_fingerprint() -> str:
    """A hash of the package's Python sources (but the checker's own): coverage recorded against
    other code is stale."""
    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(pkg.rglob("*.py")):
        if "__pycache__" in p.parts or p.name in _NOT_FINGERPRINTED:
            continue
        h.update(p.relative_to(pkg).as_posix().encode())
        h.update(b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


def _file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return None


def _read_coverage_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != _COVERAGE_FORMAT:
        return None
    return data


def _valid_tests(data: Mapping[str, Any], root: Path, fingerprint: str) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The recorded tests still valid now: same package sources, same test file contents."""
    notes = []
    if data.get("package") != fingerprint:
        notes.append(
            f"{COVERAGE_FILE} was recorded against other package sources (the code changed since "
            f"{data.get('written', '?')}); ignored: run the test suite to record it again"
        )
        return {}, notes
    files = data.get("test_files") or {}
    fresh = {f for f, h in files.items() if _file_hash(root / f) == h}
    out, dropped = {}, 0
    for nid, rec in (data.get("tests") or {}).items():
        if nid.split("::", 1)[0] in fresh:
            out[nid] = rec
        else:
            dropped += 1
    if dropped:
        changed = sorted(set(files) - fresh)
        notes.append(f"{dropped} recorded test(s) ignored because their file changed since: {', '.join(changed)}")
    return out, notes


def _to_records(tests: Mapping[str, Mapping[str, Any]]) -> dict[str, RunRecord]:
    return {
        nid: RunRecord(
            int(rec.get("evaluations", 0)),
            dict(rec.get("fired") or {}),
            bool(rec.get("passed")),
            {str(k): tuple(v) for k, v in (rec.get("asserted") or {}).items() if isinstance(v, list)},
        )
        for nid, rec in tests.items()
    }


def load_coverage(root: Path, path: Path | None = None) -> Coverage | None:
    """The recorded coverage still valid for the code and tests as they are, or None if no file."""
    path = path or root / COVERAGE_FILE
    if not path.is_file():
        return None
    data = _read_coverage_json(path)
    if data is None:
        return Coverage(notes=[f"{path.name} is unreadable or of another format; ignored"], source=str(path))
    tests, notes = _valid_tests(data, root, package_fingerprint())
    hints = _to_records(data.get("tests") or {})
    return Coverage(_to_records(tests), notes, source=f"{path.name} (written {data.get('written', '?')})", hints=hints)


class CoverageRecorder:
    """Attributes the engine's firings to the running test; used by ``tests/conftest.py``.

    :meth:`listen` goes into :data:`enshi_rules._engine.LISTENERS`; :meth:`begin` / :meth:`end`
    bracket each test; :meth:`write` merges this session into :data:`COVERAGE_FILE` (keeping what
    earlier runs recorded for tests not run now, as long as code and test files are unchanged).
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.fingerprint = package_fingerprint()
        self.tests: dict[str, dict[str, Any]] = {}
        self.file_hashes: dict[str, str] = {}
        self._current: dict[str, Any] | None = None

    def listen(self, fired: tuple[str, ...]) -> None:
        cur = self._current
        if cur is None:
            return
        cur["evaluations"] += 1
        counts = cur["fired"]
        for rid in fired:
            counts[rid] = counts.get(rid, 0) + 1

    def pinned(self, pin: Any) -> None:
        """An assertion passed about a rule (an :class:`enshi_rules.testing._pins.Pin`)."""
        cur = self._current
        if cur is None:
            return
        kinds = set(cur["asserted"].get(pin.rule_id, ()))
        if pin.present:
            kinds.add(PRESENT)
            if pin.qualified:
                kinds.add(QUALIFIED)
        else:
            kinds.add(ABSENT)
        cur["asserted"][pin.rule_id] = sorted(kinds)

    def begin(self, nodeid: str) -> None:
        file = nodeid.split("::", 1)[0]
        if file not in self.file_hashes:
            self.file_hashes[file] = _file_hash(self.root / file) or ""
        self._current = self.tests[nodeid] = {"passed": True, "evaluations": 0, "fired": {}, "asserted": {}}

    def outcome(self, nodeid: str, passed: bool) -> None:
        if not passed and nodeid in self.tests:
            self.tests[nodeid]["passed"] = False

    def end(self) -> None:
        self._current = None

    def _merged(self) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
        path = self.root / COVERAGE_FILE
        old = _read_coverage_json(path) if path.is_file() else None
        tests: dict[str, dict[str, Any]] = {}
        files: dict[str, str] = {}
        if old is not None:
            kept, _ = _valid_tests(old, self.root, self.fingerprint)
            for nid, rec in kept.items():
                f = nid.split("::", 1)[0]
                if self.file_hashes.get(f, old["test_files"].get(f)) == old["test_files"].get(f):
                    tests[nid] = rec
                    files[f] = old["test_files"][f]
        tests.update(self.tests)
        files.update({f: h for f, h in self.file_hashes.items() if h})
        return tests, files

    def coverage(self) -> Coverage:
        """What earlier runs recorded (still valid) overlaid with this session so far."""
        tests, _ = self._merged()
        records = _to_records(tests)
        return Coverage(records, source="this test session and " + COVERAGE_FILE, hints=records)

    def write(self) -> Path | None:
        if not self.tests:
            return None
        tests, files = self._merged()
        data = {
            "format": _COVERAGE_FORMAT,
            "package": self.fingerprint,
            "written": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "test_files": dict(sorted(files.items())),
            "tests": {
                nid: {**rec, "fired": dict(sorted(rec["fired"].items())), "asserted": dict(sorted(rec.get("asserted", {}).items()))}
                for nid, rec in sorted(tests.items())
            },
        }
        path = self.root / COVERAGE_FILE
        fd, tmp = tempfile.mkstemp(prefix=".rule-coverage.", dir=self.root)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        return path


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

    @property
    def ok(self) -> bool:
        return not self.problems

    def render(self) -> str:
        lines = []
        if self.problems:
            lines.append(f"{MAP_FILE}: {len(self.problems)} problem(s)")
            for p in self.problems:
                body = str(p).replace("\n", "\n    ")
                lines.append(f"  - {body}")
        else:
            c = self.counts
            lines.append(
                f"{MAP_FILE}: OK: {c.get('units', 0)} units ({c.get(ENCODED, 0)} encoded, "
                f"{c.get(NOT_OPERATIVE, 0)} not-operative, {c.get(PLANNED, 0)} planned), "
                f"{c.get('rules', 0)} rules, {c.get('verified', 0)} of them verified against recorded firings"
            )
        for n in self.notes:
            lines.append(f"  note: {n}")
        return "\n".join(lines) + "\n"


def _where(unit: str) -> str:
    reg = _text.regulation()
    u = reg.units.get(unit)
    return f"{unit} ({u.citation(with_title=False)})" if u else unit


def _children(unit: str) -> list[str]:
    return [u for u in _text.regulation().units if u.startswith(unit + "__")]


def _yaml_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(items) + "]"


def _suggest_tests(rule_id: str, r: Rule | None, coverage: Coverage | None, limit: int = 3) -> list[str]:
    """Tests to list for a rule: recorded ones where it fires, then where it does not (same module)."""
    module = article_test_module(r.article) if r else None
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


def _entry_snippet(unit: str, entry: Entry | None, add_rules: Mapping[str, list[str]], interpretations: list[str]) -> str:
    """The whole entry as it should read once the rules are added (status encoded)."""
    u = _text.regulation().units[unit]
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


def _new_entry_snippet(unit: str) -> str:
    u = _text.regulation().units[unit]
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
    where = article_test_module(r.article)
    code, yaml_expect = _assert_present_code(r)
    parts = [f"{_where(unit)}: rule {rid} is not pinned down by an assertion in its listed tests ({', '.join(tests)}); "
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
    """Every disagreement between the map and the text, the rules, the register and the tests."""
    reg = _text.regulation()
    rules = dict(all_rules() if rules is None else rules)
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
            add("unit-missing", unit, f"{_where(unit)} has no entry. Add:\n{_new_entry_snippet(unit)}")
    for unit, e in entries.items():
        if unit not in reg.units:
            hint = _close_units(unit)
            add(
                "unit-unknown",
                unit,
                f"line {e.line}: entry {unit!r} names no unit of the measures"
                + (f" (did you mean {', '.join(hint)}?)" if hint else "")
                + "; unit ids look like art_27, art_27__para_2, art_26__para_1__item_3",
            )

    # ---- each entry: shape, citation, text hash, status fields
    listed_at: dict[str, list[str]] = {}
    for unit, e in entries.items():
        if unit not in reg.units:
            continue
        u = reg.units[unit]
        w = _where(unit)
        raw = e.raw
        if "__not_a_mapping__" in raw:
            add("entry-invalid", unit, f"{w}, line {e.line}: the entry must be a mapping with citation, text_hash, status …")
            continue
        for k in raw:
            if k not in _KEYS:
                add("entry-invalid", unit, f"{w}, line {e.line}: unknown key {k!r} (keys: {', '.join(_KEYS)})")
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
        kids = _children(unit)
        if not kids:
            add("status-invalid", unit, f"{_where(unit)}: encoded but lists no rules (list its rules, or mark it not-operative or planned)")
        elif not any(entries.get(k) is not None and entries[k].status == ENCODED and entries[k].rules for k in kids):
            add("status-invalid", unit, f"{_where(unit)}: encoded through its parts, but none of its parts lists a rule")

    # ---- rules: listed ones exist, existing ones are listed, where their citation says
    expected = expected_interpretations(register, rules)
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
                f"{_where(units[0])}: lists rule {rid}, which no rule module declares"
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
                    f"{_where(unit)}: lists rule {rid}, but the rule cites {r.short_citation} ({actual}: "
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
            f"{_where(unit)}: rule(s) {', '.join(missing)} (declared in {', '.join(modules)}) are not in "
            f"the map. Make the entry {unit} read (status encoded; tests: where each rule fires and where "
            f"it does not):\n{_entry_snippet(unit, e, add_rules, expected.get(unit, []))}",
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
                    f"{_where(unit)}: rule {rid} lists no tests. List a test where it fires and a test where "
                    f"it does not, e.g.\n    {rid}:\n"
                    + "\n".join(f"      - {t}" for t in _suggest_tests(rid, rules[rid], coverage)),
                )
                continue
            if not tests_here:
                continue
            bad = [(t, why) for t in tests if (why := find_test_problem(t, root))]
            for t, why in bad:
                add("test-missing", unit, f"{_where(unit)}: rule {rid} lists {t}: {why}")
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
            for pat in c.rules:
                if not any(fnmatch.fnmatchcase(rid, pat) for rid in rules):
                    add("interpretation-dangling", "", f"interpretation {c.id} ({c.title}) names rules {pat!r}, which match no declared rule (data/interpretations.yaml)")
            for u in c.units:
                if u not in reg.units:
                    add("interpretation-dangling", "", f"interpretation {c.id} ({c.title}) names unit {u!r}, which does not exist (data/interpretations.yaml)")
    for unit, e in entries.items():
        if unit not in reg.units:
            continue
        listed = e.interpretations
        for x in listed:
            if x not in known:
                add("interpretation-unknown", unit, f"{_where(unit)}: interpretation {x!r} is not in the register (src/enshi_rules/data/interpretations.yaml); known: {', '.join(known)}")
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
                f"{_where(unit)}: interpretations {_yaml_list(listed)} should be {_yaml_list(want)}: {'; '.join(fix)}",
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
    return CheckResult(problems, notes, counts)


def _close_units(unit: str) -> list[str]:
    m = re.match(r"^art_?0*(\d+)", unit)
    if not m:
        return []
    a = int(m.group(1))
    return [u for u in _text.regulation().units if u == f"art_{a}" or u.startswith(f"art_{a}__")][:6]


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


# ============================================================================ the CLI


def _root_and_map(args: argparse.Namespace) -> tuple[Path, ArticleMap]:
    path = Path(args.map) if args.map else find_root() / MAP_FILE
    return path.resolve().parent, load_map(path)


def _coverage_for(args: argparse.Namespace, root: Path) -> Coverage | None:
    if getattr(args, "no_coverage", False):
        return None
    return load_coverage(root, Path(args.coverage_file) if args.coverage_file else None)


def _err(msg: str, code: int = 2) -> int:
    print(f"enshi-rules: {msg}", file=sys.stderr)
    return code


def _cmd_trace(args: argparse.Namespace) -> int:
    from . import _trace_docs

    try:
        root, amap = _root_and_map(args)
    except (OSError, MapError) as exc:
        return _err(f"{MAP_FILE}: {exc}")
    status = 0
    did = False
    if (args.write_docs or args.check_docs) and not is_repository(root):
        return _err(f"trace --write-docs/--check-docs need the repository (found only the installed package's copy in {root})")
    if args.write_docs:
        did = True
        for p in _trace_docs.write_docs(root, amap):
            print(f"wrote {p.relative_to(root)}")
    if args.check:
        did = True
        result = check(amap, coverage=_coverage_for(args, root))
        sys.stdout.write(result.render())
        status = status or (0 if result.ok else 1)
    if args.check_docs:
        did = True
        stale = _trace_docs.stale_docs(root, amap)
        for s in stale:
            print(f"stale: {s}")
        if stale:
            print("the generated docs are stale: run `enshi-rules trace --write-docs` and commit the result")
            status = status or 1
        else:
            print("generated docs are up to date")
    if args.coverage:
        did = True
        cov = load_coverage(root, Path(args.coverage_file) if args.coverage_file else None)
        if cov is None:
            return _err(f"no {COVERAGE_FILE} in {root}: run the test suite first (it records which rules fire)")
        text, ok = coverage_report(amap, cov)
        sys.stdout.write(text)
        status = status or (0 if ok else 1)
    if args.suggest is not None:
        did = True
        cov = load_coverage(root, Path(args.coverage_file) if args.coverage_file else None)
        sys.stdout.write(suggest(amap, cov, args.suggest))
    if not did:
        return _err("trace: say what to do: --check, --coverage, --write-docs, --check-docs or --suggest")
    return status


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


def _cmd_articles(args: argparse.Namespace) -> int:
    from . import _trace_docs

    amap = None
    try:
        _, amap = _root_and_map(args)
    except (OSError, MapError):
        amap = None  # the text and the rules can be shown without the map
    if args.article is None:
        sys.stdout.write(_trace_docs.render_article_index_text(amap))
        return 0
    from ._articles_json import parse_unit_ref, unit_of

    ref = parse_unit_ref(args.article)
    if ref is None:
        return _err(
            f"articles: 没有 {args.article!r} 这一条文（第一条至第{_text.to_chinese_numeral(_text.ARTICLE_COUNT)}条；"
            f"可写 27、27.2、第二十七条、第二十七条第二款）/ there is no article or unit {args.article!r} "
            f"(1 to {_text.ARTICLE_COUNT}; write 27, 27.2, 第二十七条 or 第二十七条第二款)"
        )
    sys.stdout.write(_trace_docs.render_article_text(ref[0], amap, unit=unit_of(ref)))
    return 0


def _reporting_map_errors(cmd: Any) -> Any:
    """A broken article_map.yaml or interpretations.yaml is one line on stderr and exit 2."""

    def run(args: argparse.Namespace) -> int:
        try:
            return int(cmd(args))
        except MapError as exc:
            print(f"enshi-rules: {exc}", file=sys.stderr)
            return 2

    return run


def add_subcommands(sub: Any) -> None:
    """Add ``trace`` and ``articles`` to the ``enshi-rules`` command (``cli.build_parser``)."""
    t = sub.add_parser(
        "trace",
        help="核对条文、映射、规则与测试；覆盖率；生成文档 / check the article map against the text, the rules "
        "and the tests; coverage; docs",
    )
    t.add_argument("--check", action="store_true",
                   help="检查 article_map.yaml（有问题时退出码 1）/ check article_map.yaml (exit 1 with every problem)")
    t.add_argument("--coverage", action="store_true",
                   help=f"报告测试记录的规则覆盖 / report rule coverage recorded by the test suite ({COVERAGE_FILE})")
    t.add_argument("--write-docs", dest="write_docs", action="store_true",
                   help="重新生成文档及包内副本 / regenerate docs/traceability.md, docs/articles/, docs/interpretations.md, "
                        "docs/explain/, docs/openapi.json and the package's copies of the map and the article pages")
    t.add_argument("--check-docs", dest="check_docs", action="store_true",
                   help="生成的文档过期时退出码 1 / exit 1 if the generated docs are stale")
    t.add_argument("--suggest", nargs="?", const="", default=None, metavar="RULE_PREFIX",
                   help="为未列测试的规则给出映射行 / print map lines with recorded tests for rules that list none")
    t.add_argument("--map", default=None, help=f"条文映射文件 / the article map (default: {MAP_FILE} in the repository)")
    t.add_argument("--coverage-file", dest="coverage_file", default=None,
                   help=f"覆盖记录文件 / recorded coverage (default: {COVERAGE_FILE} beside the map)")
    t.add_argument("--no-coverage", dest="no_coverage", action="store_true",
                   help="--check 时忽略覆盖记录 / --check: ignore recorded coverage")
    t.set_defaults(func=_reporting_map_errors(_cmd_trace))
    a = sub.add_parser(
        "articles",
        help="逐单元显示条文及其规则 / print an article unit by unit, with unit ids and the rules that encode them",
    )
    a.add_argument("article", nargs="?", default=None, metavar="ARTICLE",
                   help="条文或单元：27、27.2、26.1.3、第二十七条、第二十七条第二款（省略时列出全部条文）/ an article or unit: "
                        "27, 27.2, 26.1.3, 第二十七条, 第二十七条第二款 (omit for the list of articles)")
    a.add_argument("--map", default=None, help=f"条文映射文件 / the article map (default: {MAP_FILE} in the repository)")
    a.set_defaults(func=_reporting_map_errors(_cmd_articles))


def rules_by_unit(rules: Mapping[str, Rule] | None = None) -> dict[str, list[Rule]]:
    out: dict[str, list[Rule]] = {}
    for r in (all_rules() if rules is None else rules).values():
        out.setdefault(rule_unit(r), []).append(r)
    return out
