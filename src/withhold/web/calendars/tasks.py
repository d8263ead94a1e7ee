"""The reminders on the task queue: where ``withhold serve`` runs its queue worker, the digests are sent
each day without cron. The task sends the day's digests of every organization whose clock has reached
``WITHHOLD_DIGEST_HOUR`` (a person is never sent two the same day: digests.py), then enqueues itself for
the next time an organization's clock reaches that hour. :func:`schedule_digests` (called when
``withhold serve`` starts its worker) enqueues it only if it is not waiting already, so restarts do not
pile up copies.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus

from withhold.web.accounts.models import Organization
from withhold.web.calendars.digests import Counts, send_organization
from withhold.web.calendars.entries import zone_of

logger = logging.getLogger(__name__)


def next_run(now: dt.datetime, hour: int | None = None) -> dt.datetime:
    """The next moment after ``now`` at which an organization's clock shows ``hour``:00 (the server's zone
    when there is no organization)."""
    hour = settings.WITHHOLD_DIGEST_HOUR if hour is None else hour
    zones = {zone_of(o) for o in Organization.objects.only("time_zone")} or {timezone.get_default_timezone()}
    found = []
    for zone in zones:
        local = timezone.localtime(now, zone)
        at = local.replace(hour=hour, minute=0, second=0, microsecond=0)
        if at <= local:
            at = (local + dt.timedelta(days=1)).replace(hour=hour, minute=0, second=0, microsecond=0)
        found.append(at)
    return min(found)


def send_due(now: dt.datetime) -> Counts:
    """The digests of every organization whose clock shows ``WITHHOLD_DIGEST_HOUR`` or later today."""
    counts = Counts()
    for organization in Organization.objects.order_by("pk"):
        if timezone.localtime(now, zone_of(organization)).hour >= settings.WITHHOLD_DIGEST_HOUR:
            counts.add(send_organization(organization))
    return counts


@task()
def send_daily_digests() -> None:
    now = timezone.now()
    try:
        counts = send_due(now)
        logger.info("reminders sent: %d, failed: %d", counts.sent, counts.failed)
    except Exception as error:  # the next day's run is enqueued whatever happens; the log has the type
        logger.error("the reminders could not be sent: %s", type(error).__name__)
    finally:
        schedule_digests(next_run(now))


def waiting() -> bool:
    """A run is already enqueued and not started (the database queue only)."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=send_daily_digests.module_path, status=TaskResultStatus.READY
    ).exists()


def schedule_digests(at: dt.datetime | None = None) -> bool:
    """Enqueue a run at ``at`` (default: now: a server started after the hour sends the day's digests at
    once) unless one is waiting; only on a queue that can run a task later (the database queue), never
    the immediate one (it would run at once, and again). True if enqueued."""
    backend = send_daily_digests.get_backend()
    if not backend.supports_defer or "django_tasks_db" not in type(backend).__module__:
        return False
    if waiting():
        return False
    send_daily_digests.using(run_after=at or timezone.now()).enqueue()
    return True
