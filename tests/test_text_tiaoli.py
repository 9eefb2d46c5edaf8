"""The verified excerpts of 《行政执法监督条例》 (国务院令第825号) as a second instrument.

Expectations are taken from the excerpt file's own 说明 and its .sources.md (articles 1-5, 6(1),
37(2), 38-42; seven chapters, forty-four articles), not from the parser's constants.
"""

from __future__ import annotations

import hashlib
import unicodedata
from importlib import resources

import pytest

from enshi_rules._law import text as _text
from enshi_rules._law.text import MEASURES, TIAOLI, citation, parse_citation, parse_regulation, regulation, unit_id
from enshi_rules.errors import RuleDefinitionError

RAW = resources.files("enshi_rules").joinpath("data", TIAOLI.data_file).read_text(encoding="utf-8")


def test_the_excerpts_hold_exactly_the_verified_units() -> None:
    reg = regulation(TIAOLI)
    assert list(reg.articles) == [1, 2, 3, 4, 5, 6, 37, 38, 39, 40, 41, 42]
    assert [k for k in reg.units if "__" in k] == [
        "art_1__para_1", "art_2__para_1", "art_3__para_1", "art_4__para_1", "art_4__para_2",
        "art_5__para_1", "art_6__para_1", "art_37__para_2", "art_38__para_1", "art_39__para_1",
        "art_40__para_1", "art_41__para_1", "art_42__para_1", "art_42__para_2", "art_42__para_3",
    ]
    assert reg.gaps == ("第六条第二款", "第七条至第三十七条第一款", "第四十三条、第四十四条")
    assert reg.articles[6].missing_paragraphs == {2} and reg.articles[37].missing_paragraphs == {1}


def test_the_sources_file_ships_beside_the_text() -> None:
    src = resources.files("enshi_rules").joinpath("data", TIAOLI.data_file[:-4] + ".sources.md").read_text(encoding="utf-8")
    assert "Nothing was reconstructed" in src and "37(2), 38-42" in src
    assert regulation(TIAOLI).source_url == TIAOLI.data_file[:-4] + ".sources.md"
    assert "国务院令第825号" in regulation(TIAOLI).source and "自2026年2月1日起施行" in regulation(TIAOLI).source


def test_chapters_are_only_those_whose_headings_were_obtained() -> None:
    reg = regulation(TIAOLI)
    assert {n: (c.title, c.articles) for n, c in reg.chapters.items()} == {
        1: ("总则", (1, 2, 3, 4, 5, 6)),
        6: ("法律责任", (39, 40, 41)),
        7: ("附则", (42,)),
        0: ("", (37, 38)),  # after the gap: their chapter heading was not obtained
    }
    assert reg.chapters[0].label == "（所在章未取得原文）"


def test_texts_and_hashes_use_the_measures_machinery() -> None:
    u = regulation(TIAOLI).units["art_42__para_2"]
    assert u.text.startswith("县级以上地方人民政府依法对设立在本行政区域内实行垂直管理")
    assert u.text.endswith("将发现的问题及时告知其上一级主管部门。")
    canonical = "".join(unicodedata.normalize("NFKC", u.text).split())
    assert u.text_hash == hashlib.sha256(canonical.encode()).hexdigest()[:16]
    assert regulation(TIAOLI).units["art_37"].text == regulation(TIAOLI).units["art_37__para_2"].text
    assert u.instrument is TIAOLI and regulation().units["art_27"].instrument is MEASURES


@pytest.mark.parametrize(
    ("args", "cited"),
    [
        ((42, 2), "《行政执法监督条例》第四十二条第二款"),
        ((42, 3), "《行政执法监督条例》第四十二条第三款"),
        ((2, None), "《行政执法监督条例》第二条"),
        ((2, 1), "《行政执法监督条例》第二条"),  # one paragraph: cited without 第一款
        ((6, 1), "《行政执法监督条例》第六条第一款"),  # two paragraphs, the second not obtained
        ((37, 2), "《行政执法监督条例》第三十七条第二款"),
        ((39, None), "《行政执法监督条例》第三十九条"),
    ],
)
def test_citations(args: tuple[int, int | None], cited: str) -> None:
    assert citation(*args, instrument=TIAOLI) == cited
    assert parse_citation(cited, instrument=TIAOLI)[0] == args[0]


@pytest.mark.parametrize(("args", "says"), [((7, None), "not in the excerpts"), ((6, 2), "not obtained"), ((37, 1), "not obtained"), ((43, None), "not in the excerpts"), ((44, None), "not in the excerpts")])
def test_what_was_not_obtained_cannot_be_cited(args: tuple[int, int | None], says: str) -> None:
    with pytest.raises(RuleDefinitionError, match=says):
        citation(*args, instrument=TIAOLI)
    with pytest.raises(RuleDefinitionError):
        unit_id(*args, instrument=TIAOLI)


def test_a_citation_of_the_measures_is_not_one_of_the_tiaoli() -> None:
    with pytest.raises(ValueError, match="not 《行政执法监督条例》"):
        parse_citation("《恩施土家族苗族自治州行政执法监督办法》第二条", instrument=TIAOLI)
    assert citation(2) != citation(2, instrument=TIAOLI)


@pytest.mark.parametrize(
    ("change", "says"),
    [
        # an article left out without a marker saying so
        (lambda t: t.replace("　　第五条", "　　第五十条", 1), "expected 第五条"),
        # a marker that does not match where the text resumes
        (lambda t: t.replace("〔第七条至第三十七条第一款未取得原文〕", "〔第七条至第三十六条未取得原文〕"), "第三十七条"),
        # the markers must account for all forty-four articles
        (lambda t: t.replace("〔第四十三条、第四十四条未取得原文〕", "〔第四十三条未取得原文〕"), "44 articles"),
        # a paragraph gap that is not the next paragraph
        (lambda t: t.replace("〔第二款未取得原文〕", "〔第三款未取得原文〕"), "paragraph gap"),
        (lambda t: t.replace("行政执法监督条例（节录）", "行政执法监督条例", 1), "title line"),
    ],
)
def test_a_malformed_excerpt_file_is_refused(change, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_regulation(change(RAW), instrument=TIAOLI)


def test_the_shipped_file_parses_unchanged() -> None:
    assert parse_regulation(RAW, instrument=TIAOLI) == regulation(TIAOLI)
    assert _text.instrument_for_rule("tl_042.p2.x") is TIAOLI and _text.instrument_for_rule("art_027.p2.x") is MEASURES
