"""Logging in: Argon2 password hashes, lockout after repeated failures, sessions that end when idle,
optional two-factor login, and the people page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import identify_hasher
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from withhold.web.accounts.models import Membership, Organization
from withhold.web.accounts.roles import Role
from withhold.web.settings import base

PASSWORD = "a long invented password 1"


def log_in(client: Client, username: str, password: str, token: str = "") -> Any:
    return client.post("/accounts/login/", {"username": username, "password": password, "otp_token": token})


def unthrottled(device: TOTPDevice) -> None:
    """django-otp slows down guessing after a wrong code; a test need not wait."""
    device.refresh_from_db()
    device.throttle_reset()


def test_passwords_are_hashed_with_argon2_first() -> None:
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.django_db
def test_a_password_is_stored_as_an_argon2_hash(
    member: Callable[..., Any], organization: Organization
) -> None:
    user = member(organization)
    assert identify_hasher(user.password).algorithm == "argon2"


@pytest.mark.django_db
def test_login_then_the_docket(member: Callable[..., Any], organization: Organization) -> None:
    user = member(organization)
    client = Client()
    response = log_in(client, user.username, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/cases/"
    assert client.get("/cases/").status_code == 200


@pytest.mark.django_db
def test_repeated_failures_lock_the_login(member: Callable[..., Any], organization: Organization) -> None:
    user = member(organization)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, user.username, "wrong").status_code == 200
    locked = log_in(client, user.username, "wrong")
    assert locked.status_code == 429
    again = log_in(client, user.username, PASSWORD)  # even the right password, for now
    assert again.status_code == 429
    assert b"Too many failed logins" in again.content
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_failures_across_usernames_lock_the_address(
    member: Callable[..., Any], organization: Organization
) -> None:
    """A few wrong passwords on each of many usernames from one address: under the per-account limit each
    time, but the address is locked once its failures reach WITHHOLD_ADDRESS_FAILURE_LIMIT, even for a
    right password; another address is not."""
    user = member(organization)
    attacker, office = Client(REMOTE_ADDR="203.0.113.7"), Client(REMOTE_ADDR="198.51.100.4")
    limit, per_name = settings.WITHHOLD_ADDRESS_FAILURE_LIMIT, settings.AXES_FAILURE_LIMIT - 1
    assert limit > settings.AXES_FAILURE_LIMIT
    for failure in range(1, limit + 1):  # never more than per_name on one username
        refused = log_in(attacker, f"invented-guess-{failure // per_name}", "wrong")
        assert refused.status_code == (429 if failure == limit else 200), failure
    locked = log_in(attacker, user.username, PASSWORD)
    assert locked.status_code == 429 and "_auth_user_id" not in attacker.session
    assert log_in(office, user.username, PASSWORD).status_code == 302


def test_the_address_is_the_clients_not_one_it_wrote(rf: Any, settings: Any) -> None:
    """Without proxies, X-Forwarded-For is ignored (anyone can send it); behind N proxies the entry N places
    from the right is the one the outermost proxy saw, whatever a client put before it."""
    from withhold.web.accounts.lockout import client_address

    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7")
    assert client_address(request) == "10.0.0.2"
    settings.WITHHOLD_PROXY_COUNT = 1
    assert client_address(request) == "203.0.113.7"
    settings.WITHHOLD_PROXY_COUNT = 2
    assert client_address(request) == "1.1.1.1"
    assert client_address(rf.get("/", REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"  # no header: the proxy's


@pytest.mark.django_db
def test_sessions_end_after_inactivity(
    member: Callable[..., Any], organization: Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.contrib.sessions.models import Session

    from withhold.web.accounts import idle

    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    now = [1_000_000.0]
    monkeypatch.setattr(idle, "clock", lambda: now[0])
    user = member(organization)
    client = Client()
    assert log_in(client, user.username, PASSWORD).status_code == 302

    def expiry() -> Any:
        return Session.objects.get(session_key=client.session.session_key).expire_date

    client.get("/cases/")
    renewed = expiry()
    now[0] += idle.RENEW_EVERY - 1  # within a minute: the session is not written again
    client.get("/cases/")
    assert expiry() == renewed
    now[0] += 1  # a minute since the last renewal: the next request renews it
    client.get("/cases/")
    assert expiry() > renewed
    # Idle past the limit: the session has ended, and the docket sends the person to log in.
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    response = client.get("/cases/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_two_factor_login_asks_for_the_code(member: Callable[..., Any], organization: Organization) -> None:
    user = member(organization)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client()
    without = log_in(client, user.username, PASSWORD)
    assert without.status_code == 200
    assert "enter the code" in str(without.context["form"].non_field_errors())
    wrong = log_in(client, user.username, PASSWORD, "000000" if totp(device.bin_key) != 0 else "111111")
    assert wrong.status_code == 200
    unthrottled(device)
    right = log_in(client, user.username, PASSWORD, f"{totp(device.bin_key):06d}")
    assert right.status_code == 302
    assert client.get("/cases/").status_code == 200


@pytest.mark.django_db
def test_turning_on_two_factor_needs_a_right_code(
    member: Callable[..., Any], organization: Organization
) -> None:
    user = member(organization)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get("/accounts/two-factor/")
    assert page.status_code == 200 and b"<svg" in page.content
    device = TOTPDevice.objects.get(user=user)
    client.post("/accounts/two-factor/", {"token": "12345"})
    assert not TOTPDevice.objects.get(user=user).confirmed
    unthrottled(device)
    client.post("/accounts/two-factor/", {"token": f"{totp(device.bin_key):06d}"})
    assert TOTPDevice.objects.get(user=user).confirmed


@pytest.mark.django_db
def test_an_administrator_adds_people_and_changes_roles(
    client_for: Callable[..., Client], organization: Organization, other_organization: Organization
) -> None:
    admin = client_for(organization, Role.ADMIN)
    response = admin.post("/accounts/people/", {"username": "new-screener", "role": Role.SCREENER})
    username, password = response.context["created"]
    added = Membership.objects.get(user__username="new-screener")
    assert added.organization == organization and added.role == Role.SCREENER
    assert get_user_model().objects.get(username=username).check_password(password)
    admin.post(f"/accounts/people/{added.id}/", {"role": Role.VIEWER})
    added.refresh_from_db()
    assert added.role == Role.VIEWER
    admin.post(f"/accounts/people/{added.id}/", {"action": "deactivate"})
    assert not get_user_model().objects.get(username="new-screener").is_active
    stranger = client_for(other_organization, Role.ATTORNEY)
    outsider = Membership.objects.get(user__username=f"{Role.ATTORNEY}-{other_organization.pk}")
    assert admin.post(f"/accounts/people/{outsider.id}/", {"role": Role.VIEWER}).status_code == 404
    assert stranger.get("/cases/").status_code == 200


@pytest.mark.django_db
def test_a_new_person_is_a_viewer_unless_another_role_is_chosen(
    client_for: Callable[..., Client], organization: Organization
) -> None:
    admin = client_for(organization, Role.ADMIN)
    page = admin.get("/accounts/people/").content.decode()
    add = page[page.index('id="id_role"') :]
    add = add[: add.index("</select>")]
    assert re.findall(r'<option value="(\w+)"[^>]*selected', add) == [Role.VIEWER]


@pytest.mark.django_db
def test_the_account_page_changes_the_password_and_leads_to_two_factor(
    member: Callable[..., Any], organization: Organization
) -> None:
    """The one-time password notice says "Account → password": the menu's Account leads to a page that
    changes it (the session stays logged in), shows whether two-factor login is on and links to it."""
    user = member(organization, Role.SCREENER)
    client = Client()
    assert log_in(client, user.username, PASSWORD).status_code == 302
    assert 'href="/accounts/">Account</a>' in client.get("/cases/").content.decode()
    page = client.get("/accounts/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Two-factor login is off." in html and 'href="/accounts/two-factor/"' in html
    assert "no-store" in page["Cache-Control"]
    assert client.get("/accounts/password/")["Location"] == "/accounts/"  # the old address leads there

    new = "another long invented password 2"
    wrong = client.post("/accounts/", {"old_password": "not it", "new_password1": new, "new_password2": new})
    assert wrong.status_code == 200 and wrong.context["form"].errors["old_password"]
    short = client.post(
        "/accounts/", {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"}
    )
    assert short.status_code == 200 and short.context["form"].errors["new_password2"]
    changed = client.post(
        "/accounts/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert changed.status_code == 302 and changed["Location"] == "/accounts/"
    assert get_user_model().objects.get(pk=user.pk).check_password(new)
    assert "Your password was changed" in client.get("/accounts/").content.decode()  # still logged in

    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    assert "Two-factor login is on:" in client.get("/accounts/").content.decode()
