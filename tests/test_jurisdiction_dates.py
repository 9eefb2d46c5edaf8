"""``enshi_rules.jurisdiction`` and dates: 《行政执法监督条例》第二条 from 2026-02-01 (T-2, T-3).

The measures' 第三条第一款 gives no relation over a 法律法规授权的组织; the 条例 (higher law, in force
2026-02-01, its verified excerpt 第二条: 县级以上人民政府依法对……法律法规授权的具有管理公共事务职能的组织
的行政执法工作开展的行政系统内部监督) does, for a 县级以上人民政府 or its 司法局 (第六条第一款) over such an
organisation in its area. Each answer is held against the evaluation of the same matter, so that
jurisdiction and a report never disagree (the module's promise)."""

from __future__ import annotations

import pytest

import enshi_rules
from enshi_rules import CaseValidationError, jurisdiction
from enshi_rules.testing import assert_no_finding, assert_no_note, assert_note

CENTRE = {
    "id": "422801.bzzx", "name": "恩施市不动产登记中心", "kind": "法律法规授权的组织", "level": "县（市）",
    "region": "422801", "parent": "422801",
}
DEPARTMENT = {"id": "422801.scjgj", "name": "恩施市市场监督管理局", "kind": "工作部门", "level": "县（市）",
              "region": "422801", "parent": "422801", "system": "市场监管"}  # fmt: skip
ORGANS = [CENTRE, DEPARTMENT]


def _report(supervisor: str, started: str):
    return enshi_rules.evaluate(
        {"case_id": "J-T2", "organs": ORGANS, "supervising_organ": supervisor, "supervised_organ": CENTRE["id"],
         "supervision": {"started_on": started}},
        as_of="2026-04-01",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("supervisor", "competent"),
    [("422801", True), ("422801.sfj", True), ("422800", True), ("422800.sfj", True), ("422802", False),
     ("422801.scjgj", False)],
)  # fmt: skip
def test_from_2026_02_01_a_government_or_its_justice_bureau_supervises_an_authorised_organisation_in_its_area(
    supervisor, competent
) -> None:
    c = jurisdiction.competence(supervisor, CENTRE["id"], organs=ORGANS, on="2026-03-02")
    report = _report(supervisor, "2026-03-02")
    if competent:
        assert c is not None and c.relation == "tiaoli_authorised"
        assert c.citation == "《行政执法监督条例》第二条" and "法律法规授权" in c.description
        assert c.via == ("justice_for_government" if supervisor.endswith(".sfj") else None)
        assert "第六条第一款" in c.description if supervisor.endswith(".sfj") else "第六条" not in c.description
        assert_note(report, rule_id="tl_002.p1.authorised_organisation", instrument="tiaoli")
        assert_no_note(report, rule_id="art_003.p1.no_supervision_relation")
    else:
        assert c is None
        # no relation is a note (第三条第一款 defines, it imposes no duty: A03-5), never a violation
        assert_note(report, rule_id="art_003.p1.no_supervision_relation", excludes=False)
        assert_no_finding(report, rule_id="art_003.*")
    assert jurisdiction.is_competent(supervisor, CENTRE["id"], organs=ORGANS, on="2026-03-02") is competent


@pytest.mark.parametrize("on", ["2026-01-31", None])
def test_before_2026_02_01_or_without_a_date_the_measures_alone_give_no_relation(on) -> None:
    assert jurisdiction.competence("422801", CENTRE["id"], organs=ORGANS, on=on) is None
    assert jurisdiction.supervisors_of(CENTRE["id"], organs=ORGANS, on=on) == ()
    report = _report("422801", "2026-01-15")
    assert_note(report, rule_id="art_003.p1.no_supervision_relation", excludes=False)
    assert_no_finding(report, rule_id="art_003.*")


def test_the_first_day_is_2026_02_01_and_supervisors_of_lists_the_governments_and_bureaus() -> None:
    from datetime import date

    assert jurisdiction.is_competent("422801", CENTRE["id"], organs=ORGANS, on=date(2026, 2, 1))
    assert not jurisdiction.is_competent("422801", CENTRE["id"], organs=ORGANS, on=date(2026, 1, 31))
    found = jurisdiction.supervisors_of(CENTRE["id"], organs=ORGANS, on="2026-02-01")
    assert [c.supervisor for c in found] == ["422800", "422801", "422800.sfj", "422801.sfj"]
    assert {c.relation for c in found} == {"tiaoli_authorised"}


@pytest.mark.parametrize("bad", ["2026-02-30", "20260201", "2026/02/01"])
def test_a_bad_date_is_refused_naming_on(bad) -> None:
    with pytest.raises(CaseValidationError) as info:
        jurisdiction.competence("422801", CENTRE["id"], organs=ORGANS, on=bad)
    (p,) = info.value.problems
    assert p.path == "on" and p.message_zh.startswith("日期") and "YYYY-MM-DD" in p.message_en
