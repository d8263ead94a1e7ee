"""The key ring: Fernet keys that encrypt case documents at rest, and the keyed digests that let a docket
be searched by name or A-number without storing either in the clear.

Keys come from ``WITHHOLD_FERNET_KEYS`` (comma-separated, the newest first), else from the key file
(``settings.WITHHOLD_KEY_FILE``, one key a line, created on first use with mode 0600). The first key
encrypts; every key decrypts (``MultiFernet``), so a new key can be put first and the data re-encrypted
under it afterwards (``manage.py rotate_keys``) without a moment where old data cannot be read.

Search digests are HMAC-SHA256 under a key derived from each Fernet key (HKDF), so a search matches rows
indexed under any key of the ring, and ``rotate_keys`` re-indexes them under the newest.

``rotate_keys`` may run while the server does: every use of the ring first checks whether the key file
changed (its inode, size and modification time, one ``stat``) and reads it again if so, so a running
server encrypts under the newest key the moment the rotation puts it first, and reads what the rotation
re-encrypted once the old keys are retired. A value that will not decrypt makes the ring be read again
once before it is called unreadable.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

from withhold.web.secrets import owner_only, write_owner_only

KEYS_ENV = "WITHHOLD_FERNET_KEYS"
SEARCH_INFO = b"withhold web search digest/1"


class KeyRingError(RuntimeError):
    """The key ring cannot be read or does not decrypt what is stored."""


@dataclass(frozen=True)
class KeyRing:
    keys: tuple[bytes, ...]
    """Fernet keys (URL-safe base64), the newest first."""
    source: str
    """``environment`` or the key file's path (never the keys)."""

    @property
    def fernet(self) -> MultiFernet:
        return MultiFernet([Fernet(key) for key in self.keys])

    @property
    def search_keys(self) -> tuple[bytes, ...]:
        return tuple(_search_key(key) for key in self.keys)


def _search_key(fernet_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=SEARCH_INFO).derive(fernet_key)


def parse_keys(text: str, separator: str | None = None) -> tuple[bytes, ...]:
    parts = text.split(separator) if separator else text.split()
    keys = tuple(part.strip().encode("ascii") for part in parts if part.strip())
    if not keys:
        raise KeyRingError("the key ring is empty")
    for key in keys:
        try:
            Fernet(key)
        except ValueError:
            raise KeyRingError("a key of the ring is not a Fernet key (32 bytes, URL-safe base64)") from None
    return keys


def key_file() -> Path:
    return Path(settings.WITHHOLD_KEY_FILE)


def load_key_ring() -> KeyRing:
    from_env = os.environ.get(KEYS_ENV, "").strip()
    if from_env:
        return KeyRing(parse_keys(from_env, ","), "environment")
    path = key_file()
    text = owner_only(path, lambda: Fernet.generate_key().decode("ascii") + "\n")
    return KeyRing(parse_keys(text), str(path))


_lock = threading.Lock()
_ring: KeyRing | None = None
_read_from: tuple[int, ...] | None = None
"""The key file as it was when :data:`_ring` was read (:func:`_file_state`)."""


def _file_state() -> tuple[int, ...] | None:
    """What tells one version of the key file from another (a rewrite replaces it: a new inode, and a new
    modification time); None when the keys come from the environment, or the file is not there yet."""
    if os.environ.get(KEYS_ENV, "").strip():
        return None
    try:
        found = key_file().stat()
    except FileNotFoundError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


def key_ring() -> KeyRing:
    """The key ring: read on first use, and again whenever the key file changed since (a rotation)."""
    global _ring, _read_from
    with _lock:
        state = _file_state()
        if _ring is None or (state is not None and state != _read_from):
            _ring = load_key_ring()
            _read_from = _file_state()
        return _ring


def forget() -> None:
    """Read the key ring again on next use (tests change the environment under it)."""
    global _ring, _read_from
    with _lock:
        _ring = None
        _read_from = None


def encrypt(data: bytes) -> str:
    return key_ring().fernet.encrypt(data).decode("ascii")


def decrypt(token: str) -> bytes:
    try:
        return key_ring().fernet.decrypt(token.encode("ascii"))
    except InvalidToken:
        pass
    forget()  # a rotation may have changed the file within the same tick of its clock: read it again
    try:
        return key_ring().fernet.decrypt(token.encode("ascii"))
    except InvalidToken:
        raise KeyRingError(
            "stored data cannot be decrypted with the key ring: a key that encrypted it is missing"
        ) from None


def under_newest(token: str) -> bool:
    """Whether ``token`` was encrypted under the newest key of the ring (what a retired key leaves)."""
    try:
        Fernet(key_ring().keys[0]).decrypt(token.encode("ascii"))
    except InvalidToken:
        return False
    return True


def digests(term: str) -> tuple[str, ...]:
    """The search digest of a normalized term under every key of the ring (the newest first)."""
    return tuple(_digest(key, term) for key in key_ring().search_keys)


def digest(term: str) -> str:
    """The search digest under the newest key (what is stored)."""
    return _digest(key_ring().search_keys[0], term)


def _digest(key: bytes, term: str) -> str:
    return hmac.new(key, term.encode("utf-8"), hashlib.sha256).hexdigest()


def add_new_key() -> KeyRing:
    """Put a fresh key first in the key file (only when the ring comes from the file)."""
    ring = key_ring()
    if ring.source == "environment":
        raise KeyRingError(
            f"the keys come from {KEYS_ENV}: put a new key (`manage.py rotate_keys --print-new-key`) first "
            "in it, restart, then run rotate_keys"
        )
    new = Fernet.generate_key()
    write_owner_only(key_file(), "\n".join(k.decode("ascii") for k in (new, *ring.keys)) + "\n")
    forget()
    return key_ring()


def retire_old_keys() -> KeyRing:
    """Keep only the newest key in the key file (after every row was re-encrypted under it)."""
    ring = key_ring()
    if ring.source == "environment":
        raise KeyRingError(f"the keys come from {KEYS_ENV}: remove the old keys from it and restart")
    write_owner_only(key_file(), ring.keys[0].decode("ascii") + "\n")
    forget()
    return key_ring()


def all_digests(terms: Iterable[str]) -> set[str]:
    return {digest(term) for term in terms}
