from django.contrib.auth import views as auth_views
from django.urls import path

from withhold.web.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.Login.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password.html", success_url="/accounts/password/done/"
        ),
        name="password",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_done.html"),
        name="password_done",
    ),
    path("people/", views.people, name="people"),
    path("people/<int:member_id>/", views.person_change, name="person_change"),
    path("two-factor/", views.two_factor, name="two_factor"),
]
