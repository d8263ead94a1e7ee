"""A case in an organization's docket, every version of it, and the keyed digests that let it be found.

The case file itself (``case/1``: identity and facts) and its docket summary (name, A-number, dates) are
stored encrypted; the only plain columns are the organization, the case's number within it, its workflow
status and timestamps. Ids are random UUIDs, so a URL says nothing about how many cases there are.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from withhold.web.accounts.models import Organization
from withhold.web.fields import EncryptedJSONField


class Workflow(models.TextChoices):
    """Where the organization's work on the case stands (not a legal status: those come from the core)."""

    ACTIVE = "active", "Active"
    ON_HOLD = "on_hold", "On hold"
    CLOSED = "closed", "Closed"


class Change(models.TextChoices):
    CREATED = "created", "Created"
    IMPORTED = "imported", "Imported from a file"
    EDITED = "edited", "Facts edited"
    INTERVIEW = "interview", "Interview"
    RESTORED = "restored", "Restored an earlier version"
    INTAKE = "intake", "Answers from the client intake link"


class CaseRecord(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="cases")
    number = models.PositiveIntegerField()
    """``Case 12`` within the organization: what lists and calendars call a case instead of a name."""
    workflow = models.CharField(max_length=20, choices=Workflow.choices, default=Workflow.ACTIVE)
    document = EncryptedJSONField()
    """The case file (``case/1``) as a mapping: only the keys that were set, so an explicit null stays."""
    summary = EncryptedJSONField()
    """What the docket shows and sorts by (``withhold.web.cases.summary``), derived from the document."""
    version = models.PositiveIntegerField(default=1)
    amended = models.PositiveIntegerField(default=0)
    """How many times the current version was amended in place since it was made (the answers of one
    interview sitting after its first): with ``version``, what an editor started from (:func:`stamp`)."""
    attorney = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attorney_cases",
    )
    """The responsible attorney (or accredited representative): whose case it is. A member of the same
    organization; reassignment is audited (``Action.ASSIGNED``)."""
    screener = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="screener_cases",
    )
    """Optionally, the person who screens the case (interviews, gathers evidence)."""
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("organization", "number"), name="case_number_per_organization"),
        )
        indexes = (models.Index(fields=("organization", "workflow")),)

    def __str__(self) -> str:
        return f"Case {self.number}"


class CaseVersion(models.Model):
    """One saved state of a case. A version is never changed once the next is made (restoring one makes a
    new version); until then, the interview sitting that made it adds its further answers to it in place
    (:func:`withhold.web.cases.store.save`), so one sitting is one version."""

    case = models.ForeignKey(CaseRecord, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    document = EncryptedJSONField()
    change = models.CharField(max_length=20, choices=Change.choices)
    restored_from = models.PositiveIntegerField(null=True, blank=True)
    answers = models.PositiveIntegerField(default=0)
    """The interview answers saved in this version (its sitting's), for a version made by the interview."""
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)
    intake = models.ForeignKey(
        "intake.IntakeLink", null=True, blank=True, on_delete=models.SET_NULL, related_name="versions"
    )
    """The client intake link whose answers made this version (the client, who has no account)."""

    class Meta:
        ordering = ("-number",)
        constraints = (models.UniqueConstraint(fields=("case", "number"), name="version_number_per_case"),)

    def __str__(self) -> str:
        return f"version {self.number}"


class SearchDigest(models.Model):
    """A keyed digest (HMAC) of one searchable word of a case's name or of its A-number."""

    case = models.ForeignKey(CaseRecord, on_delete=models.CASCADE, related_name="digests")
    digest = models.CharField(max_length=64, db_index=True)

    def __str__(self) -> str:
        return str(self.digest)[:8]


class BlankForm(models.Model):
    """A blank government form as its agency publishes it, kept for the organization so that a case's form
    is filled without uploading it each time (Form I-589, from uscis.gov/i-589). It is a public document,
    not case data, so it is stored plain; its edition was read and checked when it came."""

    class Kind(models.TextChoices):
        I589 = "i589", "Form I-589"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="blank_forms")
    form = models.CharField(max_length=20, choices=Kind.choices)
    pdf = models.BinaryField()
    edition = models.CharField(max_length=20)
    """As the form prints it (``03/01/23``)."""
    uploaded_at = models.DateTimeField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)
    """Kept as written, so the form still says who uploaded it after the account is removed."""

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("organization", "form"), name="one_blank_form_per_organization"),
        )

    def __str__(self) -> str:
        return f"{BlankForm.Kind(self.form).label} edition {self.edition}"
