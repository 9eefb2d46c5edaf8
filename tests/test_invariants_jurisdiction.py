"""Jurisdiction invariants over generated organ trees (issue 5), the built-in registry alone being
one of the trees (``strategies.organ_trees`` draws the empty extension too).

Against :mod:`enshi_rules.jurisdiction` (第三条第一款、第五条、第六条), and against
``enshi_rules.evaluate`` where the report must say the same thing:

- no organ supervises itself;
- a competent supervisor is in the government chain above the supervised organ (a government above
  it, or that government's 司法局) or heads the supervised organ's own system (本系统) from a
  government above it;
- a county's organs are never competent over another county's;
- a vertically managed body is never within the measures (第二条第二款);
- the common superior of two organs is above both, no lower organ is above both, and it is the same
  whichever way round they are asked;
- a higher government may supervise anything a lower one may (第六条第一款: 上级行政执法监督机关
  可以直接监督);
- whether the report finds a supervision relation agrees with ``jurisdiction.is_competent``.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import enshi_rules
from enshi_rules import jurisdiction
from enshi_rules.facts import DEFAULT_ORGANS, Organ, OrganKind, OrganLevel
from enshi_rules.testing import assert_no_finding, assert_no_note, assert_note, assert_out_of_scope
from enshi_rules.testing.strategies import organ_trees

Registry = dict[str, Organ]

#: Relations in the government chain, and relations of a department over its own system.
GOVERNMENT_CHAIN = {"upper_government", "own_department", "own_dispatched", "township_county"}
OWN_SYSTEM = {"own_system", "township_trade"}


def _ancestors(reg: Registry, oid: str) -> list[str]:
    out, cur = [], reg[oid].parent
    while cur is not None and cur in reg:
        out.append(cur)
        cur = reg[cur].parent
    return out


def _government_of(reg: Registry, oid: str) -> str | None:
    for x in [oid, *_ancestors(reg, oid)]:
        if reg[x].kind is OrganKind.GOVERNMENT:
            return x
    return None


def _county_of(reg: Registry, oid: str) -> str | None:
    for x in [oid, *_ancestors(reg, oid)]:
        if reg[x].kind is OrganKind.GOVERNMENT and reg[x].level is OrganLevel.COUNTY:
            return x
    return None


def _acting_government(reg: Registry, sup: Organ) -> str | None:
    """The government whose supervision ``sup`` carries out: itself, or its 司法局's government."""
    if sup.kind is OrganKind.GOVERNMENT:
        return sup.id
    if sup.kind is OrganKind.JUSTICE and sup.parent in reg and reg[sup.parent].kind is OrganKind.GOVERNMENT:
        return sup.parent
    return None


def _system_head(reg: Registry, sup: Organ) -> Organ | None:
    """The department whose system ``sup`` supervises: itself, or its 法制机构's department."""
    if sup.kind in (OrganKind.DEPARTMENT, OrganKind.JUSTICE):
        return sup
    if sup.kind is OrganKind.LEGAL_OFFICE and sup.parent in reg:
        return reg[sup.parent]
    return None


def _in_government_chain(reg: Registry, sup: Organ, sub: Organ) -> bool:
    gov = _acting_government(reg, sup)
    return gov is not None and gov in _ancestors(reg, sub.id)


def _heads_own_system(reg: Registry, sup: Organ, sub: Organ) -> bool:
    head = _system_head(reg, sup)
    if head is None or not head.system or head.system != sub.system:
        return False
    above = _ancestors(reg, sub.id)
    return head.id in above or _government_of(reg, head.id) in above


@st.composite
def trees(draw: st.DrawFn) -> tuple[list[dict[str, Any]], Registry]:
    tree = draw(organ_trees())
    return tree, jurisdiction.organ_registry(tree)


def _pairs(draw: st.DrawFn, reg: Registry, n: int = 12) -> list[tuple[str, str]]:
    ids = sorted(reg)
    return draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), min_size=1, max_size=n))


# --------------------------------------------------------------------------- who may supervise


def _some(draw: st.DrawFn, ids, n: int) -> list[str]:
    """Up to ``n`` of ``ids``: competence through chains of organs costs time, all pairs would not do."""
    ids = sorted(ids)
    return draw(st.lists(st.sampled_from(ids), min_size=1, max_size=n, unique=True)) if ids else []


@given(data=trees(), st_data=st.data())
def test_no_organ_supervises_itself_and_every_supervisor_is_above_it_or_heads_its_system(data, st_data) -> None:
    tree, reg = data
    for oid in _some(st_data.draw, reg, 4):
        assert not jurisdiction.is_competent(oid, oid, organs=reg)
        sub = reg[oid]
        for c in jurisdiction.supervisors_of(oid, organs=reg, include_assistants=True):
            assert c.supervisor != oid
            assert c.supervised == oid
            sup = reg[c.supervisor]
            if c.assists_only:  # a 司法所 assisting its county 司法局 (第五条第四款): never competent itself
                assert sup.kind is OrganKind.JUDICIAL_OFFICE
                assert not jurisdiction.is_competent(sup.id, oid, organs=reg)
                continue
            assert jurisdiction.is_competent(sup.id, oid, organs=reg)
            chain, system = _in_government_chain(reg, sup, sub), _heads_own_system(reg, sup, sub)
            assert chain or system, f"{sup.id} ({c.relation}) is neither above {oid} nor heads its system"
            relation = c.via if c.relation in ("justice_for_government", "office_for_department") else c.relation
            if relation in GOVERNMENT_CHAIN:
                assert chain, (sup.id, oid, c.relation)
            if relation == "own_system":
                assert system, (sup.id, oid, c.relation)


@given(data=trees(), st_data=st.data())
def test_a_countys_organs_are_never_competent_over_another_countys(data, st_data) -> None:
    tree, reg = data
    placed = {oid: _county_of(reg, oid) for oid in reg}
    pairs = [(x, y) for x in placed for y in placed if placed[x] and placed[y] and placed[x] != placed[y]]
    pairs.sort()
    chosen = st_data.draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=25, unique=True)) if pairs else []
    for x, y in chosen:
        assert not jurisdiction.is_competent(x, y, organs=reg), (x, y)


@given(data=trees(), pick=st.randoms(use_true_random=False))
def test_a_vertically_managed_body_is_never_within_the_measures(data, pick) -> None:
    tree, reg = data
    vertical = [o for o in reg.values() if o.vertically_managed]
    if not vertical:
        return
    body = pick.choice(vertical)
    supervisor = pick.choice(sorted(oid for oid in reg if oid != body.id))
    report = enshi_rules.evaluate(
        {"case_id": "V-1", "organs": tree, "supervising_organ": supervisor, "supervised_organ": body.id,
         "supervision": {"started_on": "2025-06-02", "situations": [{"item": 1, "confirmed": True}]}},
        as_of="2025-09-30",
    )  # fmt: skip
    assert_out_of_scope(report, rule_id="art_002.p2.vertically_managed")
    assert_no_finding(report, article=26)  # nothing of the procedure is judged


@given(data=trees())
def test_jurisdiction_gives_no_competence_over_a_vertically_managed_body(data) -> None:
    tree, reg = data
    for o in reg.values():
        if o.vertically_managed:
            assert jurisdiction.supervisors_of(o.id, organs=reg) == ()
            assert not jurisdiction.is_competent(o.parent or "422800", o.id, organs=reg)


# --------------------------------------------------------------------------- 第六条


@given(data=trees(), st_data=st.data())
def test_every_common_superior_supervises_both_parties_under_article_3(data, st_data) -> None:
    # 第六条第二款 (issue 12): an organ named as 共同上一级行政执法监督机关 supervises both parties
    # (jurisdiction.is_competent, the public answer to "may it supervise", is the judge), is neither
    # of them, and the answer does not depend on the order of the parties; the nearest organ above
    # both in the tree is named whenever it supervises both (the government line)
    tree, reg = data
    for a, b in _pairs(st_data.draw, reg):
        found = jurisdiction.common_superiors(a, b, organs=reg)
        assert {o.id for o in found} == {o.id for o in jurisdiction.common_superiors(b, a, organs=reg)}
        for o in found:
            assert o.id not in (a, b)
            assert jurisdiction.is_competent(o.id, a, organs=reg), (o.id, a)
            assert jurisdiction.is_competent(o.id, b, organs=reg), (o.id, b)
        above_a, above_b = _ancestors(reg, a), _ancestors(reg, b)
        common = [x for x in above_a if x in above_b]
        if common and all(jurisdiction.is_competent(common[0], x, organs=reg) for x in (a, b)):
            assert found[0].id == common[0]
        c = jurisdiction.common_superior(a, b, organs=reg)
        assert c == (found[0] if found else None)


def test_a_system_line_superior_and_the_government_line_superior_both_qualify() -> None:
    market = {"kind": "工作部门", "system": "市场监管"}
    reg = jurisdiction.organ_registry(
        [
            dict(market, id="422800.scjgj", name="恩施州市场监督管理局", level="州", region="422800", parent="422800"),
            dict(market, id="422801.scjgj", name="恩施市市场监督管理局", level="县（市）", region="422801", parent="422801"),
            dict(market, id="422802.scjgj", name="利川市市场监督管理局", level="县（市）", region="422802", parent="422802"),
        ]
    )
    found = jurisdiction.common_superiors("422801.scjgj", "422802.scjgj", organs=reg)
    assert [o.id for o in found] == ["422800", "422800.scjgj"]
    # two departments of one county: their county government only (州人民政府 is not 上一级)
    assert [o.id for o in jurisdiction.common_superiors("422801.scjgj", "422801.sfj", organs=reg)] == ["422801"]


def test_the_common_superior_in_the_built_in_registry() -> None:
    assert jurisdiction.common_superior("422801", "422802").id == "422800"
    assert jurisdiction.common_superior("422801.sfj", "422802.sfj").id == "422800"
    assert jurisdiction.common_superior("422801.sfj", "422801").id == "422800"
    assert jurisdiction.common_superior("422800", "422801") is None  # nothing above 州人民政府 here


def _higher_and_lower_governments(reg: Registry) -> list[tuple[str, str]]:
    govs = [o.id for o in reg.values() if o.kind is OrganKind.GOVERNMENT]
    return [(hi, lo) for lo in govs for hi in _ancestors(reg, lo) if reg[hi].kind is OrganKind.GOVERNMENT]


@given(data=trees())
def test_a_higher_government_may_supervise_any_government_a_lower_one_may(data) -> None:
    tree, reg = data
    for hi, lo in _higher_and_lower_governments(reg):
        for oid in reg:
            if reg[oid].kind is OrganKind.GOVERNMENT and jurisdiction.is_competent(lo, oid, organs=reg):
                assert jurisdiction.is_competent(hi, oid, organs=reg), (hi, lo, oid)


@given(data=trees(), st_data=st.data())
def test_a_higher_government_may_supervise_anything_a_lower_one_may(data, st_data) -> None:
    tree, reg = data
    for hi, lo in _higher_and_lower_governments(reg):
        for oid in _some(st_data.draw, reg, 6):
            if oid != hi and jurisdiction.is_competent(lo, oid, organs=reg):
                assert jurisdiction.is_competent(hi, oid, organs=reg), (hi, lo, oid)


# --------------------------------------------------------------------------- the report agrees


@given(data=trees(), st_data=st.data())
def test_the_report_finds_a_supervision_relation_exactly_when_jurisdiction_says_competent(data, st_data) -> None:
    tree, reg = data
    for sup, sub in _pairs(st_data.draw, reg, n=4):
        if sup == sub or reg[sub].vertically_managed:
            continue
        report = enshi_rules.evaluate(
            {"case_id": "J-1", "organs": tree, "supervising_organ": sup, "supervised_organ": sub}, as_of="2025-09-30"
        )
        if jurisdiction.is_competent(sup, sub, organs=reg):
            assert_no_note(report, rule_id="art_003.p1.no_supervision_relation")
        elif "art_005.p3.trade_unknown" in report.rule_ids():
            # a department over township enforcement whose trade the case does not give (A05-5):
            # neither competent nor not, the missing fact is named instead
            assert [m.field for m in report.missing_facts] == ["enforcement_action.system"]
            assert report.findings == ()
        else:
            # no relation is a note (第三条第一款 defines, it imposes no duty: A03-5), never a violation
            assert_note(report, rule_id="art_00?.*", excludes=False, message_contains="不属于本办法第三条第一款所称的行政执法监督")
            assert_no_finding(report, rule_id="art_00[356].*", modality="violation")


def test_the_built_in_registry_alone() -> None:
    reg = dict(DEFAULT_ORGANS)
    assert [c.supervisor for c in jurisdiction.supervisors_of("422801")] == ["422800", "422800.sfj"]
    for a in reg:
        for b in reg:
            if _county_of(reg, a) and _county_of(reg, b) and _county_of(reg, a) != _county_of(reg, b):
                assert not jurisdiction.is_competent(a, b)
