"""The real published cases (issue 19) stay complete: each has its case, its source and its scenario.

Each directory under ``tests/scenarios/real_cases/`` holds one published supervision case moved onto
Enshi organs: ``case.json`` (only the published facts), ``source.yaml`` (where it was published, short
quotes, the published outcome, which organs were substituted, what could not be entered and why, the
library's conclusion and the comparison) and one ``*.scenario.yaml`` that runs the case with the
suite. ``docs/real-cases.md`` carries the table the closing note copies; every case must be in it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

import enshi_rules
from enshi_rules.facts.organs import DEFAULT_ORGANS

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "scenarios" / "real_cases"
TABLE = ROOT / "docs" / "real-cases.md"
DIRS = sorted(p for p in CASES.iterdir() if p.is_dir())

# What source.yaml must say, and what each part is for.
REQUIRED = {
    "id": "the case's id in docs/real-cases.md",
    "title": "the published title",
    "source": "url, publisher, published_on",
    "published_facts": "short quotes of the published text",
    "published_outcome": "the outcome the source publishes",
    "substitution": "which Enshi organ stands for which organ of the source",
    "entered": "what case.json records",
    "not_entered": "published facts the case format could not take, and why",
    "library_conclusion": "what the measures give on the entered facts",
    "comparison": "where the library's conclusion differs from the published one, and why",
}


def _source(d: Path) -> dict:
    return yaml.safe_load((d / "source.yaml").read_text(encoding="utf-8"))


def test_at_least_eight_real_cases():
    assert len(DIRS) >= 8, [d.name for d in DIRS]


@pytest.mark.parametrize("d", DIRS, ids=[d.name for d in DIRS])
def test_each_case_has_its_case_source_and_scenario(d: Path):
    assert (d / "case.json").is_file()
    assert (d / "source.yaml").is_file()
    scenarios = list(d.glob("*.scenario.yaml"))
    assert len(scenarios) == 1, scenarios
    assert yaml.safe_load(scenarios[0].read_text(encoding="utf-8"))["case"] == "case.json"


@pytest.mark.parametrize("d", DIRS, ids=[d.name for d in DIRS])
def test_each_source_says_where_what_and_why(d: Path):
    src = _source(d)
    missing = sorted(set(REQUIRED) - set(src))
    assert not missing, {k: REQUIRED[k] for k in missing}
    assert re.match(r"^https?://", src["source"]["url"]), src["source"]["url"]
    assert src["source"]["publisher"].strip()
    assert "published_on" in src["source"]  # null where the stored text gives no date, and says so
    quotes = src["published_facts"]
    assert quotes and all(isinstance(q, str) and 0 < len(q) <= 120 for q in quotes), "short quotes only"
    assert src["published_outcome"].strip()
    assert src["substitution"] and all(v for v in src["substitution"].values())
    for item in src["not_entered"]:
        assert item["fact"].strip() and item["why"].strip()
    assert src["comparison"]["differs"], "say where the library differs, or that it does not"


@pytest.mark.parametrize("d", DIRS, ids=[d.name for d in DIRS])
def test_each_case_is_valid_and_moved_onto_enshi_organs(d: Path):
    raw = json.loads((d / "case.json").read_text(encoding="utf-8"))
    case = enshi_rules.load_case(raw)
    for role in (raw["supervising_organ"], raw["supervised_organ"]):
        organ = case.organs[role]  # the built-in registry and the case's own organs
        assert organ.region.startswith("4228"), f"{organ.name} is not an organ of 恩施州"
    for own in raw.get("organs", []):
        assert own["region"].startswith("4228") and own["id"] not in DEFAULT_ORGANS, own


def test_the_table_lists_every_case():
    table = TABLE.read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| ")}
    for d in DIRS:
        assert _source(d)["id"] in rows, f"{d.name}: add its row to docs/real-cases.md"
