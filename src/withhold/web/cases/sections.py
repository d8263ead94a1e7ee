"""The structured editor's forms, built from the catalogue of fact paths (:mod:`withhold.facts.paths`), so
a field added to ``case/1`` appears here without a change.

Every field starts as "unknown" when the case does not say, and stays unknown unless someone answers: a
yes-or-no fact is a choice of unknown, yes or no (never a checkbox, whose empty state would read as "no");
a list of choices needs "none of these" ticked to record none. Lists of sections (convictions, hearings,
children, evidence) have editors of their own (:mod:`withhold.web.cases.lists`), built from the same fields.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from django import forms

from withhold.facts.case import Case
from withhold.facts.paths import FactInfo, catalogue
from withhold.interview.bank import UI, question_for
from withhold.language import Language
from withhold.web.cases.countries import CountryField, countries
from withhold.web.cases.documents import case_of
from withhold.web.cases.forms import StartedFrom
from withhold.web.cases.paths import MISSING, get, put, remove
from withhold.web.texts import has, translated
from withhold.web.texts import text as ui

NOT_FILED_PATH = "asylum.filed_on"
NOT_FILED = "__not_filed"
NONE_OF_THESE = "__none"


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    facts: tuple[FactInfo, ...]


TITLES = {
    "person": "Identity",
    "proceedings": "Proceedings",
    "entry": "Arrival in the United States",
    "asylum": "Asylum filing",
    "claim": "The persecution claim",
    "torture": "The torture claim (CAT)",
    "conduct": "Conduct bars",
    "family": "Family",
    "background": "Background (I-589 Part A.III)",
    "application": "I-589 questions (Parts B to E)",
    "other_relief": "Other relief",
}


def list_of_sections(path: str, facts: dict[str, FactInfo]) -> bool:
    return any(other.startswith(f"{path}[].") for other in facts)


@cache
def sections() -> dict[str, Section]:
    facts = catalogue()
    found: dict[str, list[FactInfo]] = {}
    for path, info in facts.items():
        head = path.split(".")[0]
        if head not in TITLES or "[]" in path or list_of_sections(path, facts):
            continue
        found.setdefault(head, []).append(info)
    return {name: Section(name, TITLES[name], tuple(found[name])) for name in TITLES if name in found}


def label_of(info: FactInfo) -> str:
    """The catalogue's description, without what only a case file writer needs (``[] = none``: here,
    "None of these" says it)."""
    text = re.sub(r";?\s*\[\] = none", "", info.description.removeprefix("Withhold extension: "))
    return text[:1].upper() + text[1:]


def group_of(path: str) -> str:
    """The subsection a field sits in (``person.address``), for a fieldset of its own."""
    return path.rsplit(".", 1)[0]


def choice_labels(info: FactInfo, language: Language = "en") -> list[tuple[str, str]]:
    """Each value of a choice with its label in ``language``: the interview's label for it where the fact
    has a question (the question bank), else the web texts' (``choice.<value>``), else the value in words."""
    try:
        labels = question_for(info.path).choices
    except KeyError:
        labels = {}
    return [
        (value, labels[value].get(language) if value in labels else _label(value, language))
        for value in info.choices
    ]


def _label(value: str, language: Language) -> str:
    key = f"choice.{value}"
    return ui(key, language) if has(key) else value.replace("_", " ")


def field_for(info: FactInfo, language: Language = "en") -> forms.Field:
    """The field of one fact: its label is the core's description (English), its own words (unknown, yes,
    no, the help) are in ``language`` (marked ``translated``, for :func:`field_words`)."""
    label = label_of(info)
    help_text = ui("section_editor.finding", language) if info.finding else ""
    if info.kind == "list":  # a list of words (other names, languages): comma-separated
        help_text = ui("section_editor.list", language)
    common: dict[str, Any] = {"label": label, "required": False, "help_text": help_text}
    unknown = ("", ui("section_editor.unknown", language))
    field: forms.Field
    if info.kind == "bool":
        yes_no = [("true", UI["yes"].get(language)), ("false", UI["no"].get(language))]
        field = forms.ChoiceField(choices=[unknown, *yes_no], **common)
    elif info.kind == "date":
        # ISO always: a date field takes no other value, and the reader's own format (15/04/2019 in
        # Spanish) would show it empty and save the date as unknown.
        field = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **common)
    elif info.kind == "number":
        field = forms.FloatField(min_value=0, **common)
    elif info.kind == "choice":
        field = forms.ChoiceField(choices=[unknown, *choice_labels(info, language)], **common)
    elif info.kind == "choices":
        field = forms.MultipleChoiceField(
            choices=choice_labels(info, language), widget=forms.CheckboxSelectMultiple, **common
        )
    elif info.kind == "country":
        field = CountryField(choices=[unknown, *countries(language)], **common)
    else:
        field = forms.CharField(max_length=2000, **common)
    return translated(field, "help")


def own_field(label: str) -> forms.Field:
    """A checkbox of the editor's own ("None of these", "Not filed yet"), labelled in the reader's language."""
    return translated(forms.BooleanField(label=label, required=False), "label", "help")


class SectionForm(StartedFrom):
    def __init__(self, section: Section, *args: Any, language: Language = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.section = section
        for info in section.facts:
            add_fields(self.fields, info, info.path, language)

    def groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        found: dict[str, list[forms.BoundField]] = {}
        for info in self.section.facts:
            found.setdefault(group_of(info.path), []).extend(bound_fields(self, info.path))
        return list(found.items())


def add_fields(fields: dict[str, forms.Field], info: FactInfo, name: str, language: Language) -> None:
    """The field of one fact, named ``name``, and the editor's own checkbox beside it where the fact has one
    ("None of these" for a list of choices, "Not filed yet" for the filing date)."""
    fields[name] = field_for(info, language)
    if info.kind == "choices":
        fields[name + NONE_OF_THESE] = own_field(ui("section_editor.none_of_these", language))
    if info.path == NOT_FILED_PATH:
        fields[name + NOT_FILED] = own_field(ui("section_editor.not_filed_yet", language))


def bound_fields(form: forms.Form, name: str) -> list[forms.BoundField]:
    """The fact's field named ``name`` and its own checkbox, if it has one, as :func:`add_fields` made them."""
    return [form[each] for each in (name, name + NONE_OF_THESE, name + NOT_FILED) if each in form.fields]


def initial(section: Section, document: dict[str, Any], stamp: tuple[int, int]) -> dict[str, Any]:
    """The form's initial values for ``document``, saved as ``stamp`` (its version and amendments)."""
    values: dict[str, Any] = {"version": stamp[0], "amended": stamp[1]}
    for info in section.facts:
        values.update(initial_of(info, get(document, info.path), info.path))
    return values


def initial_of(info: FactInfo, value: Any, name: str) -> dict[str, Any]:
    """The initial values of the fields :func:`add_fields` made for one fact whose value is ``value``
    (``MISSING`` when the document does not have it): nothing, for an unknown."""
    if info.path == NOT_FILED_PATH and value is None:
        return {name + NOT_FILED: True}
    if value is MISSING or value is None:
        return {}
    if info.kind == "bool":
        return {name: "true" if value else "false"}
    if info.kind == "date":
        return {name: dt.date.fromisoformat(str(value))}
    if info.kind == "choices":
        return {name: list(value), **({name + NONE_OF_THESE: True} if not value else {})}
    if info.kind == "list":
        return {name: ", ".join(str(v) for v in value)}
    if info.kind == "number" and float(value).is_integer():
        return {name: int(value)}  # 72 months, not 72.0
    return {name: value}


def apply(section: Section, document: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """The document with the section's fields set from cleaned form data (unknown ones removed)."""
    result: dict[str, Any] = copied(document)
    for info in section.facts:
        value = value_of(info, data, info.path)
        if value is MISSING:
            remove(result, info.path)
        else:
            put(result, info.path, value)
    return result


def value_of(info: FactInfo, data: dict[str, Any], name: str) -> Any:
    """The value of one fact in cleaned form data, its field named ``name``: ``MISSING`` when unknown."""
    raw = data.get(name)
    if info.path == NOT_FILED_PATH and data.get(name + NOT_FILED) and raw is None:
        return None  # an explicit null: not filed yet
    if info.kind == "bool":
        return {"true": True, "false": False}.get(raw or "", MISSING)
    if info.kind == "date":
        return raw.isoformat() if raw else MISSING
    if info.kind == "number":
        return MISSING if raw is None else (int(raw) if float(raw).is_integer() else raw)
    if info.kind == "choices":
        if raw:
            return [value for value in info.choices if value in raw]
        return [] if data.get(name + NONE_OF_THESE) else MISSING
    if info.kind == "list":
        words = [part.strip() for part in (raw or "").split(",") if part.strip()]
        return words or MISSING
    text = (raw or "").strip()
    return text or MISSING


def copied(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [copied(item) for item in value]
    return value


def validated(document: dict[str, Any]) -> Case:
    return case_of(document)
