"""A rule module reads like its article: the text of each 款/项 stands right above the declarations
that encode it (issue 11, item 3).

In an article module a unit's text is a comment block: a line with the citation alone
(``# 第二十七条第一款``, ``# 第二十四条第一款第（一）项``, ``# 第三十五条`` for an article of one 款),
then the text itself, word for word, on the comment lines that follow (a 款 that has 项 gives its
opening words; each 项 has its own block). For every rule, the nearest such block above the line
that declares it must be its own unit, with the text of the measures: a rule moved under another
款's text, or a text edited away from the measures, fails here.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from enshi_rules._engine.rulebook import Rule
from enshi_rules.rules import all_rules
from enshi_rules._law import text as law_text

# a unit of the measures, or of 《行政执法监督条例》 (its rules, ``rules/tiaoli/tl_NNN.py``, cite it with its title)
_HEADER = re.compile(r"^# ((?:《行政执法监督条例》)?第[一二三四五六七八九十]+条(?:第[一二三四五六七八九十]+款)?(?:第（[一二三四五六七八九十]+）项)?)\s*$")
_ITEM_MARK = re.compile(r"^（[一二三四五六七八九十]+）")


@cache
def _lines(path: str) -> tuple[str, ...]:
    return tuple(Path(path).read_text(encoding="utf-8").splitlines())


def _block_above(path: str, line: int) -> tuple[str, str, int] | None:
    """The nearest unit block above ``line`` (1-based): (citation, its text, its line)."""
    lines = _lines(path)
    for i in range(line - 2, -1, -1):
        mt = _HEADER.match(lines[i])
        if mt is None:
            continue
        body = []
        for nxt in lines[i + 1 :]:
            if not nxt.startswith("# ") or _HEADER.match(nxt):
                break
            body.append(nxt[2:].strip())
        return mt.group(1), "".join(body), i + 1
    return None


def _expected(r: Rule) -> str:
    unit = law_text.regulation(r.instrument).unit(r.article, r.paragraph, r.item)
    text = unit.text
    if r.item is None and "\n（" in text:
        text = text.split("\n", 1)[0]  # a 款 with 项: its opening words
    return text.replace("\n", "")


def problems(rules: dict[str, Rule]) -> list[str]:
    out = []
    for rid, r in rules.items():
        path, line = r.declared_at
        if not path or not Path(path).name.startswith(f"{r.instrument.rule_prefix}_"):
            out.append(f"{rid}: declared outside an article module ({path}:{line})")
            continue
        block = _block_above(path, line)
        where = f"{Path(path).name}:{line}"
        if block is None:
            out.append(f"{rid} ({where}): no 款/项 text above it")
            continue
        cited, text, at = block
        if cited != r.short_citation:
            out.append(f"{rid} ({where}): the text above it (line {at}) is {cited}'s, the rule cites {r.short_citation}")
        elif _ITEM_MARK.sub("", text) != _expected(r):
            out.append(f"{rid} ({where}): the text of {cited} above it (line {at}) is not the measures' text")
    return out


def test_every_rule_stands_under_the_text_of_its_unit() -> None:
    assert problems(all_rules()) == []


def test_a_rule_moved_away_from_its_text_is_found(tmp_path) -> None:
    """Move art_027.p2.letter_period_too_short up under 第一款's text: the check names it."""
    rules = all_rules()
    r = rules["art_027.p1.terminate_supervision"]
    moved = rules["art_027.p2.letter_period_too_short"]
    import dataclasses

    wrong = dataclasses.replace(moved, declared_at=r.declared_at)
    found = problems({moved.rule_id: wrong})
    assert found == [
        f"art_027.p2.letter_period_too_short (art_027.py:{r.declared_at[1]}): the text above it "
        f"(line {_block_above(*r.declared_at)[2]}) is 第二十七条第一款's, the rule cites 第二十七条第二款"
    ]


def test_a_text_that_is_not_the_measures_is_found(tmp_path) -> None:
    r = all_rules()["art_028.p2.execution_report.overdue"]
    src = Path(r.declared_at[0]).read_text(encoding="utf-8").replace("三十日内将执行情况报告", "十五日内将执行情况报告")
    copy = tmp_path / "art_028.py"
    copy.write_text(src, encoding="utf-8")
    import dataclasses

    found = problems({r.rule_id: dataclasses.replace(r, declared_at=(str(copy), r.declared_at[1]))})
    assert len(found) == 1 and "is not the measures' text" in found[0]
