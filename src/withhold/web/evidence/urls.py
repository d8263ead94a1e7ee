from django.urls import path

from withhold.web.evidence import views

app_name = "evidence"

urlpatterns = [
    path("<uuid:case_id>/evidence/", views.evidence_page, name="page"),
    path("<uuid:case_id>/evidence/upload/", views.upload, name="upload"),
    path("<uuid:case_id>/evidence/<uuid:doc_id>/view/", views.view, name="view"),
    path("<uuid:case_id>/evidence/<uuid:doc_id>/download/", views.download, name="download"),
    path("<uuid:case_id>/evidence/<uuid:doc_id>/edit/", views.edit, name="edit"),
    path("<uuid:case_id>/evidence/<uuid:doc_id>/delete/", views.delete, name="delete"),
]
