"""U visa, T visa and VAWA self-petition: relief one reported fact points to.

Each rule reads one yes-or-no fact the client can tell: true points to the relief, unknown asks it, false
(recorded) gives no pointer. What the relief then requires (a law-enforcement certification, a severe form
of trafficking, the relationship and good moral character) is for the lawyer. The rules reference has no
rule for them (REL-U-1, REL-T-1 and REL-VAWA-1 are the project's additions, ``docs/law/additions.md``).

When each began:
- U and T visas: the Victims of Trafficking and Violence Protection Act of 2000, Pub. L. 106-386, enacted
  Oct. 28, 2000 (T: § 107(e); U: § 1513(b)). In force from enactment: sure of the day of enactment; no
  later effective date was found for the statutory classifications (the regulations came later: T in 2002,
  U in 2007).
- VAWA self-petition: the Violence Against Women Act of 1994, Pub. L. 103-322, title IV, § 40701(a)
  (enacted Sept. 13, 1994), reported effective Jan. 1, 1995 (§ 40701(d)); fairly sure, from secondary
  sources; the later day is taken so the rule is never applied early. Abuse by an adult US-citizen son or
  daughter was added by VAWA 2005 (Pub. L. 109-162, Jan. 5, 2006): the fact read covers both.
"""

from __future__ import annotations

from withhold.law.enactments import RESEARCH_2026_11_23
from withhold.logic import Context, V, rule, since, unknown

VTVPA = since(2000, 10, 28)
"""Victims of Trafficking and Violence Protection Act of 2000, Pub. L. 106-386 (Oct. 28, 2000)."""

VAWA_SELF_PETITION = since(1995, 1, 1)
"""Violence Against Women Act of 1994, Pub. L. 103-322, § 40701 (self-petitions; effective Jan. 1, 1995)."""


def _reported(ctx: Context, path: str) -> V[bool]:
    answer = ctx.fact(path)
    return V(bool(answer.get())) if answer.known else unknown(answer.depends)


@rule(
    "other_relief.u_visa",
    "The facts point to a U visa: the person was the victim of a serious crime in the US",
    cites=(
        "INA 101(a)(15)(U), 8 U.S.C. 1101(a)(15)(U)",
        "INA 214(p), 8 U.S.C. 1184(p)",
        "8 CFR 214.14",
    ),
    ref=("REL-U-1",),
    reads=("other_relief.crime_victim",),
    in_force=VTVPA,
    verified=RESEARCH_2026_11_23,
)
def u_visa(ctx: Context) -> V[bool]:
    """A victim of qualifying criminal activity in the US (INA 101(a)(15)(U)(iii)) may petition."""
    return _reported(ctx, "other_relief.crime_victim")


@rule(
    "other_relief.t_visa",
    "The facts point to a T visa: the person was trafficked into or within the US",
    cites=("INA 101(a)(15)(T), 8 U.S.C. 1101(a)(15)(T)", "22 U.S.C. 7102", "8 CFR 214.200–214.216"),
    ref=("REL-T-1",),
    reads=("other_relief.trafficking_victim",),
    in_force=VTVPA,
    verified=RESEARCH_2026_11_23,
)
def t_visa(ctx: Context) -> V[bool]:
    """A victim of a severe form of trafficking in persons (22 U.S.C. 7102), present in the US on account of
    it, may apply."""
    return _reported(ctx, "other_relief.trafficking_victim")


@rule(
    "other_relief.vawa_self_petition",
    "The facts point to a VAWA self-petition: abuse by a US-citizen or permanent-resident relative",
    cites=("INA 204(a)(1)(A)(iii)–(vii), (B)(ii)–(iii), 8 U.S.C. 1154(a)(1)", "8 CFR 204.2(c), (e)"),
    ref=("REL-VAWA-1",),
    reads=("other_relief.abused_by_citizen_or_resident_relative",),
    in_force=VAWA_SELF_PETITION,
    verified=RESEARCH_2026_11_23,
)
def vawa_self_petition(ctx: Context) -> V[bool]:
    """A spouse or child abused by a US-citizen or permanent-resident spouse or parent, or a parent abused by
    an adult US-citizen son or daughter, may petition alone."""
    return _reported(ctx, "other_relief.abused_by_citizen_or_resident_relative")
