"""The API tokens page: an administrator makes a token for a program (a name, a role), sees its secret
once, and revokes tokens. Each is audited."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from withhold.language import Language
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can, Role
from withhold.web.api import auth
from withhold.web.api.models import ApiToken
from withhold.web.cases.access import member_view
from withhold.web.language import language_of
from withhold.web.texts import text as ui


class NewTokenForm(forms.Form):
    name = forms.CharField(
        label="What it is for",
        max_length=100,
        help_text="A name you will recognise, such as the program's: LegalServer sync.",
    )
    role = forms.ChoiceField(label="Role", choices=Role.choices, initial=Role.VIEWER)
    """The least privileged role unless another is chosen, as for a person."""

    def __init__(self, *args: Any, language: Language = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        role = self.fields["role"]
        assert isinstance(role, forms.ChoiceField)
        role.choices = [(value, ui(f"role.{value}", language)) for value in Role.values]

    def clean_name(self) -> str:
        return str(self.cleaned_data["name"]).strip()


@member_view(Can.MANAGE_TOKENS)
def tokens(request: HttpRequest, membership: Membership) -> HttpResponse:
    language = language_of(request)
    form = NewTokenForm(request.POST or None, language=language)
    made = None
    if request.method == "POST" and form.is_valid():
        token, secret = auth.make(
            request, membership.organization, form.cleaned_data["name"], form.cleaned_data["role"]
        )
        made = (token, secret)  # shown on this answer only: never stored, never shown again
        form = NewTokenForm(language=language)
    found = ApiToken.objects.filter(organization=membership.organization).select_related("created_by")
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "made": made,
            "active": [token for token in found if token.active],
            "revoked": [token for token in found if not token.active],
            "limit_text": _limit_text(language),
        },
    )


UNITS = {1: "second", 60: "minute", 3600: "hour", 86400: "day"}


def _limit_text(language: Language) -> str:
    rate = auth.rate()
    return ui(f"api_tokens.limit_{UNITS[rate.seconds]}", language, n=rate.requests)


@require_POST
@member_view(Can.MANAGE_TOKENS)
def revoke_token(request: HttpRequest, membership: Membership, token_id: uuid.UUID) -> HttpResponse:
    token = ApiToken.objects.filter(id=token_id, organization=membership.organization).first()
    if token is None:
        raise Http404
    if auth.revoke(request, token):
        messages.success(
            request,
            ui("api_tokens.revoked_flash", language_of(request), name=token.name),
        )
    return redirect("api_tokens:list")


def unknown(request: HttpRequest) -> HttpResponse:
    """An address under ``/api/v1/`` that is no operation: a JSON 404 like the API's own."""
    return JsonResponse({"detail": "Not Found"}, status=404)
