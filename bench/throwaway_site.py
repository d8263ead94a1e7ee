"""The web app as ``withhold serve`` runs it, for a benchmark: its local settings on the embedded SQLite
database, in a throwaway data directory with a key ring made for the run (no real case is ever near)."""

from __future__ import annotations

import os
import tempfile


def setup(name: str) -> None:
    """Configure Django and create the tables; ``name`` marks the data directory (``withhold-NAME-…``)."""
    from cryptography.fernet import Fernet

    os.environ["DJANGO_SETTINGS_MODULE"] = "withhold.web.settings.local"
    os.environ["WITHHOLD_DATA_DIR"] = tempfile.mkdtemp(prefix=f"withhold-{name}-")
    os.environ["WITHHOLD_FERNET_KEYS"] = Fernet.generate_key().decode("ascii")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
