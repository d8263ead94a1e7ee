"""Forms for creating, importing and editing a case's document. Validation is the core loader's: its
issues are shown by field, as it names them."""

from __future__ import annotations

from typing import Any

from django import forms

from withhold.language import Language
from withhold.web.cases.documents import MAX_BYTES
from withhold.web.texts import text as ui


class StartedFrom(forms.Form):
    """An editor's hidden record of the saved state it started from (:func:`withhold.web.cases.store.stamp`):
    the version, and how many interview answers had been added to it. A save over a newer state is
    refused, not merged."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    amended = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def started(self) -> tuple[int, int]:
        """The state the editor started from (call after validation)."""
        return self.cleaned_data["version"], self.cleaned_data.get("amended") or 0


class NewCaseForm(forms.Form):
    given_name = forms.CharField(label="Given (first) name", max_length=200, required=False)
    family_name = forms.CharField(label="Family name (surname)", max_length=200, required=False)
    a_number = forms.CharField(
        label="A-number",
        max_length=12,
        required=False,
        help_text="8 or 9 digits, optionally starting with A. Leave empty if there is none yet.",
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Case file (.yaml, .yml or .json)",
        required=False,
        help_text="A case/1 file, such as one written by the withhold command or exported from here.",
    )
    text = forms.CharField(
        label="Or paste the case file's text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false", "class": "code"}),
    )

    def __init__(self, *args: Any, language: Language = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language = language

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is None and not (data.get("text") or "").strip():
            raise forms.ValidationError(ui("invalid.import_nothing", self.language))
        if upload is not None and upload.size is not None and upload.size > MAX_BYTES:
            raise forms.ValidationError(ui("invalid.import_too_large", self.language))
        return data


class DocumentForm(StartedFrom):
    text = forms.CharField(
        label="The case file (YAML)",
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false", "class": "code"}),
        max_length=MAX_BYTES,
    )
