"""第十二条: each item's deficiency is the situation of 第二十六条第（四）项 (A12-1, A12-2)."""

from __future__ import annotations

import pytest

from .content_cases import check_item, check_unconfirmed

# item -> (rule name, the 第二十六条 item it amounts to): 不落实行政执法重要制度 for every item
EXPECTED = {1: ("three_systems", 4), 2: ("discretion_benchmark", 4), 3: ("complaint_system", 4),
            4: ("criminal_justice_link", 4), 5: ("other_system", 4)}
PARAMS = pytest.mark.parametrize(("item", "name", "art26"), [(i, n, a) for i, (n, a) in EXPECTED.items()])


@PARAMS
def test_confirmed_deficiency_is_reported_under_article_26_never_as_a_violation_of_12(item, name, art26):
    check_item(12, item, name, art26)


@PARAMS
def test_unconfirmed_deficiency_gives_nothing(item, name, art26):
    check_unconfirmed(12, item, name, art26)
