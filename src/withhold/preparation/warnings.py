"""Case warnings: the common challenges that are live in this case, each with what to do about it.

Whether a challenge is live is the law's (:mod:`withhold.law.challenges`): each has a rule, cited and
dated, whose value says whether it is live on the facts (true), live because the finding that decides it
is not made (unknown), or settled (false). This module only presents them: it evaluates those rules in
the screening's own evaluation (the one-year bar, the per se rule, the burden on relocation and the
cooperative agreement are computed once, there) and, from each value and its trace, chooses the warning's
severity, the sentences that say why, and the facts and results that raised it. The texts are package
data in English and Spanish side by side (``warnings.yaml``, a pydantic model read once when first used);
nothing else here does I/O.

Unknown is never read as no: a finding not yet made raises the warning, and only a recorded answer that
settles it in the person's favour keeps it quiet. An adverse finding raises it as ``high``: the warning
then says what the finding costs and what can still be done. A few warnings wait for a plain fact the
interview asks first and the challenge arises from (the grounds claimed, who the persecutor is, the kind
of proceeding, whether DHS invoked an agreement, whether there was an earlier denial): the rule is
unknown then, and the warning is not shown until the fact is answered.

One thing the rules cannot read yet, because the interview has no question for it, is read here from the
case: the evidence on file (corroboration). A warning
names every protection the challenge bears on, whatever their status, because a status changes when a
finding does. One judgement: the one-year warning stays when asylum is already barred or failing for
another reason, but drops to ``low`` and says so — the deadline work then matters only if that other
reason falls away, and hiding it would lose a live issue if it does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, create_model, model_validator

from withhold.facts import countries
from withhold.facts.case import Case, EvidenceItem
from withhold.facts.source import NOT_FILED
from withhold.language import Localized, LocalizedText, placeholder_problems
from withhold.law.asylum.one_year import deadline, one_year
from withhold.law.challenges import (
    credibility,
    nexus,
    pretermission,
    relocation,
    social_group,
    state_protection,
)
from withhold.law.challenges import (
    particularly_serious_crime as crime,
)
from withhold.law.challenges.catalogue import CHALLENGES
from withhold.law.crimes.particularly_serious_crime import individual_finding, per_se
from withhold.law.deadlines.fees import annual_asylum
from withhold.law.deadlines.model import Due, Kind
from withhold.law.persecution.elements import state_protection_failure
from withhold.law.persecution.relocation import relocation_burden
from withhold.law.procedure.cooperative_agreement import AGREEMENT
from withhold.law.procedure.cooperative_agreement import cooperative_agreement as agreement_applies
from withhold.law.protections import PROTECTIONS as ALL_PROTECTIONS
from withhold.logic.protection import Determination, Status
from withhold.logic.rule import Rule
from withhold.logic.trace import Trace
from withhold.logic.value import UNKNOWN
from withhold.package_data import read_model, validated
from withhold.preparation.sentences import Reason, compose
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

PER_SE_RULE = per_se.id
ONE_YEAR_BAR = one_year.id


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


# --- the warnings ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Raised:
    """A warning that applies: its id, how severe, the ``why`` sentences (key, values) in order, and the
    facts or results that raised it."""

    id: str
    severity: Severity
    reasons: tuple[Reason, ...]
    raised_by: tuple[str, ...]


@dataclass(frozen=True)
class _Challenge:
    """A challenge's rule as evaluated for this case: its value and its trace."""

    value: Any
    trace: Trace

    def child(self, rule: Rule, item: int | None = None) -> Any:
        """The value of a rule the challenge used (``None`` when it was not evaluated)."""
        found = _node(self.trace, rule, item)
        return found.value if found is not None else None

    def items(self, rule: Rule) -> list[int]:
        """The items (convictions) for which a per-item rule the challenge used is true, in order."""
        found = {n.item for n in self.trace.walk() if n.rule == rule.id and n.value is True}
        return sorted(item for item in found if item is not None)


def _node(trace: Trace, rule: Rule, item: int | None = None) -> Trace | None:
    for node in trace.walk():
        if node.rule == rule.id and node.item == item:
            return node
    return None


def _fact(trace: Trace | None, path: str) -> Any:
    """The value of a fact a rule read, as its trace records it (``UNKNOWN`` when it did not read it)."""
    for node in trace.walk() if trace is not None else ():
        for read, value in node.facts:
            if read == path:
                return value
    return UNKNOWN


def _challenges(screening: Screening) -> dict[str, _Challenge]:
    """Every challenge's rule, evaluated in the screening's own evaluation (memoised: the rules the
    screening already ran are not run again)."""
    found = {}
    for name, rule in CHALLENGES:
        value, trace = screening.evaluation.evaluate(rule)
        found[name] = _Challenge(value.value, trace)
    return found


def case_warnings(
    case: Case, screening: Screening, texts: Mapping[str, WarningText] | None = None
) -> tuple[CaseWarning, ...]:
    """The warnings that apply to ``case``, most severe first (then in the order of ``warnings.yaml``).
    ``texts`` defaults to the package data."""
    catalogue = load() if texts is None else texts
    challenges = _challenges(screening)
    raised = [found for check in _CHECKS if (found := check(case, screening, challenges)) is not None]
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


Challenges = Mapping[str, _Challenge]


def _credibility(_: Case, __: Screening, challenges: Challenges) -> _Raised | None:
    live = challenges["credibility"].value
    if live is False:
        return None
    if live is True:
        return _Raised("credibility", "high", (("adverse", {}),), ("claim.credible",))
    return _Raised("credibility", "medium", (("unassessed", {}),), ("claim.credible",))


# Evidence that corroborates the person's own account; country conditions and identity documents support a
# claim but do not corroborate what happened to this person (Matter of S-M-J-). Read from the evidence
# record here because the interview has no question for it yet (the rule says the challenge is live).
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


def _corroboration(case: Case, _: Screening, challenges: Challenges) -> _Raised | None:
    challenge = challenges["corroboration"]
    if challenge.value is False:
        return None
    reasons: list[Reason] = []
    raised_by: list[str] = []
    adverse = challenge.child(credibility.credibility) is True
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


def _nexus(_: Case, __: Screening, challenges: Challenges) -> _Raised | None:
    """Only where the claim rests on a protected ground: with none ([]), nexus is moot (CAT is the route);
    with grounds unknown, the interview asks for them first."""
    challenge = challenges["nexus"]
    if challenge.child(nexus.ground_claimed) is not True or challenge.value is False:
        return None
    raised_by = ("claim.nexus", "claim.grounds")
    if challenge.child(nexus.fails_every_standard) is True:
        found = _fact(_node(challenge.trace, nexus.fails_every_standard), "claim.nexus")
        return _Raised("nexus", "high", ((found, {}),), raised_by)
    if challenge.value is True:
        return _Raised("nexus", "medium", (("a_reason", {}),), raised_by)
    return _Raised("nexus", "medium", (("unassessed", {}),), raised_by)


def _social_group(_: Case, __: Screening, challenges: Challenges) -> _Raised | None:
    challenge = challenges["social_group"]
    if challenge.child(social_group.group_claimed) is not True:
        return None
    reasons: list[Reason] = []
    if challenge.value is True:
        reasons.append(("not_cognizable", {}))
    elif challenge.value is UNKNOWN:
        reasons.append(("unassessed", {}))
    if challenge.child(social_group.undelineated) is True:
        reasons.append(("undelineated", {}))
    if not reasons:
        return None
    severity: Severity = "high" if challenge.value is True else "medium"
    raised_by = (
        "claim.grounds",
        "claim.particular_social_group.cognizable",
        "claim.particular_social_group.definition",
    )
    return _Raised("social_group", severity, tuple(reasons), raised_by)


def _relocation(_: Case, __: Screening, challenges: Challenges) -> _Raised | None:
    """Raised by an adverse relocation finding, or by an open one unless the law's rule puts the burden on
    DHS (relocation presumed unreasonable)."""
    challenge = challenges["relocation"]
    raised_by = ("claim.relocation_reasonable", "claim.persecutor", "claim.past_persecution")
    if challenge.value is False:
        return None
    if challenge.child(relocation.found_reasonable) is True:
        return _Raised("relocation", "high", (("found_reasonable", {}),), raised_by)
    if challenge.value is True:
        return _Raised("relocation", "medium", (("burden_on_applicant", {}),), raised_by)
    # Not allocated yet: say so more firmly when one of the two facts that allocate it points to the
    # applicant (as the burden rule read them).
    burden = _node(challenge.trace, relocation_burden)
    if _fact(burden, "claim.persecutor") == "non_state" or _fact(burden, "claim.past_persecution") is False:
        return _Raised("relocation", "medium", (("burden_maybe_applicant", {}),), raised_by)
    return _Raised("relocation", "low", (("burden_unknown", {}),), raised_by)


def _non_state_actor(_: Case, __: Screening, challenges: Challenges) -> _Raised | None:
    challenge = challenges["non_state_actor"]
    if challenge.child(state_protection.private_persecutor) is not True or challenge.value is False:
        return None
    raised_by = ("claim.persecutor", "claim.government_unable_or_unwilling")
    if challenge.value is True:
        return _Raised("non_state_actor", "high", (("found_protected", {}),), raised_by)
    if challenge.child(state_protection_failure) is True:
        # The screening takes state failure as entailed by a past-persecution finding on the same claim;
        # the point remains one DHS can contest.
        return _Raised(
            "non_state_actor", "low", (("entailed_by_past", {}),), (*raised_by, "claim.past_persecution")
        )
    return _Raised("non_state_actor", "medium", (("unassessed", {}),), raised_by)


def _particularly_serious_crime(_: Case, __: Screening, challenges: Challenges) -> _Raised | None:
    challenge = challenges["particularly_serious_crime"]
    if challenge.value is False:
        return None
    if challenge.value is UNKNOWN:
        return _Raised("particularly_serious_crime", "low", (("history_unknown", {}),), ("convictions",))
    reasons: list[Reason] = [("on_file", {"count": _fact(challenge.trace, "convictions")})]
    raised_by = ["convictions"]
    felonies = challenge.items(crime.aggravated_felony_recorded)
    if felonies:
        reasons.append(("aggravated_felony", {}))
        raised_by.extend(f"convictions[{i}].aggravated_felony" for i in felonies)
    if challenge.child(per_se) is True:
        reasons.append(("per_se", {}))
        raised_by.append(RULE_PREFIX + PER_SE_RULE)
    else:
        reasons.append(("case_by_case", {}))
    trafficking = challenge.items(crime.drug_trafficking_recorded)
    if trafficking:
        reasons.append(("drug_trafficking", {}))
        raised_by.extend(f"convictions[{i}].drug_trafficking" for i in trafficking)
    found = challenge.items(individual_finding)
    if found:
        reasons.append(("found_particularly_serious", {}))
        raised_by.extend(f"convictions[{i}].particularly_serious" for i in found)
    serious = challenge.child(crime.serious_on_the_record) is True
    severity: Severity = "high" if serious else "medium"
    return _Raised("particularly_serious_crime", severity, tuple(reasons), tuple(raised_by))


def _late_filing(_: Case, screening: Screening, challenges: Challenges) -> _Raised | None:
    """From the screening's own one-year rule: no warning when the bar is ruled out (timely, not yet due,
    excused, or an unaccompanied child)."""
    challenge = challenges["late_filing"]
    if challenge.value is False:
        return None
    bar = _node(challenge.trace, one_year)
    last_day = challenge.child(deadline)
    due = last_day.isoformat() if last_day not in (None, UNKNOWN) else None
    filed = _fact(bar, "asylum.filed_on")
    reasons: list[Reason] = []
    raised_by = ["entry.last_arrival_date"]
    late = False
    if due is None:
        reasons.append(("arrival_unknown", {}))
    elif filed is NOT_FILED:
        reasons.append(("deadline_passed", {"deadline": due}))
        late = True
    elif filed is not UNKNOWN:
        reasons.append(("filed_late", {"filed": filed.isoformat(), "deadline": due}))
        late = True
    else:
        reasons.append(("filing_date_unknown", {"deadline": due}))
    if due is not None:
        raised_by.append("asylum.filed_on")
    raised_by.append(RULE_PREFIX + ONE_YEAR_BAR)
    if challenge.value is True:
        reasons.append(("no_exception", {}))
    elif late:
        reasons.append(("exception_open", {}))
    severity: Severity = "high" if late or challenge.value is True else "medium"
    other = _closed_otherwise(screening["asylum"])
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


def _prior_denial(_: Case, __: Screening, challenges: Challenges) -> _Raised | None:
    """Only on a recorded denial: the interview asks whether there was one."""
    if challenges["prior_denial"].value is not True:
        return None
    return _Raised("prior_denial", "high", (("denied", {}),), ("asylum.previously_denied",))


def _cooperative_agreement(_: Case, __: Screening, challenges: Challenges) -> _Raised | None:
    """DHS invoked an asylum cooperative agreement (or the person is found subject to one): every claim
    about the home country is at stake, so the showing about the agreement country comes first."""
    challenge = challenges["cooperative_agreement"]
    if challenge.value is not True:
        return None
    code = _fact(challenge.trace, f"{AGREEMENT}.country")
    reasons: list[Reason] = []
    if code is not UNKNOWN and code:
        name = Localized(en=countries.name(code, "en") or code, es=countries.name(code, "es") or code)
        reasons.append(("invoked", {"country": name}))
    else:
        reasons.append(("invoked_no_country", {}))
    applies = challenge.child(agreement_applies)
    severity: Severity = "high"
    if applies is True:
        reasons.append(("applies", {}))
    elif applies is False:
        reasons.append(("excepted", {}))
        severity = "medium"
    else:
        reasons.append(("exceptions_open", {}))
    raised_by = (
        f"{AGREEMENT}.invoked",
        f"{AGREEMENT}.country",
        "asylum.safe_third_country_agreement",
        RULE_PREFIX + agreement_applies.id,
    )
    return _Raised("cooperative_agreement", severity, tuple(reasons), raised_by)


def _annual_fee(_: Case, screening: Screening, challenges: Challenges) -> _Raised | None:
    """Owed and not paid (the law's rule): how urgent from the date the deadline rule gives."""
    challenge = challenges["annual_fee"]
    if challenge.value is not True:
        return None
    found = challenge.child(annual_asylum)
    if not isinstance(found, Due):
        raise RuntimeError("challenge.annual_fee is true without a date to pay")
    raised_by = ("asylum.filed_on", "asylum.annual_fee_due_on", RULE_PREFIX + annual_asylum.id)
    if found.kind is Kind.EARLIEST:
        if found.date > screening.law_as_of:
            return _Raised("annual_fee", "low", (("not_yet", {"date": found.date.isoformat()}),), raised_by)
        return _Raised("annual_fee", "medium", (("no_date", {}),), raised_by)
    return _Raised("annual_fee", "high", (("due", {"date": found.date.isoformat()}),), raised_by)


def _pretermission(_: Case, __: Screening, challenges: Challenges) -> _Raised | None:
    """A case in court not yet decided: the I-589 must state a complete, legally sufficient claim."""
    challenge = challenges["pretermission"]
    if challenge.value is not True:
        return None
    unrecorded = (
        challenge.child(pretermission.elements_unrecorded) is True
        or challenge.child(pretermission.group_undelineated) is True
    )
    reasons: list[Reason] = [("court", {})]
    if unrecorded:
        reasons.append(("elements_unrecorded", {}))
    raised_by = ("proceedings.kind", "claim.grounds", "claim.persecutor", "claim.nexus")
    return _Raised("pretermission", "medium" if unrecorded else "low", tuple(reasons), raised_by)


_CHECKS: tuple[Callable[[Case, Screening, Challenges], _Raised | None], ...] = (
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


# --- the data file ---------------------------------------------------------------------------------


def _a_protection(name: str) -> str:
    if name not in PROTECTIONS:
        raise ValueError(f"unknown protection {name!r}; expected one of {', '.join(PROTECTIONS)}")
    return name


def _citations(text: str) -> str:
    if not text.strip():
        raise ValueError("expected the citations as text")
    return text.strip()


def _sentence(allowed: frozenset[str]) -> Callable[[Localized], Localized]:
    """A ``why`` sentence may use only the placeholders the code fills for it."""

    def check(text: Localized) -> Localized:
        problems = placeholder_problems(text, allowed)
        if problems:
            raise ValueError("; ".join(problems))
        return text

    return check


class _Entry(BaseModel):
    """The fields every warning has (its ``why`` is declared per warning, from :data:`WHY`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: LocalizedText
    authority: Annotated[str, AfterValidator(_citations)]
    protections: Annotated[tuple[Annotated[str, AfterValidator(_a_protection)], ...], Field(min_length=1)]
    contested: StrictBool
    what_to_do: LocalizedText


def _why_model(name: str, sentences: Mapping[str, frozenset[str]]) -> type[BaseModel]:
    """The sentences of one warning's ``why``: exactly those the code uses, each with only the
    placeholders the code fills."""
    fields: dict[str, Any] = {
        key: (Annotated[LocalizedText, AfterValidator(_sentence(allowed))], ...)
        for key, allowed in sentences.items()
    }
    return create_model(f"Why_{name}", __config__=ConfigDict(extra="forbid", frozen=True), **fields)


def _entry_model(name: str) -> type[_Entry]:
    return create_model(f"Warning_{name}", __base__=_Entry, why=(_why_model(name, WHY[name]), ...))


class _WarningsFile(BaseModel):
    """``warnings.yaml``: one entry per warning the code raises, keyed by its id."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    order: tuple[str, ...] = ()
    """The warnings in the order of the file (set from it, not written in it)."""

    @model_validator(mode="before")
    @classmethod
    def _keep_the_order(cls, data: Any) -> Any:
        if isinstance(data, dict):
            if "order" in data:
                raise ValueError("order: not a warning; the file's order is the warnings' order")
            return {**data, "order": tuple(data)}
        return data


_ENTRIES: dict[str, Any] = {name: (_entry_model(name), ...) for name in WHY}
WarningsFile: type[_WarningsFile] = create_model("WarningsFile", __base__=_WarningsFile, **_ENTRIES)
"""The model of ``warnings.yaml``: every problem with its path (``late_filing.why.filed_late.es``) and
line."""


def _texts(read: _WarningsFile) -> dict[str, WarningText]:
    found: dict[str, WarningText] = {}
    for name in (*[n for n in read.order if n in WHY], *[n for n in WHY if n not in read.order]):
        entry = getattr(read, name)
        why = {key: getattr(entry.why, key) for key in WHY[name]}
        found[name] = WarningText(
            name, entry.title, entry.what_to_do, entry.authority, entry.protections, entry.contested, why
        )
    return found


@cache
def load() -> dict[str, WarningText]:
    """Every warning's texts, in the order of ``warnings.yaml`` (read once)."""
    return _texts(read_model(WarningsFile, __package__ or "withhold.preparation", "warnings.yaml"))


def parse(text: str, file: str = "warnings.yaml") -> dict[str, WarningText]:
    """Warning texts from YAML ``text``; :class:`~withhold.package_data.DataFileError` lists every problem
    as ``warning.field: what is wrong (line N)``."""
    return _texts(validated(WarningsFile, text, file))
