"""The client report's content: plain words, short sentences, every legal term explained where it first
appears (in a few words in "In short", then in the glossary that follows it), and only texts that exist
in the client's language.

The client reads what each protection would mean for them (the comparison's plain texts), what happens
next and when (hearings and deadlines, with dates in words), what to gather (the checklist), the names of
other help to ask a lawyer about, and who to contact. The case warnings and the reasons for other relief
are written for lawyers: they stay in the attorney report. No engine trace, rule id or fact path appears:
the core's English wording stays in the attorney report. Every statement keeps its authority in small
print, for the lawyer who reads it with the client.
"""

from __future__ import annotations

import datetime as dt

from withhold.deadlines.schedule import Entry
from withhold.language import Language, date_in_words, days_in_words
from withhold.law.deadlines.model import Standing
from withhold.logic.protection import Determination
from withhold.preparation.comparison import Comparison
from withhold.preparation.evidence import PRIORITIES, Checklist
from withhold.preparation.findings import Findings
from withhold.reports.model import (
    ClientProtection,
    ClientReport,
    GatherGroup,
    GatherItem,
    Line,
    Meaning,
    NextLine,
    Page,
    Step,
)
from withhold.reports.prepared import MARKED
from withhold.reports.story import story_view
from withhold.reports.texts import NEXT_STEPS, texts
from withhold.roadmap import Roadmap

HEARING_STAGES = ("master_calendar", "individual_hearing", "withholding_only_hearing")
"""Stages whose recorded events are hearings the client must attend."""

STILL_NEEDED = ("needed", "requested", "unavailable")


def client_report(found: Findings, page: Page, *, self_help: bool = False) -> ClientReport:
    language = page.language
    words = texts()
    upcoming = _upcoming(found, language)
    return ClientReport(
        page=page,
        t=words.group("ui", language),
        glossary=tuple(
            Line(
                words.say(language, "glossary", key, "term"), words.say(language, "glossary", key, "meaning")
            )
            for key in _glossary_keys()
        ),
        date_issues=bool(found.date_issues),
        in_short=_in_short(found, upcoming, language),
        protections=tuple(_protection(d, found.comparison, language) for d in found.screening.determinations),
        where_now=_where_now(found.road, language),
        upcoming=tuple(line for _, line in upcoming),
        undated=tuple(_undated(e, language) for e in found.schedule.entries if e.due is None),
        passed=tuple(
            _dated(e, found.today, language)
            for e in found.schedule.entries
            if e.due is not None and e.status is not Standing.UPCOMING
        ),
        gather=_gather(found.checklist, language),
        relief=tuple(flag.name.get(language) for flag in found.relief),
        told_us=story_view(found.case.story, language, brief=True),
        next_steps=_next_steps(language) if self_help else (),
    )


def _next_steps(language: Language) -> tuple[Step, ...]:
    words = texts()
    return tuple(
        Step(
            words.say(language, "next_steps", key, "title"),
            words.say(language, "next_steps", key, "text"),
            words.say("en", "next_steps", key, "cite"),  # citations stay as the court writes them
        )
        for key in NEXT_STEPS
    )


def _glossary_keys() -> list[str]:
    return list(dict.fromkeys(key[1] for key in texts().entries if key[0] == "glossary"))


# --- in short ---------------------------------------------------------------------------------------


def _in_short(
    found: Findings, upcoming: list[tuple[dt.date, NextLine]], language: Language
) -> tuple[str, ...]:
    words = texts()
    best = found.screening.best_protection
    lines: list[str] = []
    if best == "none":
        lines.append(words.say(language, "ui", "short_none"))
    elif best == "undetermined":
        lines.append(words.say(language, "ui", "short_undetermined"))
    else:
        name = words.say(language, "protections", best, "name")
        brief = words.say(language, "protections", best, "brief")
        lines.append(words.say(language, "ui", "short_best", name=name, brief=brief))
    if upcoming:
        _, first = upcoming[0]
        lines.append(words.say(language, "ui", "short_next", what=first.what, when=first.when))
    else:
        lines.append(words.say(language, "ui", "short_no_next"))
    if found.date_issues:
        lines.append(words.say(language, "ui", "short_date_issues"))
    return tuple(lines)


# --- protections ------------------------------------------------------------------------------------


def _protection(determination: Determination, comparison: Comparison, language: Language) -> ClientProtection:
    words = texts()
    name = determination.protection.name
    status = determination.status.value
    meanings: list[Meaning] = []
    # What a protection would give is listed for those still open (eligible, or not yet known: never
    # treated as closed); a closed one says so in a sentence instead of a page of rows.
    rows = comparison.rows if determination.status.is_open else ()
    for row in rows:
        cell = row.cells.get(name)
        if cell is None:
            continue
        marked = words.say(language, "confidence", cell.confidence) if cell.confidence in MARKED else ""
        question = words.say(language, "comparison_rows", row.id)  # the row's label, as a plain question
        meanings.append(Meaning(question, cell.plain.get(language), cell.reference, marked))
    return ClientProtection(
        name=words.say(language, "protections", name, "name"),
        status=status,
        status_text=words.say(language, "statuses", status, "plain"),
        explain=words.say(language, "protections", name, "explain"),
        why=comparison.column(name).plain_reason.get(language),
        meanings=tuple(meanings),
        authority="; ".join(determination.protection.citations),
    )


# --- what happens next and when ---------------------------------------------------------------------


def _where_now(road: Roadmap, language: Language) -> Line | None:
    current = road.current
    if current is None:
        return None
    words = texts()
    stage = current.stage.id
    return Line(
        words.say(language, "stages", stage, "title"), words.say(language, "stages", stage, "happens")
    )


def _upcoming(found: Findings, language: Language) -> list[tuple[dt.date, NextLine]]:
    """Hearings and deadlines still ahead, soonest first."""
    words = texts()
    times: dict[tuple[str | None, dt.date], str | None] = {
        (h.kind, h.date): h.time for h in found.case.proceedings.hearings or [] if h.date
    }
    kinds = {
        "master_calendar": "master",
        "individual_hearing": "individual",
        "withholding_only_hearing": "individual",
    }
    found_lines: list[tuple[dt.date, int, NextLine]] = []
    seen: set[tuple[str, dt.date]] = set()
    for view in found.road.stages:
        if view.stage.id not in HEARING_STAGES:
            continue
        for _label, day in view.events:
            if day < found.today or (view.stage.id, day) in seen:
                continue
            seen.add((view.stage.id, day))
            when = date_in_words(day, language, weekday=True)
            time = times.get((kinds[view.stage.id], day))
            if time:
                when = words.say(language, "ui", "at_time", date=when, time=time)
            when = f"{when} ({days_in_words((day - found.today).days, language)})"
            what = words.say(language, "stages", view.stage.id, "title")
            found_lines.append((day, 0, NextLine(when, what, words.say(language, "ui", "hearing_todo"))))
    for entry in found.schedule.entries:
        if entry.due is not None and entry.status is Standing.UPCOMING:
            found_lines.append((entry.due.date, 1, _dated(entry, found.today, language)))
    found_lines.sort(key=lambda item: (item[0], item[1]))
    return [(day, line) for day, _, line in found_lines]


def _dated(entry: Entry, as_of: dt.date, language: Language) -> NextLine:
    words = texts()
    due = entry.due
    assert due is not None
    key = f"{due.kind.value}.{entry.status.value}"
    when = words.say(
        language,
        "when",
        key,
        date=date_in_words(due.date, language, weekday=True),
        days=days_in_words((due.date - as_of).days, language),
    )
    return NextLine(
        when,
        words.say(language, "deadlines", entry.id, "title"),
        words.say(language, "deadlines", entry.id, "todo"),
        entry.id,
    )


def _undated(entry: Entry, language: Language) -> NextLine:
    words = texts()
    return NextLine(
        words.say(language, "when", Standing.UNKNOWN.value),
        words.say(language, "deadlines", entry.id, "title"),
        words.say(language, "deadlines", entry.id, "todo"),
    )


# --- what to gather ---------------------------------------------------------------------------------


def _gather(found_list: Checklist, language: Language) -> tuple[GatherGroup, ...]:
    """The checklist by priority; within each, what is still needed first, then what is on file."""
    words = texts()
    groups: list[GatherGroup] = []
    for priority in PRIORITIES:
        items = [item for item in found_list.items if item.priority == priority]
        items.sort(key=lambda item: item.status not in STILL_NEEDED)
        if items:
            groups.append(
                GatherGroup(
                    words.say(language, "ui", f"gather_{priority}"),
                    tuple(
                        GatherItem(
                            what=item.what.get(language),
                            who_has_it=item.who_has_it.get(language),
                            status=item.status,
                            status_label=words.say(language, "evidence_statuses", item.status),
                            condition=item.condition.get(language) if item.condition else "",
                            from_story=tuple(text.get(language) for text in item.from_story),
                        )
                        for item in items
                    ),
                )
            )
    return tuple(groups)
