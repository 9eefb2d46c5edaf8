"""The official text of 《恩施土家族苗族自治州行政执法监督办法》, parsed into citable units.

The text ships as package data (``data/regulation.txt``, copied from the pkulaw.com page named by
:data:`SOURCE_URL`; its first line is the 法宝引证码 :data:`SOURCE`). :func:`regulation` parses it once
into chapters (章), articles (条), paragraphs (款) and items (项):

* a line ``第X章　…`` opens a chapter;
* a line ``第X条　…`` opens an article, and the words after the label are its first paragraph;
* every further indented line of the article opens a new paragraph, except a line starting with an
  item marker ``（一）``, ``（二）`` …, which is an item of the paragraph before it.

Every unit gets an Akoma Ntoso style id: ``art_27``, ``art_27__para_2``,
``art_26__para_1__item_3``. Every article has at least ``para_1``.

What :attr:`Unit.text` holds (a unit's own label is never part of its text, so the text of a unit
does not change when an amendment renumbers it):

* article: the whole article without the ``第X条`` label, its paragraphs joined by ``"\\n"``;
* paragraph: the paragraph's own words followed by its items, each on its own line *with* its
  ``（X）`` marker (the markers are part of what the paragraph says);
* item: the item's words as printed, *without* the ``（X）`` marker.

:attr:`Unit.text_hash` is the first 16 hex digits of the SHA-256 of the UTF-8 bytes of the text after
NFKC normalisation and removal of all whitespace (see :func:`text_hash`): re-flowing or re-indenting
the text keeps the hash, changing any character changes it.

Citations follow the 立法技术规范（试行）(全国人大常委会法制工作委员会, 2009): an article that has
only one paragraph is cited without 款 (``第二十六条第（三）项``, ``第三十五条``), because "第一款" would
suggest a second paragraph that does not exist; an article with several paragraphs always names the
paragraph (``第二十七条第二款``, ``第三十二条第一款第（六）项``). Consequently, for a one-paragraph
article the article and its ``para_1`` share one citation, and :func:`parse_citation` returns the
article for it; an item of a one-paragraph article may be named with ``paragraph=None``.

A second instrument, the national 《行政执法监督条例》 (国务院令第825号, in force 2026-02-01), ships as
verified *excerpts* (``data/xingzheng-zhifa-jiandu-tiaoli-2025-excerpts.txt`` with its
``.sources.md``). Each text is an :class:`Instrument`; :func:`regulation`, :func:`citation`,
:func:`unit_id` and :func:`parse_citation` take ``instrument=`` (the measures by default) and both
texts go through the same parser, unit ids and hashes. An excerpt file may only leave out what a
marker line ``〔第七条至第三十七条第一款未取得原文〕`` / ``〔第二款未取得原文〕`` says is left out; a paragraph
not obtained has no unit and cannot be cited, and an article after a gap belongs to no known chapter
(chapter 0) until the next chapter heading. Nothing is reconstructed.

Asking for a unit that does not exist raises :class:`~enshi_rules.errors.RuleDefinitionError` (rule
modules cite units through this module); malformed numerals, labels, citations and a malformed text
file raise :class:`ValueError`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from types import MappingProxyType

from ..errors import RuleDefinitionError

__all__ = [
    "ARTICLE_COUNT",
    "INSTRUMENTS",
    "MEASURES",
    "TIAOLI",
    "Instrument",
    "instrument_for_rule",
    "REGULATION_TITLE",
    "SOURCE",
    "SOURCE_URL",
    "Article",
    "Chapter",
    "Regulation",
    "Unit",
    "article_label",
    "citation",
    "from_chinese_numeral",
    "item_marker",
    "parse_article_label",
    "parse_citation",
    "parse_item_marker",
    "parse_regulation",
    "regulation",
    "text_hash",
    "to_chinese_numeral",
    "unit_id",
    "unit_label",
]

REGULATION_TITLE = "恩施土家族苗族自治州行政执法监督办法"
SOURCE = "【法宝引证码】 CLI.11.8484969"
SOURCE_URL = "https://www.pkulaw.com/lar/7b2e38a73a4b8a3b2e0de634d376d591bdfb.html"
ARTICLE_COUNT = 35


@dataclass(frozen=True)
class Instrument:
    """A legal text the package carries: its title, file, how its rule ids and map are named.

    ``key`` is what a report's ``instrument`` field says (``None`` there means the measures, so the
    reports of matters the 条例 does not reach are unchanged); ``rule_prefix`` starts its rule ids
    (``art_027.p2…``, ``tl_042.p2…``); ``map_file`` is its article map at the repository root (a copy
    ships in ``data/``); ``docs_dir`` holds its generated article pages; ``excerpt``: only the units
    in the file exist, gaps are declared by marker lines; ``in_force``: 施行日期.
    """

    key: str
    title: str
    short_title: str
    data_file: str
    rule_prefix: str
    map_file: str
    docs_dir: str
    articles: int
    excerpt: bool
    in_force: date
    rules_package: str

    @property
    def report_key(self) -> str | None:
        """What a finding's ``instrument`` field holds: ``None`` for the measures."""
        return None if self is MEASURES or self.key == "measures" else self.key


MEASURES = Instrument(
    key="measures",
    title=REGULATION_TITLE,
    short_title="办法",
    data_file="regulation.txt",
    rule_prefix="art",
    map_file="article_map.yaml",
    docs_dir="docs/articles",
    articles=ARTICLE_COUNT,
    excerpt=False,
    in_force=date(2025, 3, 1),
    rules_package="enshi_rules.rules",
)

#: 《行政执法监督条例》 (国务院令第825号): seven chapters, forty-four articles, of which the excerpt
#: file holds only those that could be verified (see its 说明 and ``.sources.md``).
TIAOLI = Instrument(
    key="tiaoli",
    title="行政执法监督条例",
    short_title="条例",
    data_file="xingzheng-zhifa-jiandu-tiaoli-2025-excerpts.txt",
    rule_prefix="tl",
    map_file="tiaoli_map.yaml",
    docs_dir="docs/tiaoli",
    articles=44,
    excerpt=True,
    in_force=date(2026, 2, 1),
    rules_package="enshi_rules.rules.tiaoli",
)

INSTRUMENTS: tuple[Instrument, ...] = (MEASURES, TIAOLI)


def instrument_for_rule(rule_id: str) -> Instrument:
    """The instrument a rule id belongs to, by its prefix (``tl_`` for the 条例)."""
    for ins in INSTRUMENTS:
        if rule_id.startswith(ins.rule_prefix + "_"):
            return ins
    return MEASURES

# --------------------------------------------------------------------------- numerals and labels

_DIGITS = "一二三四五六七八九"


def to_chinese_numeral(n: int) -> str:
    """Write 1..99 in Chinese numerals as legal texts do: 一, 十, 十一, 二十, 二十七, 九十九."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 99:
        raise ValueError(f"only integers 1..99 can be written as Chinese numerals here, got {n!r}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens - 1] + "十")
    return head + (_DIGITS[ones - 1] if ones else "")


_NUMERAL_VALUES = {to_chinese_numeral(n): n for n in range(1, 100)}


def from_chinese_numeral(s: str) -> int:
    """Read a Chinese numeral 一..九十九 in the form :func:`to_chinese_numeral` writes (not 一十, 零)."""
    value = _NUMERAL_VALUES.get(s) if isinstance(s, str) else None
    if value is None:
        raise ValueError(f"not a Chinese numeral between 一 and 九十九 in canonical form: {s!r}")
    return value


def item_marker(n: int) -> str:
    """The marker of item ``n``: ``item_marker(3) == "（三）"`` (full-width parentheses)."""
    return f"（{to_chinese_numeral(n)}）"


def parse_item_marker(s: str) -> int:
    """The number of an item marker: ``"（三）"`` (or half-width ``"(三)"``) gives 3."""
    m = re.fullmatch(r"\((.+)\)", unicodedata.normalize("NFKC", s)) if isinstance(s, str) else None
    if m is None:
        raise ValueError(f"not an item marker like （三）: {s!r}")
    return from_chinese_numeral(m.group(1))


def article_label(n: int) -> str:
    """The label of article ``n``: ``article_label(27) == "第二十七条"``."""
    return f"第{to_chinese_numeral(n)}条"


def held_labels(reg: Regulation) -> str:
    """What an excerpt holds, article by article, naming the 款 of an article held only in part:
    第一条、…、第六条第一款、第三十七条第二款、第三十八条… (the notice of the excerpts)."""
    out = []
    for n, a in reg.articles.items():
        label = article_label(n)
        if a.missing_paragraphs:
            held = [k for k in range(1, len(a.item_counts) + 1) if k not in a.missing_paragraphs]
            label += "、".join(f"第{to_chinese_numeral(k)}款" for k in held)
        out.append(label)
    return "、".join(out)


def parse_article_label(s: str) -> int:
    """The number of an article label: ``"第二十七条"`` gives 27."""
    m = re.fullmatch(r"第(.+)条", s) if isinstance(s, str) else None
    if m is None:
        raise ValueError(f"not an article label like 第二十七条: {s!r}")
    return from_chinese_numeral(m.group(1))


def text_hash(text: str) -> str:
    """First 16 hex digits of SHA-256 over the NFKC-normalised text with all whitespace removed."""
    canonical = "".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _unit_id(article: int, paragraph: int | None = None, item: int | None = None) -> str:
    parts = [f"art_{article}"]
    if paragraph is not None:
        parts.append(f"para_{paragraph}")
    if item is not None:
        parts.append(f"item_{item}")
    return "__".join(parts)


# --------------------------------------------------------------------------- the parsed text


@dataclass(frozen=True)
class Unit:
    """One citable unit: an article (``paragraph`` and ``item`` None), a paragraph or an item.

    ``text`` is the unit's own text without its label (see the module docstring for exactly what it
    holds at each level); ``text_hash`` is :func:`text_hash` of ``text``.
    """

    id: str
    article: int
    paragraph: int | None
    item: int | None
    chapter: int
    text: str
    text_hash: str
    instrument: Instrument = MEASURES

    def citation(self, *, with_title: bool = True) -> str:
        """This unit's citation (for ``para_1`` of a one-paragraph article: the article's)."""
        return citation(self.article, self.paragraph, self.item, with_title=with_title, instrument=self.instrument)


@dataclass(frozen=True)
class Article:
    """An article: its number, chapter, whole text and the number of items in each paragraph."""

    number: int
    chapter: int  # 0: an excerpt article whose chapter heading was not obtained
    text: str
    item_counts: tuple[int, ...]  # one entry per paragraph; 0 for a paragraph without items
    #: paragraphs the excerpt file says were not obtained (they have no unit and cannot be cited)
    missing_paragraphs: frozenset[int] = frozenset()

    @property
    def label(self) -> str:
        return article_label(self.number)

    @property
    def paragraph_count(self) -> int:
        return len(self.item_counts)


@dataclass(frozen=True)
class Chapter:
    """A chapter: its number, title (``总则``) and the numbers of its articles, in order."""

    number: int
    title: str
    articles: tuple[int, ...]

    @property
    def label(self) -> str:
        if self.number == 0:
            return "（所在章未取得原文）"
        return f"第{to_chinese_numeral(self.number)}章"


@dataclass(frozen=True)
class Regulation:
    """The parsed regulation. ``units`` lists every unit in document order (article, then its
    paragraphs, each followed by its items)."""

    title: str
    source: str
    source_url: str
    preamble: tuple[str, ...]  # header lines other than source, URL and title (the 公布 note)
    chapters: Mapping[int, Chapter]
    articles: Mapping[int, Article]
    units: Mapping[str, Unit]
    instrument: Instrument = MEASURES
    #: what the excerpt file says it leaves out (its ``〔…未取得原文〕`` markers, a paragraph's with its
    #: article): ``("第六条第二款", "第七条至第三十七条第一款", "第四十三条、第四十四条")``
    gaps: tuple[str, ...] = ()

    def resolve(
        self, article: int, paragraph: int | None = None, item: int | None = None
    ) -> tuple[int, int | None, int | None]:
        """Check that the unit exists and fill in ``paragraph=1`` for an item of a one-paragraph
        article; raise :class:`RuleDefinitionError` naming what was asked otherwise."""
        asked = f"article {article!r}"
        asked += "" if paragraph is None else f" paragraph {paragraph!r}"
        asked += "" if item is None else f" item {item!r}"
        asked += f" of 《{self.title}》"
        for name, value in (("article", article), ("paragraph", paragraph), ("item", item)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise RuleDefinitionError(f"{asked}: {name} must be an int, got {type(value).__name__}")
        art = self.articles.get(article)
        if art is None:
            if self.instrument.excerpt:
                held = "、".join(article_label(a) for a in self.articles)
                raise RuleDefinitionError(
                    f"{asked} is not in the excerpts (the file holds {held}); nothing may be cited from an article not obtained"
                )
            last = len(self.articles)
            raise RuleDefinitionError(
                f"{asked} does not exist: articles run from 第一条 (1) to {article_label(last)} ({last})"
            )
        n_para = art.paragraph_count
        if paragraph is not None and not 1 <= paragraph <= n_para:
            raise RuleDefinitionError(f"{asked} does not exist: {art.label} has {n_para} paragraph(s)")
        if paragraph is not None and paragraph in art.missing_paragraphs:
            raise RuleDefinitionError(f"{asked} is not in the excerpts: the text of {art.label} paragraph {paragraph} was not obtained")
        if item is not None:
            if paragraph is None:
                if n_para != 1:
                    msg = f"{asked} is ambiguous: {art.label} has {n_para} paragraphs; name one"
                    raise RuleDefinitionError(msg)
                paragraph = 1
            n_items = art.item_counts[paragraph - 1]
            if not 1 <= item <= n_items:
                raise RuleDefinitionError(
                    f"{asked} does not exist: {art.label} paragraph {paragraph} has {n_items} item(s)"
                )
        return article, paragraph, item

    def unit(self, article: int, paragraph: int | None = None, item: int | None = None) -> Unit:
        """The unit asked for; raises :class:`RuleDefinitionError` if it does not exist."""
        return self.units[_unit_id(*self.resolve(article, paragraph, item))]

    def paragraph_count(self, article: int) -> int:
        """How many paragraphs (款) the article has (at least 1)."""
        self.resolve(article)
        return self.articles[article].paragraph_count

    def item_count(self, article: int, paragraph: int) -> int:
        """How many items (项) the paragraph has (0 if none)."""
        self.resolve(article, paragraph)
        return self.articles[article].item_counts[paragraph - 1]


# --------------------------------------------------------------------------- parsing

_NUM = "[一二三四五六七八九十]+"
_CHAPTER_LINE = re.compile(rf"第(?P<num>{_NUM})章\s+(?P<title>\S.*)")
_ARTICLE_LINE = re.compile(rf"第(?P<num>{_NUM})条\s+(?P<text>\S.*)")
_ITEM_LINE = re.compile(rf"（(?P<num>{_NUM})）(?P<text>\S.*)")
_URL_PREFIX = "原文链接："


def _header(lines: list[str], instrument: Instrument) -> tuple[str, str, int]:
    """Check the file's header lines; return ``(source, source_url, index of the first other line)``."""
    if instrument.excerpt:
        want = f"{instrument.title}（节录）"
        if not lines or lines[0].strip() != want:
            raise ValueError(f"{instrument.short_title} text line 1: expected the title line {want!r}")
        order = next((x.strip() for x in lines[1:] if x.strip().startswith("（")), "")
        if "国务院令" not in order:
            raise ValueError(f"{instrument.short_title} text: the line naming the 国务院令 and its dates is missing")
        return order.strip("（）"), f"{instrument.data_file[:-4]}.sources.md", 1
    if len(lines) < 2 or lines[0].strip() != SOURCE:
        raise ValueError(f"regulation text line 1: expected the source line {SOURCE!r}")
    if lines[1].strip() != _URL_PREFIX + SOURCE_URL:
        raise ValueError(f"regulation text line 2: expected {_URL_PREFIX}{SOURCE_URL}")
    return SOURCE, SOURCE_URL, 2


_GAP_LINE = re.compile(r"〔(?P<what>.+)未取得原文〕")
_GAP_RANGE = re.compile(rf"第(?P<a>{_NUM})条至第(?P<b>{_NUM})条(?:第(?P<p>{_NUM})款)?")
_GAP_LIST = re.compile(rf"第{_NUM}条(?:、第{_NUM}条)*")
_GAP_PARAGRAPH = re.compile(rf"第(?P<p>{_NUM})款")
_PARTIAL_LINE = re.compile(rf"第(?P<num>{_NUM})条第(?P<para>{_NUM})款\s+(?P<text>\S.*)")


def _gap_next(what: str, expected: int) -> tuple[int, int]:
    """What follows a gap marker between articles: ``(next article, its first paragraph)``."""
    if m := _GAP_RANGE.fullmatch(what):
        a, b = from_chinese_numeral(m["a"]), from_chinese_numeral(m["b"])
        if a != expected or b < a:
            raise ValueError(f"gap marker starts at {article_label(a)}, expected {article_label(expected)}")
        if m["p"]:
            return b, from_chinese_numeral(m["p"]) + 1
        return b + 1, 1
    if _GAP_LIST.fullmatch(what):
        nums = [from_chinese_numeral(x) for x in re.findall(rf"第({_NUM})条", what)]
        if nums != list(range(expected, expected + len(nums))):
            raise ValueError(f"gap marker lists {what!r}, expected it to start at {article_label(expected)} and run on")
        return nums[-1] + 1, 1
    raise ValueError(f"gap marker {what!r} is not like 第七条至第三十七条第一款 or 第四十三条、第四十四条")


def parse_regulation(raw: str, *, expected_articles: int | None = None, instrument: Instrument = MEASURES) -> Regulation:
    """Parse the text file; raise :class:`ValueError` (naming the line) if it is malformed.

    The measures' file must start with the :data:`SOURCE` line and the ``原文链接：`` line, contain the
    title, and hold chapters numbered 1, 2, … and exactly ``expected_articles`` articles numbered
    1, 2, … in order, items numbered （一）, （二）, … within each paragraph. An excerpt file (the
    条例) starts with ``<title>（节录）`` and may skip articles, paragraphs and chapters only where a
    marker line ``〔…未取得原文〕`` says so; its markers must account for every article up to
    ``instrument.articles``.
    """
    expected_articles = instrument.articles if expected_articles is None else expected_articles
    excerpt = instrument.excerpt
    label = "regulation text" if not excerpt else f"{instrument.short_title} text"
    lines = raw.splitlines()
    source, source_url, first = _header(lines, instrument)

    preamble: list[str] = []
    seen_title = excerpt
    gaps: list[str] = []
    chapters: dict[int, tuple[str, list[int]]] = {}
    chapter = 0  # the chapter the next article belongs to (0: not known, after a gap)
    # per article: number, chapter and paragraphs as (lead text, [item texts]), None where not obtained
    articles: list[tuple[int, int, list[tuple[str, list[str]] | None]]] = []
    next_article, next_para = 1, 1

    for lineno, line in enumerate(lines[first:], start=first + 1):
        text = line.strip()
        if not text:
            continue
        where = f"{label} line {lineno}"
        try:
            if m := _CHAPTER_LINE.fullmatch(text):
                n = from_chinese_numeral(m["num"])
                last = max(chapters, default=0)
                if (n != last + 1) if not excerpt else (n <= last):
                    raise ValueError(f"expected chapter {last + 1}, found {m[0]!r}")
                chapters[n] = ("".join(m["title"].split()) if excerpt else m["title"].strip(), [])
                chapter = n
            elif not chapters:
                seen_title = seen_title or text == instrument.title
                if text != instrument.title:
                    preamble.append(text)
            elif excerpt and (m := _GAP_LINE.fullmatch(text)):
                if line[:1].isspace():  # a paragraph of the article above
                    gaps.append(article_label(articles[-1][0]) + m["what"] if articles else m["what"])
                    pm = _GAP_PARAGRAPH.fullmatch(m["what"])
                    paras = articles[-1][2] if articles else None
                    if pm is None or paras is None or from_chinese_numeral(pm["p"]) != len(paras) + 1:
                        raise ValueError(f"paragraph gap {text!r} does not follow its article's last paragraph")
                    paras.append(None)
                else:
                    gaps.append(m["what"])
                    next_article, next_para = _gap_next(m["what"], next_article)
                    chapter = 0  # the chapters of the articles left out are not known either
            elif m := _ARTICLE_LINE.fullmatch(text):
                if from_chinese_numeral(m["num"]) != next_article or next_para != 1:
                    raise ValueError(f"expected {article_label(next_article)}, found {m[0][:12]!r}…")
                if chapter:
                    chapters[chapter][1].append(next_article)
                articles.append((next_article, chapter, [(m["text"], [])]))
                next_article += 1
            elif excerpt and (m := _PARTIAL_LINE.fullmatch(text)):
                a, p = from_chinese_numeral(m["num"]), from_chinese_numeral(m["para"])
                if a != next_article or p != next_para:
                    raise ValueError(f"{m[0][:14]!r}… is not where the gap marker above said the text resumes")
                if chapter:
                    chapters[chapter][1].append(a)
                articles.append((a, chapter, [*([None] * (p - 1)), (m["text"], [])]))
                next_article, next_para = a + 1, 1
            elif not articles or not line[:1].isspace():
                raise ValueError(f"line outside any article or not indented: {text[:20]!r}")
            elif m := _ITEM_LINE.fullmatch(text):
                items = articles[-1][2][-1][1]  # type: ignore[index]
                if from_chinese_numeral(m["num"]) != len(items) + 1:
                    raise ValueError(f"expected item {item_marker(len(items) + 1)}, found {text[:12]!r}")
                items.append(m["text"])
            else:
                articles[-1][2].append((text, []))
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{where}: {exc}") from None

    if not seen_title:
        raise ValueError(f"regulation text: title {instrument.title!r} not found before 第一章")
    if excerpt:
        if next_article != expected_articles + 1:
            raise ValueError(
                f"{label}: the articles and gap markers end at {article_label(next_article - 1)}, "
                f"the instrument has {expected_articles} articles"
            )
    elif len(articles) != expected_articles:
        raise ValueError(f"regulation text: expected {expected_articles} articles, found {len(articles)}")
    if any(not arts for _, arts in chapters.values()):
        raise ValueError(f"{label}: a chapter has no articles")

    units: dict[str, Unit] = {}
    article_map: dict[int, Article] = {}

    def add(chapter: int, text: str, a: int, p: int | None = None, i: int | None = None) -> None:
        uid = _unit_id(a, p, i)
        units[uid] = Unit(uid, a, p, i, chapter, text, text_hash(text), instrument)

    for a, chap, paragraphs in articles:
        para_texts = [
            None if para is None else "\n".join([para[0], *(item_marker(i) + t for i, t in enumerate(para[1], start=1))])
            for para in paragraphs
        ]
        article_map[a] = Article(
            a,
            chap,
            "\n".join(t for t in para_texts if t is not None),
            tuple(0 if para is None else len(para[1]) for para in paragraphs),
            frozenset(p for p, para in enumerate(paragraphs, start=1) if para is None),
        )
        add(chap, article_map[a].text, a)
        for p, (para, para_text) in enumerate(zip(paragraphs, para_texts, strict=True), start=1):
            if para is None or para_text is None:
                continue
            add(chap, para_text, a, p)
            for i, item_text in enumerate(para[1], start=1):
                add(chap, item_text, a, p, i)

    chapter_objs = {n: Chapter(n, title, tuple(arts)) for n, (title, arts) in sorted(chapters.items())}
    unplaced = tuple(a for a, chap, _ in articles if chap == 0)
    if unplaced:
        chapter_objs[0] = Chapter(0, "", unplaced)
    return Regulation(
        title=instrument.title,
        source=source,
        source_url=source_url,
        preamble=tuple(preamble),
        chapters=MappingProxyType(chapter_objs),
        articles=MappingProxyType(article_map),
        units=MappingProxyType(units),
        instrument=instrument,
        gaps=tuple(gaps),
    )


def _raw_text(instrument: Instrument = MEASURES) -> str:
    return resources.files("enshi_rules").joinpath("data", instrument.data_file).read_text(encoding="utf-8")


@cache
def regulation(instrument: Instrument = MEASURES) -> Regulation:
    """The instrument's text (the measures by default), parsed once from the package data file."""
    return parse_regulation(_raw_text(instrument), instrument=instrument)


def unit_label(u: Unit) -> str:
    """第一款 / 第（三）项 / the article label; 本条（只有一款） for para_1 of a one-paragraph article."""
    if u.paragraph is None:
        return article_label(u.article)
    if u.item is not None:
        return f"第{item_marker(u.item)}项"
    if regulation(u.instrument).articles[u.article].paragraph_count == 1:
        return "本条（只有一款）"
    return f"第{to_chinese_numeral(u.paragraph)}款"


# --------------------------------------------------------------------------- citations


def unit_id(
    article: int, paragraph: int | None = None, item: int | None = None, *, instrument: Instrument = MEASURES
) -> str:
    """The id of an existing unit: ``unit_id(26, 1, 3) == "art_26__para_1__item_3"`` (ids are per
    instrument: ``art_42__para_2`` of the 条例 is another unit than the measures' ``art_42``…)."""
    return _unit_id(*regulation(instrument).resolve(article, paragraph, item))


@cache  # pure function of its arguments; every finding asks for one
def citation(
    article: int,
    paragraph: int | None = None,
    item: int | None = None,
    *,
    with_title: bool = True,
    instrument: Instrument = MEASURES,
) -> str:
    """Cite a unit: ``《…》第二十七条第二款``, ``…第二十六条第（三）项``, ``…第三十二条第一款第（六）项``;
    ``instrument=TIAOLI``: ``《行政执法监督条例》第四十二条第二款``.

    The paragraph is named only when the article has more than one (see the module docstring).
    """
    reg = regulation(instrument)
    a, p, i = reg.resolve(article, paragraph, item)
    out = article_label(a)
    if p is not None and reg.articles[a].paragraph_count > 1:
        out += f"第{to_chinese_numeral(p)}款"
    if i is not None:
        out += f"第{item_marker(i)}项"
    return f"《{instrument.title}》{out}" if with_title else out


_CITATION = re.compile(
    rf"(?:《(?P<title>[^》]*)》)?第(?P<art>{_NUM})条(?:第(?P<para>{_NUM})款)?(?:第\((?P<item>{_NUM})\)项)?"
)


def parse_citation(text: str, *, instrument: Instrument = MEASURES) -> tuple[int, int | None, int | None]:
    """Read a citation in the form :func:`citation` writes, with or without the title.

    Returns ``(article, paragraph, item)`` as :meth:`Regulation.resolve` normalises it: ``第二十六条``
    gives ``(26, None, None)``, ``第二十六条第（三）项`` gives ``(26, 1, 3)``. Whitespace and half-width
    parentheses are tolerated, and so is an explicit ``第一款`` of a one-paragraph article. Raises
    :class:`ValueError` for text that is not such a citation, :class:`RuleDefinitionError` for a
    unit that does not exist.
    """
    normal = "".join(unicodedata.normalize("NFKC", text).split()) if isinstance(text, str) else ""
    m = _CITATION.fullmatch(normal)
    if m is None:
        raise ValueError(f"not a citation like 《{instrument.title}》第二十七条第二款: {text!r}")
    if m["title"] is not None and m["title"] != instrument.title:
        raise ValueError(f"citation names 《{m['title']}》, not 《{instrument.title}》: {text!r}")
    para = from_chinese_numeral(m["para"]) if m["para"] else None
    item = from_chinese_numeral(m["item"]) if m["item"] else None
    return regulation(instrument).resolve(from_chinese_numeral(m["art"]), para, item)
