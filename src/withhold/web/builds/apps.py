from django.apps import AppConfig


class BuildsConfig(AppConfig):
    """Report PDFs and filing packages built on the task queue and kept encrypted."""

    name = "withhold.web.builds"
    label = "builds"
    default_auto_field = "django.db.models.BigAutoField"
