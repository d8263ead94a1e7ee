from django.urls import path

from withhold.web.selfhelp import views

app_name = "selfhelp"
urlpatterns = [path("", views.self_help, name="start")]
