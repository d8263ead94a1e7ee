"""Certified translations — rules reference GEN-CRED-1.

Every foreign-language document filed in immigration court must come with an English translation and
the translator's certification of competence and accuracy (8 CFR 1003.33; before USCIS, 8 CFR
103.2(b)(3)); without one it may be refused or given no weight. The rule says that the requirement is in
force. Whether the record holds a document in another language is not a fact of the claim but of the
record being gathered (``evidence[]``, read by the checklist and never by rules): the checklist reads it.
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, EOIR_RULES_REDESIGNATED
from withhold.logic import TRUE, UNKNOWN, Context, V, rule


@rule(
    "corroboration.certified_translations",
    "A foreign-language document needs a certified English translation",
    cites=("8 CFR 1003.33", "8 CFR 103.2(b)(3)"),
    ref=("GEN-CRED-1",),
    in_force=EOIR_RULES_REDESIGNATED,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
)
def certified_translations(ctx: Context) -> V[bool]:
    """In force: every document filed that is not in English needs its certified translation."""
    return TRUE
