from django.urls import path

from kpi import views

app_name = "kpi"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("succesfactoren/", views.factors, name="factors"),
    path("succesfactoren/<int:pk>/", views.factor_detail, name="factor"),
    path("succesfactoren/<int:pk>/wijzigen/", views.factor_edit, name="factor-edit"),
    path("nieuw/", views.kpi_create, name="kpi-create"),
    path("<int:pk>/", views.kpi_detail, name="kpi"),
    path("<int:pk>/wijzigen/", views.kpi_edit, name="kpi-edit"),
    path("<int:pk>/verwijderen/", views.kpi_delete, name="kpi-delete"),
    path("metingen/<int:pk>/verwijderen/", views.measurement_delete, name="measurement-delete"),
    path("metingen/uploaden/", views.measurements_upload, name="upload"),
    path("uploads/<str:kind>/<int:pk>/bevestigen/", views.upload_confirm, name="upload-confirm"),
    path("kanalen/", views.channels, name="channels"),
    path("kanalen/nieuw/", views.channel_create, name="channel-create"),
    path("kanalen/<int:pk>/wijzigen/", views.channel_edit, name="channel-edit"),
    path("kanalen/maand/", views.volumes_month, name="volumes-month"),
    path("kanalen/uploaden/", views.volumes_upload, name="volumes-upload"),
    path("kpis.xlsx", views.export, name="export"),
    path("sjabloon/<str:kind>.xlsx", views.upload_template, name="upload-template"),
]
