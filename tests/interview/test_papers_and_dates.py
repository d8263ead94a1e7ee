"""Who you are and your papers in the interview: names, A-number, date of birth, the court (its circuit
derived, never asked of a client), the Notice to Appear; and dates that cannot be, refused with the reason."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any

import pytest

from withhold.facts.consistency import IMPOSSIBLE
from withhold.facts.loading import CaseFileError, validate_case
from withhold.interview.answers import answered
from withhold.interview.bank import bank, question_for
from withhold.interview.refusals import AnswerRefusedError
from withhold.interview.refusals import parse as parse_refusals
from withhold.interview.screens import Screens
from withhold.interview.typed_answer import Answer, DontKnow, Invalid, Skip, parse_answer
from withhold.language import Language
from withhold.package_data import DataFileError, validated

IN_COURT = ("removal", "asylum_only", "withholding_only")


# --- the questions -----------------------------------------------------------------------------------


def test_who_you_are_is_asked_of_the_client_first() -> None:
    for path in (
        "person.family_name",
        "person.given_name",
        "person.date_of_birth",
        "person.native_language",
    ):
        question = question_for(path)
        assert question.section == "about_you" and question.intake == "client", path
        assert question.group == "about_you", path  # one page
        assert 90 <= question.order <= 99, path
    # The A-number is on the person's papers (issue 15: "your papers and court dates").
    a_number = question_for("person.a_number")
    assert (a_number.section, a_number.intake, a_number.group) == ("papers", "client", "papers")


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


# --- dates that cannot be: refused with the reason, nothing saved --------------------------------------

TODAY = dt.date(2026, 12, 7)
BORN = {"withhold": "case/1", "person": {"date_of_birth": "1990-05-01"}}
IN_REMOVAL = {
    "withhold": "case/1",
    "proceedings": {"kind": "removal", "notice_to_appear_date": "2023-02-01", "hearings": [{}, {}]},
}


def refusal(
    document: dict[str, Any], path: str, value: Any, today: dt.date | None = TODAY
) -> AnswerRefusedError:
    with pytest.raises(AnswerRefusedError) as refused:
        answered(validate_case(document), path, value, today=today)
    return refused.value


def test_a_birth_date_in_the_future_is_refused() -> None:
    refused = refusal({"withhold": "case/1"}, "person.date_of_birth", dt.date(2027, 3, 1))
    assert refused.conflict.kind == "future"
    assert refused.reason.en.startswith("That date is after today (December 7, 2026).")
    assert refused.reason.es.startswith("Esa fecha es después de hoy (7 de diciembre de 2026).")
    # Today itself is not the future; without a today the core has no clock and checks no future.
    answered(validate_case({"withhold": "case/1"}), "person.date_of_birth", TODAY, today=TODAY)
    answered(validate_case({"withhold": "case/1"}), "person.date_of_birth", dt.date(2027, 3, 1))


@pytest.mark.parametrize(
    "path",
    [
        "entry.last_arrival_date",
        "asylum.filed_on",
        "proceedings.notice_to_appear_date",
        "proceedings.decision.date",
        "proceedings.final_order_date",
    ],
)
def test_other_dates_of_the_past_in_the_future_are_refused(path: str) -> None:
    assert refusal({"withhold": "case/1"}, path, dt.date(2027, 1, 1)).conflict.path == path


def test_an_arrival_before_birth_is_refused_whichever_is_answered_second() -> None:
    refused = refusal(BORN, "entry.last_arrival_date", dt.date(1989, 12, 31))
    assert refused.conflict.kind == "born_after_arrival"
    assert "before the date of birth you gave (May 1, 1990)" in refused.reason.en
    assert "antes de la fecha de nacimiento que usted dio (1 de mayo de 1990)" in refused.reason.es
    arrived = {"withhold": "case/1", "entry": {"last_arrival_date": "2021-06-15"}}
    refused = refusal(arrived, "person.date_of_birth", dt.date(2022, 1, 1))
    assert (
        "after the date you gave for your last arrival in the United States (June 15, 2021)"
        in refused.reason.en
    )


def test_a_hearing_before_the_notice_to_appear_is_refused() -> None:
    refused = refusal(IN_REMOVAL, "proceedings.hearings[1].date", dt.date(2023, 1, 10))
    assert (refused.conflict.kind, refused.conflict.path) == (
        "hearing_before_notice",
        "proceedings.hearings[1].date",
    )
    assert "before the date of your Notice to Appear (February 1, 2023)" in refused.reason.en
    assert "Notificación de Comparecencia (1 de febrero de 2023)" in refused.reason.es
    # A hearing after it, even in the future, is what a hearing date usually is.
    later = answered(
        validate_case(IN_REMOVAL), "proceedings.hearings[1].date", dt.date(2027, 5, 3), today=TODAY
    )
    assert later.proceedings.hearings and later.proceedings.hearings[1].date == dt.date(2027, 5, 3)
    # Answering the Notice to Appear after a hearing already given names the hearing's date.
    heard = validate_case(
        {"withhold": "case/1", "proceedings": {"kind": "removal", "hearings": [{"date": "2024-04-02"}]}}
    )
    with pytest.raises(AnswerRefusedError) as refused_notice:
        answered(heard, "proceedings.notice_to_appear_date", dt.date(2024, 5, 1), today=TODAY)
    assert "after the date of a hearing you gave (April 2, 2024)" in refused_notice.value.reason.en


def test_a_decision_before_the_notice_to_appear_or_sent_before_it_was_made_is_refused() -> None:
    assert refusal(IN_REMOVAL, "proceedings.decision.date", dt.date(2022, 12, 1)).conflict.kind == (
        "decided_before_notice"
    )
    decided = {"withhold": "case/1", "proceedings": {"decision": {"date": "2025-03-03"}}}
    refused = refusal(decided, "proceedings.decision.served_on", dt.date(2025, 3, 1))
    assert refused.conflict.kind == "served_before_decided"
    assert "(March 3, 2025)" in refused.reason.en


def test_a_refusal_is_a_case_file_error_and_saves_nothing() -> None:
    case = validate_case(BORN)
    with pytest.raises(CaseFileError):
        answered(case, "entry.last_arrival_date", dt.date(1980, 1, 1), today=TODAY)
    assert case.entry.last_arrival_date is None and not case.interview.asked


def test_an_earlier_contradiction_does_not_block_other_answers() -> None:
    # A stored case may hold a contradiction (case files are read with warnings, not refused).
    stored = validate_case({**BORN, "entry": {"last_arrival_date": "1985-01-01"}})
    after = answered(stored, "proceedings.kind", "removal", today=TODAY)
    assert after.proceedings.kind == "removal"


def test_a_possible_but_odd_date_is_only_a_warning() -> None:
    # An application filed before the last arrival happens (filed, travelled, came back).
    arrived = validate_case({"withhold": "case/1", "entry": {"last_arrival_date": "2024-06-01"}})
    after = answered(arrived, "asylum.filed_on", dt.date(2023, 1, 1), today=TODAY)
    assert after.asylum.filed_on == dt.date(2023, 1, 1)


def test_the_refusals_file_needs_every_impossible_kind_in_both_languages() -> None:
    text = resources.files("withhold.interview").joinpath("refusals.yaml").read_text(encoding="utf-8")
    assert set(parse_refusals(text).by_kind) == set(IMPOSSIBLE)
    lines = text.splitlines()
    other = lines.index("hearing_before_notice:") + 4  # `other:` after `this:` and its two texts
    assert lines[other] == "  other:"
    del lines[other + 2]  # its Spanish
    lines += ["invented_kind:", "  this: {en: 'On {date}.', es: 'El {date}.'}"]
    spanish = lines.index("future:") + 3  # the Spanish of `future.this`
    lines[spanish] = lines[spanish].replace("({date})", "({when})")
    with pytest.raises(DataFileError) as error:
        parse_refusals("\n".join(lines))
    assert error.value.problems == (
        "future.this: en and es use different placeholders (or unbalanced braces) (line 17)",
        f"hearing_before_notice.other: es: missing translation (line {other + 1})",
        f"invented_kind: unknown field (line {len(lines) - 1})",
    )


def test_the_screens_words_are_answers_in_every_language() -> None:
    """A person types what the screen shows them, in their language: "wi", "não", "نعم", "Mwen pa konnen"."""
    yes_no = next(question for question in bank().values() if question.kind == "yes_no")
    assert parse_answer("Wi", yes_no, "ht") == Answer(True)
    assert parse_answer("não", yes_no, "pt") == Answer(False)
    assert parse_answer("نعم", yes_no, "ar") == Answer(True)
    assert parse_answer("Oui", yes_no, "fr") == Answer(True)
    assert isinstance(parse_answer("Mwen pa konnen", yes_no, "ht"), DontKnow)
    assert isinstance(parse_answer("Je ne sais pas", yes_no, "fr"), DontKnow)
    assert isinstance(parse_answer("d", yes_no, "ar"), DontKnow)  # no letter of its own: the English one
    assert not isinstance(parse_answer("peut-être", yes_no, "fr"), Answer | DontKnow | Skip)


def test_the_screens_file_names_each_bad_text_by_group_key_and_line() -> None:
    text = resources.files("withhold.interview").joinpath("screens.yaml").read_text(encoding="utf-8")
    text = text.replace("Answered: {answered}.", "Answered: {answred}.", 1)
    text = text.replace('  "help":\n    en: "Help: why we ask"\n', '  "help":\n', 1)
    lines = text.splitlines()
    with pytest.raises(DataFileError) as error:
        validated(Screens, text, "screens.yaml")
    help_line, progress_line = lines.index('  "help":') + 1, lines.index('  "progress":') + 1
    assert error.value.problems == (
        f"shared.help: en: missing translation (line {help_line})",
        f"shared.progress: en and es use different placeholders (or unbalanced braces) (line {progress_line})",
    )
    both = text.replace("contestadas: {answered}", "contestadas: {answred}", 1)
    with pytest.raises(
        DataFileError, match=r"shared\.progress: unknown placeholder \{answred\} \(line \d+\)"
    ):
        validated(Screens, both, "screens.yaml")
