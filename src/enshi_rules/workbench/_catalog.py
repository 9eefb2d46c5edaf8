"""条文对照: the measures unit by unit, with the rules, tests and interpretations of each, linked both ways;
the verified excerpts of 《行政执法监督条例》 the same way (``instrument=TIAOLI``: ``/tiaoli``, its map
``tiaoli_map.yaml``), each unit with its status and the excerpt file's own account of what it lacks.

Everything comes from the same sources as ``docs/articles/`` (the parsed text, ``article_map.yaml``,
the rulebook, the interpretation register): nothing is written twice. When the article map cannot be
found (an installation without the repository), the units are still shown with their rules and
interpretations, and the page says that the map (status, tests) is not available.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .._engine.rulebook import Rule, modality_zh
from .._law import text as _text
from .._law.article_map import ENCODED, MAP_FILE, NOT_OPERATIVE, PLANNED, STATUS_ZH, ArticleMap, Entry
from .._law.article_map import find_root, load_map, role_zh, rules_by_unit
from .._law.register import Interpretation, load_register
from ..errors import RuleDefinitionError
from ..rules import all_rules

__all__ = [
    "ArticleView",
    "SearchResult",
    "UnitView",
    "article_index",
    "article_view",
    "condition_in_words",
    "interpretation_views",
    "resolve_query",
    "search",
    "unit_href",
]


@cache
def _map(instrument: _text.Instrument = _text.MEASURES) -> ArticleMap | None:
    try:
        return load_map(find_root() / instrument.map_file, instrument)
    except (FileNotFoundError, OSError, ValueError):
        return None


def map_available(instrument: _text.Instrument = _text.MEASURES) -> bool:
    return _map(instrument) is not None


#: Where each instrument's articles are shown.
BASE_PATH = {_text.MEASURES.key: "/articles", _text.TIAOLI.key: "/tiaoli"}


def instrument_of(key: str | None) -> _text.Instrument:
    """The instrument a report's ``instrument`` field names (None: the measures)."""
    return next((x for x in _text.INSTRUMENTS if x.report_key == key), _text.MEASURES)


def unit_href(unit_id: str, instrument: _text.Instrument = _text.MEASURES) -> str:
    """The page and anchor of a unit: ``/articles/27#art_27__para_2``; of the 条例: ``/tiaoli/42#art_42__para_2``."""
    article = int(unit_id.split("__", 1)[0].removeprefix("art_"))
    return f"{BASE_PATH[instrument.key]}/{article}#{unit_id}"


def rule_href(rule_id: str) -> str:
    """The rule on its article's page: ``/articles/27#rule-art_027.p2…``, ``/tiaoli/42#rule-tl_042.p2…``."""
    ins = _text.instrument_for_rule(rule_id)
    article = int(rule_id.split(".", 1)[0].rpartition("_")[2])
    return f"{BASE_PATH[ins.key]}/{article}#rule-{rule_id}"


def finding_unit(article: int, paragraph: int | None, item: int | None, instrument: _text.Instrument = _text.MEASURES) -> str:
    """The unit a finding cites (an item of a one-paragraph article lives under ``para_1``)."""
    return _text.unit_id(article, paragraph, item, instrument=instrument)


# ---------------------------------------------------------------------------- conditions in words


def _kind_of(cond: Any) -> str:
    """The kind of fact a rule's condition is about (``{"kind": "rectification"}`` in it)."""
    if isinstance(cond, dict):
        if isinstance(cond.get("kind"), str):
            return cond["kind"]
        for key in ("$and", "$or"):
            for sub in cond.get(key) or ():
                k = _kind_of(sub)
                if k:
                    return k
    return ""


def condition_in_words(cond: Any) -> str:
    """A rule's condition in Chinese words, as ``explain`` words it for a finding (without the values):
    ``整改期限：未记录整改情况报送日，且判断日晚于整改期限最后一日``."""
    from .._evaluate.explain import KIND_ZH, Words

    kind = _kind_of(cond)
    words = Words(kind, {}, "").words(cond)
    what = KIND_ZH.get(kind, kind)
    return f"{what}：{words}" if words else what


# ---------------------------------------------------------------------------- views


@dataclass(frozen=True)
class RuleView:
    rule_id: str
    modality: str
    modality_zh: str
    subject_zh: str
    citation: str
    summary: str
    condition: str
    module: str
    kind: str  # 认定 (a finding) or 适用说明 (an applicability note)
    href: str = ""


@dataclass(frozen=True)
class TestView:
    node_id: str
    rules: tuple[str, ...]


@dataclass(frozen=True)
class UnitView:
    id: str
    label: str
    depth: int  # 1 article, 2 paragraph, 3 item
    citation: str
    text: str
    status: str | None  # encoded / not-operative / planned / None (no entry or no map)
    status_zh: str
    reason: str
    note: str
    rules: tuple[RuleView, ...]
    tests: tuple[TestView, ...]
    interpretations: tuple[Interpretation, ...]


@dataclass(frozen=True)
class ArticleView:
    number: int
    label: str
    chapter: str
    text: str
    citation: str
    units: tuple[UnitView, ...]
    rule_count: int
    prev: int | None
    next: int | None
    #: the 条例's excerpts: its title, where its pages live, what the file says it lacks here
    title: str = _text.REGULATION_TITLE
    base: str = "/articles"
    excerpt: bool = False
    missing: str = ""


def _own_text(u: _text.Unit) -> str:
    if u.paragraph is None:
        return ""
    if u.item is None and _text.regulation(u.instrument).articles[u.article].item_counts[u.paragraph - 1]:
        return u.text.splitlines()[0]
    return u.text


def _rule_view(r: Rule) -> RuleView:
    return RuleView(
        rule_id=r.rule_id,
        modality=str(r.modality),
        modality_zh=modality_zh(r),
        subject_zh=role_zh(r.subject),
        citation=r.short_citation,
        summary=r.summary,
        condition=condition_in_words(r.condition),
        module="src/" + r.module.replace(".", "/") + ".py",
        kind="适用说明" if r.note else "认定",
        href=rule_href(r.rule_id),
    )


def _status(e: Entry | None, instrument: _text.Instrument = _text.MEASURES) -> tuple[str | None, str]:
    if _map(instrument) is None:
        return None, f"（对照表 {instrument.map_file} 不可用）"
    if e is None:
        return None, "（对照表中无此条目）"
    st = e.status
    if st == ENCODED:
        return ENCODED, STATUS_ZH[ENCODED] + ("" if e.rules else "（由下级单元编码）")
    if st == PLANNED:
        return PLANNED, f"{STATUS_ZH[PLANNED]}（issue {e.raw.get('issue')}）"
    if st == NOT_OPERATIVE:
        return NOT_OPERATIVE, STATUS_ZH[NOT_OPERATIVE]
    return None, f"状态无效：{st!r}"


@cache
def interpretations_by_unit(instrument: _text.Instrument = _text.MEASURES) -> dict[str, tuple[Interpretation, ...]]:
    """Unit id (of ``instrument``) -> the interpretations that apply (the map's list, else the
    register's own reach)."""
    from .._law.register import expected_interpretations

    register = load_register()
    by_id = register.by_id
    out: dict[str, tuple[Interpretation, ...]] = {}
    amap = _map(instrument)
    if amap is not None:
        for uid, e in amap.entries.items():
            out[uid] = tuple(by_id[x] for x in e.interpretations if x in by_id)
        return out
    for uid, ids in expected_interpretations(register, all_rules(), instrument).items():
        out[uid] = tuple(by_id[x] for x in ids if x in by_id)
    return out


def _unit_view(u: _text.Unit, by_unit: dict[str, list[Rule]]) -> UnitView:
    amap = _map(u.instrument)
    e = amap.entries.get(u.id) if amap is not None else None
    status, status_zh = _status(e, u.instrument)
    tests: dict[str, list[str]] = {}
    for rid, ts in (e.rules.items() if e is not None else ()):
        for t in ts:
            tests.setdefault(t, []).append(rid)
    return UnitView(
        id=u.id,
        label=_text.unit_label(u),
        depth=1 if u.paragraph is None else (2 if u.item is None else 3),
        citation=u.citation(with_title=False),
        text=_own_text(u),
        status=status,
        status_zh=status_zh,
        reason=e.text("reason") if e is not None else "",
        note=e.text("note") if e is not None else "",
        rules=tuple(_rule_view(r) for r in by_unit.get(u.id, [])),
        tests=tuple(TestView(t, tuple(rids)) for t, rids in tests.items()),
        interpretations=interpretations_by_unit(u.instrument).get(u.id, ()),
    )


def article_view(n: int, instrument: _text.Instrument = _text.MEASURES) -> ArticleView:
    """One article with every unit (raises KeyError for an article that does not exist, or, of the
    条例, that is not in the excerpts)."""
    reg = _text.regulation(instrument)
    art = reg.articles[n]
    chapter = reg.chapters[art.chapter]
    by_unit = rules_by_unit(all_rules(), instrument)
    units = tuple(_unit_view(u, by_unit) for u in reg.units.values() if u.article == n)
    held = list(reg.articles)
    at = held.index(n)
    return ArticleView(
        number=n,
        label=art.label,
        chapter=f"{chapter.label}　{chapter.title}".rstrip(),
        text=art.text,
        citation=_text.citation(n, instrument=instrument),
        units=units,
        rule_count=sum(len(u.rules) for u in units),
        prev=held[at - 1] if at > 0 else None,
        next=held[at + 1] if at + 1 < len(held) else None,
        title=reg.title,
        base=BASE_PATH[instrument.key],
        excerpt=instrument.excerpt,
        missing="、".join(f"第{_text.to_chinese_numeral(p)}款" for p in sorted(art.missing_paragraphs)),
    )


@dataclass(frozen=True)
class IndexRow:
    number: int
    label: str
    first_line: str
    status_zh: str
    status: str | None
    rule_count: int
    counts: dict[str, int] = field(default_factory=dict)  # unit status -> how many units


def article_index(instrument: _text.Instrument = _text.MEASURES) -> list[tuple[str, list[IndexRow]]]:
    """Chapters with their articles: label, first words, status, how many rules and units by status
    (of the 条例: the articles of its excerpts, those after a gap under 所在章未取得原文)."""
    reg = _text.regulation(instrument)
    amap = _map(instrument)
    by_unit = rules_by_unit(all_rules(), instrument)
    out = []
    for ch in sorted(reg.chapters.values(), key=lambda c: min(c.articles)):
        rows = []
        for n in ch.articles:
            uids = [u.id for u in reg.units.values() if u.article == n]
            counts: dict[str, int] = {}
            for uid in uids:
                e = amap.entries.get(uid) if amap is not None else None
                if e is not None and e.status in (ENCODED, NOT_OPERATIVE, PLANNED):
                    counts[STATUS_ZH[e.status]] = counts.get(STATUS_ZH[e.status], 0) + 1
            status, status_zh = _status(amap.entries.get(f"art_{n}") if amap is not None else None, instrument)
            first = reg.articles[n].text.splitlines()[0]
            rows.append(
                IndexRow(
                    number=n,
                    label=reg.articles[n].label,
                    first_line=first if len(first) <= 40 else first[:40] + "……",
                    status_zh=status_zh,
                    status=status,
                    rule_count=sum(len(by_unit.get(uid, [])) for uid in uids),
                    counts=counts,
                )
            )
        out.append((f"{ch.label}　{ch.title}".rstrip(), rows))
    return out


@dataclass(frozen=True)
class InterpretationView:
    choice: Interpretation
    units: tuple[tuple[str, str], ...]  # (href of the unit, citation) it applies to
    rules: tuple[str, ...]  # rule ids it affects


def interpretation_views() -> list[tuple[str, list[InterpretationView]]]:
    """The register, each choice with the units (linked back, the 条例's with its title) and rules it affects."""
    rules = all_rules()
    out = []
    for g in load_register().groups:
        views = []
        for c in g.choices:
            units: list[tuple[str, str]] = []
            for ins in _text.INSTRUMENTS:
                reg, applies = _text.regulation(ins), interpretations_by_unit(ins)
                units += [
                    (unit_href(uid, ins), reg.units[uid].citation(with_title=ins is not _text.MEASURES))
                    for uid in reg.units
                    if any(x.id == c.id for x in applies.get(uid, ()))
                ]
            views.append(
                InterpretationView(
                    choice=c,
                    units=tuple(units),
                    rules=tuple(rid for rid in rules if c.matches(rid)),
                )
            )
        out.append((g.title, views))
    return out


# ---------------------------------------------------------------------------- finding an article


_NUMERAL = "一二三四五六七八九十"


def resolve_query(q: str) -> str | None:
    """The unit a query names, or None when it is a keyword.

    Accepts ``27``, ``二十七``, ``第二十七条``, ``27.2``, ``32.1.3``, ``第二十七条第二款``,
    ``第三十二条第一款第（三）项``, ``27条``, and ``26.3`` for item 3 of an article with one paragraph
    (第二十六条第（三）项); a unit that does not exist gives None.
    """
    s = "".join(unicodedata.normalize("NFKC", q or "").split())
    if not s:
        return None
    m = re.fullmatch(r"第?(\d{1,2})条?(?:[.．](\d{1,2}))?(?:[.．](\d{1,2}))?", s)
    try:
        if m:
            a, p, i = (int(x) if x else None for x in m.groups())
            reg = _text.regulation()
            if i is None and p is not None and a in reg.articles and reg.articles[a].paragraph_count == 1:
                return _text.unit_id(a, None, p)  # 26.3: an article of one paragraph is cited by its items
            return _text.unit_id(a, p, i)  # type: ignore[arg-type]
        if re.fullmatch(rf"[{_NUMERAL}]+", s):
            return _text.unit_id(_text.from_chinese_numeral(s))
        if s.startswith("第") or s.startswith("《"):
            return _text.unit_id(*_text.parse_citation(s))
        if re.fullmatch(rf"[{_NUMERAL}]+条", s):
            return _text.unit_id(_text.from_chinese_numeral(s[:-1]))
    except (ValueError, RuleDefinitionError):  # not a citation, or a unit that does not exist
        return None
    return None


@dataclass(frozen=True)
class SearchResult:
    kind: str  # 条文 / 规则 / 解释
    href: str
    title: str
    excerpt: str


def _excerpt(text: str, word: str, width: int = 40) -> str:
    i = text.find(word)
    if i < 0:
        return text[: width * 2]
    start = max(0, i - width)
    return ("……" if start else "") + text[start : i + len(word) + width] + ("……" if i + len(word) + width < len(text) else "")


def search(q: str) -> list[SearchResult]:
    """Units whose text, rules whose id or summary, and interpretations whose words contain ``q``."""
    word = unicodedata.normalize("NFKC", q or "").strip()
    if not word:
        return []
    out: list[SearchResult] = []
    for ins in _text.INSTRUMENTS:
        for u in _text.regulation(ins).units.values():
            if u.paragraph is None:
                continue
            text = _own_text(u)
            if word in text:
                out.append(SearchResult("条文", unit_href(u.id, ins), u.citation(with_title=ins is not _text.MEASURES), _excerpt(text, word)))
    for r in all_rules().values():
        if word in r.summary or word in r.rule_id:
            out.append(SearchResult("规则", rule_href(r.rule_id), f"{r.rule_id}（{r.short_citation}）", _excerpt(r.summary, word)))
    for g in load_register().groups:
        for c in g.choices:
            hay = f"{c.id} {c.title} {c.choice}"
            if word in hay:
                out.append(SearchResult("解释", f"/interpretations#{c.id}", f"{c.id} {c.title}", _excerpt(c.choice, word)))
    return out
