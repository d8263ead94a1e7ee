"""Turn the text of a case file into a :class:`Case`, or into errors a person can act on.

No I/O here: callers read the file and pass its text. Every problem names the path in the file
(``convictions[1].sentence_months``) and what is wrong with it, with the nearest valid key for a typo.
"""

from __future__ import annotations

import contextlib
import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from withhold.facts.case import Case
from withhold.facts.limits import PROBLEMS_SHOWN, bounded, cut, shown
from withhold.facts.reading import DocumentError, read_json, read_yaml


@dataclass(frozen=True)
class CaseIssue:
    """One problem in a case file."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class CaseFileError(ValueError):
    """The case file could not be read; ``issues`` lists every problem found."""

    def __init__(self, issues: Sequence[CaseIssue], source: str = "case file") -> None:
        self.issues = tuple(issues)
        self.source = source
        super().__init__("\n".join(str(issue) for issue in self.issues))


def read_document(text: str, syntax: Literal["yaml", "json"] | None = None) -> object:
    """Parse YAML or JSON text (JSON is also YAML; ``syntax`` only sharpens the error message), safely and
    within the bounds of :mod:`withhold.facts.limits` (see :mod:`withhold.facts.reading`)."""
    try:
        return read_json(text) if syntax == "json" else read_yaml(text)
    except DocumentError as error:
        if syntax is None and text.lstrip("\ufeff \t\r\n").startswith("{"):
            # JSON of unknown name (standard input): YAML reads most of it, but not every JSON escape (a
            # character outside the BMP as a surrogate pair, as JSON writers escape emoji).
            with contextlib.suppress(DocumentError):
                return read_json(text)
        raise CaseFileError([CaseIssue("", str(error))]) from None


def parse_case(text: str, syntax: Literal["yaml", "json"] | None = None) -> Case:
    """Validate a case file's text into a :class:`Case` or raise :class:`CaseFileError`."""
    return validate_case(read_document(text, syntax))


def validate_case(document: object) -> Case:
    if not isinstance(document, dict):
        raise CaseFileError(
            [CaseIssue("", "a case file is a mapping of keys, starting with `withhold: case/1`")]
        )
    if "withhold" not in document:
        raise CaseFileError([CaseIssue("withhold", "missing; a case file starts with `withhold: case/1`")])
    if document["withhold"] != "case/1":
        raise CaseFileError(
            [CaseIssue("withhold", f"this version reads format case/1, got {shown(document['withhold'])}")]
        )
    try:
        return Case.model_validate(document)
    except ValidationError as error:
        raise CaseFileError(_issues(error, document)) from None


# --- error messages ----------------------------------------------------------------------------------


def format_path(loc: Sequence[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{cut(part)}" if text else cut(part))
    return text


def _issues(error: ValidationError, document: object) -> list[CaseIssue]:
    """Every problem once, in the order of the file; after the first :data:`PROBLEMS_SHOWN`, a count."""
    issues: list[CaseIssue] = []
    seen: set[tuple[str, str]] = set()
    for detail in error.errors(include_url=False):
        loc = _without_union_tags(detail["loc"])
        path = format_path(loc)
        message = _message(detail, loc)
        if (path, message) != ("", "") and (path, message) not in seen:
            seen.add((path, message))
            issues.append(CaseIssue(path, message))
    if len(issues) > PROBLEMS_SHOWN:
        more = len(issues) - PROBLEMS_SHOWN
        return [
            *issues[:PROBLEMS_SHOWN],
            CaseIssue("", f"and {more:,} more problem{'s' if more > 1 else ''}"),
        ]
    return issues


def _without_union_tags(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    # Pydantic puts the branch of a union in the location (e.g. 'list[...]' or 'function-before[...]').
    return tuple(part for part in loc if not (isinstance(part, str) and "[" in part))


def _message(detail: ErrorDetails, loc: tuple[int | str, ...]) -> str:
    kind = detail["type"]
    got = shown(detail.get("input"))
    context = detail.get("ctx", {})
    if kind == "extra_forbidden":
        return _unknown_key(loc)
    if kind == "literal_error":
        return f"expected one of {context.get('expected', '')}, got {got}"
    if kind in {"float_parsing", "float_type", "int_parsing", "int_type", "finite_number"}:
        return f"expected {_expected_number(loc)}, got {got}"
    if kind in {"bool_parsing", "bool_type"}:
        return f"expected true or false (leave it out if unknown), got {got}"
    if kind == "string_pattern_mismatch":
        return f"{_pattern_hint(loc)}, got {got}"
    if kind in {"list_type"}:
        return f"expected a list, got {got}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"expected a mapping of keys, got {got}"
    if kind == "string_type":
        return f"expected text, got {got}"
    if kind == "string_too_long":
        return f"too long (at most {context.get('max_length', 0):,} characters), got {got}"
    if kind == "too_long":
        return (
            f"too many items: {context.get('actual_length', 0):,} (at most {context.get('max_length', 0):,})"
        )
    if kind == "greater_than_equal":
        return f"must not be negative, got {got}"
    if kind == "less_than_equal":
        return f"must be at most {context.get('le', '')}, got {got}"
    if kind == "value_error":
        return bounded(str(context.get("error", detail["msg"])))
    if kind == "missing":
        return "required"
    return f"{bounded(detail['msg'])}, got {got}"


def _expected_number(loc: tuple[int | str, ...]) -> str:
    if loc and loc[-1] == "sentence_months":
        return "a number of months"
    return "a number"


def _pattern_hint(loc: tuple[int | str, ...]) -> str:
    last = loc[-1] if loc else ""
    if last == "a_number":
        return "expected an A-number of 8 or 9 digits, optionally starting with A (A012345678)"
    return "expected a two-letter ISO 3166-1 country code in capitals (SV, GT, CN)"


def _model_at(loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class that owns the key at ``loc`` (for 'did you mean')."""
    model: type[BaseModel] = Case
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        inner = _model_in(field.annotation)
        if inner is None:
            return None
        model = inner
    return model


def _model_in(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) is not None or get_args(annotation):
        for arg in get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def _unknown_key(loc: tuple[int | str, ...]) -> str:
    """The nearest valid key, if one is near; never the whole list (a file of unknown keys would repeat it
    for each)."""
    model = _model_at(loc)
    if model is None:
        return "unknown key"
    key = str(loc[-1])
    prefix = format_path(loc[:-1])
    close = difflib.get_close_matches(cut(key), list(model.model_fields), n=1, cutoff=0.6)
    if close:
        suggestion = f"{prefix}.{close[0]}" if prefix else close[0]
        return f"unknown key; did you mean {suggestion}?"
    return f"unknown key; {prefix or 'a case file'} has no key like it (see docs/spec/case-format.md)"
