"""Editing a case's facts: one section or one list (hearings, convictions...) at a time in a structured
form, or the whole case file as YAML.

Both validate with the core's loader and show its issues by field; nothing is saved until the whole
document is valid, and what was typed is shown again, never lost. Each save is a new version. A save
started from an older state than the current one is refused (someone else saved in between, or an
interview sitting added answers to the version), with the typed values kept on the page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from withhold.facts.case import Case
from withhold.facts.loading import CaseFileError
from withhold.language import Language
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases import store
from withhold.web.cases.access import case_view
from withhold.web.cases.documents import parse, to_yaml
from withhold.web.cases.forms import DocumentForm
from withhold.web.cases.lists import ListEditor, contents, count_words, lists, lists_of
from withhold.web.cases.models import CaseRecord, Change
from withhold.web.cases.sections import Section, SectionForm, apply, initial, sections, validated
from withhold.web.language import language_of
from withhold.web.texts import text as ui


@case_view(Can.EDIT)
def edit_overview(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    language = language_of(request)
    parts = [
        (section, [(listed, count_words(listed, record.document, language)) for listed in own])
        for section, own in contents()
    ]
    return render(request, "cases/edit.html", {"record": record, "parts": parts})


def _section_page(
    request: HttpRequest, record: CaseRecord, chosen: Section, form: SectionForm
) -> HttpResponse:
    language = language_of(request)
    own = [(listed, count_words(listed, record.document, language)) for listed in lists_of(chosen.name)]
    return render(
        request, "cases/edit_section.html", {"record": record, "section": chosen, "form": form, "lists": own}
    )


@case_view(Can.EDIT)
def edit_section(
    request: HttpRequest, membership: Membership, record: CaseRecord, section: str
) -> HttpResponse:
    if section in lists():
        return _edit_list(request, membership, record, section)
    chosen = sections().get(section)
    if chosen is None:
        raise Http404
    language = language_of(request)
    if request.method != "POST":
        form = SectionForm(
            chosen, initial=initial(chosen, record.document, store.stamp(record)), language=language
        )
        return _section_page(request, record, chosen, form)
    form = SectionForm(chosen, request.POST, language=language)
    if form.is_valid():
        if conflict := _conflict(record, form.started(), language):
            form.add_error(None, conflict)
        else:
            document = apply(chosen, record.document, form.cleaned_data)
            try:
                case = validated(document)
            except CaseFileError as error:
                _issues_to_fields(form, error)
            else:
                title = ui(f"section.{chosen.name}", language)
                return _save(
                    request,
                    membership,
                    record,
                    case,
                    f"section:{section}",
                    "flash.section_saved",
                    section=title,
                )
    return _section_page(request, record, chosen, form)


def _edit_list(request: HttpRequest, membership: Membership, record: CaseRecord, name: str) -> HttpResponse:
    """One list (at a section's address: ``edit/convictions/``), every item a fieldset. Add, remove (a mark
    until saved) and move re-render the page with the typed values kept; only "Save" checks and saves, the
    whole list at once or nothing."""
    listed = lists()[name]
    language = language_of(request)
    if request.method != "POST":
        editor = ListEditor.of(listed, record.document, store.stamp(record), language)
        return _list_page(request, record, editor)
    editor, action = ListEditor.posted(listed, request.POST, language)
    if action != "save":
        return _list_page(request, record, editor.changed(action))
    if editor.is_valid():
        if conflict := _conflict(record, editor.head.started(), language):
            editor.head.add_error(None, conflict)
        elif (document := editor.applied(record.document)) is not None:
            try:
                case = validated(document)
            except CaseFileError as error:
                editor.place(error)
            else:
                return _save(
                    request,
                    membership,
                    record,
                    case,
                    f"list:{name}",
                    "flash.section_saved",
                    section=editor.title,
                )
    return _list_page(request, record, editor)


def _list_page(request: HttpRequest, record: CaseRecord, editor: ListEditor) -> HttpResponse:
    section = sections().get(editor.listed.section)
    context = {"record": record, "editor": editor, "listed": editor.listed, "section": section}
    return render(request, "cases/edit_list.html", context)


def _save(
    request: HttpRequest,
    membership: Membership,
    record: CaseRecord,
    case: Case,
    what: str,
    saved_text: str,
    **values: object,
) -> HttpResponse:
    """Save the edited case as the next version, with its audit entry in the same transaction (both are
    written, or neither); say so, or that nothing changed, on the case page."""
    language = language_of(request)

    def audited(saved: CaseRecord) -> None:
        if saved.version != record.version:
            audit(
                request, membership.organization, Action.CHANGED, record.id, version=saved.version, what=what
            )

    saved = store.save(record, case, request.user, Change.EDITED, then=audited)
    if saved.version != record.version:
        messages.success(request, ui(saved_text, language, n=saved.version, **values))
    else:
        messages.info(request, ui("flash.nothing_changed", language))
    return redirect("cases:detail", case_id=record.id)


def _conflict(record: CaseRecord, started: tuple[int, int], language: Language) -> str:
    """Why a save started from ``started`` would overwrite what was saved since (empty: it would not).
    Answers an interview sitting added to the same version count: an editor never drops them unseen."""
    if started == store.stamp(record):
        return ""
    if started[0] == record.version:
        return ui("invalid.conflict_answers", language, n=record.version)
    return ui("invalid.conflict", language, n=record.version, number=started[0])


def _issues_to_fields(form: Any, error: CaseFileError) -> None:
    for issue in error.issues:
        if issue.path in form.fields:
            form.add_error(issue.path, issue.message)
        else:
            form.add_error(None, str(issue))


@case_view(Can.EDIT)
def edit_document(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    issues: tuple[Any, ...] = ()
    conflict = ""
    language = language_of(request)
    if request.method != "POST":
        version, amended = store.stamp(record)
        initial = {"text": to_yaml(record.document), "version": version, "amended": amended}
        form = DocumentForm(initial=initial)
    else:
        form = DocumentForm(request.POST)
        if form.is_valid():
            try:
                case = parse(form.cleaned_data["text"], "yaml")
            except CaseFileError as error:
                issues = error.issues
            else:
                conflict = _conflict(record, form.started(), language)
                if not conflict:
                    return _save(request, membership, record, case, "document", "flash.document_saved")
    return render(
        request,
        "cases/edit_document.html",
        {"record": record, "form": form, "issues": issues, "conflict": conflict},
    )
