from django.urls import path

from withhold.web.filing import views

app_name = "filing"

urlpatterns = [
    path("<uuid:case_id>/filing/", views.package, name="package"),
    path("<uuid:case_id>/filing/progress/", views.progress, name="progress"),
    path("<uuid:case_id>/filing/part<int:number>.pdf", views.part, name="part"),
]
