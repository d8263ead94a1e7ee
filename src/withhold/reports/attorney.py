"""The attorney report's content: the screening with every reason and citation, the missing facts and the
points needing legal analysis, the case warnings, the deadlines, the road through court, the comparison
of protections, the evidence checklist and other relief to look into.

Everything comes from :class:`~withhold.preparation.findings.Findings`. The wording of reasons, values and
fact descriptions is the one the CLI uses (:mod:`withhold.facts.describe`), so the screen and the report say the
same thing. The core's own texts are English; with ``--lang es`` the report's fixed texts are Spanish and
a notice says the legal analysis is quoted in English.
"""

from __future__ import annotations

from collections.abc import Sequence

from withhold.deadlines.schedule import SOON_DAYS, Entry
from withhold.deadlines.sections import sections
from withhold.facts import countries
from withhold.facts.case import Case
from withhold.facts.describe import fact_description, is_finding, person_name, value_text
from withhold.interview.bank import question_for
from withhold.language import Language, days_in_words
from withhold.law.procedure.circuit import proceeding_circuit
from withhold.logic.protection import Determination, LegalPoint
from withhold.logic.trace import Trace, json_value
from withhold.preparation.comparison import Comparison
from withhold.preparation.evidence import Checklist
from withhold.preparation.findings import Findings
from withhold.reports.model import (
    AttorneyReport,
    ChecklistLine,
    ColumnView,
    ComparisonView,
    DeadlineGroup,
    DeadlineView,
    Line,
    Page,
    ProtectionView,
    Reason,
    RowView,
    StageLine,
)
from withhold.reports.prepared import cell_view, protection_names, relief_lines, warning_lines
from withhold.reports.story import story_view
from withhold.reports.texts import texts
from withhold.roadmap import Roadmap, StageState


def attorney_report(found: Findings, page: Page) -> AttorneyReport:
    language = page.language
    words = texts()
    screening = found.screening
    shown: set[tuple[str, str]] = set()
    protections = tuple(_protection(d, language, shown) for d in screening.determinations)
    return AttorneyReport(
        page=page,
        t=words.group("ui", language),
        case=_case_lines(found.case, page, language, screening.value_of(proceeding_circuit).value),
        date_issues=tuple(Line(issue.path, issue.message) for issue in found.date_issues),
        protections=protections,
        best=_best(found, language),
        questions=tuple(_fact(path, language) for path in screening.questions),
        warnings=warning_lines(found.warnings, language, found),
        deadlines=_deadlines(found, language),
        road_note=found.road.note,
        stages=_stages(found.road, language),
        comparison=_comparison(found.comparison, language),
        checklist=_checklist(found.checklist, language, found),
        left_out=tuple(Line(left.id, left.why.get(language)) for left in found.checklist.left_out),
        relief=relief_lines(found.relief, language),
        notes=(found.case.notes or "").strip(),
        story=story_view(found.case.story, language),
    )


# --- case details -----------------------------------------------------------------------------------


def _case_lines(case: Case, page: Page, language: Language, circuit: object) -> tuple[Line, ...]:
    """The case as recorded; ``circuit`` is the circuit the screening used (the case's, or the one its
    court gives: shown as such)."""
    words = texts()
    unknown = words.say(language, "ui", "not_recorded")
    proceedings = case.proceedings

    def shown(value: object) -> str:
        if value is None:
            return unknown  # never "no": an absent fact is unknown
        if isinstance(value, bool):
            return words.say(language, "ui", "yes" if value else "no")
        return str(value)

    hearings = [
        f"{h.kind or unknown}: {h.date.isoformat() if h.date else unknown}{f' {h.time}' if h.time else ''}"
        for h in proceedings.hearings or []
    ]
    lines = [
        ("case_person", person_name(case.person) or unknown),
        ("case_a_number", shown(case.person.a_number)),
        ("case_nationality", shown(_country(case.person.nationality, language))),
        ("case_proceeding", shown(proceedings.kind.replace("_", " ") if proceedings.kind else None)),
        ("case_court", shown(proceedings.court)),
        (
            "case_circuit",
            shown(proceedings.circuit)
            if proceedings.circuit or not isinstance(circuit, str)
            else words.say(language, "ui", "case_circuit_from_court", what=circuit),
        ),
        ("case_detained", shown(proceedings.detained)),
        ("case_hearings", "; ".join(hearings) if hearings else unknown),
        (
            "case_arrival",
            shown(case.entry.last_arrival_date.isoformat() if case.entry.last_arrival_date else None),
        ),
        ("case_filed", _filed(case, language)),
        ("case_law_as_of", page.law_as_of.isoformat()),
        ("case_version", page.version),
    ]
    return tuple(Line(words.say(language, "ui", key), value) for key, value in lines)


def _country(code: str | None, language: Language) -> str | None:
    """A country by its name in the report's language (the case file keeps the code)."""
    return None if code is None else countries.name(code, language) or code


def _filed(case: Case, language: Language) -> str:
    words = texts()
    if case.asylum.not_filed_yet:
        return words.say(language, "ui", "not_filed_yet")
    if case.asylum.filed_on is None:
        return words.say(language, "ui", "not_recorded")
    return case.asylum.filed_on.isoformat()


def _best(found: Findings, language: Language) -> str:
    words = texts()
    best = found.screening.best_protection
    if best == "none":
        return words.say(language, "ui", "best_none")
    if best == "undetermined":
        return words.say(language, "ui", "best_undetermined")
    return found.screening[best].protection.title


# --- the screening ----------------------------------------------------------------------------------


def _protection(
    determination: Determination, language: Language, shown: set[tuple[str, str]]
) -> ProtectionView:
    words = texts()
    status = determination.status.value
    # As the CLI does: the bars an eligible protection rules out are one entry, not one entry each.
    ruled_out = [r for r in determination.reasons if r.role == "bar" and json_value(r.value) is False]
    listed = [r for r in determination.reasons if r not in ruled_out]
    return ProtectionView(
        name=determination.protection.name,
        title=determination.protection.title,
        status=status,
        status_label=words.say(language, "statuses", status, "label"),
        summary=determination.summary,
        citations=determination.protection.citations,
        discretionary=determination.protection.discretionary and determination.status.is_open,
        reasons=tuple(_reason(r, language) for r in listed),
        ruled_out=tuple(r.title for r in ruled_out),
        missing=tuple(_fact(path, language) for path in determination.missing),
        legal=_fresh(determination.needs_legal_analysis, shown),
        legal_as_above=_repeated(determination.needs_legal_analysis, shown),
        assumed=tuple(Line(a.fact, a.note) for a in determination.assumptions),
        caveats=_fresh(determination.caveats, shown),
        caveats_as_above=_repeated(determination.caveats, shown),
    )


def _fresh(points: Sequence[LegalPoint], shown: set[tuple[str, str]]) -> tuple[Line, ...]:
    """Points not yet shown under a stronger protection (as the CLI does: each is written out once)."""
    return tuple(Line(p.rule, p.why) for p in points if (p.rule, p.why) not in shown)


def _repeated(points: Sequence[LegalPoint], shown: set[tuple[str, str]]) -> tuple[str, ...]:
    """Rules of the points already written out above (named, not repeated); marks the others shown."""
    repeated = tuple(p.rule for p in points if (p.rule, p.why) in shown)
    shown.update((p.rule, p.why) for p in points)
    return repeated


def _reason(trace: Trace, language: Language) -> Reason:
    return Reason(
        title=trace.title,
        value=value_words(trace.value, language),
        unknown=not trace.known,
        rule=trace.label,
        citations=trace.citations,
        note=trace.note,
    )


def value_words(value: object, language: Language) -> str:
    """A rule's value: yes, no or unknown in the report's language (unknown is never "no"), else the
    value as the CLI writes it (a date, a number)."""
    shown = json_value(value)
    words = texts()
    if shown is True:
        return words.say(language, "ui", "yes")
    if shown is False:
        return words.say(language, "ui", "no")
    if shown == "unknown":
        return words.say(language, "ui", "unknown")
    return value_text(value)


def _fact(path: str, language: Language) -> Line:
    flag = texts().say(language, "ui", "finding") if is_finding(path) else ""
    return Line(path, fact_description(path), flag, question_for(path).cites)


# --- deadlines and the road -------------------------------------------------------------------------


def _deadlines(found: Findings, language: Language) -> tuple[DeadlineGroup, ...]:
    words = texts()
    shown: list[DeadlineGroup] = []
    for part, entries in sections(found.schedule).items():
        if part in ("unknown", "exempt") and not entries:
            continue
        heading = words.say(language, "ui", f"deadlines_{part}", days=SOON_DAYS)
        shown.append(DeadlineGroup(heading, tuple(_deadline(e, found, language) for e in entries)))
    return tuple(shown)


def _deadline(entry: Entry, found: Findings, language: Language) -> DeadlineView:
    words = texts()
    due = entry.due
    left = entry.days_left(found.today)
    done = ""
    if due is not None and due.done_on is not None:
        key = "done_on" if due.done_on <= due.date else "done_late"
        done = words.say(language, "ui", key, date=due.done_on.isoformat())
    elif due is not None and due.not_done:
        done = words.say(language, "ui", "not_done")
    title = entry.title
    if entry.item is not None and due is not None and due.starts_from != "proceedings.filing_deadline":
        title = f"{title} — {words.say(language, 'ui', 'hearing_on', date=due.start.isoformat())}"
    return DeadlineView(
        title=title,
        date_text=entry.date.isoformat() if entry.date else words.say(language, "ui", "no_date_yet"),
        status=entry.status.value,
        status_label=words.say(language, "standings", entry.status.value),
        kind_label=words.say(language, "ui", f"kind_{due.kind.value}") if due else "",
        when=days_in_words(left, language) if left is not None else "",
        soon=entry.soon(found.today),
        done=done,
        counting=due.counting if due else "",
        rule=entry.rule,
        citations=entry.citations,
        notes=entry.notes,
        needs=tuple(_fact(path, language) for path in entry.depends),
        contested=bool(entry.trace.caveat),
    )


def _stages(road: Roadmap, language: Language) -> tuple[StageLine, ...]:
    words = texts()
    lines: list[StageLine] = []
    for number, view in enumerate(road.stages, start=1):
        dates = [f"{label}: {day.isoformat()}" for label, day in view.events]
        dates += [
            f"{entry.title}: {entry.date.isoformat() if entry.date else words.say(language, 'ui', 'no_date_yet')}"
            for entry in view.deadlines
        ]
        detailed = view.state in (StageState.CURRENT, StageState.TO_CONFIRM)
        lines.append(
            StageLine(
                number=number,
                title=view.stage.title,
                state=view.state.value,
                state_label=words.say(language, "stage_states", view.state.value, "attorney"),
                happens=view.stage.happens if detailed else "",
                dates=tuple(dates),
                bring=view.stage.bring if view.state is StageState.CURRENT else (),
                authority=view.stage.authority,
            )
        )
    return tuple(lines)


# --- preparation ------------------------------------------------------------------------------------


def _comparison(comparison: Comparison, language: Language) -> ComparisonView:
    words = texts()
    columns = tuple(
        ColumnView(
            protection=c.protection,
            title=c.title.get(language),
            status=c.status,
            status_label=words.say(language, "statuses", c.status, "label"),
        )
        for c in comparison.columns
    )
    rows = tuple(
        RowView(
            label=row.label.get(language),
            cells=tuple(cell_view(row.cells.get(c.protection), language) for c in columns),
        )
        for row in comparison.rows
    )
    return ComparisonView(columns, rows)


def _checklist(found_list: Checklist, language: Language, found: Findings) -> tuple[ChecklistLine, ...]:
    words = texts()
    return tuple(
        ChecklistLine(
            what=item.what.get(language),
            why=item.why.get(language),
            who_has_it=item.who_has_it.get(language),
            authority=item.authority,
            protections=protection_names(item.protections, found, language),
            priority_label=words.say(language, "priorities", item.priority),
            status=item.status,
            status_label=words.say(language, "evidence_statuses", item.status),
            records=tuple(record.description for record in item.records if record.description),
            condition=item.condition.get(language) if item.condition else "",
            contested=item.contested.get(language) if item.contested else "",
            from_story=tuple(text.get(language) for text in item.from_story),
        )
        for item in found_list.items
    )
