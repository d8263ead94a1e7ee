from django.urls import path

from withhold.web.api import views

app_name = "api_tokens"

urlpatterns = [
    path("", views.tokens, name="list"),
    path("<uuid:token_id>/revoke/", views.revoke_token, name="revoke"),
]
