from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    """The guided interview in the browser: one question per page, chosen by the core's planner."""

    name = "withhold.web.interviews"
    label = "interviews"
    default_auto_field = "django.db.models.BigAutoField"
