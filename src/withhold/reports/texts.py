"""The reports' fixed texts, in English and Spanish side by side (``texts.yaml``), checked when loaded.

Every heading, label, explanation, status word and date word a report prints comes from here; the
templates hold no words of their own. The core's own wording (rule titles, reasons, notes) is English
and is shown as it is in the attorney report; the client report never shows it, so every text the client
reads is here (or in the preparation modules' own bilingual data) in both languages.

Loading checks the whole file and reports every problem at once: a key given twice, a missing or empty
translation, English and Spanish texts with different ``{placeholders}`` or with one the builders never
fill, an unknown field, and any status, protection, deadline or stage of the core left without its words
(so a new deadline cannot reach a client report in English only), each with its line. The file is
declared as a model built from :func:`groups` (:func:`texts_model`), read like every data file
(:func:`withhold.package_data.read_model`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model

from withhold.language import FoldedText, Language, Localized, filled_by
from withhold.law.deadlines.catalogue import DEADLINES
from withhold.law.deadlines.model import Kind, Standing
from withhold.law.protections import PROTECTIONS
from withhold.logic.protection import Status
from withhold.package_data import read_model, validated
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


Text = Annotated[FoldedText, filled_by(*PLACEHOLDERS)]
"""One text: English and Spanish, its doubled spaces folded, the placeholders the builders fill."""

_CONFIG = ConfigDict(extra="forbid", frozen=True)


def _keys_as_text(value: Any) -> Any:
    # A key YAML reads as a number (`1:` unquoted) is named as written.
    return {str(key): text for key, text in value.items()} if isinstance(value, dict) else value


def _fields(keys: tuple[str, ...], value: Any) -> dict[str, Any]:
    """Pydantic fields for keys that need not be Python names (``deadline.upcoming``): each by its alias."""
    return {f"key_{n}": (value, Field(alias=key)) for n, key in enumerate(keys)}


def _entries(model: BaseModel) -> dict[str, Any]:
    """A model built by :func:`_fields` as its keys and values."""
    return {field.alias or name: getattr(model, name) for name, field in type(model).model_fields.items()}


def texts_model(expected: Mapping[str, Group]) -> type[BaseModel]:
    """The model of ``texts.yaml`` holding ``expected``: each group's keys (or any key) and each entry's
    fields (or the entry one text)."""
    groups: dict[str, Any] = {}
    for name, group in expected.items():
        entry: Any = Text
        if group.fields:
            entry = create_model(f"Entry_{name}", __config__=_CONFIG, **_fields(group.fields, Text))
        body: Any = (
            dict[str, entry]
            if group.keys is None
            else create_model(f"Group_{name}", __config__=_CONFIG, **_fields(group.keys, entry))
        )
        groups[name] = (Annotated[body, BeforeValidator(_keys_as_text)], ...)
    return create_model("ReportTexts", __config__=_CONFIG, **groups)


@cache
def texts() -> Texts:
    """The reports' texts (read and checked once)."""
    return _texts(read_model(texts_model(groups()), "withhold.reports", "texts.yaml"))


def parse(text: str, expected: Mapping[str, Group] | None = None) -> Texts:
    """Check a texts file's YAML ``text`` and build its texts. Raises
    :class:`~withhold.package_data.DataFileError` listing every problem, each named by
    ``group.key.field`` with its line."""
    model = texts_model(groups() if expected is None else expected)
    return _texts(validated(model, text, "withhold/reports/texts.yaml"))


def _texts(read: BaseModel) -> Texts:
    entries: dict[Key, Localized] = {}
    for name in type(read).model_fields:
        body = getattr(read, name)
        for key, value in (body if isinstance(body, dict) else _entries(body)).items():
            if isinstance(value, Localized):
                entries[(name, key)] = value
            else:
                for field, text in _entries(value).items():
                    entries[(name, key, field)] = text
    return Texts(entries)
