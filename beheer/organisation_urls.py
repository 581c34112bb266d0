from django.urls import path

from beheer.views import organisation as views
from beheer.views import people, risks, settings

app_name = "beheer"


def _register(
    prefix: str, segment: str, plural_name: str, list_view, detail, create, update, delete
):
    return [
        path(f"{segment}/", list_view.as_view(), name=plural_name),
        path(f"{segment}/nieuw/", create.as_view(), name=f"{prefix}-create"),
        path(f"{segment}/<int:pk>/", detail.as_view(), name=prefix),
        path(f"{segment}/<int:pk>/bewerken/", update.as_view(), name=f"{prefix}-update"),
        path(f"{segment}/<int:pk>/verwijderen/", delete.as_view(), name=f"{prefix}-delete"),
    ]


urlpatterns = [
    *_register(
        "component",
        "onderdelen",
        "components",
        views.ComponentList,
        views.ComponentDetail,
        views.ComponentCreate,
        views.ComponentUpdate,
        views.ComponentDelete,
    ),
    *_register(
        "role",
        "rollen",
        "roles",
        views.RoleList,
        views.RoleDetail,
        views.RoleCreate,
        views.RoleUpdate,
        views.RoleDelete,
    ),
    *_register(
        "person",
        "personen",
        "people",
        views.PersonList,
        views.PersonDetail,
        views.PersonCreate,
        views.PersonUpdate,
        views.PersonDelete,
    ),
    *_register(
        "process",
        "processen",
        "processes",
        views.ProcessList,
        views.ProcessDetail,
        views.ProcessCreate,
        views.ProcessUpdate,
        views.ProcessDelete,
    ),
    *_register(
        "supplier",
        "leveranciers",
        "suppliers",
        views.SupplierList,
        views.SupplierDetail,
        views.SupplierCreate,
        views.SupplierUpdate,
        views.SupplierDelete,
    ),
    *_register(
        "department",
        "afdelingen",
        "departments",
        views.DepartmentList,
        views.DepartmentDetail,
        views.DepartmentCreate,
        views.DepartmentUpdate,
        views.DepartmentDelete,
    ),
    path("personen/<int:pk>/rol-toewijzen/", people.person_assign, name="person-assign"),
    path("personen/<int:pk>/vertrek/", people.person_leave, name="person-leave"),
    path("personen/<int:pk>/rolkaart/", people.person_card, name="person-card"),
    path("rollen/<int:pk>/persoon-toewijzen/", people.role_assign, name="role-assign"),
    path("bezettingen/<int:pk>/bewerken/", people.assignment_update, name="assignment-update"),
    path("bezettingen/<int:pk>/verwijderen/", people.assignment_delete, name="assignment-delete"),
    path("borging/", risks.risk_report, name="risks"),
    path("borging.xlsx", risks.risk_report_xlsx, name="risks-xlsx"),
    path("instellingen/", settings.organisation_settings, name="settings"),
]
