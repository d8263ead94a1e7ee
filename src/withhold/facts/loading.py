"""Turn the text of a case file into a :class:`Case`, or into errors a person can act on.

No I/O here: callers read the file and pass its text. Every problem names the path in the file
(``convictions[1].sentence_months``) and what is wrong with it, with the nearest valid key for a typo.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from withhold.facts.case import Case
from withhold.package_data import UniqueKeyLoader


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


class _CaseYamlLoader(UniqueKeyLoader):
    """YAML 1.2-style booleans: only true/false. YAML 1.1 would read the country code NO (Norway) or
    an answer "no" as false, turning a value into a different value silently. A key given twice is an
    error, not a silent overwrite (UniqueKeyLoader)."""


def _timestamp_or_text(loader: _CaseYamlLoader, node: yaml.ScalarNode) -> object:
    """A YAML date that is not a real date (2026-02-30) stays text, so the date check names its path."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_CaseYamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)

_CaseYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_CaseYamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def read_document(text: str, syntax: Literal["yaml", "json"] | None = None) -> object:
    """Parse YAML or JSON text (JSON is also YAML; ``syntax`` only sharpens the error message)."""
    if syntax == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise CaseFileError(
                [CaseIssue("", f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})")]
            ) from None
    try:
        return yaml.load(text, Loader=_CaseYamlLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise CaseFileError([CaseIssue("", f"not valid YAML: {problem}{where}")]) from None


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
            [CaseIssue("withhold", f"this version reads format case/1, got {document['withhold']!r}")]
        )
    try:
        return Case.model_validate(document)
    except ValidationError as error:
        raise CaseFileError(_issues(error, document)) from None


# --- error messages ----------------------------------------------------------------------------------


def format_path(loc: Sequence[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _issues(error: ValidationError, document: object) -> list[CaseIssue]:
    issues: list[CaseIssue] = []
    seen: set[str] = set()
    for detail in error.errors():
        loc = _without_union_tags(detail["loc"])
        path = format_path(loc)
        message = _message(detail, loc)
        if (path, message) != ("", "") and f"{path}|{message}" not in seen:
            seen.add(f"{path}|{message}")
            issues.append(CaseIssue(path, message))
    return issues


def _without_union_tags(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    # Pydantic puts the branch of a union in the location (e.g. 'list[...]' or 'function-before[...]').
    return tuple(part for part in loc if not (isinstance(part, str) and "[" in part))


def _message(detail: ErrorDetails, loc: tuple[int | str, ...]) -> str:
    kind = detail["type"]
    got = detail.get("input")
    if kind == "extra_forbidden":
        return _unknown_key(loc)
    if kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        return f"expected one of {expected}, got {_show(got)}"
    if kind in {"float_parsing", "float_type", "int_parsing", "int_type"}:
        return f"expected {_expected_number(loc)}, got {_show(got)}"
    if kind in {"bool_parsing", "bool_type"}:
        return f"expected true or false (leave it out if unknown), got {_show(got)}"
    if kind == "string_pattern_mismatch":
        return f"{_pattern_hint(loc)}, got {_show(got)}"
    if kind in {"list_type"}:
        return f"expected a list, got {_show(got)}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"expected a mapping of keys, got {_show(got)}"
    if kind == "string_type":
        return f"expected text, got {_show(got)}"
    if kind == "greater_than_equal":
        return f"must not be negative, got {_show(got)}"
    if kind == "value_error":
        return str(detail.get("ctx", {}).get("error", detail["msg"]))
    if kind == "missing":
        return "required"
    return f"{detail['msg']}, got {_show(got)}"


def _show(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value) if not isinstance(value, bool) else str(value).lower()


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
    model = _model_at(loc)
    if model is None:
        return "unknown key"
    key = str(loc[-1])
    prefix = format_path(loc[:-1])
    names = list(model.model_fields)
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    if close:
        suggestion = f"{prefix}.{close[0]}" if prefix else close[0]
        return f"unknown key; did you mean {suggestion}?"
    return f"unknown key; the keys here are: {', '.join(names)}"
