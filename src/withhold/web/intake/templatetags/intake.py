"""The case page's panel of client intake links: ``{% load intake %}{% intake_links record %}``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.utils import timezone

from withhold.web.intake.forms import IntakeLinkForm, default_days
from withhold.web.intake.models import IntakeLink, State
from withhold.web.language import chosen

register = template.Library()

SHOWN = 20
"""Links listed at most, the newest first."""


@dataclass(frozen=True)
class Row:
    link: IntakeLink
    state: State

    @property
    def state_key(self) -> str:
        return f"intake_links.state_{self.state.value}"

    @property
    def can_revoke(self) -> bool:
        return self.state in (State.NOT_OPENED, State.IN_USE)


@register.inclusion_tag("intake/_panel.html", takes_context=True)
def intake_links(context: template.Context, record: Any) -> dict[str, Any]:
    now = timezone.now()
    rows = [Row(link, link.state(now)) for link in IntakeLink.objects.filter(case=record)[:SHOWN]]
    language = chosen(context.get("language")) or "en"
    can = context.get("can") or {}
    form = None
    if can.get("interview"):
        held = getattr(getattr(context.get("case"), "interview", None), "language", None)
        form = IntakeLinkForm(
            initial={"language": held or language, "days": default_days()}, language=language
        )
    return {
        "record": record,
        "rows": rows,
        "active": sum(1 for row in rows if row.can_revoke),
        "can": can,
        "language": language,
        "form": form,
        "csrf_token": context.get("csrf_token"),
    }
