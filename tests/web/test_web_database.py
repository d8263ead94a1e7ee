"""The web tests run on the database that ``DATABASE_URL`` names (PostgreSQL in CI, through
``scripts/test-web-postgres.sh``), else on SQLite in memory. Where requests really run at once (PostgreSQL,
and the SQLite file of ``withhold serve``), answers and new cases saved together all land: every version and
every case number is kept, and nothing fails for a lock."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.db import connection, connections

from withhold.facts.loading import validate_case
from withhold.web.accounts.models import Organization
from withhold.web.accounts.users import create_user
from withhold.web.cases import store
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, CaseVersion, Change

DATABASE_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = DATABASE_URL.startswith(("postgres://", "postgresql://"))
only_on_postgres = pytest.mark.skipif(
    not ON_POSTGRES, reason="SQLite in memory runs one writer at a time: no lock to check"
)


@pytest.mark.django_db
def test_the_tests_use_the_database_that_database_url_names(record_property: Callable[..., None]) -> None:
    vendor = connection.vendor
    record_property("database_vendor", vendor)
    print(f"web tests on {vendor} {'.'.join(map(str, connection.get_database_version()))}")
    if ON_POSTGRES:
        assert vendor == "postgresql"
        name = urlsplit(DATABASE_URL).path.lstrip("/")
        # Django's test runner made (and will drop) its own database beside the one named; each
        # pytest-xdist worker its own (test_<name>_gw0, _gw1).
        worker = os.environ.get("PYTEST_XDIST_WORKER")
        name = f"{name}_{worker}" if worker else name
        assert connection.settings_dict["NAME"] == f"test_{name}"
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_database(), version()")
            current, version = cursor.fetchone()
        assert current == f"test_{name}"
        assert version.startswith("PostgreSQL")
    elif not DATABASE_URL:
        assert vendor == "sqlite"
        name = str(settings.DATABASES["default"]["NAME"])
        assert name == ":memory:" or "mode=memory" in name
        with connection.cursor() as cursor:  # the database itself, not its settings: no file behind it
            cursor.execute("PRAGMA database_list")
            files = {name: file for _, name, file in cursor.fetchall()}
        assert files["main"] == "", files


def _at_once(work: Callable[[int], Any], count: int) -> list[BaseException]:
    """Run ``work(i)`` in ``count`` threads released together; the errors raised, if any."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            work(index)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


@only_on_postgres
@pytest.mark.django_db(transaction=True)
def test_answers_saved_at_once_become_versions_none_lost(invented_case: Any) -> None:
    organization = Organization.objects.create(name="Invented Clinic")
    user = create_user("invented-attorney", "a long invented password 1")
    record = store.create(organization, invented_case, user)
    notes = [f"Invented note number {i}" for i in range(4)]

    def answer(index: int) -> None:
        document = {**record.document, "notes": notes[index]}
        store.save(CaseRecord.objects.get(pk=record.pk), validate_case(document), user, Change.INTERVIEW)

    assert _at_once(answer, len(notes)) == []
    versions = list(CaseVersion.objects.filter(case=record).order_by("number"))
    assert [version.number for version in versions] == [1, 2, 3, 4, 5]
    assert sorted(str(case_of(version.document).notes) for version in versions[1:]) == notes
    current = CaseRecord.objects.get(pk=record.pk)
    assert current.version == 5
    assert current.document == versions[-1].document


@only_on_postgres
@pytest.mark.django_db(transaction=True)
def test_cases_created_at_once_get_different_numbers(invented_case: Any) -> None:
    organization = Organization.objects.create(name="Invented Clinic")
    assert _at_once(lambda index: store.create(organization, invented_case, None), 4) == []
    numbers = sorted(CaseRecord.objects.filter(organization=organization).values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4]


CONCURRENT_SQLITE = """
import threading
import django
django.setup()
from django.core.management import call_command
from django.db import connections
call_command("migrate", verbosity=0)
from withhold.facts.loading import validate_case
from withhold.web.accounts.models import Organization
from withhold.web.cases import store
from withhold.web.cases.models import CaseRecord, CaseVersion, Change
case = {"withhold": "case/1", "person": {"given_name": "Invented"}}
record = store.create(Organization.objects.create(name="Invented Clinic"), validate_case(case), None)
barrier = threading.Barrier(8)
errors = []

def answer(index):
    try:
        barrier.wait(timeout=10)
        for turn in range(3):
            document = {**case, "notes": f"Invented note {index}-{turn}"}
            store.save(CaseRecord.objects.get(pk=record.pk), validate_case(document), None, Change.INTERVIEW)
    except Exception as error:
        errors.append(type(error).__name__)
    finally:
        connections.close_all()

threads = [threading.Thread(target=answer, args=(i,)) for i in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(errors, CaseVersion.objects.filter(case=record).count(), CaseRecord.objects.get(pk=record.pk).version)
"""


def test_the_embedded_sqlite_file_takes_answers_saved_at_once(tmp_path: Path) -> None:
    """``withhold serve``'s default database: several workers and threads writing the same SQLite file wait
    their turn instead of failing with "database is locked"."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WITHHOLD_", "DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="withhold.web.settings.local",
        WITHHOLD_DATA_DIR=str(tmp_path),
        WITHHOLD_FERNET_KEYS=Fernet.generate_key().decode("ascii"),
    )
    done = subprocess.run(
        [sys.executable, "-c", CONCURRENT_SQLITE], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["[]", "25", "25"]
