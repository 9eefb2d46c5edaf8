"""第三十三条: misconduct of the supervisors."""

from __future__ import annotations

import pytest

from enshi_rules._evaluate.text_report import finding_tag

from .mcase import absent, case, check, check_note, only, run

WHO = "恩施市司法局王某（其他直接责任人员）"


def _mc(confirmed=True, crime=False, behaviour="玩忽职守"):
    return case(conduct=[{"id": "WG-1", "person": "王某", "role": "其他直接责任人员", "behaviour": behaviour,
                          "confirmed": confirmed, "suspected_crime": crime}])


@pytest.mark.parametrize("behaviour", ["滥用职权", "玩忽职守", "徇私舞弊"])
def test_misconduct_confirmed(behaviour):
    f = only(run(_mc(behaviour=behaviour)), "art_033.p1.supervisor_misconduct")
    check(f, "art_033.p1.supervisor_misconduct", 33, 1, None, "violation", WHO)
    assert behaviour in f.message and f.subject_id == "422801.sfj"
    # a 处理 clause like 第三十二条第一款: read 【应予处理】, never 【违反】 of 第三十三条 (legal review (c)14)
    assert finding_tag(f) == "应予处理" and "依纪依法予以处理" in f.message


def test_misconduct_unconfirmed():
    absent(run(_mc(confirmed=False)), "art_033.p1.supervisor_misconduct")


def test_suspected_crime_is_a_note_on_transfer_never_a_violation():
    # "构成犯罪的，依法追究刑事责任": whether a crime is constituted is for the judicial organs (A32-6)
    r = run(_mc(crime=True))
    assert "art_033.p1.criminal_liability" not in [f.rule_id for f in r.findings]
    n = check_note(r, "art_033.p1.criminal_liability", 33, 1, "shall", "supervising")
    assert (n.item, n.excludes, n.certainty.value) == (None, False, "certain")
    assert "是否构成犯罪由司法机关依法认定" in n.message and "依法移送" in n.message and "A32-6" in n.interpretations
    # the finding of 第三十三条 itself stands
    check(only(r, "art_033.p1.supervisor_misconduct"), "art_033.p1.supervisor_misconduct", 33, 1, None, "violation", WHO)


def test_no_criminal_liability_without_suspected_crime():
    absent(run(_mc()), "art_033.p1.criminal_liability")


def test_no_criminal_liability_on_an_unconfirmed_record():
    absent(run(_mc(confirmed=False, crime=True)), "art_033.p1.criminal_liability")


def test_a_suspected_crime_of_the_supervised_organs_staff_is_not_article_33():
    # 第三十三条 concerns 行政执法监督机关的工作人员; a crime suspected of the supervised organ's staff is
    # 第三十二条第一款's criminal liability
    doc = case(liabilities=[{"id": "ZR-1", "person": "张某", "role": "直接负责的主管人员", "behaviour": 6,
                             "confirmed": True, "suspected_crime": True}])
    r = run(doc)
    absent(r, "art_033.p1.criminal_liability")
    check_note(r, "art_032.p1.criminal_liability", 32, 1, "shall", "supervised")
