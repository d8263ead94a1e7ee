from django.urls import path

from withhold.web.cases.views import (
    calendar,
    docket,
    downloads,
    edit,
    i589,
    law_watch,
    lifecycle,
    page,
    team,
    versions,
)

app_name = "cases"

urlpatterns = [
    path("", docket.docket_page, name="docket"),
    path("new/", lifecycle.new_case, name="new"),
    path("import/", lifecycle.import_case, name="import"),
    path("calendar/", calendar.calendar_settings, name="calendar"),
    path("law/", law_watch.law_watch, name="law_watch"),
    path("forms/i589/", i589.blank_i589, name="blank_i589"),
    path("<uuid:case_id>/", page.case_detail, name="detail"),
    path("<uuid:case_id>/workflow/", lifecycle.change_workflow, name="workflow"),
    path("<uuid:case_id>/delete/", lifecycle.delete_case, name="delete"),
    path("<uuid:case_id>/edit/", edit.edit_overview, name="edit"),
    path("<uuid:case_id>/edit/document/", edit.edit_document, name="edit_document"),
    path("<uuid:case_id>/edit/<slug:section>/", edit.edit_section, name="edit_section"),
    path("<uuid:case_id>/versions/", versions.version_list, name="versions"),
    path("<uuid:case_id>/versions/<int:number>/", versions.version_detail, name="version"),
    path("<uuid:case_id>/versions/<int:number>/restore/", versions.version_restore, name="restore"),
    path("<uuid:case_id>/export.<str:syntax>", downloads.export, name="export"),
    path("<uuid:case_id>/deadlines.ics", downloads.deadlines_ics, name="ics"),
    path("<uuid:case_id>/i589/", i589.i589, name="i589"),
    path("<uuid:case_id>/report/<str:audience>/<str:language>.pdf", downloads.report_pdf, name="report"),
    path(
        "<uuid:case_id>/report/<str:audience>/<str:language>/progress/",
        downloads.report_progress,
        name="report_progress",
    ),
    path("workload/", team.workload_page, name="workload"),
    path("<uuid:case_id>/assign/", team.assign, name="assign"),
]
