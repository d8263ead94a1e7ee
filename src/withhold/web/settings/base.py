"""Settings shared by every environment. Secrets come from the environment (or, on a single machine, from
files created on first run with owner-only permissions); nothing secret is written here."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import dj_database_url

from withhold.language import LANGUAGES as WITHHOLD_LANGUAGES
from withhold.language.status import native_name, right_to_left
from withhold.web.evidence.storage import storage_settings
from withhold.web.secrets import data_dir, secret_key

WEB_DIR = Path(__file__).resolve().parent.parent

DATA_DIR = data_dir()
"""Where the embedded database, the key file and collected static files live (``WITHHOLD_DATA_DIR``)."""

SECRET_KEY = secret_key(DATA_DIR)
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # recovery codes (kept as keyed digests: accounts/second_factor.py)
    "django_tasks",
    "django_tasks_db",
    "withhold.web.accounts",
    "withhold.web.audit",
    "withhold.web.cases",
    "withhold.web.interviews",
    "withhold.web.intake",
    "withhold.web.selfhelp",
    "withhold.web.evidence",
    "withhold.web.builds",
    "withhold.web.filing",
    "withhold.web.notes",
    "withhold.web.tasks",
    "withhold.web.calendars",
    "withhold.web.imports",
    "ninja",  # the API's interactive documentation: its templates and static files (served here, no CDN)
    "withhold.web.api",
    "withhold.web",  # templates, static files and management commands shared by the apps
]

MIDDLEWARE = [
    "withhold.web.request_size.RequestSizeLimit",  # first: nothing reads a body it refuses
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise (static files keep their caching): every page of case data is no-store.
    "withhold.web.no_store.NoStore",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "withhold.web.accounts.idle.RenewIdleSession",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "withhold.web.language.LanguageMiddleware",
    # Axes last: it reads the outcome of authentication (its documented place).
    "axes.middleware.AxesMiddleware",
]

# What one request may hold (see README, "Limits of the web server", and web/request_size.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = 3_000_000
"""Form fields in memory: the case file editor's text (at most 1,000,000 characters), percent-encoded."""
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
"""An uploaded file larger than this is spooled to a temporary file rather than held in memory."""
WITHHOLD_REQUEST_MAX_BYTES = 21_000_000
"""The largest request body read at all: the blank I-589 (at most 20 MB) and the rest of its form."""

ROOT_URLCONF = "withhold.web.urls"
WSGI_APPLICATION = "withhold.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "withhold.web.context.membership",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{DATA_DIR / 'withhold.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers and threads write to one file. A write transaction takes SQLite's write lock
    # when it begins (IMMEDIATE), so a second writer waits for it (up to ``timeout`` seconds) instead of
    # failing with "database is locked" when its read lock cannot be upgraded; in WAL mode, readers never
    # wait for a writer.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- accounts: Argon2 first, lockout after repeated failures, sessions that end when idle -------------

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/cases/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

AXES_FAILURE_LIMIT = 5
"""Failed logins of one username from one address before both are locked out for the cool-off time."""
AXES_COOLOFF_TIME = dt.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "withhold.web.accounts.lockout.AddressLimitHandler"
WITHHOLD_ADDRESS_FAILURE_LIMIT = 30
"""Failed logins from one address, across every username, before the address is locked out for the
cool-off time (``accounts/lockout.py``): higher than the per-username limit, for an office behind one
address."""
AXES_CLIENT_IP_CALLABLE = "withhold.web.accounts.lockout.client_address"
WITHHOLD_PROXY_COUNT = 0
"""Reverse proxies in front of the server (``settings.production`` reads ``WITHHOLD_PROXY_COUNT``): 0
here, where ``withhold serve`` answers directly, so an ``X-Forwarded-For`` header is ignored."""
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token"]

SESSION_COOKIE_AGE = int(os.environ.get("WITHHOLD_SESSION_MINUTES", "30")) * 60
"""Idle time before a session ends: a request renews it, at most once a minute (``accounts/idle.py``)."""
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "withhold.web.intake.client.csrf_failure"
"""A refused form on the client intake link's pages says so in the client's words; elsewhere, Django's."""

# --- headers: a strict content security policy (no inline script or style anywhere) --------------------

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- stored files: the evidence documents, encrypted before they are written (web/evidence/storage.py) ---

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "evidence": storage_settings(DATA_DIR),
}
WITHHOLD_EVIDENCE_MAX_FILE_BYTES = int(os.environ.get("WITHHOLD_EVIDENCE_MAX_FILE_MB", "25")) * 2**20
"""The largest evidence document taken (one file), 25 MB unless ``WITHHOLD_EVIDENCE_MAX_FILE_MB`` says."""
WITHHOLD_EVIDENCE_MAX_REQUEST_BYTES = 4 * WITHHOLD_EVIDENCE_MAX_FILE_BYTES + 1_000_000
"""The largest upload of evidence documents at once (``request_size.py``): the form's four files, each of
the largest size, and the rest of the form."""

# --- static files, served by WhiteNoise -----------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(mode=0o700, exist_ok=True)

# --- language, time ---------------------------------------------------------------------------------

LANGUAGE_CODE = "en-us"
# Every language Withhold speaks, defined once (withhold.language: the languages with catalogs), with
# the right-to-left ones from CLDR, so Django's own machinery gives each page its direction.
LANGUAGES = [(code, native_name(code)) for code in WITHHOLD_LANGUAGES]
LANGUAGES_BIDI = list(right_to_left())
TIME_ZONE = os.environ.get("WITHHOLD_TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

# --- confidentiality: nothing about a case in logs or error pages -----------------------------------------

DEFAULT_EXCEPTION_REPORTER_FILTER = "withhold.web.confidential.ConfidentialReporterFilter"
DEFAULT_EXCEPTION_REPORTER = "withhold.web.confidential.ConfidentialExceptionReporter"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"confidential": {"()": "withhold.web.confidential.ConfidentialFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["confidential"], "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Django's own handlers (and the e-mail to admins, which would carry request data) are replaced.
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # WeasyPrint narrates every step of a report at INFO; only its warnings are worth a line.
        "weasyprint": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "fontTools": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# --- background work: a queue in the database, run by ``manage.py db_worker`` ------------------------------

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
"""Report PDFs and filing packages are built off the request (web/builds): the queue is a table of the
same database (SQLite or PostgreSQL), and ``withhold serve`` starts one worker beside the server. A task
carries only a build's id; what it builds is in the build, encrypted."""

# --- Withhold ---------------------------------------------------------------------------------------

WITHHOLD_KEY_FILE = Path(os.environ.get("WITHHOLD_KEY_FILE", str(DATA_DIR / "fernet.keys")))
"""The key ring file used when ``WITHHOLD_FERNET_KEYS`` is not set (created on first use, mode 0600)."""
WITHHOLD_DOCKET_PAGE = 50
WITHHOLD_INTERVIEW_SITTING = SESSION_COOKIE_AGE
"""Seconds without an answer after which an interview sitting ends (the next answer makes a new version
and a new audit entry): as long as an idle session lasts."""

WITHHOLD_INTAKE_DAYS = int(os.environ.get("WITHHOLD_INTAKE_DAYS", "7"))
"""How many days a client intake link works unless its maker chooses otherwise (web/intake)."""
WITHHOLD_INTAKE_MOST_DAYS = 30
"""The most days a client intake link can be made to work."""
WITHHOLD_INTAKE_MISS_LIMIT = 30
"""Look-ups of intake links that do not exist from one address, within the login's cool-off time, before
the address is refused any look-up for the rest of it (``intake/guessing.py``)."""

# --- reminders by e-mail (web/calendars/digests.py; README "Reminders by e-mail") ------------------------

WITHHOLD_SITE_URL = os.environ.get("WITHHOLD_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
"""The address people open Withhold at: the reminders' links to each case start with it."""
EMAIL_HOST = os.environ.get("WITHHOLD_EMAIL_HOST", "")
"""The SMTP server; without one, e-mail is written to the server's output (Django's console backend)."""
EMAIL_PORT = int(os.environ.get("WITHHOLD_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("WITHHOLD_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("WITHHOLD_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("WITHHOLD_EMAIL_USE_TLS", "").lower() in ("1", "true", "yes", "on")
EMAIL_TIMEOUT = 30
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("WITHHOLD_EMAIL_FROM", "withhold@localhost")
WITHHOLD_DIGEST_DAYS = 14
"""A digest tells what is due in the next 14 days, and what was missed in the last 14."""
WITHHOLD_DIGEST_HOUR = int(os.environ.get("WITHHOLD_DIGEST_HOUR", "6"))
"""The hour (0-23, in each organization's time zone) at which the task queue sends the day's digests."""
# --- the API (web/api): tokens made by an administrator, each with a role ------------------------------

WITHHOLD_API_RATE = os.environ.get("WITHHOLD_API_RATE", "600/min")
"""Requests one API token may make (``N/s``, ``N/min``, ``N/hour``, ``N/day``): more are answered 429 with
``Retry-After``. Counted in the database, so every server process shares the count."""
WITHHOLD_API_PAGE_MAX = 100
"""The most items one page of an API list holds (``limit``); 50 unless asked."""
