from django.urls import path

from withhold.web.notes import views

app_name = "notes"

urlpatterns = [
    path("<uuid:case_id>/notes/add/", views.add, name="add"),
    path("<uuid:case_id>/notes/<uuid:note_id>/edit/", views.edit, name="edit"),
    path("<uuid:case_id>/notes/<uuid:note_id>/delete/", views.delete, name="delete"),
]
