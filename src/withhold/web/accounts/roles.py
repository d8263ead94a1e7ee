"""What each role may do. One table, so that a view asks for a permission, never for a role.

- admin: manages the people of the organization, its calendar feed, its blank forms and its API tokens;
  reads cases and the audit log;
- attorney: everything on the organization's cases, its blank forms, and the audit log;
- screener: creates cases (by hand or from a file), runs interviews, gathers the evidence documents, writes
  notes and keeps tasks, sees the results;
- viewer: reads cases and their results, nothing else.
"""

from __future__ import annotations

from enum import StrEnum

from django.db import models


class Role(models.TextChoices):
    ADMIN = "admin", "Administrator"
    ATTORNEY = "attorney", "Attorney"
    SCREENER = "screener", "Screener"
    VIEWER = "viewer", "Viewer"


class Can(StrEnum):
    VIEW = "view"
    """See a case, its results, its versions, its report and calendar downloads."""
    CREATE = "create"
    """Create a case, or import one from a case/1 file."""
    INTERVIEW = "interview"
    """Answer the guided interview for a case."""
    EDIT = "edit"
    """Edit a case's facts or status directly."""
    EXPORT = "export"
    """Download the whole case file (case/1)."""
    RESTORE = "restore"
    DELETE = "delete"
    CALENDAR = "calendar"
    """See or reset the organization's calendar feed link."""
    MANAGE_PEOPLE = "manage_people"
    VIEW_AUDIT = "view_audit"
    """See the organization's audit log (who did what to which case, and when) and download it."""
    KEEP_EVIDENCE = "keep_evidence"
    """Upload a case's evidence documents and change what they say (deleting one needs :attr:`DELETE`)."""
    KEEP_FORMS = "keep_forms"
    """Keep (or replace) the organization's blank Form I-589, which every case's filled form is made from."""
    WRITE = "write"
    """Write notes on a case and keep its tasks (add, change, mark done, open again). Changing or deleting
    someone else's note needs :attr:`EDIT` or :attr:`DELETE`."""
    MANAGE_TOKENS = "manage_tokens"
    """Make and revoke the organization's API tokens (web/api): each token acts with the role it is given."""


PERMISSIONS: dict[str, frozenset[Can]] = {
    Role.ADMIN: frozenset(
        {Can.VIEW, Can.CALENDAR, Can.MANAGE_PEOPLE, Can.VIEW_AUDIT, Can.KEEP_FORMS, Can.MANAGE_TOKENS}
    ),
    Role.ATTORNEY: frozenset(
        {
            Can.VIEW,
            Can.CREATE,
            Can.INTERVIEW,
            Can.EDIT,
            Can.EXPORT,
            Can.RESTORE,
            Can.DELETE,
            Can.CALENDAR,
            Can.VIEW_AUDIT,
            Can.KEEP_FORMS,
            Can.KEEP_EVIDENCE,
            Can.WRITE,
        }
    ),
    Role.SCREENER: frozenset({Can.VIEW, Can.CREATE, Can.INTERVIEW, Can.KEEP_EVIDENCE, Can.WRITE}),
    Role.VIEWER: frozenset({Can.VIEW}),
}


def allowed(role: str, permission: Can) -> bool:
    return permission in PERMISSIONS.get(role, frozenset())
