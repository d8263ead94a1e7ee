from django.urls import path

from withhold.web.imports import views

app_name = "imports"

urlpatterns = [
    path("import/", views.upload_page, name="upload"),
    path("import/columns/", views.columns_page, name="columns"),
    path("import/template.csv", views.template, name="template"),
    path("import/<uuid:upload_id>/", views.preview, name="preview"),
    path("import/<uuid:upload_id>/confirm/", views.confirm, name="confirm"),
    path("import/<uuid:upload_id>/progress/", views.import_progress, name="import_progress"),
    path("screening/", views.screenings, name="screenings"),
    path("screening/<uuid:screening_id>/", views.screening_page, name="screening"),
    path("screening/<uuid:screening_id>/progress/", views.screening_progress, name="screening_progress"),
    path("screening/<uuid:screening_id>/results.csv", views.screening_csv, name="screening_csv"),
]
