"""Creating a login: the user model's own manager, with its password hashed by the configured hasher."""

from __future__ import annotations

from typing import Any, cast

from django.contrib.auth import get_user_model
from django.contrib.auth.models import UserManager


def create_user(username: str, password: str) -> Any:
    manager = cast("UserManager[Any]", get_user_model()._default_manager)
    return manager.create_user(username, password=password)
