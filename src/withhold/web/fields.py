"""A model field whose value is JSON, stored encrypted with the key ring: the database sees only Fernet
tokens, never a name, an A-number or a fact."""

from __future__ import annotations

import json
from typing import Any

from django.db import models

from withhold.web import vault


class EncryptedJSONField(models.TextField):  # type: ignore[type-arg]
    """JSON data (a mapping or a list), encrypted on save and decrypted on load."""

    description = "JSON encrypted with the Withhold key ring"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return json.loads(vault.decrypt(value))

    def to_python(self, value: Any) -> Any:
        return value

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        text = json.dumps(value, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
        return vault.encrypt(text.encode("utf-8"))

    def value_to_string(self, obj: models.Model) -> str:
        # Serialization (dumpdata) writes the encrypted token, never the plaintext.
        return str(self.get_prep_value(self.value_from_object(obj)))


class EncryptedBytesField(models.TextField):  # type: ignore[type-arg]
    """Bytes (a built PDF), encrypted on save and decrypted on load: a Fernet token, base64 text."""

    description = "Bytes encrypted with the Withhold key ring"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return vault.decrypt(value)

    def to_python(self, value: Any) -> Any:
        return value

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        return vault.encrypt(bytes(value))

    def value_to_string(self, obj: models.Model) -> str:
        return str(self.get_prep_value(self.value_from_object(obj)))
