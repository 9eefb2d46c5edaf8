"""The package carries what its commands read: the article map and the article pages.

The repository keeps its copies at the root (``article_map.yaml``, ``docs/articles/``); the package
carries identical copies in ``src/enshi_rules/data/``, written by ``enshi-rules trace --write-docs``,
so that ``articles``, ``trace`` and the service's ``/v1/articles`` work from an installed wheel.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from enshi_rules._law import article_map
from enshi_rules._law import check as trace_check
from enshi_rules._law import text as _text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "enshi_rules" / "data"
HOW = "run `enshi-rules trace --write-docs` and commit the result"


def test_the_package_map_is_the_repository_map():
    assert (DATA / "article_map.yaml").read_bytes() == (ROOT / "article_map.yaml").read_bytes(), HOW


def test_the_package_article_pages_are_the_repository_pages():
    repo = {p.name: p.read_bytes() for p in (ROOT / "docs" / "articles").glob("art_*.md")}
    package = {p.name: p.read_bytes() for p in (DATA / "articles").glob("art_*.md")}
    assert len(repo) == 35
    assert package.keys() == repo.keys(), HOW
    for name in repo:
        assert package[name] == repo[name], f"data/articles/{name}: {HOW}"


def test_package_data_is_declared_for_the_wheel():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/*.yaml"' in text and '"data/articles/*.md"' in text


def test_without_a_repository_the_package_map_is_used(tmp_path, monkeypatch):
    monkeypatch.setattr(article_map, "__file__", str(tmp_path / "site-packages" / "enshi_rules" / "_law" / "article_map.py"))
    root = article_map.find_root(tmp_path)
    assert root == article_map.package_data_dir()
    assert article_map.load_map(root / "article_map.yaml").entries.keys() == article_map.load_package_map().entries.keys()
    assert (root / "tiaoli_map.yaml").is_file() and (root / "xingzheng-zhifa-jiandu-tiaoli-2025-excerpts.sources.md").is_file()


def test_check_from_the_package_copy_passes_and_says_tests_were_not_looked_for():
    amap = article_map.load_package_map()
    result = trace_check.check(amap)
    assert result.ok, result.render()
    tresult = trace_check.check(article_map.load_package_map(_text.TIAOLI))
    assert tresult.ok, tresult.render()
    assert any("tests each rule lists were not looked for" in n for n in result.notes)


def test_a_wheel_installed_in_a_fresh_venv_answers_articles_27(tmp_path):
    """Build the wheel, install it (no index, dependencies from this environment), run the commands:
    articles 27, trace --check, explain, and the service's /v1/articles/27."""
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next(wheel_dir.glob("enshi_rules-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    # the fresh environment finds the dependencies in this one's site-packages (durable-rules builds
    # from source, and CI installs nothing twice); the wheel itself goes into the fresh one
    site = subprocess.run(
        [sys.executable, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    (Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         check=True, capture_output=True, text=True).stdout.strip()) / "parent_env.pth").write_text(site + "\n")
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--force-reinstall", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    exe = venv / "bin" / "enshi-rules"
    where = subprocess.run([str(py), "-c", "import enshi_rules; print(enshi_rules.__file__)"], cwd=tmp_path,
                           check=True, capture_output=True, text=True).stdout
    assert str(venv) in where, where  # the wheel, not the repository's editable install
    out = subprocess.run([str(exe), "articles", "27"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "未找到 article_map.yaml" not in out.stdout
    assert "art_27__para_2" in out.stdout and "已编码" in out.stdout
    check = subprocess.run([str(exe), "trace", "--check"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "tiaoli_map.yaml: OK" in check.stdout, check.stdout
    # the workbench works from the wheel too: its templates, static files and Word template, and the
    # article map for its 条文对照 pages
    report = subprocess.run(
        [str(exe), "report", str(ROOT / "examples" / "overdue_decision.json"), "-o", str(tmp_path / "r.docx")],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert report.returncode == 0 and (tmp_path / "r.docx").stat().st_size > 10_000, report.stderr
    page = subprocess.run(
        [str(py), "-c", "import warnings; warnings.simplefilter('ignore');"
         "from fastapi.testclient import TestClient; from enshi_rules.server import create_app;"
         "c = TestClient(create_app()); r = c.get('/articles/27'); print(r.status_code, 'art_27__para_2' in r.text,"
         " '已编码' in r.text, c.get('/static/workbench.css').status_code)"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert page.stdout.split() == ["200", "True", "True", "200"], page.stdout + page.stderr
    example = ROOT / "examples" / "overdue_decision.json"
    exp = subprocess.run([str(exe), "explain", str(example), "--rule", "art_027.p2"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert exp.returncode == 0, exp.stderr
    assert "第二十七条第二款" in exp.stdout
    served = subprocess.run(
        [str(py), "-c", "import warnings; warnings.simplefilter('ignore');"
         "from fastapi.testclient import TestClient; from enshi_rules.server import create_app; "
         "r = TestClient(create_app()).get('/v1/articles/27'); print(r.status_code, r.json()['article']['status'])"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert served.stdout.split() == ["200", "encoded"], served.stderr[-2000:]
