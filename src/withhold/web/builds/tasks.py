"""The one task: build a file whose build was asked for (:func:`withhold.web.builds.store.start`).

It is given the build's id only. Whatever goes wrong is caught here and recorded on the build as a
plain-words reason; the queue's own result row never holds an exception's message or traceback (an error
from a PDF library may quote a document's text or name, and that row is not encrypted). The log gets the
error's type, never its message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from withhold.web.builds.models import Build, Kind, State
from withhold.web.builds.store import BuildError, Made, fail, keep

logger = logging.getLogger(__name__)

BUILDERS: dict[str, str] = {
    Kind.REPORT: "withhold.web.builds.reports.build",
    Kind.PACKAGE: "withhold.web.filing.building.build",
}
"""What builds each kind of file: a function of the build, giving its parts or raising BuildError."""


@task()
def build_file(build_id: str) -> None:
    claimed = Build.objects.filter(pk=build_id, state=State.QUEUED).update(
        state=State.BUILDING, started_at=timezone.now()
    )
    if not claimed:
        return  # built already, or its case was deleted meanwhile
    build = Build.objects.get(pk=build_id)
    builder: Callable[[Build], Made] = import_string(BUILDERS[build.kind])
    try:
        made = builder(build)
    except BuildError as failed:
        fail(build_id, failed.reason, failed.documents)
        return
    except Exception as error:  # anything else: the build says so in plain words; the log, its type
        logger.error("a %s build failed: %s", build.kind, type(error).__name__)
        fail(build_id, "unexpected")
        return
    keep(build, made)
