"""Preparing a case: the evidence checklist, the comparison of protections, and what feeds the reports."""
