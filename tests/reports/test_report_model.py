"""What a report says, before any layout: the engine's statuses, unknown kept unknown, dates in words for
the client, the person's name kept, and no English left in a Spanish client report."""

from __future__ import annotations

import pytest
from report_cases import EXAMPLE_NAMES, as_of, example, report_of

from withhold.language import Language
from withhold.logic.protection import Status
from withhold.preparation.warnings import SEVERITIES
from withhold.reports import AttorneyReport, ClientReport
from withhold.reports.texts import texts
from withhold.screening import screen


def attorney(name: str, language: Language = "en") -> AttorneyReport:
    found = report_of(name, "attorney", language)
    assert isinstance(found, AttorneyReport)
    return found


def client(name: str, language: Language = "en") -> ClientReport:
    found = report_of(name, "client", language)
    assert isinstance(found, ClientReport)
    return found


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("language", ["en", "es"])
def test_both_reports_carry_the_engines_statuses(name: str, language: Language) -> None:
    case = example(name)
    statuses = screen(case, as_of(case)).statuses
    words = texts()
    shown = {p.name: (p.status, p.status_label) for p in attorney(name, language).protections}
    assert shown == {
        protection: (status, words.say(language, "statuses", status, "label"))
        for protection, status in statuses.items()
    }
    plain = [(p.status, p.status_text) for p in client(name, language).protections]
    assert plain == [
        (status, words.say(language, "statuses", status, "plain")) for status in statuses.values()
    ]


def test_unknown_is_never_said_as_no() -> None:
    # Nearly nothing is known: every protection is undetermined, and nothing may read as a "no".
    report = client("almost-nothing-known")
    assert {p.status for p in report.protections} == {Status.UNDETERMINED.value}
    for protection in report.protections:
        assert "This does not mean no." in protection.status_text
        assert protection.meanings, "an undetermined protection is open: what it would mean is shown"
    assert report.in_short[0] == texts().say("en", "ui", "short_undetermined")
    reasons = [r for p in attorney("almost-nothing-known").protections for r in p.reasons]
    assert reasons and all(r.value == "unknown" for r in reasons if r.unknown)
    spanish = [r for p in attorney("almost-nothing-known", "es").protections for r in p.reasons if r.unknown]
    assert spanish and {r.value for r in spanish} == {"desconocido"}


def test_the_attorney_report_lists_what_the_screening_found() -> None:
    case = example("social-group-undetermined")
    screening = screen(case, as_of(case))
    report = attorney("social-group-undetermined")
    for view in report.protections:
        determination = screening[view.name]
        assert [line.label for line in view.missing] == list(determination.missing)
        # Each point is written out once, under the strongest protection; later ones name it.
        shown = [line.label for line in view.legal] + list(view.legal_as_above)
        assert sorted(shown) == sorted(p.rule for p in determination.needs_legal_analysis)
        assert view.citations == determination.protection.citations
    assert [line.label for line in report.questions] == list(screening.questions)


def test_the_client_reads_dates_in_words() -> None:
    english = client("missed-deadline-withholding-open")
    whens = [line.when for line in english.upcoming]
    assert "Tuesday, December 8, 2026, at 08:30 (in 15 days)" in whens
    assert "By Monday, November 23, 2026 (today)" in whens
    spanish = client("missed-deadline-withholding-open", "es")
    assert "martes, 8 de diciembre de 2026, a las 08:30 (en 15 días)" in [
        line.when for line in spanish.upcoming
    ]
    assert spanish.page.law_as_of_text == "Ley vigente al 23 de noviembre de 2026"
    passed = [line.when for line in spanish.passed]
    assert "No se cumplió. El último día fue el jueves, 10 de agosto de 2023" in passed


def test_the_report_keeps_the_persons_name() -> None:
    assert attorney("missed-deadline-withholding-open").page.person == "Ana María Ficticia"
    assert client("missed-deadline-withholding-open", "es").page.a_number == "A000000000"


def test_a_closed_protection_does_not_list_what_it_would_give() -> None:
    report = client("drug-trafficking-cat-deferral-only")
    by_status = {p.status: p for p in report.protections}
    assert by_status["barred"].meanings == ()
    assert by_status["eligible"].meanings


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_a_discretionary_grant_is_noted_only_while_the_protection_is_open(name: str) -> None:
    case = example(name)
    screening = screen(case, as_of(case))
    for shown in attorney(name).protections:
        determination = screening[shown.name]
        still_open = determination.status in (Status.ELIGIBLE, Status.UNDETERMINED)
        assert shown.discretionary == (determination.protection.discretionary and still_open)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_warnings_are_listed_most_severe_first(name: str) -> None:
    shown = [w.severity for w in attorney(name).warnings]
    assert shown == sorted(shown, key=SEVERITIES.index)
