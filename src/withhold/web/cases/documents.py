"""A case file as text and back: YAML or JSON in, the ``case/1`` mapping stored, YAML or JSON out.

The loader of the core (:mod:`withhold.facts.loading`) validates every document; its issues name the
field (``claim.nexsu: unknown key; did you mean claim.nexus?``) and are shown as they are.
"""

from __future__ import annotations

import json
from typing import Any, Literal

import yaml

from withhold.facts.case import Case
from withhold.facts.limits import CASE_FILE_MAX_CHARS, law_as_of_problem
from withhold.facts.loading import CaseFileError, CaseIssue, parse_case, validate_case
from withhold.interview.answers import document_of

Syntax = Literal["yaml", "json"]
MAX_BYTES = CASE_FILE_MAX_CHARS
"""The largest case file taken, as an upload's bytes or the editor's characters (facts/limits.py)."""


def case_of(document: dict[str, Any]) -> Case:
    """The stored mapping as a validated case."""
    return validate_case(document)


def stored(case: Case) -> dict[str, Any]:
    """What is stored for a case: the mapping of what was set (an explicit null survives)."""
    return document_of(case)


def parse(text: str, syntax: Syntax | None = None) -> Case:
    """Raises :class:`withhold.facts.loading.CaseFileError` with every issue by field, and for a
    ``law_as_of`` the law cannot be evaluated as of (a case file may carry a historic date; every page of
    the case evaluates the law as of it)."""
    case = parse_case(text, syntax)
    problem = law_as_of_problem(case.law_as_of) if case.law_as_of else None
    if problem:
        raise CaseFileError([CaseIssue("law_as_of", problem)])
    return case


def syntax_of(filename: str) -> Syntax | None:
    lowered = filename.lower()
    if lowered.endswith(".json"):
        return "json"
    if lowered.endswith((".yaml", ".yml")):
        return "yaml"
    return None


def ordered(document: dict[str, Any]) -> dict[str, Any]:
    body = dict(document)
    return {"withhold": body.pop("withhold", "case/1"), **body}


def to_yaml(document: dict[str, Any]) -> str:
    return yaml.safe_dump(
        ordered(document), sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
    )


def to_json(document: dict[str, Any]) -> str:
    return json.dumps(ordered(document), indent=2, ensure_ascii=False) + "\n"


def render(document: dict[str, Any], syntax: Syntax) -> str:
    return to_json(document) if syntax == "json" else to_yaml(document)
