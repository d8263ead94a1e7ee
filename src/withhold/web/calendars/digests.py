"""The daily reminder: one e-mail per person with what is due in the next 14 days and what was missed, for
the cases they are the attorney or screener of and the tasks assigned to them.

An e-mail leaves the organization's control, so it carries case numbers, days and links only, never a
person's name, a task's text or any fact of a case (8 CFR 1208.6): a deadline is named by the law's own
title (as the calendar feed does), a hearing as "a hearing", a task as "a task assigned to you". The link
opens the case behind the login.

Sent through Django's mail framework (console by default, SMTP by settings: README "Reminders by e-mail").
A person is sent one digest per day of their organization's calendar: the day is claimed in the database
before sending (:class:`~withhold.web.calendars.models.Reminder`), so two runs the same day, even at once,
send one. Nobody with nothing due gets mail; a person with something due and no address is counted.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from withhold.language import AUTHORED
from withhold.web.accounts.models import Membership, Organization
from withhold.web.calendars.entries import Collected, Entry, State, What, collect, today_for
from withhold.web.calendars.models import Reminder
from withhold.web.cases.models import CaseRecord, Workflow
from withhold.web.texts import text as ui

logger = logging.getLogger(__name__)


@dataclass
class Counts:
    sent: int = 0
    nothing_due: int = 0
    no_address: int = 0
    already_sent: int = 0
    failed: int = 0

    def add(self, other: Counts) -> None:
        for name in ("sent", "nothing_due", "no_address", "already_sent", "failed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Digest:
    """What one person is told: entries due ahead and entries missed (or overdue), oldest first."""

    today: dt.date
    upcoming: list[Entry] = field(default_factory=list)
    missed: list[Entry] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.upcoming and not self.missed


def digest_for(found: Collected, user_id: int, mine: set[Any], days: int) -> Digest:
    """``user_id``'s part of the organization's entries: the hearings and deadlines of their cases
    (``mine``), a deadline whose task is assigned to them, and the tasks assigned to them."""
    today = found.today
    digest = Digest(today)
    for entry in found.entries:
        if entry.what is What.TASK:
            theirs = entry.assignee_id == user_id
        else:
            theirs = entry.case_id in mine or (entry.what is What.DEADLINE and entry.assignee_id == user_id)
        if not theirs:
            continue
        if entry.state in (State.SOON, State.LATER) and entry.day <= today + dt.timedelta(days=days):
            digest.upcoming.append(entry)
        elif entry.state is State.OVERDUE or (
            entry.state in (State.MISSED, State.PASSED)
            and today - dt.timedelta(days=days) <= entry.day < today
        ):
            digest.missed.append(entry)
    return digest


def case_link(entry: Entry) -> str:
    return f"{settings.WITHHOLD_SITE_URL}{reverse('cases:detail', args=[entry.case_id])}"


def message(digest: Digest, address: str, language: str) -> EmailMultiAlternatives:
    """The e-mail: a subject and a plain-text body, and the same as simple HTML."""
    lines = [_line(entry, digest.today, language) for entry in digest.upcoming]
    missed = [_line(entry, digest.today, language) for entry in digest.missed]
    context = {
        "language": language,
        "upcoming": lines,
        "missed": missed,
        "today": digest.today.isoformat(),
        "days": settings.WITHHOLD_DIGEST_DAYS,
        "calendar": f"{settings.WITHHOLD_SITE_URL}{reverse('calendars:page')}?view=agenda&who=me",
    }
    subject = ui(
        "calendars.mail_subject",
        language,
        date=digest.today.isoformat(),
        n=len(digest.upcoming),
        number=len(digest.missed),
    )
    with translation.override(language):
        text = render_to_string("calendars/digest.txt", context)
        html = render_to_string("calendars/digest.html", context)
    mail = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [address])
    mail.attach_alternative(html, "text/html")
    return mail


def _line(entry: Entry, today: dt.date, language: str) -> dict[str, Any]:
    if entry.what is What.DEADLINE:
        what = ui("calendars.mail_deadline", language)
        title = entry.title  # the law's title of the deadline (the core's words), not a fact of the case
    elif entry.what is What.HEARING:
        what, title = ui("calendars.mail_hearing", language), ""
    else:
        what, title = ui("calendars.mail_task", language), ""
    state = {
        State.MISSED: "calendars.state_missed",
        State.PASSED: "calendars.state_passed",
        State.OVERDUE: "calendars.state_overdue",
    }.get(entry.state)
    return {
        "day": entry.day.isoformat(),
        "days": (entry.day - today).days,
        "case": ui("layout.case_n", language, n=entry.number),
        "what": what,
        "title": title,
        "state": ui(state, language) if state else "",
        "link": case_link(entry),
    }


def send_digests(day: dt.date | None = None, *, dry_run: bool = False) -> Counts:
    """Each organization's digests for ``day`` (default: its own today)."""
    total = Counts()
    for organization in Organization.objects.order_by("pk"):
        total.add(send_organization(organization, day, dry_run=dry_run))
    return total


def send_organization(
    organization: Organization, day: dt.date | None = None, *, dry_run: bool = False
) -> Counts:
    counts = Counts()
    today = day or today_for(organization)
    members = Membership.objects.filter(organization=organization, user__is_active=True).select_related(
        "user"
    )
    people = [m.user for m in members]
    if not people:
        return counts
    found = collect(organization, today)
    days = settings.WITHHOLD_DIGEST_DAYS
    assigned: dict[int, set[Any]] = {}
    open_cases = CaseRecord.objects.filter(organization=organization).exclude(workflow=Workflow.CLOSED)
    for case_id, attorney_id, screener_id in open_cases.values_list("id", "attorney_id", "screener_id"):
        for person_id in {attorney_id, screener_id} - {None}:
            assigned.setdefault(person_id, set()).add(case_id)
    reminders = {r.user_id: r for r in Reminder.objects.filter(user__in=people)}
    connection = None if dry_run else get_connection()
    try:
        for user in sorted(people, key=lambda u: u.pk):
            digest = digest_for(found, user.pk, assigned.get(user.pk, set()), days)
            if digest.empty:
                counts.nothing_due += 1
                continue
            address = (user.email or "").strip()
            if not address:
                counts.no_address += 1
                continue
            reminder = reminders.get(user.pk)
            if reminder is not None and reminder.last_sent == today:
                counts.already_sent += 1
                continue
            if dry_run:
                counts.sent += 1
                continue
            if not _claim(user, today):
                counts.already_sent += 1
                continue
            language = reminder.language if reminder is not None and reminder.language in AUTHORED else "en"
            try:
                connection.send_messages([message(digest, address, language)])  # type: ignore[union-attr]
            except Exception as error:  # the next run tries again; the log has the error's type only
                logger.error("a reminder could not be sent: %s", type(error).__name__)
                Reminder.objects.filter(user=user).update(
                    last_sent=reminder.last_sent if reminder is not None else None
                )
                counts.failed += 1
                continue
            counts.sent += 1
    finally:
        if connection is not None:
            connection.close()
    return counts


def _claim(user: Any, today: dt.date) -> bool:
    """Marks ``today`` sent for ``user`` unless it already was: one run gets it, however many run."""
    Reminder.objects.get_or_create(user=user)
    return bool(Reminder.objects.filter(user=user).exclude(last_sent=today).update(last_sent=today))
