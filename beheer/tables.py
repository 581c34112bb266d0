import django_tables2 as tables
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from beheer.models import Component, Department, Person, Role, ServiceProcess, Supplier

TABLE_ATTRS = {"class": "striped register-table"}
# Words, not check marks: screen readers read the marks out as symbols.
YES_NO = (_("yes"), _("no"))


class _RegisterTable(tables.Table):
    name = tables.Column(linkify=True, verbose_name=_("Name"))

    class Meta:
        attrs = TABLE_ATTRS
        per_page = 25
        empty_text = _("Nothing matches these filters.")


def _people_links(assignments) -> str:
    return format_html_join(
        ", ",
        '<a href="{}">{}</a>',
        ((a.person.get_absolute_url(), a.person.name) for a in assignments),
    )


class ComponentTable(_RegisterTable):
    supplier = tables.Column(linkify=True)
    role_count = tables.Column(verbose_name=_("Roles"), attrs={"td": {"class": "number"}})

    class Meta(_RegisterTable.Meta):
        model = Component
        fields = ("name", "kind", "supplier", "role_count")


class RoleTable(_RegisterTable):
    component = tables.Column(linkify=True)
    holders = tables.Column(verbose_name=_("Holders"), empty_values=(), orderable=False)
    deputies = tables.Column(verbose_name=_("Deputies"), empty_values=(), orderable=False)

    class Meta(_RegisterTable.Meta):
        model = Role
        fields = ("name", "kind", "component", "holders", "deputies")

    def render_holders(self, record):
        holders = [a for a in record.current_assignments if a.kind == "holder"]
        if not holders:
            return format_html('<span class="badge badge-risk">{}</span>', _("vacant"))
        return _people_links(holders)

    def render_deputies(self, record):
        return _people_links(a for a in record.current_assignments if a.kind == "deputy") or "—"


class PersonTable(_RegisterTable):
    department = tables.Column(linkify=True)
    is_external = tables.BooleanColumn(verbose_name=_("External"), yesno=YES_NO)
    organisation = tables.Column(
        verbose_name=_("Supplier or firm"), empty_values=(), order_by=("supplier__name", "firm")
    )
    is_active = tables.BooleanColumn(verbose_name=_("Active"), yesno=YES_NO)
    leaving_date = tables.DateColumn(format="d-m-Y", attrs={"td": {"class": "date"}})
    role_count = tables.Column(verbose_name=_("Roles"), attrs={"td": {"class": "number"}})

    class Meta(_RegisterTable.Meta):
        model = Person
        fields = (
            "name",
            "job_title",
            "department",
            "is_external",
            "organisation",
            "is_active",
            "leaving_date",
            "role_count",
        )

    def render_organisation(self, record):
        return record.organisation or "—"


class ServiceProcessTable(_RegisterTable):
    component = tables.Column(linkify=True)
    department = tables.Column(linkify=True)
    key_users = tables.Column(verbose_name=_("Key users"), empty_values=(), orderable=False)

    class Meta(_RegisterTable.Meta):
        model = ServiceProcess
        fields = ("name", "component", "department", "key_users")

    def render_key_users(self, record):
        people = [
            a
            for role in record.roles.all()
            if role.kind == Role.Kind.KEY_USER
            for a in role.current_assignments
        ]
        return _people_links(people) or "—"


class SupplierTable(_RegisterTable):
    component_count = tables.Column(verbose_name=_("Components"), attrs={"td": {"class": "number"}})
    people_count = tables.Column(verbose_name=_("People"), attrs={"td": {"class": "number"}})

    class Meta(_RegisterTable.Meta):
        model = Supplier
        fields = ("name", "contact_name", "contact_email", "component_count", "people_count")


class DepartmentTable(_RegisterTable):
    people_count = tables.Column(verbose_name=_("People"), attrs={"td": {"class": "number"}})

    class Meta(_RegisterTable.Meta):
        model = Department
        fields = ("name", "people_count")
