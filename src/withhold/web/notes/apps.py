from django.apps import AppConfig


class NotesConfig(AppConfig):
    """Notes on a case, written by the team: encrypted like the case, audited, never logged."""

    name = "withhold.web.notes"
    label = "notes"
    default_auto_field = "django.db.models.BigAutoField"
