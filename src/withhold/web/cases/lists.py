"""The structured editor's lists of sections (hearings, convictions, children, evidence...), one page each:
every item is a fieldset of the fields the section editor makes (:mod:`withhold.web.cases.sections`), with
buttons to add an item, remove one, and move one up or down where the format gives the order a meaning.

It needs no JavaScript. Every button submits the whole page, which comes back with the change made and the
typed values kept, and nothing saved: a removal is only a mark, shown with a way back, until "Save" saves
the whole list as a new version (the confirmation). An empty field is unknown (absent), as everywhere; an
empty list is unknown too, unless "there are none" is ticked (``[]``). An item is edited in place, found by
its position when the page was made, so what the form does not show (an explicit null left unknown, a key
a later format adds) stays as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from django import forms

from withhold.facts.loading import CaseFileError
from withhold.facts.paths import FactInfo, catalogue
from withhold.language import Language
from withhold.web.cases.forms import StartedFrom
from withhold.web.cases.paths import MISSING, get, put, remove
from withhold.web.cases.sections import (
    Section,
    add_fields,
    bound_fields,
    copied,
    initial_of,
    label_of,
    list_of_sections,
    own_field,
    sections,
    value_of,
)
from withhold.web.texts import text as ui

ORDERED = frozenset({"entries", "background.residences", "background.education", "background.employment"})
"""The lists whose order means something (``case/1``: most recent first, or the present first); the others
(hearings and convictions carry their dates) have no move buttons."""
MAX_ITEMS = 100
"""More items than any case has: a page that says more is refused, not built."""


@dataclass(frozen=True)
class ListSection:
    name: str
    """The last step of the path (``children``): the page's address and its texts' key."""
    path: str
    section: str
    """The first step of the path: the section it is edited beside (``family``), or its own name."""
    description: str
    facts: tuple[FactInfo, ...]
    """An item's facts, their paths under ``path[].``"""
    ordered: bool

    def key(self, info: FactInfo) -> str:
        """A fact's name inside an item (``sentence_months``), a dotted path if the item nests one."""
        return info.path.removeprefix(f"{self.path}[].")

    def items(self, document: dict[str, Any]) -> list[Any] | None:
        """The list in ``document``; ``None`` when it is unknown."""
        value = get(document, self.path)
        return value if isinstance(value, list) else None


@cache
def lists() -> dict[str, ListSection]:
    """Every list of sections of ``case/1``, from the catalogue (a list added to the format appears here)."""
    facts = catalogue()
    found: dict[str, ListSection] = {}
    for path, info in facts.items():
        if "[]" in path or not list_of_sections(path, facts):
            continue
        prefix = f"{path}[]."
        own = tuple(
            i for p, i in facts.items() if p.startswith(prefix) and "[]" not in p.removeprefix(prefix)
        )
        name = path.rsplit(".", 1)[-1]
        assert name not in found and name not in sections(), f"{name}: the editor's address is taken"
        found[name] = ListSection(name, path, path.split(".")[0], label_of(info), own, path in ORDERED)
    return found


def lists_of(section: str) -> list[ListSection]:
    return [listed for listed in lists().values() if listed.section == section]


def contents() -> list[tuple[Section | None, list[ListSection]]]:
    """What the structured editor edits, in the order of the format: each section with its lists, and each
    list that is a section of its own (convictions) alone."""
    parts: list[tuple[Section | None, list[ListSection]]] = []
    seen: set[str] = set()
    for path in catalogue():
        head = path.split(".")[0]
        if head in seen:
            continue
        seen.add(head)
        section, own = sections().get(head), lists_of(head)
        if section is not None or own:
            parts.append((section, own))
    return parts


def count_words(listed: ListSection, document: dict[str, Any], language: Language) -> str:
    """How many items the list has, in words: "(2 items)", "(none)", or "(not known)"."""
    items = listed.items(document)
    if items is None:
        return ui("list_editor.count_unknown", language)
    if not items:
        return ui("list_editor.count_none", language)
    if len(items) == 1:
        return ui("list_editor.count_one", language)
    return ui("list_editor.count", language, n=len(items))


def title_of(listed: ListSection, language: Language) -> str:
    return ui(f"list_editor.{listed.name}", language)


class HeadForm(StartedFrom):
    """The list as a whole: the saved state the page started from, how many items it shows, and "there are
    none" (shown when it shows none)."""

    count = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_ITEMS)

    def __init__(self, listed: ListSection, *args: Any, language: Language = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["none"] = own_field(ui(f"list_editor.{listed.name}.none", language))
        self.fields["none"].help_text = ui("list_editor.none_help", language)


class ItemForm(forms.Form):
    """One item: its facts' fields, where it came from (its position in the stored list, empty for a new
    one) and whether it is marked for removal."""

    origin = forms.CharField(required=False, widget=forms.HiddenInput)
    removed = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        listed: ListSection,
        number: int,
        data: Any = None,
        *,
        initial: dict[str, Any] | None = None,
        language: Language = "en",
    ) -> None:
        super().__init__(data, prefix=f"{listed.name}-{number - 1}", initial=initial)
        self.listed = listed
        self.number = number
        """Its place on the page, from 1: "Conviction 2"."""
        self.title = ui(f"list_editor.{listed.name}.item", language, n=number)
        for info in listed.facts:
            add_fields(self.fields, info, listed.key(info), language)

    def fact_fields(self) -> list[forms.BoundField]:
        return [bound for info in self.listed.facts for bound in bound_fields(self, self.listed.key(info))]

    @property
    def is_removed(self) -> bool:
        return bool(self["removed"].value() == "1")

    def values(self) -> dict[str, Any]:
        """What the page shows in each field, typed or not yet checked: the next page starts from it."""
        return {name: self[name].value() for name in self.fields}

    def summary(self) -> str:
        """The first two answers that tell the item apart (an offense, a date), for the removal notice: a
        choice by its label, as the form shows it."""
        shown = []
        for info in self.listed.facts:
            if info.kind not in ("text", "country", "date", "choice", "number"):
                continue
            key = self.listed.key(info)
            value = str(self[key].value() or "").strip()
            labels = dict(getattr(self.fields[key], "choices", ()))
            shown.append(str(labels.get(value, value)) if value else "")
        return ", ".join([value for value in shown if value][:2])


class ListEditor:
    """The page of one list: its head, its items, and where the keyboard goes after a button (``focus``,
    the number of the item the button changed)."""

    def __init__(
        self, listed: ListSection, head: HeadForm, items: list[ItemForm], language: Language, focus: int = 0
    ) -> None:
        self.listed = listed
        self.head = head
        self.items = items
        self.language = language
        self.focus = focus
        self.title = title_of(listed, language)
        self.add_label = ui(f"list_editor.{listed.name}.add", language)

    @classmethod
    def of(
        cls, listed: ListSection, document: dict[str, Any], stamp: tuple[int, int], language: Language
    ) -> ListEditor:
        """The page for the list as ``document`` has it."""
        stored = listed.items(document)
        rows = [
            {"origin": str(index), **item_initial(listed, item)} for index, item in enumerate(stored or [])
        ]
        return cls.built(listed, stamp, rows, stored == [], language)

    @classmethod
    def built(
        cls,
        listed: ListSection,
        stamp: tuple[Any, Any],
        rows: list[dict[str, Any]],
        none: bool,
        language: Language,
        focus: int = 0,
    ) -> ListEditor:
        head = HeadForm(
            listed,
            initial={"version": stamp[0], "amended": stamp[1], "count": len(rows), "none": none},
            language=language,
        )
        items = [ItemForm(listed, n, initial=row, language=language) for n, row in enumerate(rows, start=1)]
        return cls(listed, head, items, language, focus)

    @classmethod
    def posted(cls, listed: ListSection, data: Any, language: Language) -> tuple[ListEditor, str]:
        """The page as it was submitted, and the button pressed (``save``, ``add``, ``remove-2``...)."""
        head = HeadForm(listed, data, language=language)
        try:
            count = min(max(int(data.get("count", 0)), 0), MAX_ITEMS)
        except ValueError:
            count = 0
        items = [ItemForm(listed, n, data, language=language) for n in range(1, count + 1)]
        return cls(listed, head, items, language), str(data.get("action") or "save")

    def changed(self, action: str) -> ListEditor:
        """The page after a button other than "Save": nothing checked, nothing saved, every value kept."""
        rows = [item.values() for item in self.items]
        verb, _, number = action.partition("-")
        index = int(number) - 1 if number.isdigit() else -1
        focus = 0
        if verb == "add" and len(rows) < MAX_ITEMS:
            rows.append({})
            focus = len(rows)
        elif 0 <= index < len(rows) and verb in ("remove", "keep"):
            rows[index]["removed"] = "1" if verb == "remove" else ""
            focus = index + 1
        elif 0 <= index < len(rows) and verb in ("up", "down") and self.listed.ordered:
            other = index - 1 if verb == "up" else index + 1
            if 0 <= other < len(rows):
                rows[index], rows[other] = rows[other], rows[index]
                focus = other + 1
        none = bool(self.head["none"].value())
        stamp = (self.head["version"].value(), self.head["amended"].value())
        return self.built(self.listed, stamp, rows, none, self.language, focus)

    def kept(self) -> list[ItemForm]:
        return [item for item in self.items if not item.is_removed]

    def removing(self) -> list[ItemForm]:
        return [item for item in self.items if item.is_removed]

    def is_valid(self) -> bool:
        valid = self.head.is_valid()
        return all([item.is_valid() for item in self.kept()]) and valid

    def applied(self, document: dict[str, Any]) -> dict[str, Any] | None:
        """The document with the list as the page has it (call after :meth:`is_valid`); ``None`` when the
        page names an item the stored list does not have (it was made from another version)."""
        stored = self.listed.items(document) or []
        kept = self.kept()
        origins = [item.cleaned_data["origin"] for item in kept]
        known = [origin for origin in origins if origin]
        if len(set(known)) != len(known) or any(not _index_in(origin, stored) for origin in known):
            self.head.add_error(None, ui("list_editor.stale", self.language))
            return None
        items = [
            _item(self.listed, copied(stored[int(origin)]) if origin else {}, item.cleaned_data)
            for origin, item in zip(origins, kept, strict=True)
        ]
        result: dict[str, Any] = copied(document)
        if items or self.head.cleaned_data.get("none"):
            put(result, self.listed.path, items)
        elif get(result, self.listed.path) is not None:
            remove(result, self.listed.path)
        return result

    def place(self, error: CaseFileError) -> None:
        """The core's issues, each under the field of the item it names (``convictions[1].date``)."""
        at = re.compile(rf"{re.escape(self.listed.path)}\[(\d+)\](?:\.(.+))?")
        kept = self.kept()
        for issue in error.issues:
            found = at.fullmatch(issue.path)
            if found and int(found[1]) < len(kept):
                item, key = kept[int(found[1])], found[2] or ""
                if key in item.fields:
                    item.add_error(key, issue.message)
                else:
                    item.add_error(None, str(issue))
            else:
                self.head.add_error(None, str(issue))

    def problems(self) -> list[dict[str, str]]:
        """Every error of the items, each naming its item and field, with the id it links to."""
        found: list[dict[str, str]] = []
        for item in self.kept():
            for name, errors in item.errors.items():
                bound = item[name] if name in item.fields else None
                label = str(bound.label) if bound is not None else ""
                anchor = bound.id_for_label if bound is not None and not bound.use_fieldset else ""
                for message in errors:
                    found.append(
                        {
                            "item": item.title,
                            "label": label,
                            "message": str(message),
                            "id": anchor or f"item-{item.number}",
                        }
                    )
        return found

    def head_errors(self) -> list[str]:
        """The errors of the list as a whole: a conflict, an issue of no item, a page that lost its version."""
        hidden = [
            f"{name}: {error}"
            for name in ("version", "amended", "count")
            for error in self.head.errors.get(name, [])
        ]
        return [*self.head.non_field_errors(), *hidden]


def _index_in(origin: str, stored: list[Any]) -> bool:
    return origin.isdigit() and int(origin) < len(stored)


def item_initial(listed: ListSection, item: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for info in listed.facts:
        value = get(item, listed.key(info)) if isinstance(item, dict) else MISSING
        values.update(initial_of(info, value, listed.key(info)))
    return values


def _item(listed: ListSection, item: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """``item`` with the facts the form shows set from its cleaned data. An unknown stays as the item had it
    (absent, or an explicit null); what the form does not show is not touched."""
    for info in listed.facts:
        key = listed.key(info)
        value = value_of(info, data, key)
        if value is not MISSING:
            put(item, key, value)
        elif get(item, key) is not None:
            remove(item, key)
    return item
