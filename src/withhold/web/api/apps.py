from typing import Any

from django.apps import AppConfig
from django.core import checks


class ApiConfig(AppConfig):
    """The REST API (``/api/v1/``) and the tokens programs use it with."""

    name = "withhold.web.api"
    label = "api"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        checks.register(rate_setting)


def rate_setting(**kwargs: Any) -> list[checks.CheckMessage]:
    """``WITHHOLD_API_RATE`` is a rate (``600/min``): a wrong one stops the server before it serves, instead
    of failing every API request."""
    from withhold.web.api.auth import rate

    try:
        rate()
    except ValueError as error:
        return [checks.Error(str(error), hint="For example 600/min, 50/s, 10000/day.", id="withhold.E101")]
    return []
