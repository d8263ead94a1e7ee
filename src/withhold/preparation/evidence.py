"""The evidence checklist: what to gather for this case, why it matters here, who has it, the authority.

The items and their texts are package data (``evidence.yaml``, read into :class:`EvidenceData`), English
and Spanish side by side, read and checked once when first used; nothing else here does I/O. Whether an
item applies is the law's to say: each item names a rule of what the record needs to corroborate
(``withhold.law.corroboration``), evaluated over the case with the screening's own evaluation, in the one
three-valued logic. This module keeps the presentation: the items' texts, their order and priority, and
the status of what is on file.

Unknown is never no (rules reference 0.2; docs/DESIGN.md): when the fact that decides whether an item applies
is unknown, the item is listed with its "only if ..." condition said first and its priority lowered one
step, never dropped. Evidence is corroboration of the claim, so most items rest on INA 208(b)(1)(B)(ii),
INA 240(c)(4)(B) and INA 241(b)(3)(C) (rules reference GEN-CRED-1): where the judge expects corroboration
that is reasonably available, it must be provided or its absence explained.

An item whose protections are all barred or not eligible on the facts given is left out, and said to be
left out (``Checklist.left_out``). Those statuses already rest on known facts or findings (``false`` is a
real answer), and listing evidence for closed protections would bury what can still change the outcome.
The exception is records a bar rests on (``answers_bar``: conviction and sentencing records): a bar that
applies on counsel's classification of a conviction is only as sound as the records behind it, so they
stay listed while a protection they serve is barred.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Self, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    StrictBool,
    StrictInt,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from withhold.facts import countries
from withhold.facts.case import Case, EvidenceItem, EvidenceRecord, ProtectionName
from withhold.language import LANGUAGES, Language, Localized, LocalizedText, joined, placeholder_problems
from withhold.law.corroboration.catalogue import CORROBORATION, corroboration_rule
from withhold.law.persecution.relocation import BURDEN_ON_APPLICANT, BURDEN_ON_DHS
from withhold.logic.protection import Status
from withhold.logic.value import TRUE, V, all_, unknown
from withhold.package_data import read_model
from withhold.preparation.screened import one_year_deadline, relocation_burden
from withhold.preparation.story import suggestions as story_suggestions
from withhold.screening.screen import Screening

FORMAT = "evidence-checklist/1"

Priority = Literal["essential", "important", "helpful"]
ItemStatus = Literal["needed", "on_file", "requested", "unavailable"]

PRIORITIES: tuple[Priority, ...] = ("essential", "important", "helpful")
PROTECTIONS: tuple[str, ...] = get_args(ProtectionName)
ITEM_IDS: tuple[str, ...] = get_args(EvidenceItem)
CAT = frozenset({"cat_withholding", "cat_deferral"})

ITEM_PLACEHOLDERS = frozenset(
    {
        "protections",
        "country",
        "torture_country",
        "grounds",
        "group",
        "arrival",
        "deadline",
        "convictions",
        "relocation",
        "translations",
    }
)
"""What an item's texts may use, each filled from the case (``_case_values``; ``protections`` and
``relocation`` per item, from the protections it serves)."""

PHRASE_PLACEHOLDERS: Mapping[str, frozenset[str]] = {
    "country.known": frozenset({"country"}),
    "group.known": frozenset({"definition"}),
    "convictions.many": frozenset({"n"}),
    "translations.missing": frozenset({"n", "languages"}),
    "relocation.persecution": frozenset({"protections"}),
    "note.barred": frozenset({"protections"}),
    "note.left_out": frozenset({"protections"}),
}
"""Phrases with placeholders of their own; every other phrase has none."""

REQUIRED_PHRASES = frozenset(
    {f"protection.{name}" for name in PROTECTIONS}
    | {
        "ground.race",
        "ground.religion",
        "ground.nationality",
        "ground.political_opinion",
        "ground.particular_social_group",
        "list.and",
        "unknown.country",
        "unknown.grounds",
        "unknown.group",
        "unknown.arrival",
        "unknown.deadline",
        "convictions.one",
        "unknown.convictions",
        "relocation.cat",
        "relocation.burden.applicant",
        "relocation.burden.government",
        "relocation.burden.unknown",
        "translations.done",
        "translations.none",
    }
    | set(PHRASE_PLACEHOLDERS)
)
"""Every phrase the code reads; the YAML must define exactly these."""

_CITATION = re.compile(r"\b(INA \d|\d+ CFR \d|\d+ U\.S\.C\. \d|Matter of |U\.S\. \d| v\. )")
"""What an authority must contain at least once: a statute, a regulation or a decision."""

ALWAYS = "always"
"""The condition of an item needed in every case (still subject to the protections it serves being open)."""

NEVER_UNKNOWN = frozenset({ALWAYS, "protected_ground_claimed"})
"""Conditions whose rule decides on any facts, so an item using one has no ``if_unknown``: grounds not
yet recorded still need evidence of whichever it is (``corroboration.protected_ground``)."""


def _on_the_record(case: Case) -> dict[str, V[bool]]:
    """What the record itself shows, for the conditions that turn on it as well as on the law. The
    documents on file are the record being gathered, not facts of the claim (``evidence[]`` is read by
    the checklist, never by rules): whether a document is in another language is presentation of the
    record, while the requirement that it be translated is the law's (``corroboration.certified_translations``).
    Until a document is recorded in a language other than English, whether any will need a translation is
    unknown."""
    return {"foreign_language_documents": TRUE if _foreign_records(case) else unknown("evidence")}


# --- the checklist ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    """One of :data:`withhold.facts.case.EvidenceItem`."""
    what: Localized
    """What to gather, in plain language."""
    why: Localized
    """Why it matters for this case: which element or bar it proves or answers, filled from the case;
    for an item that applies only if an unknown fact turns out a certain way, that condition first."""
    who_has_it: Localized
    """Who usually has it, or where to get it."""
    authority: str
    """Citations, ``; ``-separated."""
    protections: tuple[str, ...]
    """The protections it serves in this case (those still open, or barred ones a bar record answers)."""
    priority: Priority
    status: ItemStatus
    """From the case's evidence records; ``needed`` when there are none."""
    records: tuple[EvidenceRecord, ...]
    """The case's evidence entries for this item."""
    condition: Localized | None = None
    """Set when the item applies only if a fact not yet known turns out a certain way."""
    contested: Localized | None = None
    """Where the law behind the item is contested or changing, with dates."""
    from_story: tuple[Localized, ...] = ()
    """What the client's story points to for this item, each naming the events it comes from
    (:func:`withhold.preparation.story.suggestions`)."""


@dataclass(frozen=True)
class LeftOut:
    """An item that would apply, left out because every protection it serves is closed."""

    id: str
    protections: tuple[str, ...]
    why: Localized


@dataclass(frozen=True)
class Checklist:
    items: tuple[ChecklistItem, ...]
    """Essential items first, then important, then helpful; within each, in the items' declared order."""
    left_out: tuple[LeftOut, ...] = ()
    """Items left out because the protections they serve are barred or not eligible on the facts given."""

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)

    def get(self, item_id: str) -> ChecklistItem | None:
        for item in self.items:
            if item.id == item_id:
                return item
        return None

    def to_json(self, language: Language = "en") -> dict[str, Any]:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")
        return {
            "withhold": FORMAT,
            "language": language,
            "items": [_item_json(item, language) for item in self.items],
            "left_out": [
                {"id": left.id, "protections": list(left.protections), "why": left.why.get(language)}
                for left in self.left_out
            ],
        }


def _item_json(item: ChecklistItem, language: Language) -> dict[str, Any]:
    return {
        "id": item.id,
        "what": item.what.get(language),
        "why": item.why.get(language),
        "who_has_it": item.who_has_it.get(language),
        "authority": item.authority,
        "contested": item.contested.get(language) if item.contested else None,
        "condition": item.condition.get(language) if item.condition else None,
        "protections": list(item.protections),
        "priority": item.priority,
        "status": item.status,
        "records": [record.model_dump(mode="json") for record in item.records],
        "from_story": [text.get(language) for text in item.from_story],
    }


def checklist(case: Case, screening: Screening) -> Checklist:
    """The evidence checklist for ``case``, tailored by its facts and by ``screening`` (of that case).
    Pure: no I/O beyond the package data, no clock."""
    data = evidence_data()
    values = _case_values(case, screening, data.phrases)
    from_story = story_suggestions(case)
    on_the_record = _on_the_record(case)
    items: list[ChecklistItem] = []
    left_out: list[LeftOut] = []
    for item_id, spec in data.items.items():
        fits = _fits(spec, screening, on_the_record)
        served = tuple(p for p in spec.protections if not fits[p].is_(False))
        if not served:
            continue
        # Surely needed when it surely fits one protection it serves; else only "if" (unknown).
        surely = any(fits[p].is_(True) for p in served)
        still_open = tuple(p for p in served if screening[p].status.is_open)
        barred = tuple(p for p in served if screening[p].status is Status.BARRED)
        notes: list[Localized] = []
        if spec.answers_bar and barred:
            protections = tuple(p for p in served if p in still_open or p in barred)
            notes.append(data.phrases["note.barred"].format(protections=_names(barred, data.phrases)))
        elif still_open:
            protections = still_open
        else:
            why_left = data.phrases["note.left_out"].format(protections=_names(served, data.phrases))
            left_out.append(LeftOut(item_id, served, why_left))
            continue
        filled = {
            **values,
            "protections": _names(protections, data.phrases),
            "relocation": _relocation(protections, screening, data.phrases),
        }
        condition = None if surely else spec.if_unknown
        why_parts = [*([condition] if condition else []), spec.why.format(**filled), *notes]
        records = tuple(r for r in case.evidence or () if r.item == item_id)
        items.append(
            ChecklistItem(
                id=item_id,
                what=spec.what.format(**filled),
                why=joined(why_parts),
                who_has_it=spec.who_has_it.format(**filled),
                authority=spec.authority,
                protections=protections,
                priority=_lowered(spec.priority) if condition else spec.priority,
                status=_status(item_id, records, case),
                records=records,
                condition=condition,
                contested=spec.contested.format(**filled) if spec.contested else None,
                from_story=from_story.get(item_id, ()),
            )
        )
    order: dict[str, int] = {item_id: spec.order for item_id, spec in data.items.items()}
    items.sort(key=lambda item: (PRIORITIES.index(item.priority), order[item.id]))
    return Checklist(tuple(items), tuple(left_out))


def _fits(spec: ItemSpec, screening: Screening, on_the_record: Mapping[str, V[bool]]) -> dict[str, V[bool]]:
    """Whether the item fits the case, for each protection it serves: its condition's rule as the
    screening's evaluation gives it (true, false, or unknown: it may fit), and what the record shows."""
    fits: dict[str, V[bool]] = {}
    for protection in spec.protections:
        rule = corroboration_rule(spec.applies, protection)
        law = TRUE if rule is None else screening.value_of(rule)
        fits[protection] = all_(law, on_the_record.get(spec.applies, TRUE))
    return fits


_RECORDED: tuple[ItemStatus, ...] = ("on_file", "requested", "unavailable")
"""Statuses a record can give, best first: anything on file beats a request, a request beats a refusal."""


def _lowered(priority: Priority) -> Priority:
    """One step down: an item that may not be needed comes after those surely needed at its level."""
    return PRIORITIES[min(PRIORITIES.index(priority) + 1, len(PRIORITIES) - 1)]


def _status(item_id: str, records: tuple[EvidenceRecord, ...], case: Case) -> ItemStatus:
    """The best status among the item's records. A record whose status is unknown does not make the item
    on file: it stays ``needed`` until someone says it is in hand."""
    statuses = {record.status for record in records}
    for status in _RECORDED:
        if status in statuses:
            return status
    if item_id == "certified_translations" and not records:
        # Translations are usually recorded on each document (`translated`), not as records of their own.
        foreign = _foreign_records(case)
        if foreign and all(record.translated is True for record in foreign):
            return "on_file"
    return "needed"


def _foreign_records(case: Case) -> tuple[EvidenceRecord, ...]:
    """Documents known to be in a language other than English (8 CFR 1003.33)."""
    return tuple(r for r in case.evidence or () if r.language is not None and r.language != "en")


# --- placeholders ----------------------------------------------------------------------------------


def _case_values(case: Case, screening: Screening, phrases: Mapping[str, Localized]) -> dict[str, object]:
    """The value of every item placeholder but the per-item ones, in both languages.
    Case text (a group's definition) is inserted literally, never read as a template."""
    claim_country = case.claim.country or case.torture.country
    torture_country = case.torture.country or case.claim.country
    grounds = case.claim.grounds
    group = case.claim.particular_social_group
    definition = (group.definition or "").strip() if group else ""
    arrival = case.entry.last_arrival_date
    deadline = one_year_deadline(screening)  # the last day to file, as the screening computed it
    return {
        "country": _country(claim_country, phrases),
        "torture_country": _country(torture_country, phrases),
        "grounds": _join([phrases[f"ground.{g}"] for g in grounds], phrases)
        if grounds
        else phrases["unknown.grounds"],
        "group": phrases["group.known"].format(definition=definition)
        if definition
        else phrases["unknown.group"],
        "arrival": arrival.isoformat() if arrival else phrases["unknown.arrival"],
        "deadline": deadline.isoformat() if deadline else phrases["unknown.deadline"],
        "convictions": _convictions(case, phrases),
        "translations": _translations(case, phrases),
    }


def _country(code: str | None, phrases: Mapping[str, Localized]) -> Localized:
    if code is None:
        return phrases["unknown.country"]
    # The country by its name in each language (the case keeps the code: "SV" means nothing to a client).
    return phrases["country.known"].format(country=countries.localized(code))


def _convictions(case: Case, phrases: Mapping[str, Localized]) -> Localized:
    count = len(case.convictions or ())
    if count == 0:
        return phrases["unknown.convictions"]
    if count == 1:
        return phrases["convictions.one"]
    return phrases["convictions.many"].format(n=count)


def _relocation(
    protections: tuple[str, ...], screening: Screening, phrases: Mapping[str, Localized]
) -> Localized:
    """How relocation bears on the protections served: for asylum and withholding, a ground of denial
    with a burden the regulations allocate; for CAT, one factor among all the evidence (8 CFR
    1208.16(c)(3)(ii)), with the applicant's burden unchanged (8 CFR 1208.16(c)(2))."""
    persecution = tuple(p for p in protections if p not in CAT)
    parts: list[Localized] = []
    if persecution:
        parts.append(phrases["relocation.persecution"].format(protections=_names(persecution, phrases)))
        parts.append(_relocation_burden(screening, phrases))
    if any(p in CAT for p in protections):
        parts.append(phrases["relocation.cat"])
    return joined(parts)


def _relocation_burden(screening: Screening, phrases: Mapping[str, Localized]) -> Localized:
    """Who must prove relocation (un)reasonable, as the law's rule allocates it (8 CFR 1208.13(b)(3),
    1208.16(b)(3)); unknown while the facts that allocate it are."""
    burden = relocation_burden(screening)
    if burden == BURDEN_ON_DHS:
        return phrases["relocation.burden.government"]
    if burden == BURDEN_ON_APPLICANT:
        return phrases["relocation.burden.applicant"]
    return phrases["relocation.burden.unknown"]


def _translations(case: Case, phrases: Mapping[str, Localized]) -> Localized:
    foreign = _foreign_records(case)
    missing = [record for record in foreign if record.translated is not True]
    if missing:
        languages = ", ".join(sorted({record.language for record in missing if record.language}))
        return phrases["translations.missing"].format(n=len(missing), languages=languages)
    return phrases["translations.done"] if foreign else phrases["translations.none"]


def _names(protections: tuple[str, ...], phrases: Mapping[str, Localized]) -> Localized:
    return _join([phrases[f"protection.{name}"] for name in protections], phrases)


def _join(parts: list[Localized], phrases: Mapping[str, Localized]) -> Localized:
    """``a``, ``a and b``, ``a, b and c`` — in each language."""

    def listed(language: Language) -> str:
        texts = [part.get(language) for part in parts]
        if len(texts) <= 1:
            return "".join(texts)
        return f"{', '.join(texts[:-1])} {phrases['list.and'].get(language)} {texts[-1]}"

    return Localized(en=listed("en"), es=listed("es"))


# --- the package data ------------------------------------------------------------------------------


def _text_problems(text: Localized | None, allowed: frozenset[str]) -> Localized | None:
    """A text of the checklist: only placeholders the code fills, and Spanish that is not a copy of the
    English (an untranslated text)."""
    if text is None:
        return None
    problems = placeholder_problems(text, allowed)
    if text.en == text.es:
        problems.append("es: identical to the English text: not translated")
    if problems:
        raise ValueError("; ".join(problems))
    return text


def _refused(
    title: str, problems: list[tuple[tuple[str | int, ...], str]], found: ValidationError | None = None
) -> None:
    """Raise every problem at once, each at its own path (so the file's line), after those ``found``
    already."""
    if not problems and found is None:
        return
    details = [  # each as pydantic said it, under its own type ("missing", "extra_forbidden", ...)
        InitErrorDetails(
            type=PydanticCustomError(error["type"], error["msg"]), loc=error["loc"], input=error["input"]
        )
        for error in (found.errors() if found else ())
    ]
    details += [
        InitErrorDetails(type=PydanticCustomError("value_error", message), loc=loc, input=None)
        for loc, message in problems
    ]
    raise ValidationError.from_exception_data(title, details)


class ItemSpec(BaseModel):
    """One item as declared in ``evidence.yaml``, before it is tailored to a case."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    order: StrictInt
    """The item's place in the list (unique)."""
    priority: Priority
    applies: str
    """``always``, or the name of a rule of :data:`~withhold.law.corroboration.catalogue.CORROBORATION`."""
    protections: tuple[ProtectionName, ...]
    """The protections it serves, in the canonical order (asylum first)."""
    answers_bar: StrictBool = False
    what: LocalizedText
    why: LocalizedText
    if_unknown: LocalizedText | None = None
    who_has_it: LocalizedText
    authority: str
    """Citations, ``; ``-separated."""
    contested: LocalizedText | None = None

    @field_validator("what", "why", "if_unknown", "who_has_it", "contested")
    @classmethod
    def _texts(cls, text: Localized | None) -> Localized | None:
        return _text_problems(text, ITEM_PLACEHOLDERS)

    @field_validator("applies")
    @classmethod
    def _known_condition(cls, name: str) -> str:
        known = [ALWAYS, *dict.fromkeys(found for found, _, _ in CORROBORATION)]
        if name not in known:
            raise ValueError(f"unknown condition {name!r}; known: {', '.join(known)}")
        return name

    @field_validator("protections")
    @classmethod
    def _distinct(cls, value: tuple[ProtectionName, ...]) -> tuple[ProtectionName, ...]:
        if not value or len(set(value)) != len(value):
            raise ValueError(f"expected a list of distinct names from {list(PROTECTIONS)}")
        return tuple(p for p in get_args(ProtectionName) if p in value)

    @field_validator("authority")
    @classmethod
    def _cites(cls, authority: str) -> str:
        if not _CITATION.search(authority):
            raise ValueError(f"expected citations (INA, CFR, a decision), got {authority!r}")
        return authority

    @model_validator(mode="after")
    def _condition_fits(self) -> Self:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        if self.applies != ALWAYS:
            for protection in self.protections:
                if corroboration_rule(self.applies, protection) is None:
                    problems.append((("protections",), f"{self.applies!r} has no rule for {protection}"))
        if self.applies not in NEVER_UNKNOWN and self.if_unknown is None:
            problems.append((("if_unknown",), f"required, because {self.applies!r} can be unknown"))
        if self.applies in NEVER_UNKNOWN and self.if_unknown is not None:
            problems.append((("if_unknown",), f"not used, because {self.applies!r} is never unknown"))
        _refused("ItemSpec", problems)
        return self


class EvidenceData(BaseModel):
    """``evidence.yaml``: every item of :data:`EvidenceItem`, and the phrases its placeholders are built
    from. Every problem is reported at once, the items' own and those between items."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    phrases: dict[str, LocalizedText]
    """Every phrase of :data:`REQUIRED_PHRASES`, exactly those."""
    items: dict[EvidenceItem, ItemSpec]
    """Every item of :data:`EvidenceItem`, keyed by id, in declared order."""

    @field_validator("phrases")
    @classmethod
    def _exactly_the_phrases(cls, phrases: dict[str, Localized]) -> dict[str, Localized]:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        for name in sorted(REQUIRED_PHRASES - set(phrases)):
            problems.append(((name,), "missing"))
        for name, text in phrases.items():
            if name not in REQUIRED_PHRASES:
                problems.append(((name,), "not a phrase the checklist uses"))
                continue
            try:
                _text_problems(text, PHRASE_PLACEHOLDERS.get(name, frozenset()))
            except ValueError as error:
                problems.append(((name,), str(error)))
        _refused("phrases", problems)
        return phrases

    @field_validator("items", mode="wrap")
    @classmethod
    def _every_item_once_in_order(
        cls, raw: Any, handler: ValidatorFunctionWrapHandler
    ) -> dict[EvidenceItem, ItemSpec]:
        """Each item checked on its own (``handler``), and together: every id present, each order used
        once. The orders are compared as written, so both kinds of problem are reported at once."""
        problems: list[tuple[tuple[str | int, ...], str]] = []
        if isinstance(raw, dict):
            for missing in [i for i in ITEM_IDS if i not in raw]:
                problems.append(((missing,), "missing (every EvidenceItem needs an entry)"))
            orders: dict[int, str] = {}
            for item_id, body in raw.items():
                order = body.get("order") if isinstance(body, dict) else None
                if type(order) is not int:
                    continue  # the item's own check says what is wrong with it
                if order in orders:
                    problems.append(((item_id, "order"), f"{order} is already used by {orders[order]}"))
                orders.setdefault(order, item_id)
        try:
            items: dict[EvidenceItem, ItemSpec] = handler(raw)
        except ValidationError as error:
            _refused("items", problems, error)
            raise
        _refused("items", problems)
        return dict(sorted(items.items(), key=lambda pair: pair[1].order))


@cache
def evidence_data() -> EvidenceData:
    """The checklist's items and phrases, read and checked once (:class:`DataFileError` names every
    problem with its item, field and line)."""
    return read_model(EvidenceData, __package__, "evidence.yaml")
