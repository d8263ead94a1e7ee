"""Nexus: how strongly a protected ground must motivate the harm — rules reference WH-NEXUS-1, ASY-ELIG-1.

Asylum: since the REAL ID Act of 2005 a protected ground must be "at least one central reason"
(INA 208(b)(1)(B)(i)), for applications filed on or after May 11, 2005 (REAL ID Act § 101(h)(2)).
Before it, a mixed motive sufficed if the harm was "at least in part" because of a protected ground
(Matter of S-P-, 21 I&N Dec. 486 (BIA 1996)).

Statutory withholding: INA 241(b)(3)(C) borrows only clauses (ii)–(iii) of INA 208(b)(1)(B), not the
"one central reason" clause (i). The Ninth and Sixth Circuits therefore require only that the ground be
"a reason" (Barajas-Romero v. Lynch, 846 F.3d 351 (9th Cir. 2017); Guzman-Vazquez v. Barr, 959 F.3d 253
(6th Cir. 2020)); the Board and the other circuits apply "one central reason" (Matter of C-T-L-, 25 I&N
Dec. 341 (BIA 2010)). After Loper Bright (2024) the deference behind C-T-L- is open to challenge: the
output marks this as contested.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from withhold.law.enactments import REFUGEE_ACT_BEGAN, RESEARCH_2026_11_23
from withhold.law.procedure.circuit import CIRCUIT_NAMES, proceeding_circuit
from withhold.logic import UNKNOWN, Context, Rule, V, Version, between, case_split, since
from withhold.logic.rule import day

NEXUS_ORDER = ("none", "incidental", "a_reason", "one_central_reason")
CIRCUITS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "DC")


def meets(nexus: V[str], standard: str) -> V[bool]:
    """Whether a nexus finding meets a standard (``a_reason`` or ``one_central_reason``)."""
    return nexus.map(lambda found: NEXUS_ORDER.index(found) >= NEXUS_ORDER.index(standard))


# --- asylum ---------------------------------------------------------------------------------------


def _asylum_mixed_motive(ctx: Context) -> V[bool]:
    return meets(ctx.fact("claim.nexus"), "a_reason")


def _asylum_one_central_reason(ctx: Context) -> V[bool]:
    return meets(ctx.fact("claim.nexus"), "one_central_reason")


REAL_ID_EFFECTIVE = dt.date(2005, 5, 11)

asylum_nexus = Rule(
    id="asylum.nexus",
    title="The protected ground is at least one central reason for the harm",
    citations=("INA 208(b)(1)(B)(i), 8 U.S.C. 1158(b)(1)(B)(i)",),
    versions=(
        Version(
            between(REFUGEE_ACT_BEGAN, dt.date(2005, 5, 10)),
            _asylum_mixed_motive,
            label="before the REAL ID Act: harm motivated at least in part by a protected ground",
            citations=("Matter of S-P-, 21 I&N Dec. 486 (BIA 1996)",),
            verified_on=day(RESEARCH_2026_11_23),
        ),
        Version(
            since(2005, 5, 11),
            _asylum_one_central_reason,
            label="REAL ID Act: at least one central reason",
            citations=(
                "REAL ID Act of 2005, Pub. L. 109-13, div. B, § 101(a), (h)(2)",
                "Matter of J-B-N- & S-M-, 24 I&N Dec. 208 (BIA 2007)",
            ),
            verified_on=day(RESEARCH_2026_11_23),
        ),
    ),
    reads=("claim.nexus",),
    reference=("ASY-ELIG-1",),
    selected_by="asylum.filed_on",
    # An application under INA 208 cannot predate the Refugee Act; before it, nexus is not encoded.
    selecting_floor=REFUGEE_ACT_BEGAN,
    when_not_in_force=UNKNOWN,
    judgement=(
        "Nexus — why the persecutor targeted the person — is a finding; the ground may not be incidental, "
        "tangential, superficial or subordinate to another reason (Matter of J-B-N- & S-M-)."
    ),
    explanation="Asylum requires that a protected ground be at least one central reason for the harm.",
)


# --- statutory withholding ------------------------------------------------------------------------


@dataclass(frozen=True)
class CircuitStandard:
    circuit: str
    standard: str
    since: dt.date
    authority: str


# Circuits that read INA 241(b)(3)(C) to require only "a reason", from the date of their decision.
A_REASON_CIRCUITS = (
    CircuitStandard(
        "9", "a_reason", dt.date(2017, 1, 18), "Barajas-Romero v. Lynch, 846 F.3d 351 (9th Cir. 2017)"
    ),
    CircuitStandard(
        "6", "a_reason", dt.date(2020, 5, 18), "Guzman-Vazquez v. Barr, 959 F.3d 253 (6th Cir. 2020)"
    ),
)
DEFAULT_AUTHORITY = "Matter of C-T-L-, 25 I&N Dec. 341 (BIA 2010)"


def circuit_standard(circuit: str, on: dt.date) -> tuple[str, str]:
    """The withholding nexus standard of a circuit on a date, with its authority."""
    for entry in A_REASON_CIRCUITS:
        if entry.circuit == circuit and on >= entry.since:
            return entry.standard, entry.authority
    return "one_central_reason", DEFAULT_AUTHORITY


def _withholding_mixed_motive(ctx: Context) -> V[bool]:
    return meets(ctx.fact("claim.nexus"), "a_reason")


def _withholding_by_circuit(ctx: Context) -> V[bool]:
    nexus = ctx.fact("claim.nexus")
    circuit = ctx.rule(proceeding_circuit)
    if circuit.known:
        standard, authority = circuit_standard(circuit.get(), ctx.as_of)
        named = CIRCUIT_NAMES.get(circuit.get(), f"circuit {circuit.get()}")
        ctx.note(f"standard applied in the {named}: {standard.replace('_', ' ')} ({authority})")
        return meets(nexus, standard)
    # The circuit is missing only when the answer depends on it (a nexus of exactly "a reason").
    result = case_split(circuit, CIRCUITS, lambda c: meets(nexus, circuit_standard(c, ctx.as_of)[0]))
    if result.known:
        ctx.note(
            "circuit unknown, but the nexus finding gives the same answer under every circuit's standard"
        )
    return result


withholding_nexus = Rule(
    id="withholding.nexus",
    title="The protected ground meets the circuit's nexus standard for withholding",
    citations=("INA 241(b)(3)(A), (C), 8 U.S.C. 1231(b)(3)(A), (C)",),
    versions=(
        Version(
            between(REFUGEE_ACT_BEGAN, dt.date(2005, 5, 10)),
            _withholding_mixed_motive,
            label="before the REAL ID Act: harm motivated at least in part by a protected ground",
            citations=("Matter of S-P-, 21 I&N Dec. 486 (BIA 1996)",),
            verified_on=day(RESEARCH_2026_11_23),
        ),
        Version(
            since(2005, 5, 11),
            _withholding_by_circuit,
            label="circuit standard: 'a reason' in the 9th and 6th Circuits, 'one central reason' elsewhere",
            citations=(
                "Barajas-Romero v. Lynch, 846 F.3d 351 (9th Cir. 2017)",
                "Guzman-Vazquez v. Barr, 959 F.3d 253 (6th Cir. 2020)",
                DEFAULT_AUTHORITY,
            ),
            caveat=(
                "Contested: circuits split on the withholding nexus standard, and after Loper Bright "
                "Enterprises v. Raimondo, 603 U.S. 369 (2024) the deference behind Matter of C-T-L- may be "
                "re-litigated in the circuits that follow it."
            ),
            verified_on=day(RESEARCH_2026_11_23),
        ),
    ),
    reads=("claim.nexus",),
    uses=(proceeding_circuit,),
    reference=("WH-NEXUS-1",),
    selected_by="asylum.filed_on",
    # An application under INA 208 cannot predate the Refugee Act; before it, nexus is not encoded.
    selecting_floor=REFUGEE_ACT_BEGAN,
    when_not_in_force=UNKNOWN,
    judgement=(
        "Nexus is a finding; for withholding, the standard it is measured against depends on the circuit "
        "('a reason' in the 9th and 6th Circuits, 'one central reason' elsewhere)."
    ),
    explanation="Withholding requires the protected ground to meet the nexus standard of the circuit.",
)
