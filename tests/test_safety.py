"""Untrusted input is never executed: no eval/exec/pickle, YAML only through safe loading, and no
file path taken from a case document is ever opened."""

from __future__ import annotations

import ast
import builtins
import json
from pathlib import Path

import pytest

import enshi_rules

SRC = Path(enshi_rules.__file__).parent
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "dill"}


def _sources():
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_dynamic_execution_or_unsafe_deserialisation(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in FORBIDDEN_CALLS, f"{path}:{node.lineno} calls {node.func.id}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("load", "load_all"):
            base = node.func.value
            if isinstance(base, ast.Name) and base.id == "yaml":
                assert False, f"{path}:{node.lineno}: use yaml.safe_load, not yaml.{node.func.attr}"
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for n in names:
                assert n.split(".")[0] not in FORBIDDEN_MODULES, f"{path}:{node.lineno} imports {n}"


def test_paths_in_a_case_document_are_never_opened(monkeypatch):
    doc = json.loads((SRC.parents[1] / "examples" / "overdue_decision.json").read_text("utf-8"))
    doc["case_id"] = "/etc/passwd"
    doc["supervision"]["suggestion_letter"]["id"] = "../../secret.json"
    doc["supervision"]["suggestion_letter"]["number"] = "/root/.ssh/id_rsa"
    opened: list[str] = []
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    report = enshi_rules.evaluate(doc)
    assert report.case_id == "/etc/passwd"
    assert not [p for p in opened if "passwd" in p or "secret" in p or "id_rsa" in p]
