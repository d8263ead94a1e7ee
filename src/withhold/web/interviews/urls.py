from django.urls import path

from withhold.web.interviews import views

app_name = "interviews"

urlpatterns = [
    path("<uuid:case_id>/interview/", views.question, name="question"),
]
