"""Secrets on a single machine: read from the environment, else from files this program creates on first
use, readable by their owner only.

A file that others can read is refused rather than used: a key that has leaked is no key. In production
every secret comes from the environment (``settings.production`` insists).
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

SECRET_KEY_ENV = "WITHHOLD_SECRET_KEY"
DATA_DIR_ENV = "WITHHOLD_DATA_DIR"


class SecretFileError(RuntimeError):
    """A secret file exists but is not safe to use (others can read it, or it is not a file)."""


def data_dir() -> Path:
    """``WITHHOLD_DATA_DIR``, else ``$XDG_DATA_HOME/withhold`` (``~/.local/share/withhold``): outside any
    source checkout, so a database of cases is never committed by accident. Created owner-only."""
    chosen = os.environ.get(DATA_DIR_ENV)
    if chosen:
        path = Path(chosen).expanduser()
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path = Path(base) / "withhold"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path.resolve()


def owner_only(path: Path, create: Callable[[], str]) -> str:
    """The text of the secret file ``path``; on first use, ``create()`` is written to it with mode 0600
    (exclusively: two processes starting at once agree on one secret)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(create())
    check_owner_only(path)
    return path.read_text(encoding="utf-8")


def check_owner_only(path: Path) -> None:
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise SecretFileError(f"{path} is not a regular file")
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SecretFileError(f"{path} can be read by others: run `chmod 600 {path}`, then rotate the keys")


def write_owner_only(path: Path, text: str) -> None:
    """Replace a secret file atomically, keeping it owner-only."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def secret_key(directory: Path) -> str:
    """Django's signing key: ``WITHHOLD_SECRET_KEY``, else ``secret.key`` in the data directory."""
    from_env = os.environ.get(SECRET_KEY_ENV)
    if from_env:
        return from_env
    return owner_only(directory / "secret.key", lambda: secrets.token_urlsafe(50)).strip()
