"""The hostile case files of ``bench/hostile_generator.py`` as a Hypothesis strategy, with the settings the
fuzz tests share (``tests/properties/test_hostile_files.py``, ``tests/web/test_web_hostile_files.py``).

A file comes from the generator's random stream: one that Hypothesis draws (and can shrink), or one seeded
by a number it chooses (the generator's own mix of files, as in the benchmark). Derandomized: the same
files on every run.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from hostile_generator import HostileFile, hostile_file

__all__ = ["FUZZ", "HOSTILE_FILES", "HostileFile"]

HOSTILE_FILES = st.one_of(
    st.randoms(use_true_random=False), st.integers(0, 2**32 - 1).map(random.Random)
).map(hostile_file)

FUZZ = settings(
    derandomize=True,
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
