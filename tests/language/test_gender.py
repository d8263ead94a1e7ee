"""Texts agree with the person they address (issue 17, item 4): the catalogs carry the variants as ICU
``select`` on ``gender``, the code chooses by the sex the case records, and an unknown sex takes the
form written for anyone."""

from __future__ import annotations

import pickle

import pytest

from withhold.facts.loading import validate_case
from withhold.interview.bank import question_text
from withhold.language import Localized, read_localized
from withhold.language.gender import Reader, agree, gender_of, reading, selects_problems

MARRIED = Localized(
    en="Are you married?",
    es="¿Está usted {gender, select, female {casada} male {casado} other {casado o casada}}?",
)


def test_the_text_agrees_with_the_reader() -> None:
    assert MARRIED.get(Reader("es", "female")) == "¿Está usted casada?"
    assert MARRIED.get(Reader("es", "male")) == "¿Está usted casado?"
    assert MARRIED.get("es") == "¿Está usted casado o casada?"  # unknown: the form for anyone
    assert MARRIED.get(Reader("en", "female")) == "Are you married?"


def test_a_case_missing_for_a_gender_takes_the_form_for_anyone() -> None:
    text = "Usted está {gender, select, female {detenida} other {detenido}}."
    assert agree(text, "male") == "Usted está detenido."
    assert agree(text, "female") == "Usted está detenida."


def test_a_reader_goes_wherever_a_language_goes() -> None:
    reader = Reader("es", "female")
    assert reader == "es" and hash(reader) == hash("es") and f"{reader}" == "es"
    assert {"es": 1}[reader] == 1
    assert gender_of(reader) == "female" and gender_of("es") is None
    again = pickle.loads(pickle.dumps(reader))
    assert again == "es" and gender_of(again) == "female"


def test_only_a_recorded_sex_sets_the_gender() -> None:
    assert gender_of(reading("es", "female")) == "female"
    assert gender_of(reading("es", "male")) == "male"
    assert gender_of(reading("es", None)) is None
    assert gender_of(reading("es", "something else")) is None


def test_formatting_and_joining_keep_the_agreement() -> None:
    filled = Localized(en="{n} left", es="{n} {gender, select, female {sola} other {solo}}").format(n=1)
    assert filled.get(Reader("es", "female")) == "1 sola"
    assert filled.get("es") == "1 solo"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{gender, select, female {a}}", "without an 'other' case"),
        ("{gender, select, female {a} other {b}", "not well formed"),
        ("{gender, select, female {a {n}} other {b}}", "not well formed"),
    ],
)
def test_a_bad_select_is_named(text: str, problem: str) -> None:
    assert any(problem in found for found in selects_problems(text))
    problems: list[str] = []
    assert read_localized("x.text", {"en": "a", "es": text}, problems) is None
    assert any(found.startswith("x.text.es:") and problem in found for found in problems)


def test_the_interview_asks_a_woman_in_the_feminine() -> None:
    woman = validate_case({"withhold": "case/1", "person": {"sex": "female"}})
    man = validate_case({"withhold": "case/1", "person": {"sex": "male"}})
    nobody = validate_case({"withhold": "case/1"})
    path = "person.marital_status"
    assert question_text(woman, path, reading("es", woman.person.sex)) == "¿Está usted casada?"
    assert question_text(man, path, reading("es", man.person.sex)) == "¿Está usted casado?"
    assert question_text(nobody, path, reading("es", nobody.person.sex)) == "¿Está usted casado o casada?"
