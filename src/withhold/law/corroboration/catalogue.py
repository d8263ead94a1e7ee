"""Every rule of what the record needs to corroborate, by the name the evidence checklist's data gives it
(``applies`` in ``preparation/evidence.yaml``) and the protections it speaks for, in the order of the case.
A name may have one rule for the persecution-based protections and another for CAT, where the law differs
(past harm: past persecution for the first, past torture for CAT)."""

from __future__ import annotations

from withhold.facts.case import ProtectionName
from withhold.law.corroboration import (
    acquiescence,
    changed_conditions,
    convictions,
    derivatives,
    grounds,
    late_filing,
    past_harm,
    persecutor,
    translations,
)
from withhold.logic import Rule

ASYLUM: tuple[ProtectionName, ...] = ("asylum",)
PERSECUTION: tuple[ProtectionName, ...] = ("asylum", "statutory_withholding")
TORTURE: tuple[ProtectionName, ...] = ("cat_withholding", "cat_deferral")
BARRED_BY_CRIMES: tuple[ProtectionName, ...] = ("asylum", "statutory_withholding", "cat_withholding")
EVERY: tuple[ProtectionName, ...] = (*PERSECUTION, *TORTURE)

CORROBORATION: tuple[tuple[str, tuple[ProtectionName, ...], Rule], ...] = (
    ("filed_late_or_deadline_unknown", ASYLUM, late_filing.one_year_exception),  # INA 208(a)(2)(B), (D)
    ("protected_ground_claimed", PERSECUTION, grounds.protected_ground),  # INA 101(a)(42)(A), 241(b)(3)(A)
    ("particular_social_group_claimed", PERSECUTION, grounds.particular_social_group),  # M-E-V-G-
    ("non_state_persecutor", PERSECUTION, persecutor.unable_or_unwilling),  # Matter of Acosta
    ("official_acquiescence_claimed", TORTURE, acquiescence.official_acquiescence),  # 8 CFR 1208.18(a)(7)
    ("past_harm_possible", PERSECUTION, past_harm.past_persecution_harm),  # 8 CFR 1208.13(b)(1)
    ("past_harm_possible", TORTURE, past_harm.past_torture_harm),  # 8 CFR 1208.16(c)(3)(i)
    ("past_persecution_possible", PERSECUTION, changed_conditions.changed_conditions),  # 1208.13(b)(1)(i)
    ("has_convictions", BARRED_BY_CRIMES, convictions.convictions),  # INA 208(b)(2)(A)(ii), 241(b)(3)(B)
    ("family_members_possible", ASYLUM, derivatives.derivatives),  # INA 208(b)(3)(A)
    ("foreign_language_documents", EVERY, translations.certified_translations),  # 8 CFR 1003.33
)


def corroboration_rule(name: str, protection: str) -> Rule | None:
    """The rule named ``name`` for ``protection``; None when the catalogue has none."""
    for found, protections, rule in CORROBORATION:
        if found == name and protection in protections:
            return rule
    return None
