"""Who you are and your papers in the interview: names, A-number, date of birth, the court (its circuit
derived, never asked of a client), the Notice to Appear; and dates that cannot be, refused with the reason."""

from __future__ import annotations

import pytest

from withhold.interview.bank import question_for
from withhold.interview.typed_answer import Answer, Invalid, parse_answer
from withhold.language import Language

IN_COURT = ("removal", "asylum_only", "withholding_only")


# --- the questions -----------------------------------------------------------------------------------


def test_who_you_are_is_asked_of_the_client_first() -> None:
    for path in (
        "person.family_name",
        "person.given_name",
        "person.a_number",
        "person.date_of_birth",
        "person.native_language",
    ):
        question = question_for(path)
        assert question.section == "about_you" and question.intake == "client", path
        assert 90 <= question.order <= 99, path
    assert question_for("person.family_name").group == question_for("person.given_name").group == "names"


def test_the_court_is_asked_of_the_client_in_court_and_the_circuit_is_for_the_attorney() -> None:
    court = question_for("proceedings.court")
    assert (court.section, court.intake, court.kind) == ("papers", "client", "text")
    assert dict(court.when) == {"proceedings.kind": IN_COURT}
    assert 101 <= court.order <= 109
    assert "Houston, Texas" in court.text.en and "Houston, Texas" in court.text.es
    circuit = question_for("proceedings.circuit")
    assert circuit.intake is None
    assert circuit.text.en.startswith("For the attorney:") and circuit.text.es.startswith("Para el abogado:")


def test_the_notice_to_appear_is_asked_in_removal_proceedings() -> None:
    question = question_for("proceedings.notice_to_appear_date")
    assert (question.section, question.intake, question.kind) == ("papers", "client", "date")
    # Asylum-only and withholding-only cases begin with a referral (Form I-863), not a Notice to Appear.
    assert dict(question.when) == {"proceedings.kind": ("removal",)}
    assert 161 <= question.order <= 169


# --- typed answers -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_court_naming_one_court_is_kept_as_eoir_names_it(language: Language) -> None:
    question = question_for("proceedings.court")
    assert parse_answer("houston s gessner rd", question, language) == Answer(
        "Houston - S. Gessner Road Immigration Court"
    )
    assert parse_answer("San Juan", question, language) == Answer("Guaynabo (San Juan) Immigration Court")


def test_a_court_naming_several_or_none_is_kept_as_typed() -> None:
    question = question_for("proceedings.court")
    assert parse_answer("  Houston, TX ", question, "en") == Answer("Houston, TX")
    assert parse_answer("Springfield", question, "en") == Answer("Springfield")
    assert isinstance(parse_answer("   ", question, "en"), Invalid)


def test_an_a_number_is_kept_without_its_spaces_and_dashes() -> None:
    question = question_for("person.a_number")
    assert parse_answer("A 012-345-678", question, "en") == Answer("A012345678")
    assert parse_answer("a012.345.678", question, "es") == Answer("A012345678")
    assert parse_answer("12345678", question, "en") == Answer("12345678")
    refused = parse_answer("A12345", question, "es")
    assert isinstance(refused, Invalid) and "número A" in refused.message
