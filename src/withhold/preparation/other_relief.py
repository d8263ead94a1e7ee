"""Other relief to look into: flags for a lawyer, each with the facts that raised it.

Whether the facts point to a relief is the law's (:mod:`withhold.law.other_relief`): each relief's rule is
true (the flag is ``indicated``), unknown (``ask``: a deciding fact is still unknown) or false (no flag: a
fact recorded as false, or a date, rules the pointer out; an unknown fact never does). No flag, and no
absence of a flag, says that a person does not qualify. This module only presents what the rules found:
the flags in order, and for each the sentences of its ``why``, picked from the rules' traces.

The texts are package data (``other_relief.yaml``), English and Spanish side by side, read once into
:class:`ReliefTexts`, which declares the sentences each flag's ``why`` must have and the placeholders the
code fills. Every TPS flag is volatile and says to confirm the designation at uscis.gov/tps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, StrictBool

from withhold.facts.case import Case
from withhold.facts.source import CaseFacts
from withhold.language import Localized, LocalizedText, placeholder_problems
from withhold.law.other_relief import cancellation, designations, juvenile, tps, victims
from withhold.law.other_relief.catalogue import OTHER_RELIEF
from withhold.logic import UNKNOWN, Evaluation, Rule, Trace
from withhold.logic.dated import Text
from withhold.package_data import read_model
from withhold.parameters import load as load_parameters
from withhold.preparation.sentences import Reason, compose

FlagState = Literal["indicated", "ask"]
STATES: tuple[FlagState, ...] = ("indicated", "ask")
"""How a flag is shown: its rule true (indicated) or unknown (ask); a false rule shows no flag."""


@dataclass(frozen=True)
class ReliefFlag:
    id: str
    name: Localized
    state: FlagState
    why: Localized
    """The facts that raised it, or what to ask."""
    what_to_check: Localized
    authority: str
    raised_by: tuple[str, ...]
    volatile: StrictBool
    """The law behind it changes often (TPS designations): check before relying on it."""


# --- the texts -------------------------------------------------------------------------------------------


def _fills(*names: str) -> AfterValidator:
    """A sentence may use only these placeholders (the ones the code fills)."""
    allowed = frozenset(names)

    def check(text: Localized) -> Localized:
        problems = placeholder_problems(text, allowed)
        if problems:
            raise ValueError("; ".join(problems))
        return text

    return AfterValidator(check)


Plain = Annotated[LocalizedText, _fills()]
Presence = Annotated[LocalizedText, _fills("since", "years", "as_of")]
InEffect = Annotated[LocalizedText, _fills("country", "as_of", "until", "note", "authority")]
TurnsTwentyOne = Annotated[LocalizedText, _fills("turns_21")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Why(_Model):
    """The sentences of one flag's ``why``: exactly the ones its presentation below says."""

    def sentences(self) -> dict[str, Localized]:
        return dict(self)


class CancellationWhy(_Why):
    presence: Presence
    presence_lower_bound: Presence
    spouse_citizen: Plain
    child_citizen: Plain
    relative_reported: Plain
    ask_presence: Plain
    ask_relative: Plain


class TpsWhy(_Why):
    designated: InEffect
    termination_blocked: InEffect
    terminated: Annotated[LocalizedText, _fills("country", "until", "note", "authority")]
    unknown: Annotated[LocalizedText, _fills("country", "until", "status", "note")]
    ask_nationality: Plain


class ReportedWhy(_Why):
    indicated: Plain
    ask: Plain


class JuvenileWhy(_Why):
    indicated: TurnsTwentyOne
    under_21: TurnsTwentyOne
    abuse_reported: Plain
    ask_age: Plain
    ask_abuse: Plain


class _Flag(_Model):
    name: LocalizedText
    """The relief, as a lawyer names it."""
    authority: Text
    """Statute and regulations (citations: not translated)."""
    volatile: StrictBool
    what_to_check: LocalizedText
    why: _Why


class CancellationText(_Flag):
    why: CancellationWhy


class TpsText(_Flag):
    why: TpsWhy


class ReportedText(_Flag):
    why: ReportedWhy


class JuvenileText(_Flag):
    why: JuvenileWhy


class Flags(_Model):
    """Every flag's texts, in the order flags of one state are shown."""

    cancellation_of_removal: CancellationText
    temporary_protected_status: TpsText
    u_visa: ReportedText
    t_visa: ReportedText
    special_immigrant_juvenile: JuvenileText
    vawa_self_petition: ReportedText


class TpsStatuses(_Model):
    """How a designation's status reads in a sentence."""

    designated: LocalizedText
    termination_blocked: LocalizedText
    terminated: LocalizedText


class ReliefTexts(_Model):
    flags: Flags
    statuses: TpsStatuses


@cache
def load() -> ReliefTexts:
    """The flags' texts (read and checked once)."""
    return read_model(ReliefTexts, __package__, "other_relief.yaml")


# --- the flags -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Said:
    """What a flag says for one case: its sentences with their values, and the facts that raised it."""

    reasons: tuple[Reason, ...]
    raised_by: tuple[str, ...]
    authority: str = ""
    """Authority for this case beyond the flag's own (a TPS designation's notices)."""


def other_relief(case: Case, as_of: dt.date) -> tuple[ReliefFlag, ...]:
    """The flags for ``case`` on ``as_of``: ``indicated`` first, then ``ask``, each in the order of
    :class:`Flags`."""
    texts = load()
    evaluation = Evaluation(CaseFacts(case), as_of, load_parameters())
    order = list(Flags.model_fields)
    flags: list[ReliefFlag] = []
    for flag_id, relief in OTHER_RELIEF:
        value, trace = evaluation.evaluate(relief)
        if value.value is False:
            continue
        state: FlagState = "indicated" if value.value is True else "ask"
        text: _Flag = getattr(texts.flags, flag_id)
        said = _SAYS[flag_id](trace, as_of, texts)
        flags.append(
            ReliefFlag(
                id=flag_id,
                name=text.name,
                state=state,
                why=compose(text.why.sentences(), said.reasons),
                what_to_check=text.what_to_check,
                authority=f"{text.authority}; {said.authority}" if said.authority else text.authority,
                raised_by=said.raised_by,
                volatile=text.volatile,
            )
        )
    flags.sort(key=lambda f: (STATES.index(f.state), order.index(f.id)))
    return tuple(flags)


def _node(trace: Trace, rule: Rule) -> Trace:
    for node in trace.walk():
        if node.rule == rule.id:
            return node
    raise LookupError(f"{rule.id} is not in the trace of {trace.rule}")


def _fact(node: Trace, path: str) -> Any:
    """The value ``node`` read for ``path`` (UNKNOWN when unknown, None when it did not read it)."""
    return dict(node.facts).get(path)


def _cancellation(trace: Trace, as_of: dt.date, _: ReliefTexts) -> _Said:
    since_path, arrival_path = "other_relief.continuous_presence_since", "entry.last_arrival_date"
    recorded = _node(trace, cancellation.years_present)
    since_arrival = _node(trace, cancellation.years_since_last_arrival)
    reasons: list[Reason] = []
    asks: list[Reason] = []
    raised_by: list[str] = []
    if recorded.known:
        raised_by.append(since_path)
        since = _fact(recorded, since_path)
        reasons.append(("presence", _presence(since, recorded.value, as_of)))
    elif _node(trace, cancellation.ten_years).value is True:
        raised_by.append(arrival_path)
        arrival = _fact(since_arrival, arrival_path)
        reasons.append(("presence_lower_bound", _presence(arrival, since_arrival.value, as_of)))
    else:
        raised_by.append(since_path)
        if since_arrival.known:
            raised_by.append(arrival_path)
        asks.append(("ask_presence", {}))

    if _node(trace, cancellation.citizen_spouse).value is True:
        reasons.append(("spouse_citizen", {}))
        raised_by.append("family.spouse.nationality")
    children = sorted(
        node.item
        for node in trace.walk()
        if node.rule == cancellation.citizen_child.id and node.value is True and node.item is not None
    )
    if children:
        reasons.append(("child_citizen", {}))
        raised_by.extend(f"family.children[{index}].nationality" for index in dict.fromkeys(children))
    relative = _node(trace, cancellation.qualifying_relative)
    reported = _fact(relative, "other_relief.qualifying_relative")
    if reported is True:
        reasons.append(("relative_reported", {}))
    if reported is not UNKNOWN or relative.value is not True:
        raised_by.append("other_relief.qualifying_relative")
    if relative.value is not True:
        asks.append(("ask_relative", {}))
    return _Said(tuple(reasons + asks), tuple(raised_by))


def _presence(since: dt.date, years: int, as_of: dt.date) -> dict[str, object]:
    return {"since": since.isoformat(), "years": years, "as_of": as_of.isoformat()}


def _tps(trace: Trace, as_of: dt.date, texts: ReliefTexts) -> _Said:
    country = _node(trace, tps.country)
    if _fact(country, "person.stateless") is True:
        raised_by: tuple[str, ...] = ("person.stateless", "person.last_habitual_residence")
    else:
        raised_by = ("person.nationality",)
    found = (
        designations.reading(designations.designations(), str(country.value), as_of)
        if country.known
        else None
    )
    if found is None:
        return _Said((("ask_nationality", {}),), raised_by)
    period = found.period
    values: dict[str, object] = {
        "country": found.country.name,
        "until": period.until.isoformat(),
        "note": period.note,
    }
    if not found.current:
        values["status"] = getattr(texts.statuses, period.status)
        return _Said((("unknown", values),), raised_by, period.reference)
    values["authority"] = period.reference
    if period.status != "terminated":
        values["as_of"] = as_of.isoformat()
    return _Said(((period.status, values),), raised_by, period.reference)


def _reported(path: str) -> Callable[[Trace, dt.date, ReliefTexts], _Said]:
    """A flag one fact raises: the sentence for the state, and that fact."""

    def say(trace: Trace, _: dt.date, __: ReliefTexts) -> _Said:
        return _Said((("indicated" if trace.value is True else "ask", {}),), (path,))

    return say


def _special_immigrant_juvenile(trace: Trace, _: dt.date, __: ReliefTexts) -> _Said:
    abuse_path = "other_relief.abused_abandoned_or_neglected"
    raised_by = ("person.date_of_birth", abuse_path)
    turns_21 = _node(trace, juvenile.turns_21)
    last_day = {"turns_21": turns_21.value.isoformat()} if turns_21.known else {}
    if trace.value is True:
        return _Said((("indicated", last_day),), raised_by)
    abuse = _fact(trace, abuse_path)
    reasons: list[Reason] = []
    if turns_21.known:
        reasons.append(("under_21", last_day))
    if abuse is True:
        reasons.append(("abuse_reported", {}))
    if not turns_21.known:
        reasons.append(("ask_age", {}))
    if abuse is UNKNOWN:
        reasons.append(("ask_abuse", {}))
    return _Said(tuple(reasons), raised_by)


_SAYS: Mapping[str, Callable[[Trace, dt.date, ReliefTexts], _Said]] = {
    "cancellation_of_removal": _cancellation,
    "temporary_protected_status": _tps,
    "u_visa": _reported(victims.u_visa.reads[0]),
    "t_visa": _reported(victims.t_visa.reads[0]),
    "special_immigrant_juvenile": _special_immigrant_juvenile,
    "vawa_self_petition": _reported(victims.vawa_self_petition.reads[0]),
}
"""How each flag says why it is raised, by its id (the ids of :data:`OTHER_RELIEF`)."""
