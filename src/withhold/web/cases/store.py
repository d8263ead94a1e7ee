"""Saving a case: every change is a new version, and the docket summary and search digests follow it.

All writes to a case go through here, in one transaction that locks the case row (where the database can),
so two people answering at once get two versions, never a lost one.

One interview sitting is one version: each answer is saved at once (nothing is lost if the server stops),
but an answer that continues a sitting (:class:`Sitting`) is added to the version the sitting made instead
of making another. A sitting continues while the same person answers, nothing else was saved in between,
and no answer is further apart from the last than its window; anything else starts a new version.

An interview answer leaves the summary empty, to be made when the docket next reads the case:
a person answering twenty questions in a row would otherwise have the schedule and the screening worked
out twenty times for a docket nobody is looking at (about a fifth of an answer's time on the server).

After every save that changed the case (and every new case), the tasks the application makes from the
case's deadlines are brought up to date (:func:`withhold.web.tasks.deadlines.sync`): every way a case is
saved (the web editor, the interview, the client intake, an import, a restore, the API and the bulk
import) comes through here, so none is left out. A new case made by an attorney is theirs
(:func:`withhold.web.cases.assignment.default_attorney`).
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from withhold.facts.case import Case
from withhold.web.accounts.models import Organization
from withhold.web.cases import search
from withhold.web.cases.assignment import default_attorney
from withhold.web.cases.documents import case_of, stored
from withhold.web.cases.models import CaseRecord, CaseVersion, Change
from withhold.web.cases.summary import is_current, summarize

logger = logging.getLogger(__name__)


def today() -> dt.date:
    return timezone.localdate()


def _deadline_tasks(record: CaseRecord, before: Any = None) -> None:
    """Bring the case's deadline tasks up to date, after the save is committed, unless nothing the
    deadlines read changed since ``before`` (the case file as it was; None for a new case). A failure
    there does not undo the save (the next save tries again); it is logged by the case's id and the
    error's kind only, never its message (which could quote the case)."""
    from withhold.web.tasks import deadlines  # the tasks app builds on the cases app

    if before is not None and not deadlines.may_differ(before, record.document):
        return
    try:
        deadlines.sync(record)
    except Exception as error:  # pragma: no cover - logged, the save stands
        logger.error("deadline tasks of case %s not brought up to date (%s)", record.pk, type(error).__name__)


def _who(user: AbstractBaseUser | AnonymousUser | None) -> tuple[Any, str]:
    if user is None or not user.is_authenticated:
        return None, ""
    return user, user.get_username()


def create(
    organization: Organization,
    case: Case,
    user: AbstractBaseUser | AnonymousUser | None,
    change: Change = Change.CREATED,
    then: Callable[[CaseRecord], object] | None = None,
) -> CaseRecord:
    """Store ``case`` as version 1 of a new case, numbered next in ``organization``; ``then`` (its audit
    entry) is called with the new record inside the same transaction."""
    document = stored(case)
    summary = summarize(case, today())  # before the transaction: no lock is held while the core works
    who, name = _who(user)
    with transaction.atomic():
        # Lock the organization's row so two new cases cannot take the same number.
        Organization.objects.select_for_update().filter(pk=organization.pk).first()
        last = CaseRecord.objects.filter(organization=organization).aggregate(top=Max("number"))["top"]
        record = CaseRecord.objects.create(
            organization=organization,
            number=(last or 0) + 1,
            document=document,
            summary=summary,
            version=1,
            attorney=default_attorney(organization, user),
        )
        CaseVersion.objects.create(
            case=record, number=1, document=document, change=change, created_by=who, username=name
        )
        search.index(record, case)
        if then is not None:
            then(record)
    _deadline_tasks(record)
    return record


@dataclass(frozen=True)
class Sitting:
    """An interview answer, saved as part of its sitting: ``answers`` is how many it adds to the sitting's
    count (1, or 0 for a step back); the sitting ends after ``window`` without an answer."""

    window: dt.timedelta
    answers: int = 1


def stamp(record: CaseRecord) -> tuple[int, int]:
    """What a save started from: the version and how many times it was amended since (an interview sitting
    adds its answers to its version), so an editor opened before an answer sees that answer as a change."""
    return record.version, record.amended


class StaleError(Exception):
    """The case was saved by someone else since the state a save was made from (:func:`save`'s
    ``expected``): nothing was saved, so that nothing of theirs is overwritten unseen."""


def save(
    record: CaseRecord,
    case: Case,
    user: AbstractBaseUser | AnonymousUser | None,
    change: Change,
    restored_from: int | None = None,
    then: Callable[[CaseRecord], object] | None = None,
    summary_later: bool = False,
    sitting: Sitting | None = None,
    intake: uuid.UUID | None = None,
    expected: tuple[int, int] | None = None,
) -> CaseRecord:
    """Store ``case`` as the next version of ``record``; nothing is saved when nothing changed. With a
    ``sitting`` (an interview answer made from ``record`` as it was read), an answer that continues the
    sitting which made the current version is added to that version instead (:func:`_continues`).

    ``then`` (an audit entry, say) is called with the record as saved (or as it was, when nothing
    changed) inside the same transaction: both are written, or neither, under one write lock.
    ``summary_later``: the docket summary is made when it is first read (:func:`fresh_summary`).
    ``intake``: the client intake link the answers came through (no account: the sitting is the link's).
    ``expected``: the stamp (:func:`stamp`) the case must still have, else :class:`StaleError` is raised and
    nothing is saved (for a save computed from the case as read, by someone who cannot be shown a
    conflict to resolve: the client's intake page plans again instead)."""
    document = stored(case)
    # Before the transaction: no lock is held while the core works.
    summary: dict[str, Any] = {} if summary_later else summarize(case, today())
    who, name = _who(user)
    with transaction.atomic():
        locked = CaseRecord.objects.select_for_update().get(pk=record.pk)
        if expected is not None and stamp(locked) != expected:
            raise StaleError
        if locked.document == document and restored_from is None:
            if then is not None:
                then(locked)
            return locked
        reindex = search.terms_may_differ(locked.document, document)
        before = locked.document
        locked.document = document
        locked.summary = summary
        if sitting is not None and _continues(locked, stamp(record), (who, intake), change, sitting.window):
            CaseVersion.objects.filter(case=locked, number=locked.version).update(
                document=document, answers=F("answers") + sitting.answers
            )
            locked.amended += 1
        else:
            locked.version += 1
            locked.amended = 0
            CaseVersion.objects.create(
                case=locked,
                number=locked.version,
                document=document,
                change=change,
                restored_from=restored_from,
                created_by=who,
                username=name,
                answers=sitting.answers if sitting is not None else 0,
                intake_id=intake,
            )
        locked.save(update_fields=["version", "amended", "document", "summary", "updated_at"])
        if reindex:
            search.index(locked, case)
        if then is not None:
            then(locked)
    _deadline_tasks(locked, before)
    return locked


def _continues(
    locked: CaseRecord,
    started: tuple[int, int],
    by: tuple[Any, uuid.UUID | None],
    change: Change,
    window: dt.timedelta,
) -> bool:
    """Whether an interview answer continues the sitting that made ``locked``'s current version: the answer
    was made from the case as it is now (``started``: nothing saved in between, which it would otherwise
    overwrite unseen), ``by`` the person (or through the client intake link) whose sitting made that
    version, within ``window`` of its last save."""
    who, intake = by
    if (who is None and intake is None) or stamp(locked) != started:
        return False
    if timezone.now() - locked.updated_at > window:
        return False
    mine = {"intake_id": intake} if intake is not None else {"created_by": who}
    return CaseVersion.objects.filter(case=locked, number=locked.version, change=change, **mine).exists()


def answers_in(record: CaseRecord) -> int:
    """How many interview answers the current version of ``record`` holds (its sitting's)."""
    found = CaseVersion.objects.filter(case=record, number=record.version).values_list("answers", flat=True)
    return int(found.first() or 0)


def restore(
    record: CaseRecord,
    number: int,
    user: AbstractBaseUser | AnonymousUser | None,
    then: Callable[[CaseRecord], object] | None = None,
) -> CaseRecord:
    """Make version ``number`` the current state again, as a new version (history is never rewritten);
    ``then`` as for :func:`save`."""
    version = CaseVersion.objects.get(case=record, number=number)
    return save(record, case_of(version.document), user, Change.RESTORED, restored_from=number, then=then)


def fresh_summary(record: CaseRecord) -> dict[str, Any]:
    """The record's summary, made (and stored) when it was left for later or another version of Withhold
    wrote it. It is stored only if the case is still in the state it was made from (:func:`stamp`): a newer
    version, or an answer added to this one, saved meanwhile keeps its own summary."""
    if is_current(record.summary):
        return record.summary  # type: ignore[no-any-return]
    summary = summarize(case_of(record.document), today())
    version, amended = stamp(record)
    CaseRecord.objects.filter(pk=record.pk, version=version, amended=amended).update(summary=summary)
    record.summary = summary
    return summary
