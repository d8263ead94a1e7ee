"""The team's side of the client intake links: making one (whoever may interview: :attr:`Can.INTERVIEW`)
and turning one off. The case page lists a case's links (``{% intake_links record %}``).

A link's token is made here and shown once, in the answer to the form that made it, never stored (only
its keyed digest) and never put in a session or a log; the page that shows it is not cached
(``no_store``), like every page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.accounts.views import qr_svg
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases.access import case_view
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord
from withhold.web.intake import tokens
from withhold.web.intake.forms import IntakeLinkForm, default_days
from withhold.web.intake.models import IntakeLink
from withhold.web.language import language_of
from withhold.web.texts import text as ui


def _initial_language(record: CaseRecord, reader: str) -> str:
    """The language the case's interview was held in, else the reader's."""
    held = case_of(record.document).interview.language
    return str(held or reader)


@case_view(Can.INTERVIEW)
def new_link(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    language = language_of(request)
    if request.method != "POST":
        initial = {"language": _initial_language(record, language), "days": default_days()}
        form = IntakeLinkForm(initial=initial, language=language)
        return render(request, "intake/new.html", {"record": record, "form": form})
    form = IntakeLinkForm(request.POST, language=language)
    if not form.is_valid():
        return render(request, "intake/new.html", {"record": record, "form": form}, status=422)
    token = tokens.new_secret()
    now = timezone.now()
    link = IntakeLink.objects.create(
        case=record,
        token_digest=tokens.link_digest(token),
        language=form.cleaned_data["language"],
        created_at=now,
        created_by=request.user,
        username=request.user.get_username(),
        expires_at=now + dt.timedelta(days=form.cleaned_data["days"]),
    )
    audit(request, membership.organization, Action.INTAKE_CREATED, record.id, intake_id=link.id)
    url = request.build_absolute_uri(reverse("intake:client", kwargs={"token": token}))
    context: dict[str, Any] = {
        "record": record,
        "link": link,
        "url": url,
        # Made here from the link and a fixed text (escaped): an image for a phone's camera, no script.
        "qr": mark_safe(qr_svg(url, ui("intake_links.qr", language))),
    }
    return render(request, "intake/created.html", context, status=201)


@case_view(Can.INTERVIEW)
@require_POST
def revoke_link(
    request: HttpRequest, membership: Membership, record: CaseRecord, link_id: Any
) -> HttpResponse:
    """Turns the link off for good (a new one can be made); the client's answers stay in the case."""
    link = IntakeLink.objects.filter(pk=link_id, case=record).first()
    if link is None:
        raise Http404
    language = language_of(request)
    turned = IntakeLink.objects.filter(pk=link.pk, revoked_at=None).update(
        revoked_at=timezone.now(), revoked_by=request.user.get_username()
    )
    if turned:
        audit(request, membership.organization, Action.INTAKE_REVOKED, record.id, intake_id=link.id)
        messages.success(request, ui("flash.intake_revoked", language))
    else:
        messages.info(request, ui("flash.intake_already_off", language))
    return redirect(reverse("cases:detail", kwargs={"case_id": record.id}) + "#intake")
