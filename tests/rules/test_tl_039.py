"""《行政执法监督条例》第三十九条、第四十条 beside the measures' 第三十三条 (T-4): notes, never a
second violation."""

from __future__ import annotations

import pytest

from enshi_rules.testing import assert_finding, assert_no_note, assert_note

from .mcase import case, run


def _mc(started: str = "2026-03-02", confirmed: bool = True, crime: bool = False, supervisor: str = "422801.sfj", organ=None):
    rec = {"id": "WG-1", "person": "王某", "role": "其他直接责任人员", "behaviour": "玩忽职守", "confirmed": confirmed, "suspected_crime": crime}
    if organ:
        rec["organ"] = organ
    doc = case(supervising_organ=supervisor, conduct=[rec])
    doc["supervision"] = {"started_on": started}
    return doc


def test_a_justice_bureau_as_supervision_body():
    report = run(_mc(), "2026-04-01")
    assert_finding(report, rule_id="art_033.p1.supervisor_misconduct", modality="violation", instrument=None)
    n = assert_note(report, rule_id="tl_039.p1.supervision_body_not_performing", excludes=False, cite="《行政执法监督条例》第三十九条", instrument="tiaoli")
    assert (n.article, n.paragraph, n.item, n.excludes) == (39, 1, None, False)
    assert "责令限期改正" in n.message and "须人工判断" in n.message and "恩施市司法局" in n.message
    assert "（条例第六条第一款）" in n.message and "依条例第三十九条" in n.message


def test_a_government_is_not_the_supervision_body_of_article_39():
    report = run(_mc(supervisor="422801"), "2026-04-01")
    assert_no_note(report, rule_id="tl_039.*")
    assert_note(report, rule_id="tl_040.p1.supervisor_misconduct", excludes=False)


@pytest.mark.parametrize("crime", [False, True])
def test_article_40_beside_article_33(crime):
    n = assert_note(run(_mc(crime=crime), "2026-04-01"), rule_id="tl_040.p1.supervisor_misconduct", excludes=False, cite="《行政执法监督条例》第四十条", instrument="tiaoli")
    assert "依法给予处分" in n.message and ("涉嫌构成犯罪" in n.message) is crime
    assert "除本办法第三十三条外，上位法条例第四十条规定" in n.message


def test_unconfirmed_or_before_2026_02_01_gives_no_note():
    assert_no_note(run(_mc(confirmed=False), "2026-04-01"), rule_id="tl_0[34]*")
    assert_no_note(run(_mc(started="2026-01-05"), "2026-01-31"), rule_id="tl_0[34]*")
