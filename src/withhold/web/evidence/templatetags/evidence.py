"""The documents on file for one checklist item, where the case page lists the checklist."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("evidence/_on_file.html", takes_context=True)
def on_file(context: template.Context, item_id: str) -> dict[str, Any]:
    """The item's documents (linked), or that none is uploaded; from the case page's ``evidence_documents``
    (documents by item id, :func:`withhold.web.evidence.documents.by_item`)."""
    found: Mapping[str, Sequence[Any]] = context.get("evidence_documents") or {}
    return {
        "record": context.get("record"),
        "documents": tuple(found.get(item_id, ())),
        "language": context.get("language", "en"),
    }


@register.simple_tag(takes_context=True)
def item_status(context: template.Context, item: Any) -> str:
    """A checklist item's status with the documents uploaded: ``on_file`` once a document is uploaded
    for an item the case file calls needed or requested; else the case file's own."""
    found: Mapping[str, Sequence[Any]] = context.get("evidence_documents") or {}
    return "on_file" if item.status in ("needed", "requested") and found.get(item.id) else str(item.status)
