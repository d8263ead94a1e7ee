"""The law watch page (``/cases/law/``): which cases a change in the law reaches, with the reasons.

By default each open case is compared between the day it was last screened and today; a person can choose
two dates instead, and then also sees every change in the law between them. Bad dates get a message in
the form, never an error page."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from withhold.language import Language
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.cases.access import member_view
from withhold.web.cases.law_watch import EARLIEST, LATEST, watch
from withhold.web.cases.store import today
from withhold.web.language import language_of
from withhold.web.texts import text as ui


def _date(request: HttpRequest, name: str, errors: list[str], language: Language) -> dt.date | None:
    raw = request.GET.get(name, "").strip()[:40]
    if not raw:
        return None
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        errors.append(ui(f"law_watch.bad_{name}", language, value=raw))
        return None
    if not EARLIEST <= day <= LATEST:
        errors.append(
            ui(
                f"law_watch.out_of_range_{name}",
                language,
                first=EARLIEST.isoformat(),
                last=LATEST.isoformat(),
            )
        )
        return None
    return day


@member_view(Can.VIEW)
def law_watch(request: HttpRequest, membership: Membership) -> HttpResponse:
    language = language_of(request)
    errors: list[str] = []
    since = _date(request, "since", errors, language)
    until = _date(request, "until", errors, language) or today()
    if since and since > until:
        errors.append(
            ui("law_watch.since_after_until", language, since=since.isoformat(), until=until.isoformat())
        )
    found = None if errors else watch(membership.organization, since, until)
    context = {
        "errors": errors,
        "since": request.GET.get("since", "")[:40],
        "until": request.GET.get("until", "")[:40],
        "until_day": until,
        "found": found,
        "each_own_date": since is None,
    }
    response = render(request, "cases/law_watch.html", context)
    add_never_cache_headers(response)
    return response
