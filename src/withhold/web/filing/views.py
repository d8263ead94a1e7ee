"""The filing package page of a case, where its build stands, and the download of each part.

Everyone who may see the case sees the page (what was built, its index and notes); building and
downloading need the export permission, as the filled I-589 does: the package is the whole application.
Each download is audited like a report's.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from withhold.filing.caption import caption_of
from withhold.filing.texts import filing_texts
from withhold.language import Language
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.builds import store
from withhold.web.builds.models import Build, BuiltPart, Kind, State
from withhold.web.cases.access import case_view
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord
from withhold.web.cases.store import today
from withhold.web.cases.views.downloads import attachment
from withhold.web.evidence.models import EvidenceDocument
from withhold.web.filing.building import I589, I589_TITLE, blank_form, candidates, current_key
from withhold.web.filing.forms import Choice, PackageForm
from withhold.web.language import language_of
from withhold.web.texts import text as ui


def _choices(
    record: CaseRecord, language: Language
) -> tuple[list[Choice], list[EvidenceDocument], str, bool]:
    """The documents that can be chosen, every document, the package's current key, and whether the
    organization keeps a blank I-589."""
    offered, every = candidates(record)
    blank = blank_form(record)
    translated = {document.translation_of_id for document in every if document.translation_of_id}
    choices = [Choice(I589, I589_TITLE, ui("filing.i589_about", language))] if blank is not None else []
    for document in offered:
        about = (
            ui("filing.pages", language, n=document.pages)
            if document.pages != 1
            else ui("filing.page_one", language)
        )
        if document.id in translated:
            about += " · " + ui("filing.with_translation", language)
        elif document.needs_translation:
            about += " · " + ui("filing.needs_translation", language)
        choices.append(Choice(str(document.id), document.title or document.filename or "", about))
    return choices, every, current_key(record, every, blank), blank is not None


def _server(record: CaseRecord) -> str:
    """Who serves DHS unless the form names another: who files (as ``withhold package`` does)."""
    caption = caption_of(case_of(record.document), today(), title="")
    return caption.filed_by.name if caption.filed_by else (caption.respondents or ("",))[0]


def _initial(last: Build | None, choices: list[Choice]) -> dict[str, Any]:
    """The form as it was for the last build (its documents, order and titles, its service), so a
    rebuild after a change starts from it; the first time, every document is chosen in upload order."""
    if last is None:
        return {f"use_{choice.id}": True for choice in choices}
    asked = last.request
    initial: dict[str, Any] = {"judge": asked.get("judge", ""), "title": asked.get("title", "")}
    for position, chosen in enumerate(asked.get("documents", []), start=1):
        initial |= {
            f"use_{chosen['id']}": True,
            f"order_{chosen['id']}": position,
            f"title_{chosen['id']}": chosen["title"],
        }
    service = asked.get("service")
    if service:
        initial |= {
            "served_on": service["served_on"],
            "method": service["method"],
            "served_by": service["served_by"],
            "dhs_address": service["address"],
        }
    return initial


def state_context(record: CaseRecord, key: str, language: Language) -> dict[str, Any]:
    """What the page shows of the builds: the newest one if it is not the ready one (waiting, being
    built, or failed), and the newest ready package with its parts, index and notes."""
    latest = store.latest(record, Kind.PACKAGE)
    ready = store.ready(record, Kind.PACKAGE)
    result = ready.result if ready is not None else None
    problem = latest is not None and latest.state == State.FAILED
    return {
        "record": record,
        "latest": latest if latest is not None and latest != ready else None,
        "slow": latest is not None and store.waiting_long(latest),
        "problem_documents": (latest.result or {}).get("documents", []) if problem and latest else [],
        "ready": ready,
        "current": ready is not None and ready.key == key,
        "parts": list(BuiltPart.objects.filter(build=ready).defer("pdf")) if ready is not None else [],
        "index": (result or {}).get("index", []),
        "notes": (result or {}).get("notes", []),
        "left_out": (result or {}).get("left_out", []),
        "progress_url": reverse("filing:progress", args=[record.id]),
    }


@case_view(Can.VIEW)
def package(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    language = language_of(request)
    choices, every, key, has_blank = _choices(record, language)
    may_build = membership.can(Can.EXPORT)
    server = _server(record)
    if request.method == "POST":
        if not may_build:
            raise PermissionDenied
        form = PackageForm(request.POST, choices=choices, language=language, server=server)
        if form.is_valid():
            store.start(
                record,
                Kind.PACKAGE,
                key,
                {
                    "document": record.document,
                    "today": today().isoformat(),
                    "documents": form.chosen(),
                    "judge": " ".join(form.cleaned_data["judge"].split()),
                    "title": " ".join(form.cleaned_data["title"].split()),
                    "service": form.service(),
                    "leave_out": bool(form.cleaned_data["leave_out"]),
                },
                request.user,
            )
            return redirect(reverse("filing:package", args=[record.id]) + "#package-state")
    else:
        last = store.latest(record, Kind.PACKAGE)
        initial = _initial(last, choices)
        # The documents listed in the order last chosen; the others after them, as uploaded.
        after = len(choices) + 1  # outside the key: a list being sorted is empty to its key function
        choices.sort(key=lambda choice: initial.get(f"order_{choice.id}") or after)
        form = PackageForm(initial=initial, choices=choices, language=language, server=server)
    context = state_context(record, key, language) | {
        "form": form,
        "rows": form.rows(),
        "may_build": may_build,
        "has_blank": has_blank,
        "documents": len(every),
        "server": server,
        "default_title": filing_texts()["default_title"],
    }
    return render(request, "filing/package.html", context)


@case_view(Can.VIEW)
def progress(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    """Where the package's build stands (the page polls this every two seconds while it runs)."""
    language = language_of(request)
    _, _, key, _ = _choices(record, language)
    context = state_context(record, key, language) | {"may_build": membership.can(Can.EXPORT)}
    return render(request, "filing/_state.html", context)


@case_view(Can.EXPORT)
def part(request: HttpRequest, membership: Membership, record: CaseRecord, number: int) -> HttpResponse:
    ready = store.ready(record, Kind.PACKAGE)
    if ready is None:
        raise Http404
    try:
        found = BuiltPart.objects.get(build=ready, number=number)
    except BuiltPart.DoesNotExist:
        raise Http404 from None
    parts = BuiltPart.objects.filter(build=ready).count()
    audit(
        request,
        membership.organization,
        Action.DOWNLOADED,
        record.id,
        version=ready.version,
        what=f"package:{number}",
    )
    name = f"case-{record.number}-filing" + (f"_Part{number}" if parts > 1 else "")
    return attachment(found.pdf, "application/pdf", f"{name}.pdf")
