"""Notes on a case: written by those who work on it, read by everyone who reads the case, newest first with
who and when; changed by the writer or an attorney, deleted by the writer or whoever may delete; bounded
in length; encrypted in the database; audited by the note's id only, never its words, and never logged.
Everyone here is invented."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from web_people import SECRET_WORDS

from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.audit.models import Action, AuditEntry
from withhold.web.cases.models import CaseRecord
from withhold.web.notes.models import Note

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
SECRET_NOTE = "Zephyrine Quixotelli says the Vexwood gang came back in March"


def logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    return client


@pytest.fixture
def people(member: Callable[..., Any], organization: Organization) -> dict[str, Any]:
    return {
        "attorney": member(organization, Role.ATTORNEY, "abogada-ondina"),
        "screener": member(organization, Role.SCREENER, "evaluador-tadeo"),
        "other_screener": member(organization, Role.SCREENER, "evaluadora-iris"),
        "viewer": member(organization, Role.VIEWER, "lector-bruno"),
        "admin": member(organization, Role.ADMIN, "admin-clara"),
    }


def add(client: Client, record: CaseRecord, text: str) -> Any:
    return client.post(f"/cases/{record.id}/notes/add/", {"text": text})


@pytest.mark.django_db
def test_a_screener_writes_a_note_and_everyone_sees_it_newest_first_with_who_and_when(
    record: CaseRecord, people: dict[str, Any]
) -> None:
    assert add(logged_in(people["screener"]), record, "First invented note").status_code == 302
    assert add(logged_in(people["attorney"]), record, "Second invented note").status_code == 302
    notes = list(Note.objects.filter(case=record))
    assert [n.text["text"] for n in notes] == ["Second invented note", "First invented note"]
    assert notes[1].created_by == people["screener"] and notes[1].username == "evaluador-tadeo"
    page = logged_in(people["viewer"]).get(f"/cases/{record.id}/")
    text = page.content.decode()
    assert text.index("Second invented note") < text.index("First invented note")
    assert "evaluador-tadeo, " in text and notes[1].created_at.strftime("%Y-%m-%d") in text
    assert f"/cases/{record.id}/notes/add/" not in text  # a viewer reads notes, cannot write


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["viewer", "admin"])
def test_a_viewer_or_an_administrator_cannot_write_change_or_delete(
    who: str, record: CaseRecord, people: dict[str, Any]
) -> None:
    add(logged_in(people["screener"]), record, "Invented note")
    note = Note.objects.get(case=record)
    client = logged_in(people[who])
    assert add(client, record, "Another").status_code == 403
    assert client.post(f"/cases/{record.id}/notes/{note.id}/edit/", {"text": "Changed"}).status_code == 403
    assert client.post(f"/cases/{record.id}/notes/{note.id}/delete/").status_code == 403
    note.refresh_from_db()
    assert note.text == {"text": "Invented note"} and Note.objects.filter(case=record).count() == 1


@pytest.mark.django_db
def test_the_writer_or_an_attorney_changes_a_note_another_screener_cannot(
    record: CaseRecord, people: dict[str, Any]
) -> None:
    add(logged_in(people["screener"]), record, "Invented note")
    note = Note.objects.get(case=record)
    url = f"/cases/{record.id}/notes/{note.id}/edit/"
    assert logged_in(people["other_screener"]).get(url).status_code == 403
    assert logged_in(people["other_screener"]).post(url, {"text": "Not theirs"}).status_code == 403
    assert logged_in(people["screener"]).post(url, {"text": "Changed by its writer"}).status_code == 302
    assert logged_in(people["attorney"]).post(url, {"text": "Changed by an attorney"}).status_code == 302
    note.refresh_from_db()
    assert note.text == {"text": "Changed by an attorney"}
    assert note.username == "evaluador-tadeo"  # still says who wrote it
    changes = AuditEntry.objects.filter(action=Action.NOTE_CHANGED).order_by("id")
    assert [(e.username, e.what) for e in changes] == [
        ("evaluador-tadeo", f"note:{note.id.hex[:16]}"),
        ("abogada-ondina", f"note:{note.id.hex[:16]}"),
    ]


@pytest.mark.django_db
def test_the_writer_or_whoever_may_delete_deletes_a_note_and_it_is_audited(
    record: CaseRecord, people: dict[str, Any]
) -> None:
    add(logged_in(people["screener"]), record, "First")
    add(logged_in(people["screener"]), record, "Second")
    first, second = Note.objects.filter(case=record).order_by("created_at")
    other = logged_in(people["other_screener"])
    assert other.post(f"/cases/{record.id}/notes/{first.id}/delete/").status_code == 403
    writer = logged_in(people["screener"])
    confirm = writer.get(f"/cases/{record.id}/notes/{first.id}/delete/")
    assert confirm.status_code == 200 and "Delete the note" in confirm.content.decode()
    assert writer.post(f"/cases/{record.id}/notes/{first.id}/delete/").status_code == 302
    attorney = logged_in(people["attorney"])
    assert attorney.post(f"/cases/{record.id}/notes/{second.id}/delete/").status_code == 302
    assert not Note.objects.filter(case=record).exists()
    deleted = AuditEntry.objects.filter(action=Action.NOTE_DELETED).order_by("id")
    assert [(e.username, e.what, e.case_id) for e in deleted] == [
        ("evaluador-tadeo", f"note:{first.id.hex[:16]}", record.id),
        ("abogada-ondina", f"note:{second.id.hex[:16]}", record.id),
    ]


@pytest.mark.django_db
def test_an_empty_or_too_long_note_is_refused_with_a_clear_error_and_nothing_saved(
    record: CaseRecord, attorney: Client
) -> None:
    empty = add(attorney, record, "   \n ")
    assert empty.status_code == 400
    assert empty.context["form"].errors["text"] == ["Write the note first."]
    huge = add(attorney, record, "a" * 20_001)
    assert huge.status_code == 400
    said = huge.context["form"].errors["text"][0]
    assert said == (
        "This note is 20,001 characters long; a note can have at most 20,000. Split it into two notes."
    )
    assert said in huge.content.decode()
    assert add(attorney, record, "a" * 20_000).status_code == 302  # the most is allowed
    assert Note.objects.filter(case=record).count() == 1
    note = Note.objects.get(case=record)
    too_long = attorney.post(f"/cases/{record.id}/notes/{note.id}/edit/", {"text": "b" * 20_001})
    assert too_long.status_code == 400
    note.refresh_from_db()
    assert note.text == {"text": "a" * 20_000}
    assert AuditEntry.objects.filter(action=Action.NOTE_ADDED).count() == 1
    assert not AuditEntry.objects.filter(action=Action.NOTE_CHANGED).exists()


@pytest.mark.django_db
def test_a_note_is_encrypted_in_the_database_and_never_in_the_audit_log_or_the_logs(
    record: CaseRecord, attorney: Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    add(attorney, record, SECRET_NOTE)
    note = Note.objects.get(case=record)
    attorney.post(f"/cases/{record.id}/notes/{note.id}/edit/", {"text": SECRET_NOTE + " again"})
    attorney.get(f"/cases/{record.id}/")
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM notes_note WHERE id = %s", [note.id.hex])
        (raw,) = cursor.fetchone()
    assert raw.startswith("gAAAAA")  # a Fernet token
    assert not [word for word in SECRET_WORDS if word in raw]
    for entry in AuditEntry.objects.all():
        assert not [word for word in SECRET_WORDS if word in f"{entry.what} {entry.username}"]
    attorney.post(f"/cases/{record.id}/notes/{note.id}/delete/")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert not [word for word in SECRET_WORDS if word in logged]


@pytest.mark.django_db
def test_another_organizations_note_is_not_found_through_ones_own_case(
    record: CaseRecord,
    make_case: Callable[..., CaseRecord],
    other_organization: Organization,
    client_for: Callable[..., Client],
    attorney: Client,
) -> None:
    add(attorney, record, SECRET_NOTE)
    note = Note.objects.get(case=record)
    theirs = make_case(other_organization)
    outsider = client_for(other_organization, Role.ATTORNEY)
    for action in ("edit", "delete"):
        for method in ("get", "post"):
            response = getattr(outsider, method)(f"/cases/{theirs.id}/notes/{note.id}/{action}/")
            assert response.status_code == 404, (action, method)
            assert b"Vexwood" not in response.content
        response = outsider.post(f"/cases/{record.id}/notes/{note.id}/{action}/", {"text": "x"})
        assert response.status_code == 404
    assert outsider.post(f"/cases/{record.id}/notes/add/", {"text": "x"}).status_code == 404
    note.refresh_from_db()
    assert note.text == {"text": SECRET_NOTE}
    assert Note.objects.count() == 1


@pytest.mark.django_db
def test_the_audit_log_names_a_note_in_words(record: CaseRecord, attorney: Client) -> None:
    add(attorney, record, SECRET_NOTE)
    page = attorney.get("/audit/").content.decode()
    assert "wrote a note" in page and "A note" in page
    assert "Vexwood" not in page
