"""The note form: the text, required and bounded (:data:`MOST_CHARACTERS`), with errors in the reader's
language."""

from __future__ import annotations

from typing import Any

from django import forms

from withhold.language import Language
from withhold.web.texts import text as ui
from withhold.web.texts import translated

MOST_CHARACTERS = 20_000
"""The longest note: room for a long intake summary, not for a whole file pasted in by mistake."""


class NoteForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), strip=True)

    def __init__(self, *args: Any, language: Language = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["text"]
        field.label = ui("notes.text", language)
        field.error_messages["required"] = ui("notes.empty", language)
        translated(field, "label")
        self.language = language

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"]
        if len(text) > MOST_CHARACTERS:
            raise forms.ValidationError(
                ui("notes.too_long", self.language, most=f"{MOST_CHARACTERS:,}", n=f"{len(text):,}")
            )
        return text
