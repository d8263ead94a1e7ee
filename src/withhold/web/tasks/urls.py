from django.urls import path

from withhold.web.tasks import views

app_name = "tasks"

urlpatterns = [
    path("tasks/", views.my_tasks, name="mine"),
    path("<uuid:case_id>/tasks/add/", views.add, name="add"),
    path("<uuid:case_id>/tasks/<uuid:task_id>/edit/", views.edit, name="edit"),
    path("<uuid:case_id>/tasks/<uuid:task_id>/done/", views.done, name="done"),
    path("<uuid:case_id>/tasks/<uuid:task_id>/reopen/", views.reopen, name="reopen"),
]
