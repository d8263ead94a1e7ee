"""``courts.yaml`` declared (:class:`CourtsFile`): every state with its circuit, every court in a state of
them and in that state's circuit (28 U.S.C. 41), no court named twice. Its own module, read only when a
court is first looked up: a screening that names its circuit never builds it."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictStr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from withhold.facts.case import Circuit
from withhold.facts.courts import CourtKind

Name = Annotated[StrictStr, Field(min_length=1, pattern=r"\S")]
_CONFIG = ConfigDict(extra="forbid", frozen=True)


def _a_code(code: str) -> str:
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise ValueError("expected a two-letter code in capitals")
    return code


class StateEntry(BaseModel):
    model_config = _CONFIG

    en: Name
    es: Name
    circuit: Circuit


class CourtEntry(BaseModel):
    """One court; its state and circuit are checked against the file's states (gathered first, by
    :meth:`CourtsFile.gather_states`)."""

    model_config = _CONFIG

    name: Name
    city: Name
    state: StrictStr
    circuit: StrictStr
    kind: CourtKind = "court"
    also: list[Name] = []
    former: StrictBool = False

    @field_validator("name")
    @classmethod
    def _named_once(cls, name: str, info: ValidationInfo) -> str:
        # Each reading has its own context (validated copies it): the names read so far.
        seen: set[str] = (info.context if info.context is not None else {}).setdefault("names", set())
        if name in seen:
            raise ValueError(f"{name}: given twice")
        seen.add(name)
        return name

    @field_validator("state")
    @classmethod
    def _a_state(cls, state: str, info: ValidationInfo) -> str:
        if state not in _states(info):
            raise ValueError(f"{state!r} is not a code of states")
        return state

    @field_validator("circuit")
    @classmethod
    def _the_states_circuit(cls, circuit: str, info: ValidationInfo) -> str:
        state = _states(info).get(info.data.get("state", ""))
        if state is not None and circuit != state.get("circuit"):
            raise ValueError(
                f"{circuit!r}, but {state.get('en')} is in circuit {state.get('circuit')} (28 U.S.C. 41)"
            )
        return circuit


def _states(info: ValidationInfo) -> dict[str, dict[str, Any]]:
    states: dict[str, dict[str, Any]] = (info.context or {}).get("states", {})
    return states


class CourtsFile(BaseModel):
    model_config = _CONFIG

    states: dict[Annotated[str, AfterValidator(_a_code)], StateEntry]
    courts: list[CourtEntry]

    @model_validator(mode="before")
    @classmethod
    def gather_states(cls, raw: Any, info: ValidationInfo) -> Any:
        """The states as written, so each court is checked against them where it is written."""
        if isinstance(raw, dict) and isinstance(raw.get("states"), dict) and info.context is not None:
            info.context["states"] = {
                str(code): body for code, body in raw["states"].items() if isinstance(body, dict)
            }
        return raw
