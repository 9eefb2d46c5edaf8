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
from functools import cache
from importlib import resources
from types import MappingProxyType

from ..errors import RuleDefinitionError

__all__ = [
    "ARTICLE_COUNT",
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

    def citation(self, *, with_title: bool = True) -> str:
        """This unit's citation (for ``para_1`` of a one-paragraph article: the article's)."""
        return citation(self.article, self.paragraph, self.item, with_title=with_title)


@dataclass(frozen=True)
class Article:
    """An article: its number, chapter, whole text and the number of items in each paragraph."""

    number: int
    chapter: int
    text: str
    item_counts: tuple[int, ...]  # one entry per paragraph; 0 for a paragraph without items

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
            last = len(self.articles)
            raise RuleDefinitionError(
                f"{asked} does not exist: articles run from 第一条 (1) to {article_label(last)} ({last})"
            )
        n_para = art.paragraph_count
        if paragraph is not None and not 1 <= paragraph <= n_para:
            raise RuleDefinitionError(f"{asked} does not exist: {art.label} has {n_para} paragraph(s)")
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


def parse_regulation(raw: str, *, expected_articles: int = ARTICLE_COUNT) -> Regulation:
    """Parse the text file; raise :class:`ValueError` (naming the line) if it is malformed.

    The file must start with the :data:`SOURCE` line and the ``原文链接：`` line, contain the title,
    and hold chapters numbered 1, 2, … and exactly ``expected_articles`` articles numbered 1, 2, …
    in order, items numbered （一）, （二）, … within each paragraph.
    """
    lines = raw.splitlines()
    if len(lines) < 2 or lines[0].strip() != SOURCE:
        raise ValueError(f"regulation text line 1: expected the source line {SOURCE!r}")
    if lines[1].strip() != _URL_PREFIX + SOURCE_URL:
        raise ValueError(f"regulation text line 2: expected {_URL_PREFIX}{SOURCE_URL}")

    preamble: list[str] = []
    seen_title = False
    chapters: list[tuple[str, list[int]]] = []
    # per article: chapter number and paragraphs as (lead text, [item texts])
    articles: list[tuple[int, list[tuple[str, list[str]]]]] = []

    for lineno, line in enumerate(lines[2:], start=3):
        text = line.strip()
        if not text:
            continue
        where = f"regulation text line {lineno}"
        try:
            if m := _CHAPTER_LINE.fullmatch(text):
                if from_chinese_numeral(m["num"]) != len(chapters) + 1:
                    raise ValueError(f"expected chapter {len(chapters) + 1}, found {m[0]!r}")
                chapters.append((m["title"].strip(), []))
            elif not chapters:
                seen_title = seen_title or text == REGULATION_TITLE
                if text != REGULATION_TITLE:
                    preamble.append(text)
            elif m := _ARTICLE_LINE.fullmatch(text):
                if from_chinese_numeral(m["num"]) != len(articles) + 1:
                    raise ValueError(f"expected {article_label(len(articles) + 1)}, found {m[0][:12]!r}…")
                chapters[-1][1].append(len(articles) + 1)
                articles.append((len(chapters), [(m["text"], [])]))
            elif not articles or not line[:1].isspace():
                raise ValueError(f"line outside any article or not indented: {text[:20]!r}")
            elif m := _ITEM_LINE.fullmatch(text):
                items = articles[-1][1][-1][1]
                if from_chinese_numeral(m["num"]) != len(items) + 1:
                    raise ValueError(f"expected item {item_marker(len(items) + 1)}, found {text[:12]!r}")
                items.append(m["text"])
            else:
                articles[-1][1].append((text, []))
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None

    if not seen_title:
        raise ValueError(f"regulation text: title {REGULATION_TITLE!r} not found before 第一章")
    if len(articles) != expected_articles:
        raise ValueError(f"regulation text: expected {expected_articles} articles, found {len(articles)}")
    if any(not arts for _, arts in chapters):
        raise ValueError("regulation text: a chapter has no articles")

    units: dict[str, Unit] = {}
    article_map: dict[int, Article] = {}

    def add(chapter: int, text: str, a: int, p: int | None = None, i: int | None = None) -> None:
        uid = _unit_id(a, p, i)
        units[uid] = Unit(uid, a, p, i, chapter, text, text_hash(text))

    for a, (chapter, paragraphs) in enumerate(articles, start=1):
        para_texts = [
            "\n".join([lead, *(item_marker(i) + t for i, t in enumerate(items, start=1))])
            for lead, items in paragraphs
        ]
        article_map[a] = Article(a, chapter, "\n".join(para_texts), tuple(len(it) for _, it in paragraphs))
        add(chapter, article_map[a].text, a)
        for p, ((_, items), para_text) in enumerate(zip(paragraphs, para_texts, strict=True), start=1):
            add(chapter, para_text, a, p)
            for i, item_text in enumerate(items, start=1):
                add(chapter, item_text, a, p, i)

    return Regulation(
        title=REGULATION_TITLE,
        source=SOURCE,
        source_url=SOURCE_URL,
        preamble=tuple(preamble),
        chapters=MappingProxyType(
            {n: Chapter(n, title, tuple(arts)) for n, (title, arts) in enumerate(chapters, start=1)}
        ),
        articles=MappingProxyType(article_map),
        units=MappingProxyType(units),
    )


def _raw_text() -> str:
    return resources.files("enshi_rules").joinpath("data", "regulation.txt").read_text(encoding="utf-8")


@cache
def regulation() -> Regulation:
    """The regulation, parsed once from the package data file."""
    return parse_regulation(_raw_text())


def unit_label(u: Unit) -> str:
    """第一款 / 第（三）项 / the article label; 本条（只有一款） for para_1 of a one-paragraph article."""
    if u.paragraph is None:
        return article_label(u.article)
    if u.item is not None:
        return f"第{item_marker(u.item)}项"
    if regulation().articles[u.article].paragraph_count == 1:
        return "本条（只有一款）"
    return f"第{to_chinese_numeral(u.paragraph)}款"


# --------------------------------------------------------------------------- citations


def unit_id(article: int, paragraph: int | None = None, item: int | None = None) -> str:
    """The id of an existing unit: ``unit_id(26, 1, 3) == "art_26__para_1__item_3"``."""
    return _unit_id(*regulation().resolve(article, paragraph, item))


@cache  # pure function of its arguments; every finding asks for one
def citation(
    article: int, paragraph: int | None = None, item: int | None = None, *, with_title: bool = True
) -> str:
    """Cite a unit: ``《…》第二十七条第二款``, ``…第二十六条第（三）项``, ``…第三十二条第一款第（六）项``.

    The paragraph is named only when the article has more than one (see the module docstring).
    """
    reg = regulation()
    a, p, i = reg.resolve(article, paragraph, item)
    out = article_label(a)
    if p is not None and reg.articles[a].paragraph_count > 1:
        out += f"第{to_chinese_numeral(p)}款"
    if i is not None:
        out += f"第{item_marker(i)}项"
    return f"《{REGULATION_TITLE}》{out}" if with_title else out


_CITATION = re.compile(
    rf"(?:《(?P<title>[^》]*)》)?第(?P<art>{_NUM})条(?:第(?P<para>{_NUM})款)?(?:第\((?P<item>{_NUM})\)项)?"
)


def parse_citation(text: str) -> tuple[int, int | None, int | None]:
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
        raise ValueError(f"not a citation like 《{REGULATION_TITLE}》第二十七条第二款: {text!r}")
    if m["title"] is not None and m["title"] != REGULATION_TITLE:
        raise ValueError(f"citation names 《{m['title']}》, not 《{REGULATION_TITLE}》: {text!r}")
    para = from_chinese_numeral(m["para"]) if m["para"] else None
    item = from_chinese_numeral(m["item"]) if m["item"] else None
    return regulation().resolve(from_chinese_numeral(m["art"]), para, item)
