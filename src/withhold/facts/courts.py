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
from typing import Any, Literal, get_args

from withhold.facts.case import Circuit
from withhold.package_data import check_fields, read_yaml

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
    return parse(read_yaml(__package__, "courts.yaml"))


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


# --- loading and checking ----------------------------------------------------------------------------

_STATE_FIELDS = ("en", "es", "circuit")
_COURT_FIELDS = ("name", "city", "state", "circuit", "kind", "also", "former")
_COURT_REQUIRED = ("name", "city", "state", "circuit")


def parse(raw: Any) -> _Table:
    """Check the courts file and build its table; ``ValueError`` lists every problem (an unknown state, a
    circuit that is not the state's, a name given twice)."""
    problems: list[str] = []
    if not isinstance(raw, dict) or set(raw) != {"states", "courts"}:
        raise ValueError("courts file: expected a mapping with states and courts")
    found_states = _states(raw["states"], problems)
    found_courts = _courts(raw["courts"], found_states, problems)
    if problems:
        raise ValueError("courts file is not valid:\n  " + "\n  ".join(problems))
    return _Table(found_states, found_courts)


def _states(raw: Any, problems: list[str]) -> dict[str, State]:
    if not isinstance(raw, dict):
        problems.append("states: expected a mapping of codes to states")
        return {}
    found: dict[str, State] = {}
    for code, body in raw.items():
        where = f"states.{code}"
        if not check_fields(where, body, allowed=_STATE_FIELDS, required=_STATE_FIELDS, problems=problems):
            continue
        if not (isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code)):
            problems.append(f"{where}: expected a two-letter code in capitals")
            continue
        if body["circuit"] not in CIRCUITS:
            problems.append(f"{where}: circuit: expected one of {', '.join(CIRCUITS)}")
            continue
        if not all(isinstance(body[name], str) and body[name].strip() for name in ("en", "es")):
            problems.append(f"{where}: expected its name in en and es")
            continue
        found[code] = State(code, body["en"], body["es"], body["circuit"])
    return found


def _courts(raw: Any, known: dict[str, State], problems: list[str]) -> tuple[Court, ...]:
    if not isinstance(raw, list):
        problems.append("courts: expected a list of courts")
        return ()
    found: list[Court] = []
    names: set[str] = set()
    for index, body in enumerate(raw):
        where = f"courts[{index}]"
        if not check_fields(where, body, allowed=_COURT_FIELDS, required=_COURT_REQUIRED, problems=problems):
            continue
        court = _court(where, body, known, problems)
        if court is None:
            continue
        if court.name in names:
            problems.append(f"{where}: {court.name}: given twice")
            continue
        names.add(court.name)
        found.append(court)
    return tuple(found)


def _court(where: str, body: dict[str, Any], known: dict[str, State], problems: list[str]) -> Court | None:
    texts = [body.get(name) for name in ("name", "city")]
    also = body.get("also", [])
    kind = body.get("kind", "court")
    former = body.get("former", False)
    state = known.get(body["state"])
    before = len(problems)
    if not all(isinstance(text, str) and text.strip() for text in texts):
        problems.append(f"{where}: name and city must be texts")
    if not (isinstance(also, list) and all(isinstance(a, str) and a.strip() for a in also)):
        problems.append(f"{where}: also: expected a list of names")
    if kind not in get_args(CourtKind):
        problems.append(f"{where}: kind: expected one of {', '.join(get_args(CourtKind))}")
    if not isinstance(former, bool):
        problems.append(f"{where}: former: expected true or false")
    if state is None:
        problems.append(f"{where}: state: {body['state']!r} is not a code of states")
    elif body["circuit"] != state.circuit:
        problems.append(
            f"{where}: circuit: {body['circuit']!r}, but {state.en} is in circuit {state.circuit} "
            "(28 U.S.C. 41)"
        )
    if len(problems) > before:
        return None
    return Court(
        name=body["name"],
        city=body["city"],
        state=body["state"],
        circuit=body["circuit"],
        kind=kind,
        also=tuple(also),
        former=former,
    )
