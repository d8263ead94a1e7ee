"""Template tags and filters that only present what the core returned, in the reader's language: the web
app's fixed texts (``{% ui "group.key" %}``, from ``web/texts.yaml``), a code's word, a form field's label, a
status's label, a value in words."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from withhold.facts.describe import fact_description, value_text
from withhold.language import LANGUAGES, Language, Localized, days_in_words
from withhold.language.status import native_name
from withhold.web.interviews.texts import TEXTS
from withhold.web.language import chosen
from withhold.web.texts import has, text

register = template.Library()


def _language(value: Any) -> Language:
    """The language ``value`` names, English when it names none Withhold speaks."""
    return chosen(value) or "en"


def _language_of(context: template.Context) -> Language:
    return _language(context.get("language"))


@register.simple_tag(takes_context=True)
def ui(context: template.Context, key: str, **values: object) -> str:
    """A fixed text of the web app in the reader's language, placeholders filled (escaped on output)."""
    return text(key, _language_of(context), **values)


@register.simple_tag(takes_context=True)
def ui_code(context: template.Context, group: str, code: Any, **values: object) -> str:
    """The word for a code (a workflow, role, status, badge...) of ``group``, placeholders filled; the code
    itself if it has none."""
    key = f"{group}.{code}"
    return text(key, _language_of(context), **values) if has(key) else str(code)


@register.simple_tag(takes_context=True)
def in_english(context: template.Context) -> str:
    """ "(en inglés)" after a core text shown in English on a Spanish page; nothing in English."""
    return TEXTS["in_english"].get(_language_of(context))


@register.simple_tag(takes_context=True)
def group_title(context: template.Context, group: str) -> str:
    """The title of a section editor's group of fields: its section's, or its subsection's."""
    language = _language_of(context)
    for key in (f"section.{group}", f"subsection.{group}"):
        if has(key):
            return text(key, language)
    return group


@register.simple_tag(takes_context=True)
def field_words(context: template.Context, field: Any) -> dict[str, str]:
    """A form field's label and help in the reader's language, from ``fields.<Form>.<field>`` of the web
    texts; a field with none (the section editor's, whose labels are the core's fact descriptions) keeps
    its own English words, with ``lang`` "en" on a page in another language (``help_lang`` for its help),
    except the words the form already gave in the reader's language (the field's ``translated``)."""
    language = _language_of(context)
    key = f"fields.{type(field.form).__name__}.{field.name}"
    if has(key):
        help_key = f"{key}.help"
        help_text = text(help_key, language) if has(help_key) else str(field.help_text or "")
        return {"label": text(key, language), "help": help_text, "lang": "", "help_lang": ""}
    english = "en" if language != "en" else ""
    translated = getattr(field.field, "translated", ())
    return {
        "label": str(field.label or ""),
        "help": str(field.help_text or ""),
        "lang": "" if "label" in translated else english,
        "help_lang": "" if "help" in translated else english,
    }


@register.filter
def say(text: Any, language: str) -> str:
    """A :class:`Localized` text in ``language`` (English when the language is not one Withhold speaks)."""
    if isinstance(text, Localized):
        return text.get(_language(language))
    return "" if text is None else str(text)


@register.filter
def status_label(status: Any, language: str = "en") -> str:
    key = f"status.{status}"
    return text(key, _language(language)) if has(key) else str(status)


@register.simple_tag
def spoken_languages() -> list[tuple[str, str]]:
    """Every language Withhold speaks, by code and its own name (a client report in each)."""
    return [(code, native_name(code)) for code in LANGUAGES]


@register.filter
def language_name(code: Any) -> str:
    """A language by its own name (Español, العربية), the code itself for one Withhold does not speak."""
    return native_name(code) if code in LANGUAGES else str(code)


@register.filter
def value_words(value: Any) -> str:
    return value_text(value)


@register.filter
def fact_words(path: str) -> str:
    """A fact path in the catalogue's words ("date of the last arrival"), the path itself if it has none."""
    return fact_description(path) or path


@register.filter
def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


@register.filter
def days_words(days: int | None, language: str = "en") -> str:
    if days is None:
        return ""
    return days_in_words(days, _language(language))


@register.filter
def days_left(entry: Any, as_of: dt.date) -> int | None:
    """A deadline entry's days left from ``as_of`` (negative when past)."""
    return entry.days_left(as_of)  # type: ignore[no-any-return]


@register.inclusion_tag("cases/_law_date.html", takes_context=True)
def law_date_banner(context: template.Context, record: Any) -> dict[str, Any]:
    """On every screen of a case whose file takes the law as of another day than today: a banner that
    says so, with a link to the case under today's law (deadlines are always counted from today)."""
    from withhold.web.cases.documents import case_of
    from withhold.web.cases.store import today

    law = case_of(record.document).law_as_of
    day = today()
    return {
        "show": law is not None and law != day,
        "law": law,
        "today": day,
        "record": record,
        "language": context.get("language"),
    }
