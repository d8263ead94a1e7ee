"""Case warnings: the common challenges that are live in this case, each with what to do about it.

A warning applies when the facts, or the screening's result, show that a challenge a lawyer must prepare for
is open in this case: credibility (rules reference GEN-CRED-1), corroboration (GEN-CRED-1), nexus
(WH-NEXUS-1), the particular social group (WH-ELEM-2), internal relocation (WH-REL-1..3), a persecutor who is
not the government (WH-ELEM-3), a particularly serious crime (WH-BAR-PSC-1..4), the one-year asylum deadline
(ASY-1YR-1..4) and an earlier denial (ASY-PRIOR-1). Each says why it applies to this case, citing the facts
that raised it, and what to do. The texts are package data in English and Spanish side by side
(``warnings.yaml``), read and checked once when first used; nothing else here does I/O.

Unknown is never read as no: a finding not yet made raises the warning (the challenge is still open), and
only a recorded answer that settles it in the person's favour keeps it quiet. An adverse finding raises it
as ``high``: the warning then says what the finding costs and what can still be done.

The screening is used where it knows more than the raw facts: the one-year deadline and whether the bar
applies come from the engine's own computation (weekends, holidays, exceptions), and whether the
aggravated-felony sentences reach five years from its per se rule. A warning names every protection the
challenge bears on, whatever their status, because a status changes when a finding does. One judgement:
the one-year warning stays when asylum is already barred or failing for another reason, but drops to
``low`` and says so — the deadline work then matters only if that other reason falls away, and hiding it
would lose a live issue if it does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from withhold.facts import countries
from withhold.facts.case import Case, EvidenceItem
from withhold.language import Localized, read_localized
from withhold.law.asylum.one_year import one_year
from withhold.law.crimes.particularly_serious_crime import per_se
from withhold.law.deadlines.fees import annual_asylum
from withhold.law.deadlines.model import Due, Kind
from withhold.law.persecution.relocation import BURDEN_ON_APPLICANT, BURDEN_ON_DHS
from withhold.law.procedure.cooperative_agreement import cooperative_agreement
from withhold.law.protections import PROTECTIONS as ALL_PROTECTIONS
from withhold.logic.protection import Determination, Status
from withhold.package_data import check_fields, read_yaml
from withhold.preparation.screened import one_year_deadline, relocation_burden, rule_value
from withhold.preparation.sentences import compose, read_sentences
from withhold.screening.screen import Screening

Severity = Literal["high", "medium", "low"]
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low")
"""``high``: a finding or a bar on the facts already defeats a protection, or will unless answered;
``medium``: a live issue to prepare; ``low``: may matter, depending on facts still unknown or on another
reason the protection is closed."""

PROTECTIONS = tuple(protection.name for protection in ALL_PROTECTIONS)

RULE_PREFIX = "rule:"
STATUS_PREFIX = "status:"
"""``raised_by`` names fact paths; a rule of the screening is named ``rule:<id>``, a protection's status
``status:<protection>``."""


@dataclass(frozen=True)
class CaseWarning:
    id: str
    title: Localized
    why: Localized
    """Why it applies to this case, from the facts and statuses that raised it."""
    what_to_do: Localized
    authority: str
    raised_by: tuple[str, ...]
    protections: tuple[str, ...]
    severity: Severity
    contested: bool
    """The law behind it is contested or changing (the texts say how): check before relying on it."""


@dataclass(frozen=True)
class WarningText:
    """One warning as package data: its texts, and the sentences its ``why`` is built from."""

    id: str
    title: Localized
    what_to_do: Localized
    authority: str
    protections: tuple[str, ...]
    contested: bool
    why: Mapping[str, Localized]


# The sentences each warning's ``why`` is built from, with the placeholders the code fills in. The data
# must have exactly these (a sentence the code never uses, or one it needs but is missing, is an error).
WHY: dict[str, dict[str, frozenset[str]]] = {
    "credibility": {"adverse": frozenset(), "unassessed": frozenset()},
    "corroboration": {
        "adverse_credibility": frozenset(),
        "nothing_recorded": frozenset(),
        "none_on_file": frozenset(),
        "unavailable": frozenset({"count"}),
    },
    "nexus": {
        "none": frozenset(),
        "incidental": frozenset(),
        "a_reason": frozenset(),
        "unassessed": frozenset(),
    },
    "social_group": {"not_cognizable": frozenset(), "unassessed": frozenset(), "undelineated": frozenset()},
    "relocation": {
        "found_reasonable": frozenset(),
        "burden_on_applicant": frozenset(),
        "burden_maybe_applicant": frozenset(),
        "burden_unknown": frozenset(),
    },
    "non_state_actor": {
        "found_protected": frozenset(),
        "unassessed": frozenset(),
        "entailed_by_past": frozenset(),
    },
    "particularly_serious_crime": {
        "history_unknown": frozenset(),
        "on_file": frozenset({"count"}),
        "aggravated_felony": frozenset(),
        "per_se": frozenset(),
        "case_by_case": frozenset(),
        "drug_trafficking": frozenset(),
        "found_particularly_serious": frozenset(),
    },
    "late_filing": {
        "arrival_unknown": frozenset(),
        "deadline_passed": frozenset({"deadline"}),
        "filed_late": frozenset({"filed", "deadline"}),
        "filing_date_unknown": frozenset({"deadline"}),
        "exception_open": frozenset(),
        "no_exception": frozenset(),
        "also_barred": frozenset(),
        "also_not_eligible": frozenset(),
    },
    "prior_denial": {"denied": frozenset()},
    "cooperative_agreement": {
        "invoked": frozenset({"country"}),
        "invoked_no_country": frozenset(),
        "applies": frozenset(),
        "exceptions_open": frozenset(),
        "excepted": frozenset(),
    },
    "annual_fee": {"due": frozenset({"date"}), "no_date": frozenset(), "not_yet": frozenset({"date"})},
    "pretermission": {"court": frozenset(), "elements_unrecorded": frozenset()},
}

_FIELDS = ("title", "authority", "protections", "contested", "what_to_do", "why")


# --- the warnings ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Raised:
    """A warning that applies: its id, how severe, the ``why`` sentences (key, values) in order, and the
    facts or results that raised it."""

    id: str
    severity: Severity
    reasons: tuple[tuple[str, dict[str, object]], ...]
    raised_by: tuple[str, ...]


def case_warnings(
    case: Case, screening: Screening, texts: Mapping[str, WarningText] | None = None
) -> tuple[CaseWarning, ...]:
    """The warnings that apply to ``case``, most severe first (then in the order of ``warnings.yaml``).
    ``texts`` defaults to the package data."""
    catalogue = load() if texts is None else texts
    raised = [found for check in _CHECKS if (found := check(case, screening)) is not None]
    order = list(catalogue)
    raised.sort(key=lambda r: (SEVERITIES.index(r.severity), order.index(r.id)))
    return tuple(_warning(r, catalogue[r.id]) for r in raised)


def _warning(raised: _Raised, text: WarningText) -> CaseWarning:
    return CaseWarning(
        id=raised.id,
        title=text.title,
        why=compose(text.why, raised.reasons),
        what_to_do=text.what_to_do,
        authority=text.authority,
        raised_by=raised.raised_by,
        protections=text.protections,
        severity=raised.severity,
        contested=text.contested,
    )


def _credibility(case: Case, _: Screening) -> _Raised | None:
    credible = case.claim.credible
    if credible is True:
        return None
    if credible is False:
        return _Raised("credibility", "high", (("adverse", {}),), ("claim.credible",))
    return _Raised("credibility", "medium", (("unassessed", {}),), ("claim.credible",))


# Evidence that corroborates the person's own account; country conditions and identity documents support a
# claim but do not corroborate what happened to this person (Matter of S-M-J-).
CORROBORATING: frozenset[EvidenceItem] = frozenset(
    {
        "protected_ground_evidence",
        "social_group_evidence",
        "threat_evidence",
        "medical_records",
        "psychological_evaluation",
        "photographs",
        "police_reports",
        "witness_statements",
        "expert_declaration",
    }
)


def _corroboration(case: Case, _: Screening) -> _Raised | None:
    reasons: list[tuple[str, dict[str, object]]] = []
    raised_by: list[str] = []
    adverse = case.claim.credible is False
    if adverse:
        reasons.append(("adverse_credibility", {}))
        raised_by.append("claim.credible")
    records = case.evidence
    if records is None:
        reasons.append(("nothing_recorded", {}))
        raised_by.append("evidence")
    else:
        corroborating = [(i, r) for i, r in enumerate(records) if r.item in CORROBORATING]
        on_file = [i for i, r in corroborating if r.status == "on_file"]
        unavailable = [i for i, r in corroborating if r.status == "unavailable"]
        if not on_file:
            reasons.append(("none_on_file", {}))
            raised_by.append("evidence")
        if unavailable:
            reasons.append(("unavailable", {"count": len(unavailable)}))
            raised_by.extend(f"evidence[{i}].status" for i in unavailable)
    if not reasons or reasons == [("adverse_credibility", {})]:
        # Corroboration on file and none missing: an adverse finding alone is the credibility warning's.
        return None
    return _Raised("corroboration", "high" if adverse else "medium", tuple(reasons), tuple(raised_by))


def _nexus(case: Case, _: Screening) -> _Raised | None:
    """Only where the claim rests on a protected ground: with none ([]), nexus is moot (CAT is the route);
    with grounds unknown, the screening asks for them first."""
    if not case.claim.grounds:
        return None
    nexus = case.claim.nexus
    raised_by = ("claim.nexus", "claim.grounds")
    if nexus == "one_central_reason":
        return None
    if nexus in ("none", "incidental"):
        return _Raised("nexus", "high", ((nexus, {}),), raised_by)
    if nexus == "a_reason":
        return _Raised("nexus", "medium", (("a_reason", {}),), raised_by)
    return _Raised("nexus", "medium", (("unassessed", {}),), raised_by)


def _social_group(case: Case, _: Screening) -> _Raised | None:
    if "particular_social_group" not in (case.claim.grounds or []):
        return None
    group = case.claim.particular_social_group
    cognizable = group.cognizable if group else None
    defined = bool(group and group.definition and group.definition.strip())
    reasons: list[tuple[str, dict[str, object]]] = []
    if cognizable is False:
        reasons.append(("not_cognizable", {}))
    elif cognizable is None:
        reasons.append(("unassessed", {}))
    if not defined:
        reasons.append(("undelineated", {}))
    if not reasons:
        return None
    severity: Severity = "high" if cognizable is False else "medium"
    raised_by = (
        "claim.grounds",
        "claim.particular_social_group.cognizable",
        "claim.particular_social_group.definition",
    )
    return _Raised("social_group", severity, tuple(reasons), raised_by)


def _relocation(case: Case, screening: Screening) -> _Raised | None:
    """Raised by an adverse relocation finding, or by an open one unless the law's rule puts the burden on
    DHS (relocation presumed unreasonable: government persecutor or past persecution, 8 CFR
    1208.13(b)(3)(ii), 1208.16(b)(3)(ii))."""
    claim = case.claim
    raised_by = ("claim.relocation_reasonable", "claim.persecutor", "claim.past_persecution")
    if claim.relocation_reasonable is False:
        return None
    if claim.relocation_reasonable is True:
        return _Raised("relocation", "high", (("found_reasonable", {}),), raised_by)
    burden = relocation_burden(screening)
    if burden == BURDEN_ON_DHS:
        return None
    if burden == BURDEN_ON_APPLICANT:
        return _Raised("relocation", "medium", (("burden_on_applicant", {}),), raised_by)
    # Not allocated yet: one of the two facts that allocate it is known and points to the applicant.
    if claim.persecutor == "non_state" or claim.past_persecution is False:
        return _Raised("relocation", "medium", (("burden_maybe_applicant", {}),), raised_by)
    return _Raised("relocation", "low", (("burden_unknown", {}),), raised_by)


def _non_state_actor(case: Case, _: Screening) -> _Raised | None:
    claim = case.claim
    if claim.persecutor != "non_state" or claim.government_unable_or_unwilling is True:
        return None
    raised_by = ("claim.persecutor", "claim.government_unable_or_unwilling")
    if claim.government_unable_or_unwilling is False:
        return _Raised("non_state_actor", "high", (("found_protected", {}),), raised_by)
    if claim.past_persecution is True:
        # The screening takes state failure as entailed by a past-persecution finding (persecution.
        # state_protection_failure); the point remains one DHS can contest.
        return _Raised(
            "non_state_actor", "low", (("entailed_by_past", {}),), (*raised_by, "claim.past_persecution")
        )
    return _Raised("non_state_actor", "medium", (("unassessed", {}),), raised_by)


PER_SE_RULE = per_se.id


def _particularly_serious_crime(case: Case, screening: Screening) -> _Raised | None:
    convictions = case.convictions
    if convictions is None:
        return _Raised("particularly_serious_crime", "low", (("history_unknown", {}),), ("convictions",))
    if not convictions:
        return None
    reasons: list[tuple[str, dict[str, object]]] = [("on_file", {"count": len(convictions)})]
    raised_by = ["convictions"]
    felonies = [i for i, c in enumerate(convictions) if c.aggravated_felony not in (None, "none")]
    if felonies:
        reasons.append(("aggravated_felony", {}))
        raised_by.extend(f"convictions[{i}].aggravated_felony" for i in felonies)
    by_sentence = rule_value(screening["statutory_withholding"], per_se) is True
    if by_sentence:
        reasons.append(("per_se", {}))
        raised_by.append(RULE_PREFIX + PER_SE_RULE)
    else:
        reasons.append(("case_by_case", {}))
    trafficking = [i for i, c in enumerate(convictions) if c.drug_trafficking is True]
    if trafficking:
        reasons.append(("drug_trafficking", {}))
        raised_by.extend(f"convictions[{i}].drug_trafficking" for i in trafficking)
    found = [i for i, c in enumerate(convictions) if c.particularly_serious is True]
    if found:
        reasons.append(("found_particularly_serious", {}))
        raised_by.extend(f"convictions[{i}].particularly_serious" for i in found)
    severity: Severity = "high" if felonies or by_sentence or trafficking or found else "medium"
    return _Raised("particularly_serious_crime", severity, tuple(reasons), tuple(raised_by))


ONE_YEAR_BAR = one_year.id


def _late_filing(case: Case, screening: Screening) -> _Raised | None:
    """From the screening's own one-year rule: no warning when the bar is ruled out (timely, not yet due,
    excused, or an unaccompanied child)."""
    asylum = screening["asylum"]
    bar = rule_value(asylum, one_year)
    if bar is False or bar is None:
        return None
    last_day = one_year_deadline(screening)
    deadline = last_day.isoformat() if last_day is not None else None
    filed = case.asylum.filed_on
    reasons: list[tuple[str, dict[str, object]]] = []
    raised_by = ["entry.last_arrival_date"]
    late = False
    if deadline is None:
        reasons.append(("arrival_unknown", {}))
    elif case.asylum.not_filed_yet:
        reasons.append(("deadline_passed", {"deadline": deadline}))
        late = True
    elif filed is not None:
        reasons.append(("filed_late", {"filed": filed.isoformat(), "deadline": deadline}))
        late = True
    else:
        reasons.append(("filing_date_unknown", {"deadline": deadline}))
    if deadline is not None:
        raised_by.append("asylum.filed_on")
    raised_by.append(RULE_PREFIX + ONE_YEAR_BAR)
    if bar is True:
        reasons.append(("no_exception", {}))
    elif late:
        reasons.append(("exception_open", {}))
    severity: Severity = "high" if late or bar is True else "medium"
    other = _closed_otherwise(asylum)
    if other is not None:
        reasons.append((other, {}))
        raised_by.append(STATUS_PREFIX + "asylum")
        severity = "low"
    return _Raised("late_filing", severity, tuple(reasons), tuple(raised_by))


def _closed_otherwise(asylum: Determination) -> str | None:
    """Whether asylum is barred by a bar other than the deadline, or fails on an element."""
    if asylum.status is Status.BARRED:
        others = [t for t in asylum.trace.children if t.role == "bar" and t.rule != ONE_YEAR_BAR]
        if any(t.value is True for t in others):
            return "also_barred"
    if asylum.status is Status.NOT_ELIGIBLE:
        return "also_not_eligible"
    return None


def _prior_denial(case: Case, _: Screening) -> _Raised | None:
    if case.asylum.previously_denied is not True:
        return None
    return _Raised("prior_denial", "high", (("denied", {}),), ("asylum.previously_denied",))


def _cooperative_agreement(case: Case, screening: Screening) -> _Raised | None:
    """DHS invoked an asylum cooperative agreement (or the person is found subject to one): every claim
    about the home country is at stake, so the showing about the agreement country comes first."""
    agreement = case.proceedings.cooperative_agreement
    invoked = agreement.invoked if agreement else None
    if invoked is not True and case.asylum.safe_third_country_agreement is not True:
        return None
    code = agreement.country if agreement else None
    reasons: list[tuple[str, dict[str, object]]] = []
    if code:
        name = Localized(en=countries.name(code, "en") or code, es=countries.name(code, "es") or code)
        reasons.append(("invoked", {"country": name}))
    else:
        reasons.append(("invoked_no_country", {}))
    value = screening.value_of(cooperative_agreement).value
    severity: Severity = "high"
    if value is True:
        reasons.append(("applies", {}))
    elif value is False:
        reasons.append(("excepted", {}))
        severity = "medium"
    else:
        reasons.append(("exceptions_open", {}))
    raised_by = (
        "proceedings.cooperative_agreement.invoked",
        "proceedings.cooperative_agreement.country",
        "asylum.safe_third_country_agreement",
        RULE_PREFIX + cooperative_agreement.id,
    )
    return _Raised("cooperative_agreement", severity, tuple(reasons), raised_by)


def _annual_fee(case: Case, screening: Screening) -> _Raised | None:
    """From the screening's own annual-fee rule (Pub. L. 119-21): nothing before the fee existed, while no
    application is pending, or once this year's fee is paid."""
    found = screening.value_of(annual_asylum).value
    if not isinstance(found, Due):
        return None
    raised_by = ("asylum.filed_on", "asylum.annual_fee_due_on", RULE_PREFIX + annual_asylum.id)
    if found.done_on is not None and found.done_on <= found.date:
        return None
    if found.kind is Kind.EARLIEST:
        if found.date > screening.law_as_of:
            return _Raised("annual_fee", "low", (("not_yet", {"date": found.date.isoformat()}),), raised_by)
        return _Raised("annual_fee", "medium", (("no_date", {}),), raised_by)
    return _Raised("annual_fee", "high", (("due", {"date": found.date.isoformat()}),), raised_by)


# The Board confirmed pretermission without a hearing (Matter of H-A-A-V-, 29 I&N Dec. 233 (BIA Sept. 11,
# 2025)) after holding incomplete applications may be deemed abandoned (Matter of C-A-R-R-, 29 I&N Dec. 13
# (BIA Mar. 17, 2025)); the warning is for screenings of the law from the first of them.
PRETERMISSION_FROM = dt.date(2025, 3, 17)
COURT = ("removal", "asylum_only", "withholding_only")


def _pretermission(case: Case, screening: Screening) -> _Raised | None:
    """A case in court not yet decided: the I-589 must state a complete, legally sufficient claim."""
    proceedings = case.proceedings
    if screening.law_as_of < PRETERMISSION_FROM or proceedings.kind not in COURT:
        return None
    if proceedings.decision is not None and proceedings.decision.outcome is not None:
        return None
    claim = case.claim
    group = claim.particular_social_group
    missing_group = "particular_social_group" in (claim.grounds or []) and not (group and group.definition)
    unrecorded = (
        claim.grounds is None
        or claim.persecutor is None
        or claim.nexus is None
        or claim.harm_is_persecution is None
        or missing_group
    )
    reasons: list[tuple[str, dict[str, object]]] = [("court", {})]
    if unrecorded:
        reasons.append(("elements_unrecorded", {}))
    raised_by = ("proceedings.kind", "claim.grounds", "claim.persecutor", "claim.nexus")
    return _Raised("pretermission", "medium" if unrecorded else "low", tuple(reasons), raised_by)


_CHECKS: tuple[Callable[[Case, Screening], _Raised | None], ...] = (
    _cooperative_agreement,
    _annual_fee,
    _pretermission,
    _credibility,
    _corroboration,
    _nexus,
    _social_group,
    _relocation,
    _non_state_actor,
    _particularly_serious_crime,
    _late_filing,
    _prior_denial,
)


# --- loading and checking --------------------------------------------------------------------------


@cache
def load() -> dict[str, WarningText]:
    """Every warning's texts, in the order of ``warnings.yaml`` (read once)."""
    return parse(read_yaml(__package__, "warnings.yaml"))


def parse(raw: Any) -> dict[str, WarningText]:
    """Check warning texts read from YAML. Raises ``ValueError`` listing every problem as
    ``warning: field: what is wrong`` (a missing translation, an unknown field or protection, a sentence
    the code does not use or a placeholder it does not fill)."""
    if not isinstance(raw, dict):
        raise ValueError("warnings.yaml: expected a mapping of warning ids to their texts")
    problems: list[str] = []
    found: dict[str, WarningText] = {}
    for name in WHY:
        if name not in raw:
            problems.append(f"{name}: missing (the code raises this warning)")
    for name, body in raw.items():
        if name not in WHY:
            problems.append(f"{name}: unknown warning; expected one of {', '.join(WHY)}")
            continue
        warning = _warning_text(str(name), body, problems)
        if warning is not None:
            found[warning.id] = warning
    if problems:
        raise ValueError("warnings.yaml is not valid:\n  " + "\n  ".join(problems))
    return found


def _warning_text(name: str, body: Any, problems: list[str]) -> WarningText | None:
    before = len(problems)
    if not check_fields(name, body, allowed=_FIELDS, required=_FIELDS, problems=problems):
        return None
    title = read_localized(f"{name}: title", body.get("title"), problems)
    what_to_do = read_localized(f"{name}: what_to_do", body.get("what_to_do"), problems)
    authority = body.get("authority")
    if not isinstance(authority, str) or not authority.strip():
        problems.append(f"{name}: authority: expected the citations as text")
    protections = body.get("protections")
    if not isinstance(protections, list) or not protections:
        problems.append(f"{name}: protections: expected a list of protections")
        protections = []
    for protection in protections:
        if protection not in PROTECTIONS:
            problems.append(f"{name}: protections: unknown protection {protection!r}")
    contested = body.get("contested")
    if not isinstance(contested, bool):
        problems.append(f"{name}: contested: expected true or false")
    sentences = read_sentences(f"{name}: why", body.get("why"), problems, expected=WHY[name])
    if len(problems) > before or title is None or what_to_do is None or not isinstance(contested, bool):
        return None
    return WarningText(
        name, title, what_to_do, str(authority).strip(), tuple(protections), contested, sentences
    )
