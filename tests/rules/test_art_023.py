"""第二十三条: the measures an organ may take (可以), one per item."""

from __future__ import annotations

import pytest

from enshi_rules.rules.art_023 import MEASURES

from .mcase import absent, case, check, not_supervision, only, run


@pytest.mark.parametrize("item", sorted(MEASURES))
def test_each_measure_is_a_permission(item):
    rid = f"art_023.p1.i{item}.{MEASURES[item][0]}"
    r = run(case(inspections=[{"id": "JC-1", "on_site": False, "measures": [item]}]))
    check(only(r, rid), rid, 23, 1, item, "may", "恩施市司法局")


@pytest.mark.parametrize("item", sorted(MEASURES))
def test_a_measure_not_taken_is_not_reported(item):
    other = 1 if item != 1 else 2
    r = run(case(inspections=[{"id": "JC-1", "on_site": False, "measures": [other]}]))
    absent(r, f"art_023.p1.i{item}.{MEASURES[item][0]}")


@pytest.mark.parametrize("item", sorted(MEASURES))
def test_an_item_number_of_another_record_is_not_a_measure(item):
    # situations, deficiencies and liabilities carry item numbers too; only a measure taken counts
    r = run(case(
        inspections=[{"id": "JC-1", "on_site": False, "measures": []}],
        supervision={"started_on": "2025-05-06", "situations": [{"item": min(item, 6), "confirmed": True}]},
        liabilities=[{"id": "ZR-1", "person": "张某", "role": "直接负责的主管人员", "behaviour": item, "confirmed": True}],
    ))
    absent(r, f"art_023.p1.i{item}.{MEASURES[item][0]}")


@pytest.mark.parametrize("item", sorted(MEASURES))
def test_no_measure_is_reported_when_the_organ_cannot_supervise(item):
    # no supervision relation (another county's justice bureau): the matter halts (第三条, A03-5)
    r = run(case(supervising_organ="422802.sfj", inspections=[{"id": "JC-1", "on_site": False, "measures": [item]}]))
    absent(r, f"art_023.p1.i{item}.{MEASURES[item][0]}")
    not_supervision(r, "art_003.p1.no_supervision_relation")
