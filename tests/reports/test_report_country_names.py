"""The country of the claim by its name in the reader's language, never its code (issue 17, item 5): an
invented woman from El Salvador reads "El Salvador" in her Spanish report, and in every other language the
country's own name."""

from __future__ import annotations

import datetime as dt

import pytest

from withhold.facts.loading import validate_case
from withhold.language import LANGUAGES
from withhold.reports import build_report
from withhold.reports.render import render_html

CASE = {
    "withhold": "case/1",
    "person": {"given_name": "Xiomara", "sex": "female", "nationality": "SV"},
    "claim": {"country": "SV"},
    "proceedings": {"kind": "removal"},
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_claims_country_is_named_not_coded(language: str) -> None:
    html = render_html(build_report(validate_case(CASE), dt.date(2026, 12, 7), "client", language))
    assert "SV (" not in html and "(SV)" not in html
    expected = {"en": "El Salvador", "es": "El Salvador", "fr": "Salvador", "pt": "El Salvador"}
    if language in expected:
        assert expected[language] in html
