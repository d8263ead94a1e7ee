from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The REST API (``/api/v1/``) and the tokens programs use it with."""

    name = "withhold.web.api"
    label = "api"
    default_auto_field = "django.db.models.BigAutoField"
