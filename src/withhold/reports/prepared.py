"""The preparation's results (comparison cells, case warnings, other relief, protections named) as lines
of the attorney report, in the report's language.

Unverified and contested law keeps its mark (:data:`MARKED`, which the client report uses too), and every
line keeps its authority and the dates the law has been in force.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from withhold.language import Language
from withhold.preparation.comparison import Cell
from withhold.preparation.findings import Findings
from withhold.preparation.other_relief import ReliefFlag
from withhold.preparation.warnings import CaseWarning
from withhold.reports.model import CellView, ReliefLine, WarningLine
from withhold.reports.texts import texts

MARKED = ("unverified", "contested")
"""Confidence levels a report never shows as settled law."""


def cell_view(cell: Cell | None, language: Language) -> CellView:
    words = texts()
    if cell is None:
        empty = words.say(language, "ui", "not_applicable")
        return CellView(text=empty, authority="", confidence_label="", marked=False, in_force="")
    start, end = cell.in_force
    if start and end:
        in_force = words.say(language, "ui", "in_force_between", start=start.isoformat(), end=end.isoformat())
    elif start:
        in_force = words.say(language, "ui", "in_force_since", start=start.isoformat())
    elif end:
        in_force = words.say(language, "ui", "in_force_until", end=end.isoformat())
    else:
        in_force = ""
    return CellView(
        text=cell.text.get(language),
        authority=cell.reference,
        confidence_label=words.say(language, "confidence", cell.confidence),
        marked=cell.confidence in MARKED,
        in_force=in_force,
    )


def protection_names(names: Iterable[str], found: Findings, language: Language) -> str:
    """Protections named in the report's language, in the screening's order."""
    wanted = set(names)
    words = texts()
    return ", ".join(
        words.say(language, "protections", d.protection.name, "short")
        for d in found.screening.determinations
        if d.protection.name in wanted
    )


def warning_lines(
    warnings: Sequence[CaseWarning], language: Language, found: Findings
) -> tuple[WarningLine, ...]:
    words = texts()
    return tuple(
        WarningLine(
            title=w.title.get(language),
            why=w.why.get(language),
            what_to_do=w.what_to_do.get(language),
            authority=w.authority,
            severity=w.severity,
            severity_label=words.say(language, "severities", w.severity),
            protections=protection_names(w.protections, found, language),
            contested=w.contested,
        )
        for w in warnings  # most severe first, as case_warnings orders them
    )


def relief_lines(flags: Sequence[ReliefFlag], language: Language) -> tuple[ReliefLine, ...]:
    words = texts()
    return tuple(
        ReliefLine(
            name=f.name.get(language),
            state=f.state,
            state_label=words.say(language, "relief_states", f.state),
            why=f.why.get(language),
            what_to_check=f.what_to_check.get(language),
            authority=f.authority,
            volatile=f.volatile,
        )
        for f in flags
    )
