"""Pages that belong to no one app: the front door and the language switch."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from withhold.language import AUTHORED
from withhold.web.language import SESSION_KEY, chosen


def home(request: HttpRequest) -> HttpResponse:
    return redirect("cases:docket")


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Choose English or Spanish and go back where you were (works without JavaScript). The team's pages
    are written in those two; the client-facing pages (intake link, self-help, client report) speak every
    language Withhold has catalogs for."""
    language = chosen(request.POST.get("language"))
    if language in AUTHORED:
        request.session[SESSION_KEY] = language
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False)
    return redirect(target if safe and target.startswith("/") else "cases:docket")
