"""The terminal's tests count days from a fixed day, as if the clock read 2026-11-23 (the law date of the
invented case files), so that "in 8 days" means the same every day the suite runs. A test that needs
another day passes --today."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WITHHOLD_TODAY", "2026-11-23")
