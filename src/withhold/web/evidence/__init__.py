"""The documents of a case's evidence (issue 19): PDFs and photos the team uploads, each linked to the
evidence-checklist items it serves (:mod:`withhold.preparation.evidence`), with its language, its English
translation and the translator named on the certificate of translation (8 CFR 1003.33).

Everything that says anything about a document (its title, its file's name, its language, the items, the
translator) is encrypted in the database; its bytes are encrypted with the same key ring before they reach
any storage (:mod:`withhold.web.evidence.storage`)."""
