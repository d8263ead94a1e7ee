from django.apps import AppConfig


class FilingConfig(AppConfig):
    """The filing package page: choose the documents and the service, build in the background, download."""

    name = "withhold.web.filing"
    label = "filing"
    default_auto_field = "django.db.models.BigAutoField"
