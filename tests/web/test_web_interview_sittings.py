"""One interview sitting is one version and one audit entry (with its count of answers), while every answer
is saved the moment it is given. A sitting ends when the person changes, when anything else is saved in
between, or after its window without an answer; an editor opened before an answer of the sitting never
overwrites it unseen. Everyone here is invented."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from web_answers import EMPTY, interview_url, page_answers

from withhold.facts.loading import validate_case
from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.audit.models import Action, AuditEntry
from withhold.web.cases import store
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, CaseVersion, Change
from withhold.web.interviews import plans


def answer(client: Client, record: CaseRecord) -> list[str]:
    """Answers the page shown; returns its paths (each one answer of the sitting)."""
    url = interview_url(record)
    page = client.get(url).context["page"]
    assert client.post(url, page_answers(page.paths)).status_code == 302
    return list(page.paths)


def asked(record: CaseRecord) -> list[str]:
    """What the stored case says was asked (the interview record the core keeps in the case file)."""
    return list(case_of(CaseRecord.objects.get(pk=record.pk).document).interview.asked or [])


def sittings(record: CaseRecord) -> list[tuple[str, int | None, str]]:
    found = AuditEntry.objects.filter(case_id=record.id, action=Action.INTERVIEWED).order_by("id")
    return [(entry.username, entry.version, entry.what) for entry in found]


def versions(record: CaseRecord) -> list[tuple[int, str, int]]:
    found = CaseVersion.objects.filter(case=record).order_by("number")
    return [(version.number, version.change, version.answers) for version in found]


def idle(record: CaseRecord, seconds: float) -> None:
    """As if the last save of ``record`` were ``seconds`` ago."""
    then = timezone.now() - dt.timedelta(seconds=seconds)
    CaseRecord.objects.filter(pk=record.pk).update(updated_at=then)


@pytest.mark.django_db
def test_a_sitting_is_one_version_and_one_entry_and_each_answer_is_saved_at_once(
    empty_record: CaseRecord, attorney: Client
) -> None:
    paths: list[str] = []
    for _ in range(1, 6):
        paths.extend(answer(attorney, empty_record))
        count = len(paths)
        # Saved the moment it was given, in the record and in the sitting's version alike.
        assert asked(empty_record) == paths
        current = CaseRecord.objects.get(pk=empty_record.pk)
        assert CaseVersion.objects.get(case=empty_record, number=2).document == current.document
        assert versions(empty_record) == [(1, Change.CREATED, 0), (2, Change.INTERVIEW, count)]
        assert sittings(empty_record) == [
            (f"{Role.ATTORNEY}-{empty_record.organization.pk}", 2, f"answers:{count}")
        ]
    assert current.amended == 4  # the sitting's first page made version 2; four more were added to it


@pytest.mark.django_db
def test_a_sitting_ends_after_its_window_without_an_answer(
    empty_record: CaseRecord, attorney: Client
) -> None:
    first = len(answer(attorney, empty_record))
    idle(empty_record, settings.WITHHOLD_INTERVIEW_SITTING - 60)
    first += len(answer(attorney, empty_record))
    assert versions(empty_record)[-1] == (2, Change.INTERVIEW, first)  # still within the window
    idle(empty_record, settings.WITHHOLD_INTERVIEW_SITTING + 60)
    second = len(answer(attorney, empty_record))
    assert versions(empty_record)[1:] == [(2, Change.INTERVIEW, first), (3, Change.INTERVIEW, second)]
    assert [(version, what) for _, version, what in sittings(empty_record)] == [
        (2, f"answers:{first}"),
        (3, f"answers:{second}"),
    ]
    assert len(asked(empty_record)) == first + second


@pytest.mark.django_db
def test_another_person_or_an_edit_in_between_starts_a_new_sitting(
    empty_record: CaseRecord, organization: Organization, attorney: Client, client_for: Callable[..., Client]
) -> None:
    given = len(answer(attorney, empty_record))
    screener = client_for(organization, Role.SCREENER)
    given += len(answer(screener, empty_record))  # another person: a version of their own
    given += len(answer(attorney, empty_record))  # back to the first: the screener's version stays theirs
    assert [number for number, _, _ in versions(empty_record)] == [1, 2, 3, 4]
    record = CaseRecord.objects.get(pk=empty_record.pk)
    edited = attorney.post(
        f"/cases/{record.id}/edit/person/",
        {
            "version": record.version,
            "amended": record.amended,
            "person.given_name": "Odalys",
            "person.family_name": "Brisamar",
        },
    )
    assert edited.status_code == 302
    last = len(answer(attorney, empty_record))  # an edit came between: a new sitting
    assert versions(empty_record)[-2:] == [(5, Change.EDITED, 0), (6, Change.INTERVIEW, last)]
    assert [version for _, version, _ in sittings(empty_record)] == [2, 3, 4, 6]
    assert len(asked(empty_record)) == given + last


@pytest.mark.django_db
def test_an_answer_made_from_an_older_state_never_overwrites_a_newer_one(
    empty_record: CaseRecord, organization: Organization
) -> None:
    """Two tabs of the same person answer from the same state: the second answer is a version of its own,
    so the first stays in the history instead of being replaced unseen."""
    user = get_user_model().objects.create_user("invented-answerer", password="a long invented password 1")
    sitting = store.Sitting(dt.timedelta(minutes=30))
    first = store.save(
        empty_record,
        validate_case({**EMPTY, "notes": "Invented first"}),
        user,
        Change.INTERVIEW,
        sitting=sitting,
    )
    second = store.save(
        first, validate_case({**EMPTY, "notes": "Invented second"}), user, Change.INTERVIEW, sitting=sitting
    )
    assert (second.version, second.amended) == (2, 1)  # made from the state the first left: the same sitting
    stale = store.save(
        first, validate_case({**EMPTY, "notes": "Invented third"}), user, Change.INTERVIEW, sitting=sitting
    )
    assert (stale.version, stale.amended) == (3, 0)
    kept = {
        number: str(case_of(document).notes)
        for number, document in CaseVersion.objects.filter(case=empty_record).values_list(
            "number", "document"
        )
    }
    assert kept == {1: "None", 2: "Invented second", 3: "Invented third"}


def started_from(page: Any) -> dict[str, Any]:
    """The hidden state an editor's page says it started from."""
    form = page.context["editor"].head if "editor" in page.context else page.context["form"]
    return {"version": form["version"].value(), "amended": form["amended"].value()}


@pytest.mark.django_db
@pytest.mark.parametrize("editor", ["section", "document", "list"])
def test_an_editor_opened_before_an_answer_of_the_sitting_does_not_overwrite_it(
    editor: str, empty_record: CaseRecord, attorney: Client
) -> None:
    answer(attorney, empty_record)
    base = f"/cases/{empty_record.id}/edit/"
    path = {"section": f"{base}person/", "document": f"{base}document/", "list": f"{base}hearings/"}[editor]
    hidden = started_from(attorney.get(path))
    answered = answer(attorney, empty_record)  # the sitting goes on, in the same version
    data: dict[str, Any] = {
        "section": {**hidden, "person.given_name": "Odalys", "person.family_name": "Brisamar"},
        "document": {**hidden, "text": "withhold: case/1\nperson: {given_name: Odalys}\n"},
        "list": {**hidden, "count": 0, "none": "on", "action": "save"},
    }[editor]
    refused = attorney.post(path, data)
    assert refused.status_code == 200
    assert "Interview answers were added to this case (version 2)" in refused.content.decode()
    assert set(answered) <= set(asked(empty_record))  # the answers given meanwhile are still there
    fresh = started_from(attorney.get(path))
    assert fresh == {"version": 2, "amended": 1}
    assert attorney.post(path, {**data, **fresh}).status_code == 302  # started from the state now: saved


@pytest.mark.django_db
def test_each_saved_state_has_its_own_plan(empty_record: CaseRecord, attorney: Client) -> None:
    """The plan cache is keyed by the saved state, not the version alone: an answer added to the sitting's
    version is followed by the next question, not the one just answered."""
    plans.forget()
    first = answer(attorney, empty_record)
    second = answer(attorney, empty_record)
    third = answer(attorney, empty_record)
    assert len({tuple(first), tuple(second), tuple(third)}) == 3
    assert CaseRecord.objects.get(pk=empty_record.pk).version == 2


@pytest.mark.django_db
def test_a_docket_summary_made_before_an_answer_is_not_stored_over_it(empty_record: CaseRecord) -> None:
    """The docket makes a summary left for later from the state it read; an answer added to the same
    version meanwhile keeps the summary empty for its own state (not the older state's summary)."""
    user = get_user_model().objects.create_user("invented-answerer", password="a long invented password 1")
    sitting = store.Sitting(dt.timedelta(minutes=30))
    hearing = {"proceedings": {"hearings": [{"kind": "master", "date": "2027-01-05"}]}}
    read_by_docket = store.save(
        empty_record,
        validate_case({**EMPTY, "notes": "Invented"}),
        user,
        Change.INTERVIEW,
        summary_later=True,
        sitting=sitting,
    )
    store.save(
        read_by_docket,
        validate_case({**EMPTY, "notes": "Invented", **hearing}),
        user,
        Change.INTERVIEW,
        summary_later=True,
        sitting=sitting,
    )
    store.fresh_summary(read_by_docket)  # made from the state before the hearing was answered
    assert CaseRecord.objects.get(pk=empty_record.pk).summary == {}
    assert store.fresh_summary(CaseRecord.objects.get(pk=empty_record.pk))["hearings"] == ["2027-01-05"]
