"""The filing package page (issue 19): from a case, the documents to file (its uploaded evidence, and Form
I-589 filled from the organization's blank form), their order and titles, the proof of service and the
judge's name; the package built on the task queue by :func:`withhold.filing.package.build_filing`, kept
until the case or its documents change, each part downloaded, its index and notes shown."""
