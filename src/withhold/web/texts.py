"""The web app's fixed texts (menus, headings, labels, buttons, messages), in English and Spanish side by
side (``texts.yaml``), checked when loaded.

The file holds groups of texts; a text is named ``group.key``. It is declared as a model
(:class:`WebTexts`, read by :func:`withhold.package_data.read_model`, which refuses a text given twice: the
second would replace the first unseen). Loading checks the whole file and reports every problem at once,
with its line: a missing or empty translation, a Spanish text identical to the English one (an
untranslated copy), English and Spanish texts with different ``{placeholders}``, or a placeholder the
templates never fill. Templates show them with
``{% ui "group.key" %}`` (:mod:`withhold.web.templatetags.withhold`); the core's own wording (reasons, rule
titles) is not here: it is English only.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from django import forms
from pydantic import BeforeValidator, Field, RootModel

from withhold.language import Language, Localized, TranslatedFoldedText, filled_by
from withhold.package_data import read_model, validated

PLACEHOLDERS = frozenset(
    {
        "n",
        "of",
        "number",
        "date",
        "change",
        "who",
        "organization",
        "username",
        "section",
        "status",
        "role",
        "days",
        "earliest",
        "latest",
        # the law watch
        "value",
        "first",
        "last",
        "since",
        "until",
        "before",
        "after",
        "checked",
        "affected",
        "today",
        "protection",
        # evidence documents
        "name",
        "problem",
        "size",
        "most",
        "kind",
    }
)
"""The values templates fill in (``{% ui "docket.page_of" n=1 of=3 %}``)."""


def _keys_as_text(value: Any) -> Any:
    # A key YAML reads as a number (`1:` unquoted) is named as written.
    return {str(key): text for key, text in value.items()} if isinstance(value, dict) else value


WebText = Annotated[TranslatedFoldedText, filled_by(*PLACEHOLDERS)]
"""One text: English and Spanish (translated, not copied), the placeholders the templates fill."""


class WebTexts(
    RootModel[dict[str, Annotated[dict[str, WebText], BeforeValidator(_keys_as_text), Field(min_length=1)]]]
):
    """``texts.yaml``: groups of texts, each group a mapping of keys to texts."""


def parse(text: str) -> dict[str, Localized]:
    """The texts of a ``texts.yaml``'s YAML ``text`` by ``group.key``; raises
    :class:`~withhold.package_data.DataFileError` listing every problem with its line."""
    return _by_key(validated(WebTexts, text, "withhold/web/texts.yaml"))


def _by_key(read: WebTexts) -> dict[str, Localized]:
    return {f"{group}.{key}": pair for group, entries in read.root.items() for key, pair in entries.items()}


@cache
def texts() -> dict[str, Localized]:
    """Every fixed text of the web app, by ``group.key`` (raises
    :class:`~withhold.package_data.DataFileError` on any problem)."""
    return _by_key(read_model(WebTexts, "withhold.web", "texts.yaml"))


def text(key: str, language: Language, **values: object) -> str:
    """One text in ``language``, with its placeholders filled (a :class:`KeyError` for an unknown key)."""
    pair = texts()[key]
    return pair.format(**values).get(language) if values else pair.get(language)


def has(key: str) -> bool:
    return key in texts()


def translated(field: forms.Field, *words: str) -> forms.Field:
    """Marks which of a form field's words (``label``, ``help``) a form already gave in the reader's
    language, from these texts: the ``field_words`` template tag shows those as they are and marks the
    others English."""
    field.translated = words  # type: ignore[attr-defined]
    return field
