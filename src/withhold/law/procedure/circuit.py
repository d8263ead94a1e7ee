"""The federal circuit of the proceeding — rules reference GEN-JUR-1.

The judge applies the law of the circuit in which the proceedings are completed, and a petition for
review goes to that circuit's court of appeals (INA 242(b)(2)). A person cannot be expected to know it:
it follows from where their immigration court sits (28 U.S.C. 41), so a case that names its court and no
circuit is in that court's circuit (the courts and their circuits: ``facts/courts.yaml``). A circuit the
case gives wins: the attorney sets it when the judge completes the case elsewhere (a change of venue, a
hearing by video from another court); a case whose court and circuit disagree is flagged by the case's
date and consistency checks (``facts/consistency.py``).
"""

from __future__ import annotations

from withhold.facts.courts import circuit_of, courts_named, states
from withhold.law.enactments import AUDIT_2026_12_07, IIRIRA
from withhold.logic import UNKNOWN, Context, V, rule, unknown

CIRCUIT_NAMES = {
    "1": "First Circuit", "2": "Second Circuit", "3": "Third Circuit", "4": "Fourth Circuit",
    "5": "Fifth Circuit", "6": "Sixth Circuit", "7": "Seventh Circuit", "8": "Eighth Circuit",
    "9": "Ninth Circuit", "10": "Tenth Circuit", "11": "Eleventh Circuit", "DC": "District of Columbia Circuit",
}  # fmt: skip


@rule(
    "procedure.circuit",
    "Federal circuit of the proceeding",
    cites=("INA 242(b)(2), 8 U.S.C. 1252(b)(2)", "28 U.S.C. 41"),
    ref=("GEN-JUR-1",),
    reads=("proceedings.circuit", "proceedings.court"),
    # INA 242 as enacted by IIRIRA § 306 (the rules that read the circuit begin there or later); the
    # circuits are those of 28 U.S.C. 41 since the Eleventh was formed (Pub. L. 96-452, Oct. 1, 1981).
    in_force=IIRIRA,
    when_not_in_force=UNKNOWN,
    verified=AUDIT_2026_12_07,
)
def proceeding_circuit(ctx: Context) -> V[str]:
    """The circuit the case gives; else the circuit where its immigration court sits."""
    given = ctx.fact("proceedings.circuit")
    if given.known:
        return given
    court = ctx.fact("proceedings.court")
    if not court.known:
        return unknown(given.depends)
    derived = circuit_of(str(court.get()))
    if derived is None:  # a court Withhold does not know, or an adjudication center: the attorney says
        return unknown(given.depends)
    where = ", ".join(sorted({states()[c.state].en for c in courts_named(str(court.get()))}))
    ctx.note(
        f"not given in the case: taken from the court's location ({where}, in the {CIRCUIT_NAMES[derived]} "
        "under 28 U.S.C. 41); set proceedings.circuit if the judge completes the case in another circuit"
    )
    return V(derived)
