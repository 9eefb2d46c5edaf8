"""第三十一条: clues of duty-related violations go to the 监察机关."""

from __future__ import annotations

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
    f = only(run(_clue(transferred_on="2025-06-20", transferred_to="恩施市监察委员会")), "art_031.p1.transferred")
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
    f = only(run(_clue(transferred_on="2025-06-20", transferred_to="巴东县公安局")), "art_031.p1.transferred_elsewhere")
    check(f, "art_031.p1.transferred_elsewhere", 31, 1, None, "violation", "恩施市司法局")
    assert "巴东县公安局" in f.message
    assert "art_031.p1.transferred" not in run(_clue(transferred_on="2025-06-20", transferred_to="巴东县公安局")).rule_ids()
    # a 纪委监委 is a 监察机关; so is an unnamed recipient (the field asks for the 监察机关)
    only(run(_clue(transferred_on="2025-06-20", transferred_to="中共恩施市纪委恩施市监委")), "art_031.p1.transferred")
    only(run(_clue(transferred_on="2025-06-20")), "art_031.p1.transferred")
    absent(run(_clue(transferred_on="2025-06-20", transferred_to="恩施市监察委员会")), "art_031.p1.transferred_elsewhere")
