from django.apps import AppConfig


class WebConfig(AppConfig):
    """The shared parts of the web face: base templates, static files, template filters, commands."""

    name = "withhold.web"
    label = "withhold_web"
    default_auto_field = "django.db.models.BigAutoField"
