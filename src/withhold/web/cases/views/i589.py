"""Form I-589 filled from a case (:func:`withhold.forms.fill_i589`), and the questions it leaves unanswered.

The blank form is USCIS's own PDF, which Withhold does not ship. An administrator or an attorney keeps it
once for the organization (:class:`BlankForm`: a public document, not case data, so stored plain, its
edition checked when it comes); then anyone with the export permission fills a case's form with one click.
A blank form can still be uploaded for one download only; nothing uploaded that way is kept.

Before the download the page lists the questions the form will leave unanswered, by part and line as the
CLI lists them (:func:`withhold.forms.outstanding_i589`, for the kept form's edition or else the newest
one): the list the filled form gives, computed from the edition's field map without the PDF. The filled
form is the whole application, so it needs the export permission.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from django import forms
from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from withhold.forms import (
    FormError,
    Outstanding,
    Unanswered,
    UnknownEditionError,
    check_i589,
    fill_i589,
    known_editions,
    outstanding_i589,
)
from withhold.language import Language
from withhold.web.accounts.models import Membership, Organization
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases.access import case_view, member_view
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import BlankForm, CaseRecord
from withhold.web.cases.store import today
from withhold.web.cases.summary import as_of_for
from withhold.web.cases.views.downloads import attachment
from withhold.web.language import language_of
from withhold.web.texts import text as ui

MAX_FORM_BYTES = 20_000_000
PARTS = {
    "A.I": "i589.part_a_i",
    "A.II": "i589.part_a_ii",
    "A.III": "i589.part_a_iii",
    "B": "i589.part_b",
    "C": "i589.part_c",
    "D": "i589.part_d",
    "E": "i589.part_e",
}


class BlankFormForm(forms.Form):
    blank = forms.FileField(
        label="The blank Form I-589 (PDF from uscis.gov/i-589)",
        help_text="Its edition is read from it. Withhold fills the editions it has a map for.",
    )
    keep = forms.BooleanField(
        label="Also keep this form for the organization (it replaces the kept one)", required=False
    )


# --- the kept form -----------------------------------------------------------------------------------


def kept_form(organization: Organization) -> BlankForm | None:
    """The organization's kept I-589, without its PDF (read only to fill)."""
    kept = BlankForm.objects.filter(organization=organization, form=BlankForm.Kind.I589)
    return kept.defer("pdf").first()


def _error(error: FormError, language: Language) -> str:
    if isinstance(error, UnknownEditionError):
        return ui("invalid.i589_edition", language, date=error.edition, of=", ".join(error.known))
    return str(error)


def _read(form: BlankFormForm, language: Language) -> bytes | None:
    """The uploaded blank form's bytes, or None with the reason on the field."""
    upload: UploadedFile = form.cleaned_data["blank"]
    if upload.size is not None and upload.size > MAX_FORM_BYTES:
        form.add_error("blank", ui("invalid.i589_too_large", language))
        return None
    return bytes(upload.read())


def _keep(request: HttpRequest, membership: Membership, form: BlankFormForm, pdf: bytes) -> BlankForm | None:
    """Keep ``pdf`` as the organization's I-589 (replacing the kept one), or None with the reason on the
    field. Its edition is checked now, so the kept form fills every case later."""
    language = language_of(request)
    try:
        edition = check_i589(pdf)
    except FormError as error:
        form.add_error("blank", _error(error, language))
        return None
    organization = membership.organization
    with transaction.atomic():
        kept, _ = BlankForm.objects.update_or_create(
            organization=organization,
            form=BlankForm.Kind.I589,
            defaults={
                "pdf": pdf,
                "edition": edition,
                "uploaded_at": timezone.now(),
                "uploaded_by": request.user,
                "username": request.user.get_username(),
            },
        )
        audit(request, organization, Action.CHANGED, what="blank_form:i589")
    messages.success(request, ui("i589.kept_saved", language, date=edition))
    return kept


@member_view(Can.KEEP_FORMS)
def blank_i589(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The organization's kept blank I-589: see it, keep one, replace it."""
    form = BlankFormForm(request.POST or None, request.FILES or None)
    del form.fields["keep"]
    if request.method == "POST" and form.is_valid():
        pdf = _read(form, language_of(request))
        if pdf is not None and _keep(request, membership, form, pdf) is not None:
            return redirect("cases:blank_i589")
    return render(
        request, "cases/i589_blank.html", {"form": form, "kept": kept_form(membership.organization)}
    )


# --- a case's form -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    line: str
    items: tuple[Unanswered, ...]

    @property
    def numbered(self) -> bool:
        """``19.a`` is a line number; ``Spouse`` or ``Children`` is the form's own (English) word."""
        return self.items[0].number is not None


@dataclass(frozen=True)
class Part:
    part: str
    title: str
    """The key of its title in the web texts."""
    lines: tuple[Line, ...]


def by_part(unanswered: tuple[Unanswered, ...]) -> list[Part]:
    """The unanswered questions grouped by part, then line, in the order the core gives (the form's)."""
    return [
        Part(
            part,
            PARTS.get(part, "i589.part_other"),
            tuple(Line(line, tuple(items)) for line, items in groupby(in_part, key=lambda item: item.line)),
        )
        for part, in_part in groupby(unanswered, key=lambda item: item.part)
    ]


def _usable_edition(kept: BlankForm | None) -> str | None:
    """The kept form's edition when Withhold can still fill it (it has its map), else None."""
    return kept.edition if kept is not None and kept.edition in known_editions() else None


def _outstanding(record: CaseRecord, edition: str | None) -> Outstanding:
    """What ``edition`` of the form (None: the newest one mapped) leaves unanswered for the case."""
    case = case_of(record.document)
    return outstanding_i589(case, as_of_for(case, today()), edition)


def _filled(
    request: HttpRequest, membership: Membership, record: CaseRecord, pdf: bytes, what: str
) -> HttpResponse:
    """The filled form as a download (raises :class:`FormError` for a PDF that is not a fillable I-589)."""
    case = case_of(record.document)
    filled = fill_i589(case, pdf, as_of_for(case, today()))
    audit(request, membership.organization, Action.EXPORTED, record.id, version=record.version, what=what)
    return attachment(filled.pdf, "application/pdf", f"case-{record.number}-i589.pdf")


def _fill_kept(
    request: HttpRequest, membership: Membership, record: CaseRecord, kept: BlankForm | None
) -> HttpResponse | str:
    """The one click: the case's form filled from the organization's kept one, or why it cannot be. The
    kept form was looked up by the member's own organization, so no other organization's can be used."""
    language = language_of(request)
    if kept is None:
        return ui("i589.no_kept", language)
    pdf = BlankForm.objects.values_list("pdf", flat=True).get(
        pk=kept.pk, organization=membership.organization
    )
    try:
        return _filled(request, membership, record, bytes(pdf), "i589:kept")
    except FormError:
        return ui("i589.kept_unusable", language)


def _fill_once(
    request: HttpRequest, membership: Membership, record: CaseRecord, form: BlankFormForm
) -> HttpResponse | None:
    """The case's form filled from an uploaded one (kept too if asked), or None with the reason on the
    field."""
    language = language_of(request)
    pdf = _read(form, language)
    if pdf is None:
        return None
    if form.cleaned_data.get("keep") and _keep(request, membership, form, pdf) is None:
        return None
    try:
        return _filled(request, membership, record, pdf, "i589")
    except FormError as error:
        form.add_error("blank", _error(error, language))
        return None


@case_view(Can.EXPORT)
def i589(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    keeps = membership.can(Can.KEEP_FORMS)
    one_click = request.method == "POST" and request.POST.get("use") == "kept"
    form = BlankFormForm(*(() if one_click else (request.POST or None, request.FILES or None)))
    if not keeps:
        del form.fields["keep"]
    problem = ""
    kept = kept_form(membership.organization)
    if one_click:
        done = _fill_kept(request, membership, record, kept)
        if isinstance(done, HttpResponse):
            return done
        problem = done
    elif request.method == "POST" and form.is_valid():
        filled = _fill_once(request, membership, record, form)
        if filled is not None:
            return filled
        kept = kept_form(membership.organization)
    edition = _usable_edition(kept)
    outstanding = _outstanding(record, edition)
    return render(
        request,
        "cases/i589.html",
        {
            "record": record,
            "form": form,
            "kept": kept,
            "kept_usable": edition is not None,
            "problem": problem,
            "may_keep": keeps,
            "outstanding": outstanding,
            "parts": by_part(outstanding.unanswered),
            "if_any": any(item.if_any for item in outstanding.unanswered),
        },
    )
