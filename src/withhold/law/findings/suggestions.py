"""What the law lets the client's own answers suggest about a finding, for the attorney to confirm.

A finding is the attorney's assessment (or the judge's). A client is never asked one; but some of the
client's plain answers point a finding one way where the law itself says so: a government persecutor
makes the government's inability or unwillingness to protect beside the point and presumes internal
relocation unreasonable; where nothing in the record indicates a mandatory bar, the applicant does not
carry the burden of disproving it (8 CFR 1240.8(d)). Each such reading is a rule here, cited and dated
like any other, listed by ``withhold rules``. A suggestion is only shown on the findings review, marked
as a suggestion: it is never a fact of the case until the attorney confirms it, so no status rests on it.
Each rule answers the suggested value, or unknown when the answers suggest nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from withhold.law.enactments import AUDIT_2026_12_07, CAT_REGULATIONS, IIRIRA, REFUGEE_ACT
from withhold.logic import UNKNOWN, Context, Period, Rule, V, known, rule, since, unknown

GLOBAL_ASYLUM_RULE_2001 = since(2001, 1, 5)
"""65 FR 76121 (Dec. 6, 2000), effective Jan. 5, 2001: the burden on relocation in 8 CFR 1208.13(b)(3)
and 1208.16(b)(3)."""

_NO_INDICATION = (
    "Once the evidence indicates that a mandatory bar may apply, the applicant must prove it does not "
    "(8 CFR 1240.8(d)); the client's answer is only the client's, and other evidence (records, DHS's "
    "evidence, the I-213) can still indicate the bar."
)


def _no_indication(ctx: Context, *answers: str) -> V[bool]:
    """False (the bar is not indicated) when the client answered no to every question that would
    indicate it; nothing suggested otherwise."""
    read = [ctx.fact(path) for path in answers]
    if all(value.is_(False) for value in read):
        return known(False)
    return unknown(*(value.depends for value in read))


def _bar_suggestion(
    name: str, title: str, cites: tuple[str, ...], answers: tuple[str, ...], ref: tuple[str, ...]
) -> Rule:
    @rule_for(name, title, cites, answers, IIRIRA, caveat=_NO_INDICATION, ref=("WH-BAR-0", *ref))
    def body(ctx: Context) -> V[bool]:
        """Not indicated (false) when the client answered no to each question that would indicate it."""
        return _no_indication(ctx, *answers)

    return body


def rule_for(
    name: str,
    title: str,
    cites: tuple[str, ...],
    reads: tuple[str, ...],
    in_force: Period,
    *,
    caveat: str | None = None,
    ref: tuple[str, ...],
) -> Callable[[Callable[[Context], V[Any]]], Rule]:
    """A suggestion's rule, id ``suggestion.<name>``, reading the client's answers ``reads``; before the law
    it rests on existed it suggests nothing (unknown). :data:`SUGGESTIONS` says which finding it is for."""
    return rule(
        f"suggestion.{name}",
        title,
        cites=cites,
        ref=ref,
        reads=reads,
        in_force=in_force,
        verified=AUDIT_2026_12_07,
        when_not_in_force=UNKNOWN,
        caveat=caveat,
    )


@rule_for(
    "unable_or_unwilling.government_persecutor",
    "Suggested: the government is the persecutor, so its failure to protect is shown",
    ("Matter of Acosta, 19 I&N Dec. 211, 222 (BIA 1985)", "INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)"),
    ("claim.persecutor",),
    REFUGEE_ACT,
    ref=("WH-ELEM-3",),
)
def government_persecutor_unable_or_unwilling(ctx: Context) -> V[bool]:
    """Persecution is harm by the government or by forces it is unable or unwilling to control: where the
    government itself harmed the person, the second branch does not arise."""
    persecutor = ctx.fact("claim.persecutor")
    return known(True) if persecutor.is_("government") else unknown(persecutor.depends)


UNANSWERED_REPORT = frozenset({"did_nothing", "refused", "threatened_or_harmed_me", "were_involved"})
"""What the authorities did when asked for help that shows no protection came."""


@rule_for(
    "unable_or_unwilling.unanswered_report",
    "Suggested: the authorities were asked for help and gave none",
    (
        "Matter of S-A-, 22 I&N Dec. 1328, 1335 (BIA 2000)",
        "Matter of C-G-T-, 28 I&N Dec. 740 (BIA 2023)",
        "INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)",
    ),
    ("story.events", "story.events[].reported", "story.events[].authorities_response"),
    REFUGEE_ACT,
    caveat=(
        "Evidence, not the finding: an unanswered report shows unwillingness or inability to protect, "
        "but the attorney weighs it with the country conditions (and a person need not have reported "
        "where reporting would have been futile or dangerous)."
    ),
    ref=("WH-ELEM-3",),
)
def authorities_gave_no_help(ctx: Context) -> V[bool]:
    """A person who asked the police for help and was ignored, refused, threatened, or found the
    authorities themselves involved, shows the government unable or unwilling to protect them."""
    events = ctx.fact("story.events")
    if not events.known or not isinstance(events.get(), int):
        return unknown(events.depends)
    depends = []
    for item in range(events.get()):
        reported = ctx.fact("story.events[].reported", item)
        response = ctx.fact("story.events[].authorities_response", item)
        if reported.is_(True) and response.known and UNANSWERED_REPORT & set(response.get() or ()):
            return known(True)
        depends += [reported.depends, response.depends]
    return unknown(*depends)


@rule_for(
    "relocation.government_persecutor",
    "Suggested: relocation is presumed unreasonable where the government is the persecutor",
    ("8 CFR 1208.13(b)(3)(ii)", "8 CFR 1208.16(b)(3)(ii)"),
    ("claim.persecutor",),
    GLOBAL_ASYLUM_RULE_2001,
    caveat="A presumption: DHS may rebut it by a preponderance of the evidence.",
    ref=("WH-REL-2",),
)
def government_persecutor_relocation(ctx: Context) -> V[bool]:
    """Where the persecutor is the government or government-sponsored, relocation is presumed
    unreasonable unless DHS shows otherwise."""
    persecutor = ctx.fact("claim.persecutor")
    return known(False) if persecutor.is_("government") else unknown(persecutor.depends)


@rule_for(
    "official.government_persecutor",
    "Suggested: a public official would inflict the harm",
    ("8 CFR 1208.18(a)(1)", "8 CFR 1208.16(c)"),
    ("claim.persecutor",),
    CAT_REGULATIONS,
    caveat=(
        "Torture must be inflicted by, at the instigation of, or with the consent or acquiescence of a "
        "public official acting in an official capacity; whether the feared official acts in that "
        "capacity (not as a rogue official) remains the attorney's assessment."
    ),
    ref=("CAT-DEF-1",),
)
def government_persecutor_official(ctx: Context) -> V[str]:
    """Harm feared from the government itself points to direct official involvement."""
    persecutor = ctx.fact("claim.persecutor")
    return known("direct") if persecutor.is_("government") else unknown(persecutor.depends)


OFFICIALS = frozenset({"police", "military", "other_government"})
"""Whom a person fears, as they can tell it, that is a public official."""


@rule_for(
    "official.feared_officials",
    "Suggested: the client fears the police, the military or other officials",
    ("8 CFR 1208.18(a)(1)", "8 CFR 1208.16(c)"),
    ("story.fear.who_kind",),
    CAT_REGULATIONS,
    caveat=(
        "Whether the official would act in an official capacity (not as a rogue official), and whether "
        "others the client fears act with officials' consent or acquiescence, remains the attorney's "
        "assessment."
    ),
    ref=("CAT-DEF-1",),
)
def feared_officials(ctx: Context) -> V[str]:
    """A person who fears the police, the military or another official fears harm by a public official."""
    feared = ctx.fact("story.fear.who_kind")
    if feared.known and OFFICIALS & set(feared.get() or ()):
        return known("direct")
    return unknown(feared.depends)


@rule_for(
    "firm_resettlement.no_offer",
    "Suggested: not firmly resettled, as no other country offered permanent status",
    ("8 CFR 1208.15", "INA 208(b)(2)(A)(vi), 8 U.S.C. 1158(b)(2)(A)(vi)", "8 CFR 1240.8(d)"),
    ("application.other_countries.answer", "application.status_elsewhere.answer"),
    IIRIRA,
    caveat=_NO_INDICATION,
    ref=("ASY-BAR-1",),
)
def no_other_country(ctx: Context) -> V[bool]:
    """Firm resettlement needs an offer of permanent residence or citizenship (or other permanent
    status) in another country; a person who passed through no other country, or was offered no status
    in one, shows no such offer."""
    passed = ctx.fact("application.other_countries.answer")
    offered = ctx.fact("application.status_elsewhere.answer")
    if passed.is_(False) or offered.is_(False):
        return known(False)
    return unknown(passed.depends, offered.depends)


PERSECUTOR_BAR = _bar_suggestion(
    "bar.persecutor",
    "Suggested: nothing indicates the persecutor bar",
    ("INA 208(b)(2)(A)(i), 8 U.S.C. 1158(b)(2)(A)(i)", "INA 241(b)(3)(B)(i)", "8 CFR 1240.8(d)"),
    ("application.harm_to_others.answer",),
    ("WH-BAR-PERS-1",),
)
SERIOUS_NONPOLITICAL_CRIME = _bar_suggestion(
    "bar.serious_nonpolitical_crime",
    "Suggested: nothing indicates a serious nonpolitical crime abroad",
    ("INA 208(b)(2)(A)(iii), 8 U.S.C. 1158(b)(2)(A)(iii)", "INA 241(b)(3)(B)(iii)", "8 CFR 1240.8(d)"),
    ("application.accused_abroad.answer",),
    ("WH-BAR-SNPC-1",),
)
TERRORISM = _bar_suggestion(
    "bar.terrorism",
    "Suggested: nothing indicates the terrorism bars",
    ("INA 208(b)(2)(A)(v), 8 U.S.C. 1158(b)(2)(A)(v)", "INA 212(a)(3)(B)", "8 CFR 1240.8(d)"),
    ("application.organizations.answer", "application.harm_to_others.answer"),
    ("WH-BAR-TERR-1",),
)

SUGGESTIONS: dict[str, tuple[Rule, ...]] = {
    "claim.government_unable_or_unwilling": (
        government_persecutor_unable_or_unwilling,
        authorities_gave_no_help,
    ),
    "claim.relocation_reasonable": (government_persecutor_relocation,),
    "torture.official_involvement": (government_persecutor_official, feared_officials),
    "asylum.firmly_resettled": (no_other_country,),
    "conduct.persecuted_others": (PERSECUTOR_BAR,),
    "conduct.serious_nonpolitical_crime_abroad": (SERIOUS_NONPOLITICAL_CRIME,),
    "conduct.terrorist_activity": (TERRORISM,),
}
"""Each finding's suggestion rules, by the finding's generic path: the first that suggests a value is
shown."""
