from django.apps import AppConfig


class CasesConfig(AppConfig):
    """The docket: an organization's cases, their versions, and what the core says about each."""

    name = "withhold.web.cases"
    label = "cases"
    default_auto_field = "django.db.models.BigAutoField"
