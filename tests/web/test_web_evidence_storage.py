"""Evidence documents are kept encrypted: the storage holds Fernet tokens under random names, never the
file, its name or its title; the database holds the title, the file's name, the language, the items and
the translator encrypted; a deleted document takes its file with it; rotating keys re-encrypts the files.
Everyone here is invented."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from web_evidence_samples import pdf, photo

from withhold.web import vault
from withhold.web.accounts.models import Organization
from withhold.web.cases.models import CaseRecord
from withhold.web.evidence import storage
from withhold.web.evidence.documents import (
    as_filing_document,
    document_bytes,
    documents_of,
    keep,
    translator_of,
)
from withhold.web.evidence.models import EvidenceDocument

METADATA = {
    "title": "Letter from Pastor Wendeline Orbisonde",
    "language": "es",
    "items": ["witness_statements", "protected_ground_evidence"],
    "translator": {"name": "Ottoline Vasquery", "address": "12 Invented Lane", "phone": "555-0100"},
}


def stored_path(document: EvidenceDocument) -> Path:
    return Path(storage.evidence_storage().path(document.stored_name))


@pytest.mark.django_db
def test_the_stored_file_is_a_token_that_decrypts_to_the_upload(record: CaseRecord) -> None:
    data = pdf(3)
    document = keep(record, "orbisonde-letter.pdf", data, METADATA)
    on_disk = stored_path(document).read_bytes()
    assert data not in on_disk and b"%PDF" not in on_disk
    assert vault.decrypt(on_disk.decode("ascii")) == data
    assert "orbisonde" not in document.stored_name.lower() and not document.stored_name.endswith(".pdf")
    assert (document.kind, document.pages, document.size) == ("pdf", 3, len(data))
    assert document_bytes(document) == data
    assert documents_of(record) == [document]
    assert as_filing_document(document).pages == 3
    assert translator_of(document) is not None


@pytest.mark.django_db
def test_the_database_holds_no_title_file_name_or_translator_in_the_clear(record: CaseRecord) -> None:
    keep(record, "orbisonde-letter.pdf", pdf(1), METADATA)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM evidence_evidencedocument")
        row = " ".join(str(value) for value in cursor.fetchone())
    for secret in ("Orbisonde", "orbisonde", "Vasquery", "Invented Lane", "witness_statements", "555-0100"):
        assert secret not in row


@pytest.mark.django_db
@pytest.mark.parametrize(("fmt", "kind"), [("JPEG", "jpeg"), ("PNG", "png"), ("HEIF", "heic")])
def test_a_photo_of_each_kind_is_kept_as_it_was_uploaded(record: CaseRecord, fmt: str, kind: str) -> None:
    data = photo(fmt)
    document = keep(record, f"photo.{kind}", data, {"title": "Scar", "items": ["photographs"]})
    assert (document.kind, document.pages) == (kind, 1)
    assert document_bytes(document) == data
    assert as_filing_document(document).pdf.startswith(b"%PDF")


@pytest.mark.django_db(transaction=True)
def test_deleting_a_document_or_its_case_deletes_the_stored_file(
    make_case: Callable[..., CaseRecord], organization: Organization
) -> None:
    record = make_case(organization)
    one = keep(record, "a.pdf", pdf(1), {"title": "A"})
    two = keep(record, "b.pdf", pdf(1), {"title": "B"})
    first, second = stored_path(one), stored_path(two)
    one.delete()
    assert not first.exists() and second.exists()
    record.delete()
    assert not second.exists()
    assert not EvidenceDocument.objects.exists()


@pytest.mark.django_db
def test_rotating_keys_re_encrypts_the_files_under_the_new_key(
    record: CaseRecord,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    data = photo("PNG")
    document = keep(record, "scar.png", data, METADATA)
    before = stored_path(document)
    old = os.environ[vault.KEYS_ENV]
    new = Fernet.generate_key().decode("ascii")
    monkeypatch.setenv(vault.KEYS_ENV, f"{new},{old}")
    vault.forget()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        call_command("rotate_keys", stdout=open(os.devnull, "w"))  # noqa: SIM115
    monkeypatch.setenv(vault.KEYS_ENV, new)  # the old key is gone
    vault.forget()
    again = EvidenceDocument.objects.get(pk=document.pk)
    assert again.stored_name != document.stored_name and not before.exists()
    token = stored_path(again).read_bytes()
    assert Fernet(new.encode()).decrypt(token) == data
    assert again.title == METADATA["title"]
    assert document_bytes(again) == data


@pytest.mark.django_db
def test_a_key_file_rotation_with_the_old_key_retired_leaves_every_file_readable(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_case: Callable[..., CaseRecord],
    organization: Organization,
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    monkeypatch.delenv(vault.KEYS_ENV)
    key_file = tmp_path / "fernet.keys"
    with override_settings(WITHHOLD_KEY_FILE=key_file):
        vault.forget()
        record = make_case(organization)
        data = pdf(2)
        document = keep(record, "a.pdf", data, METADATA)
        first = key_file.read_text().split()
        with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
            call_command("rotate_keys", "--new-key", "--retire-old", stdout=open(os.devnull, "w"))  # noqa: SIM115
        assert key_file.read_text().split() != first
        vault.forget()
        again = EvidenceDocument.objects.get(pk=document.pk)
        assert document_bytes(again) == data and again.title == METADATA["title"]
        assert vault.under_newest(stored_path(again).read_text())
        assert not stored_path(document).exists()  # the file under the retired key is gone


def test_the_storage_is_files_under_the_data_directory_unless_an_s3_bucket_is_set(tmp_path: Path) -> None:
    files = storage.storage_settings(tmp_path, {})
    assert files["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert files["OPTIONS"]["location"] == str(tmp_path / "evidence")
    assert files["OPTIONS"]["file_permissions_mode"] == 0o600
    s3 = storage.storage_settings(
        tmp_path,
        {
            "WITHHOLD_EVIDENCE_S3_BUCKET": "invented-clinic-evidence",
            "WITHHOLD_EVIDENCE_S3_ENDPOINT_URL": "https://s3.invented.example",
            "WITHHOLD_EVIDENCE_S3_PREFIX": "withhold",
        },
    )
    assert s3["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s3["OPTIONS"] == {
        "bucket_name": "invented-clinic-evidence",
        "endpoint_url": "https://s3.invented.example",
        "location": "withhold",
        "file_overwrite": False,
        "default_acl": None,
        "querystring_auth": True,
    }
    from storages.backends.s3 import S3Storage

    made = S3Storage(**s3["OPTIONS"])  # the options are ones the backend takes (nothing is fetched)
    assert made.bucket_name == "invented-clinic-evidence" and made.location == "withhold"
