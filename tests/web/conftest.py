"""The web tests: Django's test client over the test settings, with an in-memory database, a key ring made
for this run, and invented people only. The environment is set before Django loads, so the rest of the
suite (which has no Django) is unaffected by anything but the variables below."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet

os.environ["DJANGO_SETTINGS_MODULE"] = "withhold.web.settings.test"
os.environ.setdefault("WITHHOLD_DATA_DIR", tempfile.mkdtemp(prefix="withhold-web-test-"))
os.environ["WITHHOLD_FERNET_KEYS"] = Fernet.generate_key().decode("ascii")

import django

django.setup()

import pytest  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from web_answers import EMPTY  # noqa: E402
from web_people import INVENTED  # noqa: E402

from withhold.facts.case import Case  # noqa: E402
from withhold.facts.loading import validate_case  # noqa: E402
from withhold.web import vault  # noqa: E402
from withhold.web.accounts.models import Membership, Organization  # noqa: E402
from withhold.web.accounts.roles import Role  # noqa: E402
from withhold.web.cases import store  # noqa: E402
from withhold.web.cases.models import CaseRecord  # noqa: E402

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
BLANK_I589 = Path(__file__).resolve().parents[2] / "forms" / "i-589-edition-2023-03-01.pdf"
"""The blank Form I-589, edition 03/01/23, committed in ``forms/`` (USCIS's public form; see its README)."""


@pytest.fixture(autouse=True)
def _fresh_key_ring() -> Any:
    vault.forget()
    yield
    vault.forget()


@pytest.fixture
def invented_case() -> Case:
    return validate_case(INVENTED)


@pytest.fixture
def organization(db: None) -> Organization:
    return Organization.objects.create(name="Invented Clinic")


@pytest.fixture
def other_organization(db: None) -> Organization:
    return Organization.objects.create(name="Another Invented Clinic")


@pytest.fixture
def member(db: None) -> Callable[..., Any]:
    def make(organization: Organization, role: str = Role.ATTORNEY, username: str | None = None) -> Any:
        name = username or f"{role}-{organization.pk}"
        user = get_user_model().objects.create_user(name, password="a long invented password 1")
        Membership.objects.create(user=user, organization=organization, role=role)
        return user

    return make


@pytest.fixture
def client_for(member: Callable[..., Any]) -> Callable[..., Client]:
    def make(organization: Organization, role: str = Role.ATTORNEY) -> Client:
        client = Client()
        client.force_login(member(organization, role), backend=MODEL_BACKEND)
        return client

    return make


@pytest.fixture
def attorney(client_for: Callable[..., Client], organization: Organization) -> Client:
    return client_for(organization, Role.ATTORNEY)


@pytest.fixture
def make_case(db: None) -> Callable[..., CaseRecord]:
    def make(organization: Organization, document: dict[str, Any] | None = None) -> CaseRecord:
        return store.create(organization, validate_case(document or INVENTED), None)

    return make


@pytest.fixture
def record(make_case: Callable[..., CaseRecord], organization: Organization) -> CaseRecord:
    return make_case(organization)


@pytest.fixture
def empty_record(make_case: Callable[..., CaseRecord], organization: Organization) -> CaseRecord:
    """A case of ``organization`` with a first name only (web_answers.EMPTY): the interview asks all."""
    return make_case(organization, EMPTY)


@pytest.fixture(scope="session")
def blank_i589() -> Path:
    """The blank Form I-589's file (:data:`BLANK_I589`), committed in ``forms/``."""
    return BLANK_I589


@pytest.fixture
def immediate_tasks(settings: Any) -> None:
    """The task queue's immediate backend: a task runs inside the request that enqueues it (only for the
    tests that download a report or a package as one step and are not about the queue)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
