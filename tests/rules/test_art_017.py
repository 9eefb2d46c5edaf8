"""第十七条: an inspection is a permitted way of supervising (可以)."""

from __future__ import annotations

from .mcase import absent, case, check, only, run


def test_inspection_is_a_permission():
    f = only(run(case(inspections=[{"id": "JC-1", "on_site": False, "conducted_on": "2025-05-20"}])), "art_017.p1.inspection")
    check(f, "art_017.p1.inspection", 17, 1, None, "may", "恩施市司法局")


def test_no_inspection_no_finding():
    absent(run(case()), "art_017.p1.inspection")
