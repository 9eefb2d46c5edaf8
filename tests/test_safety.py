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
#: Deserialisers that can run code: never called on anything (multiprocessing may still pickle
#: our own objects between our own processes; that is not input).
FORBIDDEN_ATTR_CALLS = {("pickle", "load"), ("pickle", "loads"), ("marshal", "load"), ("marshal", "loads"), ("shelve", "open"), ("dill", "load"), ("dill", "loads")}


#: Reviewed exceptions: (file, call) -> why it is safe.
ALLOWED = {
    ("_batch/pool.py", "pickle.loads"): "worker processes unpickle only what their own parent pickled from parsed cases",
}


def _sources():
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_dynamic_execution_or_unsafe_deserialisation(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # classes of this module that derive from yaml.SafeLoader (or from one that does)
    safe_loaders = {"SafeLoader", "CSafeLoader"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            bases = {b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "") for b in node.bases}
            if bases & safe_loaders:
                safe_loaders.add(node.name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in FORBIDDEN_CALLS, f"{path}:{node.lineno} calls {node.func.id}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            base = node.func.value
            if isinstance(base, ast.Name):
                if (path.relative_to(SRC).as_posix(), f"{base.id}.{node.func.attr}") not in ALLOWED:
                    assert (base.id, node.func.attr) not in FORBIDDEN_ATTR_CALLS, f"{path}:{node.lineno} calls {base.id}.{node.func.attr}"
                if base.id == "yaml" and node.func.attr in ("load", "load_all", "unsafe_load", "full_load"):
                    loader = next((k.value for k in node.keywords if k.arg == "Loader"), None)
                    name = loader.attr if isinstance(loader, ast.Attribute) else getattr(loader, "id", None)
                    assert name in safe_loaders, f"{path}:{node.lineno}: yaml.{node.func.attr} without a SafeLoader"


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
