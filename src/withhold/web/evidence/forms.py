"""The forms of the evidence page: several files at once, each with what it says (its title, the checklist
items it serves, its language, the document it translates and who translated it), and the same without
the file to change what a kept document says. Labels and help are the web texts' ``evidence_field``
group, in the reader's language."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django import forms

from withhold.language import Language
from withhold.web.evidence import languages
from withhold.web.evidence.models import EvidenceDocument
from withhold.web.texts import has, translated
from withhold.web.texts import text as ui

MOST_FILES = 4
"""Files in one upload: the boxes the form shows (more are uploaded the same way afterwards)."""


def item_choices(first: Sequence[str], language: Language) -> list[tuple[str, str]]:
    """Every checklist item by its short name: the case's own checklist's items first (``first``, in its
    order), then the rest."""
    from withhold.preparation.evidence import ITEM_IDS

    ordered = [*first, *(item for item in ITEM_IDS if item not in first)]
    return [(item, ui(f"evidence_item.{item}", language)) for item in ordered]


class EvidenceForm(forms.Form):
    """What a document says (no file): its title, items, language, translation and translator."""

    title = forms.CharField(required=False, max_length=200)
    items = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    language = forms.ChoiceField(required=False)
    no_translation = forms.BooleanField(required=False)
    translation_of = forms.ChoiceField(required=False)
    translator_name = forms.CharField(required=False, max_length=200)
    translator_address = forms.CharField(required=False, max_length=300)
    translator_phone = forms.CharField(required=False, max_length=40)

    def __init__(
        self,
        *args: Any,
        items: Sequence[tuple[str, str]] = (),
        case_items: Iterable[str] = (),
        others: Iterable[EvidenceDocument] = (),
        language: Language = "en",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.reader = language
        self.case_items = frozenset(case_items)
        """The items of the case's own checklist (shown first; the others folded)."""
        for name, field in self.fields.items():
            field.label = ui(f"evidence_field.{name}", language)
            if has(f"evidence_field.{name}.help"):
                field.help_text = ui(f"evidence_field.{name}.help", language)
            translated(field, "label", "help")
        self.fields["items"].choices = list(items)  # type: ignore[attr-defined]
        self.fields["language"].choices = [  # type: ignore[attr-defined]
            ("", ui("evidence_docs.language_unsaid", language)),
            *languages.choices(language),
        ]
        self.others = {str(other.id): other for other in others}
        self.fields["translation_of"].choices = [  # type: ignore[attr-defined]
            ("", ui("evidence_docs.translation_of_none", language)),
            *((key, other.title or other.filename) for key, other in self.others.items()),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("translation_of") and data.get("language") not in ("", "en", None):
            self.add_error("language", ui("evidence_docs.translation_in_english", self.reader))
        return data

    def translated(self) -> EvidenceDocument | None:
        """The document this one is marked as the English translation of."""
        return self.others.get(self.cleaned_data.get("translation_of") or "")

    def metadata(self, filename: str = "") -> dict[str, Any]:
        """What the document says, as :attr:`EvidenceDocument.metadata` keeps it (encrypted)."""
        data = self.cleaned_data
        translation = bool(data.get("translation_of"))
        title = (data.get("title") or "").strip() or _title_from(filename)
        return {
            "title": title,
            "language": "en" if translation and not data.get("language") else data.get("language") or "",
            "items": list(data.get("items") or ()),
            "needs_translation": False if data.get("no_translation") or translation else None,
            "translator": {
                "name": (data.get("translator_name") or "").strip(),
                "address": (data.get("translator_address") or "").strip(),
                "phone": (data.get("translator_phone") or "").strip(),
            },
        }

    @classmethod
    def initial_of(cls, document: EvidenceDocument) -> dict[str, Any]:
        translator = document.translator
        return {
            "title": document.title,
            "items": list(document.items),
            "language": document.language,
            "no_translation": document.needs_translation is False and document.translation_of_id is None,
            "translation_of": str(document.translation_of_id or ""),
            "translator_name": translator["name"],
            "translator_address": translator["address"],
            "translator_phone": translator["phone"],
        }


class EvidenceUploadRow(EvidenceForm):
    """One file of an upload, with what it says; a row without a file is left alone."""

    file = forms.FileField(required=False)

    field_order = ("file", "title", "language", "no_translation", "items", "translation_of")


def _title_from(filename: str) -> str:
    """A title for a document uploaded without one: its file's name without the extension."""
    stem = filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return (stem.rsplit(".", 1)[0] if "." in stem else stem).strip()[:200]


UploadRows = forms.formset_factory(
    EvidenceUploadRow, extra=MOST_FILES, max_num=MOST_FILES, absolute_max=MOST_FILES, validate_max=True
)
