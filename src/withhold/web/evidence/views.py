"""The evidence page of a case: its documents, the checklist with what is on file and what is missing, and
an upload of several files at once; a document viewed in the browser or downloaded, what it says changed,
or deleted after a confirmation.

Who may do what follows the case page's roles: everyone who reads the case reads its documents (as they
read its reports); those who gather the case's evidence (:attr:`Can.KEEP_EVIDENCE`) upload and describe
them; deleting one is for those who may delete (:attr:`Can.DELETE`). Each is audited with the document's
opaque id (``evidence:<id>``), never its title or its file's name (8 CFR 1208.6). A file that cannot be
kept is named with what is wrong with it; nothing is kept of it, and the other files of the same upload are
kept.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from withhold.filing.documents import DocumentError
from withhold.language import Language
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases.access import case_view
from withhold.web.cases.models import CaseRecord
from withhold.web.evidence import languages
from withhold.web.evidence.checklist import checklist_of, item_rows
from withhold.web.evidence.documents import (
    TooLargeError,
    as_filing_document,
    document_bytes,
    documents_of,
    keep,
    most_bytes,
    translation_of,
)
from withhold.web.evidence.forms import MOST_FILES, EvidenceForm, UploadRows, item_choices
from withhold.web.evidence.models import EvidenceDocument, Kind
from withhold.web.evidence.problems import problem_words
from withhold.web.language import language_of
from withhold.web.texts import text as ui


def audit_code(document: EvidenceDocument | uuid.UUID) -> str:
    """The audit entry's ``what``: the document's opaque id (its first 16 hex digits), never its title."""
    key = document.id if isinstance(document, EvidenceDocument) else document
    return f"evidence:{key.hex[:16]}"


@dataclass(frozen=True)
class Row:
    """One document as the list shows it."""

    document: EvidenceDocument
    items: tuple[str, ...]
    """The checklist items it serves, by their short names."""
    language: str
    """Its language by name in the reader's language ("" when not said)."""
    translation: EvidenceDocument | None
    """Its English translation, when one is on file."""
    translates: EvidenceDocument | None
    """The document it is the English translation of."""

    @property
    def translation_status(self) -> str:
        """``is_translation``, ``translated``, ``needed``, ``not_needed`` or ``unknown`` (no language said)."""
        if self.translates is not None:
            return "is_translation"
        if self.translation is not None:
            return "translated"
        needs = self.document.needs_translation
        return "unknown" if needs is None else ("needed" if needs else "not_needed")


def rows(documents: list[EvidenceDocument], language: Language) -> list[Row]:
    by_id = {document.id: document for document in documents}
    return [
        Row(
            document,
            tuple(ui(f"evidence_item.{item}", language) for item in document.items if _known_item(item)),
            languages.name(document.language, language) if document.language else "",
            translation_of(document, documents),
            by_id.get(document.translation_of_id) if document.translation_of_id else None,
        )
        for document in documents
    ]


def _known_item(item: str) -> bool:
    from withhold.preparation.evidence import ITEM_IDS

    return item in ITEM_IDS


def _document(record: CaseRecord, doc_id: uuid.UUID) -> EvidenceDocument:
    """The case's document ``doc_id``: looked up within the case and its organization only (another case's
    document is "not found", like another organization's case)."""
    try:
        return EvidenceDocument.objects.get(id=doc_id, case=record, organization=record.organization)
    except EvidenceDocument.DoesNotExist:
        raise Http404 from None


def _page(
    request: HttpRequest, membership: Membership, record: CaseRecord, formset: Any = None, status: int = 200
) -> HttpResponse:
    language = language_of(request)
    documents = documents_of(record)
    found = checklist_of(record)
    if formset is None and membership.can(Can.KEEP_EVIDENCE):
        formset = _rows(None, None, record, documents, found.ids, language)
    context = {
        "record": record,
        "rows": rows(documents, language),
        "items": item_rows(found, documents, language),
        "formset": formset,
        "most_mb": most_bytes() // 2**20,
        "most_files": MOST_FILES,
        "all_mb": settings.WITHHOLD_EVIDENCE_MAX_REQUEST_BYTES // 2**20,
    }
    return render(request, "evidence/page.html", context, status=status)


def _rows(
    data: Any,
    files: Any,
    record: CaseRecord,
    documents: list[EvidenceDocument],
    checklist_ids: tuple[str, ...],
    language: Language,
    initial: list[dict[str, Any]] | None = None,
) -> Any:
    kwargs = {
        "items": item_choices(checklist_ids, language),
        "case_items": checklist_ids,
        "others": documents,
        "language": language,
    }
    return UploadRows(data, files, prefix="doc", form_kwargs=kwargs, initial=initial)


@case_view(Can.VIEW)
def evidence_page(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    return _page(request, membership, record)


@case_view(Can.KEEP_EVIDENCE)
def upload(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    """Keep every file of the form that can be kept; name each that cannot, with what is wrong with it."""
    if request.method != "POST":
        return _page(request, membership, record)
    language = language_of(request)
    documents = documents_of(record)
    checklist_ids = checklist_of(record).ids
    formset = _rows(request.POST, request.FILES, record, documents, checklist_ids, language)
    try:
        forms = list(formset.forms)
    except ValidationError:  # the form's own bookkeeping is missing or tampered with
        forms = []
    if not forms or not formset.management_form.is_valid():
        messages.error(request, ui("evidence_docs.form_incomplete", language))
        return _page(request, membership, record, status=400)
    kept, failed = 0, []
    retry: list[dict[str, Any]] = []
    chosen = 0
    for form in forms:
        upload = request.FILES.get(form.add_prefix("file"))
        if upload is None:
            continue
        chosen += 1
        name = str(upload.name or "")[:200]
        valid = form.is_valid()
        try:
            # What the file itself says first (the form calls an empty file a field to change).
            if not upload.size:
                raise DocumentError(name, "the file is empty")
            if upload.size > most_bytes():
                raise TooLargeError(name, upload.size, most_bytes())
            if not valid:
                failed.append(ui("evidence_docs.not_kept_fields", language, name=name))
                retry.append(_again(form))
                continue
            data = upload.read()
            with transaction.atomic():
                document = keep(
                    record,
                    name,
                    data,
                    form.metadata(name),
                    user=request.user,
                    translation_of=form.translated(),
                )
                audit(
                    request,
                    membership.organization,
                    Action.CREATED,
                    record.id,
                    version=record.version,
                    what=audit_code(document),
                )
        except DocumentError as error:
            failed.append(
                ui("evidence_docs.not_kept", language, name=name, problem=problem_words(error, language))
            )
            retry.append(_again(form))
            continue
        kept += 1
    if chosen == 0:
        messages.error(request, ui("evidence_docs.no_file", language))
        return _page(request, membership, record, status=422)
    if kept:
        messages.success(
            request,
            ui("evidence_docs.kept_one", language)
            if kept == 1
            else ui("evidence_docs.kept_n", language, n=kept),
        )
    if not failed:
        return redirect("evidence:page", case_id=record.id)
    for message in failed:
        messages.error(request, message)
    documents = documents_of(record)
    again = _rows(None, None, record, documents, checklist_ids, language, initial=retry)
    return _page(request, membership, record, again, status=422)


def _again(form: EvidenceForm) -> dict[str, Any]:
    """What a row said, to show it again (without its file, which a browser never lets a page fill in)."""
    data = getattr(form, "cleaned_data", None) or {}
    fields = ("title", "items", "language", "no_translation", "translation_of")
    named = ("translator_name", "translator_address", "translator_phone")
    return {name: data.get(name) for name in (*fields, *named) if data.get(name)}


def _file_name(record: CaseRecord, document: EvidenceDocument, extension: str) -> str:
    # The case by its number and the document by its opaque id: a title in a download folder is a disclosure.
    return f"case-{record.number}-evidence-{document.id.hex[:8]}.{extension}"


@case_view(Can.VIEW)
def view(request: HttpRequest, membership: Membership, record: CaseRecord, doc_id: uuid.UUID) -> HttpResponse:
    """The document in the browser. A HEIC photo, which browsers do not show, is shown as its page (PDF)."""
    document = _document(record, doc_id)
    if document.kind == Kind.HEIC:
        data, content_type, extension = as_filing_document(document).pdf, "application/pdf", "pdf"
    else:
        data, content_type, extension = document_bytes(document), document.content_type, document.extension
    audit(request, membership.organization, Action.VIEWED, record.id, what=audit_code(document))
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{_file_name(record, document, extension)}"'
    response["X-Content-Type-Options"] = "nosniff"
    # The browser's own PDF viewer is an embedded object of the page it makes for the file.
    response._csp_replace = {"object-src": ["'self'"]}  # type: ignore[attr-defined]
    return response


@case_view(Can.VIEW)
def download(
    request: HttpRequest, membership: Membership, record: CaseRecord, doc_id: uuid.UUID
) -> HttpResponse:
    """The document's file as it was uploaded."""
    document = _document(record, doc_id)
    data = document_bytes(document)
    audit(request, membership.organization, Action.DOWNLOADED, record.id, what=audit_code(document))
    response = HttpResponse(data, content_type=document.content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{_file_name(record, document, document.extension)}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@case_view(Can.KEEP_EVIDENCE)
def edit(request: HttpRequest, membership: Membership, record: CaseRecord, doc_id: uuid.UUID) -> HttpResponse:
    """Change what a kept document says (its file stays as it is)."""
    document = _document(record, doc_id)
    language = language_of(request)
    others = [other for other in documents_of(record) if other.id != document.id]
    case_items = checklist_of(record).ids
    kwargs: dict[str, Any] = {
        "items": item_choices(case_items, language),
        "case_items": case_items,
        "others": others,
        "language": language,
    }
    form = EvidenceForm(
        request.POST if request.method == "POST" else None,
        initial=EvidenceForm.initial_of(document),
        **kwargs,
    )
    if request.method == "POST" and form.is_valid():
        document.metadata = {**form.metadata(), "filename": document.filename}
        document.translation_of = form.translated()
        with transaction.atomic():
            document.save(update_fields=["metadata", "translation_of"])
            audit(
                request,
                membership.organization,
                Action.CHANGED,
                record.id,
                version=record.version,
                what=audit_code(document),
            )
        messages.success(request, ui("evidence_docs.saved", language))
        return redirect("evidence:page", case_id=record.id)
    status = 422 if request.method == "POST" else 200
    return render(
        request, "evidence/edit.html", {"record": record, "document": document, "form": form}, status=status
    )


@case_view(Can.DELETE)
def delete(
    request: HttpRequest, membership: Membership, record: CaseRecord, doc_id: uuid.UUID
) -> HttpResponse:
    """Delete a document after a confirmation; its stored file goes with it."""
    document = _document(record, doc_id)
    if request.method == "POST":
        code = audit_code(document)
        with transaction.atomic():  # the deletion and its audit entry: both written, or neither
            document.delete()
            audit(
                request, membership.organization, Action.DELETED, record.id, version=record.version, what=code
            )
        messages.success(request, ui("evidence_docs.deleted", language_of(request)))
        return redirect("evidence:page", case_id=record.id)
    translations = EvidenceDocument.objects.filter(translation_of=document, case=record).count()
    return render(
        request,
        "evidence/delete.html",
        {"record": record, "document": document, "translations": translations},
    )
