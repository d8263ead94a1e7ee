from django.urls import path, re_path

from withhold.web.intake import client, team

app_name = "intake"

urlpatterns = [
    path("intake/<str:token>/", client.intake_page, name="client"),
    # Anything else under /intake/ (a link cut short or run into other text): the client's own "this link
    # does not work", never the team application's pages.
    re_path(r"^intake/", client.not_a_link, name="not_a_link"),
    path("cases/<uuid:case_id>/intake/new/", team.new_link, name="new"),
    path("cases/<uuid:case_id>/intake/<uuid:link_id>/revoke/", team.revoke_link, name="revoke"),
]
