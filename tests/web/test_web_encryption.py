"""Case facts and identity are encrypted at rest; a name or an A-number is found through keyed digests; the
keys rotate without losing anything."""

from __future__ import annotations

import io
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from web_people import INVENTED, SECRET_WORDS

from withhold.web import vault
from withhold.web.accounts.models import Organization
from withhold.web.builds.models import Build, BuiltPart
from withhold.web.cases import search
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, CaseVersion
from withhold.web.secrets import write_owner_only


def all_rows_text() -> str:
    """Every value of every table, as the database holds it."""
    texts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            texts.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(texts)


@pytest.mark.django_db
def test_the_database_holds_no_name_a_number_or_fact_in_the_clear(
    record: CaseRecord, attorney: Client
) -> None:
    attorney.get(f"/cases/{record.id}/")
    attorney.get("/cases/?q=Quixotelli")
    stored = all_rows_text()
    for word in (*SECRET_WORDS, "political_opinion", "2024-08-10"):
        assert word not in stored, word
    with connection.cursor() as cursor:
        cursor.execute("SELECT document FROM cases_caserecord WHERE id = %s", [record.id.hex])
        (raw,) = cursor.fetchone()
    assert raw.startswith("gAAAAA")  # a Fernet token
    assert case_of(CaseRecord.objects.get(pk=record.pk).document).person.family_name == "Quixotelli"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["Quixotelli", "quixotelli", "Quix", "zephyrine quixotelli", "A098765432", "098765432", "98765432"],
)
def test_a_case_is_found_by_name_prefix_or_a_number(record: CaseRecord, query: str) -> None:
    found = search.matching(CaseRecord.objects.all(), query)
    assert list(found) == [record]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["Qu", "Quixotellix", "Zephyrine Smith", "A012345678"])
def test_a_search_that_does_not_match_finds_nothing(record: CaseRecord, query: str) -> None:
    assert not search.matching(CaseRecord.objects.all(), query).exists()


@pytest.mark.django_db
def test_accents_and_case_do_not_matter(
    make_case: Callable[..., CaseRecord], organization: Organization
) -> None:
    document = {**INVENTED, "person": {"given_name": "Íñigo", "family_name": "Ñúñez-Ótero"}}
    found = make_case(organization, document)
    assert list(search.matching(CaseRecord.objects.all(), "inigo nunez")) == [found]
    assert list(search.matching(CaseRecord.objects.all(), "OTERO")) == [found]


@pytest.mark.django_db
def test_rotation_in_the_environment_re_encrypts_everything_under_the_new_key(
    record: CaseRecord, attorney: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = os.environ[vault.KEYS_ENV]
    new = Fernet.generate_key().decode("ascii")
    monkeypatch.setenv(vault.KEYS_ENV, f"{new},{old}")
    call_command("rotate_keys", stdout=open(os.devnull, "w"))  # noqa: SIM115
    monkeypatch.setenv(vault.KEYS_ENV, new)  # the old key is gone
    vault.forget()
    again = CaseRecord.objects.get(pk=record.pk)
    assert case_of(again.document).person.given_name == "Zephyrine"
    assert all(case_of(v.document).person.family_name == "Quixotelli" for v in CaseVersion.objects.all())
    assert list(search.matching(CaseRecord.objects.all(), "Quixotelli")) == [record]
    assert attorney.get(f"/cases/{record.id}/").status_code == 200


@pytest.mark.django_db
def test_without_the_key_nothing_is_readable(record: CaseRecord, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(vault.KEYS_ENV, Fernet.generate_key().decode("ascii"))
    vault.forget()
    with pytest.raises(vault.KeyRingError):
        CaseRecord.objects.get(pk=record.pk)


@pytest.mark.django_db
def test_a_key_file_is_created_owner_only_and_rotated_with_new_and_retired_keys(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_case: Callable[..., CaseRecord],
    organization: Organization,
) -> None:
    monkeypatch.delenv(vault.KEYS_ENV)
    key_file = tmp_path / "fernet.keys"
    with override_settings(WITHHOLD_KEY_FILE=key_file):
        vault.forget()
        record = make_case(organization)
        built = Build.objects.create(
            organization=organization, case=record, kind="report", key="k", version=1, request={"a": 1}
        )
        BuiltPart.objects.create(build=built, number=1, pdf=b"%PDF-1.7 invented")
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        first = key_file.read_text().split()
        assert len(first) == 1
        call_command("rotate_keys", "--new-key", "--retire-old", stdout=open(os.devnull, "w"))  # noqa: SIM115
        after = key_file.read_text().split()
        assert len(after) == 1 and after != first
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        vault.forget()
        assert case_of(CaseRecord.objects.get(pk=record.pk).document).person.given_name == "Zephyrine"
        assert list(search.matching(CaseRecord.objects.all(), "Zephyrine")) == [record]
        assert Build.objects.get().request == {"a": 1}  # a built file is re-encrypted with the rest
        assert BuiltPart.objects.get().pdf == b"%PDF-1.7 invented"


def test_a_key_file_others_can_read_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(vault.KEYS_ENV)
    key_file = tmp_path / "fernet.keys"
    key_file.write_text(Fernet.generate_key().decode("ascii"))
    key_file.chmod(0o644)
    with override_settings(WITHHOLD_KEY_FILE=key_file), pytest.raises(RuntimeError, match="chmod 600"):
        vault.load_key_ring()


@pytest.mark.django_db
def test_the_search_follows_a_changed_name_and_an_answer_leaves_the_digests_alone(
    make_case: Callable[..., CaseRecord], organization: Organization
) -> None:
    from withhold.web.cases import store
    from withhold.web.cases.models import Change, SearchDigest

    record = make_case(
        organization, {**INVENTED, "person": {"given_name": "Ovidia", "family_name": "Brenes"}}
    )
    digests = set(SearchDigest.objects.filter(case=record).values_list("id", flat=True))
    answered = {**record.document, "conduct": {"persecuted_others": False}}
    record = store.save(record, case_of(answered), None, Change.INTERVIEW)
    assert set(SearchDigest.objects.filter(case=record).values_list("id", flat=True)) == digests
    renamed = {**answered, "person": {"given_name": "Ovidia", "family_name": "Carvajal"}}
    store.save(record, case_of(renamed), None, Change.EDITED)
    assert list(search.matching(CaseRecord.objects.all(), "carvajal")) == [record]
    assert not search.matching(CaseRecord.objects.all(), "brenes").exists()


@pytest.mark.django_db
def test_a_process_reads_the_key_file_again_when_it_changes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_case: Callable[..., CaseRecord],
    organization: Organization,
) -> None:
    """A server that read the key file at start follows a rotation made by another process: it encrypts under
    the key put first, and reads what was re-encrypted under it once the old key is gone."""
    monkeypatch.delenv(vault.KEYS_ENV)
    key_file = tmp_path / "fernet.keys"
    with override_settings(WITHHOLD_KEY_FILE=key_file):
        vault.forget()
        record = make_case(organization)
        old = vault.key_ring().keys
        new = Fernet.generate_key()
        write_owner_only(
            key_file, "\n".join(k.decode("ascii") for k in (new, *old)) + "\n"
        )  # another process
        assert vault.key_ring().keys == (new, *old)  # no restart, no forget()
        token = vault.encrypt(b"invented")
        assert Fernet(new).decrypt(token.encode("ascii")) == b"invented"
        re_encrypted = Fernet(new).encrypt(b"invented again").decode("ascii")
        write_owner_only(key_file, new.decode("ascii") + "\n")  # the old key retired elsewhere
        assert vault.decrypt(re_encrypted) == b"invented again"
        with pytest.raises(vault.KeyRingError):
            CaseRecord.objects.get(pk=record.pk)  # still under the retired key: nothing re-encrypted it


def stale_write(record: CaseRecord, key: bytes) -> None:
    """What a server that had not yet seen the new key file would write: the case under ``key``."""
    token = Fernet(key).encrypt(json.dumps(record.document).encode()).decode("ascii")
    with connection.cursor() as cursor:
        table = CaseRecord._meta.db_table
        cursor.execute(f'UPDATE "{table}" SET "document" = %s WHERE "id" = %s', [token, record.pk.hex])


@pytest.mark.django_db
@pytest.mark.parametrize("when", ["before retiring", "just after retiring"])
def test_a_value_written_under_the_old_key_during_rotation_is_not_lost(
    when: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_case: Callable[..., CaseRecord],
    organization: Organization,
) -> None:
    """A server writes under the old key while rotate_keys runs (it encrypted just before the key file
    changed): the value is re-encrypted under the new key, before the old one is retired or just after
    (rotate_keys still holds it in memory), never left unreadable."""
    from withhold.web.management.commands import rotate_keys

    monkeypatch.delenv(vault.KEYS_ENV)
    monkeypatch.setattr(rotate_keys, "SWEEPS", (0.0,))
    key_file = tmp_path / "fernet.keys"
    with override_settings(WITHHOLD_KEY_FILE=key_file):
        vault.forget()
        record = make_case(organization)
        old = vault.key_ring().keys[0]
        if when == "before retiring":
            rotate = rotate_keys.Command._rotate

            def then_stale(command: Any) -> Any:
                done = rotate(command)
                stale_write(record, old)
                return done

            monkeypatch.setattr(rotate_keys.Command, "_rotate", then_stale)
        else:
            retire = vault.retire_old_keys

            def retire_then_stale() -> Any:
                ring = retire()
                stale_write(record, old)
                return ring

            monkeypatch.setattr(vault, "retire_old_keys", retire_then_stale)
        out = io.StringIO()
        call_command("rotate_keys", "--new-key", "--retire-old", stdout=out)
        assert "Re-encrypted 1 value(s) written under an older key meanwhile." in out.getvalue()
        assert old.decode("ascii") not in key_file.read_text()
        vault.forget()
        assert case_of(CaseRecord.objects.get(pk=record.pk).document).person.given_name == "Zephyrine"
