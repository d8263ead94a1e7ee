"""``deadline_tasks``: bring the deadline tasks of every case not closed up to date with the core's
schedule (:func:`withhold.web.tasks.deadlines.sync`).

Every save of a case does this for that case; run this once after upgrading (the cases saved before have
no tasks yet), and daily if you like (a case not saved for a long time whose date the law moves, or whose
case file has no ``law_as_of`` and is read under a newer version of a rule, is brought up to date). Prints
how many cases it went through, never what they say (nothing with ``-v0``: ``make run`` runs it so).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from withhold.web.cases.models import CaseRecord, Workflow
from withhold.web.tasks.deadlines import sync


class Command(BaseCommand):
    help = "Bring the deadline tasks of every case not closed up to date with its deadlines."

    def handle(self, *args: Any, **options: Any) -> None:
        count = 0
        for record in (
            CaseRecord.objects.exclude(workflow=Workflow.CLOSED).order_by("pk").iterator(chunk_size=200)
        ):
            sync(record)
            count += 1
        if options["verbosity"] > 0:
            self.stdout.write(f"deadline tasks brought up to date on {count} cases")
