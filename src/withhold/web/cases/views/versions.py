"""A case's versions: the list, one version as it was (its case file and its screening then), and restoring
one, which saves it again as the newest version."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from withhold.screening import screen
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases import store
from withhold.web.cases.access import case_view
from withhold.web.cases.documents import case_of, to_yaml
from withhold.web.cases.models import CaseRecord, CaseVersion
from withhold.web.cases.summary import as_of_for
from withhold.web.language import language_of
from withhold.web.texts import text as ui


@case_view(Can.VIEW)
def version_list(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    versions = CaseVersion.objects.filter(case=record).defer("document")
    return render(request, "cases/versions.html", {"record": record, "versions": versions})


@case_view(Can.VIEW)
def version_detail(
    request: HttpRequest, membership: Membership, record: CaseRecord, number: int
) -> HttpResponse:
    try:
        version = CaseVersion.objects.get(case=record, number=number)
    except CaseVersion.DoesNotExist:
        raise Http404 from None
    case = case_of(version.document)
    screening = screen(case, as_of_for(case, store.today()))
    audit(request, membership.organization, Action.VIEWED, record.id, version=number, what="version")
    return render(
        request,
        "cases/version.html",
        {"record": record, "version": version, "text": to_yaml(version.document), "screening": screening},
    )


@case_view(Can.RESTORE)
@require_POST
def version_restore(
    request: HttpRequest, membership: Membership, record: CaseRecord, number: int
) -> HttpResponse:
    if not CaseVersion.objects.filter(case=record, number=number).exists():
        raise Http404

    def audited(saved: CaseRecord) -> None:
        audit(
            request,
            membership.organization,
            Action.RESTORED,
            record.id,
            version=saved.version,
            what=f"from:{number}",
        )

    saved = store.restore(record, number, request.user, then=audited)
    said = ui("flash.restored", language_of(request), number=number, n=saved.version)
    messages.success(request, said)
    return redirect("cases:detail", case_id=record.id)
