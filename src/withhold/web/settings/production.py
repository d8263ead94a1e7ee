"""Deployment behind HTTPS (``manage.py check --deploy`` is clean). Every secret comes from the
environment: ``WITHHOLD_SECRET_KEY``, ``WITHHOLD_FERNET_KEYS`` (newest first, comma-separated),
``WITHHOLD_ALLOWED_HOSTS`` (comma-separated) and ``DATABASE_URL``."""

import os

from django.core.exceptions import ImproperlyConfigured

from withhold.web.settings.base import *  # noqa: F403


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in the environment for production")
    return value


DEBUG = False
SECRET_KEY = _required("WITHHOLD_SECRET_KEY")
_required("WITHHOLD_FERNET_KEYS")  # never a key file on a server
ALLOWED_HOSTS = [host.strip() for host in _required("WITHHOLD_ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if not host.startswith(".")]

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = os.environ.get("WITHHOLD_SSL_REDIRECT", "1") != "0"
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True  # the header only; submitting the domain to the preload list stays a choice
if os.environ.get("WITHHOLD_BEHIND_PROXY") == "1":
    # Only when a reverse proxy that sets this header is the sole way in.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies append to X-Forwarded-For in front of the server: the login lockout counts the
# address the outermost one saw (docs/web/deployment.md). Behind a proxy, 0 would count the proxy's own
# address, and one person's failures would lock everyone out.
WITHHOLD_PROXY_COUNT = int(
    os.environ.get("WITHHOLD_PROXY_COUNT", "1" if os.environ.get("WITHHOLD_BEHIND_PROXY") == "1" else "0")
)

STORAGES = {
    **STORAGES,  # noqa: F405  # the evidence storage of base (files, or an S3-compatible store)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
