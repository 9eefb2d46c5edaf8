"""The package's layout (issue 11, docs/architecture.md): read from the source with ``ast``, no import.

- no import cycle between the package's modules: every import counts, at module level or inside a
  function (a lazy import hides a cycle from Python, not from a reader); an import of a package's
  submodule or of a name from a package's ``__init__`` is an edge to that module; the implicit import
  of a parent package is not an edge (every submodule has one);
- no private name crosses a module boundary: a name with a leading underscore (not a dunder) is not
  imported from another module of the package (``from .x import _y``), nor read from an imported
  module (``x._y``). Importing a private *module* is allowed (``from . import _pins``: the underscore
  says the module is private to the package, not to itself); so are names the module itself defines.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "enshi_rules"


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    line: int
    target: str  # the module imported, or the module a name is imported from
    name: str | None  # the name imported from target (None: target itself is the module imported)


def modules(pkg: Path = PKG) -> dict[str, Path]:
    out = {}
    for p in sorted(pkg.rglob("*.py")):
        if "__pycache__" in p.parts:
            continue
        parts = list(p.relative_to(pkg.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


def _absolute(mod: str, is_package: bool, level: int, target: str | None) -> str:
    base = mod.split(".") if is_package else mod.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, *([target] if target else [])])


def imports(mods: dict[str, Path]) -> list[Import]:
    """Every import of a module of the package by a module of the package, and the local names bound
    to imported modules (for ``x._y``)."""
    root = next(iter(mods)).split(".")[0]
    out = []
    for mod, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.split(".")[0] == root:
                        out.append(Import(mod, node.lineno, a.name, None))
            elif isinstance(node, ast.ImportFrom):
                src = _absolute(mod, path.name == "__init__.py", node.level, node.module) if node.level else node.module
                if not src or src.split(".")[0] != root:
                    continue
                for a in node.names:
                    sub = f"{src}.{a.name}"
                    out.append(Import(mod, node.lineno, sub, None) if sub in mods else Import(mod, node.lineno, src, a.name))
    return out


def cycles(mods: dict[str, Path], edges: list[Import]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for e in edges:
        if e.target in graph and e.target != e.module:
            graph[e.module].add(e.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_reach_ins(mods: dict[str, Path], edges: list[Import]) -> list[str]:
    out = [
        f"{e.module} (line {e.line}) imports the private name {e.name} from {e.target}"
        for e in edges
        if e.name is not None and _private(e.name)
    ]
    root = next(iter(mods)).split(".")[0]
    for mod, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        bound: dict[str, str] = {}  # local name -> a module of the package
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                src = _absolute(mod, path.name == "__init__.py", node.level, node.module) if node.level else node.module
                for a in node.names:
                    if src and f"{src}.{a.name}" in mods:
                        bound[a.asname or a.name] = f"{src}.{a.name}"
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.split(".")[0] == root and a.asname:
                        bound[a.asname] = a.name
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in bound
                    and bound[node.value.id] != mod and _private(node.attr)):
                out.append(f"{mod} (line {node.lineno}) reads the private name {node.attr} of {bound[node.value.id]}")
    return sorted(out)


#: Cycles and reach-ins allowed for now, each with its reason (none: keep it so).
KNOWN_CYCLES: list[list[str]] = []
KNOWN_REACH_INS: set[str] = set()


def _without_line(found: str) -> str:
    return re.sub(r" \(line \d+\)", "", found)


def test_the_package_has_no_import_cycle():
    mods = modules()
    found = cycles(mods, imports(mods))
    new = [c for c in found if c not in KNOWN_CYCLES]
    assert not new, "import cycles (each line: modules that import one another, directly or not):\n" + "\n".join(
        "  " + " <-> ".join(c) for c in new
    )
    fixed = [c for c in KNOWN_CYCLES if c not in found]
    assert not fixed, f"no longer a cycle: remove it from KNOWN_CYCLES: {fixed}"


def test_no_private_name_is_imported_across_modules():
    mods = modules()
    found = private_reach_ins(mods, imports(mods))
    new = [f for f in found if _without_line(f) not in KNOWN_REACH_INS]
    assert not new, "private names used outside their module:\n" + "\n".join("  " + f for f in new)
    fixed = KNOWN_REACH_INS - {_without_line(f) for f in found}
    assert not fixed, f"fixed: remove it from KNOWN_REACH_INS: {sorted(fixed)}"


def test_the_stages_are_packages_and_no_private_module_is_left_at_the_top():
    """docs/architecture.md: the stages are subpackages; the top level holds the public modules."""
    top = sorted(p.name for p in PKG.glob("_*.py") if p.name != "__init__.py")
    assert top == [], f"private modules at the top of the package (put each in its stage): {top}"
    for stage in ("_engine", "_law", "_periods", "_derive", "_evaluate", "_batch", "_cli"):
        assert (PKG / stage / "__init__.py").is_file(), stage


# ---- the checks themselves, on small packages written for the purpose ------------------------------


def _package(tmp_path: Path, files: dict[str, str]) -> dict[str, Path]:
    pkg = tmp_path / "pkg"
    for name, text in {"__init__.py": "", **files}.items():
        p = pkg / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return modules(pkg)


@pytest.mark.parametrize(
    ("files", "cycle"),
    [
        ({"a.py": "from .b import f\n", "b.py": "def f(): from .a import g\n"}, ["pkg.a", "pkg.b"]),  # a lazy import
        ({"s/__init__.py": "", "s/a.py": "from ..t import b\n", "t/__init__.py": "", "t/b.py": "from ..s import a\n"},
         ["pkg.s.a", "pkg.t.b"]),
        ({"__init__.py": "from .a import f\n", "a.py": "from . import __version__\n"}, ["pkg", "pkg.a"]),
        ({"a.py": "import pkg.b\n", "b.py": "from pkg import a\n"}, ["pkg.a", "pkg.b"]),
    ],
)
def test_a_cycle_is_found(tmp_path, files, cycle):
    mods = _package(tmp_path, files)
    assert cycles(mods, imports(mods)) == [cycle]


def test_no_cycle_through_the_implicit_parent_import(tmp_path):
    mods = _package(tmp_path, {"__init__.py": "from .s.a import f\n", "s/__init__.py": "", "s/a.py": "def f(): pass\n"})
    assert cycles(mods, imports(mods)) == []


def test_a_private_name_is_found_imported_or_read(tmp_path):
    mods = _package(tmp_path, {
        "a.py": "_x = 1\ndef _f(): pass\n__version__ = '1'\n",
        "b.py": "from .a import _x, __version__\nfrom . import a\nfrom . import _c\nprint(a._f, _c.y, a.__name__)\n",
        "_c.py": "y = 1\n",
    })
    assert private_reach_ins(mods, imports(mods)) == [
        "pkg.b (line 1) imports the private name _x from pkg.a",
        "pkg.b (line 4) reads the private name _f of pkg.a",
    ]
