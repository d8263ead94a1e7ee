"""The ``case/1`` case file, as typed models.

The format is a contract (``../shared/spec/case-format.md``): every key here is
named exactly as the spec names it. Absent or ``null`` means *unknown*, never "no"; ``false`` is a real
answer. Unknown keys are an error. Keys marked ``finding`` are judgements (the practitioner's assessment,
or an adjudicator's finding): the software combines them and never invents them.

Extensions beyond the shared spec (added compatibly, all optional):
- ``asylum.border_limitation_overcome`` (see ``law/asylum/border_entry_limitations.py``);
- ``proceedings.decision.served_on`` and ``proceedings.decision.granted`` (see ``law/deadlines/``);
- ``interview`` (``asked``, ``dont_know``, ``language``): the guided interview's record;
- ``evidence`` (a list of ``{item, status, description, language, translated}``): what is gathered for
  the evidence checklist (``preparation/evidence``); never read by rules;
- ``other_relief``: facts that point to relief other than the four protections, raised as flags for a
  lawyer (``preparation/other_relief``); never read by rules.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

Country = str  # ISO 3166-1 alpha-2, validated below


def _iso_date(value: object) -> object:
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
    raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
Ground = Literal["race", "religion", "nationality", "political_opinion", "particular_social_group"]
Likelihood = Literal["none", "reasonable_possibility", "more_likely_than_not"]
AggravatedFelonyLetter = Literal[
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K",
    "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "none",
]  # fmt: skip

COUNTRY_PATTERN = r"^[A-Z]{2}$"


def finding(description: str, **kwargs: Any) -> Any:
    """A field that records a judgement rather than a plain fact (DESIGN.md: findings are inputs)."""
    return Field(default=None, description=description, json_schema_extra={"x-finding": True}, **kwargs)


def fact(description: str, **kwargs: Any) -> Any:
    return Field(default=None, description=description, **kwargs)


class Part(BaseModel):
    """A section of the case file: unknown keys are errors, values are checked strictly."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- person (identity: read by forms and reports, never by rules) ------------------------------------


class Address(Part):
    street: str | None = fact("street and number")
    unit: str | None = fact("apartment or unit")
    city: str | None = fact("city")
    state: str | None = fact("US state (two letters)")
    zip: str | None = fact("ZIP code")


class Person(Part):
    family_name: str | None = fact("family name (surname)")
    given_name: str | None = fact("given (first) name")
    middle_name: str | None = fact("middle name")
    other_names: list[str] | None = fact("other names used (aliases, maiden names)")
    a_number: str | None = fact(
        "alien registration number: 8 or 9 digits, optional leading A", pattern=r"^A?[0-9]{8,9}$"
    )
    date_of_birth: IsoDate | None = fact("date of birth")
    sex: Literal["male", "female"] | None = fact("sex")
    country_of_birth: Country | None = fact("country of birth", pattern=COUNTRY_PATTERN)
    nationality: Country | None = fact("country of nationality", pattern=COUNTRY_PATTERN)
    stateless: bool | None = fact("stateless")
    last_habitual_residence: Country | None = fact(
        "country of last habitual residence (for stateless people)", pattern=COUNTRY_PATTERN
    )
    languages: list[str] | None = fact("languages spoken (ISO 639-1 codes)")
    religion: str | None = fact("religion")
    ethnicity: str | None = fact("ethnic or tribal group")
    address: Address | None = fact("residence in the United States")
    phone: str | None = fact("telephone number")
    email: str | None = fact("e-mail address")

    @field_validator("languages")
    @classmethod
    def _language_codes(cls, value: list[str] | None) -> list[str] | None:
        for code in value or []:
            if not (len(code) == 2 and code.isalpha() and code.islower()):
                raise ValueError(f"expected two-letter ISO 639-1 language codes such as 'es', got {code!r}")
        return value


# --- proceedings -----------------------------------------------------------------------------------

ProceedingKind = Literal[
    "removal", "asylum_only", "withholding_only", "affirmative", "credible_fear", "reasonable_fear"
]
Circuit = Literal["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "DC"]


class Hearing(Part):
    kind: Literal["master", "individual"] | None = fact("master calendar or individual (merits) hearing")
    date: IsoDate | None = fact("date of the hearing")
    time: str | None = fact("time of the hearing, e.g. 08:30")


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
        "Withhold extension: the protections the judge granted ([] = none)"
    )


class Proceedings(Part):
    kind: ProceedingKind | None = fact(
        "INA 240 removal proceedings; asylum-only (I-863); withholding-only (reinstated or 238(b) order "
        "after positive reasonable fear); affirmative filing with USCIS; screening interviews"
    )
    circuit: Circuit | None = fact(
        "federal circuit of the immigration court (selects circuit law, e.g. the nexus standard)"
    )
    court: str | None = fact("immigration court")
    detained: bool | None = fact("on the detained docket")
    reinstated_order: bool | None = fact("a prior removal order was reinstated (INA 241(a)(5))")
    hearings: list[Hearing] | None = fact("scheduled hearings")
    filing_deadline: IsoDate | None = fact("a deadline the judge set for filings, if any")
    decision: Decision | None = fact("the immigration judge's decision, if any")
    final_order_date: IsoDate | None = fact("date the removal order became administratively final")

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
    place: str | None = fact("port or place of last arrival")
    inspected: bool | None = fact("admitted or paroled after inspection")
    status_at_entry: str | None = fact("status at entry, e.g. B-2, F-1, parole")
    unaccompanied_child: bool | None = fact(
        "an unaccompanied child (6 USC 279(g)) when the asylum application is filed"
    )
    southwest_border_from_mexico: bool | None = fact(
        "entered across the southwest land border or adjacent coast from Mexico"
    )
    with_entry_documents: bool | None = fact("had documents sufficient for lawful admission")


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
        "removable to a third country under a safe-third-country or asylum cooperative agreement"
    )
    firmly_resettled: bool | None = finding("firmly resettled in another country before arriving")
    frivolous_finding: bool | None = fact(
        "a final finding of a knowingly frivolous application, after warning"
    )
    discretion_favorable: bool | None = finding("the equities favour a discretionary grant")
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
    definition: str | None = fact("the group, as delineated before the judge")
    cognizable: bool | None = finding(
        "the group is legally cognizable (immutability, particularity, social distinction)"
    )


class Claim(Part):
    country: Country | None = fact("the country of removal the claim concerns", pattern=COUNTRY_PATTERN)
    grounds: list[Ground] | None = fact("protected grounds the harm is on account of; [] = none")
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
    offense: str | None = fact("the offense as named in the judgment")
    date: IsoDate | None = fact("date of conviction")
    jurisdiction: Literal["federal", "state", "foreign"] | None = fact("convicting jurisdiction")
    final: bool | None = fact("conviction by final judgment (INA 101(a)(48)(A))")
    sentence_months: float | None = fact(
        "term of imprisonment ordered in months, suspended time included (INA 101(a)(48)(B))", ge=0
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
    family_name: str | None = fact("family name")
    given_name: str | None = fact("given name")
    date_of_birth: IsoDate | None = fact("date of birth")
    nationality: Country | None = fact("nationality", pattern=COUNTRY_PATTERN)
    in_us: bool | None = fact("in the United States")
    included: bool | None = fact("included in the application as a derivative")


class Child(Relative):
    married: bool | None = fact("married")


class Family(Part):
    spouse: Relative | None = fact("spouse")
    children: list[Child] | None = fact("children")


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
    description: str | None = fact("what it is, e.g. 'Declaration of the applicant, 12 pages'")
    language: str | None = fact("language of the document (ISO 639-1 code)", pattern=r"^[a-z]{2}$")
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

    asked: list[str] | None = fact("Withhold extension: fact paths asked so far, in order")
    dont_know: list[str] | None = fact(
        "Withhold extension: fact paths answered 'I don't know' (unknown, and not asked again)"
    )
    language: Literal["en", "es"] | None = fact("Withhold extension: language of the interview")


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
    convictions: list[Conviction] | None = fact("criminal convictions; [] = none; absent = unknown")
    family: Family = Field(default_factory=Family, description="spouse and children")
    notes: str | None = fact("free text, never read by rules")
    evidence: list[EvidenceRecord] | None = fact(
        "Withhold extension: evidence gathered or requested, for the evidence checklist"
    )
    other_relief: OtherRelief = Field(
        default_factory=OtherRelief,
        description="Withhold extension: facts pointing to other relief, flags for a lawyer",
    )
    interview: InterviewRecord = Field(
        default_factory=InterviewRecord, description="Withhold extension: the guided interview's record"
    )

    @field_validator("person", "proceedings", "entry", "asylum", "claim", "torture", "conduct", "family",
                     "interview", "other_relief", mode="before")  # fmt: skip
    @classmethod
    def _null_section_is_empty(cls, value: object) -> object:
        # `claim: null` (or `claim:` with nothing under it in YAML) means nothing is known.
        return {} if value is None else value
