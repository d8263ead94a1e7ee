"""The case model: what we know about a person and their case (format ``case/1``)."""

from withhold.facts.case import Case
from withhold.facts.loading import CaseFileError, CaseIssue, parse_case

__all__ = ["Case", "CaseFileError", "CaseIssue", "parse_case"]
