"""The task queue's worker run inside a test, until the queue is empty."""

from __future__ import annotations


def run_queue() -> int:
    """Runs what waits on the task queue with django-tasks-db's own worker (the loop of ``manage.py
    db_worker --batch``, without its signal handlers), until the queue is empty; how many tasks it ran.
    Tests that use it need ``django_db(transaction=True)``: the worker closes connections between tasks."""
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    worker.run()
    return worker._run_tasks
