"""The article map (``article_map.yaml``): one entry per unit of the measures, read and located.


``article_map.yaml`` (repository root) has one entry per unit of the measures (条, 款, 项; see
:mod:`enshi_rules._law.text`), keyed by the unit's id::

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

The check of the map against the text, the rules and the tests is :mod:`enshi_rules._law.check`;
the interpretation register is :mod:`enshi_rules._law.register`; recorded rule coverage is
:mod:`enshi_rules._law.coverage`; the commands are :mod:`enshi_rules._cli.trace`; the docs for legal
staff are rendered by :mod:`enshi_rules._law.docs`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .._engine.rulebook import MODALITY_ZH, Role, Rule
from ..rules import all_rules
from . import text as _text

MAP_FILE = "article_map.yaml"

ENCODED, NOT_OPERATIVE, PLANNED = "encoded", "not-operative", "planned"
STATUSES = (ENCODED, NOT_OPERATIVE, PLANNED)
STATUS_ZH = {ENCODED: "已编码", NOT_OPERATIVE: "不编码", PLANNED: "待编码"}
ROLE_ZH = {"supervising": "监督机关", "supervised": "被监督机关", "case": "案件", "other": "其他单位和个人"}

ENTRY_KEYS = ("citation", "text_hash", "status", "rules", "interpretations", "reason", "issue", "note")


def role_zh(role: Role | str) -> str:
    return ROLE_ZH.get(str(role), str(role))


def rule_unit(r: Rule) -> str:
    """The id of the unit a rule cites (an item of a one-paragraph article lives under ``para_1``),
    within the rule's own instrument."""
    return _text.unit_id(r.article, r.paragraph, r.item, instrument=r.instrument)


def rules_of(rules: Mapping[str, Rule], instrument: _text.Instrument) -> dict[str, Rule]:
    """The rules that cite ``instrument`` (unit ids are per instrument: never mix them)."""
    return {rid: r for rid, r in rules.items() if r.instrument is instrument}


def article_test_module(article: int, instrument: _text.Instrument = _text.MEASURES) -> str:
    if instrument is not _text.MEASURES:
        return f"tests/rules/test_{instrument.rule_prefix}_{article:03d}.py"
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
    #: the text the map's unit ids belong to (``article_map.yaml``: the measures;
    #: ``tiaoli_map.yaml``: the 条例's excerpts)
    instrument: _text.Instrument = _text.MEASURES

    @property
    def root(self) -> Path:
        return self.path.parent


def safe_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """The document and its node tree, through the safe loader (no tags, no duplicate keys)."""
    loader = _MapLoader(text)
    try:
        node = loader.get_single_node()
        return (None if node is None else loader.construct_document(node)), node
    except yaml.YAMLError as exc:
        raise MapError(f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()


def parse_map(text: str, path: Path, instrument: _text.Instrument = _text.MEASURES) -> ArticleMap:
    """Read the map's YAML text; raise :class:`MapError` if it is not a mapping of entries."""
    data, node = safe_yaml(text)
    if node is None:
        return ArticleMap(path, {}, instrument)
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        raise MapError("the map must be a mapping from unit ids (art_27__para_2) to entries")
    lines = {str(key_node.value): key_node.start_mark.line + 1 for key_node, _ in node.value}
    entries = {}
    for key, raw in data.items():
        key = str(key)
        entries[key] = Entry(key, raw if isinstance(raw, Mapping) else {"__not_a_mapping__": raw}, lines.get(key, 0))
    return ArticleMap(path, entries, instrument)


def load_map(path: Path, instrument: _text.Instrument = _text.MEASURES) -> ArticleMap:
    return parse_map(path.read_text(encoding="utf-8"), path, instrument)


def load_instrument_map(root: Path, instrument: _text.Instrument) -> ArticleMap:
    """The map of ``instrument`` in the repository (or package data) directory ``root``."""
    return load_map(root / instrument.map_file, instrument)


def package_data_dir() -> Path:
    """Where the installed package keeps its copy of the map and the article pages (``data/``)."""
    return Path(str(resources.files("enshi_rules").joinpath("data")))


def load_package_map(instrument: _text.Instrument = _text.MEASURES) -> ArticleMap:
    """The map the package carries (``data/article_map.yaml``, ``data/tiaoli_map.yaml``, kept
    identical to the repository's by ``enshi-rules trace --write-docs``)."""
    return load_map(package_data_dir() / instrument.map_file, instrument)


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
    pkg_root = Path(__file__).resolve().parents[3]
    if (pkg_root / MAP_FILE).is_file():
        return pkg_root
    data = package_data_dir()
    if (data / MAP_FILE).is_file():
        return data
    raise FileNotFoundError(f"{MAP_FILE} not found in {here} or above; run from the repository or pass --map")



def rules_by_unit(
    rules: Mapping[str, Rule] | None = None, instrument: _text.Instrument = _text.MEASURES
) -> dict[str, list[Rule]]:
    """The rules of ``instrument`` (the measures by default) by the unit id they cite."""
    out: dict[str, list[Rule]] = {}
    for r in rules_of(all_rules() if rules is None else rules, instrument).values():
        out.setdefault(rule_unit(r), []).append(r)
    return out
