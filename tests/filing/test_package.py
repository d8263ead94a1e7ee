"""A filing package from invented documents: the pages of the index are the pages stamped, in two PDF
readers; translations carry their certificate; the proof of service closes the filing; a filing over the
court's upload limit is split into parts whose numbers run on."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable

import pypdfium2 as pdfium
import pytest
from filing_samples import blank_pdf, photo
from pypdf import PdfReader

from withhold.filing.documents import read_document
from withhold.filing.model import Caption, Exhibit, Filing, FilingRequest, Representative, Service, Translator
from withhold.filing.package import build_filing, tab_label

TODAY = dt.date(2026, 12, 7)
CAPTION = Caption(
    ("Ana Ejemplo Inventada",), ("A123-456-789",), "San Francisco, California", False, "Judge Example",
    dt.date(2027, 1, 12), "09:00", "individual", Representative("Pat Lawyer", "1 Law St\nAnytown, CA", eoir_id="ZZ999999"),
)  # fmt: skip


def request(text_pdf: Callable[[str, int], bytes], service: Service | None) -> FilingRequest:
    return FilingRequest(
        CAPTION,
        (
            Exhibit(
                "Declaration of Ana Ejemplo Inventada", read_document("decl.pdf", text_pdf("DECLARATION", 4))
            ),
            Exhibit(
                "Birth certificate",
                read_document("acta.pdf", text_pdf("ACTA", 2)),
                language="Spanish",
                translation=read_document("birth.pdf", text_pdf("TRANSLATION", 2)),
                translator=Translator("Rosa Inventada", "12 Main St\nAnytown, CA 90000", "555-0100"),
            ),
            Exhibit("Photograph of the injuries", read_document("injuries.jpg", photo())),
            Exhibit("Country report (sideways scan)", read_document("report.pdf", blank_pdf(2, rotate=90))),
        ),
        service,
    )


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page, read by pdfium (the engine of Chrome's PDF viewer)."""
    document = pdfium.PdfDocument(pdf)
    return [document[i].get_textpage().get_text_range() for i in range(len(document))]


def stamped(text: str) -> int:
    numbers = re.findall(r"(?m)^\s*(\d+)\s*$", text)
    assert numbers, f"no page number on the page: {text[-80:]!r}"
    return int(numbers[-1])


@pytest.fixture(scope="module")
def filing(text_pdf: Callable[[str, int], bytes]) -> Filing:
    return build_filing(
        request(text_pdf, Service(TODAY, "mail", "Pat Lawyer", "OPLA\n100 Example St")), today=TODAY
    )


def test_every_page_is_numbered_in_one_sequence_read_by_pypdf_and_pdfium(filing: Filing) -> None:
    pdf = filing.volumes[0].pdf
    assert len(PdfReader(io.BytesIO(pdf)).pages) == filing.pages == len(page_texts(pdf))
    assert [stamped(text) for text in page_texts(pdf)] == list(range(1, filing.pages + 1))
    assert not PdfReader(io.BytesIO(pdf)).is_encrypted


def test_each_index_entry_begins_at_its_tab_and_ends_before_the_next(filing: Filing) -> None:
    texts = page_texts(filing.volumes[0].pdf)
    assert [entry.tab for entry in filing.index] == ["A", "B", "C", "D"]
    for entry, following in zip(filing.index, [*filing.index[1:], None], strict=True):
        tab_page = texts[entry.first_page - 1]
        assert f"Tab {entry.tab}" in tab_page and entry.title.split()[0] in tab_page
        assert entry.last_page - entry.first_page == entry.pages_of_document
        if following is not None:
            assert following.first_page == entry.last_page + 1
    contents = texts[1]
    for entry in filing.index:
        assert f"{entry.first_page}–{entry.last_page}" in contents or str(entry.first_page) in contents
        assert entry.title in " ".join(contents.split())


def test_a_translated_document_is_followed_by_its_translation_and_the_certificate(filing: Filing) -> None:
    texts = page_texts(filing.volumes[0].pdf)
    birth = filing.index[1]
    pages = texts[birth.first_page : birth.last_page]  # after the tab
    assert ["ACTA" in p for p in pages[:2]] == [True, True]
    assert ["TRANSLATION" in p for p in pages[2:4]] == [True, True]
    certificate = " ".join(pages[4].split())
    assert "Certificate of Translation" in certificate
    assert (
        "I, Rosa Inventada, certify that I am competent to translate from Spanish into English" in certificate
    )
    assert "true and accurate to the best of my abilities" in certificate  # 8 CFR 1003.33


def test_the_proof_of_service_is_the_last_page_and_the_cover_names_the_case(filing: Filing) -> None:
    texts = page_texts(filing.volumes[0].pdf)
    service = " ".join(texts[-1].split())
    assert service.startswith("Proof of Service")
    assert "On December 7, 2026, I, Pat Lawyer, served a copy of this filing" in service
    assert "by first-class mail" in service and "100 Example St" in service
    cover = " ".join(texts[0].split())
    for expected in ("IMMIGRATION COURT", "San Francisco, California", "Ana Ejemplo Inventada", "A123-456-789",
                     "Judge Example", "January 12, 2027", "RESPONDENT'S SUBMISSION OF EVIDENCE", "ZZ999999"):  # fmt: skip
        assert expected in cover
    assert "DETAINED" not in cover  # not detained: no marker, and no guess either way


def test_the_outline_has_a_bookmark_for_each_tab(filing: Filing) -> None:
    reader = PdfReader(io.BytesIO(filing.volumes[0].pdf))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:4] == [f"{e.tab}. {e.title}" for e in filing.index]
    assert [reader.get_destination_page_number(item) + 1 for item in reader.outline[:4]] == [
        e.first_page for e in filing.index
    ]


def test_unknown_detention_and_hearing_are_left_to_fill_in_never_guessed(
    text_pdf: Callable[[str, int], bytes],
) -> None:
    unknown = Caption(("Ana Ejemplo Inventada",), (), "", None)
    built = build_filing(FilingRequest(unknown, request(text_pdf, None).exhibits[:1]), today=TODAY)
    cover = " ".join(page_texts(built.volumes[0].pdf)[0].split())
    assert "DETAINED or NOT DETAINED: fill in before filing" in cover
    assert "(fill in before filing)" in cover
    assert any("whether the respondent is detained" in note for note in built.notes)
    assert any("8 CFR 1003.32(c)" in note for note in built.notes)  # no proof of service


def test_a_filing_over_the_upload_limit_is_split_into_parts_numbered_on(
    text_pdf: Callable[[str, int], bytes],
) -> None:
    big = tuple(
        Exhibit(f"Photo {n}", read_document(f"p{n}.png", photo((900, 900), fmt="PNG"))) for n in range(6)
    )
    sizes = sum(len(e.document.pdf) for e in big)
    built = build_filing(
        FilingRequest(CAPTION, big, Service(TODAY, "electronic", "Pat Lawyer")),
        today=TODAY,
        limit_bytes=sizes // 2,
    )
    assert len(built.volumes) >= 2
    numbers = [stamped(t) for volume in built.volumes for t in page_texts(volume.pdf)]
    assert numbers == list(range(1, built.pages + 1))
    for number, volume in enumerate(built.volumes, start=1):
        texts = page_texts(volume.pdf)
        assert f"Part {number} of {len(built.volumes)}" in texts[0]
        assert stamped(texts[0]) == volume.first_page
    assert "through EOIR's Electronic Case Access and Filing system" in " ".join(
        page_texts(built.volumes[-1].pdf)[-1].split()
    )
    assert any("split into" in note for note in built.notes)
    assert {e.volume for e in built.index} == set(range(1, len(built.volumes) + 1))


def test_tabs_run_past_z() -> None:
    assert [tab_label(i) for i in (0, 25, 26, 27, 51, 52)] == ["A", "Z", "AA", "AB", "AZ", "BA"]
