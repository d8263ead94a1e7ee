"""``withhold serve`` and ``make run`` on this machine: the production hardening (DEBUG off, the content
security policy, HTTP-only cookies) served over plain HTTP on the loopback address, so cookies cannot be
``Secure``. Anything reachable from another machine must use ``settings.production`` behind HTTPS."""

from withhold.web.settings.base import *  # noqa: F403

DEBUG = False
