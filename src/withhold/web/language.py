"""The language a person reads Withhold in (any it speaks: :data:`withhold.language.LANGUAGES`), chosen at any point and kept in the
session; it never changes a result, only the words of the pages (the web texts), the interview, the
checklist and the warnings, and of Django's own messages (a form's "This field is required.")."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from withhold.language import LANGUAGES, Language

SESSION_KEY = "withhold_language"


def chosen(value: object) -> Language | None:
    text = str(value or "").strip().lower()
    return text if text in LANGUAGES else None


def language_of(request: HttpRequest) -> Language:
    return getattr(request, "withhold_language", "en")


class LanguageMiddleware:
    """Sets ``request.withhold_language`` from the session (default English), and Django's own language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        found = chosen(session.get(SESSION_KEY)) if session is not None else None
        language = found or "en"
        request.withhold_language = language  # type: ignore[attr-defined]
        with translation.override(language):
            return self.get_response(request)
