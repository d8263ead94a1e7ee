"""No hostile case file crashes a command: every one is screened or refused with a message (exit 0 or 2),
never an exception, a traceback or Withhold's "internal error" line.

The files are ``bench/hostile_generator.py``'s (wrong types, huge texts and numbers, deep nesting, odd keys
and dates, aliases, tags, unicode, damaged files, and valid cases on the edges of what is valid), drawn by
Hypothesis (``tests/hostile_strategy.py``); each goes through ``screen``, ``deadlines``, ``roadmap`` and
``report`` as ``bench/hostile_files.py`` runs them (250 files: about 50 s), and through ``i589`` for one file in 60 when the blank
form is beside the checkout. Ten thousand of the same kind of files: ``make fuzz``.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from hypothesis import given, settings

from hostile_strategy import FUZZ, HOSTILE_FILES, HostileFile

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from hostile_files import BLANK_I589, crashes

I589_EVERY = 60
_drawn = itertools.count()


@settings(FUZZ, max_examples=250)
@given(hostile=HOSTILE_FILES)
def test_no_hostile_file_crashes_a_command(hostile: HostileFile, tmp_path: Path) -> None:
    form = BLANK_I589 if BLANK_I589.is_file() and next(_drawn) % I589_EVERY == 0 else None
    assert crashes(hostile, tmp_path, form) == [], hostile.text[:2000]
