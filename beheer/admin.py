from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext as _
from import_export.admin import ImportExportModelAdmin
from import_export.formats import base_formats
from import_export.forms import ImportForm
from simple_history.admin import SimpleHistoryAdmin

from beheer import resources, services, uploads
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


def _check_import_file(upload, file_format, *, caps, encoding) -> None:
    if issubclass(file_format, base_formats.XLSX):
        uploads.check_xlsx(upload, caps)
    elif issubclass(file_format, base_formats.CSV | base_formats.TSV):
        delimiter = "\t" if issubclass(file_format, base_formats.TSV) else ","
        try:
            text = uploads.read_text(upload, caps, encoding=encoding)
        except UnicodeDecodeError as error:
            raise uploads.NotReadable(_("This is not a CSV file in UTF-8.")) from error
        finally:
            upload.seek(0)
        uploads.csv_rows(text, delimiter=delimiter, caps=caps)
    else:  # JSON, HTML, ...: read whole by tablib, with nothing to count rows by first
        raise uploads.UploadRefused(_("Files of this format cannot be imported."))


class CappedImportForm(ImportForm):
    """django-import-export's import form, refusing a file beyond the upload caps
    (beheer/uploads.py) before the library reads it whole."""

    def __init__(self, formats, resource_classes, *, encoding="utf-8-sig", **kwargs):
        super().__init__(formats, resource_classes, **kwargs)
        self.import_formats = formats
        self.encoding = encoding

    def clean(self):
        cleaned = super().clean()
        upload, choice = cleaned.get("import_file"), str(cleaned.get("format") or "")
        if upload is None or not choice.isdecimal() or int(choice) >= len(self.import_formats):
            return cleaned
        # Saving checks every row against the database, twice (preview and
        # confirmation): fewer rows than the other uploads.
        caps = uploads.Caps.from_settings(max_rows=settings.ADMIN_IMPORT_MAX_ROWS)
        try:
            _check_import_file(
                upload, self.import_formats[int(choice)], caps=caps, encoding=self.encoding
            )
        except uploads.UploadRefused as refusal:
            self.add_error("import_file", refusal.message)
        return cleaned


class ImportCapsMixin:
    """The admin import within the upload caps: size, unpacked size, rows, columns, cells."""

    import_form_class = CappedImportForm

    def get_import_form_kwargs(self, request):
        return {**super().get_import_form_kwargs(request), "encoding": self.from_encoding}


class RegisterAdmin(ImportCapsMixin, ImportExportModelAdmin, SimpleHistoryAdmin):
    """The register in the admin: what follows a change here follows it in the
    application's own screens too (services.register_changed)."""

    search_fields = ("name",)

    def save_related(self, request, form, formsets, change):
        # After the record and its inlines (a role's assignments) are saved.
        super().save_related(request, form, formsets, change)
        services.register_changed(model=self.model)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.register_changed(model=self.model)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        services.register_changed(model=self.model)

    # Only the formats whose cells beheer.cells makes safe (see resources.FORMATS).
    import_formats = export_formats = resources.FORMATS


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
