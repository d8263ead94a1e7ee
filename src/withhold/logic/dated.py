"""Dated data: the one format for every value of the law that changes with time.

A parameter's value (a number of days), a cell of the protections' comparison, a country's Temporary
Protected Status: each is a timeline of entries, and each entry says from when and until when it holds,
the authority it rests on (``reference``), how sure the project is of it (``confidence``, the rules
reference's tags) and the day its source was last checked against that authority (``verified_on``, read by
the law watch). This is OpenFisca's parameter metadata per value, in one shape for all of Withhold's data
files; the payload of an entry (a value and its unit, a text, a status) is declared by the model that
extends :class:`Dated`. Dates are inclusive at both ends, as :class:`~withhold.logic.period.Period`.

There is no law and no I/O here: the data files declare the dates; this module checks their order and
finds the entry in force on a day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import pairwise
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from withhold.logic.period import Period

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Text with something in it (surrounding blanks removed)."""

Confidence = Literal["verified", "secondary", "unverified", "contested"]
"""The rules reference's tags: [V] verified against the primary text, [S] from a secondary source,
(unverified), and contested where courts or agencies disagree or litigation is pending."""

Unit = Literal["day", "month", "year", "usd", "date", "countries", "megabyte"]
"""What a number counts, where it counts something."""


class Dated(BaseModel):
    """One entry of a timeline. Extend it with the entry's payload."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    start: dt.date | None = Field(default=None, alias="from")
    """The first day the entry holds (``from`` in the files); none: since always."""
    until: dt.date | None = None
    """The last day the entry holds; none: until a later entry or for good."""
    reference: Text
    """The authority: statute, regulation, Federal Register notice, decision or court order."""
    verified_on: dt.date
    """The day the entry was last checked against its authority (``withhold law stale`` lists old ones)."""
    confidence: Confidence = "verified"

    @model_validator(mode="after")
    def _ordered(self) -> Dated:
        if self.start is not None and self.until is not None and self.until < self.start:
            raise ValueError(f"until ({self.until.isoformat()}) is before from ({self.start.isoformat()})")
        return self

    @property
    def period(self) -> Period:
        return Period(self.start, self.until)


D = TypeVar("D", bound=Dated)


def timeline_problems(entries: Sequence[Dated], *, covering: bool) -> list[str]:
    """What is wrong with the order of ``entries``, each problem naming the entry by its index.

    Entries must be listed oldest first without overlap; only the first may leave ``from`` out (since
    always). An entry without ``until`` holds until the next one begins. A ``covering`` timeline (a
    comparison cell, a parameter) leaves no gap: an entry with an ``until`` is followed by one beginning the
    next day. A timeline that is not covering (a country's TPS periods) may leave gaps, in which nothing is
    known to hold. Whether the first entry needs a ``from`` is for the caller to say.
    """
    return [
        f"[{index}]: {field}: {message}"
        for index, field, message in timeline_errors(entries, covering=covering)
    ]


def timeline_errors(entries: Sequence[Dated], *, covering: bool) -> list[tuple[int, str, str]]:
    """:func:`timeline_problems` as (entry index, field, what is wrong)."""
    problems: list[tuple[int, str, str]] = []
    for index, (before, after) in enumerate(pairwise(entries), start=1):
        if after.start is None:
            problems.append((index, "from", "missing (only the first entry may leave it out)"))
            continue
        end = before.until
        if before.start is not None and after.start <= before.start:
            problems.append((index, "from", f"{after.start.isoformat()} is not after the entry before it"))
        elif end is not None and after.start <= end:
            problems.append(
                (
                    index,
                    "from",
                    f"{after.start.isoformat()} is not after the previous entry's until ({end.isoformat()}); "
                    "list entries in order, without overlap",
                )
            )
        elif covering and end is not None and after.start != end + dt.timedelta(days=1):
            problems.append(
                (
                    index,
                    "from",
                    f"{after.start.isoformat()} leaves a gap after the previous entry's until "
                    f"({end.isoformat()})",
                )
            )
    return problems


def check_timeline(
    entries: Sequence[D],
    *,
    covering: bool,
    first_from: bool | None = None,
    open_end: bool = False,
    title: str = "timeline",
) -> Sequence[D]:
    """``entries`` when their order is right (:func:`timeline_problems`); otherwise a
    :class:`~pydantic_core.ValidationError` with one error per problem, located at the entry and its field,
    so that a pydantic validator of the list reports each at its line. ``first_from``: True, the first
    entry must say from when it holds (a parameter's first value); False, it must not (a comparison cell
    holds since always); None, either. ``open_end``: the last entry has no ``until`` (the timeline says
    what holds today and after)."""
    found = timeline_errors(entries, covering=covering)
    if entries:
        first, last = entries[0], entries[-1]
        if first_from is True and first.start is None:
            found.insert(0, (0, "from", "missing (the first entry says from when it holds)"))
        elif first_from is False and first.start is not None:
            found.insert(
                0,
                (
                    0,
                    "from",
                    f"{first.start.isoformat()} leaves a gap before it: the first entry holds since always, "
                    "leave from out",
                ),
            )
        if open_end and last.until is not None:
            found.append(
                (
                    len(entries) - 1,
                    "until",
                    f"{last.until.isoformat()} leaves a gap after it: the last entry holds for good, "
                    "leave until out",
                )
            )
    if not found:
        return entries
    raise ValidationError.from_exception_data(
        title,
        [
            {
                "type": PydanticCustomError("timeline", "{problem}", {"problem": message}),
                "loc": (index, field),
                "input": [entry.model_dump(by_alias=True, include={"start", "until"}) for entry in entries],
            }
            for index, field, message in found
        ],
    )


def on(entries: Sequence[D], day: dt.date) -> D | None:
    """The entry in force on ``day``: the last one begun by then that has not ended (an entry without
    ``until`` holds until the next entry begins); ``None`` before the first or in a gap."""
    found: D | None = None
    for entry in entries:
        if entry.start is not None and day < entry.start:
            break
        found = entry
    if found is None or (found.until is not None and found.until < day):
        return None
    return found


def last_before(entries: Sequence[D], day: dt.date) -> D | None:
    """The last entry that ended before ``day`` (what was known last, for a day past a timeline's end)."""
    found: D | None = None
    for entry in entries:
        if entry.until is not None and entry.until < day:
            found = entry
    return found
