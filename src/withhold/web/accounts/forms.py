"""The login form (password, then a code from an authenticator app for those who turned two-factor login
on) and the forms of the people page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django_otp.plugins.otp_totp.models import TOTPDevice

from withhold.language import Language
from withhold.web.accounts.roles import Role
from withhold.web.language import language_of
from withhold.web.texts import text as ui

CODE_HELP = "Only if you turned on two-factor login: the 6-digit code from your authenticator app."


class LoginForm(AuthenticationForm):
    otp_token = forms.CharField(
        label="Authentication code",
        required=False,
        max_length=8,
        help_text=CODE_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        user = self.get_user()
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() if user else None
        if device is not None:
            token = (data.get("otp_token") or "").strip()
            language = language_of(self.request) if self.request is not None else "en"
            if not token:
                raise forms.ValidationError(ui("invalid.code_required", language), code="token_required")
            allowed, _ = device.verify_is_allowed()
            if not allowed or not device.verify_token(token):
                raise forms.ValidationError(ui("invalid.code_refused", language))
            # django-otp marks the session as verified by this device when the user is logged in.
            user.otp_device = device  # type: ignore[attr-defined]  # django-otp reads it at login
        return data


class NewPersonForm(forms.Form):
    username = forms.CharField(label="Username", max_length=150)
    role = forms.ChoiceField(label="Role", choices=Role.choices)

    def __init__(self, *args: Any, language: Language = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language = language

    def clean_username(self) -> str:
        name: str = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=name).exists():
            raise forms.ValidationError(ui("invalid.username_taken", self.language))
        return name


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Role", choices=Role.choices)


class CodeForm(forms.Form):
    token = forms.CharField(
        label="Code from your authenticator app",
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
