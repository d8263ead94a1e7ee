"""Notes on a case: written by those who work on it (:attr:`Can.WRITE`), read by everyone who reads the
case, newest first on the case page with who wrote each and when.

A note's text is encrypted in the database (the model's field) and goes nowhere else: not into the audit
log (its entries carry the note's opaque id, ``note:<16 hex digits>``, never the text), not into a log
line, not into a message. Its writer may change or delete it; an attorney may change it too
(:attr:`Can.EDIT`), and whoever may delete on the case (:attr:`Can.DELETE`) may delete it.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases.access import case_view
from withhold.web.cases.assignment import user_id_of
from withhold.web.cases.models import CaseRecord
from withhold.web.language import language_of
from withhold.web.notes.forms import NoteForm
from withhold.web.notes.models import Note
from withhold.web.texts import text as ui


def audit_code(note: Note) -> str:
    """The audit entry's ``what``: the note's opaque id (its first 16 hex digits), never its text."""
    return f"note:{note.id.hex[:16]}"


def text_of(note: Note) -> str:
    stored: Any = note.text
    return str(stored.get("text", "")) if isinstance(stored, dict) else ""


def may_change(membership: Membership, note: Note) -> bool:
    return note.created_by_id == user_id_of(membership) or membership.can(Can.EDIT)


def may_delete(membership: Membership, note: Note) -> bool:
    return note.created_by_id == user_id_of(membership) or membership.can(Can.DELETE)


def _note(record: CaseRecord, note_id: uuid.UUID) -> Note:
    """The case's note ``note_id``, looked up within the case only (another case's note is not found)."""
    try:
        return Note.objects.get(id=note_id, case=record)
    except Note.DoesNotExist:
        raise Http404 from None


def _back(record: CaseRecord) -> str:
    return f"{reverse('cases:detail', args=[record.id])}#notes"


@case_view(Can.WRITE)
def add(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    language = language_of(request)
    form = NoteForm(request.POST if request.method == "POST" else None, language=language)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():  # the note and its audit entry: both written, or neither
                note = Note.objects.create(
                    case=record,
                    text={"text": form.cleaned_data["text"]},
                    created_by=request.user,
                    username=request.user.get_username(),
                )
                audit(request, membership.organization, Action.NOTE_ADDED, record.id, what=audit_code(note))
            messages.success(request, ui("notes.added", language))
            return redirect(_back(record))
        return render(request, "notes/edit.html", {"record": record, "form": form, "note": None}, status=400)
    return render(request, "notes/edit.html", {"record": record, "form": form, "note": None})


@case_view(Can.WRITE)
def edit(
    request: HttpRequest, membership: Membership, record: CaseRecord, note_id: uuid.UUID
) -> HttpResponse:
    note = _note(record, note_id)
    if not may_change(membership, note):
        raise PermissionDenied
    language = language_of(request)
    if request.method == "POST":
        form = NoteForm(request.POST, language=language)
        if form.is_valid():
            if form.cleaned_data["text"] != text_of(note):
                with transaction.atomic():
                    note.text = {"text": form.cleaned_data["text"]}
                    note.save(update_fields=["text", "updated_at"])
                    audit(
                        request,
                        membership.organization,
                        Action.NOTE_CHANGED,
                        record.id,
                        what=audit_code(note),
                    )
                messages.success(request, ui("notes.changed", language))
            return redirect(_back(record))
        return render(request, "notes/edit.html", {"record": record, "form": form, "note": note}, status=400)
    form = NoteForm(initial={"text": text_of(note)}, language=language)
    return render(request, "notes/edit.html", {"record": record, "form": form, "note": note})


@case_view(Can.WRITE)
def delete(
    request: HttpRequest, membership: Membership, record: CaseRecord, note_id: uuid.UUID
) -> HttpResponse:
    note = _note(record, note_id)
    if not may_delete(membership, note):
        raise PermissionDenied
    if request.method == "POST":
        code = audit_code(note)
        with transaction.atomic():
            note.delete()
            audit(request, membership.organization, Action.NOTE_DELETED, record.id, what=code)
        messages.success(request, ui("notes.deleted", language_of(request)))
        return redirect(_back(record))
    return render(request, "notes/delete.html", {"record": record, "note": note, "text": text_of(note)})
