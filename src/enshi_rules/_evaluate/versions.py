"""What a report was computed with: the ``versions`` of a report and of every service response.

A platform that stores reports needs to know which ones to evaluate again when something they
depend on changes (``docs/performance.md``, the idempotency key). ``versions`` names each of them:

- ``enshi_rules``: the package version;
- ``rules``: a SHA-256 over the modules that decide a report (the rule modules, the case models,
  the derivation of facts and periods, the engine; by path and content; not the command line, the
  service or the documentation tools);
- ``article_map``: the SHA-256 of the article map the package carries (``data/article_map.yaml``);
- ``regulation``: the SHA-256 of the regulation text (``data/regulation.txt``);
- ``tiaoli``: the SHA-256 of the verified excerpts of the national 《行政执法监督条例》
  (``data/xingzheng-zhifa-jiandu-tiaoli-2025-excerpts.txt``), which decide the notes and findings
  of a matter from 2026-02-01 (``instrument: "tiaoli"``): a corrected or added excerpt changes it;
- ``tiaoli_map``: the SHA-256 of the map of those excerpts (``data/tiaoli_map.yaml``: each unit of
  the 条例 with its status, its rules and their tests), as ``article_map`` is of the measures' map;
- ``calendars``: for each year a legal period of the report touched, the basis of its holiday
  calendar (when the report gives it).

The hashes are computed once per process from the installed files (a few milliseconds) and are the
same for the same installed package on every machine.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import resources
from typing import Any

from .._law.text import MEASURES, TIAOLI
from ..report import trusted_construct

__all__ = ["PACKAGE_VERSION", "report_versions", "static_versions", "versions"]

#: The package version (``enshi_rules.__version__``; the same as pyproject.toml's ``version``, which
#: tests/test_versions.py checks). It is here, not in ``__init__``, so that no module imports the
#: package's ``__init__`` (which imports them).
PACKAGE_VERSION = "0.1.0"


def _sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _data_hash(name: str) -> str | None:
    f = resources.files("enshi_rules").joinpath("data", name)
    try:
        return _sha256(f.read_bytes())
    except (FileNotFoundError, IsADirectoryError):  # pragma: no cover - a broken install
        return None


#: Modules and packages that take no part in deciding a report: the command line, the service, the
#: traceability and explanation tools, the testing helpers. Every other module counts, so a module
#: added later counts unless it is named here.
_NOT_DECIDING = frozenset({
    "cli.py", "_cli", "_batch", "_law/article_map.py", "_law/coverage.py", "_law/check.py", "_law/docs.py",
    "_law/articles_json.py", "_evaluate/explain.py", "_evaluate/problems.py", "_evaluate/overrides.py",
    "_evaluate/versions.py", "_evaluate/text_report.py", "server", "testing",
})


def _rules_hash() -> str:
    h = hashlib.sha256()
    root = resources.files("enshi_rules")

    def walk(d: Any, prefix: str) -> None:
        for entry in sorted(d.iterdir(), key=lambda e: e.name):
            if prefix + entry.name in _NOT_DECIDING or entry.name == "__pycache__":
                continue
            if entry.is_dir():
                walk(entry, prefix + entry.name + "/")
            elif entry.name.endswith(".py"):
                data = entry.read_bytes()
                h.update((prefix + entry.name).encode() + b"\0" + str(len(data)).encode() + b"\0" + data)

    walk(root, "")
    return "sha256:" + h.hexdigest()


@functools.cache
def static_versions() -> dict[str, str | None]:
    """The versions that do not depend on the case: package, rules, article map, regulation, 条例 and its map."""
    return {
        "enshi_rules": PACKAGE_VERSION,
        "rules": _rules_hash(),
        "article_map": _data_hash("article_map.yaml"),
        "regulation": _data_hash(MEASURES.data_file),
        "tiaoli": _data_hash(TIAOLI.data_file),
        "tiaoli_map": _data_hash(TIAOLI.map_file),
    }


def versions(calendars: Any = ()) -> dict[str, Any]:
    """``static_versions()`` and the calendar basis of each year used, as JSON values."""
    out: dict[str, Any] = dict(static_versions())
    out["calendars"] = [c.model_dump(mode="json") if hasattr(c, "model_dump") else dict(c) for c in calendars]
    return out


@functools.cache
def _static_report_versions() -> Any:
    from ..report import Versions

    return trusted_construct(Versions, **static_versions(), calendars=())


def report_versions(calendars: Any = ()) -> Any:
    """The :class:`~enshi_rules.report.Versions` of a report, with the report's ``calendars`` (the
    :class:`~enshi_rules.report.CalendarUsed` of each year a period touched)."""
    static = _static_report_versions()
    if not calendars:
        return static
    values = dict(static.__dict__)
    values["calendars"] = tuple(calendars)
    return trusted_construct(type(static), **values)
