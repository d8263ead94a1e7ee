"""One term per legal concept in every Spanish text a client or a lawyer reads (issue 17), following the
glossary of the fluent reviewer's findings (docs/language/spanish-review.md): the term the I-589 itself
uses for withholding of removal, and none of the forms the glossary lists to avoid."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest

from withhold.package_data import read_yaml
from withhold.reports.texts import texts as report_texts

AVOID = {
    "restricción de la deportación": "withholding of removal is «suspensión de remoción» (the I-589's own title)",
    "restricción bajo la CAT": "CAT withholding is «suspensión de remoción bajo la CAT»",
    "suspensión de deportación": "clashes with a stay and with pre-1996 suspension of deportation",
    "aplazamiento de la deportación": "CAT deferral is «aplazamiento de remoción bajo la CAT»",
    "grupo social particular": "a calque: the Convention's Spanish text says «determinado grupo social»",
    "calendario maestro": "a master calendar hearing is an «audiencia preliminar»",
    "número de extranjero": "the A-number is the «número A»",
    "tarjeta de trabajo": "the work permit is the «permiso de trabajo» (tarjeta EAD)",
    "miedo creíble": "USCIS's Spanish says «temor creíble»",
    "su abogado también está en la corte": "the DHS lawyer is the government's, never «su abogado»",
}


def _yaml_files() -> list[tuple[str, str]]:
    found = []
    for package in (
        "withhold.interview",
        "withhold.preparation",
        "withhold.reports",
        "withhold.web",
        "withhold.language",
    ):
        for entry in resources.files(package).iterdir():
            if entry.name.endswith(".yaml"):
                found.append((package, entry.name))
    return found


def _spanish(value: Any) -> list[str]:
    if isinstance(value, dict):
        if "es" in value and "en" in value:
            es = value["es"]
            return [str(v) for v in es.values()] if isinstance(es, dict) else [str(es)]
        return [text for inner in value.values() for text in _spanish(inner)]
    if isinstance(value, list):
        return [text for inner in value for text in _spanish(inner)]
    return []


def _offending(data: Any) -> list[str]:
    found: list[str] = []
    for text in _spanish(data):
        folded = " ".join(text.split()).casefold()
        found += [
            f"«{term}» ({why}): {text[:80]}" for term, why in AVOID.items() if term.casefold() in folded
        ]
    return found


@pytest.mark.parametrize(("package", "name"), _yaml_files())
def test_no_spanish_text_uses_a_term_to_avoid(package: str, name: str) -> None:
    found = _offending(read_yaml(package, name))
    assert not found, f"{package}/{name}:\n" + "\n".join(found[:10])


def test_the_withholding_terms_are_the_i589s() -> None:
    words = report_texts()
    assert words.say("es", "protections", "statutory_withholding", "name").startswith(
        "Suspensión de remoción"
    )
    assert "(withholding of removal)" in words.say("es", "glossary", "withholding", "term")
    assert "Ese abogado no es su abogado" in words.say("es", "glossary", "dhs", "meaning")


def test_the_check_finds_a_term_to_avoid_across_lines_and_cases() -> None:
    data = {
        "a": {"en": "Withholding", "es": "La Restricción de la\n   deportación"},
        "b": [{"en": "x", "es": "bien"}],
    }
    assert len(_offending(data)) == 1
    assert _offending({"c": {"en": "x", "es": {"one": "un miedo creíble", "other": "x"}}})
