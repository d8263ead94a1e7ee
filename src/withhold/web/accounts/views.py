"""Logging in and out, one's own account (the password, two-factor login), the people of an organization
(for its administrators), and two-factor login with its recovery codes."""

from __future__ import annotations

import base64
import secrets
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.views import LoginView
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from withhold.web.accounts.forms import CodeForm, LoginForm, NewPersonForm, RoleForm, SecondFactorForm
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.accounts.second_factor import (
    authenticator_of,
    new_recovery_codes,
    recovery_codes_left,
    remove_second_factor,
    verify,
)
from withhold.web.accounts.users import create_user
from withhold.web.cases.access import member_view
from withhold.web.language import language_of
from withhold.web.texts import text as ui


class Login(LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        if isinstance(getattr(self.request.user, "otp_device", None), StaticDevice):
            # Logged in with a recovery code: say how many are left, and where to make new ones.
            left = recovery_codes_left(self.request.user)
            messages.warning(self.request, ui("recovery.used", language_of(self.request), n=left))
        return response


@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The person's own account: who they are here, their password (changed with Django's own form and
    password rules; the session stays logged in), and whether two-factor login is on, with the way to its
    page (turn it on or off, new recovery codes)."""
    user = request.user
    form = PasswordChangeForm(user, request.POST or None)
    form.fields["old_password"].widget.attrs.pop("autofocus", None)  # the page is not only the password
    if request.method == "POST" and form.is_valid():
        update_session_auth_hash(request, form.save())
        messages.success(request, ui("accounts.password_done_heading", language_of(request)))
        return redirect("accounts:account")
    on = authenticator_of(user) is not None
    context = {"form": form, "two_factor_on": on, "left": recovery_codes_left(user) if on else 0}
    return render(request, "accounts/account.html", context)


@member_view(Can.MANAGE_PEOPLE)
def people(request: HttpRequest, membership: Membership) -> HttpResponse:
    organization = membership.organization
    language = language_of(request)
    form = NewPersonForm(request.POST or None, language=language)
    created = None
    if request.method == "POST" and form.is_valid():
        password = secrets.token_urlsafe(12)
        with transaction.atomic():
            user = create_user(form.cleaned_data["username"], password)
            Membership.objects.create(user=user, organization=organization, role=form.cleaned_data["role"])
        created = (user.get_username(), password)
        form = NewPersonForm(language=language)
    members = (
        Membership.objects.filter(organization=organization).select_related("user").order_by("user__username")
    )
    with_codes = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
    rows = [(m, m.user.pk in with_codes, RoleForm(initial={"role": m.role})) for m in members]
    return render(request, "accounts/people.html", {"form": form, "rows": rows, "created": created})


@require_POST
@member_view(Can.MANAGE_PEOPLE)
def person_change(request: HttpRequest, membership: Membership, member_id: int) -> HttpResponse:
    try:
        target = Membership.objects.select_related("user").get(
            id=member_id, organization=membership.organization
        )
    except Membership.DoesNotExist:
        raise Http404 from None
    language = language_of(request)
    if target.pk == membership.pk:
        messages.error(request, ui("flash.own_access", language))
        return redirect("accounts:people")
    if request.POST.get("action") == "deactivate":
        target.user.is_active = False
        target.user.save(update_fields=["is_active"])
        messages.success(request, ui("flash.deactivated", language, username=target.user.get_username()))
    elif request.POST.get("action") == "activate":
        target.user.is_active = True
        target.user.save(update_fields=["is_active"])
        messages.success(request, ui("flash.activated", language, username=target.user.get_username()))
    else:
        form = RoleForm(request.POST)
        if form.is_valid():
            target.role = form.cleaned_data["role"]
            target.save(update_fields=["role"])
            role = ui(f"role.{target.role}", language).lower()
            said = ui("flash.role_changed", language, username=target.user.get_username(), role=role)
            messages.success(request, said)
    return redirect("accounts:people")


def qr_svg(uri: str, label: str) -> str:
    """The QR code of ``uri`` as inline SVG, an image named ``label`` (in the reader's language)."""
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode("utf-8").split("?>", 1)[-1].strip()
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def _show_codes(request: HttpRequest, codes: list[str]) -> HttpResponse:
    """The new recovery codes, in this one response (never cached: :mod:`withhold.web.no_store`): they are
    not stored to show again."""
    return render(request, "accounts/recovery_codes.html", {"codes": codes})


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    user = request.user
    if authenticator_of(user) is not None:
        return _two_factor_on(request)
    language = language_of(request)
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error("token", ui("invalid.too_many_codes", language))
        elif device.verify_token(form.cleaned_data["token"].strip()):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = new_recovery_codes(user)
            messages.success(request, ui("flash.two_factor_on", language))
            return _show_codes(request, codes)
        form.add_error("token", ui("invalid.code_wrong", language))
    secret = base64.b32encode(device.bin_key).decode("ascii")
    qr = mark_safe(qr_svg(device.config_url, ui("accounts.qr", language)))
    context = {"on": False, "form": form, "secret": secret, "qr": qr}
    return render(request, "accounts/two_factor.html", context)


def _two_factor_on(request: HttpRequest) -> HttpResponse:
    """Two-factor login is on: make new recovery codes, or turn it off; either takes a code first (from
    the app, or a recovery code when the phone is lost)."""
    user = request.user
    language = language_of(request)
    posted = request.POST if request.method == "POST" else None
    action = request.POST.get("action") if posted is not None else None
    off = SecondFactorForm(posted if action == "turn_off" else None, prefix="off", language=language)
    renew = SecondFactorForm(posted if action == "new_codes" else None, prefix="codes", language=language)
    form = off if action == "turn_off" else renew
    if posted is not None and form.is_valid():
        if verify(user, form.cleaned_data["token"]) is None:
            refused = "flash.two_factor_stays_on" if action == "turn_off" else "recovery.code_refused"
            form.add_error("token", ui(refused, language))
        elif action == "turn_off":
            remove_second_factor(user)
            messages.success(request, ui("flash.two_factor_off", language))
            return redirect("accounts:two_factor")
        else:
            return _show_codes(request, new_recovery_codes(user))
    context = {"on": True, "off_form": off, "codes_form": renew, "left": recovery_codes_left(user)}
    return render(request, "accounts/two_factor.html", context)
