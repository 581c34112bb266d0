"""Import and export of the register in the Django admin, keyed by natural keys.

Spreadsheets refer to records by name or e-mail, never by database id, so a
file exported from one installation imports into another.
"""

import csv
from io import BytesIO

import tablib
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources
from import_export.formats import base_formats
from import_export.widgets import ForeignKeyWidget
from openpyxl import Workbook

from beheer import cells, services
from beheer.models import (
    Assignment,
    Component,
    Department,
    Person,
    Role,
    ServiceProcess,
    Supplier,
)
from beheer.xlsx import write_table


class XLSX(base_formats.XLSX):
    """An xlsx written by the app's own cell writer: text is data, never a formula.

    tablib's writer would store "=..." as a live formula and give up on a control
    character; reading (the library's) keeps working, the quote prefix is a style."""

    def export_data(self, dataset, **kwargs):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = (dataset.title or "Export")[:31]
        write_table(sheet, 1, list(dataset.headers or []), list(dataset))
        buffer = BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    def create_dataset(self, in_stream):
        dataset = super().create_dataset(in_stream)
        # openpyxl reads an empty cell as None; read it as CSV does, as empty text, or
        # a blank TextField (which the library gives no text widget) fails NOT NULL.
        return tablib.Dataset(
            *[["" if value is None else value for value in row] for row in dataset],
            headers=dataset.headers,
        )


class CSV(base_formats.CSV):
    """CSV with a quote in front of formula-like text; the import takes it off again."""

    def export_data(self, dataset, **kwargs):
        escaped = tablib.Dataset(
            *[[cells.csv_value(value) for value in row] for row in dataset],
            headers=[cells.csv_value(h) for h in dataset.headers or []] or None,
            title=dataset.title,
        )
        # Every field in double quotes too (OWASP), so no reader splits one at a comma.
        return super().export_data(escaped, quoting=csv.QUOTE_ALL, **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        dataset = super().create_dataset(in_stream, **kwargs)
        return tablib.Dataset(
            *[[cells.csv_value_read(value) for value in row] for row in dataset],
            headers=dataset.headers,
            title=dataset.title,
        )


# What the admin offers for import and export. xlsx first (the default): it is what
# people open; CSV for other tools. Each format is a way in and out that must be made
# safe, so the rest (xls, ods, tsv, json, yaml, html) is not offered.
FORMATS = [XLSX, CSV]


class _NaturalKeyResource(resources.ModelResource):
    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if not kwargs.get("dry_run") and not result.has_errors():
            services.register_changed(model=self._meta.model)

    class Meta:
        # Validate every row first; import nothing when any row fails.
        use_transactions = True
        rollback_on_validation_errors = True
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


def _fk(field: str, model, lookup: str = "name", label=None) -> fields.Field:
    return fields.Field(
        attribute=field,
        column_name=label or field,
        widget=ForeignKeyWidget(model, field=lookup),
    )


class SupplierResource(_NaturalKeyResource):
    class Meta(_NaturalKeyResource.Meta):
        model = Supplier
        import_id_fields = ("name",)
        fields = ("name", "contact_name", "contact_email", "contact_phone", "website", "sla_notes")


class DepartmentResource(_NaturalKeyResource):
    class Meta(_NaturalKeyResource.Meta):
        model = Department
        import_id_fields = ("name",)
        fields = ("name", "description")


class ComponentResource(_NaturalKeyResource):
    supplier = _fk("supplier", Supplier)

    class Meta(_NaturalKeyResource.Meta):
        model = Component
        import_id_fields = ("name",)
        fields = ("name", "kind", "description", "supplier", "work_agreements")


class ServiceProcessResource(_NaturalKeyResource):
    component = _fk("component", Component)
    department = _fk("department", Department)

    class Meta(_NaturalKeyResource.Meta):
        model = ServiceProcess
        import_id_fields = ("name",)
        fields = ("name", "description", "component", "department")


class RoleResource(_NaturalKeyResource):
    component = _fk("component", Component)
    service_process = _fk("service_process", ServiceProcess)

    class Meta(_NaturalKeyResource.Meta):
        model = Role
        import_id_fields = ("name",)
        fields = ("name", "kind", "component", "service_process", "description", "responsibilities")


class PersonResource(_NaturalKeyResource):
    department = _fk("department", Department)
    supplier = _fk("supplier", Supplier)

    class Meta(_NaturalKeyResource.Meta):
        model = Person
        import_id_fields = ("email",)
        fields = (
            "name",
            "email",
            "job_title",
            "department",
            "is_external",
            "supplier",
            "firm",
            "is_active",
            "leaving_date",
        )

    def before_import_row(self, row, **kwargs):
        if not (row.get("email") or "").strip():
            raise ValidationError(
                _("Every person needs an e-mail address: it identifies them in the import.")
            )


class AssignmentResource(_NaturalKeyResource):
    person = _fk("person", Person, lookup="email", label="person_email")
    role = _fk("role", Role)

    class Meta(_NaturalKeyResource.Meta):
        model = Assignment
        import_id_fields = ("person", "role", "kind", "start_date")
        fields = ("person", "role", "kind", "start_date", "end_date", "note")
