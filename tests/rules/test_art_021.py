"""第二十一条: 专项行政执法监督 on the listed sources is a permission."""

from __future__ import annotations

from .mcase import absent, case, check, only, run, sup


def test_special_supervision_on_a_deputy_proposal():
    f = only(run(sup(case(), special_source="人大代表建议")), "art_021.p1.special_supervision")
    check(f, "art_021.p1.special_supervision", 21, 1, None, "may", "恩施市司法局")


def test_ordinary_supervision_is_not_special():
    absent(run(case()), "art_021.p1.special_supervision")
