"""``enshi-rules trace`` (check the article map, coverage, docs, suggestions) and ``enshi-rules articles``
(an article unit by unit, with the rules that encode it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .._law import text as _text
from .._law.article_map import (
    load_instrument_map,
    MAP_FILE,
    ArticleMap,
    MapError,
    find_root,
    is_repository,
    load_map,
)
from .._law.check import check, coverage_report, suggest
from .._law.coverage import COVERAGE_FILE, Coverage, load_coverage

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
    from .._law import docs as _trace_docs

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
        coverage = _coverage_for(args, root)
        result = check(amap, coverage=coverage)
        sys.stdout.write(result.render())
        status = status or (0 if result.ok else 1)
        # the 条例's excerpts have their own map beside the measures' (tiaoli_map.yaml)
        try:
            tmap = load_instrument_map(root, _text.TIAOLI)
        except (OSError, MapError) as exc:
            print(f"{_text.TIAOLI.map_file}: {exc}")
            status = status or 1
        else:
            tresult = check(tmap, coverage=coverage)
            sys.stdout.write(tresult.render())
            status = status or (0 if tresult.ok else 1)
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


def _cmd_articles(args: argparse.Namespace) -> int:
    from .._law import docs as _trace_docs

    amap = None
    try:
        _, amap = _root_and_map(args)
    except (OSError, MapError):
        amap = None  # the text and the rules can be shown without the map
    if args.article is None:
        sys.stdout.write(_trace_docs.render_article_index_text(amap))
        return 0
    from .._law.articles_json import parse_unit_ref, unit_of

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
