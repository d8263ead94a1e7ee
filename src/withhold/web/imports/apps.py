from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """Work on many cases at once: importing a spreadsheet or a ZIP of case files, and screening the whole
    docket on the task queue."""

    name = "withhold.web.imports"
    label = "imports"
    default_auto_field = "django.db.models.BigAutoField"
