from django.apps import AppConfig


class TasksConfig(AppConfig):
    """Tasks on a case: written by the team, or made from the deadlines the engine computes."""

    name = "withhold.web.tasks"
    label = "tasks"
    default_auto_field = "django.db.models.BigAutoField"
