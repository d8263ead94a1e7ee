"""A filing package as a build: what it depends on, what is asked, and how it is made.

A package depends on the case's version, its documents and the organization's blank I-589: the key
(:func:`current_key`) is made of those alone, so a package stays the current one until one of them
changes, whatever was chosen for it. What was chosen (the documents in order with their titles, the
service, the judge) is the build's request, with the case file as it was then.

A document that cannot be read stops the build, naming it, unless the person asked to leave such
documents out (their consent, as ``withhold package --leave-out-problems``); the ones left out are named
with the package. The filled I-589 is made as ``withhold package --i589`` makes it: first, at Tab A.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from withhold.filing.caption import caption_of
from withhold.filing.documents import Document, DocumentError, read_document
from withhold.filing.model import Exhibit, FilingRequest, Service
from withhold.filing.package import build_filing
from withhold.filing.texts import filing_texts
from withhold.web.builds.models import Build
from withhold.web.builds.store import BuildError, Made, Part, key_of
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import BlankForm, CaseRecord
from withhold.web.evidence import languages
from withhold.web.evidence.documents import as_filing_document, documents_of, translation_of, translator_of
from withhold.web.evidence.models import EvidenceDocument
from withhold.web.vault import KeyRingError

I589 = "i589"
"""The chosen document that is the case's Form I-589, filled from the organization's blank form."""
I589_TITLE = "Form I-589, Application for Asylum and for Withholding of Removal"


def blank_form(record: CaseRecord) -> BlankForm | None:
    found = BlankForm.objects.filter(organization=record.organization, form=BlankForm.Kind.I589)
    return found.defer("pdf").first()


def current_key(record: CaseRecord, documents: Sequence[EvidenceDocument], blank: BlankForm | None) -> str:
    """What the case's package is made of: the case's version, its documents, the blank form kept."""
    return key_of(
        "package",
        str(record.id),
        record.version,
        record.amended,
        sorted((str(document.id), document.stored_name, document.size) for document in documents),
        blank.uploaded_at.isoformat() if blank is not None else None,
    )


def candidates(record: CaseRecord) -> tuple[list[EvidenceDocument], list[EvidenceDocument]]:
    """The case's documents that can be chosen (every one that is not a translation of another: a
    translation goes with its original), and all of them."""
    every = documents_of(record)
    return [document for document in every if document.translation_of_id is None], every


def build(found: Build) -> Made:
    asked: Mapping[str, Any] = found.request
    record = found.case
    case = case_of(asked["document"])
    today = dt.date.fromisoformat(asked["today"])
    texts = filing_texts()
    caption = caption_of(
        case, today, title=asked.get("title") or texts["default_title"], judge=asked["judge"]
    )
    every = {str(document.id): document for document in documents_of(record)}
    exhibits: list[Exhibit] = []
    left_out: list[str] = []
    for chosen in asked["documents"]:
        try:
            exhibits.append(_exhibit(chosen, record, case, today, every))
        except (DocumentError, KeyRingError, OSError):
            left_out.append(chosen["title"])
    if left_out and not asked.get("leave_out"):
        raise BuildError("unreadable", tuple(left_out))
    if not exhibits:
        raise BuildError("nothing_readable", tuple(left_out))
    filing = build_filing(FilingRequest(caption, tuple(exhibits), _service(asked)), today=today)
    parts = tuple(Part(volume.pdf, volume.last_page - volume.first_page + 1) for volume in filing.volumes)
    return Made(
        parts,
        {
            "index": [
                {
                    "tab": entry.tab,
                    "title": entry.title,
                    "first": entry.first_page,
                    "last": entry.last_page,
                    "part": entry.volume,
                }
                for entry in filing.index
            ],
            "notes": list(filing.notes),
            "left_out": left_out,
            "pages": filing.pages,
            "service": bool(asked.get("service")),
        },
    )


def _exhibit(
    chosen: Mapping[str, Any],
    record: CaseRecord,
    case: Any,
    today: dt.date,
    every: Mapping[str, EvidenceDocument],
) -> Exhibit:
    title = chosen["title"]
    if chosen["id"] == I589:
        return Exhibit(title, _filled_i589(record, case, today, title))
    document = every.get(chosen["id"])
    if document is None:  # deleted since the build was asked for
        raise DocumentError(title, "the document was deleted")
    translation = translation_of(document, every.values())
    english: Document | None = as_filing_document(translation) if translation is not None else None
    return Exhibit(
        title,
        as_filing_document(document),
        language=_language_name(document.language),
        translation=english,
        translator=translator_of(translation) if translation is not None else None,
    )


def _language_name(code: str) -> str | None:
    """A document's language as the certificate of translation names it ("Spanish"): the evidence page's
    own naming, in English (the court's language)."""
    return languages.name(code, "en") if code else None


def _filled_i589(record: CaseRecord, case: Any, today: dt.date, title: str) -> Document:
    from withhold.forms import FormError, fill_i589

    found = BlankForm.objects.filter(organization=record.organization, form=BlankForm.Kind.I589)
    blank = found.values_list("pdf", flat=True).first()
    if blank is None:
        raise DocumentError(title, "the organization's blank form was removed")
    try:
        filled = fill_i589(case, bytes(blank), today)
    except FormError:
        raise DocumentError(title, "the blank form cannot be filled") from None
    return read_document("I-589.pdf", filled.pdf)


def _service(asked: Mapping[str, Any]) -> Service | None:
    given = asked.get("service")
    if not given:
        return None
    return Service(
        dt.date.fromisoformat(given["served_on"]), given["method"], given["served_by"], given["address"]
    )
