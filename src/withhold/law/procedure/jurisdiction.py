"""Where each protection can be decided — rules reference PROC-JUR-1.

Asylum cannot be granted in withholding-only proceedings (after a reinstated order or an administrative
removal order under INA 238(b), following a positive reasonable-fear screening), nor to anyone whose
prior order was reinstated: such a person "is not eligible and may not apply for any relief"
(INA 241(a)(5)). Statutory withholding and CAT protection can be decided in every posture: an
affirmative case that is not granted is referred to an immigration judge, who decides all three
(8 CFR 1208.14(c)(1), 1208.16(a)). An asylum cooperative agreement closes the forum for all of them
(``cooperative_agreement.py``).
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, IIRIRA, REFUGEE_ACT, RESEARCH_2026_11_23
from withhold.law.procedure.cooperative_agreement import cooperative_agreement
from withhold.logic import FALSE, UNKNOWN, Context, V, all_, one_of, rule, unknown

ASYLUM_FORUMS = ("removal", "asylum_only", "affirmative", "credible_fear")
WITHHOLDING_ONLY_FORUMS = ("withholding_only", "reasonable_fear")

# A reinstated prior order is handled outside these postures: DHS reinstates the order and refers a
# person who fears return to a reasonable-fear screening, not to INA 240 removal proceedings
# (8 CFR 241.8(e), 1208.31). So in these postures an unanswered `reinstated_order` is not an open question.
POSTURES_WITHOUT_REINSTATEMENT = ("removal", "asylum_only", "affirmative", "credible_fear")


@rule(
    "procedure.reinstated_order",
    "Prior removal order reinstated",
    cites=("INA 241(a)(5), 8 U.S.C. 1231(a)(5)", "8 CFR 1208.31(e)"),
    ref=("PROC-JUR-1", "WH-NOTBAR-REINST"),
    reads=("proceedings.reinstated_order", "proceedings.kind"),
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
)
def reinstated_order(ctx: Context) -> V[bool]:
    """A reinstated order bars asylum but leaves withholding and CAT open through withholding-only
    proceedings."""
    answer = ctx.fact("proceedings.reinstated_order")
    if answer.known:
        return answer
    kind = ctx.fact("proceedings.kind")
    if kind.value in POSTURES_WITHOUT_REINSTATEMENT:
        ctx.assume(
            "proceedings.reinstated_order",
            "taken as not reinstated: in these proceedings a prior order would have been reinstated "
            "instead (8 CFR 241.8); a reinstated order would foreclose asylum",
        )
        return FALSE
    return unknown(answer.depends)


@rule(
    "procedure.asylum_forum",
    "Asylum can be decided in this proceeding",
    cites=("8 CFR 1208.2(b)–(c)", "8 CFR 1208.31(e), (g)(2)(i)", "INA 241(a)(5)", "8 CFR 1240.11(h)"),
    ref=("PROC-JUR-1",),
    reads=("proceedings.kind",),
    uses=(reinstated_order, cooperative_agreement),
    in_force=REFUGEE_ACT,
    when_not_in_force=UNKNOWN,  # asylum before the Refugee Act (by regulation) is not encoded
    verified=AUDIT_2026_12_07,
)
def asylum_forum(ctx: Context) -> V[bool]:
    """Asylum is decided by an asylum officer (affirmative, or after credible fear) or by an immigration
    judge in removal or asylum-only proceedings; never in withholding-only proceedings, and not here at all
    when an asylum cooperative agreement sends the person to a third country."""
    kind = ctx.fact("proceedings.kind")
    return all_(
        one_of(kind, ASYLUM_FORUMS),
        ctx.rule_not(reinstated_order),
        ctx.rule_not(cooperative_agreement),
    )


@rule(
    "procedure.withholding_forum",
    "Withholding and CAT protection can be decided in this proceeding",
    cites=("8 CFR 1208.16(a)", "8 CFR 1208.31(e)", "8 CFR 1208.2(c)(3)(i)", "8 CFR 1240.11(h)(2), (h)(4)"),
    ref=("PROC-JUR-1", "WH-PROC-1"),
    reads=("proceedings.kind",),
    uses=(cooperative_agreement,),
    in_force=REFUGEE_ACT,
    when_not_in_force=UNKNOWN,  # withholding under former INA 243(h) before the Refugee Act is not encoded
    verified=AUDIT_2026_12_07,
)
def withholding_forum(ctx: Context) -> V[bool]:
    """An immigration judge decides withholding and CAT in removal, asylum-only and withholding-only
    proceedings; an affirmative case that is not granted is referred to the judge, and screening
    interviews lead to those proceedings. So every posture leads to a decision on them, unless an asylum
    cooperative agreement sends the person to a third country instead (8 CFR 1240.11(h)(2), (h)(4))."""
    ctx.fact("proceedings.kind")
    return ctx.rule_not(cooperative_agreement)
