"""The iCalendar export, read back with ``icalendar``: one all-day event per dated deadline, two
reminders, the rule and a citation in the description, and UIDs that survive a re-export."""

from __future__ import annotations

import datetime as dt
from typing import Any

from icalendar import Calendar

from withhold.deadlines.schedule import Schedule, schedule
from withhold.facts.loading import validate_case
from withhold.reports.ics import stable_uid, to_ics

AS_OF = dt.date(2026, 11, 23)

CASE: dict[str, Any] = {
    "withhold": "case/1",
    "person": {"family_name": "Inventada", "given_name": "Rosa", "a_number": "A123456789"},
    "proceedings": {
        "detained": False,
        "hearings": [{"kind": "master", "date": "2026-12-08"}, {"kind": "individual", "date": "2027-03-15"}],
        "decision": {"served": "oral"},
    },
    "entry": {"last_arrival_date": "2022-08-10"},
    "asylum": {"filed_on": "2024-01-20"},
    "convictions": [],
}


def plan(document: dict[str, Any] = CASE, as_of: dt.date = AS_OF) -> Schedule:
    return schedule(validate_case(document), as_of)


def events(data: bytes) -> list[Any]:
    calendar = Calendar.from_ical(data)
    return [component for component in calendar.walk() if component.name == "VEVENT"]


def test_one_all_day_event_per_dated_entry() -> None:
    result = plan()
    dated = [entry for entry in result.entries if entry.date is not None]
    undated = [entry for entry in result.entries if entry.date is None]
    assert (
        len(dated) == 5 and undated
    )  # the unknown ones get no event (the annual fee, from 2025, has a date)
    data = to_ics(result, case_key="key-1", label="case-17")
    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Withhold//Deadlines//EN"
    found = events(data)
    assert len(found) == len(dated)
    for event, entry in zip(found, dated, strict=True):
        start = event["DTSTART"]
        assert type(start.dt) is dt.date  # a DATE, not a DATE-TIME: an all-day event
        assert start.params.get("VALUE") == "DATE"
        assert start.dt == entry.date
        assert event["DTEND"].dt == entry.date + dt.timedelta(days=1)
        assert str(event["SUMMARY"]) == f"{entry.title} — case-17"
        description = str(event["DESCRIPTION"])
        assert f"Rule: {entry.rule}" in description
        assert entry.citations[0] in description
        assert entry.due is not None and entry.due.counting in description
        assert str(event["UID"]) == stable_uid("key-1", entry.key)
    assert b"DTSTART;VALUE=DATE:" in data


def test_two_reminders_seven_days_and_one_day_before() -> None:
    for event in events(to_ics(plan(), case_key="key-1", label="case-17")):
        alarms = [component for component in event.subcomponents if component.name == "VALARM"]
        assert [alarm["TRIGGER"].dt for alarm in alarms] == [dt.timedelta(days=-7), dt.timedelta(days=-1)]
        assert all(str(alarm["ACTION"]) == "DISPLAY" for alarm in alarms)
    data = to_ics(plan(), case_key="key-1", label="case-17")
    assert data.count(b"TRIGGER:-P7D") == data.count(b"TRIGGER:-P1D") == 5


def test_uids_are_stable_across_exports_and_dates_and_differ_between_cases() -> None:
    first = [str(e["UID"]) for e in events(to_ics(plan(), case_key="key-1", label="case-17"))]
    again = [str(e["UID"]) for e in events(to_ics(plan(), case_key="key-1", label="another label"))]
    later = [
        str(e["UID"]) for e in events(to_ics(plan(as_of=dt.date(2027, 1, 4)), case_key="key-1", label="x"))
    ]
    other_case = [str(e["UID"]) for e in events(to_ics(plan(), case_key="key-2", label="case-17"))]
    assert first == again == later
    assert len(set(first)) == len(first)  # one UID per deadline, the two hearings included
    assert not set(first) & set(other_case)


def test_the_export_is_deterministic_and_names_no_one() -> None:
    data = to_ics(plan(), case_key="key-1", label="case-17")
    assert data == to_ics(plan(), case_key="key-1", label="case-17")  # no clock read
    assert b"Inventada" not in data and b"Rosa" not in data and b"123456789" not in data
    assert b"DTSTAMP:20261123T000000Z" in data  # the evaluation date, not the time of the export


def test_a_contested_entry_carries_its_caveat_into_the_description() -> None:
    document = {**CASE, "proceedings": {"decision": {"date": "2026-03-09", "served": "oral"}}}
    result = plan(document, dt.date(2026, 3, 10))
    (event,) = [
        e for e in events(to_ics(result, case_key="k", label="l")) if "appeal.bia" in str(e["DESCRIPTION"])
    ]
    description = str(event["DESCRIPTION"])
    # The earliest defensible date goes to the calendar; the later one is explained beside it.
    assert "30 days, to 2026-04-08" in description
    assert "Contested:" in description
    assert event["DTSTART"].dt == dt.date(2026, 3, 19)
