"""第14条: each item's deficiency, and the 第二十六条 situation it triggers."""

from __future__ import annotations

from enshi_rules.rules.art_014 import ITEMS

from .content_cases import check_item, check_unconfirmed, params


@params(ITEMS)
def test_confirmed_deficiency_is_a_finding_and_triggers_article_26(item, name, art26):
    check_item(14, item, name, art26)


@params(ITEMS)
def test_unconfirmed_deficiency_gives_nothing(item, name, art26):
    check_unconfirmed(14, item, name, art26)


def test_situation_already_recorded_is_not_derived_twice():
    from .content_cases import deficient
    from .mcase import only, run

    doc = deficient(14, 3, situations=[{"id": "QX-1", "item": 1, "confirmed": True, "found_on": "2025-05-06"}])
    r = run(doc)
    only(r, "art_014.p1.i3.procedure")
    assert only(r, "art_026.p1.i1.letter_required").facts == ("QX-1",)


def test_letter_already_issued_for_the_triggered_situation():
    from .content_cases import deficient
    from .mcase import only, run

    doc = deficient(14, 7, suggestion_letter={"id": "JYS-1", "issued_on": "2025-06-01", "received_on": "2025-06-03"})
    r = run(doc, "2025-06-10")
    assert only(r, "art_026.p1.i5.letter_issued").facts == ("QX-D", "JYS-1")
