"""Where the encrypted bytes of evidence documents are kept: the Django storage ``STORAGES["evidence"]``.

By default, files under the data directory (``<WITHHOLD_DATA_DIR>/evidence``, owner-only); a team
deployment can point it at an S3-compatible store (:func:`storage_settings`, from environment variables
documented in the README). Either way the bytes are encrypted with the key ring (Fernet, :mod:`withhold.web.
vault`) before they are written, so the store holds tokens only, under random names.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

S3_ENV = "WITHHOLD_EVIDENCE_S3_BUCKET"
"""Set: the evidence files go to this bucket of an S3-compatible store."""
S3_OPTIONS = {
    "WITHHOLD_EVIDENCE_S3_ENDPOINT_URL": "endpoint_url",
    "WITHHOLD_EVIDENCE_S3_REGION": "region_name",
    "WITHHOLD_EVIDENCE_S3_ACCESS_KEY_ID": "access_key",
    "WITHHOLD_EVIDENCE_S3_SECRET_ACCESS_KEY": "secret_key",
    "WITHHOLD_EVIDENCE_S3_PREFIX": "location",
}
"""The other variables of the S3 store, each with the ``S3Storage`` option it sets. Without the keys, the
usual AWS credential chain applies (an instance role, ``AWS_*`` variables)."""


def storage_settings(data_dir: Path, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The ``STORAGES["evidence"]`` entry for this environment (read by the settings)."""
    env = os.environ if environ is None else environ
    bucket = env.get(S3_ENV, "").strip()
    if bucket:
        options: dict[str, Any] = {
            "bucket_name": bucket,
            "file_overwrite": False,
            "default_acl": None,  # the bucket's own (private) policy, never public-read
            "querystring_auth": True,
        }
        for name, option in S3_OPTIONS.items():
            value = env.get(name, "").strip()
            if value:
                options[option] = value
        return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    return {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": str(data_dir / "evidence"),
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    }


def evidence_storage() -> Any:
    from django.core.files.storage import storages

    return storages["evidence"]


def new_name() -> str:
    """A random name for a stored file: it says nothing of the document (not its name, nor its kind)."""
    return f"{secrets.token_hex(16)}.fernet"


def put(token: bytes) -> str:
    """Write an encrypted ``token`` under a new random name; returns the name the storage kept."""
    from django.core.files.base import ContentFile

    return str(evidence_storage().save(new_name(), ContentFile(token)))


def get(name: str) -> bytes:
    with evidence_storage().open(name, "rb") as handle:
        return bytes(handle.read())


def remove(name: str) -> None:
    evidence_storage().delete(name)
