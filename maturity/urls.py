from django.urls import path

from maturity import schedules_views, views

app_name = "maturity"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.assessment_detail, name="assessment"),
    path("<int:pk>/wijzigen/", views.assessment_edit, name="edit"),
    path("<int:pk>/invullen/<slug:dimension>/", views.questionnaire, name="questionnaire"),
    path("<int:pk>/antwoord/<int:statement_pk>/", views.answer, name="answer"),
    path("<int:pk>/indienen/", views.submit, name="submit"),
    path("<int:pk>/heropenen/<int:response_pk>/", views.reopen, name="reopen"),
    path("<int:pk>/publiceren/", views.publish, name="publish"),
    path("<int:pk>/openen-sluiten/", views.toggle_open, name="toggle-open"),
    path("<int:pk>/resultaten/", views.results, name="results"),
    path("<int:pk>/resultaten.json", views.results_json, name="results-json"),
    path("<int:pk>/resultaten.xlsx", views.results_xlsx, name="results-xlsx"),
    path("<int:pk>/acties/nieuw/<int:statement_pk>/", views.action_create, name="action-create"),
    path("terugkerend/nieuw/", schedules_views.schedule_create, name="schedule-create"),
    path("terugkerend/<int:pk>/", schedules_views.schedule_update, name="schedule"),
    path("terugkerend/<int:pk>/pauzeren/", schedules_views.schedule_pause, name="schedule-pause"),
    path(
        "terugkerend/<int:pk>/verwijderen/", schedules_views.schedule_delete, name="schedule-delete"
    ),
    path("vergelijken/", views.compare, name="compare"),
]
