"""The person's story told back: the account for the reports, the text of Form I-589 Part B.1.A and B.1.B,
and the documents the evidence checklist suggests from it.

The story (``case/1`` ``story``) is what the person tells, in their own words; nothing here judges it.
Their words are shown as they wrote them, with our labels around them (``story.yaml``, English and Spanish
side by side): "what the authorities did", never "the government was unwilling", which is a finding for
the lawyer (``claim.government_unable_or_unwilling``). A fact not told is left out, never said to be "no".
Pure: no I/O beyond the package data, no clock, nothing logged (the story is the most sensitive part of a
case, 8 CFR 1208.6).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, get_args

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from withhold.facts import countries
from withhold.facts.case import AuthoritiesResponse, Case, Event, EvidenceItem, Fear, Harm, Story, WhoKind
from withhold.language import (
    Language,
    Localized,
    LocalizedText,
    TranslatedText,
    date_in_words,
    filled_by,
    month_in_words,
    placeholder_problems,
    text_pair,
)
from withhold.package_data import read_model, validated

LABELS = (
    "event", "event_ref", "event_ref_details", "and", "approximately", "yes", "no", "when", "where",
    "what_happened", "harm", "who", "why", "reported", "authorities_response", "why_not_reported",
    "injuries", "medical_care", "fear_what", "fear_who", "fear_why", "family_harmed_since",
    "could_live_elsewhere", "could_live_elsewhere_why", "tried_to_move", "in_own_words_form",
)  # fmt: skip
"""Every label the code reads; ``story.yaml`` must define exactly these."""

VALUE_GROUPS: Mapping[str, tuple[str, ...]] = {
    "harm": get_args(Harm),
    "who_kind": get_args(WhoKind),
    "authorities_response": get_args(AuthoritiesResponse),
}
"""The case format's values each group must label, read from the model so a new value cannot go unlabelled."""

REASONS = (
    "reported", "not_reported", "medical_care", "injuries", "killed", "threats", "extortion", "property",
    "witnesses", "family_harmed_since", "tried_to_move",
)  # fmt: skip
"""Why the checklist suggests a document from the story (``story.yaml``, ``evidence``)."""

PLACEHOLDERS = frozenset({"n", "date", "details", "events"})


# --- the catalogue ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryTexts:
    labels: Mapping[str, Localized]
    values: Mapping[str, Mapping[str, Localized]]
    """By group (``harm``, ``who_kind``, ``authorities_response``), each value's label."""
    evidence: Mapping[str, tuple[str, Localized]]
    """By reason, the checklist item and the suggestion (with ``{events}``)."""

    def label(self, name: str, language: Language, **values: object) -> str:
        text = self.labels[name].get(language)
        return text.format(**values) if values else text


Label = Annotated[LocalizedText, filled_by(*PLACEHOLDERS)]
ValueLabel = Annotated[TranslatedText, filled_by(*PLACEHOLDERS)]
"""A value's label: translated, never a copy of the English."""
_CONFIG = ConfigDict(extra="forbid", frozen=True)


class Suggestion(BaseModel):
    """Why the checklist suggests ``item`` from the story, in English and Spanish (``{events}``)."""

    model_config = _CONFIG

    item: EvidenceItem
    en: str
    es: str

    @model_validator(mode="after")
    def _a_translated_text(self) -> Suggestion:
        problems = placeholder_problems(self.text, PLACEHOLDERS)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def text(self) -> Localized:
        return text_pair({"en": self.en, "es": self.es}, must_differ=True)


def _exactly(name: str, keys: Sequence[str], value: Any) -> type[BaseModel]:
    """A model with exactly these keys (by alias: a value need not be a Python name), each a ``value``."""
    fields: dict[str, Any] = {f"key_{n}": (value, Field(alias=key)) for n, key in enumerate(keys)}
    return create_model(name, __config__=_CONFIG, **fields)


def _entries(model: BaseModel) -> dict[str, Any]:
    return {field.alias or name: getattr(model, name) for name, field in type(model).model_fields.items()}


@cache
def story_file() -> type[BaseModel]:
    """``story.yaml`` declared: exactly the labels the code reads, a label for each value of the case
    format's groups, and a suggestion for each reason (built when first read)."""
    groups: dict[str, Any] = {
        "labels": (_exactly("Labels", LABELS, Label), ...),
        **{
            group: (_exactly(f"Values_{group}", keys, ValueLabel), ...)
            for group, keys in VALUE_GROUPS.items()
        },
        "evidence": (_exactly("Suggestions", REASONS, Suggestion), ...),
    }
    return create_model("StoryFile", __config__=_CONFIG, **groups)


@cache
def story_texts() -> StoryTexts:
    """The story's labels (read and checked once)."""
    return _texts(read_model(story_file(), "withhold.preparation", "story.yaml"))


def parse(text: str) -> StoryTexts:
    """Check the story's texts in YAML ``text``; raises :class:`~withhold.package_data.DataFileError`
    listing every problem with its line."""
    return _texts(validated(story_file(), text, "withhold/preparation/story.yaml"))


def _texts(read: BaseModel) -> StoryTexts:
    groups = dict(read)  # the file's groups, by name
    evidence = {reason: (str(s.item), s.text) for reason, s in _entries(groups["evidence"]).items()}
    return StoryTexts(
        _entries(groups["labels"]),
        {group: _entries(groups[group]) for group in VALUE_GROUPS},
        evidence,
    )


# --- dates -------------------------------------------------------------------------------------------


def date_words(text: str, language: Language) -> str:
    """A partial date in words: ``2021-03-14`` → March 14, 2021; ``2021-03`` → March 2021 (marzo de
    2021); ``2021`` → 2021."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 3:
        return date_in_words(dt.date(*parts), language)
    if len(parts) == 2:
        return month_in_words(parts[0], parts[1], language)
    return str(parts[0])


def when(event: Event, language: Language) -> str:
    """When an event happened, in words, saying so when the date is approximate; empty when unknown."""
    if event.date is None:
        return ""
    words = date_words(event.date, language)
    if event.date_is_approximate:
        if language == "es" and event.date.count("-") == 2:
            words = f"el {words}"  # hacia el 15 de enero de 2022, hacia marzo de 2021
        return story_texts().label("approximately", language, date=words)
    return words


def where(event: Event, language: Language) -> str:
    """The place and the country's name (the case keeps its code); empty when neither is known."""
    country = (countries.name(event.country, language) or event.country) if event.country else ""
    return ", ".join(part for part in (event.place, country) if part)


# --- the account -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountLine:
    label: str
    text: str


@dataclass(frozen=True)
class EventAccount:
    number: int
    """From 1, as the interview numbers the events."""
    title: str
    """``Event 1 — March 2021, San Miguel, El Salvador``: the number, then when and where, as known."""
    lines: tuple[AccountLine, ...]


@dataclass(frozen=True)
class Account:
    """The story in one language, every part of it known; empty parts are left out."""

    events: tuple[EventAccount, ...]
    fear: tuple[AccountLine, ...]
    in_own_words: str
    no_events: bool
    """The person said nothing of the kind happened (``events: []``); unknown is not this."""

    @property
    def empty(self) -> bool:
        return not (self.events or self.fear or self.in_own_words or self.no_events)


def account(story: Story, language: Language, *, brief: bool = False) -> Account:
    """The story as the reports tell it; ``brief`` (the client's report) keeps what happened, the harm,
    who did it and what the authorities did, and what the person fears."""
    events = tuple(
        _event(number, event, language, brief) for number, event in enumerate(story.events or (), start=1)
    )
    return Account(
        events=events,
        fear=_fear(story.fear, language, brief) if story.fear else (),
        in_own_words=(story.in_own_words or "").strip(),
        no_events=story.events == [],
    )


def _words(text: str | None) -> str:
    return (text or "").strip()


def _listed(group: str, values: Sequence[str] | None, language: Language) -> str:
    labels = story_texts().values[group]
    return "; ".join(labels[value].get(language) for value in values or ())


def _yes_no(value: bool | None, language: Language) -> str:
    return "" if value is None else story_texts().label("yes" if value else "no", language)


def _event(number: int, event: Event, language: Language, brief: bool) -> EventAccount:
    texts = story_texts()
    heading = texts.label("event", language, n=number)
    details = ", ".join(part for part in (when(event, language), where(event, language)) if part)
    who = _words(event.who)
    kinds = _listed("who_kind", event.who_kind, language)
    if who and kinds:
        who = f"{who} ({kinds})"
    reported = _yes_no(event.reported, language)
    response = "; ".join(
        part
        for part in (
            _listed("authorities_response", event.authorities_response, language),
            _words(event.authorities_response_details),
        )
        if part
    )
    lines = [
        ("what_happened", _words(event.what_happened)),
        ("harm", _listed("harm", event.harm, language)),
        ("who", who or kinds),
        ("why", "" if brief else _words(event.why)),
        ("reported", reported),
        ("authorities_response", response if event.reported is not False else ""),
        ("why_not_reported", "" if brief or event.reported is not False else _words(event.why_not_reported)),
        ("injuries", "" if brief else _yes_no(event.injuries, language)),
        ("medical_care", "" if brief else _yes_no(event.medical_care, language)),
    ]
    return EventAccount(
        number=number,
        title=f"{heading} — {details}" if details else heading,
        lines=tuple(AccountLine(texts.label(name, language), text) for name, text in lines if text),
    )


def _fear(fear: Fear, language: Language, brief: bool) -> tuple[AccountLine, ...]:
    texts = story_texts()
    who = _words(fear.who)
    kinds = _listed("who_kind", fear.who_kind, language)
    if who and kinds:
        who = f"{who} ({kinds})"
    lines = [
        ("fear_what", _words(fear.what)),
        ("fear_who", who or kinds),
        ("fear_why", _words(fear.why)),
        ("family_harmed_since", "" if brief else _yes_no(fear.family_harmed_since, language)),
        ("could_live_elsewhere", "" if brief else _yes_no(fear.could_live_elsewhere, language)),
        ("could_live_elsewhere_why", "" if brief else _words(fear.could_live_elsewhere_why)),
        ("tried_to_move", "" if brief else _yes_no(fear.tried_to_move, language)),
    ]
    return tuple(AccountLine(texts.label(name, language), text) for name, text in lines if text)


# --- Form I-589 Part B -------------------------------------------------------------------------------


def _written(lines: Sequence[AccountLine]) -> str:
    return "\n".join(f"{line.label}: {line.text}" for line in lines)


def past_harm_text(story: Story) -> str | None:
    """Part B.1.A's explanation from the story, in English labels around the person's words: each event
    (when, where, what happened, the harm, who, why, whether the authorities were asked and what they
    did), then the account in their own words. None when the story tells no event."""
    told = account(story, "en")
    if not told.events:
        return None
    parts = [f"{event.title}\n{_written(event.lines)}".rstrip() for event in told.events]
    if told.in_own_words:
        parts.append(f"{story_texts().label('in_own_words_form', 'en')}:\n{told.in_own_words}")
    return "\n\n".join(parts)


def fear_text(story: Story) -> str | None:
    """Part B.1.B's explanation from the story's fear (what, who, why, and whether the person could live
    safely elsewhere), in English labels around the person's words; None when it tells nothing."""
    if story.fear is None:
        return None
    lines = _fear(story.fear, "en", brief=False)
    return _written(lines) if lines else None


def fear_told(story: Story) -> bool:
    """The person told what they fear on return (what, or who, or why)."""
    fear = story.fear
    return fear is not None and any(_words(text) for text in (fear.what, fear.who, fear.why))


# --- the evidence checklist ------------------------------------------------------------------------


def suggestions(case: Case) -> dict[str, tuple[Localized, ...]]:
    """By checklist item, the documents the story points to, each saying which events it comes from."""
    texts = story_texts()
    story = case.story
    by_reason: dict[str, list[int]] = {reason: [] for reason in REASONS}
    for number, event in enumerate(story.events or (), start=1):
        harm = set(event.harm or ())
        reasons = {
            "reported": event.reported is True,
            "not_reported": event.reported is False,
            "medical_care": event.medical_care is True,
            "injuries": event.injuries is True and event.medical_care is not True,
            "killed": "family_member_killed" in harm,
            "threats": "threats" in harm,
            "extortion": "extortion" in harm,
            "property": "property_destroyed" in harm,
            "witnesses": True,
        }
        for reason, applies in reasons.items():
            if applies:
                by_reason[reason].append(number)
    found: dict[str, list[Localized]] = {}
    for reason in REASONS:
        item, text = texts.evidence[reason]
        if reason in ("family_harmed_since", "tried_to_move"):
            fear = story.fear
            if fear is not None and getattr(fear, reason) is True:
                found.setdefault(item, []).append(text)
            continue
        numbers = by_reason[reason]
        if numbers:
            found.setdefault(item, []).append(text.format(events=_events(numbers, story.events or [])))
    return {item: tuple(texts) for item, texts in found.items()}


def _events(numbers: Sequence[int], events: Sequence[Event]) -> Localized:
    """Events named for a sentence: ``event 1 (March 2021, San Miguel, El Salvador) and event 3``."""

    def named(language: Language) -> str:
        texts = story_texts()
        names = []
        for number in numbers:
            event = events[number - 1]
            details = ", ".join(part for part in (when(event, language), where(event, language)) if part)
            key = "event_ref_details" if details else "event_ref"
            names.append(texts.label(key, language, n=number, details=details))
        if len(names) == 1:
            return names[0]
        return f"{', '.join(names[:-1])} {texts.label('and', language)} {names[-1]}"

    return Localized(en=named("en"), es=named("es"))
