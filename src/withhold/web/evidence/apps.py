from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    """The documents of a case's evidence, stored encrypted, linked to the checklist's items."""

    name = "withhold.web.evidence"
    label = "evidence"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from withhold.web.evidence import signals  # noqa: F401  # a deleted document's file goes with it
