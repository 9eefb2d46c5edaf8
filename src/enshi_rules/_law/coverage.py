"""Rule coverage recorded by the test suite: which rules fired in which test, and what each test asserted.

:data:`enshi_rules._engine.durable.LISTENERS` reports the rules fired by each evaluation;
:class:`CoverageRecorder` (installed by ``tests/conftest.py``) attributes them to the running test
and writes :data:`COVERAGE_FILE` at the end of the session. Data recorded against other code (the
package changed since) or another version of a test file is ignored, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

COVERAGE_FILE = "rule-coverage.json"
_COVERAGE_FORMAT = 2  # 2: with what each test asserted on (pins)


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
_NOT_FINGERPRINTED = frozenset({
    "_law/article_map.py", "_law/register.py", "_law/coverage.py", "_law/check.py", "_law/docs.py", "_cli/trace.py",
    "cli.py",
})


def package_fingerprint() -> str:
    """A hash of the package's Python sources (but the checker's own): coverage recorded against
    other code is stale."""
    pkg = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for p in sorted(pkg.rglob("*.py")):
        if "__pycache__" in p.parts or p.relative_to(pkg).as_posix() in _NOT_FINGERPRINTED:
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
