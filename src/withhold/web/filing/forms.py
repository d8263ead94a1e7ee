"""The filing package form: which documents, in which order, under which titles; the proof of service;
the judge's name; and the consent to leave out a document that cannot be read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms

from withhold.filing.model import SERVICE_METHODS
from withhold.filing.tabs import missing_letters
from withhold.language import Language
from withhold.web.texts import text as ui

MOST_DOCUMENTS = 200


@dataclass(frozen=True)
class Choice:
    """A document that can go into the package: its id (``i589`` or an evidence document's) and what the
    page says of it."""

    id: str
    title: str
    """The title it has unless the person gives another."""
    about: str = ""
    """What the page says beside it (its pages, its translation), in the reader's language."""


class PackageForm(forms.Form):
    # help_text: there is help to show (its words come from the web texts, fields.PackageForm.*.help).
    judge = forms.CharField(max_length=200, required=False, help_text="judge")
    title = forms.CharField(max_length=200, required=False)
    served_on = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}), help_text="served_on"
    )
    method = forms.ChoiceField(
        choices=[(method, method) for method in SERVICE_METHODS],
        initial="electronic",
        widget=forms.RadioSelect,
    )
    served_by = forms.CharField(max_length=200, required=False)
    dhs_address = forms.CharField(
        max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="dhs_address"
    )
    leave_out = forms.BooleanField(required=False)

    def __init__(
        self, *args: Any, choices: Sequence[Choice], language: Language, server: str = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.choices = list(choices)[:MOST_DOCUMENTS]
        self.language = language
        self.server = server
        """Who serves DHS unless another is named: who files (the representative, else the respondent)."""
        for position, choice in enumerate(self.choices, start=1):
            self.fields[f"use_{choice.id}"] = forms.BooleanField(required=False)
            self.fields[f"order_{choice.id}"] = forms.IntegerField(
                min_value=1,
                max_value=MOST_DOCUMENTS,
                initial=position,
                required=False,
                widget=forms.NumberInput(
                    attrs={
                        "aria-label": f"{ui('filing.col_order', language)}: {choice.title}",
                        "class": "order",
                    }
                ),
            )
            self.fields[f"title_{choice.id}"] = forms.CharField(
                max_length=300,
                initial=choice.title,
                required=False,
            )
        method = self.fields["method"]
        assert isinstance(method, forms.ChoiceField)
        method.choices = [(method, ui(f"filing.method_{method}", language)) for method in SERVICE_METHODS]

    def rows(self) -> list[dict[str, Any]]:
        """Each document with its three fields, for the page."""
        return [
            {
                "choice": choice,
                "use": self[f"use_{choice.id}"],
                "order": self[f"order_{choice.id}"],
                "title": self[f"title_{choice.id}"],
            }
            for choice in self.choices
        ]

    def chosen(self) -> list[dict[str, str]]:
        """The documents chosen, in the order given (ties: as listed), each with its title."""
        picked = [
            (self.cleaned_data.get(f"order_{choice.id}") or position, position, choice)
            for position, choice in enumerate(self.choices, start=1)
            if self.cleaned_data.get(f"use_{choice.id}")
        ]
        return [
            {"id": choice.id, "title": " ".join((self.cleaned_data.get(f"title_{choice.id}") or "").split())}
            for _, _, choice in sorted(picked, key=lambda found: (found[0], found[1]))
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        language = self.language
        if not any(data.get(f"use_{choice.id}") for choice in self.choices):
            raise forms.ValidationError(ui("filing.choose_one", language))
        for choice in self.choices:
            field = f"title_{choice.id}"
            given = " ".join((data.get(field) or "").split())
            if data.get(f"use_{choice.id}") and not given:
                data[field] = choice.title
                given = choice.title
            missing = missing_letters(given)
            if data.get(f"use_{choice.id}") and missing:
                self.add_error(field, ui("filing.title_letters", language, value=" ".join(missing)))
        if data.get("served_on"):
            if data.get("method") != "electronic" and not (data.get("dhs_address") or "").strip():
                self.add_error("dhs_address", ui("filing.address_needed", language))
            if not (data.get("served_by") or "").strip() and not self.server:
                self.add_error("served_by", ui("filing.server_needed", language))
        return data

    def service(self) -> dict[str, str] | None:
        data = self.cleaned_data
        if not data.get("served_on"):
            return None
        address = "\n".join(
            line.strip() for line in (data.get("dhs_address") or "").splitlines() if line.strip()
        )
        return {
            "served_on": data["served_on"].isoformat(),
            "method": data["method"],
            "served_by": " ".join((data.get("served_by") or "").split()) or self.server,
            "address": address if data["method"] != "electronic" else "",
        }
