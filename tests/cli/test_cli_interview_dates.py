"""`withhold interview` refuses a date that cannot be, says why in the interview's language, and asks
again; nothing is saved until the answer fits (the terminal counts from WITHHOLD_TODAY, 2026-11-23)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_cli_interview import SMALL, flat, interview


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("en", "That date is after today (November 23, 2026)."),
        ("es", "Esa fecha es después de hoy (23 de noviembre de 2026)."),
    ],
)
def test_a_filing_date_in_the_future_is_refused_with_the_reason(
    small: Path, language: str, reason: str
) -> None:
    # The third question is the asylum filing date (see test_cli_interview.ORDER).
    result = interview(str(small), "--lang", language, input="n\n0\n2027-01-05\n2025-06-02\n")
    assert result.exit_code == 130, result.output
    assert reason in flat(result.stdout)
    saved = yaml.safe_load(small.read_text(encoding="utf-8"))
    assert saved["asylum"]["filed_on"] == "2025-06-02"
    assert saved["interview"]["asked"].count("asylum.filed_on") == 1


def test_today_can_be_given(small: Path) -> None:
    result = interview(str(small), "--today", "2027-02-01", input="n\n0\n2027-01-05\n")
    assert "after today" not in flat(result.stdout)
    assert yaml.safe_load(small.read_text(encoding="utf-8"))["asylum"]["filed_on"] == "2027-01-05"
