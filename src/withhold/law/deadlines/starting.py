"""Reading the date that starts a deadline, and building its value."""

from __future__ import annotations

import datetime as dt

from withhold.deadlines.counting import Counted
from withhold.deadlines.model import Due, Kind
from withhold.logic import Context, V


def start_date(ctx: Context, path: str) -> V[dt.date]:
    """The starting date, or unknown with the fact that would fix it."""
    return ctx.fact(path)


def due(
    start_path: str,
    start: dt.date,
    counted: Counted,
    *,
    kind: Kind = Kind.DEADLINE,
    notes: tuple[str, ...] = (),
    done_on: dt.date | None = None,
    not_done: bool = False,
) -> V[Due]:
    return V(
        Due(
            date=counted.date,
            starts_from=start_path,
            start=start,
            counting=counted.how,
            kind=kind,
            done_on=done_on,
            not_done=not_done,
            notes=notes,
        )
    )
