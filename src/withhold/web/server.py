"""``withhold serve``: apply pending migrations, collect static files, then serve with gunicorn.

Gunicorn is started in this process through its documented custom-application interface. Its access log
records the path without the query string (a docket search carries a name) and passes the confidential
filter, which also hides calendar feed tokens.

What one request may take is bounded at each layer: gunicorn refuses an over-long request line or header
(:data:`LIMITS`), Django holds at most a few megabytes of a body in memory and Withhold reads none above
``WITHHOLD_REQUEST_MAX_BYTES`` (settings/base.py, web/request_size.py), and a case file is bounded in
size, depth and every value (facts/limits.py), so no request has unbounded work to do. Gunicorn's
``timeout`` restarts a worker process that stops answering its master; with the threaded workers used here
it is not a limit on one request's time (gunicorn has none for threads): the bounds above are.

Report PDFs and filing packages are built off the request, on the task queue (settings ``TASKS``): serve
starts one queue worker (``manage.py db_worker``) beside gunicorn and stops it when the server stops
(``--no-worker``: the worker runs elsewhere, e.g. as a service of its own).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any

DEFAULT_SETTINGS = "withhold.web.settings.local"
ACCESS_FORMAT = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
"""``%(U)s`` is the path alone: no query string ever reaches the log."""


def prepare() -> None:
    """Settings, migrations and static files, before the first worker starts."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=1)
    call_command("collectstatic", interactive=False, verbosity=0)
    warm_up()


def warm_up() -> None:
    """Load the law's tables, the question bank, the planner and the court calendar once, here, before
    gunicorn forks: every worker then starts with them (about 0.4 s for the tables and as much for the
    ``holidays`` package's United States calendar, which it imports on first use, that a worker's first
    interview page or deadline would otherwise take). The case is empty: nobody's data is involved."""
    from django.db import connections

    from withhold.interview.planner import next_question
    from withhold.law.time.calendar import is_court_closed
    from withhold.web.cases.documents import case_of
    from withhold.web.cases.store import today
    from withhold.web.cases.summary import summarize

    empty = case_of({"withhold": "case/1"})
    next_question(empty, today())
    summarize(empty, today())
    is_court_closed(today())
    connections.close_all()  # the workers open their own


def schedule_reminders() -> None:
    """The daily reminder e-mails on the queue (web/calendars/tasks.py): enqueued once, not once per
    start (a run already waiting is kept)."""
    from django.db import connections

    from withhold.web.calendars.tasks import schedule_digests

    schedule_digests()
    connections.close_all()  # before gunicorn forks


def logging_config() -> dict[str, Any]:
    handler = {"class": "logging.StreamHandler", "filters": ["confidential"], "formatter": "plain"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"confidential": {"()": "withhold.web.confidential.ConfidentialFilter"}},
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"console": handler},
        "loggers": {
            "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
        },
    }


LIMITS: dict[str, int] = {
    "timeout": 60,  # seconds a worker may stay silent before it is killed and restarted
    "graceful_timeout": 10,  # seconds to finish requests on a restart
    "limit_request_line": 4094,  # bytes of the request line (method, URL with its query, protocol)
    "limit_request_fields": 100,  # header fields
    "limit_request_field_size": 8190,  # bytes of one header field
}
"""Gunicorn's bounds on a request (see above)."""


def options(host: str, port: int, workers: int, threads: int) -> dict[str, Any]:
    """Gunicorn's settings for ``withhold serve``."""
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "accesslog": "-",
        "access_log_format": ACCESS_FORMAT,
        "logconfig_dict": logging_config(),
        **LIMITS,
        "forwarded_allow_ips": "127.0.0.1,::1",
        # gunicorn's control socket sits at one path per user (~/.gunicorn/gunicorn.ctl): two servers at
        # once (tests, a benchmark) would take each other's. Withhold does not use it.
        "control_socket_disable": True,
    }


WORKER = [sys.executable, "-m", "withhold.web.manage", "db_worker", "--no-reload", "--interval", "0.5"]
"""The queue's worker: django-tasks-db's own command; half a second between looks at an empty queue."""


def start_worker() -> subprocess.Popen[bytes]:
    """The queue worker, a process of its own, with the server's settings and output."""
    return subprocess.Popen([*WORKER, "--verbosity", "0"], env=os.environ.copy())


def stop_worker(worker: subprocess.Popen[bytes]) -> None:
    """Stop the worker: SIGTERM lets it finish the build it is on (its own graceful shutdown)."""
    if worker.poll() is not None:
        return
    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=60)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait(timeout=5)


def serve(host: str, port: int, workers: int, threads: int, queue_worker: bool = True) -> None:
    from gunicorn.app.base import BaseApplication

    prepare()
    if queue_worker:
        schedule_reminders()
    from withhold.web.wsgi import application

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options(host, port, workers, threads).items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    worker = start_worker() if queue_worker else None
    master = os.getpid()
    try:
        Server().run()
    finally:
        # gunicorn's own workers are forks of this process and leave through here too: only the master,
        # which started the queue worker, stops it.
        if worker is not None and os.getpid() == master:
            stop_worker(worker)
