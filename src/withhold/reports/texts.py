"""The reports' fixed texts, in English and Spanish side by side (``texts.yaml``), checked when loaded.

Every heading, label, explanation, status word and date word a report prints comes from here; the
templates hold no words of their own. The core's own wording (rule titles, reasons, notes) is English
and is shown as it is in the attorney report; the client report never shows it, so every text the client
reads is here (or in the preparation modules' own bilingual data) in both languages.

Loading checks the whole file and reports every problem at once: a key given twice, a missing or empty
translation, English and Spanish texts with different ``{placeholders}`` or with one the builders never
fill, an unknown field, and any status, protection, deadline or stage of the core left without its words
(so a new deadline cannot reach a client report in English only). The reading and the checks are the
ones every data file uses (:mod:`withhold.package_data`, :func:`withhold.language.read_localized`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

from withhold.language import Language, Localized, read_localized
from withhold.law.deadlines.catalogue import DEADLINES
from withhold.law.deadlines.model import Kind, Standing
from withhold.law.protections import PROTECTIONS
from withhold.logic.protection import Status
from withhold.package_data import check_fields, read_yaml
from withhold.preparation.comparison import CONFIDENCES
from withhold.preparation.comparison import table as comparison_table
from withhold.preparation.evidence import PRIORITIES, ItemStatus
from withhold.preparation.other_relief import STATES
from withhold.preparation.warnings import SEVERITIES
from withhold.roadmap import StageState
from withhold.roadmap.stages import ROADS

PLACEHOLDERS = frozenset(
    {"brief", "date", "days", "end", "name", "start", "time", "today", "version", "what", "when"}
)
"""The ``{placeholders}`` the report builders fill in; any other name in a text is a typo."""

WHEN_KEYS = (
    *(
        f"{Kind.DEADLINE.value}.{s.value}"
        for s in (Standing.UPCOMING, Standing.PAST, Standing.MET, Standing.MISSED)
    ),
    *(
        f"{kind.value}.{s.value}"
        for kind in (Kind.EARLIEST, Kind.WINDOW_END)
        for s in (Standing.UPCOMING, Standing.PAST)
    ),
    Standing.UNKNOWN.value,
)
"""How the client report says when a dated entry falls: by its kind and how it stands (a date can only
be met or missed when something must be done by it)."""


NEXT_STEPS = ("file", "serve", "fingerprints", "address", "missed", "hearing", "free_help", "lawyer")
"""What a person without a lawyer does next, in order (the self-help result and its summary)."""


def _stage_ids() -> tuple[str, ...]:
    return tuple(dict.fromkeys(stage.id for road in ROADS.values() for stage in road))


@dataclass(frozen=True)
class Group:
    """A group of texts: the keys it must have (``None``: any), and the fields of each entry (``()``:
    the entry is itself one text)."""

    keys: tuple[str, ...] | None
    fields: tuple[str, ...] = ()


def groups() -> dict[str, Group]:
    """What ``texts.yaml`` must hold. The keys of the core's enumerations are read from the core."""
    return {
        "ui": Group(None),
        "statuses": Group(tuple(s.value for s in Status), ("label", "plain")),
        "protections": Group(tuple(p.name for p in PROTECTIONS), ("name", "short", "brief", "explain")),
        "glossary": Group(None, ("term", "meaning")),
        "comparison_rows": Group(tuple(row.id for row in comparison_table().rows)),
        "deadlines": Group(tuple(deadline_id for deadline_id, _ in DEADLINES), ("title", "todo")),
        "when": Group(WHEN_KEYS),
        "standings": Group(tuple(s.value for s in Standing)),
        "stages": Group(_stage_ids(), ("title", "happens")),
        "stage_states": Group(tuple(s.value for s in StageState), ("attorney", "client")),
        "priorities": Group(PRIORITIES),
        "evidence_statuses": Group(get_args(ItemStatus)),
        "severities": Group(SEVERITIES),
        "confidence": Group(CONFIDENCES),
        "relief_states": Group(STATES),
        "next_steps": Group(NEXT_STEPS, ("title", "text", "cite")),
    }


Key = tuple[str, ...]


@dataclass(frozen=True)
class Texts:
    """Every fixed text, by (group, key) or (group, key, field)."""

    entries: Mapping[Key, Localized]

    def get(self, *key: str) -> Localized:
        try:
            return self.entries[key]
        except KeyError:
            raise KeyError(f"no report text {'/'.join(key)!r} in texts.yaml") from None

    def say(self, language: Language, *key: str, **values: object) -> str:
        """One text in ``language``, with its ``{placeholders}`` filled in."""
        text = self.get(*key).get(language)
        return text.format(**values) if values else text

    def group(self, name: str, language: Language) -> dict[str, str]:
        """Every text of a one-text-per-key group in ``language`` (the templates' ``t`` is ``ui``)."""
        return {
            key[1]: text.get(language)
            for key, text in self.entries.items()
            if key[0] == name and len(key) == 2
        }


@cache
def texts() -> Texts:
    """The reports' texts (read and checked once)."""
    return parse(read_yaml("withhold.reports", "texts.yaml"))


def parse(raw: Any, expected: Mapping[str, Group] | None = None) -> Texts:
    """Check texts read from YAML and build them. Raises ``ValueError`` listing every problem, each
    named by ``group.key.field``."""
    wanted = groups() if expected is None else expected
    problems: list[str] = []
    entries: dict[Key, Localized] = {}
    if check_fields("texts.yaml", raw, allowed=wanted, required=wanted, problems=problems):
        for name, group in wanted.items():
            if name in raw:
                _group(name, group, raw[name], entries, problems)
    if problems:
        raise ValueError("report texts are not valid:\n  " + "\n  ".join(problems))
    return Texts(entries)


def _group(name: str, group: Group, body: Any, entries: dict[Key, Localized], problems: list[str]) -> None:
    if not isinstance(body, dict):
        problems.append(f"{name}: expected a mapping of texts")
        return
    # A key YAML reads as a number (`1:` unquoted) is named as written.
    body = {str(key): value for key, value in body.items()}
    if group.keys is not None:
        check_fields(name, body, allowed=group.keys, required=group.keys, problems=problems)
    for key, value in body.items():
        if not group.fields:
            _text((name, key), value, entries, problems)
        elif check_fields(
            f"{name}.{key}", value, allowed=group.fields, required=group.fields, problems=problems
        ):
            for field in group.fields:
                if field in value:
                    _text((name, key, field), value[field], entries, problems)


def _text(key: Key, value: Any, entries: dict[Key, Localized], problems: list[str]) -> None:
    text = read_localized(".".join(key), value, problems, placeholders_allowed=PLACEHOLDERS, fold_spaces=True)
    if text is not None:
        entries[key] = text
