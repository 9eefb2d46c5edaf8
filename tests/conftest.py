"""Shared test configuration.

Hypothesis profiles: ``dev`` (the default: 200 examples, no deadline, because the first call into the
holiday calendar is slow) and ``ci`` (1000 examples, derandomized so a CI failure reproduces). Choose
one with ``HYPOTHESIS_PROFILE=ci pytest``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "dev",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=1000,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
