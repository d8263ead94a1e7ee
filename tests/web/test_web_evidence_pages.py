"""The evidence page of a case: several files uploaded at once, each named with what is wrong when it
cannot be kept (nothing kept of it, the others kept); a document opened, downloaded, described and deleted;
every access audited by the document's opaque id only; the checklist shows what is on file and what is
missing. Everyone here is invented."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from web_evidence_samples import DAMAGED_PDF, NOT_A_PDF, pdf, photo

from hostile_strategy import FUZZ
from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.audit.models import Action, AuditEntry
from withhold.web.cases.models import CaseRecord
from withhold.web.evidence.documents import document_bytes, keep
from withhold.web.evidence.models import EvidenceDocument
from withhold.web.request_size import limit

TITLE = "Threat letter to Zephyrine Quixotelli"


def form(files: list[tuple[str, bytes]], **per_row: Any) -> dict[str, Any]:
    """The upload form with one row a file (``per_row``: a field's value for every row, or a list)."""
    data: dict[str, Any] = {
        "doc-TOTAL_FORMS": str(max(4, len(files))),
        "doc-INITIAL_FORMS": "0",
        "doc-MIN_NUM_FORMS": "0",
        "doc-MAX_NUM_FORMS": "4",
    }
    for index, (name, content) in enumerate(files):
        data[f"doc-{index}-file"] = SimpleUploadedFile(name, content)
        for field, value in per_row.items():
            data[f"doc-{index}-{field}"] = value[index] if isinstance(value, list) else value
    return data


def upload(client: Client, record: CaseRecord, files: list[tuple[str, bytes]], **per_row: Any) -> Any:
    return client.post(reverse("evidence:upload", args=[record.id]), form(files, **per_row))


@pytest.mark.django_db
def test_several_files_of_each_kind_are_uploaded_at_once_and_listed(
    attorney: Client, record: CaseRecord
) -> None:
    files = [
        ("letter.pdf", pdf(2)),
        ("scar.jpg", photo("JPEG")),
        ("screenshot.png", photo("PNG")),
        ("IMG_0042.HEIC", photo("HEIF")),
    ]
    response = upload(
        attorney,
        record,
        files,
        title=[TITLE, "", "", ""],
        items=["threat_evidence", "photographs", "photographs", "photographs"],
        language=["es", "", "", ""],
    )
    assert response.status_code == 302, response.content[:2000]
    kept = list(EvidenceDocument.objects.filter(case=record).order_by("uploaded_at", "id"))
    assert [(d.kind, d.pages) for d in kept] == [("pdf", 2), ("jpeg", 1), ("png", 1), ("heic", 1)]
    assert [document_bytes(d) for d in kept] == [content for _, content in files]
    assert kept[0].title == TITLE and kept[0].items == ("threat_evidence",) and kept[0].language == "es"
    assert kept[1].title == "scar"  # no title given: the file's name without its extension
    page = attorney.get(reverse("evidence:page", args=[record.id]))
    assert page.status_code == 200
    text = page.content.decode()
    assert TITLE in text and "Needs a translation" in text
    assert "Threat letter" in attorney.get(reverse("cases:detail", args=[record.id])).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("statement.pdf", NOT_A_PDF, "its name ends in .pdf, but the file is neither a PDF nor a photo"),
        ("statement.pdf", DAMAGED_PDF, "the PDF is damaged and cannot be read"),
        ("statement.pdf", pdf(1, password="invented"), "the PDF is protected by a password"),
        ("statement.pdf", pdf(0), "the PDF has no pages"),
        ("statement.pdf", b"", "the file is empty"),
        ("statement.docx", b"PK\x03\x04 invented", "it is neither a PDF nor a photo"),
        ("statement.jpg", b"\xff\xd8\xff\xe0 cut short", "the photo is damaged"),
    ],
)
def test_a_file_that_cannot_be_kept_is_named_with_its_problem_and_the_others_are_kept(
    attorney: Client, record: CaseRecord, name: str, content: bytes, said: str
) -> None:
    response = upload(attorney, record, [("good.pdf", pdf(1)), (name, content)], title=["Good one", TITLE])
    assert response.status_code == 422
    text = response.content.decode()
    assert f"“{name}” was not saved: {said}" in text
    assert "1 document was saved." in text
    assert [d.filename for d in EvidenceDocument.objects.filter(case=record)] == ["good.pdf"]
    assert TITLE in text  # what was written for the file that was not kept is shown again


@pytest.mark.django_db
def test_a_file_too_large_is_named_and_nothing_is_kept_of_it(attorney: Client, record: CaseRecord) -> None:
    with override_settings(WITHHOLD_EVIDENCE_MAX_FILE_BYTES=2**20):
        response = upload(attorney, record, [("big.pdf", pdf(1) + b"%" * (2**20 + 10))])
    assert response.status_code == 422
    assert (
        "“big.pdf” was not saved: the file is 1.0 MB; the largest accepted is 1 MB"
        in response.content.decode()
    )
    assert not EvidenceDocument.objects.exists()


@pytest.mark.django_db
def test_a_problem_is_said_in_spanish_to_a_spanish_reader(attorney: Client, record: CaseRecord) -> None:
    attorney.post("/language/", {"language": "es", "next": "/cases/"})
    response = upload(attorney, record, [("carta.pdf", pdf(1, password="inventada"))])
    assert "“carta.pdf” no se guardó: el PDF está protegido con contraseña" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"doc-TOTAL_FORMS": "x"},
        {"doc-TOTAL_FORMS": "1000", "doc-INITIAL_FORMS": "0"},
        {"doc-TOTAL_FORMS": "1", "doc-INITIAL_FORMS": "0"},
    ],
)
def test_a_broken_or_empty_form_is_refused_without_an_error_page(
    attorney: Client, record: CaseRecord, data: dict[str, str]
) -> None:
    response = attorney.post(reverse("evidence:upload", args=[record.id]), data)
    assert response.status_code in (400, 422)
    assert not EvidenceDocument.objects.exists()


@pytest.mark.django_db
def test_tampered_fields_are_refused_for_that_file(attorney: Client, record: CaseRecord) -> None:
    response = upload(
        attorney, record, [("a.pdf", pdf(1))], items="not_an_item", language="xx", translation_of="nope"
    )
    assert response.status_code == 422
    assert "“a.pdf” was not saved: a field of its box needs a change" in response.content.decode()
    assert not EvidenceDocument.objects.exists()


@pytest.mark.django_db
def test_a_translation_is_linked_with_its_translator(attorney: Client, record: CaseRecord) -> None:
    original = keep(record, "carta.pdf", pdf(1), {"title": "Carta", "language": "es"})
    response = upload(
        attorney,
        record,
        [("letter-en.pdf", pdf(1))],
        translation_of=str(original.id),
        translator_name="Ottoline Vasquery",
        translator_address="12 Invented Lane",
        translator_phone="555-0100",
    )
    assert response.status_code == 302
    translation = EvidenceDocument.objects.get(translation_of=original)
    assert translation.language == "en" and translation.needs_translation is False
    assert translation.translator == {
        "name": "Ottoline Vasquery",
        "address": "12 Invented Lane",
        "phone": "555-0100",
    }
    page = attorney.get(reverse("evidence:page", args=[record.id])).content.decode()
    assert "Translated" in page and "This is the translation of:" in page


@pytest.mark.django_db
def test_a_document_opens_in_the_browser_and_downloads_with_safe_headers(
    attorney: Client, record: CaseRecord
) -> None:
    data = pdf(1)
    document = keep(record, "Quixotelli letter.pdf", data, {"title": TITLE})
    viewed = attorney.get(reverse("evidence:view", args=[record.id, document.id]))
    assert viewed.status_code == 200 and viewed.content == data
    assert viewed["Content-Type"] == "application/pdf"
    assert viewed["Content-Disposition"].startswith("inline;")
    assert viewed["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in viewed["Cache-Control"]
    downloaded = attorney.get(reverse("evidence:download", args=[record.id, document.id]))
    assert downloaded.content == data and downloaded["Content-Disposition"].startswith("attachment;")
    for response in (viewed, downloaded):
        assert "Quixotelli" not in response["Content-Disposition"]
        assert f"case-{record.number}-evidence-" in response["Content-Disposition"]


@pytest.mark.django_db
def test_a_heic_photo_opens_as_its_page(attorney: Client, record: CaseRecord) -> None:
    document = keep(record, "IMG_1.HEIC", photo("HEIF"), {"title": "Scar"})
    viewed = attorney.get(reverse("evidence:view", args=[record.id, document.id]))
    assert viewed["Content-Type"] == "application/pdf" and viewed.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_details_are_changed_and_a_document_is_deleted_after_a_confirmation(
    attorney: Client, record: CaseRecord
) -> None:
    document = keep(record, "a.pdf", pdf(1), {"title": "Old title"})
    edit = reverse("evidence:edit", args=[record.id, document.id])
    assert attorney.get(edit).status_code == 200
    response = attorney.post(edit, {"title": TITLE, "items": ["declaration"], "language": "en"})
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title, document.items, document.filename) == (TITLE, ("declaration",), "a.pdf")
    delete = reverse("evidence:delete", args=[record.id, document.id])
    assert TITLE in attorney.get(delete).content.decode()
    assert EvidenceDocument.objects.filter(pk=document.pk).exists()  # asking is not deleting
    assert attorney.post(delete).status_code == 302
    assert not EvidenceDocument.objects.filter(pk=document.pk).exists()


@pytest.mark.django_db
def test_every_access_is_audited_by_the_documents_id_never_its_title(
    attorney: Client, record: CaseRecord
) -> None:
    upload(attorney, record, [("Quixotelli.pdf", pdf(1))], title=TITLE)
    document = EvidenceDocument.objects.get(case=record)
    attorney.get(reverse("evidence:view", args=[record.id, document.id]))
    attorney.get(reverse("evidence:download", args=[record.id, document.id]))
    attorney.post(reverse("evidence:edit", args=[record.id, document.id]), {"title": "Other"})
    attorney.post(reverse("evidence:delete", args=[record.id, document.id]))
    code = f"evidence:{document.id.hex[:16]}"
    entries = AuditEntry.objects.filter(case_id=record.id, what=code).order_by("id")
    assert [entry.action for entry in entries] == [
        Action.CREATED,
        Action.VIEWED,
        Action.DOWNLOADED,
        Action.CHANGED,
        Action.DELETED,
    ]
    for entry in AuditEntry.objects.all():
        assert "Quixotelli" not in str(entry.__dict__) and "Threat" not in str(entry.__dict__)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.VIEWER, Role.ADMIN])
def test_a_read_only_role_reads_documents_but_cannot_upload_change_or_delete(
    role: Role, record: CaseRecord, organization: Organization, client_for: Callable[..., Client]
) -> None:
    document = keep(record, "a.pdf", pdf(1), {"title": TITLE})
    reader = client_for(organization, role)
    page = reader.get(reverse("evidence:page", args=[record.id]))
    assert page.status_code == 200 and TITLE in page.content.decode()
    assert 'name="doc-TOTAL_FORMS"' not in page.content.decode()  # no upload form
    assert reader.get(reverse("evidence:view", args=[record.id, document.id])).status_code == 200
    assert upload(reader, record, [("b.pdf", pdf(1))]).status_code == 403
    edit = reverse("evidence:edit", args=[record.id, document.id])
    assert reader.post(edit, {"title": "Changed"}).status_code == 403
    assert reader.post(reverse("evidence:delete", args=[record.id, document.id])).status_code == 403
    assert [d.title for d in EvidenceDocument.objects.filter(case=record)] == [TITLE]


@pytest.mark.django_db
def test_a_screener_uploads_but_does_not_delete(
    record: CaseRecord, organization: Organization, client_for: Callable[..., Client]
) -> None:
    screener = client_for(organization, Role.SCREENER)
    assert upload(screener, record, [("b.pdf", pdf(1))]).status_code == 302
    document = EvidenceDocument.objects.get(case=record)
    assert screener.post(reverse("evidence:delete", args=[record.id, document.id])).status_code == 403


@pytest.mark.django_db
def test_the_checklist_shows_what_is_on_file_and_what_is_missing(
    attorney: Client, record: CaseRecord
) -> None:
    document = keep(record, "d.pdf", pdf(1), {"title": "Signed declaration", "items": ["declaration"]})
    link = reverse("evidence:view", args=[record.id, document.id])
    page = attorney.get(reverse("evidence:page", args=[record.id]))
    items = {row.id: row for row in page.context["items"]}
    assert [d.title for d in items["declaration"].documents] == ["Signed declaration"]
    assert items["identity_documents"].documents == () and items["identity_documents"].in_checklist
    text = page.content.decode()
    assert link in text and ">Missing</span>" in text
    case_page = attorney.get(reverse("cases:detail", args=[record.id])).content.decode()
    assert link in case_page and "No document uploaded yet." in case_page


@pytest.mark.django_db
def test_only_the_upload_takes_a_larger_body(attorney: Client, record: CaseRecord) -> None:
    larger = str(settings.WITHHOLD_REQUEST_MAX_BYTES + 1)
    response = attorney.post(reverse("cases:import"), {"text": "withhold: case/1\n"}, CONTENT_LENGTH=larger)
    assert response.status_code == 413
    upload_path = reverse("evidence:upload", args=[record.id])
    assert limit(upload_path) == settings.WITHHOLD_EVIDENCE_MAX_REQUEST_BYTES > int(larger)
    assert limit(reverse("evidence:page", args=[record.id])) == settings.WITHHOLD_REQUEST_MAX_BYTES
    too_large = str(settings.WITHHOLD_EVIDENCE_MAX_REQUEST_BYTES + 1)
    response = attorney.post(reverse("evidence:upload", args=[record.id]), form([]), CONTENT_LENGTH=too_large)
    assert response.status_code == 413


HEADS = st.sampled_from([b"", b"%PDF-1.7\n", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"\0\0\0\x18ftypheic"])


@pytest.mark.django_db
@hypothesis_settings(FUZZ, max_examples=60)
@given(
    head=HEADS,
    body=st.binary(max_size=400),
    name=st.text(max_size=80),
    title=st.text(max_size=300),
    language=st.text(max_size=5),
)
def test_no_file_or_field_gives_a_500(
    head: bytes, body: bytes, name: str, title: str, language: str, attorney: Client, record: CaseRecord
) -> None:
    files = [(name or "x", head + body)]
    response = upload(
        attorney, record, files, title=title.replace("\0", ""), language=language.replace("\0", "")
    )
    assert response.status_code in (302, 422), response.status_code
