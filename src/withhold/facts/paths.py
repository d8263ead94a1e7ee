"""The catalogue of fact paths in ``case/1``, derived from the model so it cannot drift from it.

Rules name facts by path (``claim.nexus``, ``convictions[].sentence_months``); the load-time checks use
this catalogue to prove every fact a rule reads exists, and the interview will hang its questions on it.
"""

from __future__ import annotations

import difflib
import types
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from withhold.facts.case import COUNTRY_PATTERN, Case
from withhold.logic.evaluate import generic

__all__ = ["FactInfo", "catalogue", "generic", "suggest"]


@dataclass(frozen=True)
class FactInfo:
    path: str
    description: str
    kind: str
    """``bool``, ``date``, ``number``, ``text``, ``country`` (a two-letter code), ``choice``, ``choices``
    (a list of choices), ``list``"""
    choices: tuple[str, ...] = ()
    finding: bool = False
    """A judgement (the practitioner's assessment or an adjudicator's finding), not a plain fact."""


def _strip_optional(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _kind(annotation: Any) -> tuple[str, tuple[str, ...]]:
    inner = _strip_optional(annotation)
    origin = get_origin(inner)
    if origin is Literal:
        return "choice", tuple(str(a) for a in get_args(inner))
    if origin is list:
        (element,) = get_args(inner)
        kind, choices = _kind(element)
        return ("choices", choices) if kind == "choice" else ("list", ())
    metadata_origin = getattr(inner, "__origin__", None)
    base = metadata_origin if metadata_origin is not None else inner
    name = getattr(base, "__name__", str(base))
    return {"bool": "bool", "date": "date", "float": "number", "int": "number", "str": "text"}.get(
        name, "text"
    ), ()


def _model_of(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    inner = _strip_optional(annotation)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return inner, False
    if get_origin(inner) is list:
        (element,) = get_args(inner)
        if isinstance(element, type) and issubclass(element, BaseModel):
            return element, True
    return None, False


def _walk(model: type[BaseModel], prefix: str) -> list[FactInfo]:
    found: list[FactInfo] = []
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        sub, is_list = _model_of(field.annotation)
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        if sub is not None:
            if is_list:
                found.append(FactInfo(path, field.description or "", "list"))
                found.extend(_walk(sub, f"{path}[]."))
            else:
                found.extend(_walk(sub, f"{path}."))
            continue
        kind, choices = _kind(field.annotation)
        if kind == "text" and any(getattr(m, "pattern", None) == COUNTRY_PATTERN for m in field.metadata):
            kind = "country"
        found.append(
            FactInfo(path, field.description or "", kind, choices, finding=bool(extra.get("x-finding")))
        )
    return found


@cache
def catalogue() -> dict[str, FactInfo]:
    """Every fact path of ``case/1``, in the order of the format."""
    return {info.path: info for info in _walk(Case, "")}


def suggest(path: str) -> str | None:
    close = difflib.get_close_matches(path, list(catalogue()), n=1, cutoff=0.6)
    return close[0] if close else None
