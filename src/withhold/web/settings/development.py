"""For developers: ``manage.py runserver`` with DEBUG on. Error pages still hide case content (the
exception reporter filter of ``base`` cleanses every variable and request value)."""

from withhold.web.settings.base import *  # noqa: F403

DEBUG = True
