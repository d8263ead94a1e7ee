"""Reading the audit log: the filters of its page, the entries they select (one organization's only, newest
first) and the ``Case N`` each entry's opaque case id stands for. Nothing here reads what a case says: a case
is named by its number, looked up by id among the organization's cases (an entry whose case was deleted
keeps only the id, and says so)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from withhold.language import Language
from withhold.web.accounts.models import Organization
from withhold.web.audit.models import Action, AuditEntry
from withhold.web.cases.models import CaseRecord
from withhold.web.texts import has, translated
from withhold.web.texts import text as ui

LABELS = {
    "person": "audit_log.person",
    "action": "audit_log.action",
    "case": "audit_log.case_number",
    "date_from": "audit_log.from",
    "date_to": "audit_log.to",
}
"""The filters, each with the web text that labels it."""
FILTERS = tuple(LABELS)
"""The query parameters of the page and of its CSV download (the page number aside)."""


class AuditFilterForm(forms.Form):
    """The page's filters, all optional. The people to choose from are those named in the organization's
    own entries (so a person whose account is gone can still be chosen)."""

    def __init__(self, data: Any, organization: Organization, language: Language) -> None:
        super().__init__(data)
        self.organization = organization
        people = (
            AuditEntry.objects.filter(organization=organization)
            .exclude(username="")
            .order_by("username")
            .values_list("username", flat=True)
            .distinct()
        )
        everyone = ui("audit_log.everyone", language)
        every_action = ui("audit_log.every_action", language)
        actions = [(value, ui(f"audit_action.{value}", language)) for value in Action.values]
        date = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        self.fields["person"] = forms.ChoiceField(
            required=False,
            choices=[("", everyone), *((p, p) for p in people)],
            error_messages={"invalid_choice": ui("audit_log.no_such_person", language)},
        )
        self.fields["action"] = forms.ChoiceField(
            required=False,
            choices=[("", every_action), *actions],
            error_messages={"invalid_choice": ui("audit_log.no_such_action", language)},
        )
        self.fields["case"] = forms.IntegerField(
            required=False, min_value=1, widget=forms.NumberInput(attrs={"min": 1})
        )
        self.fields["date_from"] = forms.DateField(required=False, widget=date)
        self.fields["date_to"] = forms.DateField(required=False, widget=date)
        for name, key in LABELS.items():  # in the reader's language: ``field_words`` shows them as they are
            self.fields[name].label = ui(key, language)
            translated(self.fields[name], "label")
        self.language = language

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", ui("audit_log.dates_reversed", self.language))
        return data

    def chosen(self) -> dict[str, Any]:
        """The filters that are set and valid (a wrong one is reported on the page and not applied). A case
        number comes with ``case_id``: the id of the organization's case with that number now, or None."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        found = {name: cleaned[name] for name in FILTERS if cleaned.get(name) not in (None, "")}
        if "case" in found:
            found["case_id"] = case_id_of(self.organization, found["case"])
        return found


def selected(organization: Organization, chosen: dict[str, Any]) -> QuerySet[AuditEntry]:
    """The organization's entries that pass the ``chosen`` filters (:meth:`AuditFilterForm.chosen`), newest
    first. A case number that names no case of the organization now selects nothing."""
    entries = AuditEntry.objects.filter(organization=organization)
    if "person" in chosen:
        entries = entries.filter(username=chosen["person"])
    if "action" in chosen:
        entries = entries.filter(action=chosen["action"])
    if "case" in chosen:
        case_id = chosen["case_id"]
        entries = entries.filter(case_id=case_id) if case_id is not None else entries.none()
    if "date_from" in chosen:
        entries = entries.filter(at__date__gte=chosen["date_from"])
    if "date_to" in chosen:
        entries = entries.filter(at__date__lte=chosen["date_to"])
    return entries.order_by("-at", "-id")


def case_id_of(organization: Organization, number: int) -> uuid.UUID | None:
    """The id of the organization's ``Case number``, if there is one now."""
    found: uuid.UUID | None = (
        CaseRecord.objects.filter(organization=organization, number=number)
        .values_list("id", flat=True)
        .first()
    )
    return found


def case_numbers(organization: Organization, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, int]:
    """The number of each of these cases that still exists in the organization (only ids and numbers are
    read: no case content is decrypted)."""
    wanted = {case_id for case_id in ids if case_id is not None}
    if not wanted:
        return {}
    found = CaseRecord.objects.filter(organization=organization, id__in=wanted).values_list("id", "number")
    return dict(found)


def what_words(code: str, language: Language) -> str:
    """The part an entry's code names, in words (``report:client:es`` is "Client report, Spanish"); a code
    with no words yet is shown as it is, never hidden."""
    head, _, rest = code.partition(":")
    key = f"audit_what.{code.replace(':', '_').replace('.', '_')}"
    if head == "answers" and rest.isdigit():
        count = int(rest)
        return (
            ui("audit_what.answers_one", language)
            if count == 1
            else ui("audit_what.answers", language, n=count)
        )
    if head in ("section", "list"):
        title = f"section.{rest}" if head == "section" else f"list_editor.{rest}"
        return ui("audit_what.section", language, section=ui(title, language)) if has(title) else code
    if head == "package" and rest.isdigit():
        return ui("audit_what.package", language, n=int(rest))
    if head == "from" and rest.isdigit():
        return ui("audit_what.from", language, n=int(rest))
    if head == "evidence":  # an evidence document, by its opaque id only
        return ui("audit_what.evidence", language)
    if head in ("note", "task", "reopened"):  # a note or a task, by its opaque id only
        return ui(f"audit_what.{head}", language)
    if head == "workflow" and has(f"workflow.{rest}"):
        return ui("audit_what.workflow", language, status=ui(f"workflow.{rest}", language))
    return ui(key, language) if has(key) else code


class Row:
    """One entry as the page and the CSV show it: the case by its number, or as deleted; the part in words
    (the CSV keeps its code)."""

    def __init__(self, entry: AuditEntry, numbers: dict[uuid.UUID, int], language: Language = "en") -> None:
        self.entry = entry
        self.case_number = numbers.get(entry.case_id) if entry.case_id is not None else None
        self.case_deleted = entry.case_id is not None and self.case_number is None
        self.what = what_words(entry.what, language) if entry.what else ""


def rows(organization: Organization, entries: Iterable[AuditEntry], language: Language = "en") -> list[Row]:
    listed = list(entries)
    numbers = case_numbers(organization, (entry.case_id for entry in listed))
    return [Row(entry, numbers, language) for entry in listed]


CSV_HEADER = ("username", "action", "case_number", "version", "what", "time")

_FORMULA = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet reads a cell that starts with one of these as a formula."""


def _cell(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA) else value


def csv_rows(
    organization: Organization, entries: QuerySet[AuditEntry], language: Language
) -> Iterator[list[str]]:
    """The header, then one line per entry: who, the action's code, ``Case N`` (or "deleted case"), the
    version, the part's code and the time (ISO 8601, with its offset). Read in chunks, for a long log."""
    yield list(CSV_HEADER)
    deleted = ui("audit_log.deleted_case", language)
    chunk: list[AuditEntry] = []
    for entry in entries.iterator(chunk_size=2000):
        chunk.append(entry)
        if len(chunk) == 2000:
            yield from _lines(organization, chunk, deleted)
            chunk = []
    yield from _lines(organization, chunk, deleted)


def _lines(organization: Organization, chunk: list[AuditEntry], deleted: str) -> Iterator[list[str]]:
    for row in rows(organization, chunk):
        entry = row.entry
        case = "" if entry.case_id is None else (deleted if row.case_deleted else str(row.case_number))
        at: dt.datetime = timezone.localtime(entry.at)
        yield [
            _cell(entry.username),
            entry.action,
            case,
            "" if entry.version is None else str(entry.version),
            _cell(entry.what),
            at.isoformat(timespec="seconds"),
        ]
