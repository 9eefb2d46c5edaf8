"""第三十一条: clues of duty-related violations go to the 监察机关."""

from __future__ import annotations

import pytest

from .mcase import absent, case, check, only, run


def _clue(**kw):
    rec = {"id": "XS-1", "person": "赵某", "kind": "贪污贿赂", "found_on": "2025-06-10"}
    rec.update(kw)
    return case(clues=[rec])


def test_transfer_required():
    f = only(run(_clue()), "art_031.p1.transfer_required")
    check(f, "art_031.p1.transfer_required", 31, 1, None, "shall", "恩施市司法局")
    assert "贪污贿赂" in f.message


def test_no_outstanding_duty_once_transferred():
    absent(run(_clue(transferred_on="2025-06-20")), "art_031.p1.transfer_required")


def test_transferred():
    f = only(run(_clue(transferred_on="2025-06-20", transferred_to="恩施市监察委员会", transferred_to_kind="监察委员会")), "art_031.p1.transferred")
    check(f, "art_031.p1.transferred", 31, 1, None, "shall", "恩施市司法局")
    assert "恩施市监察委员会" in f.message


def test_not_transferred_is_not_reported_as_done():
    absent(run(_clue()), "art_031.p1.transferred")


def test_no_clue_found_no_finding_under_article_31():
    """The same case without a clue of a duty-related violation: nothing to transfer."""
    r = run(case())
    absent(r, "art_031.p1.transfer_required")
    absent(r, "art_031.p1.transferred")
    assert [f.rule_id for f in r.findings if f.article == 31] == []
    assert [n.rule_id for n in r.notes] == ["art_003.p1.supervision_relation", "art_003.p2.listed_activity", "art_035.p1.in_force"]


def test_transfer_to_a_body_that_is_not_a_supervision_commission():
    police = {"transferred_on": "2025-06-20", "transferred_to": "巴东县公安局", "transferred_to_kind": "公安机关"}
    f = only(run(_clue(**police)), "art_031.p1.transferred_elsewhere")
    check(f, "art_031.p1.transferred_elsewhere", 31, 1, None, "violation", "恩施市司法局")
    assert "巴东县公安局" in f.message and "公安机关" in f.message
    assert "art_031.p1.transferred" not in run(_clue(**police)).rule_ids()
    # an unnamed recipient is the 监察机关 the field asks for
    only(run(_clue(transferred_on="2025-06-20")), "art_031.p1.transferred")
    absent(run(_clue(transferred_on="2025-06-20", transferred_to="恩施市监察委员会", transferred_to_kind="监察委员会")), "art_031.p1.transferred_elsewhere")


@pytest.mark.parametrize(
    ("name", "kind"),
    [("中共恩施市纪律检查委员会", "纪律检查委员会"), ("中共恩施市纪委 恩施市监委", "纪检监察机关"), ("恩施市监察委员会", "监察委员会")],
)
def test_a_clue_sent_to_the_discipline_commission_or_the_joint_body_is_transferred_properly(name, kind):
    # A31-2 (issue 12, point 8): 依纪依法 — the 纪委, the 监委 and the 纪检监察机关 (合署办公) are proper
    r = run(_clue(transferred_on="2025-06-20", transferred_to=name, transferred_to_kind=kind))
    f = only(r, "art_031.p1.transferred")
    assert name in f.message and kind in f.message
    absent(r, "art_031.p1.transferred_elsewhere")


def test_the_recipient_is_judged_by_its_kind_not_by_words_in_its_name():
    # a name with 监察 in it, recorded as another kind of body: not a transfer to the 监察机关
    r = run(_clue(transferred_on="2025-06-20", transferred_to="恩施市市场监察大队", transferred_to_kind="其他"))
    only(r, "art_031.p1.transferred_elsewhere")
    absent(r, "art_031.p1.transferred")


def test_a_named_recipient_of_unknown_kind_is_a_missing_fact_not_a_finding():
    r = run(_clue(transferred_on="2025-06-20", transferred_to="中共恩施市纪委恩施市监委"))
    assert [m.field for m in r.missing_facts] == ["clues[0].transferred_to_kind"]
    assert r.missing_facts[0].needed_for == "第三十一条"
    assert [f.rule_id for f in r.findings if f.article == 31] == []


@pytest.mark.parametrize("recipient", [{}, {"transferred_to": "巴东县公安局", "transferred_to_kind": "公安机关"}])
def test_a_clue_not_yet_transferred_is_a_duty_not_a_transfer_to_the_wrong_body(recipient):
    # 应当移送: before any transfer (no date), the duty stands, even with a recipient of the wrong kind
    # already written down; "transferred elsewhere" needs a transfer
    r = run(_clue(**recipient))
    check(only(r, "art_031.p1.transfer_required"), "art_031.p1.transfer_required", 31, 1, None, "shall", "恩施市司法局")
    absent(r, "art_031.p1.transferred_elsewhere")
    absent(r, "art_031.p1.transferred")
