"""The calendar page (``/calendar/``): month, week and agenda views of the hearings, deadlines and tasks of
one's own cases ("mine") or of the whole organization, in the organization's time zone.

The view, the day and whose entries are in the address (``?view=week&date=2026-12-07&who=me``), so a view
can be bookmarked or sent to a colleague; a value that cannot be read is said so on the page, and the
page falls back to the default (month, today, mine), never an error. On a phone the month's grid becomes a
list of the days that have entries (site.css), so it stays readable.

Two small forms beside it: the organization's time zone (for those who keep its calendar,
:attr:`Can.CALENDAR`), and one's own e-mail reminders (address and language, for everyone).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date, get_day_names
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from withhold.language import AUTHORED
from withhold.web.accounts.models import Membership, valid_time_zone
from withhold.web.accounts.roles import Can, Role
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.calendars.entries import Collected, Entry, State, collect, today_for
from withhold.web.calendars.models import Reminder
from withhold.web.cases.access import member_view
from withhold.web.language import language_of
from withhold.web.texts import text as ui

VIEWS = ("month", "week", "agenda")
WHO = ("me", "org")
AGENDA_DAYS = 28
"""The agenda shows four weeks from its day."""
ATTENTION_DAYS = 30
"""Missed and overdue entries of the last 30 days are repeated at the top of the page."""
COMING = 5
"""At most five entries of the coming days are repeated at the top of the page."""
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2199, 12, 31)


@dataclass(frozen=True)
class Day:
    date: dt.date
    entries: list[Entry]
    today: bool
    outside: bool
    """In the month's grid, a day of the month before or after."""
    label: str
    """The day in words (``Monday, December 7``)."""


@dataclass(frozen=True)
class Asked:
    view: str
    date: dt.date
    who: str
    problems: list[str]


def default_who(membership: Membership) -> str:
    """Those who carry cases see their own first; an administrator or a viewer, the organization's."""
    return "me" if membership.role in (Role.ATTORNEY, Role.SCREENER) else "org"


def asked(request: HttpRequest, membership: Membership, today: dt.date, language: str) -> Asked:
    problems = []
    view = request.GET.get("view", "month")
    if view not in VIEWS:
        problems.append(ui("calendars.bad_view", language))
        view = "month"
    who = request.GET.get("who", default_who(membership))
    if who not in WHO:
        problems.append(ui("calendars.bad_who", language))
        who = default_who(membership)
    day = today
    raw = request.GET.get("date", "")
    if raw:
        parsed = _date(raw)
        if parsed is None:
            problems.append(ui("calendars.bad_date", language))
        else:
            day = parsed
    return Asked(view, day, who, problems)


def _date(raw: str) -> dt.date | None:
    """A day written as ``2026-12-07`` within the calendar's years, else None."""
    try:
        day = dt.date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        return None
    return day if day is not None and EARLIEST <= day <= LATEST else None


def sunday_before(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def span(view: str, day: dt.date) -> tuple[dt.date, dt.date, dt.date, dt.date]:
    """The first and last day shown, and the days the previous and next links go to."""
    if view == "week":
        first = sunday_before(day)
        return first, first + dt.timedelta(days=6), first - dt.timedelta(days=7), first + dt.timedelta(days=7)
    if view == "agenda":
        step = dt.timedelta(days=AGENDA_DAYS)
        return day, day + step - dt.timedelta(days=1), day - step, day + step
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    return first, following - dt.timedelta(days=1), previous, following


def address(view: str, day: dt.date, who: str) -> str:
    return f"{reverse('calendars:page')}?{urlencode({'view': view, 'date': day.isoformat(), 'who': who})}"


DAY_PATTERNS = {"en": "EEEE, MMMM d", "es": "EEEE, d 'de' MMMM"}
"""A day in words in each language of the team's pages (``Monday, December 21``, ``lunes, 21 de diciembre``)."""


def day_label(day: dt.date, language: str) -> str:
    return format_date(day, DAY_PATTERNS.get(language, DAY_PATTERNS["en"]), locale=language)


def heading(view: str, first: dt.date, last: dt.date, language: str) -> str:
    if view == "month":
        return format_date(first, "LLLL y", locale=language).capitalize()
    return ui(
        "calendars.range",
        language,
        first=format_date(first, "medium", locale=language),
        last=format_date(last, "medium", locale=language),
    )


def days_of(
    found: Collected, first: dt.date, last: dt.date, month: dt.date | None, language: str
) -> list[Day]:
    entries = found.by_day(first, last)
    days = []
    day = first
    while day <= last:
        days.append(
            Day(
                date=day,
                entries=entries.get(day, []),
                today=day == found.today,
                outside=month is not None and day.month != month.month,
                label=day_label(day, language),
            )
        )
        day += dt.timedelta(days=1)
    return days


def coming(found: Collected, today: dt.date) -> list[Entry]:
    """What is next: the entries due within the "soon" window (at most :data:`COMING`), else the first one
    ahead."""
    ahead = [e for e in found.entries if e.day >= today and e.state in (State.SOON, State.LATER)]
    soon = [e for e in ahead if e.state is State.SOON]
    return soon[:COMING] if soon else ahead[:1]


@member_view(Can.VIEW)
def calendar_page(request: HttpRequest, membership: Membership) -> HttpResponse:
    organization = membership.organization
    language = language_of(request)
    today = today_for(organization)
    wanted = asked(request, membership, today, language)
    found = collect(organization, today, membership.user if wanted.who == "me" else None)
    first, last, previous, following = span(wanted.view, wanted.date)
    context: dict[str, Any] = {
        "view": wanted.view,
        "who": wanted.who,
        "date": wanted.date,
        "today": today,
        "problems": wanted.problems,
        "heading": heading(wanted.view, first, last, language),
        "today_words": format_date(today, "full", locale=language),
        "links": {
            "previous": address(wanted.view, previous, wanted.who),
            "next": address(wanted.view, following, wanted.who),
            "today": address(wanted.view, today, wanted.who),
            **{view: address(view, wanted.date, wanted.who) for view in VIEWS},
            **{f"who_{who}": address(wanted.view, wanted.date, who) for who in WHO},
        },
        # The agenda from today lists the same days right below: not twice.
        "coming": [] if wanted.view == "agenda" and wanted.date == today else coming(found, today),
        "agenda_today": wanted.view == "agenda" and wanted.date == today,
        "attention": [
            e
            for e in found.entries
            if e.warning and today - dt.timedelta(days=ATTENTION_DAYS) <= e.day < today
        ],
        "zone": organization.time_zone,
        "reminder": Reminder.objects.filter(user=request.user).first(),
        "email": request.user.email,  # type: ignore[union-attr]
        "languages": [(code, ui(f"calendars.language_{code}", language)) for code in AUTHORED],
    }
    if wanted.view == "month":
        grid_first = sunday_before(first)
        grid_last = sunday_before(last) + dt.timedelta(days=6)
        days = days_of(found, grid_first, grid_last, first, language)
        context["weeks"] = [days[i : i + 7] for i in range(0, len(days), 7)]
        names = get_day_names("abbreviated", locale=language)
        context["weekdays"] = [names[(6 + i) % 7] for i in range(7)]  # Sunday first
        context["count"] = len(found.between(first, last))
    else:
        days = days_of(found, first, last, None, language)
        context["days"] = days if wanted.view == "week" else [d for d in days if d.entries]
        context["count"] = sum(len(d.entries) for d in days)
    return render(request, "calendars/calendar.html", context)


@require_POST
@member_view(Can.VIEW)
def time_zone(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The organization's time zone, for those who keep its calendar (or its people)."""
    if not (membership.can(Can.CALENDAR) or membership.can(Can.MANAGE_PEOPLE)):
        raise PermissionDenied
    language = language_of(request)
    name = request.POST.get("time_zone", "").strip()[:64]
    try:
        if not name:
            raise ValidationError("empty")
        valid_time_zone(name)
    except ValidationError:
        messages.error(request, ui("calendars.zone_unknown", language, name=name or "—"))
        return redirect("calendars:page")
    organization = membership.organization
    organization.time_zone = name
    organization.save(update_fields=["time_zone"])
    audit(request, organization, Action.CALENDAR_RESET, what="time_zone")
    messages.success(request, ui("calendars.zone_saved", language, name=name))
    return redirect("calendars:page")


@require_POST
@member_view(Can.VIEW)
def reminders(request: HttpRequest, membership: Membership) -> HttpResponse:
    """One's own reminders: the address they go to (none: no reminders) and their language."""
    language = language_of(request)
    email = request.POST.get("email", "").strip()
    chosen = request.POST.get("language", "en")
    if chosen not in AUTHORED:
        messages.error(request, ui("calendars.reminder_bad_language", language))
        return redirect("calendars:page")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            messages.error(request, ui("calendars.reminder_bad_email", language))
            return redirect("calendars:page")
    user = membership.user
    user.email = email
    user.save(update_fields=["email"])
    Reminder.objects.update_or_create(user=user, defaults={"language": chosen})
    key = "calendars.reminder_saved" if email else "calendars.reminder_off"
    messages.success(request, ui(key, language))
    return redirect("calendars:page")
