"""The country of the claim by its name in the reader's language, never its code (issue 17, item 5): an
invented woman from El Salvador reads "El Salvador" in her Spanish report, and in every other language the
country's own name."""

from __future__ import annotations

import datetime as dt
import re

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


MASCULINE_FOR_THE_CLIENT = (
    "deportarlo",
    "protegerlo",
    "enviarlo",
    "mandarlo",
    "devolverlo",
    "lo protege",
    "lo deporten",
    "lo envíe",
    "está detenido",
    "ciudadano de",
    "perseguido",
    "torturado",
)


def test_a_woman_from_el_salvador_reads_her_report_in_the_feminine() -> None:
    """Issue 17's "done when": the Spanish client report of an invented woman from El Salvador agrees
    with her and names her country; a man's report agrees with him; nobody's shows a select."""
    html = render_html(build_report(validate_case(CASE), dt.date(2026, 12, 7), "client", "es"))
    text = html.lower()
    assert "El Salvador" in html
    found = [word for word in MASCULINE_FOR_THE_CLIENT if re.search(rf"\b{word}\b", text)]  # whole words
    assert not found, found
    assert "{gender" not in html
    man = validate_case({**CASE, "person": {"given_name": "Ernesto", "sex": "male", "nationality": "SV"}})
    unknown = validate_case({**CASE, "person": {"given_name": "Alex", "nationality": "SV"}})
    for case in (man, unknown):
        assert "{gender" not in render_html(build_report(case, dt.date(2026, 12, 7), "client", "es"))
