from django.contrib import admin
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from beheer import resources
from beheer.models import (
    Assignment,
    Component,
    Department,
    OrganisationSettings,
    Person,
    Role,
    ServiceProcess,
    Supplier,
)


class RegisterAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    search_fields = ("name",)


@admin.register(Supplier)
class SupplierAdmin(RegisterAdmin):
    resource_classes = [resources.SupplierResource]
    list_display = ("name", "contact_name", "contact_email")


@admin.register(Department)
class DepartmentAdmin(RegisterAdmin):
    resource_classes = [resources.DepartmentResource]


@admin.register(Component)
class ComponentAdmin(RegisterAdmin):
    resource_classes = [resources.ComponentResource]
    list_display = ("name", "kind", "supplier")
    list_filter = ("kind",)
    list_select_related = ("supplier",)


@admin.register(ServiceProcess)
class ServiceProcessAdmin(RegisterAdmin):
    resource_classes = [resources.ServiceProcessResource]
    list_display = ("name", "component", "department")
    list_select_related = ("component", "department")


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    autocomplete_fields = ("person",)


@admin.register(Role)
class RoleAdmin(RegisterAdmin):
    resource_classes = [resources.RoleResource]
    list_display = ("name", "kind", "component", "service_process")
    list_filter = ("kind", "component")
    list_select_related = ("component", "service_process")
    inlines = [AssignmentInline]


@admin.register(Person)
class PersonAdmin(RegisterAdmin):
    resource_classes = [resources.PersonResource]
    list_display = ("name", "email", "job_title", "department", "is_external", "is_active")
    list_filter = ("is_external", "is_active", "department")
    list_select_related = ("department",)
    search_fields = ("name", "email")


@admin.register(Assignment)
class AssignmentAdmin(RegisterAdmin):
    resource_classes = [resources.AssignmentResource]
    list_display = ("role", "person", "kind", "start_date", "end_date")
    list_filter = ("kind", "role__kind")
    list_select_related = ("role", "person")
    search_fields = ("person__name", "role__name")
    autocomplete_fields = ("person", "role")


@admin.register(OrganisationSettings)
class OrganisationSettingsAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return not OrganisationSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
