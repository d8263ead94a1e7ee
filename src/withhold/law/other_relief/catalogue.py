"""Every relief other than the four protections that the facts may point to, with the id the flags and
their texts know it by (``preparation/other_relief.yaml``)."""

from __future__ import annotations

from withhold.law.other_relief.cancellation import cancellation_of_removal
from withhold.law.other_relief.juvenile import special_immigrant_juvenile
from withhold.law.other_relief.tps import temporary_protected_status
from withhold.law.other_relief.victims import t_visa, u_visa, vawa_self_petition
from withhold.logic import Rule

OTHER_RELIEF: tuple[tuple[str, Rule], ...] = (
    ("cancellation_of_removal", cancellation_of_removal),  # INA 240A(b)(1)
    ("temporary_protected_status", temporary_protected_status),  # INA 244(a)(1)
    ("u_visa", u_visa),  # INA 101(a)(15)(U)
    ("t_visa", t_visa),  # INA 101(a)(15)(T)
    ("special_immigrant_juvenile", special_immigrant_juvenile),  # INA 101(a)(27)(J)
    ("vawa_self_petition", vawa_self_petition),  # INA 204(a)(1)
)
