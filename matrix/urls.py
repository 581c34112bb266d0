from django.urls import path

from matrix import views

app_name = "matrix"

urlpatterns = [
    path("", views.grid, name="grid"),
    path("cel/", views.cell, name="cell"),
    path("afdrukken/", views.grid_print, name="print"),
    path("per-persoon/", views.by_person, name="by-person"),
    path("matrix.json", views.matrix_json, name="json"),
    path("taken/nieuw/", views.activity_create, name="activity-create"),
    path("taken/<int:pk>/", views.row_edit, name="row"),
    path("taken/<int:pk>/bewerken/", views.activity_update, name="activity-update"),
    path("taken/<int:pk>/verwijderen/", views.activity_delete, name="activity-delete"),
    path("taken/<int:pk>/verplaatsen/", views.activity_move, name="activity-move"),
]
