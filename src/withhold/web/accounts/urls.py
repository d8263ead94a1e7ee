from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from withhold.web.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("login/", views.Login.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # The password is changed on the account page; the old address leads there.
    path("password/", RedirectView.as_view(pattern_name="accounts:account"), name="password"),
    path("people/", views.people, name="people"),
    path("people/<int:member_id>/", views.person_change, name="person_change"),
    path("two-factor/", views.two_factor, name="two_factor"),
]
