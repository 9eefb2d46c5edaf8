"""第13条: each item's deficiency, and the 第二十六条 situation it triggers."""

from __future__ import annotations

from enshi_rules.rules.art_013 import ITEMS

from .content_cases import check_item, check_unconfirmed, params


@params(ITEMS)
def test_confirmed_deficiency_is_a_finding_and_triggers_article_26(item, name, art26):
    check_item(13, item, name, art26)


@params(ITEMS)
def test_unconfirmed_deficiency_gives_nothing(item, name, art26):
    check_unconfirmed(13, item, name, art26)
