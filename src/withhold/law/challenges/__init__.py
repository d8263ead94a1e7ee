"""The common challenges a case must prepare for: whether each is live on the facts of one case.

A challenge is a point the government or the judge can defeat a protection on, and that a lawyer prepares
before the hearing: credibility and corroboration (rules reference GEN-CRED-1), nexus (WH-NEXUS-1), the
particular social group (WH-ELEM-2), internal relocation (WH-REL-1..3), a persecutor who is not the
government (WH-ELEM-3), a particularly serious crime (WH-BAR-PSC-1..4), the one-year deadline
(ASY-1YR-1..4), an earlier denial (ASY-PRIOR-1), an asylum cooperative agreement (ASY-STC-1), the
annual asylum fee (ASY-FEE-1) and pretermission of an incomplete application (GEN-BURDEN-1, PROC-FORM-1).

Each challenge's top rule answers in the one three-valued logic: true, live on the facts (a finding or a
fact against the person is recorded, or the law puts the burden on the person); unknown, live because the
finding that decides it is not made (never read as no); false, settled in the person's favour, or not
arising in this case. Where an adverse finding makes the challenge graver, a sub-rule says so, so that
the case warnings (:mod:`withhold.preparation.warnings`) choose severity and sentences from the trace,
never by reading the facts again. Where the screening already computes a thing (the one-year bar and
deadline, the per se particularly serious crime, the burden on relocation, the cooperative agreement,
the annual fee), the challenge uses its rule rather than computing it a second time.
"""
