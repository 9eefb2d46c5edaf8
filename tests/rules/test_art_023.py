"""第二十三条: the measures an organ may take (可以), one per item."""

from __future__ import annotations

import pytest

from enshi_rules.rules.art_023 import MEASURES

from .mcase import absent, case, check, only, run


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
