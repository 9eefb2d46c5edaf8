"""The parsed text of the regulation: numerals, structure, ids, citations, hashes."""

from __future__ import annotations

import hashlib
import unicodedata
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enshi_rules._law.text import (
    REGULATION_TITLE,
    SOURCE,
    SOURCE_URL,
    article_label,
    citation,
    from_chinese_numeral,
    item_marker,
    parse_article_label,
    parse_citation,
    parse_item_marker,
    parse_regulation,
    regulation,
    text_hash,
    to_chinese_numeral,
    unit_id,
)
from enshi_rules.errors import RuleDefinitionError

T = f"《{REGULATION_TITLE}》"
RAW = resources.files("enshi_rules").joinpath("data", "regulation.txt").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- numerals


@pytest.mark.parametrize(
    ("n", "zh"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (27, "二十七"),
     (30, "三十"), (35, "三十五"), (99, "九十九")],
)
def test_numeral_exact(n: int, zh: str) -> None:
    assert to_chinese_numeral(n) == zh
    assert from_chinese_numeral(zh) == n


@given(st.integers(min_value=1, max_value=99))
def test_numeral_round_trip(n: int) -> None:
    zh = to_chinese_numeral(n)
    assert from_chinese_numeral(zh) == n
    assert parse_item_marker(item_marker(n)) == n
    assert parse_article_label(article_label(n)) == n


@pytest.mark.parametrize("bad", [0, 100, -1, True, 2.0, "3"])
def test_to_numeral_rejects(bad: object) -> None:
    with pytest.raises(ValueError, match="1..99"):
        to_chinese_numeral(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["", "零", "一十", "十十", "二十〇", "二十七条", "27", "百"])
def test_from_numeral_rejects(bad: str) -> None:
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        from_chinese_numeral(bad)


def test_labels_and_markers() -> None:
    assert item_marker(3) == "（三）"
    assert item_marker(11) == "（十一）"
    assert parse_item_marker("（三）") == 3
    assert parse_item_marker("(三)") == 3
    assert article_label(27) == "第二十七条"
    assert parse_article_label("第二十七条") == 27
    with pytest.raises(ValueError, match="not an item marker"):
        parse_item_marker("三")
    with pytest.raises(ValueError, match="not an article label"):
        parse_article_label("第二十七款")


# --------------------------------------------------------------------------- structure


def test_metadata_and_source_line_kept() -> None:
    reg = regulation()
    assert SOURCE == "【法宝引证码】 CLI.11.8484969"
    assert SOURCE_URL == "https://www.pkulaw.com/lar/7b2e38a73a4b8a3b2e0de634d376d591bdfb.html"
    assert RAW.splitlines()[0].strip() == SOURCE
    assert RAW.splitlines()[1] == "原文链接：" + SOURCE_URL
    assert (reg.title, reg.source, reg.source_url) == (REGULATION_TITLE, SOURCE, SOURCE_URL)
    assert reg.preamble == (
        "（2024年12月16日州九届人民政府第50次常务会议审议通过\u30002025年1月22日恩施州人民政府令第8号公布"
        " 自2025年3月1日起施行）",
    )
    assert regulation() is reg  # cached


def test_exactly_35_articles() -> None:
    reg = regulation()
    assert list(reg.articles) == list(range(1, 36))
    assert [a.label for a in reg.articles.values()][-1] == "第三十五条"


def test_chapters() -> None:
    chapters = regulation().chapters
    assert [(c.label, c.title) for c in chapters.values()] == [
        ("第一章", "总则"), ("第二章", "监督内容"), ("第三章", "监督实施"),
        ("第四章", "监督处理"), ("第五章", "责任追究"), ("第六章", "附则"),
    ]
    assert chapters[1].articles == tuple(range(1, 11))
    assert chapters[2].articles[0] == 11
    assert chapters[2].articles == (11, 12, 13, 14)
    assert chapters[3].articles == tuple(range(15, 26))
    assert chapters[4].articles == tuple(range(26, 32))
    assert chapters[5].articles == (32, 33, 34)
    assert chapters[6].articles == (35,)
    assert regulation().articles[10].chapter == 1
    assert regulation().articles[11].chapter == 2
    assert regulation().unit(35).chapter == 6


@pytest.mark.parametrize(
    ("article", "items_per_paragraph"),
    [(5, (0, 0, 0, 0)), (14, (11,)), (16, (8,)), (23, (7,)), (26, (6,)), (27, (0, 0)),
     (28, (0, 0)), (32, (7, 0)), (1, (0,)), (3, (0, 0, 0)), (35, (0,))],
)
def test_paragraph_and_item_counts(article: int, items_per_paragraph: tuple[int, ...]) -> None:
    reg = regulation()
    assert reg.paragraph_count(article) == len(items_per_paragraph)
    assert reg.articles[article].item_counts == items_per_paragraph
    for p, n in enumerate(items_per_paragraph, start=1):
        assert reg.item_count(article, p) == n


def test_unit_totals_and_order() -> None:
    units = regulation().units
    assert len(units) == 142  # 35 articles + 49 paragraphs + 58 items
    ids = list(units)
    assert ids[:4] == ["art_1", "art_1__para_1", "art_2", "art_2__para_1"]
    start = ids.index("art_32")
    assert ids[start : start + 11] == [
        "art_32", "art_32__para_1", *(f"art_32__para_1__item_{i}" for i in range(1, 8)),
        "art_32__para_2", "art_33",
    ]
    assert ids[-2:] == ["art_35", "art_35__para_1"]
    assert all(u.id == unit_id(u.article, u.paragraph, u.item) for u in units.values())


def test_unit_texts() -> None:
    reg = regulation()
    assert reg.unit(26, 1, 3).text == "不履行或者不正确履行行政执法职责的；"
    assert reg.unit(26, 1, 3).id == "art_26__para_1__item_3"
    assert reg.unit(26, None, 3) == reg.unit(26, 1, 3)
    para = reg.unit(26, 1).text.split("\n")
    assert para[0].startswith("发现被监督机关有下列情形之一的") and para[0].endswith("限期自行纠正：")
    assert para[1:] == [
        "（一）行政执法主体、权限、程序不合法的；",
        "（二）行政执法决定不合法或者明显不当的；",
        "（三）不履行或者不正确履行行政执法职责的；",
        "（四）不落实行政执法重要制度的；",
        "（五）行政执法队伍管理、行政执法证件管理不规范的；",
        "（六）其他违反法律法规规定的情形。",
    ]
    assert reg.unit(26).text == reg.unit(26, 1).text
    assert reg.unit(27, 2).text.startswith("被监督机关对《行政执法监督建议书》无异议或者经复查异议不成立的")
    assert reg.unit(27).text == reg.unit(27, 1).text + "\n" + reg.unit(27, 2).text
    assert reg.unit(32, 2).text.startswith("行政执法人员在依法履职过程中")
    assert reg.unit(35).text == "本办法自2025年3月1日起施行。"
    assert reg.unit(35, 1).id == "art_35__para_1"
    assert reg.unit(5, 4).text == "司法所协助县（市）司法行政部门开展对乡（镇）人民政府、街道办事处的行政执法监督工作。"


# --------------------------------------------------------------------------- citations


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((27,), "第二十七条"),
        ((27, 1), "第二十七条第一款"),
        ((27, 2), "第二十七条第二款"),
        ((26,), "第二十六条"),
        ((26, 1), "第二十六条"),
        ((26, 1, 3), "第二十六条第（三）项"),
        ((26, None, 3), "第二十六条第（三）项"),
        ((14, 1, 11), "第十四条第（十一）项"),
        ((32, 1), "第三十二条第一款"),
        ((32, 1, 6), "第三十二条第一款第（六）项"),
        ((32, 2), "第三十二条第二款"),
        ((5, 4), "第五条第四款"),
        ((35, 1), "第三十五条"),
        ((10, 2), "第十条第二款"),
    ],
)
def test_citation_exact(args: tuple[int, ...], expected: str) -> None:
    assert citation(*args) == T + expected
    assert citation(*args, with_title=False) == expected


def test_unit_method_citation() -> None:
    assert regulation().unit(32, 1, 6).citation() == T + "第三十二条第一款第（六）项"
    assert regulation().unit(27, 2).citation(with_title=False) == "第二十七条第二款"


def test_unit_id() -> None:
    assert unit_id(27) == "art_27"
    assert unit_id(27, 2) == "art_27__para_2"
    assert unit_id(26, 1, 3) == "art_26__para_1__item_3"
    assert unit_id(26, None, 3) == "art_26__para_1__item_3"


def test_parse_citation_round_trip_every_unit() -> None:
    reg = regulation()
    for u in reg.units.values():
        single = reg.paragraph_count(u.article) == 1
        expected = (u.article, None, None) if single and u.paragraph == 1 and u.item is None else (
            u.article, u.paragraph, u.item
        )
        for text in (u.citation(), u.citation(with_title=False)):
            assert parse_citation(text) == expected, text
            assert citation(*parse_citation(text)) == u.citation()
        assert reg.unit(*expected).text == u.text


def test_parse_citation_tolerated_forms() -> None:
    assert parse_citation("《恩施土家族苗族自治州行政执法监督办法》 第二十六条 第(三)项") == (26, 1, 3)
    assert parse_citation("第二十六条第一款第（三）项") == (26, 1, 3)
    assert parse_citation("第三十五条第一款") == (35, 1, None)


@pytest.mark.parametrize(
    "bad",
    ["", "第二十七条第二", "第27条", "二十七条", "《中华人民共和国行政处罚法》第二十七条", "第二十七条第（三）款", "第二十七条之一"],
)
def test_parse_citation_rejects_text(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_citation(bad)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((36,), "article 36 of"),
        ((0,), "article 0 of"),
        ((27, 3), "article 27 paragraph 3 of"),
        ((27, 0), "article 27 paragraph 0 of"),
        ((26, 1, 7), "article 26 paragraph 1 item 7 of"),
        ((26, None, 7), "article 26 item 7 of"),
        ((27, 1, 1), "article 27 paragraph 1 item 1 of"),
        ((32, 2, 1), "article 32 paragraph 2 item 1 of"),
        ((32, None, 6), "article 32 item 6 of"),  # ambiguous: article 32 has two paragraphs
    ],
)
def test_missing_units_raise(args: tuple[int | None, ...], fragment: str) -> None:
    for call in (citation, unit_id, regulation().unit):
        with pytest.raises(RuleDefinitionError, match=fragment):
            call(*args)


def test_missing_units_raise_from_counts_and_parse() -> None:
    with pytest.raises(RuleDefinitionError, match="article 36"):
        regulation().paragraph_count(36)
    with pytest.raises(RuleDefinitionError, match="article 27 paragraph 3"):
        regulation().item_count(27, 3)
    with pytest.raises(RuleDefinitionError, match="article 36"):
        parse_citation("第三十六条")
    with pytest.raises(RuleDefinitionError, match="article 26 item 7 .* paragraph 1 has 6 item"):
        parse_citation(T + "第二十六条第（七）项")
    with pytest.raises(RuleDefinitionError, match="ambiguous"):
        parse_citation("第三十二条第（六）项")
    with pytest.raises(RuleDefinitionError, match="must be an int"):
        citation("27")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- hashes


def _reference_hash(text: str) -> str:
    canonical = "".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def test_hash_definition_and_pinned_value() -> None:
    for u in regulation().units.values():
        assert u.text_hash == text_hash(u.text) == _reference_hash(u.text)
        assert len(u.text_hash) == 16 and int(u.text_hash, 16) >= 0
    assert regulation().unit(35).text_hash == "8d6ae90d2d8339ef"
    assert regulation().unit(35).text_hash == regulation().unit(35, 1).text_hash  # same text


def test_hash_ignores_whitespace_but_not_characters() -> None:
    text = regulation().unit(27, 1).text
    assert text_hash(text) == text_hash(text)
    assert text_hash(text) == text_hash("\u3000\u3000" + text.replace("，", "， \n") + "  \t")
    assert text_hash("行政执法（一）") == text_hash("行政执法(一)")  # NFKC folds full-width forms
    assert text_hash(text) != text_hash(text.replace("十日", "七日"))
    assert text_hash(text) != text_hash(text[:-1])
    assert regulation().unit(27, 1).text_hash != regulation().unit(27, 2).text_hash


# --------------------------------------------------------------------------- malformed text


def _without_line(prefix: str) -> str:
    return "\n".join(line for line in RAW.splitlines() if not line.strip().startswith(prefix))


def test_parse_regulation_accepts_the_shipped_text() -> None:
    assert parse_regulation(RAW) == regulation()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (_without_line("第三十五条"), "expected 35 articles, found 34"),
        (_without_line("第十七条"), "expected 第十七条, found '第十八条"),
        (_without_line("【法宝引证码】"), "line 1: expected the source line"),
        (_without_line("（三）行政执法责任确定情况"), "expected item （三）"),
        (_without_line("第三章"), "expected chapter 3"),
        (RAW.replace("第六章　附则\n", "第六章　附则\n附注文字\n"), "line 119: line outside any article"),
        (RAW.replace("　　（一）行政执法监督检查", "（一）行政执法监督检查"), "not indented: '（一）行政执法监督检查"),
        (RAW + "\n　　第三十六条　多余的一条。\n", "expected 35 articles, found 36"),
    ],
)
def test_parse_regulation_rejects_malformed_text(raw: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_regulation(raw)
