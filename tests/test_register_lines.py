"""Each rule module names, in its docstring, the register entries that apply to its rules
("registered for legal review as A27-1, … in data/interpretations.yaml"), so a reader of the
module finds them; a stale or wrong reference there misleads the reader of the law."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from enshi_rules._engine import durable as _engine
from enshi_rules._law.register import load_register

_LINE = re.compile(r"registered for legal review as (.*?) in\s+``data/interpretations\.yaml``", re.S)
_REF = re.compile(r"\b(?:A\d{2}-\d+|[A-Z]-\d+|[PZ]\d)\b")


def _modules() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for rid, r in _engine.rules().items():
        out.setdefault(r.module, []).append(rid)
    return out


def _listed(module: str) -> list[str] | None:
    doc = importlib.import_module(module).__doc__ or ""
    m = _LINE.search(doc)
    return None if m is None else [x.strip() for x in " ".join(m.group(1).split()).split(",")]


def _applies(rule_ids: list[str]) -> list[str]:
    # the day-counting group (P1-P9, Z1 …) applies to every period and is named by _periods, not per module
    return [
        c.id
        for g in load_register().groups
        if not g.title.startswith("期间的计算")
        for c in g.choices
        if any(c.matches(r) for r in rule_ids)
    ]


#: Modules whose line is kept exactly equal to the register (issue 13); the others are checked for
#: references to entries that do not exist.
EXACT = [
    "enshi_rules.rules._content", "enshi_rules.rules.art_022", "enshi_rules.rules.art_025",
    "enshi_rules.rules.art_026", "enshi_rules.rules.art_027", "enshi_rules.rules.art_028",
    "enshi_rules.rules.art_032", "enshi_rules.rules.art_035",
]


@pytest.mark.parametrize("module", EXACT)
def test_the_registered_line_lists_exactly_the_entries_that_apply(module):
    assert _listed(module) == _applies(_modules()[module])


def test_every_reference_to_the_register_in_a_rule_module_exists():
    known = load_register().by_id
    for module in _modules():
        doc = importlib.import_module(module).__doc__ or ""
        src = Path(importlib.import_module(module).__file__)
        text = doc + src.read_text(encoding="utf-8")
        unknown = sorted({x for x in _REF.findall(text) if x not in known})
        assert not unknown, f"{module} refers to {unknown}, which the register does not have"


def test_article_26_cites_a26_3_for_the_letter_without_its_premise():
    src = Path(importlib.import_module("enshi_rules.rules.art_026").__file__).read_text(encoding="utf-8")
    assert "lacks it (A26-3)" in src and "lacks it (A26-2)" not in src
