from django.urls import path

from withhold.web.interviews import findings, views

app_name = "interviews"

urlpatterns = [
    path("<uuid:case_id>/interview/", views.question, name="question"),
    path("<uuid:case_id>/findings/", findings.review, name="findings"),
]
