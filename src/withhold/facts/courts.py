"""The immigration courts and the federal circuit each sits in (``courts.yaml``, shipped with the package
with its sources named: nothing is fetched), and the court a person means by what they type.

A person writes their court as their hearing notice or their memory gives it: "Houston", "Houston, TX",
"houston immigration court", "Corte de Inmigración de Houston", or EOIR's own name. Matching folds case,
accents and punctuation, drops the words "immigration court" (and their Spanish), and reads a trailing
state ("…, TX", "…, Texas") as a condition, never as the answer. What a text names is, in this order:

1. the court whose full name it is, as EOIR writes it ("Houston Immigration Court");
2. else the courts whose name without "Immigration Court", other name (``also``) or city it is:
   "Houston" and "Corte de Inmigración de Houston" name the three Houston courts, "Gessner" one of them;
3. else, a state or territory alone names every court in it ("Puerto Rico", "Hawaii").

A text naming several courts names no one court (:func:`court_named` is None), but it can still give the
circuit (:func:`circuit_of`) when they all share one: every Houston court is in the Fifth Circuit. An
adjudication center gives none: its judges hear, by video, cases docketed at courts elsewhere.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal, get_args

from withhold.facts.case import Circuit
from withhold.package_data import validated

CIRCUITS: tuple[str, ...] = get_args(Circuit)
CourtKind = Literal["court", "adjudication_center"]


@dataclass(frozen=True)
class State:
    code: str
    """The US Postal Service code (TX, PR, MP)."""
    en: str
    es: str
    circuit: str
    """The circuit its federal district court belongs to (28 U.S.C. 41; 48 U.S.C. 1821–1824 for the
    Northern Mariana Islands)."""


@dataclass(frozen=True)
class Court:
    name: str
    """As EOIR writes it: "Houston - S. Gessner Road Immigration Court"."""
    city: str
    state: str
    """A :class:`State` code."""
    circuit: str
    kind: CourtKind = "court"
    also: tuple[str, ...] = ()
    """Other names a person may type for it."""
    former: bool = False
    """It has closed; still matched (a case file may name it), never offered."""

    @property
    def gives_circuit(self) -> bool:
        """Whether a case in this court is in the circuit where the court sits: not at an adjudication
        center, whose judges hear cases from other courts' dockets by video (the circuit is where the
        proceedings are completed, INA 242(b)(2): the attorney gives it)."""
        return self.kind == "court"


@dataclass(frozen=True)
class _Table:
    states: dict[str, State]
    courts: tuple[Court, ...]


@cache
def _table() -> _Table:
    return parse(resources.files("withhold.facts").joinpath("courts.yaml").read_text(encoding="utf-8"))


def states() -> dict[str, State]:
    """Every state, territory and the District of Columbia, by code."""
    return _table().states


def courts(*, include_former: bool = False) -> tuple[Court, ...]:
    """The immigration courts, by state then name (what to offer a person choosing one: the courts that
    sit today, unless ``include_former``)."""
    return tuple(c for c in _table().courts if include_former or not c.former)


def courts_named(text: str) -> tuple[Court, ...]:
    """Every court ``text`` may name (see the module's docstring), closed ones included; none when it names
    no court Withhold knows."""
    query = _query(text)
    if query is None:
        return ()
    body, state = query
    exact = _names().get(_plain(text.rsplit(",", 1)[0] if state and "," in text else text))
    if exact is not None and (state is None or exact.state == state):
        return (exact,)
    found = _keys().get(body, ())
    if not found and state is None:
        found = _by_state().get(_state_names().get(body, ""), ())
    return tuple(court for court in found if state is None or court.state == state)


def court_named(text: str) -> Court | None:
    """The one court ``text`` names, or None (no court, or several: "Houston")."""
    found = courts_named(text)
    return found[0] if len(found) == 1 else None


def circuit_of(text: str) -> str | None:
    """The circuit of the court ``text`` names (one of :data:`CIRCUITS`), or None: no court known, courts
    in different circuits, or an adjudication center."""
    found = courts_named(text)
    if not found or not all(court.gives_circuit for court in found):
        return None
    circuits = {court.circuit for court in found}
    return circuits.pop() if len(circuits) == 1 else None


# --- matching ----------------------------------------------------------------------------------------

_FILLER = re.compile(
    r"\b(?:(?:la |el )?(?:corte|tribunal) de inmigracion(?: de| en)?|immigration court"
    r"|(?:immigration )?adjudication center|eoir)\b"
)
_LEADING = ("the ",)
_ABBREVIATIONS = {"rd": "road", "blvd": "boulevard", "ave": "avenue", "dr": "drive"}
_MAX_QUERY = 300
"""Longer than any court's name with its state: not a court (and not worth folding)."""


def _folded(text: str) -> str:
    """Lower case, no accents, punctuation as spaces (commas kept), blanks collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    spaced = re.sub(r"[^\w,]+", " ", plain)
    return " ".join(spaced.split())


def _words(text: str) -> str:
    """A folded part of a text as matching keys are written: no filler, common abbreviations spelled
    out."""
    words = _FILLER.sub(" ", text.replace(",", " ")).split()
    while words and f"{words[0]} " in _LEADING:
        words.pop(0)
    return _spelled(words)


def _spelled(words: list[str]) -> str:
    """Common abbreviations spelled out ("Rd." → road; "St." only at the end, where it is a street, not a
    saint)."""
    spelled = [_ABBREVIATIONS.get(word, word) for word in words]
    if len(spelled) > 1 and spelled[-1] == "st":
        spelled[-1] = "street"
    return " ".join(spelled)


def _plain(text: str) -> str:
    """A whole text folded, filler kept: how a court's full name is compared."""
    return _spelled(_folded(text).replace(",", " ").split())


def _key(text: str) -> str:
    return _words(_folded(text))


def _query(text: str) -> tuple[str, str | None] | None:
    """What a typed text asks for: the words naming a court, and the state it must be in (or None)."""
    if not text.strip() or len(text) > _MAX_QUERY:
        return None
    parts = [part.strip() for part in _folded(text).split(",") if part.strip()]
    if not parts:
        return None
    names = _state_names()
    if len(parts) > 1 and _words(parts[-1]) in names:
        return _words(" ".join(parts[:-1])), names[_words(parts[-1])]
    body = _words(" ".join(parts))
    words = body.split()
    for size in (3, 2, 1):  # "Houston TX", "Buffalo New York", "Saipan Northern Mariana Islands"
        if len(words) > size and " ".join(words[-size:]) in names:
            return " ".join(words[:-size]), names[" ".join(words[-size:])]
    return (body, None) if body else None


@cache
def _state_names() -> dict[str, str]:
    """Each state's code and names, folded, to its code."""
    found: dict[str, str] = {}
    for code, state in states().items():
        for spelling in (code, state.en, state.es):
            found.setdefault(_key(spelling), code)
    return found


@cache
def _keys() -> dict[str, tuple[Court, ...]]:
    """Each court's name (without "Immigration Court"), other names and city, folded, to the courts."""
    found: dict[str, list[Court]] = {}
    for court in _table().courts:
        for spelling in {court.name, court.city, *court.also}:
            bucket = found.setdefault(_key(spelling), [])
            if court not in bucket:
                bucket.append(court)
    return {key: tuple(value) for key, value in found.items()}


@cache
def _names() -> dict[str, Court]:
    """Each court's full name, folded: typed as EOIR writes it, it names that court alone ("San Diego
    Immigration Court", though Otay Mesa's court is in San Diego too)."""
    return {_plain(court.name): court for court in _table().courts}


@cache
def _by_state() -> dict[str, tuple[Court, ...]]:
    found: dict[str, list[Court]] = {}
    for court in _table().courts:
        found.setdefault(court.state, []).append(court)
    return {key: tuple(value) for key, value in found.items()}


# --- loading ---------------------------------------------------------------------------------------


def parse(text: str) -> _Table:
    """The courts file's YAML ``text`` checked (:class:`~withhold.facts.courts_file.CourtsFile`) and its
    table built; :class:`~withhold.package_data.DataFileError` lists every problem with its line (an
    unknown state, a circuit that is not the state's, a name given twice)."""
    from withhold.facts.courts_file import CourtsFile  # built only when a court is looked up

    read = validated(CourtsFile, text, "withhold/facts/courts.yaml")
    return _Table(
        {code: State(code, state.en, state.es, state.circuit) for code, state in read.states.items()},
        tuple(
            Court(c.name, c.city, c.state, c.circuit, c.kind, tuple(c.also), c.former) for c in read.courts
        ),
    )
