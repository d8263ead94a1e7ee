"""Answers the form needs that are not one case/1 fact as it stands: each a small named function.

A function returns the answer (text, or a choice such as ``yes`` for checkboxes), ``None`` when the case
does not know it, or :data:`NOT_ASKED` when the form does not ask it of this person. Where a fact of the
law answers a question of the form, the answer comes from the core (the screening for the CAT boxes, the
one-year deadline for Part C.5); nothing here decides the law. A yes is taken from a fact only where the
fact proves it; a no only where the facts cover the whole question (Part C.3 asks about the spouse and
children too, so ``conduct.persecuted_others: false`` alone does not answer it).

``facts`` name the case/1 paths that would answer an unknown (relative to the object a question reads,
when it names one with ``of``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from withhold.deadlines.schedule import Schedule
from withhold.facts.case import Answer, Case, Conviction, UsEntry
from withhold.forms.formats import country_name, us_date
from withhold.preparation import story
from withhold.screening import Screening


class NotAsked:
    """The form does not ask this question of this person (an explanation for a "no")."""

    def __repr__(self) -> str:
        return "NOT_ASKED"


NOT_ASKED: Final = NotAsked()
Resolved = str | None | NotAsked

ONE_YEAR_DEADLINE = "asylum.one_year"


@dataclass
class Context:
    """What every value function may read: the case, the date of filing, and what the core says."""

    case: Case
    as_of: dt.date
    screening: Screening
    schedule: Schedule
    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


@dataclass(frozen=True)
class ValueFunction:
    name: str
    facts: tuple[str, ...]
    compute: Callable[[Context, Any, str | None], Resolved]


@dataclass(frozen=True)
class RowSource:
    name: str
    path: str
    """Where the rows live in case/1 (for the list of unanswered questions)."""
    rows: Callable[[Context], tuple[Sequence[Any] | None, bool]]
    """The rows, or None if unknown; and whether they are all the rows (False: more may exist)."""


VALUES: dict[str, ValueFunction] = {}
ROWS: dict[str, RowSource] = {}


def value(
    name: str, *facts: str
) -> Callable[
    [Callable[[Context, Any, str | None], Resolved]], Callable[[Context, Any, str | None], Resolved]
]:
    def register(
        compute: Callable[[Context, Any, str | None], Resolved],
    ) -> Callable[[Context, Any, str | None], Resolved]:
        VALUES[name] = ValueFunction(name, facts, compute)
        return compute

    return register


def yes_no(answer: bool | None) -> str | None:
    return None if answer is None else ("yes" if answer else "no")


def _answer(answer: Answer | None) -> bool | None:
    return answer.answer if answer is not None else None


def _explicit_or_fact(
    ctx: Context, explicit: bool | None, proven_yes: bool, question: str, reason: str
) -> str | None:
    """The recorded answer; else yes where another fact proves it. A recorded no that a fact contradicts
    is left unanswered, with a note: the form is sworn (18 USC 1546), so a contradiction is resolved by a
    person, not by the software."""
    if explicit is False and proven_yes:
        ctx.note(
            f"{question}: the case answers no, but {reason}; the box is left empty until this is resolved."
        )
        return None
    if explicit is not None:
        return yes_no(explicit)
    return "yes" if proven_yes else None


# --- identity ----------------------------------------------------------------------------------------


@value("full_name", "given_name", "family_name")
def full_name(ctx: Context, of: Any, arg: str | None) -> Resolved:
    if of is None or not of.given_name or not of.family_name:
        return None
    middle = getattr(of, "middle_name", None)
    return " ".join(part for part in (of.given_name, middle, of.family_name) if part)


@value("birthplace", "city_of_birth", "country_of_birth")
def birthplace(ctx: Context, of: Any, arg: str | None) -> Resolved:
    if of is None or not of.city_of_birth or not of.country_of_birth:
        return None
    return f"{of.city_of_birth}, {country_name(of.country_of_birth)}"


@value("other_names", "other_names")
def other_names(ctx: Context, of: Any, arg: str | None) -> Resolved:
    names = of.other_names if of is not None else None
    if names is None:
        return None
    return "; ".join(names) if names else "None"


@value("other_languages", "person.other_languages")
def other_languages(ctx: Context, of: Any, arg: str | None) -> Resolved:
    languages = ctx.case.person.other_languages
    if languages is None:
        return None
    return ", ".join(languages) if languages else "None"


@value("nationality", "person.nationality")
def nationality(ctx: Context, of: Any, arg: str | None) -> Resolved:
    person = ctx.case.person
    if person.stateless:
        return "Stateless"
    return country_name(person.nationality) if person.nationality else None


@value("court_proceedings", "proceedings.kind", "proceedings.earlier_proceedings")
def court_proceedings(ctx: Context, of: Any, arg: str | None) -> Resolved:
    """Part A.I.18: now in immigration court, before but not now, or never."""
    proceedings = ctx.case.proceedings
    if proceedings.kind in ("removal", "asylum_only", "withholding_only"):
        return "now"
    if proceedings.kind is None or proceedings.earlier_proceedings is None:
        return None
    return "before" if proceedings.earlier_proceedings else "never"


def _us_entries(ctx: Context) -> tuple[Sequence[Any] | None, bool]:
    """Every entry, most recent first. Without ``entries``, the last arrival the law reads (``entry``)
    fills the first row, and the earlier entries stay unknown."""
    entries = ctx.case.entries
    entry = ctx.case.entry
    if entries is not None:
        if (
            entries
            and entry.last_arrival_date
            and entries[0].date
            and entries[0].date != entry.last_arrival_date
        ):
            ctx.note(
                f"Part A.I.19: the most recent entry is dated {us_date(entries[0].date)}, but the last arrival "
                f"the law reads (entry.last_arrival_date) is {us_date(entry.last_arrival_date)}; correct one."
            )
        return entries, True
    if entry.last_arrival_date is None and entry.place is None and entry.status_at_entry is None:
        return None, False
    return (UsEntry(date=entry.last_arrival_date, place=entry.place, status=entry.status_at_entry),), False


ROWS["us_entries"] = RowSource("us_entries", "entries", _us_entries)


@value("current_i94", "entries[0].i94_number")
def current_i94(ctx: Context, of: Any, arg: str | None) -> Resolved:
    entries = ctx.case.entries
    if not entries:
        return None
    return entries[0].i94_number


# --- family ------------------------------------------------------------------------------------------


@value("not_married", "person.marital_status")
def not_married(ctx: Context, of: Any, arg: str | None) -> Resolved:
    status = ctx.case.person.marital_status
    return None if status is None else yes_no(status != "married")


@value("spouse", "person.marital_status")
def spouse(ctx: Context, of: Any, arg: str | None) -> Resolved:
    """Whether the spouse section is asked: married; or, with the status unknown, a spouse on record."""
    status = ctx.case.person.marital_status
    if status is None:
        return "yes" if ctx.case.family.spouse is not None else None
    if status != "married" and ctx.case.family.spouse is not None:
        ctx.note(
            f"Part A.II: the case records a spouse, but the marital status is {status}; the spouse section "
            "is left empty."
        )
    return yes_no(status == "married")


@value("has_children", "family.children")
def has_children(ctx: Context, of: Any, arg: str | None) -> Resolved:
    children = ctx.case.family.children
    return None if children is None else yes_no(bool(children))


@value("children_count", "family.children")
def children_count(ctx: Context, of: Any, arg: str | None) -> Resolved:
    children = ctx.case.family.children
    return None if children is None else str(len(children))


@value("child_marital_status", "marital_status")
def child_marital_status(ctx: Context, of: Any, arg: str | None) -> Resolved:
    if of.marital_status is not None:
        return str(of.marital_status).capitalize()
    # `married: false` could be single, divorced or widowed: only a yes answers the form's question.
    return "Married" if of.married else None


@value("family_helped", "application.family_helped")
def family_helped(ctx: Context, of: Any, arg: str | None) -> Resolved:
    helpers = ctx.case.application.family_helped
    return None if helpers is None else yes_no(bool(helpers))


# --- background --------------------------------------------------------------------------------------


@value("feared_country_differs", "background.last_address_abroad.country", "claim.country")
def feared_country_differs(ctx: Context, of: Any, arg: str | None) -> Resolved:
    """Part A.III.1 asks for a second address when the last one abroad is not in the feared country."""
    last = ctx.case.background.last_address_abroad
    feared = ctx.case.claim.country
    if last is None or last.country is None or feared is None:
        return None
    return yes_no(last.country != feared)


# --- Part B ------------------------------------------------------------------------------------------


@value("claimed_ground", "claim.grounds")
def claimed_ground(ctx: Context, of: Any, arg: str | None) -> Resolved:
    grounds = ctx.case.claim.grounds
    return None if grounds is None else yes_no(arg in grounds)


@value("cat_requested", "torture.likelihood", "torture.official_involvement")
def cat_requested(ctx: Context, of: Any, arg: str | None) -> Resolved:
    """The CAT boxes follow the screening: checked while CAT withholding or deferral is eligible or still
    undetermined (an unknown is never a reason to give up a protection); left empty only when the
    screening finds both not available on the facts given (8 CFR 1208.16(c), 1208.17)."""
    statuses = [ctx.screening[name].status for name in ("cat_withholding", "cat_deferral")]
    if not any(status.is_open for status in statuses):
        ctx.note(
            "The screening finds CAT withholding and CAT deferral not available on these facts, so the CAT "
            "boxes (above Part A.I and in Part B.1) are left empty; check them by hand if CAT protection "
            "is to be requested."
        )
        return "no"
    return "yes"


def _conviction_line(conviction: Conviction) -> str:
    parts = [f"Convicted of {conviction.offense or 'an offense (not recorded)'}"]
    if conviction.date:
        parts.append(f"on {us_date(conviction.date)}")
    if conviction.jurisdiction:
        parts.append(f"({conviction.jurisdiction})")
    line = " ".join(parts)
    if conviction.sentence_months is not None:
        line += f"; sentence ordered: {conviction.sentence_months:g} months"
    return line + "."


def _explanation_or_convictions(answer: Answer | None, convictions: Sequence[Conviction]) -> Resolved:
    if answer is not None and answer.explanation:
        return answer.explanation
    if convictions:
        return "\n".join(_conviction_line(c) for c in convictions)
    return None


def _conviction_question(name: str, part: str, jurisdictions: tuple[str, ...], where: str) -> None:
    """Register a yes-or-no question of ``application.<name>`` that a conviction recorded ``where``
    answers yes (a conviction of unknown jurisdiction answers neither), and its explanation: the one
    recorded, else the convictions themselves."""

    def convictions(ctx: Context) -> list[Conviction]:
        return [c for c in ctx.case.convictions or [] if c.jurisdiction in jurisdictions]

    @value(name, f"application.{name}.answer")
    def answer(ctx: Context, of: Any, arg: str | None) -> Resolved:
        recorded = _answer(getattr(ctx.case.application, name))
        proven = bool(convictions(ctx))
        return _explicit_or_fact(ctx, recorded, proven, part, f"the case records a conviction {where}")

    @value(f"{name}_explanation", f"application.{name}.explanation")
    def explanation(ctx: Context, of: Any, arg: str | None) -> Resolved:
        return _explanation_or_convictions(getattr(ctx.case.application, name), convictions(ctx))


_conviction_question("accused_abroad", "Part B.2", ("foreign",), "abroad")


# Part B.1.A and B.1.B: what the team wrote, else the client's story (case/1 `story`), never over it.
FROM_STORY = (
    "Part B.1.A and B.1.B, where the case gives no explanation of its own, are written from the client's "
    "account (story): their own words, with labels around them. Read them over with the client before "
    "they sign (the form is signed under penalty of perjury, 18 U.S.C. 1546), and make sure they are in "
    "English (8 CFR 1003.33)."
)


@value("past_harm", "application.past_harm.answer", "story.events")
def past_harm(ctx: Context, of: Any, arg: str | None) -> Resolved:
    """Part B.1.A: the recorded answer; else yes when the story tells of harm or threats. The story's
    ``events: []`` answers for the person and their family only, while the form also asks about close
    friends and colleagues, so it is no "no"."""
    events = ctx.case.story.events
    return _explicit_or_fact(
        ctx,
        _answer(ctx.case.application.past_harm),
        bool(events),
        "Part B.1.A",
        f"the client's story tells of {len(events or ())} time(s) they or their family were harmed or threatened",
    )


@value("past_harm_explanation", "application.past_harm.explanation", "story.events")
def past_harm_explanation(ctx: Context, of: Any, arg: str | None) -> Resolved:
    recorded = ctx.case.application.past_harm
    if recorded is not None and recorded.explanation:
        return recorded.explanation
    text = story.past_harm_text(ctx.case.story)
    if text:
        ctx.note(FROM_STORY)
    return text


@value("fear_of_harm", "application.fear_of_harm.answer", "story.fear.what")
def fear_of_harm(ctx: Context, of: Any, arg: str | None) -> Resolved:
    """Part B.1.B: the recorded answer; else yes when the story tells what the person fears on return."""
    return _explicit_or_fact(
        ctx,
        _answer(ctx.case.application.fear_of_harm),
        story.fear_told(ctx.case.story),
        "Part B.1.B",
        "the client's story tells what they fear if returned",
    )


@value("fear_of_harm_explanation", "application.fear_of_harm.explanation", "story.fear.what")
def fear_of_harm_explanation(ctx: Context, of: Any, arg: str | None) -> Resolved:
    recorded = ctx.case.application.fear_of_harm
    if recorded is not None and recorded.explanation:
        return recorded.explanation
    text = story.fear_text(ctx.case.story)
    if text:
        ctx.note(FROM_STORY)
    return text


@value("organizations_continuing", "application.organizations_continuing.answer")
def organizations_continuing(ctx: Context, of: Any, arg: str | None) -> Resolved:
    explicit = _answer(ctx.case.application.organizations_continuing)
    if explicit is not None:
        return yes_no(explicit)
    # Nobody can still take part in groups they never belonged to.
    return "no" if _answer(ctx.case.application.organizations) is False else None


# --- Part C ------------------------------------------------------------------------------------------


@value("prior_applications", "application.prior_applications.answer")
def prior_applications(ctx: Context, of: Any, arg: str | None) -> Resolved:
    return _explicit_or_fact(
        ctx,
        _answer(ctx.case.application.prior_applications),
        ctx.case.asylum.previously_denied is True,
        "Part C.1",
        "asylum.previously_denied records an earlier application that was denied",
    )


@value("other_countries", "application.other_countries.answer")
def other_countries(ctx: Context, of: Any, arg: str | None) -> Resolved:
    case = ctx.case
    through_mexico = (
        case.entry.southwest_border_from_mexico is True
        and case.claim.country is not None
        and case.claim.country != "MX"
    )
    reason = (
        "the case records firm resettlement in another country"
        if case.asylum.firmly_resettled
        else "the person came to the southwest border from Mexico, not from the country of the claim"
    )
    return _explicit_or_fact(
        ctx,
        _answer(case.application.other_countries),
        case.asylum.firmly_resettled is True or through_mexico,
        "Part C.2.A",
        reason,
    )


@value(
    "other_countries_explanation",
    "application.other_countries.explanation",
    "application.status_elsewhere.explanation",
)
def other_countries_explanation(ctx: Context, of: Any, arg: str | None) -> Resolved:
    """One box explains both 2.A and 2.B: asked when either is yes."""
    application = ctx.case.application
    answers = [
        ("2.A", other_countries(ctx, None, None), application.other_countries),
        ("2.B", yes_no(_answer(application.status_elsewhere)), application.status_elsewhere),
    ]
    asked = [(label, recorded) for label, answer, recorded in answers if answer == "yes"]
    if not asked:
        return NOT_ASKED
    texts = [(label, recorded.explanation if recorded else None) for label, recorded in asked]
    if any(text is None for _, text in texts):
        return None
    if len(texts) == 1:
        return texts[0][1]
    return "\n\n".join(f"{label}: {text}" for label, text in texts)


@value("harm_to_others", "application.harm_to_others.answer")
def harm_to_others(ctx: Context, of: Any, arg: str | None) -> Resolved:
    case = ctx.case
    explicit = _answer(case.application.harm_to_others)
    persecuted = case.conduct.persecuted_others
    answer = _explicit_or_fact(
        ctx,
        explicit,
        persecuted is True,
        "Part C.3",
        "conduct.persecuted_others records participation in persecution",
    )
    if answer is not None or explicit is not None or persecuted is not False:
        return answer
    # The finding covers the applicant only; the question also asks about a spouse and children.
    no_spouse = not_married(ctx, None, None) == "yes"
    no_children = case.family.children == []
    return "no" if no_spouse and no_children else None


@value("late_filing", "application.late_filing.answer", "entry.last_arrival_date")
def late_filing(ctx: Context, of: Any, arg: str | None) -> Resolved:
    """Part C.5 follows the core's one-year deadline (INA 208(a)(2)(B); 8 CFR 1208.4(a)(2)): filed (or,
    when not yet filed, filed on the date of this form) after it is a yes."""
    explicit = _answer(ctx.case.application.late_filing)
    entry = next((e for e in ctx.schedule.entries if e.id == ONE_YEAR_DEADLINE), None)
    if entry is None or entry.due is None:
        return yes_no(explicit)
    filing = entry.due.done_on or ctx.as_of
    late = filing > entry.due.date
    if explicit is not None and explicit != late:
        ctx.note(
            f"Part C.5: the case answers {yes_no(explicit)}, but filing on {us_date(filing)} is "
            f"{'after' if late else 'within'} the one-year deadline ({us_date(entry.due.date)}); the box is "
            "left empty until this is resolved."
        )
        return None
    if not late and entry.due.done_on is None:
        ctx.note(
            f"Part C.5 is answered no for filing by {us_date(entry.due.date)}, the one-year deadline "
            "(INA 208(a)(2)(B); 8 CFR 1208.4(a)(2)). Filed later, the answer becomes yes."
        )
    return yes_no(late)


# `convictions: []` proves no conviction, but Part C.6 also asks about arrests, charges and included
# family members: only a US conviction answers it on its own (a yes).
_conviction_question("us_crimes", "Part C.6", ("federal", "state"), "in the US")
