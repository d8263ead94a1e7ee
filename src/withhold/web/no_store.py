"""No page Withhold answers is kept by a browser's cache or a proxy: the docket, a case, its versions,
its editors, the interview, the reports and calendars all show case data (8 CFR 1208.6), and a page kept
on disk outlives the session that was allowed to see it (the back button after logging out, a shared
computer, a caching proxy). Static files are served before this (WhiteNoise) and keep their own caching."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control


class NoStore:
    """Every response of a view: ``Cache-Control: no-store`` (with Django's never-cache headers)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response
