"""A case's life in the docket: created by hand or from a file, its workflow status changed, deleted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from withhold.facts.loading import CaseFileError, CaseIssue
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases import store
from withhold.web.cases.access import case_view, member_view
from withhold.web.cases.documents import case_of, parse, syntax_of
from withhold.web.cases.forms import ImportForm, NewCaseForm
from withhold.web.cases.models import CaseRecord, Change, Workflow
from withhold.web.language import language_of
from withhold.web.texts import text as ui


def _audited(request: HttpRequest, action: Action) -> Callable[[CaseRecord], object]:
    """The audit entry of a new case, written in the transaction that creates it."""
    return lambda record: audit(request, record.organization, action, record.id, version=1)


@member_view(Can.CREATE)
def new_case(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = NewCaseForm(request.POST or None)
    issues: tuple[CaseIssue, ...] = ()
    if request.method == "POST" and form.is_valid():
        person = {key: value.strip() for key, value in form.cleaned_data.items() if value.strip()}
        document: dict[str, Any] = {"withhold": "case/1"}
        if person:
            document["person"] = person
        try:
            case = case_of(document)
        except CaseFileError as error:
            issues = error.issues
        else:
            record = store.create(
                membership.organization, case, request.user, then=_audited(request, Action.CREATED)
            )
            if request.POST.get("then") == "interview" and membership.can(Can.INTERVIEW):
                return redirect("interviews:question", case_id=record.id)
            return redirect("cases:detail", case_id=record.id)
    return render(request, "cases/new.html", {"form": form, "issues": issues})


@member_view(Can.CREATE)
def import_case(request: HttpRequest, membership: Membership) -> HttpResponse:
    language = language_of(request)
    form = ImportForm(request.POST or None, request.FILES or None, language=language)
    issues: tuple[CaseIssue, ...] = ()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        try:
            if upload is not None:
                text = upload.read().decode("utf-8")
                syntax = syntax_of(upload.name or "")
            else:
                text, syntax = form.cleaned_data["text"], None
            case = parse(text, syntax)
        except UnicodeDecodeError:
            issues = (CaseIssue("", "the file is not UTF-8 text"),)
        except CaseFileError as error:
            issues = error.issues
        else:
            audited = _audited(request, Action.IMPORTED)
            record = store.create(membership.organization, case, request.user, Change.IMPORTED, then=audited)
            messages.success(request, ui("flash.imported", language, n=record.number))
            return redirect("cases:detail", case_id=record.id)
    return render(request, "cases/import.html", {"form": form, "issues": issues})


@case_view(Can.EDIT)
@require_POST
def change_workflow(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    chosen = request.POST.get("workflow", "")
    if chosen in Workflow.values and chosen != record.workflow:
        record.workflow = chosen
        with transaction.atomic():  # the change and its audit entry: both written, or neither
            record.save(update_fields=["workflow", "updated_at"])
            audit(
                request,
                membership.organization,
                Action.CHANGED,
                record.id,
                version=record.version,
                what=f"workflow:{chosen}",
            )
        language = language_of(request)
        status = ui(f"workflow.{chosen}", language).lower()
        messages.success(request, ui("flash.workflow", language, n=record.number, status=status))
    return redirect("cases:detail", case_id=record.id)


@case_view(Can.DELETE)
def delete_case(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    if request.method == "POST" and request.POST.get("confirm") == str(record.number):
        case_id, number = record.id, record.number
        with transaction.atomic():  # the deletion and its audit entry: both written, or neither
            record.delete()  # its versions and search digests go with it
            audit(request, membership.organization, Action.DELETED, case_id)
        messages.success(request, ui("flash.deleted", language_of(request), n=number))
        return redirect("cases:docket")
    failed = request.method == "POST"
    return render(request, "cases/delete.html", {"record": record, "failed": failed})
