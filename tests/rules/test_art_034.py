"""第三十四条: others obstructing supervision."""

from __future__ import annotations

from enshi_rules._evaluate.text_report import finding_tag

from .mcase import absent, case, check, only, run


def _ob(party="其他单位和个人", conduct="阻碍"):
    return case(obstructions=[{"id": "ZA-1", "party": party, "actor": "恩施某砂石公司", "conduct": conduct, "confirmed": True}])


def test_obstruction_by_others_is_a_liability():
    r = run(_ob())
    f = only(r, "art_034.p1.obstruction_by_others")
    check(f, "art_034.p1.obstruction_by_others", 34, 1, None, "violation", "恩施某砂石公司")
    assert f.citation.endswith("第三十四条")
    assert finding_tag(f) == "应予处理" and "依纪依法予以处理" in f.message  # a 处理 clause (legal review (c)14)
    only(r, "art_025.p2.other_party_did_not_assist")


def test_mere_non_cooperation_is_not_obstruction():
    absent(run(_ob(conduct="不配合")), "art_034.p1.obstruction_by_others")


def test_the_supervised_organ_is_not_an_other_party():
    absent(run(_ob(party="被监督机关")), "art_034.p1.obstruction_by_others")


def test_an_unconfirmed_obstruction_is_no_finding():
    doc = _ob()
    doc["obstructions"][0]["confirmed"] = False
    absent(run(doc), "art_034.p1.obstruction_by_others")
