"""The reader's language on the self-help pages: the one they chose (a form's field, or ``?lang=``), else
the first their browser asks for that Withhold speaks, else English; its direction from Django's own
machinery (``LANGUAGES_BIDI``, filled from CLDR in the settings), and its review note."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

from withhold.language import LANGUAGES, Language
from withhold.language.status import Review, native_name, review
from withhold.web.texts import text as ui


def _known(value: object) -> Language | None:
    code = str(value or "").strip().lower()[:8]
    if code in LANGUAGES:
        return code
    base = code.split("-")[0].split("_")[0]
    return base if base in LANGUAGES else None


def from_request(request: HttpRequest) -> Language:
    chosen = _known(request.POST.get("language")) if request.method == "POST" else None
    chosen = chosen or _known(request.GET.get("lang"))
    if chosen:
        return chosen
    header = request.headers.get("Accept-Language", "")[:500]
    for code, _quality in parse_accept_lang_header(header):
        found = _known(code)
        if found:
            return found
    return "en"


def direction(language: Language) -> str:
    with translation.override(language):
        return "rtl" if translation.get_language_bidi() else "ltr"


def choices() -> list[tuple[Language, str]]:
    return [(language, native_name(language)) for language in LANGUAGES]


def review_note(language: Language) -> str:
    if review(language) is Review.MACHINE_ASSISTED:
        return ui("selfhelp.machine_assisted", language)
    return ""
