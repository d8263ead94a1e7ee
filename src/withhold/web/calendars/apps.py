from django.apps import AppConfig


class CalendarsConfig(AppConfig):
    """The calendar pages (month, week, agenda of hearings, deadlines and tasks) and the daily e-mail
    reminders."""

    name = "withhold.web.calendars"
    label = "calendars"
    default_auto_field = "django.db.models.BigAutoField"
