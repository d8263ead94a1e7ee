"""What a report says, as plain data: every text already in the report's language, every date already
in words, nothing left to decide. The templates (HTML, Markdown) only lay it out.

The attorney report (:class:`AttorneyReport`) and the client report (:class:`ClientReport`) share what
every page carries (:class:`Page`). Both are built by :func:`withhold.reports.build.build_report` from
what the core returns; no law is decided here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from withhold.language import Language

Audience = Literal["attorney", "client"]
AUDIENCES: tuple[Audience, ...] = ("attorney", "client")


@dataclass(frozen=True)
class Page:
    """What every page carries (running header and footer) and the document's metadata."""

    audience: Audience
    language: Language
    title: str
    person: str
    """The person's name, for the report only (it is their file); never logged."""
    a_number: str
    law_as_of: dt.date
    law_as_of_text: str
    """``Law as of 2026-11-23``: the footer's words for the date the law is taken as of."""
    other_law_date: str
    """When the law is taken as of another day than today, the sentence that says so (else empty)."""
    version: str
    """``Withhold 0.1.0``."""
    disclaimer: str
    confidential: str
    page_word: str
    of_word: str
    direction: str = "ltr"
    """``rtl`` for a language written right to left (Arabic): the document mirrors (CLDR's direction)."""


# --- attorney report --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A label and its value (a row of the case details, a fact and what it means, a rule and a note)."""

    label: str
    text: str
    flag: str = ""
    """A short mark after the text: ``finding`` for a fact that is a judgement."""
    cites: str = ""
    """The authority, for a lawyer's eyes (an open question's, in the attorney report)."""


@dataclass(frozen=True)
class Reason:
    title: str
    value: str
    unknown: bool
    rule: str
    citations: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class ProtectionView:
    name: str
    title: str
    status: str
    """The core's status value (``eligible``, ``not_eligible``, ``barred``, ``undetermined``)."""
    status_label: str
    summary: str
    citations: tuple[str, ...]
    discretionary: bool
    """A discretionary grant, and the protection still open (for a closed one the point is moot)."""
    reasons: tuple[Reason, ...]
    ruled_out: tuple[str, ...]
    """Titles of the bars ruled out (an eligible protection lists them all): one entry, not one each."""
    missing: tuple[Line, ...]
    legal: tuple[Line, ...]
    legal_as_above: tuple[str, ...]
    """Rules of points of legal analysis already written out under a stronger protection."""
    assumed: tuple[Line, ...]
    caveats: tuple[Line, ...]
    caveats_as_above: tuple[str, ...]


@dataclass(frozen=True)
class DeadlineView:
    title: str
    date_text: str
    status: str
    status_label: str
    kind_label: str
    when: str
    soon: bool
    done: str
    counting: str
    rule: str
    citations: tuple[str, ...]
    notes: tuple[str, ...]
    needs: tuple[Line, ...]
    contested: bool


@dataclass(frozen=True)
class DeadlineGroup:
    title: str
    entries: tuple[DeadlineView, ...]


@dataclass(frozen=True)
class StageLine:
    number: int
    title: str
    state: str
    state_label: str
    happens: str
    dates: tuple[str, ...]
    bring: tuple[str, ...]
    authority: tuple[str, ...]


@dataclass(frozen=True)
class CellView:
    text: str
    authority: str
    confidence_label: str
    marked: bool
    """Unverified or contested law: shown with its mark, never as settled."""
    in_force: str


@dataclass(frozen=True)
class ColumnView:
    protection: str
    title: str
    status: str
    status_label: str


@dataclass(frozen=True)
class RowView:
    label: str
    cells: tuple[CellView, ...]
    """In the order of the columns."""


@dataclass(frozen=True)
class ComparisonView:
    columns: tuple[ColumnView, ...]
    rows: tuple[RowView, ...]


@dataclass(frozen=True)
class ChecklistLine:
    what: str
    why: str
    who_has_it: str
    authority: str
    protections: str
    priority_label: str
    status: str
    status_label: str
    records: tuple[str, ...]
    condition: str
    """Set when the item applies only if a fact not yet known turns out a certain way."""
    contested: str
    """Where the law behind the item is contested or changing."""
    from_story: tuple[str, ...] = ()
    """What the client's account points to for this item, naming its events."""


@dataclass(frozen=True)
class StoryEvent:
    title: str
    """``Event 1 — March 2021, Choloma, Honduras``: the number, then when and where, as known."""
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class StoryView:
    """The client's account (``story``), in the person's words with the report's labels; what is not
    told is left out."""

    events: tuple[StoryEvent, ...]
    fear: tuple[Line, ...]
    in_own_words: str
    no_events: bool
    """The client said no one harmed or threatened them or their family (unknown is not this)."""


@dataclass(frozen=True)
class WarningLine:
    title: str
    why: str
    what_to_do: str
    authority: str
    severity: str
    severity_label: str
    protections: str
    contested: bool


@dataclass(frozen=True)
class ReliefLine:
    name: str
    state: str
    state_label: str
    why: str
    what_to_check: str
    authority: str
    volatile: bool


@dataclass(frozen=True)
class AttorneyReport:
    page: Page
    t: Mapping[str, str]
    """The fixed texts of the report's language (``texts.yaml``, group ``ui``)."""
    case: tuple[Line, ...]
    date_issues: tuple[Line, ...]
    protections: tuple[ProtectionView, ...]
    best: str
    questions: tuple[Line, ...]
    warnings: tuple[WarningLine, ...]
    deadlines: tuple[DeadlineGroup, ...]
    road_note: str
    stages: tuple[StageLine, ...]
    comparison: ComparisonView
    checklist: tuple[ChecklistLine, ...]
    left_out: tuple[Line, ...]
    """Checklist items left out because every protection they serve is closed (item id, why)."""
    relief: tuple[ReliefLine, ...]
    notes: str
    story: StoryView | None = None
    """The client's account; None when the case has none."""

    template = "attorney"


# --- client report ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Meaning:
    label: str
    text: str
    authority: str
    marked: str
    """The confidence word when the law behind the text is unverified or contested, else empty."""


@dataclass(frozen=True)
class ClientProtection:
    name: str
    status: str
    status_text: str
    explain: str
    why: str
    meanings: tuple[Meaning, ...]
    authority: str


@dataclass(frozen=True)
class NextLine:
    when: str
    what: str
    todo: str
    deadline: str = ""
    """The deadline's id (``asylum.one_year``) when the line is a deadline's; empty for a hearing."""


@dataclass(frozen=True)
class GatherItem:
    what: str
    who_has_it: str
    status: str
    status_label: str
    condition: str
    from_story: tuple[str, ...] = ()
    """What the client's story points to for this item, naming its events."""


@dataclass(frozen=True)
class GatherGroup:
    title: str
    items: tuple[GatherItem, ...]


@dataclass(frozen=True)
class Step:
    """One thing to do next: its title, in plain words, and its authority for the lawyer."""

    title: str
    text: str
    cite: str


@dataclass(frozen=True)
class ClientReport:
    page: Page
    t: Mapping[str, str]
    glossary: tuple[Line, ...]
    date_issues: bool
    in_short: tuple[str, ...]
    protections: tuple[ClientProtection, ...]
    where_now: Line | None
    upcoming: tuple[NextLine, ...]
    undated: tuple[NextLine, ...]
    passed: tuple[NextLine, ...]
    gather: tuple[GatherGroup, ...]
    relief: tuple[str, ...]
    """Names of other relief to ask a lawyer about (the flags' reasons are written for lawyers; they
    stay in the attorney report, with the case warnings)."""
    told_us: StoryView | None = None
    """What the client told, briefly and in their words; None when the case has no story."""
    next_steps: tuple[Step, ...] = ()
    """What a person without a lawyer does next (self-help only: a team's client has a lawyer for it)."""

    template = "client"


Report = AttorneyReport | ClientReport
