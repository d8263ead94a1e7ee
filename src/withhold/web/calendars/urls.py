from django.urls import path

from withhold.web.calendars import views

app_name = "calendars"

urlpatterns = [
    path("", views.calendar_page, name="page"),
    path("time-zone/", views.time_zone, name="time_zone"),
    path("reminders/", views.reminders, name="reminders"),
]
