"""Checking option values, with one-line messages that name the option."""

from __future__ import annotations

import datetime as dt

from withhold.cli.errors import UserError
from withhold.facts.limits import law_as_of_problem

FORMATS = ("text", "json")


def output_format(value: str) -> str:
    """``text`` or ``json`` (any case)."""
    chosen = value.strip().lower()
    if chosen not in FORMATS:
        raise UserError(f"--format must be one of {', '.join(FORMATS)}; got {value!r}")
    return chosen


def option_date(option: str, value: str | None) -> dt.date | None:
    """A date option (``--as-of``, ``--since``), or ``None`` when it was not given."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UserError(f"{option} must be a date as YYYY-MM-DD; got {value[:40]!r}") from None


def as_of_date(value: str | None) -> dt.date | None:
    """The ``--as-of`` date, or ``None`` when the option was not given; only a date the law's tables cover
    (facts/limits.py), as for a case file's ``law_as_of``."""
    day = option_date("--as-of", value)
    problem = law_as_of_problem(day) if day is not None else None
    if problem:
        raise UserError(f"--as-of: {problem}")
    return day


def today_date(value: str | None) -> dt.date:
    """The day deadlines and days are counted from: ``--today`` (or ``WITHHOLD_TODAY``), else the clock."""
    return option_date("--today", value) or dt.date.today()


def other_law_date(law_as_of: dt.date, today: dt.date) -> str | None:
    """The line every output starts with when the law is taken as of another day than today."""
    if law_as_of == today:
        return None
    return (
        f"The law is applied as of {law_as_of.isoformat()}, not today ({today.isoformat()}): deadlines and "
        "days are counted from today."
    )


def evaluation_date(option: dt.date | None, in_case: dt.date | None, today: dt.date) -> tuple[dt.date, str]:
    """The date the law is evaluated as of, and where it came from: the option, else the case file's
    ``law_as_of`` (only a date the law's tables cover), else today."""
    if option is not None:
        return option, "from --as-of"
    if in_case is not None:
        problem = law_as_of_problem(in_case)
        if problem:  # a case file may carry a historic date; the law's tables do not reach it
            raise UserError(
                f"law_as_of in the case file: {problem}", ["give --as-of YYYY-MM-DD for another date"]
            )
        return in_case, "from the case file"
    return today, "today"
