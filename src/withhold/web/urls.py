from django.urls import include, path, re_path

from withhold.web import views
from withhold.web.api import views as api_views
from withhold.web.api.api import api
from withhold.web.cases.views.calendar import calendar_feed

urlpatterns = [
    path("", views.home, name="home"),
    path("language/", views.switch_language, name="language"),
    path("accounts/", include("withhold.web.accounts.urls")),
    path("cases/", include("withhold.web.cases.urls")),
    path("cases/", include("withhold.web.interviews.urls")),
    path("cases/", include("withhold.web.filing.urls")),
    path("cases/", include("withhold.web.evidence.urls")),
    path("audit/", include("withhold.web.audit.urls")),
    path("", include("withhold.web.intake.urls")),
    path("self-help/", include("withhold.web.selfhelp.urls")),
    path("calendar/<str:token>/deadlines.ics", calendar_feed, name="calendar_feed"),
    path("calendar/", include("withhold.web.calendars.urls")),
    path("cases/", include("withhold.web.notes.urls")),
    path("cases/", include("withhold.web.tasks.urls")),
    path("bulk/", include("withhold.web.imports.urls")),
    path("api/v1/", api.urls),
    re_path(r"^api/v1/", api_views.unknown),  # after every operation: an unknown one is a JSON 404
    path("api-tokens/", include("withhold.web.api.urls")),
]

handler400 = "withhold.web.errors.bad_request"
handler403 = "withhold.web.errors.forbidden"
handler404 = "withhold.web.errors.not_found"
handler500 = "withhold.web.errors.server_error"
