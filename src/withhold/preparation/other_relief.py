"""Other relief to look into: flags for a lawyer, each with the facts that raised it.

Beyond the four protections, a person in removal proceedings may have other relief: cancellation of removal
for nonpermanent residents (INA 240A(b)(1)), Temporary Protected Status (INA 244), a U visa for victims of
crime (INA 101(a)(15)(U)), a T visa for victims of trafficking (INA 101(a)(15)(T)), special immigrant juvenile
status (INA 101(a)(27)(J)) and a VAWA self-petition (INA 204(a)(1)). These are not screened here: a flag only
says that the facts point to the relief (``indicated``), or that the fact deciding whether to look is still
unknown (``ask``: the question a lawyer should ask). A fact recorded as ``false`` keeps a flag quiet; an
unknown one never does. No flag, and no absence of a flag, says that a person does not qualify.

The facts come from the Withhold extension ``other_relief`` of the case format and from ``person``, ``entry``
and ``family``. Ages and years count by anniversaries; a February 29 anniversary falls on March 1 in a common
year (the later, safer day for an earliest date: ``deadlines.calendar.add_years``), so a person born on
February 29 is under 21 until March 1, and ten years from February 29 end on March 1.

TPS designations changed many times in 2025–2026 and kept changing in court; since Mullin v. Doe, No. 25-1083
(U.S. June 25, 2026), most terminations can no longer be reviewed. They are package data here
(``other_relief.yaml``): dated periods per country, each with its Federal Register notices or court orders
and how it was verified, read for the evaluation date. Every TPS flag is volatile and says to confirm the
designation at uscis.gov/tps; a date past the last period known here gives ``ask`` with the last status
known, never a guess. The texts are in English and Spanish side by side, read and checked once when first
used; nothing else here does I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from withhold.facts.case import Case
from withhold.language import Localized, read_localized
from withhold.law.time.calendar import add_years
from withhold.package_data import check_fields, read_yaml
from withhold.preparation.sentences import compose, read_sentences

FlagState = Literal["indicated", "ask"]
STATES: tuple[FlagState, ...] = ("indicated", "ask")

TPS_STATUSES = ("designated", "termination_blocked", "terminated")
"""``termination_blocked``: a termination was announced, but a court order keeps TPS in effect."""
CONFIDENCES = ("official", "secondary")

US = "US"
"""A relative whose nationality is the United States is a US citizen."""


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
    volatile: bool
    """The law behind it changes often (TPS designations): check before relying on it."""


@dataclass(frozen=True)
class ReliefText:
    """One flag as package data: its texts, and the sentences its ``why`` is built from."""

    id: str
    name: Localized
    authority: str
    volatile: bool
    what_to_check: Localized
    why: Mapping[str, Localized]


@dataclass(frozen=True)
class TpsPeriod:
    start: dt.date
    end: dt.date
    """Both inclusive: the first and last day the status is known to hold."""
    status: str
    note: Localized
    """What happened, in plain language."""
    authority: str
    """Citations only (language-neutral)."""
    confidence: str


@dataclass(frozen=True)
class TpsReading:
    period: TpsPeriod
    current: bool
    """True when the day falls in ``period``; False when it falls after it, where nothing is known."""


@dataclass(frozen=True)
class TpsCountry:
    code: str
    name: Localized
    periods: tuple[TpsPeriod, ...]

    def on(self, day: dt.date) -> TpsReading | None:
        """The period holding on ``day``, or the last one before it when ``day`` falls in a gap or after
        the end; ``None`` before the first period (not designated then)."""
        last: TpsPeriod | None = None
        for period in self.periods:
            if period.start <= day <= period.end:
                return TpsReading(period, current=True)
            if period.end < day:
                last = period
        return None if last is None else TpsReading(last, current=False)


@dataclass(frozen=True)
class TpsTable:
    statuses: Mapping[str, Localized]
    countries: Mapping[str, TpsCountry]


@dataclass(frozen=True)
class ReliefData:
    flags: Mapping[str, ReliefText]
    tps: TpsTable


# The sentences each flag's ``why`` is built from, with the placeholders the code fills in. The data must
# have exactly these.
WHY: dict[str, dict[str, frozenset[str]]] = {
    "cancellation_of_removal": {
        "presence": frozenset({"since", "years", "as_of"}),
        "presence_lower_bound": frozenset({"since", "years", "as_of"}),
        "spouse_citizen": frozenset(),
        "child_citizen": frozenset(),
        "relative_reported": frozenset(),
        "ask_presence": frozenset(),
        "ask_relative": frozenset(),
    },
    "temporary_protected_status": {
        "designated": frozenset({"country", "as_of", "until", "note", "authority"}),
        "termination_blocked": frozenset({"country", "as_of", "until", "note", "authority"}),
        "terminated": frozenset({"country", "until", "note", "authority"}),
        "unknown": frozenset({"country", "until", "status", "note"}),
        "ask_nationality": frozenset(),
    },
    "u_visa": {"indicated": frozenset(), "ask": frozenset()},
    "t_visa": {"indicated": frozenset(), "ask": frozenset()},
    "special_immigrant_juvenile": {
        "indicated": frozenset({"turns_21"}),
        "under_21": frozenset({"turns_21"}),
        "abuse_reported": frozenset(),
        "ask_age": frozenset(),
        "ask_abuse": frozenset(),
    },
    "vawa_self_petition": {"indicated": frozenset(), "ask": frozenset()},
}

_FLAG_FIELDS = ("name", "authority", "volatile", "what_to_check", "why")
_TPS_FIELDS = ("statuses", "countries")
_COUNTRY_FIELDS = ("name", "periods")
_PERIOD_FIELDS = ("from", "until", "status", "note", "authority", "confidence")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


# --- the flags -------------------------------------------------------------------------------------

Value = str | int | Localized
"""A placeholder's value; a :class:`Localized` one is filled per language (a country's name)."""


@dataclass(frozen=True)
class _Raised:
    id: str
    state: FlagState
    reasons: tuple[tuple[str, dict[str, Value]], ...]
    raised_by: tuple[str, ...]
    authority: str = ""
    """Authority for this case beyond the flag's own (a TPS designation's notices)."""


def other_relief(case: Case, as_of: dt.date, data: ReliefData | None = None) -> tuple[ReliefFlag, ...]:
    """The flags for ``case`` on ``as_of``: ``indicated`` first, then ``ask``, each in the order of
    ``other_relief.yaml``. ``data`` defaults to the package data."""
    relief = load() if data is None else data
    raised = [found for check in _CHECKS if (found := check(case, as_of, relief.tps)) is not None]
    order = list(relief.flags)
    raised.sort(key=lambda r: (STATES.index(r.state), order.index(r.id)))
    return tuple(_flag(r, relief.flags[r.id]) for r in raised)


def _flag(raised: _Raised, text: ReliefText) -> ReliefFlag:
    authority = f"{text.authority}; {raised.authority}" if raised.authority else text.authority
    return ReliefFlag(
        id=raised.id,
        name=text.name,
        state=raised.state,
        why=compose(text.why, raised.reasons),
        what_to_check=text.what_to_check,
        authority=authority,
        raised_by=raised.raised_by,
        volatile=text.volatile,
    )


def full_years(start: dt.date, day: dt.date) -> int:
    """Whole years from ``start`` to ``day`` (anniversaries reached; negative when ``day`` is earlier)."""
    years = day.year - start.year
    return years if add_years(start, years, leap_day_later=True) <= day else years - 1


def turns_21(birth: dt.date) -> dt.date:
    """The 21st birthday: from that day the person is no longer under 21."""
    return add_years(birth, 21, leap_day_later=True)


def _cancellation(case: Case, as_of: dt.date, _: TpsTable) -> _Raised | None:
    """INA 240A(b)(1): ten years of continuous physical presence and a US-citizen or permanent-resident
    spouse, parent or child. Presence counts to ``as_of``; the stop-time rule (the notice to appear) may
    end it earlier, which the flag tells the lawyer to check. The last arrival is a lower bound on
    presence: ten years since it raise the flag; fewer leave presence open (earlier years count if the trips
    abroad were short, INA 240A(d)(2))."""
    reasons: list[tuple[str, dict[str, Value]]] = []
    asks: list[tuple[str, dict[str, Value]]] = []
    raised_by: list[str] = []
    since = case.other_relief.continuous_presence_since
    arrival = case.entry.last_arrival_date
    presence: bool | None
    if since is not None:
        raised_by.append("other_relief.continuous_presence_since")
        presence = full_years(since, as_of) >= 10
        values: dict[str, Value] = {
            "since": since.isoformat(),
            "years": full_years(since, as_of),
            "as_of": as_of.isoformat(),
        }
        reasons.append(("presence", values))
    elif arrival is not None and full_years(arrival, as_of) >= 10:
        raised_by.append("entry.last_arrival_date")
        presence = True
        values = {
            "since": arrival.isoformat(),
            "years": full_years(arrival, as_of),
            "as_of": as_of.isoformat(),
        }
        reasons.append(("presence_lower_bound", values))
    else:
        presence = None
        raised_by.append("other_relief.continuous_presence_since")
        if arrival is not None:
            raised_by.append("entry.last_arrival_date")
        asks.append(("ask_presence", {}))
    if presence is False:
        return None

    relative = False
    spouse = case.family.spouse
    if spouse is not None and spouse.nationality == US:
        relative = True
        reasons.append(("spouse_citizen", {}))
        raised_by.append("family.spouse.nationality")
    citizen_children = [
        index
        for index, child in enumerate(case.family.children or [])
        if child.nationality == US
        and child.married is not True
        and (child.date_of_birth is None or as_of < turns_21(child.date_of_birth))
    ]
    if citizen_children:
        relative = True
        reasons.append(("child_citizen", {}))
        raised_by.extend(f"family.children[{index}].nationality" for index in citizen_children)
    reported = case.other_relief.qualifying_relative
    if reported is True:
        relative = True
        reasons.append(("relative_reported", {}))
    if reported is not None or not relative:
        raised_by.append("other_relief.qualifying_relative")
    if not relative:
        if reported is False:
            return None
        asks.append(("ask_relative", {}))

    state: FlagState = "indicated" if presence is True and relative else "ask"
    return _Raised("cancellation_of_removal", state, tuple(reasons + asks), tuple(raised_by))


def _tps(case: Case, as_of: dt.date, table: TpsTable) -> _Raised | None:
    """INA 244(a)(1): nationals of a designated country, or stateless people who last habitually resided
    there."""
    person = case.person
    if person.stateless is True:
        code = person.last_habitual_residence
        raised_by: tuple[str, ...] = ("person.stateless", "person.last_habitual_residence")
    else:
        code = person.nationality
        raised_by = ("person.nationality",)
    flag = "temporary_protected_status"
    if code is None:
        return _Raised(flag, "ask", (("ask_nationality", {}),), raised_by)
    country = table.countries.get(code)
    reading = country.on(as_of) if country is not None else None
    if country is None or reading is None:
        return None
    period = reading.period
    if not reading.current:
        values: dict[str, Value] = {
            "country": country.name,
            "until": period.end.isoformat(),
            "status": table.statuses[period.status],
            "note": period.note,
        }
        return _Raised(flag, "ask", (("unknown", values),), raised_by, period.authority)
    values = {
        "country": country.name,
        "until": period.end.isoformat(),
        "note": period.note,
        "authority": period.authority,
    }
    if period.status == "terminated":
        return _Raised(flag, "ask", (("terminated", values),), raised_by, period.authority)
    values["as_of"] = as_of.isoformat()
    return _Raised(flag, "indicated", ((period.status, values),), raised_by, period.authority)


def _reported(flag: str, path: str) -> Callable[[Case, dt.date, TpsTable], _Raised | None]:
    """A flag raised by one yes-or-no fact of ``other_relief``: indicated when true, ask when unknown."""
    name = path.split(".")[-1]

    def check(case: Case, _: dt.date, __: TpsTable) -> _Raised | None:
        answer = getattr(case.other_relief, name)
        if answer is False:
            return None
        if answer is True:
            return _Raised(flag, "indicated", (("indicated", {}),), (path,))
        return _Raised(flag, "ask", (("ask", {}),), (path,))

    return check


def _special_immigrant_juvenile(case: Case, as_of: dt.date, _: TpsTable) -> _Raised | None:
    """INA 101(a)(27)(J); 8 CFR 204.11(b)(1): under 21 when the petition is filed. From the 21st birthday the
    flag is not raised (unless a petition was already filed, which the case does not record)."""
    birth = case.person.date_of_birth
    abuse = case.other_relief.abused_abandoned_or_neglected
    raised_by = ("person.date_of_birth", "other_relief.abused_abandoned_or_neglected")
    last_day = turns_21(birth) if birth is not None else None
    if (last_day is not None and as_of >= last_day) or abuse is False:
        return None
    if last_day is not None and abuse is True:
        values: dict[str, Value] = {"turns_21": last_day.isoformat()}
        return _Raised("special_immigrant_juvenile", "indicated", (("indicated", values),), raised_by)
    reasons: list[tuple[str, dict[str, Value]]] = []
    if last_day is not None:
        reasons.append(("under_21", {"turns_21": last_day.isoformat()}))
    if abuse is True:
        reasons.append(("abuse_reported", {}))
    if last_day is None:
        reasons.append(("ask_age", {}))
    if abuse is None:
        reasons.append(("ask_abuse", {}))
    return _Raised("special_immigrant_juvenile", "ask", tuple(reasons), raised_by)


_CHECKS: tuple[Callable[[Case, dt.date, TpsTable], _Raised | None], ...] = (
    _cancellation,
    _tps,
    _reported("u_visa", "other_relief.crime_victim"),
    _reported("t_visa", "other_relief.trafficking_victim"),
    _special_immigrant_juvenile,
    _reported("vawa_self_petition", "other_relief.abused_by_citizen_or_resident_relative"),
)


# --- loading and checking --------------------------------------------------------------------------


@cache
def load() -> ReliefData:
    """The flags' texts and the TPS designations (read once)."""
    return parse(read_yaml(__package__, "other_relief.yaml"))


def parse(raw: Any) -> ReliefData:
    """Check the data read from YAML. Raises ``ValueError`` listing every problem as ``entry: field: what
    is wrong`` (a missing translation, an unknown field or status, a placeholder the code does not fill, a
    TPS period out of order)."""
    if not isinstance(raw, dict) or set(raw) != {"flags", "tps"}:
        raise ValueError("other_relief.yaml: expected a mapping with flags and tps")
    problems: list[str] = []
    flags = _flags(raw["flags"], problems)
    tps = _tps_table(raw["tps"], problems)
    if problems or tps is None:
        raise ValueError("other_relief.yaml is not valid:\n  " + "\n  ".join(problems))
    return ReliefData(flags, tps)


def _flags(raw: Any, problems: list[str]) -> dict[str, ReliefText]:
    if not isinstance(raw, dict):
        problems.append("flags: expected a mapping of flag ids to their texts")
        return {}
    for name in WHY:
        if name not in raw:
            problems.append(f"flags: {name}: missing (the code raises this flag)")
    found: dict[str, ReliefText] = {}
    for name, body in raw.items():
        if name not in WHY:
            problems.append(f"flags: {name}: unknown flag; expected one of {', '.join(WHY)}")
            continue
        text = _flag_text(str(name), body, problems)
        if text is not None:
            found[text.id] = text
    return found


def _flag_text(name: str, body: Any, problems: list[str]) -> ReliefText | None:
    where = f"flags: {name}"
    before = len(problems)
    if not check_fields(where, body, allowed=_FLAG_FIELDS, required=_FLAG_FIELDS, problems=problems):
        return None
    label = read_localized(f"{where}: name", body.get("name"), problems)
    what_to_check = read_localized(f"{where}: what_to_check", body.get("what_to_check"), problems)
    authority = _text(f"{where}: authority", body.get("authority"), problems)
    volatile = body.get("volatile")
    if not isinstance(volatile, bool):
        problems.append(f"{where}: volatile: expected true or false")
    sentences = read_sentences(f"{where}: why", body.get("why"), problems, expected=WHY[name])
    if len(problems) > before or label is None or what_to_check is None or authority is None:
        return None
    return ReliefText(name, label, authority, bool(volatile), what_to_check, sentences)


def _tps_table(raw: Any, problems: list[str]) -> TpsTable | None:
    before = len(problems)
    if not check_fields("tps", raw, allowed=_TPS_FIELDS, required=_TPS_FIELDS, problems=problems):
        return None
    statuses: dict[str, Localized] = {}
    labels = raw.get("statuses")
    if not isinstance(labels, dict) or set(labels) != set(TPS_STATUSES):
        problems.append(f"tps: statuses: expected a label for each of {', '.join(TPS_STATUSES)}")
    else:
        for status in TPS_STATUSES:
            label = read_localized(f"tps: statuses.{status}", labels[status], problems)
            if label is not None:
                statuses[status] = label
    countries: dict[str, TpsCountry] = {}
    entries = raw.get("countries")
    if not isinstance(entries, dict) or not entries:
        problems.append("tps: countries: expected a mapping of country codes to their periods")
    else:
        for code, body in entries.items():
            country = _country(code, body, problems)
            if country is not None:
                countries[country.code] = country
    if len(problems) > before:
        return None
    return TpsTable(statuses, countries)


def _country(code: Any, body: Any, problems: list[str]) -> TpsCountry | None:
    where = f"tps: countries.{code}"
    if not isinstance(code, str) or not _COUNTRY.match(code):
        # YAML reads an unquoted NO (Norway) as false: quote such codes.
        problems.append(f"{where}: expected an ISO 3166-1 alpha-2 code such as SV (quote NO, ON, YES)")
        return None
    before = len(problems)
    if not check_fields(where, body, allowed=_COUNTRY_FIELDS, required=_COUNTRY_FIELDS, problems=problems):
        return None
    name = read_localized(f"{where}: name", body.get("name"), problems)
    raw_periods = body.get("periods")
    periods: list[TpsPeriod] = []
    if not isinstance(raw_periods, list) or not raw_periods:
        problems.append(f"{where}: periods: expected a list of dated periods")
    else:
        for index, item in enumerate(raw_periods):
            period = _period(f"{where}: periods[{index}]", item, problems)
            if period is None:
                continue
            if periods and period.start <= periods[-1].end:
                problems.append(
                    f"{where}: periods[{index}]: from: {period.start.isoformat()} is not after the previous "
                    f"period's until ({periods[-1].end.isoformat()}); list periods in order, without overlap"
                )
            periods.append(period)
    if len(problems) > before or name is None:
        return None
    return TpsCountry(code, name, tuple(periods))


def _period(where: str, body: Any, problems: list[str]) -> TpsPeriod | None:
    before = len(problems)
    if not check_fields(where, body, allowed=_PERIOD_FIELDS, required=_PERIOD_FIELDS, problems=problems):
        return None
    start = _date(f"{where}: from", body.get("from"), problems)
    end = _date(f"{where}: until", body.get("until"), problems)
    if start is not None and end is not None and end < start:
        problems.append(f"{where}: until: {end.isoformat()} is before from ({start.isoformat()})")
    status = body.get("status")
    if status not in TPS_STATUSES:
        problems.append(f"{where}: status: {status!r} is not one of {', '.join(TPS_STATUSES)}")
    confidence = body.get("confidence")
    if confidence not in CONFIDENCES:
        problems.append(f"{where}: confidence: {confidence!r} is not one of {', '.join(CONFIDENCES)}")
    note = read_localized(f"{where}: note", body.get("note"), problems)
    authority = _text(f"{where}: authority", body.get("authority"), problems)
    if len(problems) > before or start is None or end is None or note is None or authority is None:
        return None
    return TpsPeriod(start, end, str(status), note, authority, str(confidence))


def _text(where: str, value: Any, problems: list[str]) -> str | None:
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: expected text")
        return None
    return value.strip()


def _date(where: str, value: Any, problems: list[str]) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    problems.append(f"{where}: expected a date as YYYY-MM-DD, got {value!r}")
    return None
