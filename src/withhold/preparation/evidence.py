"""The evidence checklist: what to gather for this case, why it matters here, who has it, the authority.

The items and their texts are package data (``evidence.yaml``), English and Spanish side by side, read
and checked once when first used; nothing else here does I/O. Whether an item applies is decided by one
small named condition per item (below), over the case and its screening.

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

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, get_args

from withhold.facts import countries
from withhold.facts.case import Case, EvidenceItem, EvidenceRecord, ProtectionName
from withhold.language import LANGUAGES, Language, Localized, joined, read_localized
from withhold.law.persecution.relocation import BURDEN_ON_APPLICANT, BURDEN_ON_DHS
from withhold.logic.protection import Status
from withhold.package_data import check_fields, read_yaml
from withhold.preparation.screened import one_year_deadline, relocation_burden
from withhold.preparation.story import suggestions as story_suggestions
from withhold.screening.screen import Screening

FORMAT = "evidence-checklist/1"

Priority = Literal["essential", "important", "helpful"]
ItemStatus = Literal["needed", "on_file", "requested", "unavailable"]
Answer = Literal["yes", "no", "unknown"]

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

_FIELDS = (
    "order",
    "priority",
    "applies",
    "protections",
    "answers_bar",
    "what",
    "why",
    "if_unknown",
    "who_has_it",
    "authority",
    "contested",
)
_REQUIRED = ("order", "priority", "applies", "protections", "what", "why", "who_has_it", "authority")
_TEXTS = ("what", "why", "if_unknown", "who_has_it", "contested")
_CITATION = re.compile(r"\b(INA \d|\d+ CFR \d|\d+ U\.S\.C\. \d|Matter of |U\.S\. \d| v\. )")
"""What an authority must contain at least once: a statute, a regulation or a decision."""


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
    situation = Situation(case, screening)
    values = _case_values(situation, data.phrases)
    from_story = story_suggestions(case)
    items: list[ChecklistItem] = []
    left_out: list[LeftOut] = []
    for spec in data.items.values():
        fit = CONDITIONS[spec.applies].test(situation)
        if fit.answer == "no":
            continue
        served = tuple(p for p in spec.protections if fit.only is None or p in fit.only)
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
            left_out.append(LeftOut(spec.id, served, why_left))
            continue
        filled = {
            **values,
            "protections": _names(protections, data.phrases),
            "relocation": _relocation(protections, screening, data.phrases),
        }
        condition = spec.if_unknown if fit.answer == "unknown" else None
        why_parts = [*([condition] if condition else []), spec.why.format(**filled), *notes]
        records = tuple(r for r in case.evidence or () if r.item == spec.id)
        items.append(
            ChecklistItem(
                id=spec.id,
                what=spec.what.format(**filled),
                why=joined(why_parts),
                who_has_it=spec.who_has_it.format(**filled),
                authority=spec.authority,
                protections=protections,
                priority=_lowered(spec.priority) if condition else spec.priority,
                status=_status(spec.id, records, case),
                records=records,
                condition=condition,
                contested=spec.contested.format(**filled) if spec.contested else None,
                from_story=from_story.get(spec.id, ()),
            )
        )
    items.sort(key=lambda item: (PRIORITIES.index(item.priority), data.items[item.id].order))
    return Checklist(tuple(items), tuple(left_out))


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


# --- what the conditions see -----------------------------------------------------------------------


@dataclass(frozen=True)
class Situation:
    case: Case
    screening: Screening

    @property
    def as_of(self) -> dt.date:
        return self.screening.law_as_of

    @property
    def one_year_deadline(self) -> dt.date | None:
        """The last day to file for asylum as the law computed it in the screening; None when unknown."""
        return one_year_deadline(self.screening)


# --- conditions: when an item applies --------------------------------------------------------------


@dataclass(frozen=True)
class Fit:
    """Whether an item applies: ``yes``; ``no``; or ``unknown`` — only if a fact not yet known turns out a
    certain way (listed, with the condition said). ``only`` narrows the protections it serves."""

    answer: Answer
    only: frozenset[str] | None = None


YES = Fit("yes")
NO = Fit("no")
MAYBE = Fit("unknown")

Test = Callable[[Situation], Fit]


@dataclass(frozen=True)
class Condition:
    name: str
    test: Test
    may_be_unknown: bool
    """Whether it can answer ``unknown``; an item using it must then say its ``if_unknown``."""


CONDITIONS: dict[str, Condition] = {}


def condition(*, may_be_unknown: bool) -> Callable[[Test], Test]:
    def register(test: Test) -> Test:
        CONDITIONS[test.__name__] = Condition(test.__name__, test, may_be_unknown)
        return test

    return register


@condition(may_be_unknown=False)
def always(situation: Situation) -> Fit:
    """Needed in every case (still subject to the protections it serves being open)."""
    return YES


@condition(may_be_unknown=False)
def protected_ground_claimed(situation: Situation) -> Fit:
    """Asylum and withholding need a protected ground (INA 101(a)(42)(A), 241(b)(3)(A)). Grounds not yet
    recorded still need evidence of whichever it is, so the item stays, naming the five; only an explicit
    ``grounds: []`` (no protected ground) removes it."""
    return NO if situation.case.claim.grounds == [] else YES


@condition(may_be_unknown=True)
def particular_social_group_claimed(situation: Situation) -> Fit:
    """A social-group claim needs evidence of immutability, particularity and social distinction (Matter
    of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014)). A group found not cognizable cannot carry the claim."""
    claim = situation.case.claim
    if claim.grounds is None:
        return MAYBE
    if "particular_social_group" not in claim.grounds:
        return NO
    group = claim.particular_social_group
    return NO if group is not None and group.cognizable is False else YES


@condition(may_be_unknown=True)
def non_state_persecutor(situation: Situation) -> Fit:
    """Harm by private actors is persecution only if the government is unable or unwilling to control
    them (Matter of Acosta, 19 I&N Dec. 211, 222 (BIA 1985))."""
    persecutor = situation.case.claim.persecutor
    if persecutor is None:
        return MAYBE
    return YES if persecutor == "non_state" else NO


@condition(may_be_unknown=True)
def official_acquiescence_claimed(situation: Situation) -> Fit:
    """Torture by private actors counts only with an official's consent or acquiescence, willful
    blindness included (8 CFR 1208.18(a)(1), (a)(7)); officials acting themselves need no such proof."""
    role = situation.case.torture.official_involvement
    if role is None:
        return MAYBE
    return YES if role in ("consent", "acquiescence", "willful_blindness") else NO


@condition(may_be_unknown=True)
def past_harm_possible(situation: Situation) -> Fit:
    """Records of past harm corroborate past persecution (8 CFR 1208.13(b)(1), 1208.16(b)(1)) and past
    torture (8 CFR 1208.16(c)(3)(i)). ``past_persecution: false`` rules out the first only: past torture
    needs no protected ground and no fact records it, so for CAT the item stays, conditional."""
    past = situation.case.claim.past_persecution
    if past is True:
        return YES
    if past is None:
        # The client's story telling of harm or an injury is past harm to corroborate, whatever the
        # finding will say of it.
        return YES if _story_tells_of_harm(situation.case) else MAYBE
    return Fit("unknown", only=CAT)


def _story_tells_of_harm(case: Case) -> bool:
    return any(
        event.injuries is True or event.medical_care is True or bool(event.harm)
        for event in case.story.events or ()
    )


@condition(may_be_unknown=True)
def past_persecution_possible(situation: Situation) -> Fit:
    """Only past persecution raises the presumption the government may rebut by a fundamental change
    (8 CFR 1208.13(b)(1)(i)(A), 1208.16(b)(1)(i)(A))."""
    past = situation.case.claim.past_persecution
    if past is None:
        return MAYBE
    return YES if past else NO


@condition(may_be_unknown=True)
def filed_late_or_deadline_unknown(situation: Situation) -> Fit:
    """The one-year exceptions matter only for a filing after the deadline (INA 208(a)(2)(B), (D)); the
    deadline does not apply to an unaccompanied child (INA 208(a)(2)(E)). Not filed yet and the deadline
    passed: the filing will be late. Unknown filing date or deadline: it could be late."""
    case = situation.case
    if case.entry.unaccompanied_child is True:
        return NO
    last_day = situation.one_year_deadline
    if last_day is None:
        return MAYBE
    if case.asylum.not_filed_yet:
        return YES if situation.as_of > last_day else NO
    filed = case.asylum.filed_on
    if filed is None:
        # Anything filed by now was on time while the deadline has not passed.
        return NO if situation.as_of <= last_day else MAYBE
    return YES if filed > last_day else NO


@condition(may_be_unknown=True)
def has_convictions(situation: Situation) -> Fit:
    """Conviction-based bars (INA 208(b)(2)(A)(ii), 241(b)(3)(B)) are decided from the record of
    conviction; ``convictions: []`` means none, absent means unknown."""
    convictions = situation.case.convictions
    if convictions is None:
        return MAYBE
    return YES if convictions else NO


@condition(may_be_unknown=True)
def family_members_possible(situation: Situation) -> Fit:
    """Derivatives are a spouse and unmarried children under 21 (INA 208(b)(3)(A)). The case format cannot
    say "no spouse" (absent is unknown), so without a recorded relative the item stays conditional."""
    family = situation.case.family
    if family.spouse is not None or family.children:
        return YES
    return MAYBE


@condition(may_be_unknown=True)
def foreign_language_documents(situation: Situation) -> Fit:
    """Every foreign-language document needs a certified translation (8 CFR 1003.33). Until a document
    is recorded with a language other than English, it is unknown whether any will need one."""
    return YES if _foreign_records(situation.case) else MAYBE


# --- placeholders ----------------------------------------------------------------------------------


def _case_values(situation: Situation, phrases: Mapping[str, Localized]) -> dict[str, object]:
    """The value of every item placeholder but the per-item ones, in both languages.
    Case text (a group's definition) is inserted literally, never read as a template."""
    case = situation.case
    claim_country = case.claim.country or case.torture.country
    torture_country = case.torture.country or case.claim.country
    grounds = case.claim.grounds
    group = case.claim.particular_social_group
    definition = (group.definition or "").strip() if group else ""
    arrival = case.entry.last_arrival_date
    deadline = situation.one_year_deadline
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


@dataclass(frozen=True)
class ItemSpec:
    """One item as declared in ``evidence.yaml``, before it is tailored to a case."""

    id: str
    order: int
    priority: Priority
    applies: str
    protections: tuple[str, ...]
    answers_bar: bool
    what: Localized
    why: Localized
    if_unknown: Localized | None
    who_has_it: Localized
    authority: str
    contested: Localized | None


@dataclass(frozen=True)
class EvidenceData:
    items: dict[str, ItemSpec]
    """Every item of :data:`EvidenceItem`, keyed by id, in declared order."""
    phrases: dict[str, Localized]


@cache
def evidence_data() -> EvidenceData:
    """The checklist's items and phrases, read and checked once."""
    return parse(read_yaml(__package__, "evidence.yaml"))


def parse(raw: Any) -> EvidenceData:
    """Check the checklist data read from YAML and build it. Raises ``ValueError`` listing every problem
    as ``where: field: what is wrong`` (a missing or untranslated text, an id that is not an
    ``EvidenceItem`` or one left undefined, an unknown condition or placeholder, an authority with no
    citation)."""
    problems: list[str] = []
    if not isinstance(raw, dict) or set(raw) != {"phrases", "items"}:
        raise ValueError("evidence checklist: expected a mapping with exactly `phrases` and `items`")
    phrases = _phrases(raw["phrases"], problems)
    items = _items(raw["items"], problems)
    if problems:
        raise ValueError("evidence checklist is not valid:\n  " + "\n  ".join(problems))
    return EvidenceData(items, phrases)


def _phrases(raw: Any, problems: list[str]) -> dict[str, Localized]:
    if not isinstance(raw, dict):
        problems.append("phrases: expected a mapping of names to texts")
        return {}
    phrases: dict[str, Localized] = {}
    for name in sorted(REQUIRED_PHRASES - set(raw)):
        problems.append(f"phrases: {name}: missing")
    for name, body in raw.items():
        where = f"phrases: {name}"
        if name not in REQUIRED_PHRASES:
            problems.append(f"{where}: not a phrase the checklist uses")
            continue
        text = read_localized(
            where,
            body,
            problems,
            placeholders_allowed=PHRASE_PLACEHOLDERS.get(name, frozenset()),
            must_differ=True,
        )
        if text is not None:
            phrases[name] = text
    return phrases


def _items(raw: Any, problems: list[str]) -> dict[str, ItemSpec]:
    if not isinstance(raw, dict):
        problems.append("items: expected a mapping of item ids to items")
        return {}
    for missing in [i for i in ITEM_IDS if i not in raw]:
        problems.append(f"items: {missing}: missing (every EvidenceItem needs an entry)")
    items: dict[str, ItemSpec] = {}
    orders: dict[int, str] = {}
    for item_id, body in raw.items():
        before = len(problems)
        spec = _item(str(item_id), body, problems)
        if spec is None or len(problems) > before:
            continue
        if spec.order in orders:
            problems.append(f"{item_id}: order: {spec.order} is already used by {orders[spec.order]}")
            continue
        orders[spec.order] = spec.id
        items[spec.id] = spec
    return dict(sorted(items.items(), key=lambda pair: pair[1].order))


def _item(item_id: str, body: Any, problems: list[str]) -> ItemSpec | None:
    if item_id not in ITEM_IDS:
        problems.append(f"{item_id}: not an EvidenceItem of case/1 (facts/case.py)")
        return None
    if not check_fields(item_id, body, allowed=_FIELDS, required=_REQUIRED, problems=problems):
        return None
    order = _order(item_id, body.get("order"), problems)
    priority = _priority(item_id, body.get("priority"), problems)
    known = _condition(item_id, body.get("applies"), problems)
    protections = _protections(item_id, body.get("protections"), problems)
    answers_bar = body.get("answers_bar", False)
    if not isinstance(answers_bar, bool):
        problems.append(f"{item_id}: answers_bar: expected true or false")
    authority = body.get("authority")
    if not isinstance(authority, str) or not _CITATION.search(authority):
        problems.append(f"{item_id}: authority: expected citations (INA, CFR, a decision), got {authority!r}")
    texts: dict[str, Localized] = {}
    for name in _TEXTS:
        if name in body:
            text = read_localized(
                f"{item_id}: {name}",
                body[name],
                problems,
                placeholders_allowed=ITEM_PLACEHOLDERS,
                must_differ=True,
            )
            if text is not None:
                texts[name] = text
    if known is not None and known.may_be_unknown and "if_unknown" not in body:
        problems.append(f"{item_id}: if_unknown: required, because {known.name!r} can be unknown")
    if known is not None and not known.may_be_unknown and "if_unknown" in body:
        problems.append(f"{item_id}: if_unknown: not used, because {known.name!r} is never unknown")
    what, why, who = texts.get("what"), texts.get("why"), texts.get("who_has_it")
    if (
        order is None
        or priority is None
        or known is None
        or protections is None
        or not isinstance(authority, str)
        or what is None
        or why is None
        or who is None
    ):
        return None
    return ItemSpec(
        id=item_id,
        order=order,
        priority=priority,
        applies=known.name,
        protections=protections,
        answers_bar=answers_bar is True,
        what=what,
        why=why,
        if_unknown=texts.get("if_unknown"),
        who_has_it=who,
        authority=authority,
        contested=texts.get("contested"),
    )


def _order(item_id: str, value: Any, problems: list[str]) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(f"{item_id}: order: expected a whole number, got {value!r}")
        return None
    return value


def _priority(item_id: str, value: Any, problems: list[str]) -> Priority | None:
    for priority in PRIORITIES:
        if value == priority:
            return priority
    problems.append(f"{item_id}: priority: expected one of {', '.join(PRIORITIES)}, got {value!r}")
    return None


def _condition(item_id: str, value: Any, problems: list[str]) -> Condition | None:
    known = CONDITIONS.get(value) if isinstance(value, str) else None
    if known is None:
        problems.append(f"{item_id}: applies: unknown condition {value!r}; known: {', '.join(CONDITIONS)}")
    return known


def _protections(item_id: str, value: Any, problems: list[str]) -> tuple[str, ...] | None:
    """The declared protections, in the canonical order (asylum first)."""
    if (
        not isinstance(value, list)
        or not value
        or any(p not in PROTECTIONS for p in value)
        or len(set(value)) != len(value)
    ):
        problems.append(f"{item_id}: protections: expected a list of distinct names from {list(PROTECTIONS)}")
        return None
    return tuple(p for p in PROTECTIONS if p in value)
