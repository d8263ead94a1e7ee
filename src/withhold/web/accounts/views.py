"""Logging in and out, the people of an organization (for its administrators), and two-factor login."""

from __future__ import annotations

import base64
import secrets
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from withhold.web.accounts.forms import CodeForm, LoginForm, NewPersonForm, RoleForm
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.accounts.users import create_user
from withhold.web.cases.access import member_view
from withhold.web.language import language_of
from withhold.web.texts import text as ui


class Login(LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


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


def qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode("utf-8").split("?>", 1)[-1].strip()
    return svg.replace("<svg ", '<svg role="img" aria-label="QR code for your authenticator app" ', 1)


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    user = request.user
    language = language_of(request)
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if confirmed is not None:
        if request.method == "POST" and request.POST.get("action") == "turn_off":
            form = CodeForm(request.POST)
            if form.is_valid() and confirmed.verify_token(form.cleaned_data["token"].strip()):
                TOTPDevice.objects.filter(user=user).delete()
                messages.success(request, ui("flash.two_factor_off", language))
                return redirect("accounts:two_factor")
            messages.error(request, ui("flash.two_factor_stays_on", language))
        return render(request, "accounts/two_factor.html", {"on": True, "form": CodeForm()})
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error("token", ui("invalid.too_many_codes", language))
        elif device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            messages.success(request, ui("flash.two_factor_on", language))
            return redirect("accounts:two_factor")
        form.add_error("token", ui("invalid.code_wrong", language))
    secret = base64.b32encode(device.bin_key).decode("ascii")
    context = {"on": False, "form": form, "secret": secret, "qr": mark_safe(qr_svg(device.config_url))}
    return render(request, "accounts/two_factor.html", context)
