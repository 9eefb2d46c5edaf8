"""``versions``: what a report was computed with, the same from evaluate, the CLI and the service."""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path

import pytest

import enshi_rules
from enshi_rules import cli
from enshi_rules._evaluate import versions as _versions

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "overdue_decision.json"


def _sha(path: Path) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def test_hashes_are_of_the_files_the_package_carries():
    v = _versions.static_versions()
    assert v["enshi_rules"] == enshi_rules.__version__
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert enshi_rules.__version__ == pyproject["project"]["version"]
    assert v["regulation"] == _sha(ROOT / "src" / "enshi_rules" / "data" / "regulation.txt")
    # the 条例's verified excerpts decide notes and findings from 2026-02-01: their hash is carried too
    assert v["tiaoli"] == _sha(ROOT / "src" / "enshi_rules" / "data" / "xingzheng-zhifa-jiandu-tiaoli-2025-excerpts.txt")
    assert v["article_map"] == _sha(ROOT / "article_map.yaml")  # the package copy is identical
    # the map of the 条例's excerpts (its units, rules and tests), kept beside the measures' map
    assert v["tiaoli_map"] == _sha(ROOT / "tiaoli_map.yaml")
    assert len({v["article_map"], v["tiaoli_map"], v["tiaoli"], v["regulation"]}) == 4
    assert v["rules"].startswith("sha256:") and len(v["rules"]) == 71


def test_rules_hash_covers_the_deciding_modules_and_not_the_tools(monkeypatch, tmp_path):
    import shutil

    pkg = tmp_path / "enshi_rules"
    shutil.copytree(ROOT / "src" / "enshi_rules", pkg, ignore=shutil.ignore_patterns("__pycache__"))

    class Files:
        def __call__(self, _package):
            return pkg

    monkeypatch.setattr(_versions.resources, "files", Files())
    before = _versions._rules_hash()
    (pkg / "server" / "_app.py").write_text("# the service changed\n", encoding="utf-8")
    (pkg / "cli.py").write_text("# the command line changed\n", encoding="utf-8")
    (pkg / "_law" / "docs.py").write_text("# the docs generator changed\n", encoding="utf-8")
    (pkg / "_cli" / "batch.py").write_text("# a subcommand changed\n", encoding="utf-8")
    assert _versions._rules_hash() == before
    art = pkg / "rules" / "art_027.py"
    art.write_text(art.read_text(encoding="utf-8") + "\n# a rule changed\n", encoding="utf-8")
    after_rule = _versions._rules_hash()
    assert after_rule != before
    periods = pkg / "_periods" / "counting.py"
    periods.write_text(periods.read_text(encoding="utf-8") + "\n# periods changed\n", encoding="utf-8")
    assert _versions._rules_hash() != after_rule


def test_evaluate_and_the_cli_carry_the_same_versions(capsys):
    report = enshi_rules.evaluate(EXAMPLE.read_bytes())
    assert report.versions is not None
    assert report.versions.model_dump(exclude={"calendars"}) == _versions.static_versions()
    assert cli.main(["evaluate", str(EXAMPLE), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["versions"] == json.loads(report.to_json())["versions"]


def test_a_report_without_versions_still_reads_back():
    data = json.loads(enshi_rules.evaluate(EXAMPLE.read_bytes()).to_json())
    del data["versions"]
    assert enshi_rules.Report.from_json(json.dumps(data)).versions is None


def test_a_matter_the_tiaoli_decides_carries_the_hash_of_its_excerpts_everywhere(capsys):
    """A report with a note of 《行政执法监督条例》 names the text it was decided by, in Python, in JSON
    and in ``--version``; a changed excerpt changes ``versions`` (so stored reports are re-evaluated)."""
    excerpts = _sha(ROOT / "src" / "enshi_rules" / "data" / "xingzheng-zhifa-jiandu-tiaoli-2025-excerpts.txt")
    case = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    report = enshi_rules.evaluate(case, as_of="2026-03-01")
    assert report.versions is not None and report.versions.tiaoli == excerpts
    assert json.loads(report.to_json())["versions"]["tiaoli"] == excerpts
    assert enshi_rules.Report.from_json(report.to_json()).versions == report.versions
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert f"tiaoli {excerpts}" in capsys.readouterr().out.splitlines()


def test_the_tiaoli_hash_follows_the_excerpts_file(monkeypatch, tmp_path):
    import shutil

    pkg = tmp_path / "enshi_rules"
    shutil.copytree(ROOT / "src" / "enshi_rules" / "data", pkg / "data")
    monkeypatch.setattr(_versions.resources, "files", lambda _package: pkg)
    _versions.static_versions.cache_clear()
    try:
        before = _versions.static_versions()["tiaoli"]
        f = pkg / "data" / "xingzheng-zhifa-jiandu-tiaoli-2025-excerpts.txt"
        f.write_text(f.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        _versions.static_versions.cache_clear()
        assert _versions.static_versions()["tiaoli"] not in (before, None)
        assert _versions.static_versions()["regulation"] == _sha(pkg / "data" / "regulation.txt")
    finally:
        monkeypatch.undo()
        _versions.static_versions.cache_clear()


def test_the_tiaoli_map_hash_follows_the_map_of_the_tiaoli_and_is_carried_everywhere(monkeypatch, tmp_path, capsys):
    """The map of the 条例's excerpts (which unit is encoded by which rules, tested by which tests) is
    hashed like the measures' map: in a report, its JSON, ``--version``; a changed map changes it alone."""
    mapped = _sha(ROOT / "tiaoli_map.yaml")
    report = enshi_rules.evaluate(EXAMPLE.read_bytes())
    assert report.versions is not None and report.versions.tiaoli_map == mapped
    assert json.loads(report.to_json())["versions"]["tiaoli_map"] == mapped
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert f"tiaoli_map {mapped}" in capsys.readouterr().out.splitlines()
    # a report written before the map was hashed reads back with null
    data = json.loads(report.to_json())
    del data["versions"]["tiaoli_map"]
    assert enshi_rules.Report.from_json(json.dumps(data)).versions.tiaoli_map is None

    import shutil

    pkg = tmp_path / "enshi_rules"
    shutil.copytree(ROOT / "src" / "enshi_rules" / "data", pkg / "data")
    monkeypatch.setattr(_versions.resources, "files", lambda _package: pkg)
    _versions.static_versions.cache_clear()
    try:
        before = _versions.static_versions()
        f = pkg / "data" / "tiaoli_map.yaml"
        f.write_text(f.read_text(encoding="utf-8") + "\n# a test added to the map\n", encoding="utf-8")
        _versions.static_versions.cache_clear()
        after = _versions.static_versions()
        assert after["tiaoli_map"] not in (before["tiaoli_map"], None)
        assert {k: v for k, v in after.items() if k != "tiaoli_map"} == {k: v for k, v in before.items() if k != "tiaoli_map"}
    finally:
        monkeypatch.undo()
        _versions.static_versions.cache_clear()
