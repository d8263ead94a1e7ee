from django.apps import AppConfig


class SelfHelpConfig(AppConfig):
    name = "withhold.web.selfhelp"
    label = "selfhelp"
    verbose_name = "Self-help"
