"""Deadlines as an iCalendar file (RFC 5545), built with the ``icalendar`` library.

One all-day event per dated entry, with reminders 7 days and 1 day before, the rule and its citations in
the description, and a UID that depends only on the case key and the deadline, so importing the file again
updates the events instead of duplicating them. No clock is read: the stamp is the evaluation date.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Alarm, Calendar, Event

from withhold.deadlines.schedule import Schedule

PRODID = "-//Withhold//Deadlines//EN"


def stable_uid(case_key: str, entry_key: str) -> str:
    digest = hashlib.sha256(f"{case_key}\x00{entry_key}".encode()).hexdigest()[:24]
    return f"{digest}@withhold"


def to_ics(schedule: Schedule, *, case_key: str, label: str) -> bytes:
    """``case_key`` identifies the case across exports (never printed); ``label`` is what the calendar
    shows, chosen by the user (no name goes into a calendar unless they put it there)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Withhold deadlines — {label}")
    stamp = dt.datetime.combine(schedule.as_of, dt.time(0, 0), tzinfo=dt.UTC)
    for entry in schedule.entries:
        if entry.date is None:
            continue
        event = Event()
        event.add("uid", stable_uid(case_key, entry.key))
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.date)
        event.add("dtend", entry.date + dt.timedelta(days=1))
        event.add("summary", f"{entry.title} — {label}")
        lines = [f"Rule: {entry.rule}", "Authority: " + "; ".join(entry.citations)]
        if entry.due:
            lines.append(f"Counted: {entry.due.counting}")
        lines += [f"Note: {note}" for note in entry.notes]
        lines.append("Withhold is decision support, not legal advice.")
        event.add("description", "\n".join(lines))
        event.add("categories", ["Withhold", entry.id])
        event.add("transp", "TRANSPARENT")
        for days in (7, 1):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"In {days} day{'s' if days > 1 else ''}: {entry.title}")
            alarm.add("trigger", dt.timedelta(days=-days))
            event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
