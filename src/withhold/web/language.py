"""The language a person reads Withhold in (English or Spanish), chosen at any point and kept in the
session; it never changes a result, only the words of the interview, the checklist and the warnings."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from withhold.language import LANGUAGES, Language

SESSION_KEY = "withhold_language"


def chosen(value: object) -> Language | None:
    text = str(value or "").strip().lower()
    return text if text in LANGUAGES else None


def language_of(request: HttpRequest) -> Language:
    return getattr(request, "withhold_language", "en")


class LanguageMiddleware:
    """Sets ``request.withhold_language`` from the session (default English)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        found = chosen(session.get(SESSION_KEY)) if session is not None else None
        request.withhold_language = found or "en"  # type: ignore[attr-defined]
        return self.get_response(request)
