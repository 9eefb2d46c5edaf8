"""第十四条: each item amounts to a 第二十六条 item (A14-1); （六）（九）（十一） only with the provision
violated named (A26-4)."""

from __future__ import annotations

import pytest

from .content_cases import check_item, check_unconfirmed, check_without_provision, deficient
from .mcase import only, run

EXPECTED = {
    1: ("subject_and_authority", 1), 2: ("facts_and_evidence", 2), 3: ("procedure", 1), 4: ("applied_law", 2),
    5: ("decision", 2), 6: ("case_file", 6), 7: ("certificates", 5), 8: ("training", 5), 9: ("equipment", 6),
    10: ("uniforms", 5), 11: ("other_legality", 6),
}
PARAMS = pytest.mark.parametrize(("item", "name", "art26"), [(i, n, a) for i, (n, a) in EXPECTED.items()])


@PARAMS
def test_confirmed_deficiency_is_reported_under_article_26_never_as_a_violation_of_14(item, name, art26):
    check_item(14, item, name, art26)


@PARAMS
def test_unconfirmed_deficiency_gives_nothing(item, name, art26):
    check_unconfirmed(14, item, name, art26)


@pytest.mark.parametrize("item", [6, 9, 11])
def test_other_violation_without_the_provision_is_a_missing_fact_not_a_letter_due(item):
    check_without_provision(14, item)


def test_equipment_below_a_provincial_standard_with_a_letter_issued_is_no_violation_of_the_letter():
    # the letter rests on an undetermined ground: a missing fact, not "a letter without its premise"
    doc = deficient(14, 9, suggestion_letter={"id": "JYS-1", "issued_on": "2025-06-01", "received_on": "2025-06-03"})
    r = run(doc, "2025-06-10")
    assert r.cites(26) == () and r.cites(14) == ()
    assert "supervision.deficiencies[0].provision" in [m.field for m in r.missing_facts]


def test_a_deficiency_and_a_recorded_situation_of_the_same_item_are_two_grounds_of_one_duty():
    # two grounds of the same 第二十六条 item: one finding citing both (issue 19, A26-5)
    doc = deficient(14, 3, situations=[{"id": "QX-1", "item": 1, "confirmed": True, "found_on": "2025-05-06"}])
    r = run(doc)
    (f,) = [f for f in r.findings if f.rule_id == "art_026.p1.i1.letter_required"]
    assert (f.article, f.paragraph, f.item, f.modality.value) == (26, 1, 1, "shall")
    assert sorted(f.facts) == ["QX-1", "QX-D"] and "A26-5" in f.interpretations
    assert "第十四条第（三）项" in f.message


def test_letter_already_issued_for_the_situation_a_deficiency_amounts_to():
    doc = deficient(14, 7, suggestion_letter={"id": "JYS-1", "issued_on": "2025-06-01", "received_on": "2025-06-03"})
    r = run(doc, "2025-06-10")
    f = only(r, "art_026.p1.i5.letter_issued")
    assert f.facts == ("QX-D", "JYS-1") and f.performed
    assert "监督内容：第十四条第（七）项" in f.message


def test_a_deficiency_of_item_6_of_article_13_is_not_the_case_file_item_of_article_14():
    # 第十三条第（六）项 (责任追究) and 第十四条第（六）项 (案卷) share an item number; a confirmed
    # deficiency of the former, even with a provision violated named, is 第二十六条第（四）项 only
    import enshi_rules
    from enshi_rules.testing import assert_not_derived

    from .content_cases import PROVISION

    doc = deficient(13, 6, provision=PROVISION)
    r = run(doc)
    assert [f.rule_id for f in r.cites(26)] == ["art_026.p1.i4.letter_required"]
    assert_not_derived(enshi_rules.explain(doc, as_of="2025-12-31"), "art_014.p1.i6.case_file")
