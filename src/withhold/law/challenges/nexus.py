"""Nexus: why the persecutor targeted the person — rules reference WH-NEXUS-1, WH-ELEM-2.

Asylum and statutory withholding need harm "on account of" a protected ground (INA 101(a)(42)(A),
241(b)(3)(A)); for asylum it must be at least one central reason (INA 208(b)(1)(B)(i)), and for
withholding the standard is split between the circuits (:mod:`withhold.law.persecution.nexus`). The
challenge arises only where the claim rests on a protected ground: with none, nexus is moot (CAT needs
none). It is settled only by a finding of one central reason, which meets every standard; a ground found
incidental, or no ground at all, fails every standard (the adverse sub-rule); "a reason" meets the
withholding standard only in some circuits, and never asylum's.
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, REFUGEE_ACT
from withhold.logic import UNKNOWN, Context, V, all_, one_of, rule

NEXUS_CITES = (
    "INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)",
    "INA 208(b)(1)(B)(i), 8 U.S.C. 1158(b)(1)(B)(i) (applications filed on or after May 11, 2005)",
    "INA 241(b)(3)(A), (C), 8 U.S.C. 1231(b)(3)(A), (C)",
    "Matter of J-B-N- & S-M-, 24 I&N Dec. 208 (BIA 2007)",
)


@rule(
    "challenge.nexus.ground_claimed",
    "The claim rests on a protected ground",
    cites=("INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)", "INA 241(b)(3)(A), 8 U.S.C. 1231(b)(3)(A)"),
    ref=("WH-ELEM-2",),
    reads=("claim.grounds",),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
)
def ground_claimed(ctx: Context) -> V[bool]:
    """At least one of race, religion, nationality, a particular social group or political opinion is
    claimed; none ([]) leaves CAT protection, which needs no ground."""
    return ctx.fact("claim.grounds").map(lambda grounds: bool(grounds))


@rule(
    "challenge.nexus.fails_every_standard",
    "The ground is found no reason, or only incidental, for the harm",
    cites=NEXUS_CITES,
    ref=("WH-NEXUS-1",),
    reads=("claim.nexus",),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
)
def fails_every_standard(ctx: Context) -> V[bool]:
    """A ground that is incidental, tangential or not a reason at all meets no circuit's standard, for
    asylum or for withholding."""
    return one_of(ctx.fact("claim.nexus"), ("none", "incidental"))


@rule(
    "challenge.nexus",
    "Nexus is a live challenge: the ground is not found one central reason for the harm",
    cites=(
        *NEXUS_CITES,
        "Matter of C-T-L-, 25 I&N Dec. 341 (BIA 2010)",
        "Barajas-Romero v. Lynch, 846 F.3d 351 (9th Cir. 2017)",
        "Guzman-Vazquez v. Barr, 959 F.3d 253 (6th Cir. 2020)",
    ),
    ref=("WH-NEXUS-1",),
    reads=("claim.nexus",),
    uses=(ground_claimed, fails_every_standard),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
    caveat=(
        "The withholding standard is split: 'a reason' in the Ninth and Sixth Circuits, one central reason "
        "at the Board and elsewhere; after Loper Bright (2024) the deference behind Matter of C-T-L- is open "
        "to challenge."
    ),
)
def nexus(ctx: Context) -> V[bool]:
    """Where a ground is claimed: true when the ground is found less than one central reason, unknown
    while nexus is not assessed, false once it is found one central reason (or no ground is claimed)."""
    ctx.rule(fails_every_standard)
    below_central = ctx.fact("claim.nexus").map(lambda found: found != "one_central_reason")
    return all_(ctx.rule(ground_claimed), below_central)
