from django.apps import AppConfig


class IntakeConfig(AppConfig):
    """The client intake link: the client answers the client interview on their own phone, without an
    account, through a link the team makes, that expires, can be turned off, and works on one device."""

    name = "withhold.web.intake"
    label = "intake"
    default_auto_field = "django.db.models.BigAutoField"
