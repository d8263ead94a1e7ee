"""The filing package page (issue 19): documents chosen from the case's uploaded evidence, in an order and
under titles given; built by the queue's worker; each part downloaded (audited); the index the page shows
is the pages stamped in the PDF; a failed build keeps the previous package and says why; a document that
cannot be read is left out only with the person's consent; a viewer sees the page but cannot build or
download; another organization gets 404."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from django.test import Client
from pypdf import PdfReader
from web_queue import run_queue

from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.audit.log import what_words
from withhold.web.audit.models import AuditEntry
from withhold.web.builds.models import Build, State
from withhold.web.cases.models import CaseRecord
from withhold.web.evidence import storage
from withhold.web.evidence.documents import keep
from withhold.web.evidence.models import EvidenceDocument


def text_pdf(name: str, pages: int) -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]

    body = "".join(f"<p style='break-before: page'>{name} page {n + 1}</p>" for n in range(pages))
    return bytes(HTML(string=f"<html><body>{body}</body></html>").write_pdf())


def page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    return [document[i].get_textpage().get_text_range() for i in range(len(document))]


def stamped(text: str) -> int:
    numbers = re.findall(r"(?m)^\s*(\d+)\s*$", text)
    assert numbers, text[-80:]
    return int(numbers[-1])


@pytest.fixture
def two_documents(record: CaseRecord) -> list[EvidenceDocument]:
    return [
        keep(
            record,
            "letter.pdf",
            text_pdf("SUPPORTLETTER", 3),
            {"title": "Letter of support", "language": "en"},
        ),
        keep(
            record, "report.pdf", text_pdf("COUNTRYREPORT", 2), {"title": "Country report", "language": "en"}
        ),
    ]


def form_for(documents: list[EvidenceDocument], **extra: Any) -> dict[str, Any]:
    """The page's form: the documents in the reverse of their upload order, retitled."""
    data: dict[str, Any] = {"judge": "Judge Invented Example", "method": "electronic"}
    for position, document in enumerate(reversed(documents), start=1):
        data |= {
            f"use_{document.id}": "on",
            f"order_{document.id}": str(position),
            f"title_{document.id}": f"Exhibit {position}: {document.title}",
        }
    return data | extra


def page_of(client: Client, record: CaseRecord) -> str:
    response = client.get(f"/cases/{record.id}/filing/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_package_from_two_documents_is_built_by_the_worker_and_its_index_is_the_stamped_pages(
    record: CaseRecord, attorney: Client, two_documents: list[EvidenceDocument]
) -> None:
    url = f"/cases/{record.id}/filing/"
    answered = attorney.post(url, form_for(two_documents, served_on="2026-12-01", served_by="Pat Invented"))
    assert answered.status_code == 302
    waiting = page_of(attorney, record)
    assert f'hx-get="/cases/{record.id}/filing/progress/"' in waiting and "Waiting its turn" in waiting
    assert run_queue() == 1
    done = attorney.get(f"/cases/{record.id}/filing/progress/").content.decode()
    assert "hx-trigger" not in done and "Download the package (PDF)" in done
    assert "Exhibit 1: Country report" in done and "Exhibit 2: Letter of support" in done

    pdf = attorney.get(f"/cases/{record.id}/filing/part1.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == f'attachment; filename="case-{record.number}-filing.pdf"'
    reader = PdfReader(io.BytesIO(pdf.content))
    texts = page_texts(pdf.content)
    assert len(reader.pages) == len(texts) == Build.objects.get().result["pages"]
    assert [stamped(text) for text in texts] == list(range(1, len(texts) + 1))
    index = Build.objects.get().result["index"]
    shown = re.findall(r"<tr><td>([A-Z]+)</td><td>([^<]*)</td><td>(\d+)(?:–(\d+))?</td>", done)
    assert [(tab, title) for tab, title, _, _ in shown][:2] == [
        ("A", "Exhibit 1: Country report"),
        ("B", "Exhibit 2: Letter of support"),
    ]
    for entry, (_, _, first, last) in zip(index, shown, strict=True):
        assert (int(first), int(last or first)) == (entry["first"], entry["last"])
    country, letter = index[0], index[1]
    pages_of = {name: [stamped(t) for t in texts if name in t] for name in ("COUNTRYREPORT", "SUPPORTLETTER")}
    assert pages_of["COUNTRYREPORT"] == list(range(country["last"] - 1, country["last"] + 1))
    assert pages_of["SUPPORTLETTER"] == list(range(letter["last"] - 2, letter["last"] + 1))
    assert (
        country["first"] <= pages_of["COUNTRYREPORT"][0] and letter["first"] <= pages_of["SUPPORTLETTER"][0]
    )
    assert AuditEntry.objects.filter(case_id=record.id, what="package:1", action="downloaded").count() == 1
    assert what_words("package:1", "en") == "Filing package, part 1"  # as the audit log page says it


@pytest.mark.django_db(transaction=True)
def test_a_failed_build_keeps_the_previous_package_and_names_the_unreadable_document(
    record: CaseRecord, attorney: Client, two_documents: list[EvidenceDocument]
) -> None:
    url = f"/cases/{record.id}/filing/"
    attorney.post(url, form_for(two_documents))
    run_queue()
    before = attorney.get(f"/cases/{record.id}/filing/part1.pdf").content
    storage.remove(two_documents[1].stored_name)  # its stored file is gone: it cannot be read

    attorney.post(url, form_for(two_documents))
    run_queue()
    page = page_of(attorney, record)
    assert "The package could not be built." in page and "Exhibit 1: Country report" in page
    assert "The package built before is still here, unchanged." in page
    assert attorney.get(f"/cases/{record.id}/filing/part1.pdf").content == before
    assert Build.objects.filter(state=State.READY).count() == 1

    attorney.post(url, form_for(two_documents, leave_out="on"))  # the consent to leave it out
    run_queue()
    page = page_of(attorney, record)
    assert "Left out, because they cannot be read:" in page
    after = attorney.get(f"/cases/{record.id}/filing/part1.pdf").content
    assert after != before and "COUNTRYREPORT" not in "".join(page_texts(after))
    assert Build.objects.filter(state=State.READY).count() == 1  # the older package was replaced


@pytest.mark.django_db
def test_a_changed_case_marks_the_package_out_of_date(
    record: CaseRecord, attorney: Client, two_documents: list[EvidenceDocument], immediate_tasks: None
) -> None:
    attorney.post(f"/cases/{record.id}/filing/", form_for(two_documents))
    assert "Built from version 1 of the case" in page_of(attorney, record)
    keep(record, "more.pdf", text_pdf("MORE", 1), {"title": "Another letter"})
    assert "Out of date: built from version 1" in page_of(attorney, record)


@pytest.mark.django_db
def test_nothing_chosen_or_no_address_for_mail_is_refused_in_words(
    record: CaseRecord, attorney: Client, two_documents: list[EvidenceDocument]
) -> None:
    url = f"/cases/{record.id}/filing/"
    nothing = attorney.post(url, {"method": "electronic"}).content.decode()
    assert "Choose at least one document to file." in nothing
    by_mail = attorney.post(
        url, form_for(two_documents, served_on="2026-12-01", method="mail")
    ).content.decode()
    assert "needs DHS counsel" in by_mail
    assert not Build.objects.exists()


@pytest.mark.django_db
def test_a_viewer_sees_the_page_but_cannot_build_or_download(
    record: CaseRecord,
    attorney: Client,
    organization: Organization,
    client_for: Callable[..., Client],
    two_documents: list[EvidenceDocument],
    immediate_tasks: None,
) -> None:
    attorney.post(f"/cases/{record.id}/filing/", form_for(two_documents))
    viewer = client_for(organization, Role.VIEWER)
    page = page_of(viewer, record)
    assert "Exhibit 1: Country report" in page and '<form method="post" novalidate>' not in page
    assert f"/cases/{record.id}/filing/part1.pdf" not in page
    assert viewer.post(f"/cases/{record.id}/filing/", form_for(two_documents)).status_code == 403
    assert viewer.get(f"/cases/{record.id}/filing/part1.pdf").status_code == 403
    assert Build.objects.count() == 1


@pytest.mark.django_db
def test_another_organization_gets_not_found(
    record: CaseRecord,
    attorney: Client,
    client_for: Callable[..., Client],
    other_organization: Organization,
    two_documents: list[EvidenceDocument],
    immediate_tasks: None,
) -> None:
    attorney.post(f"/cases/{record.id}/filing/", form_for(two_documents))
    assert attorney.get(f"/cases/{record.id}/filing/part1.pdf").status_code == 200
    outsider = client_for(other_organization)
    for url in ("filing/", "filing/progress/", "filing/part1.pdf"):
        assert outsider.get(f"/cases/{record.id}/{url}").status_code == 404
    assert outsider.post(f"/cases/{record.id}/filing/", form_for(two_documents)).status_code == 404


@pytest.mark.django_db
def test_the_form_lists_the_documents_in_the_order_last_chosen(
    record: CaseRecord, attorney: Client, two_documents: list[EvidenceDocument], immediate_tasks: None
) -> None:
    other = keep(record, "third.pdf", text_pdf("THIRD", 1), {"title": "A third document"})
    attorney.post(f"/cases/{record.id}/filing/", form_for(two_documents))  # reversed, the third left out
    page = page_of(attorney, record)
    listed = re.findall(r'name="use_([0-9a-f-]+)"', page)
    assert listed == [str(two_documents[1].id), str(two_documents[0].id), str(other.id)]
    assert f'name="use_{other.id}" id="id_use_{other.id}" checked' not in page
