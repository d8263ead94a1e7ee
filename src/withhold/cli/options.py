"""Checking option values, with one-line messages that name the option."""

from __future__ import annotations

import datetime as dt

from withhold.cli.errors import UserError

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
    """The ``--as-of`` date, or ``None`` when the option was not given."""
    return option_date("--as-of", value)


def evaluation_date(option: dt.date | None, in_case: dt.date | None, today: dt.date) -> tuple[dt.date, str]:
    """The date the law is evaluated as of, and where it came from: the option, else the case file's
    ``law_as_of``, else today."""
    if option is not None:
        return option, "from --as-of"
    if in_case is not None:
        return in_case, "from the case file"
    return today, "today"
