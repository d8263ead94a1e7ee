"""The login form (password, then a code from an authenticator app or a recovery code, for those who turned
two-factor login on) and the forms of the people page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed

from withhold.language import Language
from withhold.web.accounts.roles import Role
from withhold.web.accounts.second_factor import authenticator_of, verify
from withhold.web.language import language_of
from withhold.web.texts import text as ui
from withhold.web.texts import translated

CODE_HELP = (
    "Only if you turned on two-factor login: the 6-digit code from your authenticator app, or one of your "
    "recovery codes."
)
CODE_LENGTH = 20
"""Room for a 14-character recovery code typed with spaces."""


class LoginForm(AuthenticationForm):
    otp_token = forms.CharField(
        label="Authentication code",
        required=False,
        max_length=CODE_LENGTH,
        help_text=CODE_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        user = self.get_user()
        if user is not None and authenticator_of(user) is not None:
            token = (data.get("otp_token") or "").strip()
            language = language_of(self.request) if self.request is not None else "en"
            if not token:
                raise forms.ValidationError(ui("invalid.code_required", language), code="token_required")
            device = verify(user, token)
            if device is None:
                # A wrong code is a failed login for the lockout (django-axes listens for this signal),
                # as a wrong password is: recovery codes must not be guessable at leisure either.
                credentials = {"username": data.get("username", "")}
                user_login_failed.send(sender=type(self), credentials=credentials, request=self.request)
                raise forms.ValidationError(ui("invalid.code_refused", language))
            # django-otp marks the session as verified by this device when the user is logged in.
            user.otp_device = device  # type: ignore[attr-defined]  # django-otp reads it at login
        return data


class NewPersonForm(forms.Form):
    username = forms.CharField(label="Username", max_length=150)
    role = forms.ChoiceField(label="Role", choices=Role.choices, initial=Role.VIEWER)
    """The least privileged role unless another is chosen: a slip of the hand never makes an administrator."""

    def __init__(self, *args: Any, language: Language = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language = language
        role = self.fields["role"]
        assert isinstance(role, forms.ChoiceField)
        role.choices = [(value, ui(f"role.{value}", language)) for value in Role.values]

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
        max_length=CODE_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class SecondFactorForm(CodeForm):
    """A code that proves it is the person, before two-factor login is turned off or new recovery codes
    are made: from the authenticator app, or a recovery code (for the person whose phone is lost)."""

    def __init__(self, *args: Any, language: Language = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["token"]
        field.label = ui("recovery.code_label", language)
        field.help_text = ui("recovery.code_help", language)
        translated(field, "label", "help")
