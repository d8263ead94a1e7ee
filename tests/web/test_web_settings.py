"""Production settings pass Django's deployment checks with every secret from the environment; every page
carries a content security policy; cookies are secure in production."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.test import Client

from withhold.web.accounts.models import Organization


def production_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WITHHOLD_", "DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="withhold.web.settings.production",
        WITHHOLD_SECRET_KEY=secrets.token_urlsafe(50),
        WITHHOLD_FERNET_KEYS=Fernet.generate_key().decode("ascii"),
        WITHHOLD_ALLOWED_HOSTS="withhold.example.org",
        WITHHOLD_DATA_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "withhold.web.manage", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_in_production(tmp_path: Path) -> None:
    done = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_production_refuses_to_start_without_its_secrets(tmp_path: Path) -> None:
    env = production_env(tmp_path)
    del env["WITHHOLD_FERNET_KEYS"]
    done = manage(env, "check")
    assert done.returncode != 0
    assert "WITHHOLD_FERNET_KEYS must be set" in done.stderr


def test_production_cookies_are_secure(tmp_path: Path) -> None:
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, s.DEBUG)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=production_env(tmp_path), capture_output=True, text=True, timeout=60
    )
    assert done.stdout.split() == ["True", "True", "True", "False"], done.stderr


@pytest.mark.django_db
def test_every_page_has_a_strict_content_security_policy(attorney: Client) -> None:
    for url in ("/accounts/login/", "/cases/"):
        policy = (Client() if "login" in url else attorney).get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in policy
        assert "style-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_forms_need_a_csrf_token(member: Callable[..., Any], organization: Organization) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(member(organization), backend="django.contrib.auth.backends.ModelBackend")
    assert client.post("/cases/new/", {"given_name": "Odalys"}).status_code == 403
    assert client.get("/cases/new/").status_code == 200


def test_serve_is_a_command_with_host_and_port() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "withhold.cli.app", "serve", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "--host" in done.stdout and "--port" in done.stdout
