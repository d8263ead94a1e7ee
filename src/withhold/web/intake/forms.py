"""The form that makes a client intake link: the client's language and how many days the link works."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from withhold.language import LANGUAGES, Language
from withhold.language.status import native_name
from withhold.web.texts import text as ui


def longest_days() -> int:
    """The most days a link may work (``WITHHOLD_INTAKE_MOST_DAYS``)."""
    return int(settings.WITHHOLD_INTAKE_MOST_DAYS)


def default_days() -> int:
    """The days a link works unless chosen otherwise (``WITHHOLD_INTAKE_DAYS``), within the bounds."""
    return max(1, min(int(settings.WITHHOLD_INTAKE_DAYS), longest_days()))


class IntakeLinkForm(forms.Form):
    """Labels from the web texts (``fields.IntakeLinkForm``); the languages by their own names, as the
    language switch shows them."""

    language = forms.ChoiceField(
        choices=[(code, native_name(code)) for code in LANGUAGES], widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, language: Language = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        most = longest_days()
        self.fields["days"] = forms.IntegerField(
            min_value=1,
            max_value=most,
            help_text=ui("intake_links.days_help", language, n=most, days=default_days()),
            widget=forms.NumberInput(attrs={"min": 1, "max": most, "inputmode": "numeric"}),
        )
