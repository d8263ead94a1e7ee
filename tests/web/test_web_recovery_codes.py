"""One-time recovery codes for two-factor login: ten are made (and shown once) when it is turned on, kept
only as keyed digests, each accepted once at login instead of the app's code, made anew on request (the old
ones stop working), removed when two-factor login is turned off; a wrong code at login counts toward the
lockout like a wrong password. Everyone here is invented."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from test_web_accounts import PASSWORD, log_in
from test_web_language import assert_spanish

from withhold.web.accounts.models import Organization
from withhold.web.accounts.second_factor import COUNT, new_recovery_codes, verify

TWO_FACTOR = "/accounts/two-factor/"
CODE = re.compile(r"\b\d{4}-\d{4}-\d{4}\b")
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def app_code(device: TOTPDevice) -> str:
    """The app's current code, accepted again: a test may use several within one 30-second step, which
    django-otp otherwise refuses (a code is good once), and need not wait out its throttling."""
    device.refresh_from_db()
    device.last_t = -1
    device.throttle_reset(commit=False)
    device.save()
    return f"{totp(device.bin_key):06d}"


def unthrottled(user: Any) -> None:
    for device in StaticDevice.objects.filter(user=user):
        device.throttle_reset()


@pytest.fixture
def person(member: Callable[..., Any], organization: Organization) -> Any:
    return member(organization)


@pytest.fixture
def signed_in(person: Any) -> Client:
    client = Client()
    client.force_login(person, backend=MODEL_BACKEND)
    return client


def turn_on(client: Client, user: Any) -> tuple[TOTPDevice, list[str], Any]:
    """Turns two-factor login on from its page; returns the app, the codes shown and the response."""
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(TWO_FACTOR, {"token": app_code(device)})
    assert response.status_code == 200
    return device, CODE.findall(response.content.decode()), response


@pytest.mark.django_db
def test_turning_on_shows_ten_codes_once_and_keeps_only_digests(signed_in: Client, person: Any) -> None:
    _, codes, response = turn_on(signed_in, person)
    assert TOTPDevice.objects.get(user=person).confirmed
    assert len(codes) == len(set(codes)) == COUNT
    assert "no-store" in response["Cache-Control"]
    assert "shown only this once" in response.content.decode()
    stored = set(StaticToken.objects.filter(device__user=person).values_list("token", flat=True))
    assert len(stored) == COUNT
    typed = {code.replace("-", "") for code in codes}
    assert not stored & (typed | set(codes))  # not one code is stored as it is
    again = signed_in.get(TWO_FACTOR).content.decode()
    assert not CODE.search(again)  # never shown again
    assert f"You have {COUNT} recovery codes left." in again


@pytest.mark.django_db
def test_a_recovery_code_logs_in_once_instead_of_the_apps_code(signed_in: Client, person: Any) -> None:
    _, codes, _ = turn_on(signed_in, person)
    client = Client()
    response = log_in(client, person.username, PASSWORD, codes[3])
    assert response.status_code == 302
    static = StaticDevice.objects.get(user=person)
    assert client.session["otp_device_id"] == static.persistent_id  # django-otp: verified by the codes
    said = client.get(response["Location"]).content.decode()
    assert f"You have {COUNT - 1} left" in said
    assert StaticToken.objects.filter(device=static).count() == COUNT - 1

    unthrottled(person)
    again = log_in(Client(), person.username, PASSWORD, codes[3])
    assert again.status_code == 200 and "That code is not right" in again.content.decode()
    unthrottled(person)
    spaced = codes[4].replace("-", " ")  # hyphens or spaces, as copied
    assert log_in(Client(), person.username, PASSWORD, spaced).status_code == 302
    unthrottled(person)
    assert log_in(Client(), person.username, PASSWORD, codes[5].replace("-", "")).status_code == 302


@pytest.mark.django_db
def test_new_codes_replace_the_old_ones_and_need_a_code(signed_in: Client, person: Any) -> None:
    device, old, _ = turn_on(signed_in, person)
    refused = signed_in.post(TWO_FACTOR, {"action": "new_codes", "codes-token": "000000000000"})
    assert not CODE.search(refused.content.decode())
    assert "That code is not right" in str(refused.context["codes_form"].errors)
    unthrottled(person)
    made = signed_in.post(TWO_FACTOR, {"action": "new_codes", "codes-token": app_code(device)})
    new = CODE.findall(made.content.decode())
    assert len(new) == COUNT and not set(new) & set(old)
    assert verify(person, old[0]) is None
    unthrottled(person)  # the wrong code slowed down the next try
    assert isinstance(verify(person, new[0]), StaticDevice)
    # With the phone lost, a recovery code is enough to make new ones.
    renewed = signed_in.post(TWO_FACTOR, {"action": "new_codes", "codes-token": new[1]})
    newest = CODE.findall(renewed.content.decode())
    assert len(newest) == COUNT
    assert verify(person, new[2]) is None
    unthrottled(person)
    assert verify(person, newest[0]) is not None


@pytest.mark.django_db
def test_turning_off_removes_the_codes(signed_in: Client, person: Any) -> None:
    _, codes, _ = turn_on(signed_in, person)
    kept = signed_in.post(TWO_FACTOR, {"action": "turn_off", "off-token": "123"})
    assert "two-factor login stays on" in str(kept.context["off_form"].errors)
    assert TOTPDevice.objects.filter(user=person, confirmed=True).exists()
    unthrottled(person)
    off = signed_in.post(TWO_FACTOR, {"action": "turn_off", "off-token": codes[0]})  # phone lost
    assert off.status_code == 302
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert not StaticDevice.objects.filter(user=person).exists()
    assert not StaticToken.objects.filter(device__user=person).exists()
    assert verify(person, codes[1]) is None


@pytest.mark.django_db
@pytest.mark.parametrize("wrong", ["000000", "0000-0000-0000", "not a code"])
def test_wrong_codes_at_login_count_toward_the_lockout(
    member: Callable[..., Any], organization: Organization, wrong: str
) -> None:
    person = member(organization)
    device = TOTPDevice.objects.create(user=person, name="phone", confirmed=True)
    codes = new_recovery_codes(person)
    assert wrong.replace("-", "") not in {c.replace("-", "") for c in codes}
    if wrong == "000000" and totp(device.bin_key) == 0:
        wrong = "111111"
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, person.username, PASSWORD, wrong).status_code == 200
        unthrottled(person)
    assert log_in(client, person.username, PASSWORD, wrong).status_code == 429
    unthrottled(person)
    locked = log_in(client, person.username, PASSWORD, codes[0])  # even a right code, for now
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert StaticToken.objects.filter(device__user=person).count() == COUNT  # and it was not used up


@pytest.mark.django_db
def test_asking_for_the_code_is_not_a_failed_login(
    member: Callable[..., Any], organization: Organization
) -> None:
    person = member(organization)
    device = TOTPDevice.objects.create(user=person, name="phone", confirmed=True)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        assert log_in(client, person.username, PASSWORD).status_code == 200  # the password, then the code
    assert log_in(client, person.username, PASSWORD, app_code(device)).status_code == 302


@pytest.mark.django_db
def test_someone_without_codes_is_told_and_can_make_them(signed_in: Client, person: Any) -> None:
    device = TOTPDevice.objects.create(user=person, name="phone", confirmed=True)  # on before codes existed
    page = signed_in.get(TWO_FACTOR).content.decode()
    assert "You have no recovery codes left." in page
    made = signed_in.post(TWO_FACTOR, {"action": "new_codes", "codes-token": app_code(device)})
    assert len(CODE.findall(made.content.decode())) == COUNT


@pytest.mark.django_db
def test_the_pages_in_spanish(signed_in: Client, person: Any) -> None:
    signed_in.post("/language/", {"language": "es", "next": "/cases/"})
    _, codes, shown = turn_on(signed_in, person)
    assert len(codes) == COUNT
    assert_spanish(shown.content.decode(), "recovery codes")
    page = signed_in.get(TWO_FACTOR).content.decode()
    assert_spanish(page, TWO_FACTOR)
    assert f"Le quedan {COUNT} códigos de recuperación." in page
