"""``versions``: what a report was computed with, the same from evaluate, the CLI and the service."""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path

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
    assert v["article_map"] == _sha(ROOT / "article_map.yaml")  # the package copy is identical
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
