"""第十三条: the 责任制 items are 第二十六条第（四）项 (不落实行政执法重要制度); 程序落实 is 第（一）项 (A13-1)."""

from __future__ import annotations

import pytest

from .content_cases import check_item, check_unconfirmed

EXPECTED = {1: ("matters_sorted", 4), 2: ("powers_divided", 4), 3: ("responsibility_fixed", 4),
            4: ("procedure_followed", 1), 5: ("assessment_done", 4), 6: ("accountability", 4)}
PARAMS = pytest.mark.parametrize(("item", "name", "art26"), [(i, n, a) for i, (n, a) in EXPECTED.items()])


@PARAMS
def test_confirmed_deficiency_is_reported_under_article_26_never_as_a_violation_of_13(item, name, art26):
    check_item(13, item, name, art26)


@PARAMS
def test_unconfirmed_deficiency_gives_nothing(item, name, art26):
    check_unconfirmed(13, item, name, art26)


def test_assessment_is_not_a_duty_left_unperformed():
    # the review of issue 13: 考核评议 is not 第二十六条第（三）项
    from .content_cases import deficient
    from .mcase import absent, run

    absent(run(deficient(13, 5)), "art_026.p1.i3.letter_required")
