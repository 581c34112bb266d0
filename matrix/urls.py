from django.urls import path

from matrix import (
    history_views,
    mutations_views,
    reviews_views,
    rights_views,
    schedules_views,
    transfer,
    versions,
    views,
)

app_name = "matrix"

urlpatterns = [
    path("", views.grid, name="grid"),
    path("cel/", views.cell, name="cell"),
    path("cel/geschiedenis/", history_views.grid_cell_history, name="grid-cell-history"),
    path("wijzigingen/", history_views.grid_changes, name="grid-changes"),
    path("afdrukken/", views.grid_print, name="print"),
    path("per-persoon/", views.by_person, name="by-person"),
    path("matrix.json", views.matrix_json, name="json"),
    path("beheermatrix.xlsx", transfer.export, name="export"),
    path("import/", transfer.import_upload, name="import"),
    path("import/<int:pk>/bevestigen/", transfer.import_confirm, name="import-confirm"),
    path("versies/", versions.version_list, name="versions"),
    path("versies/vergelijken/", versions.version_compare, name="compare"),
    path("versies/<int:pk>/", versions.version_detail, name="version"),
    path("autorisaties/", rights_views.rights_grid_page, name="rights"),
    path("autorisaties/cel/", rights_views.grant_cell, name="grant-cell"),
    path("autorisaties/cel/geschiedenis/", history_views.grant_history, name="grant-history"),
    path("autorisaties/rechten/<int:pk>/", rights_views.right_detail, name="right"),
    path("autorisaties/mutaties/", mutations_views.mutations, name="mutations"),
    path("autorisaties/mutaties.xlsx", mutations_views.mutations_xlsx, name="mutations-xlsx"),
    path("autorisaties/mutaties/afvinken/", mutations_views.tick, name="mutation-tick"),
    path("autorisaties/reviews/", reviews_views.review_list, name="reviews"),
    path("autorisaties/reviews/<int:pk>/", reviews_views.review_detail, name="review"),
    path(
        "autorisaties/reviews/<int:pk>/antwoord/",
        reviews_views.review_answer_view,
        name="review-answer",
    ),
    path(
        "autorisaties/reviews/<int:pk>/afsluiten/",
        reviews_views.review_close_view,
        name="review-close",
    ),
    path(
        "autorisaties/reviews/<int:pk>/behouden/",
        reviews_views.review_keep_view,
        name="review-keep",
    ),
    path(
        "autorisaties/reviews/<int:pk>/rapport.xlsx",
        reviews_views.review_report,
        name="review-report",
    ),
    path(
        "autorisaties/reviews/terugkerend/nieuw/",
        schedules_views.schedule_create,
        name="review-schedule-create",
    ),
    path(
        "autorisaties/reviews/terugkerend/<int:pk>/",
        schedules_views.schedule_update,
        name="review-schedule",
    ),
    path(
        "autorisaties/reviews/terugkerend/<int:pk>/pauzeren/",
        schedules_views.schedule_pause,
        name="review-schedule-pause",
    ),
    path(
        "autorisaties/reviews/terugkerend/<int:pk>/verwijderen/",
        schedules_views.schedule_delete,
        name="review-schedule-delete",
    ),
    path("taken/nieuw/", views.activity_create, name="activity-create"),
    path("taken/<int:pk>/", views.row_edit, name="row"),
    path("taken/<int:pk>/bewerken/", views.activity_update, name="activity-update"),
    path("taken/<int:pk>/verwijderen/", views.activity_delete, name="activity-delete"),
    path("taken/<int:pk>/verplaatsen/", views.activity_move, name="activity-move"),
]
