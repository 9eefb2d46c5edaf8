"""enshi_rules.jurisdiction: who may supervise whom, and the common superior (第三、五、六条)."""

from __future__ import annotations

import json

import pytest

from enshi_rules import CaseValidationError, jurisdiction

from .mcase import ORGANS


def test_supervisors_of_a_county_government():
    got = [(c.supervisor, c.citation) for c in jurisdiction.supervisors_of("422801")]
    assert got == [("422800", "第三条第一款"), ("422800.sfj", "第五条第一款")]


def test_supervisors_of_a_county_department_include_its_system():
    got = {c.supervisor: c.relation for c in jurisdiction.supervisors_of("422801.scjgj", organs=ORGANS)}
    assert got == {
        "422801": "own_department",
        "422801.sfj": "justice_for_government",
        "422800.scjgj": "own_system",
        "422800.scjgj.fgk": "office_for_department",
        "422800": "upper_supervisor",  # 第六条第一款: 上级 may supervise directly
        "422800.sfj": "upper_supervisor",
    }


def test_vertically_managed_bodies_have_no_supervisor():
    tax = {"id": "422801.sw", "name": "恩施市税务局", "kind": "工作部门", "level": "县（市）", "region": "422801",
           "parent": "422801", "vertically_managed": True}
    assert jurisdiction.supervisors_of("422801.sw", organs=[tax]) == ()
    assert not jurisdiction.is_competent("422801", "422801.sw", organs=[tax])


def test_township_enforcement_county_trade_and_assisting_judicial_office():
    got = {
        c.supervisor: (c.relation, c.citation, c.assists_only)
        for c in jurisdiction.supervisors_of("422801.lhz.zhzf", organs=ORGANS, trade="市场监管", include_assistants=True)
    }
    assert got["422801"] == ("township_county", "第五条第三款", False)
    assert got["422801.scjgj"] == ("township_trade", "第五条第三款", False)
    assert got["422801.sfj"][0] == "justice_for_government"
    assert got["422801.sfj.lhs"] == ("assists", "第五条第四款", True)


def test_is_competent_and_designation():
    assert jurisdiction.is_competent("422801.sfj", "422801.scjgj", organs=ORGANS)
    assert not jurisdiction.is_competent("422802.sfj", "422801.scjgj", organs=ORGANS)
    c = jurisdiction.competence("422802.sfj", "422801.scjgj", organs=ORGANS, designated_by="422800")
    assert c is not None and c.relation == "designated" and c.citation == "第六条第一款"
    assert not jurisdiction.is_competent("422802.sfj", "422801.scjgj", organs=ORGANS, designated_by="422823")
    assert not jurisdiction.is_competent("422801.sfj.lhs", "422801.lhz.zhzf", organs=ORGANS, designated_by="422801")


@pytest.mark.parametrize(
    ("a", "b", "superior"),
    [
        ("422801", "422802", "422800"),
        ("422801.sfj", "422801.scjgj", "422801"),
        ("422800.scjgj", "422801.scjgj", "422800"),
        ("422801", "422801.scjgj", "422800"),
    ],
)
def test_common_superior(a, b, superior):
    assert jurisdiction.common_superior(a, b, organs=ORGANS).id == superior


def test_no_common_superior_above_the_prefecture():
    assert jurisdiction.common_superior("422800", "422800.sfj") is None
    assert jurisdiction.justice_bureau_of("422801").id == "422801.sfj"


def test_registry_file(tmp_path):
    p = tmp_path / "organs.json"
    p.write_text(json.dumps({"organs": ORGANS}, ensure_ascii=False), encoding="utf-8")
    reg = jurisdiction.load_registry(p)
    assert reg["422801.scjgj"].name == "恩施市市场监督管理局" and "422800" in reg
    assert jurisdiction.is_competent("422801.sfj", "422801.scjgj", organs=reg)
    p.write_text(json.dumps([{**ORGANS[0], "parent": "nowhere"}], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CaseValidationError, match="organs\\[0\\].parent"):
        jurisdiction.load_registry(p)
