"""Asking for a build, finding one, and keeping what it gave.

A build is asked for once: a request that finds the same file waiting, being built or ready (the same
keyed digest of what it is made of) uses that one. The task carries only the build's id, so the queue's
table holds nothing about the case; a task that fails for any reason marks its build failed with a
plain-words reason, and the build that was ready before it stays (:func:`ready`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from withhold import __version__
from withhold.web import vault
from withhold.web.builds.models import Build, BuiltPart, Kind, State
from withhold.web.cases.models import CaseRecord

SLOW = dt.timedelta(seconds=90)
"""A build still waiting after this long: the worker is probably not running (the page says so)."""
STUCK = dt.timedelta(minutes=15)
"""A build not finished after this long is given up on (its worker was stopped in the middle): asking
for the same file again starts a new build instead of waiting for it."""


class BuildError(Exception):
    """Why a build cannot be made, as the key of a plain-words text (``builds.problem_<reason>``), with
    the documents concerned (their titles: encrypted with the build, shown only to the organization)."""

    def __init__(self, reason: str, documents: tuple[str, ...] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.documents = documents


@dataclass(frozen=True)
class Part:
    pdf: bytes
    pages: int = 0


@dataclass(frozen=True)
class Made:
    parts: tuple[Part, ...]
    result: Mapping[str, Any] = field(default_factory=dict)


def key_of(*parts: object) -> str:
    """A keyed digest of what a file is made of (and of Withhold's version: its law and texts)."""
    canonical = json.dumps([__version__, *parts], sort_keys=True, default=str, ensure_ascii=False)
    return vault.digest(canonical)


def find(record: CaseRecord, kind: Kind, key: str) -> Build | None:
    """The newest build of exactly this file that is not failed (waiting, being built, or ready)."""
    found = Build.objects.filter(case=record, kind=kind, key=key).exclude(state=State.FAILED)
    stuck = Q(state__in=(State.QUEUED, State.BUILDING), created_at__lt=timezone.now() - STUCK)
    return found.exclude(stuck).defer("request", "result").first()


def latest(record: CaseRecord, kind: Kind, label: str = "") -> Build | None:
    """The newest build of this kind of file for the case, whatever its state."""
    return Build.objects.filter(case=record, kind=kind, label=label).first()


def ready(record: CaseRecord, kind: Kind, label: str = "") -> Build | None:
    """The newest build of this kind that is ready: a later failed one leaves it in place."""
    return Build.objects.filter(case=record, kind=kind, label=label, state=State.READY).first()


def start(
    record: CaseRecord,
    kind: Kind,
    key: str,
    request: Mapping[str, Any],
    user: Any,
    label: str = "",
) -> Build:
    """A new build, put on the queue. With the immediate backend (some tests) it is done on return."""
    from withhold.web.builds.tasks import build_file

    build = Build.objects.create(
        organization=record.organization,
        case=record,
        kind=kind,
        label=label,
        key=key,
        version=record.version,
        request=dict(request),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    # The views run outside a transaction: the build's row is saved before the worker can look for it.
    result = build_file.enqueue(str(build.id))
    Build.objects.filter(pk=build.pk).update(task_id=str(result.id)[:64])
    build.refresh_from_db()
    return build


def waiting_long(build: Build) -> bool:
    """Waiting for a worker longer than :data:`SLOW`, or being built longer than :data:`STUCK`."""
    waited = timezone.now() - build.created_at
    return bool(
        (build.state == State.QUEUED and waited > SLOW) or (build.state == State.BUILDING and waited > STUCK)
    )


def keep(build: Build, made: Made) -> None:
    """Store what a build gave and mark it ready; drop the older ready builds of the same file (a report
    of an earlier version, the package it replaces): only the newest is kept."""
    with transaction.atomic():
        if not Build.objects.filter(pk=build.pk).exists():
            return  # its case was deleted while it was being built
        BuiltPart.objects.bulk_create(
            BuiltPart(build=build, number=number, pages=part.pages, size=len(part.pdf), pdf=part.pdf)
            for number, part in enumerate(made.parts, start=1)
        )
        Build.objects.filter(pk=build.pk).update(
            state=State.READY, result=dict(made.result), problem="", finished_at=timezone.now()
        )
        older = Build.objects.filter(
            case=build.case, kind=build.kind, label=build.label, created_at__lt=build.created_at
        ).exclude(state__in=(State.QUEUED, State.BUILDING))
        older.delete()


def fail(build_id: str, reason: str, documents: tuple[str, ...] = ()) -> None:
    Build.objects.filter(pk=build_id).update(
        state=State.FAILED,
        problem=reason[:40],
        result={"documents": list(documents)},
        finished_at=timezone.now(),
    )
