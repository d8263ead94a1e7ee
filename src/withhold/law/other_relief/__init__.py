"""Other relief a lawyer should look into: the conditions under which a case's facts point to it.

Beyond the four protections, a person in removal proceedings may have other relief: cancellation of removal
for nonpermanent residents (INA 240A(b)(1)), Temporary Protected Status (INA 244), a U visa (INA
101(a)(15)(U)), a T visa (INA 101(a)(15)(T)), special immigrant juvenile status (INA 101(a)(27)(J)) and a
VAWA self-petition (INA 204(a)(1)). None is screened here. Each relief has one top rule
(:data:`~withhold.law.other_relief.catalogue.OTHER_RELIEF`) answering whether the facts point to it: true
(look into it), unknown (a deciding fact is still unknown: ask it) or false (a fact recorded as false, or a
date, rules the pointer out). False never says that a person does not qualify; unknown never becomes false.

The rules reference (``docs/law/rules-reference.md``) has no rule for other relief; the ids these rules
cite (``REL-...``) are the project's additions, recorded in ``docs/law/additions.md`` with their sources.
The presentation (``preparation/other_relief``) picks its sentences from these rules' traces.
"""
