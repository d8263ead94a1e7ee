"""One document of a case's evidence.

What could say anything about the client is in ``metadata``, encrypted with the key ring: the title, the
file's name as uploaded, its language, the checklist items it serves, whether it needs a translation and
who translated it. The plain columns say nothing about the person: what kind of file it is, how many pages
and bytes, where its encrypted bytes are stored (a random name, never the file's), which document it
translates, and who uploaded it when. Ids are random UUIDs, like the cases'.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models

from withhold.web.accounts.models import Organization
from withhold.web.cases.models import CaseRecord
from withhold.web.fields import EncryptedJSONField


class Kind(models.TextChoices):
    """What the file is, read from its bytes (:func:`withhold.filing.documents.kind_of`), never its name."""

    PDF = "pdf", "PDF"
    JPEG = "jpeg", "JPEG photo"
    PNG = "png", "PNG image"
    HEIC = "heic", "HEIC photo"


CONTENT_TYPES = {
    Kind.PDF: "application/pdf",
    Kind.JPEG: "image/jpeg",
    Kind.PNG: "image/png",
    Kind.HEIC: "image/heic",
}
EXTENSIONS = {Kind.PDF: "pdf", Kind.JPEG: "jpg", Kind.PNG: "png", Kind.HEIC: "heic"}


class EvidenceDocument(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    """The case's organization, kept on the document too, so every look-up is confined to one."""
    case = models.ForeignKey(CaseRecord, on_delete=models.CASCADE, related_name="evidence_documents")
    metadata = EncryptedJSONField()
    """``title``, ``filename``, ``language`` (ISO 639-1, or ""), ``items`` (checklist item ids),
    ``needs_translation`` (bool, or None: not said), ``translator`` (``name``, ``address``, ``phone``)."""
    kind = models.CharField(max_length=10, choices=Kind.choices)
    pages = models.PositiveIntegerField()
    size = models.PositiveBigIntegerField()
    """The file's size in bytes, as uploaded (before encryption)."""
    stored_name = models.CharField(max_length=200, unique=True)
    """Where the encrypted bytes are in the evidence storage: a random name."""
    translation_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="translations"
    )
    """The document this one is the English translation of."""
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)
    """Kept as written, so the document still says who uploaded it after the account is removed."""

    organization_id: int
    case_id: uuid.UUID
    translation_of_id: uuid.UUID | None

    class Meta:
        ordering = ("uploaded_at", "id")
        indexes = (models.Index(fields=("organization", "case")),)

    def __str__(self) -> str:
        return f"evidence document {str(self.id)[:8]}"

    # --- the encrypted metadata, read ----------------------------------------------------------------

    def _said(self, key: str, default: Any = "") -> Any:
        return (self.metadata or {}).get(key, default)

    @property
    def title(self) -> str:
        return str(self._said("title"))

    @property
    def filename(self) -> str:
        return str(self._said("filename"))

    @property
    def language(self) -> str:
        return str(self._said("language"))

    @property
    def items(self) -> tuple[str, ...]:
        return tuple(self._said("items", ()))

    @property
    def translator(self) -> dict[str, str]:
        found = self._said("translator", None) or {}
        return {key: str(found.get(key, "")) for key in ("name", "address", "phone")}

    @property
    def needs_translation(self) -> bool | None:
        """Whether the document needs an English translation: said by the team, else from its language
        (another language than English: yes); None when neither is known."""
        said = self._said("needs_translation", None)
        if isinstance(said, bool):
            return said
        if self.language:
            return self.language != "en"
        return None

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[Kind(self.kind)]

    @property
    def extension(self) -> str:
        return EXTENSIONS[Kind(self.kind)]
