"""第二十六条: once a situation of items (一)-(六) is confirmed, the supervising organ shall issue a
《行政执法监督建议书》; each item is cited on its own."""

from __future__ import annotations

import pytest

from enshi_rules import Modality

from .casebuilder import absent, case, letter, only, run

ITEMS = {1: "（一）", 2: "（二）", 3: "（三）", 4: "（四）", 5: "（五）", 6: "（六）"}


PROVISION = "《中华人民共和国行政处罚法》第四十四条"


def situation(item: int, **more):
    """A confirmed situation; item 6 names the provision violated, as it must (A26-4)."""
    rec = {"item": item, "confirmed": True, **more}
    if item == 6:
        rec["provision"] = PROVISION
    return rec


@pytest.mark.parametrize("item", range(1, 7))
def test_confirmed_situation_without_letter_obliges_a_letter(item):
    doc = case(situations=[situation(item, found_on="2025-03-10")])
    report = run(doc, "2025-03-20")
    # a one-paragraph article is cited without 第一款
    f = only(report, f"art_026.p1.i{item}.letter_required", cite=f"第二十六条第{ITEMS[item]}项", modality=Modality.SHALL)
    assert (f.article, f.paragraph, f.item) == (26, 1, item)
    assert f.citation == f"《恩施土家族苗族自治州行政执法监督办法》第二十六条第{ITEMS[item]}项"
    assert f.subject == "恩施市司法局"
    assert f.facts == (f"situation-{item}",)
    absent(report, f"art_026.p1.i{item}.letter_issued")


@pytest.mark.parametrize("item", range(1, 7))
def test_confirmed_situation_with_letter_is_fulfilled(item):
    doc = case(situations=[situation(item)], suggestion_letter=letter())
    report = run(doc, "2025-04-05")
    # 应当制发建议书, and it was issued: the duty is met (shall, not a mere permission)
    f = only(report, f"art_026.p1.i{item}.letter_issued", cite=f"第二十六条第{ITEMS[item]}项", modality=Modality.SHALL)
    assert f.subject == "恩施市司法局"
    assert f.performed  # 【应当·已履行】
    assert f.facts == (f"situation-{item}", "JYS-1")
    absent(report, f"art_026.p1.i{item}.letter_required")
    absent(report, "art_026.p1.letter_without_confirmed_situation")


@pytest.mark.parametrize("item", range(1, 7))
def test_unconfirmed_situation_creates_no_duty(item):
    doc = case(situations=[{"item": item, "confirmed": False}])
    absent(run(doc, "2025-03-20"), "art_026")
    doc = case(situations=[{"item": item, "confirmed": False}], suggestion_letter=letter())
    report = run(doc, "2025-04-05")
    absent(report, f"art_026.p1.i{item}")  # a letter without a confirmed situation fulfils no item
    only(report, "art_026.p1.letter_without_confirmed_situation", modality=Modality.VIOLATION)


@pytest.mark.parametrize("item", range(1, 7))
def test_each_situation_is_cited_under_its_own_item_only(item):
    doc = case(situations=[situation(item, found_on="2025-03-10")])
    report = run(doc, "2025-03-20")
    assert [f.rule_id for f in report.cites(26)] == [f"art_026.p1.i{item}.letter_required"]
    doc = case(situations=[situation(item)], suggestion_letter=letter())
    report = run(doc, "2025-04-05")
    assert [f.rule_id for f in report.cites(26)] == [f"art_026.p1.i{item}.letter_issued"]


@pytest.mark.parametrize("item", range(1, 7))
def test_a_deficiency_is_not_itself_a_situation(item):
    # a confirmed deficiency of 第十四条 item N carries an item number too; only the situation it
    # triggers (through 第十四条's own table) is cited under 第二十六条, once
    from enshi_rules.rules.art_014 import ITEMS

    art26 = ITEMS[item][2]
    doc = case(situations=[])
    doc["supervision"]["deficiencies"] = [{"id": "QX-1", "article": 14, "item": item, "confirmed": True, "found_on": "2025-03-10",
                                           **({"provision": PROVISION} if art26 == 6 else {})}]
    assert [f.rule_id for f in run(doc, "2025-03-20").cites(26)] == [f"art_026.p1.i{art26}.letter_required"]
    doc["supervision"]["suggestion_letter"] = letter()
    assert [f.rule_id for f in run(doc, "2025-04-05").cites(26)] == [f"art_026.p1.i{art26}.letter_issued"]


@pytest.mark.parametrize("with_letter", [False, True])
@pytest.mark.parametrize(
    ("article", "item", "zh", "provision"),
    # 第十二条、第十三条 list 重要制度 (第十二条) and their 落实 (第十三条第（一）（二）（六）项: matters sorted,
    # powers divided, accountability): 不落实行政执法重要制度, 第二十六条第（四）项, whatever their own
    # item number, and even when the record names a provision violated (that makes no 第（六）项)
    [
        (12, 1, "第十二条第（一）项", None),
        (12, 2, "第十二条第（二）项", None),
        (13, 1, "第十三条第（一）项", None),
        (13, 2, "第十三条第（二）项", None),
        (13, 6, "第十三条第（六）项", "《湖北省行政执法条例》第二十条"),
    ],
)
def test_a_deficiency_is_cited_under_the_item_it_amounts_to_never_under_its_own_number(article, item, zh, provision, with_letter):
    # a confirmed deficiency carries the item number of 第十二条或第十三条, not of 第二十六条: item 1, 2 or 6
    # there is no situation of 第二十六条第（一）（二）（六）项; the letter is owed (or issued) under 第（四）项 only
    extra = {"suggestion_letter": letter()} if with_letter else {}
    doc = case(situations=[], **extra)
    rec = {"id": "QX-D", "article": article, "item": item, "confirmed": True, "found_on": "2025-03-10"}
    doc["supervision"]["deficiencies"] = [{**rec, "provision": provision} if provision else rec]
    report = run(doc, "2025-04-05")
    status = "letter_issued" if with_letter else "letter_required"
    assert [f.rule_id for f in report.cites(26)] == [f"art_026.p1.i4.{status}"]
    f = only(report, f"art_026.p1.i4.{status}", cite="第二十六条第（四）项", modality=Modality.SHALL)
    assert f.facts == (("QX-D", "JYS-1") if with_letter else ("QX-D",))
    assert f.performed is with_letter
    assert f"（监督内容：{zh}“" in f.message
    absent(report, f"art_026.p1.i{item}")


def test_each_confirmed_situation_is_its_own_finding():
    doc = case(situations=[{"id": "A", "item": 1, "confirmed": True}, {"id": "B", "item": 4, "confirmed": True}, {"id": "C", "item": 4, "confirmed": False}])
    report = run(doc, "2025-03-20")
    assert [(f.rule_id, f.facts) for f in report.cites(26)] == [
        ("art_026.p1.i1.letter_required", ("A",)),
        ("art_026.p1.i4.letter_required", ("B",)),
    ]


def test_letter_without_any_confirmed_situation_lacks_its_premise():
    doc = case(situations=[{"item": 2, "confirmed": False}], suggestion_letter=letter())
    f = only(run(doc, "2025-04-05"), "art_026.p1.letter_without_confirmed_situation", cite="第二十六条", modality=Modality.VIOLATION)
    assert (f.article, f.paragraph, f.item) == (26, 1, None)
    assert f.citation == "《恩施土家族苗族自治州行政执法监督办法》第二十六条"
    assert f.subject == "恩施市司法局" and f.facts == ("JYS-1",)
    # one confirmed situation is enough
    doc = case(situations=[{"item": 2, "confirmed": False}, {"item": 5, "confirmed": True}], suggestion_letter=letter())
    absent(run(doc, "2025-04-05"), "art_026.p1.letter_without_confirmed_situation")


def test_a_confirmed_deficiency_of_article_14_is_a_ground_for_the_letter():
    doc = case(situations=[], suggestion_letter=letter())
    doc["supervision"]["deficiencies"] = [{"article": 14, "item": 3, "confirmed": True}]
    absent(run(doc, "2025-04-05"), "art_026.p1.letter_without_confirmed_situation")


def test_other_violation_without_the_provision_named_is_a_missing_fact_not_a_duty():
    doc = case(situations=[{"item": 6, "confirmed": True, "found_on": "2025-03-10"}])
    report = run(doc, "2025-03-20")
    absent(report, "art_026")
    assert [(m.field, m.needed_for) for m in report.missing_facts] == [
        ("supervision.situations[0].provision", "第二十六条第（六）项")
    ]
    named = run(case(situations=[situation(6, found_on="2025-03-10")]), "2025-03-20")
    f = only(named, "art_026.p1.i6.letter_required")
    assert f"违反{PROVISION}" in f.message and named.missing_facts == ()


def test_letter_with_no_situation_recorded_is_a_missing_fact_not_a_violation():
    # D-1: the case may simply not have recorded the grounds of the letter
    report = run(case(situations=None, suggestion_letter=letter()), "2025-04-05")
    absent(report, "art_026.p1.letter_without_confirmed_situation")
    assert ("supervision.situations", "第二十六条") in [(m.field, m.needed_for) for m in report.missing_facts]


def test_letter_whose_only_ground_lacks_the_provision_is_that_missing_fact_not_a_violation():
    report = run(case(situations=[{"item": 6, "confirmed": True}], suggestion_letter=letter()), "2025-04-05")
    absent(report, "art_026.p1.letter_without_confirmed_situation")
    assert "supervision.situations[0].provision" in [m.field for m in report.missing_facts]


# ---- issue 14: the cases that tell each condition apart (mutation testing) ----------------------


@pytest.mark.parametrize(
    ("item14", "item26", "provision"),
    [(1, 1, None), (2, 2, None), (6, 6, PROVISION)],  # 第十四条第（一）（二）（六）项 -> 第二十六条第（一）（二）（六）项
)
def test_a_letter_issued_for_a_deficiency_names_the_content_it_came_from(item14, item26, provision):
    # the finding says where the situation was found: 监督内容：第十四条第（N）项
    doc = case(situations=[], suggestion_letter=letter())
    doc["supervision"]["deficiencies"] = [{"id": "QX-D", "article": 14, "item": item14, "confirmed": True,
                                           **({"provision": provision} if provision else {})}]
    f = only(run(doc, "2025-04-05"), f"art_026.p1.i{item26}.letter_issued", cite=f"第二十六条第{ITEMS[item26]}项", modality=Modality.SHALL)
    assert f.facts == ("QX-D", "JYS-1")
    assert f"（监督内容：第十四条第{ITEMS[item14]}项“" in f.message


@pytest.mark.parametrize("with_letter", [False, True])
def test_a_provision_named_on_another_item_or_an_unconfirmed_item_6_is_not_item_6(with_letter):
    # 第（六）项 其他违反法律法规规定的情形 is its own item: a situation of 第（一）项 that also names a
    # provision violated is 第（一）项 only, and an item-6 situation not confirmed is no ground at all
    extra = {"suggestion_letter": letter()} if with_letter else {}
    status = "letter_issued" if with_letter else "letter_required"
    report = run(case(situations=[situation(1, provision=PROVISION)], **extra), "2025-04-05")
    only(report, f"art_026.p1.i1.{status}", modality=Modality.SHALL)
    absent(report, "art_026.p1.i6")
    report = run(case(situations=[{"item": 6, "confirmed": False, "provision": PROVISION}], **extra), "2025-04-05")
    absent(report, "art_026.p1.i6")


def test_an_item_6_situation_without_the_provision_fulfils_nothing_and_is_no_breach():
    # the letter was issued; its only ground lacks the provision (A26-4): neither "item 6 performed"
    # nor "a letter without a confirmed situation", but the missing fact
    report = run(case(situations=[{"item": 6, "confirmed": True}], suggestion_letter=letter()), "2025-04-05")
    absent(report, "art_026.p1.i6")
    absent(report, "art_026.p1.letter_without_confirmed_situation")
    assert [(m.field, m.needed_for) for m in report.missing_facts] == [("supervision.situations[0].provision", "第二十六条第（六）项")]
