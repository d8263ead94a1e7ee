"""Shared test configuration.

Hypothesis runs deterministically by default (``derandomize``: the same examples on every run and on every
machine) and without a per-example deadline, because screening a case is fast but the first call warms
caches. No example database is written into the working tree; a failure prints its reproduction blob.
Set ``HYPOTHESIS_PROFILE=explore`` to search with fresh random examples and more of them, e.g. before a
release: ``HYPOTHESIS_PROFILE=explore uv run --frozen pytest tests/properties``. A counterexample found
that way belongs in the property tests as an explicit regression test.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "withhold",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "explore",
    derandomize=False,
    database=None,
    deadline=None,
    max_examples=3000,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "withhold"))
