from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Organizations, the people in them and their roles."""

    name = "withhold.web.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"
