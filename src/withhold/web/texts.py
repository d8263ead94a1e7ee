"""The web app's fixed texts (menus, headings, labels, buttons, messages), in English and Spanish side by
side (``texts.yaml``), checked when loaded.

The file holds groups of texts; a text is named ``group.key``. It is read by
:func:`withhold.package_data.read_yaml`, which refuses a text given twice (the second would replace the
first unseen). Loading checks the whole file and reports every problem at once: a missing or empty
translation, a Spanish text identical to the English one (an untranslated copy), English and Spanish texts
with different ``{placeholders}``, or a placeholder the templates never fill. Templates show them with
``{% ui "group.key" %}`` (:mod:`withhold.web.templatetags.withhold`); the core's own wording (reasons, rule
titles) is not here: it is English only.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django import forms

from withhold.language import Language, Localized, read_localized
from withhold.package_data import read_yaml

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
    }
)
"""The values templates fill in (``{% ui "docket.page_of" n=1 of=3 %}``)."""


class TextsError(ValueError):
    """The web texts file has problems; the message lists each of them."""


def parse(data: Any) -> tuple[dict[str, Localized], list[str]]:
    """The texts of a loaded ``texts.yaml`` by ``group.key``, and every problem found in it."""
    problems: list[str] = []
    found: dict[str, Localized] = {}
    if not isinstance(data, dict):
        return found, ["texts.yaml: expected a mapping of groups"]
    for group, entries in data.items():
        if not isinstance(entries, dict) or not entries:
            problems.append(f"{group}: expected a mapping of texts")
            continue
        for key, value in entries.items():
            where = f"{group}.{key}"
            pair = read_localized(
                where,
                value,
                problems,
                placeholders_allowed=PLACEHOLDERS,
                must_differ=True,
                fold_spaces=True,
            )
            if pair is not None:
                found[where] = pair
    return found, problems


@cache
def texts() -> dict[str, Localized]:
    """Every fixed text of the web app, by ``group.key`` (raises :class:`TextsError` on any problem)."""
    found, problems = parse(read_yaml("withhold.web", "texts.yaml"))
    if problems:
        raise TextsError("web/texts.yaml has problems:\n" + "\n".join(f"  {p}" for p in problems))
    return found


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
