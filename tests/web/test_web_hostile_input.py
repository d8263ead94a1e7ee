"""Hostile input to the web application: a clear answer by field, never a 500, and bounded work for one
request (the search terms of a case, the size of a body, gunicorn's limits). Invented people."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from withhold.facts.loading import validate_case
from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.cases import search
from withhold.web.cases.models import CaseRecord, SearchDigest
from withhold.web.server import LIMITS, options

HOSTILE = {
    "a list as a key": "withhold: case/1\n? [a, b]\n: 1\n",
    "a mapping as a key": "withhold: case/1\nperson:\n  ? {a: 1}\n  : x\n",
    "nesting 1,000 deep": "withhold: case/1\nnotes: " + "[" * 1000 + "]" * 1000 + "\n",
    "an integer of 5,000 digits": "withhold: case/1\nconvictions: [{sentence_months: " + "9" * 5000 + "}]\n",
    "dates in the year 9999": "withhold: case/1\nentry: {last_arrival_date: 9999-12-31}\n",
    "the law as of the year 1": "withhold: case/1\nlaw_as_of: 0001-01-01\n",
    "the law as of 1975": "withhold: case/1\nlaw_as_of: 1975-03-01\nentry: {last_arrival_date: 1974-01-01}\n",
    "a name of 990,000 characters": "withhold: case/1\nperson: {family_name: " + "a" * 990_000 + "}\n",
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_import_names_the_problem_and_creates_nothing(
    attorney: Client, organization: Organization, name: str
) -> None:
    upload = SimpleUploadedFile("hostile.yaml", HOSTILE[name].encode("utf-8"))
    response = attorney.post("/cases/import/", {"file": upload})
    assert response.status_code == 200
    issues = response.context["issues"]
    assert issues and all(len(str(issue)) < 300 for issue in issues)
    assert not CaseRecord.objects.filter(organization=organization).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_the_case_file_editor_names_the_problem_and_saves_nothing(
    record: CaseRecord, attorney: Client, name: str
) -> None:
    response = attorney.post(f"/cases/{record.id}/edit/document/", {"text": HOSTILE[name], "version": 1})
    assert response.status_code == 200
    assert response.context["issues"]
    record.refresh_from_db()
    assert record.version == 1


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("day", ["1900-01-01", "0001-01-01", "9999-12-31"])
def test_a_law_date_outside_the_laws_dates_is_said_not_a_500(
    record: CaseRecord, client_for: Callable[..., Client], organization: Organization, role: str, day: str
) -> None:
    response = client_for(organization, role).get(f"/cases/{record.id}/?as_of={day}")
    assert response.status_code == 200
    said = [str(message) for message in response.context["messages"]]
    assert said == [
        f"The law can be shown as of a date from 1980-04-01 to 2199-12-31; {day} is outside those dates."
    ]
    assert response.context["as_of"].isoformat() == "2026-11-23"  # the case's own law date, as without it


@pytest.mark.django_db
def test_a_law_date_inside_the_laws_dates_is_used(record: CaseRecord, attorney: Client) -> None:
    response = attorney.get(f"/cases/{record.id}/?as_of=1980-04-01")
    assert response.status_code == 200
    assert response.context["as_of"].isoformat() == "1980-04-01"
    assert not list(response.context["messages"])


# --- bounded work --------------------------------------------------------------------------------------


def test_the_search_terms_of_a_case_are_bounded() -> None:
    many_names = [" ".join(f"{letter * 20}{n}" for letter in "abcdefgh") for n in range(200)]
    case = validate_case(
        {"withhold": "case/1", "person": {"given_name": "Zephyrine", "a_number": "A012345678",
                                          "other_names": many_names}}
    )  # fmt: skip
    terms = search.terms_of(case)
    assert len(terms) == search.TERMS_MAX
    assert {"a:012345678", "w:zephyrine", "w:zep"} <= terms  # the A-number and the first names first


@pytest.mark.django_db
def test_a_long_word_is_found_by_its_beginning_and_by_itself(
    make_case: Callable[..., CaseRecord], organization: Organization
) -> None:
    long_word = "Wolfeschlegelsteinhausenbergerdorff"
    record = make_case(organization, {"withhold": "case/1", "person": {"family_name": long_word}})
    assert SearchDigest.objects.filter(case=record).count() <= search.TERMS_MAX * 2
    for query in (long_word, long_word[:30], long_word[:5]):
        assert list(search.matching(CaseRecord.objects.all(), query)) == [record], query


@pytest.mark.django_db
def test_a_body_larger_than_anything_withhold_takes_is_refused_unread(attorney: Client) -> None:
    too_long = str(settings.WITHHOLD_REQUEST_MAX_BYTES + 1)
    response = attorney.post("/cases/import/", {"text": "withhold: case/1\n"}, CONTENT_LENGTH=too_long)
    assert response.status_code == 413
    assert b"larger than anything Withhold takes" in response.content


def test_django_holds_a_bounded_request_in_memory() -> None:
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 5_000_000
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 5_000_000
    assert settings.WITHHOLD_REQUEST_MAX_BYTES > 20_000_000  # the blank I-589 fits


def test_gunicorn_gets_the_request_limits() -> None:
    chosen = options("127.0.0.1", 8000, 2, 4)
    assert {key: chosen[key] for key in LIMITS} == LIMITS
    assert (
        chosen["timeout"] > 0 and chosen["limit_request_line"] > 0 and chosen["limit_request_field_size"] > 0
    )
