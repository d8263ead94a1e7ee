from django.apps import AppConfig


class AuditConfig(AppConfig):
    """Who viewed, changed, exported or deleted which case, and when: never what the case says."""

    name = "withhold.web.audit"
    label = "audit"
    default_auto_field = "django.db.models.BigAutoField"
