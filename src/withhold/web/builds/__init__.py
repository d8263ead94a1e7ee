"""Files built in the background (issue 19): report PDFs and filing packages, built by a task on the queue
(``django_tasks_db``, run by ``manage.py db_worker``) instead of inside a request, and kept encrypted so a
repeat download is immediate."""
