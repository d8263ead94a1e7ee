"""The ``case/1`` case file, as typed models.

The format is a contract (``docs/spec/case-format.md``, Withhold's extended copy of the original contract
``docs/spec/shared/case-format.md``, which documents every extension below): every key here is named
exactly as the spec names it. Absent or ``null`` means *unknown*, never "no"; ``false`` is a real
answer. Unknown keys are an error. Keys marked ``finding`` are judgements (the practitioner's assessment,
or an adjudicator's finding): the software combines them and never invents them.

Extensions beyond the shared spec (added compatibly, all optional):
- ``asylum.border_limitation_overcome`` (see ``law/asylum/border_entry_limitations.py``);
- ``proceedings.decision.served_on`` and ``proceedings.decision.granted`` (see ``law/deadlines/``);
- ``proceedings.notice_to_appear_date`` (checked against the other dates: ``facts/consistency.py``);
- ``proceedings.cooperative_agreement`` (see ``law/procedure/cooperative_agreement.py``);
- ``asylum.annual_fee_due_on`` and ``asylum.annual_fee_paid_on`` (see ``law/deadlines/fees.py``);
- ``interview`` (``asked``, ``dont_know``, ``language``): the guided interview's record;
- ``evidence`` (a list of ``{item, status, description, language, translated}``): what is gathered for
  the evidence checklist (``preparation/evidence``); never read by rules;
- ``other_relief``: facts that point to relief other than the four protections, read by the rules of
  ``law/other_relief`` and raised as flags for a lawyer (``preparation/other_relief``); no rule of the four
  protections reads them;
- what Form I-589 asks that the law does not (``forms/``; never read by rules): in ``person``,
  ``marital_status``, ``city_of_birth``, ``nationality_at_birth``, ``ssn``, ``uscis_online_account``,
  ``mailing_address``, ``passport``, ``native_language``, ``fluent_in_english``, ``other_languages``,
  ``interpreter_needed``, ``interpreter_language``, ``name_in_native_alphabet``; ``entry.left_country_on``;
  ``entries`` (every entry into the US); ``proceedings.earlier_proceedings``; the spouse and children in
  full (``family.spouse`` and ``family.children[]`` gain the form's questions), ``family.mother``,
  ``family.father``, ``family.siblings``; ``background`` (last addresses abroad, residences, education and
  employment); ``application`` (the yes-or-no answers and explanations of Parts B to D, and the preparer of
  Part E);
- ``story``: the person's account as they tell it (what happened, when and where, who did it, whether they
  asked the authorities for help, what they fear on return): plain facts a client can tell, never findings;
  read by the I-589's Part B, the reports and the evidence checklist (``preparation/story``), never by rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from withhold.facts.limits import (
    EARLIEST_DATE,
    FREE_TEXT_MAX,
    ITEMS_MAX,
    LATEST_DATE,
    NAME_MAX,
    PATHS_MAX,
    PLACE_MAX,
    SENTENCE_MONTHS_MAX,
    SHORT_TEXT_MAX,
    fact_date_problem,
    shown,
)
from withhold.language import LANGUAGES


def _at_most(kind: str, limit: int) -> Callable[[object], object]:
    """A text's length check, before any other: the error names the kind of text and its limit."""

    def check(value: object) -> object:
        if isinstance(value, str) and len(value) > limit:
            raise ValueError(f"too long: {len(value):,} characters ({kind} has at most {limit:,})")
        return value

    return check


# Every text of the format is one of four kinds, each with its own limit (facts/limits.py).
Name = Annotated[str, BeforeValidator(_at_most("a name", NAME_MAX)), Field(max_length=NAME_MAX)]
Place = Annotated[str, BeforeValidator(_at_most("a place", PLACE_MAX)), Field(max_length=PLACE_MAX)]
ShortText = Annotated[
    str, BeforeValidator(_at_most("a short text", SHORT_TEXT_MAX)), Field(max_length=SHORT_TEXT_MAX)
]
FreeText = Annotated[
    str, BeforeValidator(_at_most("free text", FREE_TEXT_MAX)), Field(max_length=FREE_TEXT_MAX)
]
Country = ShortText  # ISO 3166-1 alpha-2, validated by each field's pattern


def _a_date(value: object) -> dt.date:
    """Accept only real dates: YAML dates or ISO 8601 text. Pydantic alone would read a bare number as
    a Unix timestamp, silently turning a typo into 1970."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"expected a date as YYYY-MM-DD, got {shown(value)}")


def _iso_date(value: object) -> object:
    """A real date inside the supported range (facts/limits.py): the deadline arithmetic adds years and
    court days to it."""
    day = _a_date(value)
    problem = fact_date_problem(day)
    if problem:
        raise ValueError(problem)
    return day


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
"""A date of the case: a birth, an entry, a hearing, a decision, the law date. (Whether the law can be
evaluated as of a date is for the one who evaluates it: facts/limits.py, ``law_as_of_problem``.)"""


def _year_month(value: object) -> object:
    """Months, as the I-589 asks for periods (residences, schools, jobs): ``YYYY-MM`` text, or a date (its
    month is kept; the form has no room for the day)."""
    if isinstance(value, dt.date):
        text = f"{value.year:04d}-{value.month:02d}"
    elif isinstance(value, str) and re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])", value.strip()):
        text = value.strip()
    else:
        raise ValueError(f"expected a month as YYYY-MM, got {shown(value)}")
    if not EARLIEST_DATE.year <= int(text[:4]) <= LATEST_DATE.year:
        raise ValueError(
            f"a month must be between {EARLIEST_DATE.year}-01 and {LATEST_DATE.year}-12, got {text}"
        )
    return text


def _year_month_or_present(value: object) -> object:
    if isinstance(value, str) and value.strip().lower() == "present":
        return "present"
    return _year_month(value)


YearMonth = Annotated[str, BeforeValidator(_year_month)]
YearMonthOrPresent = Annotated[str, BeforeValidator(_year_month_or_present)]


PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"


def _partial_date(value: object) -> object:
    """A day, or only its month, or only its year, as a person remembers when something happened:
    ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` text (a YAML date is kept whole; a YAML year is a number). The
    precision a person gives is kept, never padded into a day they did not say."""
    if isinstance(value, dt.date):
        day = _a_date(value)
        if problem := fact_date_problem(day):
            raise ValueError(problem)
        return day.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = value.strip() if isinstance(value, str) else ""
    if not re.fullmatch(PARTIAL_DATE_PATTERN, text):
        raise ValueError(
            f"expected a date as YYYY-MM-DD, or YYYY-MM or YYYY when only the month or the year is known, "
            f"got {shown(value)}"
        )
    if not EARLIEST_DATE.year <= int(text[:4]) <= LATEST_DATE.year:
        raise ValueError(
            f"a date must be between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}, got {text}"
        )
    try:
        partial_date_span(text)
    except ValueError:
        raise ValueError(f"{text} is not a day of the calendar") from None
    return text


def partial_date_span(text: str) -> tuple[dt.date, dt.date]:
    """The first and the last day a partial date can mean: ``2021-03`` is 2021-03-01 to 2021-03-31.
    Raises ``ValueError`` for a text that is not one."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 3:
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


PartialDate = Annotated[str, BeforeValidator(_partial_date)]


def _language_code(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in LANGUAGES:
        return value.strip().lower()
    if isinstance(value, str):
        shown = value[:20] + ("…" if len(value) > 20 else "")
        raise ValueError(f"{shown!r} is not a language Withhold speaks ({', '.join(LANGUAGES)})")
    return value


LanguageCode = Annotated[
    str, BeforeValidator(_language_code), Field(max_length=8, json_schema_extra={"enum": list(LANGUAGES)})
]
"""A language Withhold speaks (:data:`withhold.language.LANGUAGES`: adding one is adding its catalogs)."""
"""When something happened, as precisely as the person knows it (the story's events)."""
MaritalStatus = Literal["single", "married", "divorced", "widowed"]
Sex = Literal["male", "female"]
A_NUMBER_PATTERN = r"^A?[0-9]{8,9}$"
SSN_PATTERN = r"^[0-9]{3}-?[0-9]{2}-?[0-9]{4}$"
USCIS_ACCOUNT_PATTERN = r"^[0-9]{12}$"
Ground = Literal["race", "religion", "nationality", "political_opinion", "particular_social_group"]
Likelihood = Literal["none", "reasonable_possibility", "more_likely_than_not"]
AggravatedFelonyLetter = Literal[
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K",
    "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "none",
]  # fmt: skip

COUNTRY_PATTERN = r"^[A-Z]{2}$"


def finding(description: str, **kwargs: Any) -> Any:
    """A field that records a judgement rather than a plain fact (docs/DESIGN.md: findings are inputs)."""
    return Field(default=None, description=description, json_schema_extra={"x-finding": True}, **kwargs)


def fact(description: str, **kwargs: Any) -> Any:
    return Field(default=None, description=description, **kwargs)


class Part(BaseModel):
    """A section of the case file: unknown keys are errors, values are checked strictly."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- person (identity: read by forms and reports, never by rules) ------------------------------------


class Address(Part):
    street: Place | None = fact("street and number")
    unit: Place | None = fact("apartment or unit")
    city: Place | None = fact("city")
    state: ShortText | None = fact("US state (two letters)")
    zip: ShortText | None = fact("ZIP code")


class MailingAddress(Address):
    in_care_of: Name | None = fact("in care of (if applicable)")
    phone: ShortText | None = fact("telephone number at the mailing address")


class TravelDocument(Part):
    country: Country | None = fact(
        "country that issued the last passport or travel document", pattern=COUNTRY_PATTERN
    )
    passport_number: ShortText | None = fact("passport number, if any")
    travel_document_number: ShortText | None = fact("travel document number, if any")
    expires_on: IsoDate | None = fact("expiration date")


class Person(Part):
    family_name: Name | None = fact("family name (surname)")
    given_name: Name | None = fact("given (first) name")
    middle_name: Name | None = fact("middle name")
    other_names: list[Name] | None = fact("other names used (aliases, maiden names)", max_length=ITEMS_MAX)
    a_number: ShortText | None = fact(
        "alien registration number: 8 or 9 digits, optional leading A", pattern=A_NUMBER_PATTERN
    )
    date_of_birth: IsoDate | None = fact("date of birth")
    sex: Sex | None = fact("sex")
    country_of_birth: Country | None = fact("country of birth", pattern=COUNTRY_PATTERN)
    nationality: Country | None = fact("country of nationality", pattern=COUNTRY_PATTERN)
    stateless: bool | None = fact("stateless")
    last_habitual_residence: Country | None = fact(
        "country of last habitual residence (for stateless people)", pattern=COUNTRY_PATTERN
    )
    languages: list[ShortText] | None = fact("languages spoken (ISO 639-1 codes)", max_length=ITEMS_MAX)
    religion: ShortText | None = fact("religion")
    ethnicity: ShortText | None = fact("ethnic or tribal group")
    address: Address | None = fact("residence in the United States")
    phone: ShortText | None = fact("telephone number")
    email: ShortText | None = fact("e-mail address")
    marital_status: MaritalStatus | None = fact("Withhold extension: marital status (I-589 Part A.I.11)")
    city_of_birth: Place | None = fact("Withhold extension: city or town of birth (I-589 Part A.I.13)")
    nationality_at_birth: Country | None = fact(
        "Withhold extension: nationality at birth (I-589 Part A.I.15)", pattern=COUNTRY_PATTERN
    )
    ssn: ShortText | None = fact(
        "Withhold extension: US Social Security number, if any (I-589 Part A.I.2)", pattern=SSN_PATTERN
    )
    uscis_online_account: ShortText | None = fact(
        "Withhold extension: USCIS online account number, if any (I-589 Part A.I.3)",
        pattern=USCIS_ACCOUNT_PATTERN,
    )
    mailing_address: MailingAddress | None = fact(
        "Withhold extension: mailing address in the US, if different from the residence (I-589 Part A.I.9)"
    )
    passport: TravelDocument | None = fact(
        "Withhold extension: the last passport or travel document (I-589 Part A.I.20-22)"
    )
    native_language: ShortText | None = fact(
        "Withhold extension: native language, with the dialect if any, in words (I-589 Part A.I.23)"
    )
    fluent_in_english: bool | None = fact("Withhold extension: fluent in English (I-589 Part A.I.24)")
    other_languages: list[ShortText] | None = fact(
        "Withhold extension: other languages spoken fluently, in words; [] = none (I-589 Part A.I.25)",
        max_length=ITEMS_MAX,
    )
    interpreter_needed: bool | None = fact(
        "Withhold extension: needs an interpreter at the hearing or interview"
    )
    interpreter_language: ShortText | None = fact(
        "Withhold extension: the language to interpret into, in words (with the dialect)"
    )
    name_in_native_alphabet: Name | None = fact(
        "Withhold extension: full name written in the native alphabet (I-589 Part D)"
    )

    @field_validator("languages")
    @classmethod
    def _language_codes(cls, value: list[str] | None) -> list[str] | None:
        for code in value or []:
            if not (len(code) == 2 and code.isalpha() and code.islower()):
                raise ValueError(
                    f"expected two-letter ISO 639-1 language codes such as 'es', got {shown(code)}"
                )
        return value


# --- proceedings -----------------------------------------------------------------------------------

ProceedingKind = Literal[
    "removal", "asylum_only", "withholding_only", "affirmative", "credible_fear", "reasonable_fear"
]
Circuit = Literal["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "DC"]


class Hearing(Part):
    kind: Literal["master", "individual"] | None = fact("master calendar or individual (merits) hearing")
    date: IsoDate | None = fact("date of the hearing")
    time: ShortText | None = fact("time of the hearing, e.g. 08:30")


ProtectionName = Literal["asylum", "statutory_withholding", "cat_withholding", "cat_deferral"]


class Decision(Part):
    date: IsoDate | None = fact("date of the immigration judge's decision")
    served: Literal["oral", "mail", "electronic"] | None = fact("how the decision was served")
    outcome: Literal["granted", "denied", "mixed"] | None = fact("outcome of the decision")
    asylum_denied_on_merits: bool | None = fact("asylum was denied on the merits (not on a threshold bar)")
    served_on: IsoDate | None = fact(
        "Withhold extension: the date a written decision was mailed or served electronically"
    )
    granted: list[ProtectionName] | None = fact(
        "Withhold extension: the protections the judge granted ([] = none)", max_length=ITEMS_MAX
    )


class CooperativeAgreement(Part):
    """An asylum cooperative agreement DHS invokes to send the person to a third country to seek protection
    there (INA 208(a)(2)(A); 8 CFR 1240.11(h)) (Withhold extension)."""

    invoked: bool | None = fact(
        "DHS has asked the judge to remove the person to a third country under an asylum cooperative "
        "agreement (a motion to pretermit)"
    )
    country: Country | None = fact("the agreement country DHS names", pattern=COUNTRY_PATTERN)
    exception: bool | None = finding(
        "the person qualifies for an exception written in that agreement's Federal Register notice "
        "(8 CFR 1240.11(h)(2)(ii))"
    )
    fear_in_country: bool | None = finding(
        "more likely than not persecuted on a protected ground, or tortured, in the agreement country "
        "(8 CFR 1240.11(h)(2)(iii))"
    )
    public_interest_notice: bool | None = fact(
        "DHS filed a written notice that, in the public interest, the person may pursue asylum or "
        "withholding in the United States (8 CFR 1240.11(h)(3))"
    )


class Proceedings(Part):
    kind: ProceedingKind | None = fact(
        "INA 240 removal proceedings; asylum-only (I-863); withholding-only (reinstated or 238(b) order "
        "after positive reasonable fear); affirmative filing with USCIS; screening interviews"
    )
    court: Name | None = fact(
        "immigration court, as the Notice to Appear or hearing notice names it (EOIR's name, or its city)"
    )
    circuit: Circuit | None = fact(
        "federal circuit of the immigration court (selects circuit law, e.g. the nexus standard); when "
        "absent, the circuit where the court sits (rule procedure.circuit)"
    )
    detained: bool | None = fact("on the detained docket")
    reinstated_order: bool | None = fact("a prior removal order was reinstated (INA 241(a)(5))")
    hearings: list[Hearing] | None = fact("scheduled hearings", max_length=ITEMS_MAX)
    notice_to_appear_date: IsoDate | None = fact(
        "Withhold extension: the date of the Notice to Appear (Form I-862) that began the removal "
        "proceedings, as written on it (the day it was served, if that is the one known)"
    )
    filing_deadline: IsoDate | None = fact("a deadline the judge set for filings, if any")
    decision: Decision | None = fact("the immigration judge's decision, if any")
    final_order_date: IsoDate | None = fact("date the removal order became administratively final")
    cooperative_agreement: CooperativeAgreement | None = fact(
        "Withhold extension: an asylum cooperative agreement DHS invokes (8 CFR 1240.11(h))"
    )
    earlier_proceedings: bool | None = fact(
        "Withhold extension: was in immigration court proceedings before, now ended (I-589 Part A.I.18)"
    )

    @field_validator("circuit", mode="before")
    @classmethod
    def _circuit_as_text(cls, value: object) -> object:
        # YAML reads `circuit: 9` as a number; the spec's values are strings.
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, str) and value.lower() == "dc":
            return "DC"
        return value


# --- entry -----------------------------------------------------------------------------------------


class Entry(Part):
    last_arrival_date: IsoDate | None = fact("most recent arrival in the US (Matter of F-P-R-)")
    place: Place | None = fact("port or place of last arrival")
    inspected: bool | None = fact("admitted or paroled after inspection")
    status_at_entry: ShortText | None = fact("status at entry, e.g. B-2, F-1, parole")
    unaccompanied_child: bool | None = fact(
        "an unaccompanied child (6 USC 279(g)) when the asylum application is filed"
    )
    southwest_border_from_mexico: bool | None = fact(
        "entered across the southwest land border or adjacent coast from Mexico"
    )
    with_entry_documents: bool | None = fact("had documents sufficient for lawful admission")
    left_country_on: IsoDate | None = fact(
        "Withhold extension: when the person last left their country (I-589 Part A.I.19.A)"
    )


class UsEntry(Part):
    """One entry into the US, as Form I-589 Part A.I.19 lists them (Withhold extension)."""

    date: IsoDate | None = fact("date of entry")
    place: Place | None = fact("port or place of entry")
    status: ShortText | None = fact("status at entry, e.g. B-2, parole, EWI (entry without inspection)")
    status_expires: IsoDate | None = fact("date the status expires, if it does")
    i94_number: ShortText | None = fact("I-94 number, if any")


# --- asylum ----------------------------------------------------------------------------------------


class Asylum(Part):
    filed_on: IsoDate | None = fact(
        "date the I-589 was received; an explicit null means not filed yet, absence means unknown"
    )
    changed_circumstances: bool | None = finding(
        "changed circumstances materially affecting eligibility (8 CFR 1208.4(a)(4))"
    )
    extraordinary_circumstances: bool | None = finding(
        "extraordinary circumstances directly related to the delay (8 CFR 1208.4(a)(5))"
    )
    filed_within_reasonable_period: bool | None = finding(
        "filed within a reasonable period after those circumstances"
    )
    previously_denied: bool | None = fact(
        "an earlier asylum application was denied by an immigration judge or the BIA"
    )
    safe_third_country_agreement: bool | None = finding(
        "subject to the terms of a safe-third-country or asylum cooperative agreement that bars applying "
        "for asylum here (8 CFR 1240.11(h)(2)(i) decided against the person); the exceptions are "
        "proceedings.cooperative_agreement"
    )
    firmly_resettled: bool | None = finding("firmly resettled in another country before arriving")
    frivolous_finding: bool | None = fact(
        "a final finding of a knowingly frivolous application, after warning"
    )
    discretion_favorable: bool | None = finding("the equities favour a discretionary grant")
    annual_fee_due_on: IsoDate | None = fact(
        "Withhold extension: the day the annual asylum fee must be paid by, as the USCIS notice or the "
        "judge's order says (8 U.S.C. 1808)"
    )
    annual_fee_paid_on: IsoDate | None = fact(
        "Withhold extension: the day this year's annual asylum fee was paid"
    )
    border_limitation_overcome: bool | None = finding(
        "Withhold extension: no asylum limitation tied to a southern-border entry (8 CFR 1208.33, "
        "1208.35, Proclamation 10888) applies, or each that would is overcome by an exception or rebuttal"
    )

    @property
    def not_filed_yet(self) -> bool:
        """An explicit ``filed_on: null`` records that no I-589 has been filed (spec: 'null: not filed yet')."""
        return "filed_on" in self.model_fields_set and self.filed_on is None


# --- claim -----------------------------------------------------------------------------------------


class ParticularSocialGroup(Part):
    definition: FreeText | None = fact("the group, as delineated before the judge")
    cognizable: bool | None = finding(
        "the group is legally cognizable (immutability, particularity, social distinction)"
    )


class Claim(Part):
    country: Country | None = fact("the country of removal the claim concerns", pattern=COUNTRY_PATTERN)
    grounds: list[Ground] | None = fact(
        "protected grounds the harm is on account of; [] = none", max_length=ITEMS_MAX
    )
    particular_social_group: ParticularSocialGroup | None = fact(
        "the particular social group, and whether it is legally cognizable"
    )
    harm_is_persecution: bool | None = finding(
        "the harm suffered or feared rises to persecution (a threat to life or freedom)"
    )
    persecutor: Literal["government", "non_state"] | None = fact("who harmed or would harm")
    government_unable_or_unwilling: bool | None = finding(
        "for a non-state persecutor: the government cannot or will not control it"
    )
    nexus: Literal["none", "incidental", "a_reason", "one_central_reason"] | None = finding(
        "how strongly a protected ground motivates the harm"
    )
    past_persecution: bool | None = finding("persecuted in the past in that country on a protected ground")
    future_fear_unrelated_to_past: bool | None = finding(
        "the fear now rests on a new ground, unrelated to the past harm"
    )
    fundamental_change: bool | None = finding(
        "circumstances changed fundamentally since the past harm (government's rebuttal)"
    )
    relocation_reasonable: bool | None = finding(
        "the person could avoid the harm by relocating within the country, and it would be reasonable"
    )
    future_persecution: Likelihood | None = finding("likelihood of future persecution on a protected ground")
    pattern_or_practice: bool | None = finding(
        "a pattern or practice of persecuting a group the person belongs to and is identified with"
    )
    credible: bool | None = finding(
        "the testimony is (or is expected to be found) credible; only false changes a status"
    )
    severe_past_persecution: bool | None = finding(
        "past persecution so severe that return is compelling (humanitarian asylum)"
    )
    other_serious_harm: bool | None = finding(
        "a reasonable possibility of other serious harm on return (humanitarian asylum)"
    )


# --- torture (CAT) ---------------------------------------------------------------------------------


class Torture(Part):
    country: Country | None = fact("the country the torture claim concerns", pattern=COUNTRY_PATTERN)
    likelihood: Likelihood | None = finding(
        "aggregate likelihood of torture (as 8 CFR 1208.18(a) defines it) from all sources"
    )
    official_involvement: (
        Literal["direct", "instigation", "consent", "acquiescence", "willful_blindness", "none"] | None
    ) = finding("role of a public official or person acting in an official capacity")
    severe_pain_or_suffering: bool | None = finding("harm feared is severe pain or suffering")
    specific_intent: bool | None = finding("it would be intentionally inflicted")
    in_custody_or_control: bool | None = finding("the person would be in the torturer's custody or control")
    lawful_sanction: bool | None = finding("the pain would arise only from lawful sanctions")


# --- conduct ---------------------------------------------------------------------------------------


class Conduct(Part):
    persecuted_others: bool | None = finding(
        "ordered, incited, assisted or otherwise participated in persecution of others on a protected "
        "ground (no duress exception)"
    )
    serious_nonpolitical_crime_abroad: bool | None = finding(
        "serious reasons to believe they committed a serious nonpolitical crime outside the US before "
        "arriving"
    )
    danger_to_security: bool | None = finding("reasonable grounds to regard them as a danger to US security")
    terrorist_activity: bool | None = finding(
        "described in the terrorism grounds (INA 212(a)(3)(B), 237(a)(4)(B))"
    )


# --- convictions -----------------------------------------------------------------------------------


class Conviction(Part):
    offense: FreeText | None = fact("the offense as named in the judgment")
    date: IsoDate | None = fact("date of conviction")
    jurisdiction: Literal["federal", "state", "foreign"] | None = fact("convicting jurisdiction")
    final: bool | None = fact("conviction by final judgment (INA 101(a)(48)(A))")
    sentence_months: float | None = fact(
        "term of imprisonment ordered in months, suspended time included (INA 101(a)(48)(B))",
        ge=0,
        le=SENTENCE_MONTHS_MAX,
        allow_inf_nan=False,
    )
    aggravated_felony: AggravatedFelonyLetter | None = finding(
        "INA 101(a)(43) subparagraph, as classified by counsel, or none"
    )
    drug_trafficking: bool | None = finding("illicit trafficking in a controlled substance")
    particularly_serious: bool | None = finding(
        "an individualized finding that this is a particularly serious crime, if one was made"
    )


# --- family ----------------------------------------------------------------------------------------


class Relative(Part):
    family_name: Name | None = fact("family name")
    given_name: Name | None = fact("given name")
    date_of_birth: IsoDate | None = fact("date of birth")
    nationality: Country | None = fact("nationality", pattern=COUNTRY_PATTERN)
    in_us: bool | None = fact("in the United States")
    included: bool | None = fact("included in the application as a derivative")
    # Withhold extensions: the rest of what Form I-589 Part A.II asks about a spouse or a child.
    middle_name: Name | None = fact("Withhold extension: middle name")
    a_number: ShortText | None = fact(
        "Withhold extension: alien registration number, if any", pattern=A_NUMBER_PATTERN
    )
    passport_number: ShortText | None = fact("Withhold extension: passport or identity card number, if any")
    ssn: ShortText | None = fact("Withhold extension: US Social Security number, if any", pattern=SSN_PATTERN)
    sex: Sex | None = fact("Withhold extension: sex")
    city_of_birth: Place | None = fact("Withhold extension: city or town of birth")
    country_of_birth: Country | None = fact("Withhold extension: country of birth", pattern=COUNTRY_PATTERN)
    ethnicity: ShortText | None = fact("Withhold extension: race, ethnic or tribal group")
    location: Place | None = fact("Withhold extension: where the person is, if not in the US")
    last_entry_place: Place | None = fact("Withhold extension: place of last entry into the US")
    last_entry_date: IsoDate | None = fact("Withhold extension: date of last entry into the US")
    i94_number: ShortText | None = fact("Withhold extension: I-94 number, if any")
    status_at_last_entry: ShortText | None = fact("Withhold extension: status when last admitted (visa type)")
    current_status: ShortText | None = fact("Withhold extension: current immigration status")
    stay_expires: IsoDate | None = fact("Withhold extension: expiration of the authorized stay, if any")
    in_court_proceedings: bool | None = fact("Withhold extension: in immigration court proceedings")


class Spouse(Relative):
    other_names: list[Name] | None = fact(
        "Withhold extension: other names used, maiden name and aliases included; [] = none",
        max_length=ITEMS_MAX,
    )
    marriage_date: IsoDate | None = fact("Withhold extension: date of marriage")
    marriage_place: Place | None = fact("Withhold extension: place of marriage")
    previous_arrival_date: IsoDate | None = fact(
        "Withhold extension: date of a previous arrival, if the spouse was in the US before"
    )


class Child(Relative):
    married: bool | None = fact("married")
    marital_status: MaritalStatus | None = fact("Withhold extension: marital status")


class FamilyMember(Part):
    """A parent or a sibling, as Form I-589 Part A.III.5 lists them (Withhold extension)."""

    family_name: Name | None = fact("family name")
    given_name: Name | None = fact("given name")
    city_of_birth: Place | None = fact("city or town of birth")
    country_of_birth: Country | None = fact("country of birth", pattern=COUNTRY_PATTERN)
    deceased: bool | None = fact("deceased")
    location: Place | None = fact("where the person is now (city and country)")


class Family(Part):
    spouse: Spouse | None = fact("spouse")
    children: list[Child] | None = fact("children; [] = none", max_length=ITEMS_MAX)
    mother: FamilyMember | None = fact("Withhold extension: mother (I-589 Part A.III.5)")
    father: FamilyMember | None = fact("Withhold extension: father (I-589 Part A.III.5)")
    siblings: list[FamilyMember] | None = fact(
        "Withhold extension: brothers and sisters; [] = none (I-589 Part A.III.5)", max_length=ITEMS_MAX
    )


# --- background (Withhold extension: Form I-589 Part A.III) ----------------------------------------


class Residence(Part):
    """An address where the person lived, with the months they lived there."""

    street: Place | None = fact("number and street")
    city: Place | None = fact("city or town")
    province: Place | None = fact("department, province or state")
    country: Country | None = fact("country", pattern=COUNTRY_PATTERN)
    since: YearMonth | None = fact("from (YYYY-MM)")
    until: YearMonthOrPresent | None = fact("to (YYYY-MM, or present)")


class School(Part):
    name: Name | None = fact("name of the school")
    kind: ShortText | None = fact("type of school, e.g. primary school, university")
    location: Place | None = fact("location (address)")
    since: YearMonth | None = fact("attended from (YYYY-MM)")
    until: YearMonthOrPresent | None = fact("attended to (YYYY-MM, or present)")


class Job(Part):
    employer: Place | None = fact("name and address of the employer")
    occupation: ShortText | None = fact("occupation")
    since: YearMonth | None = fact("from (YYYY-MM)")
    until: YearMonthOrPresent | None = fact("to (YYYY-MM, or present)")


class Background(Part):
    last_address_abroad: Residence | None = fact("last address before coming to the US (I-589 Part A.III.1)")
    last_address_in_feared_country: Residence | None = fact(
        "last address in the country of feared persecution, if that is another country (I-589 Part A.III.1)"
    )
    residences: list[Residence] | None = fact(
        "residences during the past five years, present first (I-589 Part A.III.2)", max_length=ITEMS_MAX
    )
    education: list[School] | None = fact(
        "schools, most recent first; [] = none (I-589 Part A.III.3)", max_length=ITEMS_MAX
    )
    employment: list[Job] | None = fact(
        "employment during the past five years, present first; [] = none (I-589 Part A.III.4)",
        max_length=ITEMS_MAX,
    )


# --- application (Withhold extension: Form I-589 Parts B to E) -------------------------------------


class Answer(Part):
    """A yes-or-no question of the form and, for a yes, the explanation it asks for."""

    answer: bool | None = fact("the answer: true for yes, false for no")
    explanation: FreeText | None = fact("the explanation the form asks for (for a yes)")


class Helper(Part):
    name: Name | None = fact("full name")
    relationship: ShortText | None = fact("relationship to the applicant, e.g. spouse")


class Preparer(Part):
    name: Name | None = fact("full name of the preparer")
    street: Place | None = fact("street and number")
    unit: Place | None = fact("apartment or unit")
    city: Place | None = fact("city")
    state: ShortText | None = fact("US state (two letters)")
    zip: ShortText | None = fact("ZIP code")
    phone: ShortText | None = fact("daytime telephone number")
    g28_attached: bool | None = fact(
        "an attorney or accredited representative who attaches Form G-28 (Part E's box)"
    )
    bar_number: ShortText | None = fact("attorney state bar number, if applicable")
    uscis_online_account: ShortText | None = fact(
        "USCIS online account number, if any", pattern=USCIS_ACCOUNT_PATTERN
    )


class Application(Part):
    """The questions of Form I-589 Parts B to E that are neither identity nor the law's findings."""

    past_harm: Answer | None = fact(
        "you, family, close friends or colleagues were harmed, mistreated or threatened (Part B.1.A)"
    )
    fear_of_harm: Answer | None = fact("fears harm or mistreatment on return (Part B.1.B)")
    accused_abroad: Answer | None = fact(
        "you or family were accused, charged, arrested, detained, interrogated, convicted or imprisoned "
        "outside the US (Part B.2)"
    )
    organizations: Answer | None = fact(
        "you or family belonged to or were associated with organizations or groups at home (Part B.3.A)"
    )
    organizations_continuing: Answer | None = fact("you or family still take part in them (Part B.3.B)")
    fear_of_torture: Answer | None = fact("afraid of torture in any country of return (Part B.4)")
    prior_applications: Answer | None = fact(
        "you, spouse, children, parents or siblings applied to the US for refugee status, asylum or "
        "withholding (Part C.1)"
    )
    other_countries: Answer | None = fact(
        "after leaving, you or your spouse or children now in the US travelled through or lived in another "
        "country before entering the US (Part C.2.A)"
    )
    status_elsewhere: Answer | None = fact(
        "you or family applied for or received lawful status in another country (Part C.2.B)"
    )
    harm_to_others: Answer | None = fact(
        "you, your spouse or your children caused harm or suffering to anyone on a protected ground (Part C.3)"
    )
    returned: Answer | None = fact("returned to the country of feared harm after leaving it (Part C.4)")
    late_filing: Answer | None = fact(
        "filing more than one year after the last arrival, and why (Part C.5; the answer follows the "
        "one-year deadline when the case has the dates)"
    )
    us_crimes: Answer | None = fact(
        "you or an included family member committed, or were arrested, charged, convicted or sentenced "
        "for, a crime in the US (Part C.6)"
    )
    family_helped: list[Helper] | None = fact(
        "spouse, parents or children who helped complete the application; [] = none (Part D)",
        max_length=ITEMS_MAX,
    )
    prepared_by_someone_else: bool | None = fact(
        "someone other than a spouse, parent or child prepared the application (Part D)"
    )
    given_list_of_counsel: bool | None = fact(
        "was given a list of people who may help at little or no cost (Part D)"
    )
    preparer: Preparer | None = fact("who prepared the application, if someone else (Part E)")
    not_applicable: list[ShortText] | None = fact(
        "fact paths that do not apply to this person (no middle name, no Social Security number): the "
        "form shows N/A in their boxes; a path with [] (family.children[].ssn) covers every item",
        max_length=PATHS_MAX,
    )


# --- evidence on file (Withhold extension) -------------------------------------------------------

EvidenceItem = Literal[
    "declaration",
    "identity_documents",
    "arrival_evidence",
    "country_conditions",
    "protected_ground_evidence",
    "social_group_evidence",
    "threat_evidence",
    "medical_records",
    "psychological_evaluation",
    "photographs",
    "police_reports",
    "state_protection_evidence",
    "witness_statements",
    "expert_declaration",
    "relocation_evidence",
    "changed_conditions_rebuttal",
    "one_year_exception_evidence",
    "reasonable_period_evidence",
    "official_acquiescence_evidence",
    "certified_conviction_records",
    "sentencing_records",
    "rehabilitation_evidence",
    "discretion_equities",
    "family_relationship_documents",
    "certified_translations",
]
"""The items of the evidence checklist (``preparation/evidence``), each defined there with what to
gather, why, who has it and the authority."""


class EvidenceRecord(Part):
    """One piece of evidence the case has (or has asked for); read by the checklist, never by rules."""

    item: EvidenceItem = Field(description="the checklist item this evidence answers")
    status: Literal["on_file", "requested", "unavailable"] | None = fact(
        "on file; requested and awaited; or cannot be obtained (say why in the description)"
    )
    description: FreeText | None = fact("what it is, e.g. 'Declaration of the applicant, 12 pages'")
    language: ShortText | None = fact("language of the document (ISO 639-1 code)", pattern=r"^[a-z]{2}$")
    translated: bool | None = fact(
        "a certified English translation is on file (8 CFR 1003.33); only for documents not in English"
    )


# --- other relief (Withhold extension) ------------------------------------------------------------


class OtherRelief(Part):
    """Facts that point to relief other than the four protections. They raise flags for a lawyer to
    look into; no rule of the four protections reads them."""

    continuous_presence_since: IsoDate | None = fact(
        "start of continuous physical presence in the US (cancellation of removal, INA 240A(b)(1)(A))"
    )
    qualifying_relative: bool | None = fact(
        "has a spouse, parent or child who is a US citizen or lawful permanent resident"
    )
    crime_victim: bool | None = fact(
        "was the victim of a serious crime in the US, such as domestic violence, sexual assault or "
        "kidnapping (U visa, INA 101(a)(15)(U))"
    )
    trafficking_victim: bool | None = fact(
        "was brought or kept in the US by force, fraud or coercion for work or sex (T visa, "
        "INA 101(a)(15)(T))"
    )
    abused_abandoned_or_neglected: bool | None = fact(
        "was abused, abandoned or neglected by one or both parents (special immigrant juvenile "
        "status, INA 101(a)(27)(J))"
    )
    abused_by_citizen_or_resident_relative: bool | None = fact(
        "was abused by a US-citizen or permanent-resident spouse or parent, or by an adult US-citizen "
        "child (VAWA self-petition, INA 204(a)(1))"
    )


# --- interview record (Withhold extension) --------------------------------------------------------


class InterviewRecord(Part):
    """What a guided interview has done with this case; never read by rules."""

    asked: list[ShortText] | None = fact(
        "Withhold extension: fact paths asked so far, in order", max_length=PATHS_MAX
    )
    dont_know: list[ShortText] | None = fact(
        "Withhold extension: fact paths answered 'I don't know' (unknown, and not asked again)",
        max_length=PATHS_MAX,
    )
    language: LanguageCode | None = fact(
        "Withhold extension: language of the interview (a language Withhold speaks: en, es, fr, pt, ht, ar)"
    )
    skipped: list[ShortText] | None = fact(
        "Withhold extension: fact paths the person chose to skip for now (unknown, and not asked again "
        "until they choose to come back to them; unlike dont_know, the person may know)",
        max_length=PATHS_MAX,
    )
    reviewed: list[ShortText] | None = fact(
        "Withhold extension: findings the attorney has reviewed (a finding answered by a client's "
        "intake or not yet looked at is not reviewed; a status that needs it says so)",
        max_length=PATHS_MAX,
    )


# --- the person's story (Withhold extension) -------------------------------------------------------

Harm = Literal[
    "threats",
    "beaten",
    "sexual_violence",
    "detained",
    "kidnapped",
    "extortion",
    "forced_recruitment",
    "robbed",
    "property_destroyed",
    "family_member_harmed",
    "family_member_killed",
    "other",
]
"""What was done, in plain categories a person can pick; whether it rises to persecution or torture is a
finding (``claim.harm_is_persecution``, ``torture.severe_pain_or_suffering``), never read from these."""

WhoKind = Literal[
    "police",
    "military",
    "other_government",
    "gang_or_cartel",
    "armed_group",
    "family_member",
    "partner",
    "community",
    "unknown_people",
    "other",
]
"""Who did it, as a person can tell. Whether they are the government, or a group it cannot or will not
control, is ``claim.persecutor`` and a finding (``claim.government_unable_or_unwilling``)."""

AuthoritiesResponse = Literal["helped", "did_nothing", "refused", "threatened_or_harmed_me", "were_involved"]
"""What the police or other authorities did when the person asked them for help."""


class Event(Part):
    """One time the person or their family was harmed or threatened, as the person tells it."""

    date: PartialDate | None = fact(
        "when it happened: YYYY-MM-DD, or YYYY-MM or YYYY when only the month or the year is known",
        pattern=PARTIAL_DATE_PATTERN,
    )
    date_is_approximate: bool | None = fact("the person is not sure of the date: it is about then")
    place: Place | None = fact("where it happened: the city, town or village, and the region")
    country: Country | None = fact("the country where it happened", pattern=COUNTRY_PATTERN)
    what_happened: FreeText | None = fact("what happened, in the person's own words")
    harm: list[Harm] | None = fact(
        "what was done (threats, a beating, ...); [] = none of these", max_length=ITEMS_MAX
    )
    who: FreeText | None = fact("who did it, in the person's own words")
    who_kind: list[WhoKind] | None = fact(
        "who did it, as kinds of people (the police, a gang, ...); [] = none of these", max_length=ITEMS_MAX
    )
    why: FreeText | None = fact("why the person thinks it happened to them, in their own words")
    reported: bool | None = fact("the person or their family asked the police or other authorities for help")
    authorities_response: list[AuthoritiesResponse] | None = fact(
        "what the authorities did when asked for help; [] = none of these", max_length=ITEMS_MAX
    )
    authorities_response_details: FreeText | None = fact("what the authorities did, in the person's words")
    why_not_reported: FreeText | None = fact(
        "why no one asked the authorities for help, in the person's words"
    )
    injuries: bool | None = fact("the person (or a family member harmed with them) was injured")
    medical_care: bool | None = fact("someone injured received medical care (a clinic, a hospital, a doctor)")


class Fear(Part):
    """What the person fears if returned, as they tell it."""

    what: FreeText | None = fact("what the person fears would happen to them if returned, in their words")
    who: FreeText | None = fact("who they fear, in their words")
    who_kind: list[WhoKind] | None = fact(
        "who they fear, as kinds of people; [] = none of these", max_length=ITEMS_MAX
    )
    why: FreeText | None = fact("why they think they would be harmed, in their words")
    family_harmed_since: bool | None = fact(
        "family or people close to them were harmed or threatened after the person left"
    )
    could_live_elsewhere: bool | None = fact(
        "the person thinks they could live safely in another part of their country (their view; whether "
        "relocation is reasonable is the finding claim.relocation_reasonable)"
    )
    could_live_elsewhere_why: FreeText | None = fact(
        "why they could or could not live safely elsewhere in their country, in their words"
    )
    tried_to_move: bool | None = fact(
        "the person tried to live somewhere else in their country before leaving"
    )


class Story(Part):
    """The person's account: the facts a declaration and Form I-589 Part B tell, in the person's words.
    Plain facts a client can know; the findings a lawyer draws from them are in ``claim`` and ``torture``.
    Never read by rules."""

    events: list[Event] | None = fact(
        "each time the person or their family was harmed or threatened, earliest first; [] = none",
        max_length=ITEMS_MAX,
    )
    fear: Fear | None = fact("what the person fears if returned")
    in_own_words: FreeText | None = fact("the person's account as they tell it, in their own words")


# --- the case file ---------------------------------------------------------------------------------


class Case(Part):
    """One person's protection claim as it is known today (``case/1``)."""

    withhold: Literal["case/1"] = Field(description='format marker, always "case/1"')
    law_as_of: IsoDate | None = fact("evaluate the law in force on this date; default: today")
    person: Person = Field(default_factory=Person, description="identity; never read by rules")
    proceedings: Proceedings = Field(default_factory=Proceedings, description="forum and posture")
    entry: Entry = Field(default_factory=Entry, description="arrival in the US")
    asylum: Asylum = Field(default_factory=Asylum, description="asylum-only threshold facts")
    claim: Claim = Field(default_factory=Claim, description="the persecution claim")
    torture: Torture = Field(default_factory=Torture, description="the torture claim (CAT)")
    conduct: Conduct = Field(default_factory=Conduct, description="bars that need no conviction")
    convictions: list[Conviction] | None = fact(
        "criminal convictions; [] = none; absent = unknown", max_length=ITEMS_MAX
    )
    family: Family = Field(default_factory=Family, description="spouse and children")
    entries: list[UsEntry] | None = fact(
        "Withhold extension: every entry into the US, most recent first (I-589 Part A.I.19)",
        max_length=ITEMS_MAX,
    )
    background: Background = Field(
        default_factory=Background,
        description="Withhold extension: addresses, schools and jobs (I-589 Part A.III)",
    )
    application: Application = Field(
        default_factory=Application,
        description="Withhold extension: the answers of I-589 Parts B to E",
    )
    notes: FreeText | None = fact("free text, never read by rules")
    evidence: list[EvidenceRecord] | None = fact(
        "Withhold extension: evidence gathered or requested, for the evidence checklist", max_length=ITEMS_MAX
    )
    other_relief: OtherRelief = Field(
        default_factory=OtherRelief,
        description="Withhold extension: facts pointing to other relief, flags for a lawyer",
    )
    interview: InterviewRecord = Field(
        default_factory=InterviewRecord, description="Withhold extension: the guided interview's record"
    )
    story: Story = Field(
        default_factory=Story,
        description=(
            "Withhold extension: the person's account (events, fear); read only by the evidence checklist's"
            " rules, never by the rules of the four protections"
        ),
    )

    @field_validator("person", "proceedings", "entry", "asylum", "claim", "torture", "conduct", "family",
                     "interview", "other_relief", "background", "application", "story", mode="before")  # fmt: skip
    @classmethod
    def _null_section_is_empty(cls, value: object) -> object:
        # `claim: null` (or `claim:` with nothing under it in YAML) means nothing is known.
        return {} if value is None else value
