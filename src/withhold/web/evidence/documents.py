"""Keeping and reading a case's evidence documents: what the pages and the filing package use.

A file is checked from its bytes before anything is kept (:func:`withhold.filing.documents.read_document`:
what it is, whether it is damaged, protected by a password or has no pages), then encrypted with the key
ring and written to the evidence storage under a random name; the row that points to it is saved after,
so a failed write leaves no row, and a failed save removes the file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.db import transaction

from withhold.filing.documents import Document, DocumentError, kind_of, read_document
from withhold.filing.model import Translator
from withhold.web import vault
from withhold.web.cases.models import CaseRecord
from withhold.web.evidence import storage
from withhold.web.evidence.models import EvidenceDocument


class TooLargeError(DocumentError):
    """Larger than the evidence storage takes (``WITHHOLD_EVIDENCE_MAX_FILE_BYTES``)."""

    def __init__(self, name: str, size: int, most: int) -> None:
        self.size = size
        self.most = most
        super().__init__(
            name, f"the file is {size / 2**20:.1f} MB; the largest accepted is {most // 2**20} MB"
        )


def most_bytes() -> int:
    return int(settings.WITHHOLD_EVIDENCE_MAX_FILE_BYTES)


def checked(name: str, data: bytes) -> Document:
    """``data`` read as a document, or :class:`DocumentError` (:class:`TooLargeError` for the size) naming the
    problem."""
    if len(data) > most_bytes():
        raise TooLargeError(name, len(data), most_bytes())
    return read_document(name, data)


def keep(
    record: CaseRecord,
    name: str,
    data: bytes,
    metadata: Mapping[str, Any],
    *,
    user: Any = None,
    translation_of: EvidenceDocument | None = None,
) -> EvidenceDocument:
    """Check ``data`` and keep it as a document of the case (raises :class:`DocumentError`, keeping
    nothing). ``metadata``: as :attr:`EvidenceDocument.metadata` (``filename`` is set from ``name``)."""
    document = checked(name, data)
    kind = kind_of(data)
    assert kind is not None  # read_document refuses what is neither a PDF nor a photo
    stored = storage.put(vault.encrypt(data).encode("ascii"))
    try:
        with transaction.atomic():
            return EvidenceDocument.objects.create(
                organization=record.organization,
                case=record,
                metadata={**metadata, "filename": name},
                kind=kind,
                pages=document.pages,
                size=len(data),
                stored_name=stored,
                translation_of=translation_of,
                uploaded_by=user if user is not None and user.is_authenticated else None,
                username=user.get_username() if user is not None and user.is_authenticated else "",
            )
    except BaseException:
        storage.remove(stored)
        raise


def documents_of(record: CaseRecord) -> list[EvidenceDocument]:
    """The case's documents, in the order they were uploaded (only its own organization's: a document
    is kept with its case's organization)."""
    return list(
        EvidenceDocument.objects.filter(case=record, organization=record.organization).order_by(
            "uploaded_at", "id"
        )
    )


def document_bytes(document: EvidenceDocument) -> bytes:
    """The document's file as uploaded (decrypted)."""
    return vault.decrypt(storage.get(document.stored_name).decode("ascii"))


def as_filing_document(document: EvidenceDocument) -> Document:
    """The document as the filing package takes it: its pages as one PDF (a photo made into a page)."""
    return read_document(document.filename or f"{document.id}.{document.extension}", document_bytes(document))


def translator_of(document: EvidenceDocument) -> Translator | None:
    """Who translated ``document`` (a translation), as the certificate of translation names them."""
    found = document.translator
    return Translator(found["name"], found["address"], found["phone"]) if found["name"] else None


def translation_of(document: EvidenceDocument, among: Iterable[EvidenceDocument]) -> EvidenceDocument | None:
    """The newest of ``among`` that is marked as the English translation of ``document``."""
    found = [other for other in among if other.translation_of_id == document.id]
    return found[-1] if found else None


def by_item(documents: Iterable[EvidenceDocument]) -> dict[str, list[EvidenceDocument]]:
    """The documents serving each checklist item, by item id."""
    found: dict[str, list[EvidenceDocument]] = defaultdict(list)
    for document in documents:
        for item in document.items:
            found[item].append(document)
    return dict(found)


def delete(document: EvidenceDocument) -> None:
    """Delete the document; its stored file goes once the deletion is committed
    (:mod:`withhold.web.evidence.signals`)."""
    document.delete()
