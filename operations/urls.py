from django.urls import path

from operations.views import contracts, releases, requests, training

app_name = "operations"

urlpatterns = [
    # Wishes
    path("wensen/", requests.requests, name="requests"),
    path("wensen.xlsx", requests.requests_xlsx, name="requests-xlsx"),
    path("wensen/bord/", requests.board, name="board"),
    path("wensen/nieuw/", requests.request_create, name="request-create"),
    path("wensen/<int:pk>/", requests.request_detail, name="request"),
    path("wensen/<int:pk>/wijzigen/", requests.request_edit, name="request-edit"),
    path("wensen/<int:pk>/beoordelen/", requests.request_triage, name="request-triage"),
    path("wensen/<int:pk>/plannen/", requests.request_plan, name="request-plan"),
    path("wensen/<int:pk>/status/", requests.request_status, name="request-status"),
    path("wensen/<int:pk>/prioriteit/", requests.request_priority, name="request-priority"),
    # Releases
    path("releases/", releases.releases, name="releases"),
    path("releases/kalender/", releases.calendar, name="calendar"),
    path("releases/nieuw/", releases.release_create, name="release-create"),
    path("releases/<int:pk>/", releases.release_detail, name="release"),
    path("releases/<int:pk>/wijzigen/", releases.release_edit, name="release-edit"),
    path("releases/<int:pk>/test-starten/", releases.release_start_test, name="release-test"),
    path("releases/<int:pk>/besluit/", releases.release_decide, name="release-decide"),
    path("releases/<int:pk>/live/", releases.release_go_live, name="release-live"),
    path("releases/<int:pk>/annuleren/", releases.release_cancel, name="release-cancel"),
    path("releases/<int:pk>/releasenotes/", releases.release_document, name="release-document"),
    path(
        "releases/<int:pk>/releasenotes/uploaden/",
        releases.release_document_upload,
        name="release-document-upload",
    ),
    path("releases/<int:pk>/impact/", releases.impact_create, name="impact-create"),
    path("impact/<int:pk>/wijzigen/", releases.impact_edit, name="impact-edit"),
    path("impact/<int:pk>/verwijderen/", releases.impact_delete, name="impact-delete"),
    path("releases/<int:pk>/testpunt/", releases.test_item_create, name="test-item-create"),
    path("testpunten/<int:pk>/wijzigen/", releases.test_item_edit, name="test-item-edit"),
    path("testpunten/<int:pk>/resultaat/", releases.test_result, name="test-result"),
    # Contracts and service levels
    path("contracten/", contracts.contracts, name="contracts"),
    path("contracten/nieuw/", contracts.contract_create, name="contract-create"),
    path("contracten/<int:pk>/", contracts.contract_detail, name="contract"),
    path("contracten/<int:pk>/wijzigen/", contracts.contract_edit, name="contract-edit"),
    path("contracten/<int:pk>/serviceniveau/", contracts.level_create, name="level-create"),
    path("serviceniveaus/<int:pk>/wijzigen/", contracts.level_edit, name="level-edit"),
    path("serviceniveaus/<int:pk>/verwijderen/", contracts.level_delete, name="level-delete"),
    path("dienstencatalogus/", contracts.catalogue, name="catalogue"),
    # Training
    path("training/", training.courses, name="courses"),
    path("training/nieuw/", training.course_create, name="course-create"),
    path("training/<int:pk>/", training.course_detail, name="course"),
    path("training/<int:pk>/wijzigen/", training.course_edit, name="course-edit"),
    path("training/<int:pk>/moment/", training.session_create, name="session-create"),
    path("trainingsmomenten/<int:pk>/", training.session_detail, name="session"),
    path("trainingsmomenten/<int:pk>/wijzigen/", training.session_edit, name="session-edit"),
    path("training/ontbrekend/", training.gaps, name="gaps"),
    path("snelkaarten/", training.guides, name="guides"),
    path("snelkaarten/<int:pk>/", training.guide_edit, name="guide-edit"),
]
