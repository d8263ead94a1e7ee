"""The web application: a face over the core, for an organization's docket of cases.

It renders what the core (screening, deadlines, checklist, warnings, the interview planner) returns and
never decides the law itself. Case facts and identity are encrypted at rest (:mod:`withhold.web.vault`),
every view that touches a case checks that it belongs to the user's organization
(:mod:`withhold.web.cases.access`), and nothing about a case goes into logs or error pages
(:mod:`withhold.web.confidential`).
"""
