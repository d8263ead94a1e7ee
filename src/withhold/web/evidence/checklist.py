"""The evidence checklist as the evidence page and the case page show it with the documents: for each item
of the case's checklist, the documents on file for it, or that none is (the checklist itself, what applies
and why, is the core's: :mod:`withhold.preparation.evidence`)."""

from __future__ import annotations

from dataclasses import dataclass

from withhold.language import Language
from withhold.preparation.evidence import ITEM_IDS, Checklist, checklist
from withhold.screening import screen
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord
from withhold.web.cases.store import today
from withhold.web.cases.summary import as_of_for
from withhold.web.evidence.documents import by_item
from withhold.web.evidence.models import EvidenceDocument
from withhold.web.texts import text as ui


@dataclass(frozen=True)
class ItemRow:
    id: str
    name: str
    """The item's short name in the reader's language."""
    priority: str
    """``essential``, ``important`` or ``helpful`` (the checklist's); "" for an item it does not list."""
    documents: tuple[EvidenceDocument, ...]

    @property
    def in_checklist(self) -> bool:
        return bool(self.priority)


def checklist_of(record: CaseRecord) -> Checklist:
    """The case's checklist (what matters most first), under the law as of the case's usual date."""
    case = case_of(record.document)
    return checklist(case, screen(case, as_of_for(case, today())))


def item_rows(found: Checklist, documents: list[EvidenceDocument], language: Language) -> list[ItemRow]:
    """The case's checklist items with their documents, then any other item a document was filed under."""
    on_file = by_item(documents)
    listed = [
        ItemRow(
            item.id, ui(f"evidence_item.{item.id}", language), item.priority, tuple(on_file.get(item.id, ()))
        )
        for item in found.items
    ]
    others = [
        ItemRow(item, ui(f"evidence_item.{item}", language), "", tuple(on_file[item]))
        for item in ITEM_IDS
        if item in on_file and item not in found.ids
    ]
    return listed + others
