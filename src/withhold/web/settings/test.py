"""The test suite: an in-memory SQLite database (or ``DATABASE_URL``), a fixed test key ring, fast
password hashing. Tests use invented people only."""

import os

from withhold.web.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
if not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
# Argon2 stays first (a test checks it); its cost is lowered here only so the suite stays fast.
PASSWORD_HASHERS = ["withhold.web.accounts.hashers.FastArgon2PasswordHasher"]
