"""The register's tables: django-tables2 declares the columns, sorts and
paginates; RegisterTable renders the cells itself.

Why not django-tables2's own rendering: it inspects the signature of a render
method for every cell, reverses a URL for every link, compiles a template for
every date (DateColumn is a TemplateColumn) and loops over the cells in a
template, which made one page of 25 people cost several times the page around
it. Here each column is worked out once per table (`_Cells`), a detail link
costs one reverse() per model (beheer.detail_urls), and a row is joined in Python;
the markup around it is the lean template `beheer/_table.html`.
"""

import html
from urllib.parse import urlencode

import django_tables2 as tables
from django.db import models
from django.template.defaultfilters import date as date_filter
from django.utils.formats import localize
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext_lazy as _
from django_tables2.templatetags.django_tables2 import table_page_range
from django_tables2.utils import A, signature

from beheer.detail_urls import DetailUrls
from beheer.models import Component, Department, Person, Role, ServiceProcess, Supplier

TABLE_ATTRS = {"class": "striped register-table"}
# Words, not check marks: screen readers read the marks out as symbols.
YES_NO = (_("yes"), _("no"))


def _escape(content) -> str:
    """conditional_escape() without its lazy-string wrapper, for every cell."""
    if hasattr(content, "__html__"):
        return content.__html__()
    return html.escape(str(content))


class _Cells:
    """How one column renders its cells, worked out once per table: the same
    result as django-tables2's BoundRow.get_cell and its template, per cell."""

    def __init__(self, table: "RegisterTable", bound_column):
        column = bound_column.column
        self.table = table
        self.bound_column = bound_column
        self.accessor = A(bound_column.accessor)
        bits = self.accessor.bits
        # A plain attribute is read directly; paths and callables the django-tables2 way.
        self.attribute = bits[0] if len(bits) == 1 else None
        self.default = bound_column.default
        self.empty_values = column.empty_values
        self.localize = column.localize
        self.td = f"<td {bound_column.attrs['td'].as_html()}>"
        # A field with choices shows its label (get_FOO_display), as in django-tables2.
        field = self.accessor.get_field(table._meta.model)
        self.display = f"get_{bits[-1]}_display" if getattr(field, "choices", None) else None
        render = bound_column.render
        if getattr(render, "__func__", None) is tables.Column.render:
            self.render = None  # shows the value as it is
        elif hasattr(column, "fast_render") and render == column.render:
            self.render = column.fast_render()  # value -> content, set up once
            self.arguments = {"value"}
        else:
            self.render = render
            names, catch_all = signature(render)
            self.arguments = None if catch_all else set(names)
        link = bound_column.link
        # linkify=True: the detail page of the value, or else of the record.
        self.plain_link = (
            link is not None and link.url is None and not link.reverse_args and not link.attrs
        )
        self.link = link

    def value(self, record):
        if self.display:
            owner = self.accessor.penultimate(record)[0]
            if isinstance(owner, models.Model):
                return getattr(owner, self.display)()
        if self.attribute is not None:
            value = getattr(record, self.attribute, None)
            if not callable(value):
                return value
        return self.accessor.resolve(record, quiet=True)

    def html(self, row) -> str:
        value = self.value(row.record)
        content = self.default if value in self.empty_values else self._rendered(row, value)
        if not isinstance(content, str):  # as {{ cell }} shows it in a template
            if self.localize is None:
                content = localize(template_localtime(content))
            else:
                content = localize(content, use_l10n=self.localize)
        return f"{self.td}{_escape(content)}</td>"

    def _rendered(self, row, value):
        if self.render is None:
            content = value
        elif self.arguments == {"value"}:
            content = self.render(value=value)
        else:
            arguments = self._arguments(row, value)
            if self.arguments is not None:
                arguments = {k: v for k, v in arguments.items() if k in self.arguments}
            content = self.render(**arguments)
        if self.link is None:
            return content
        if self.plain_link:
            target = value if hasattr(value, "get_absolute_url") else row.record
            return mark_safe(
                f'<a href="{html.escape(self.table.url_for(target))}">{_escape(content)}</a>'
            )
        return self.link(content, **self._arguments(row, value))

    def _arguments(self, row, value) -> dict:
        return {
            "value": value,
            "record": row.record,
            "column": self.bound_column.column,
            "bound_column": self.bound_column,
            "bound_row": row,
            "table": self.table,
        }


class RegisterTable(tables.Table):
    """The project's base table (see the module's docstring)."""

    template_name = "beheer/_table.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.url_for = DetailUrls()

    def header_cells(self) -> list[str]:
        cells = []
        for column in self.columns:
            attrs = column.attrs["th"].as_html()
            if column.orderable:
                href = self.query_with(self.prefixed_order_by_field, column.order_by_alias.next)
                cells.append(
                    format_html('<th {}><a href="{}">{}</a></th>', attrs, href, column.header)
                )
            else:
                cells.append(format_html("<th {}>{}</th>", attrs, column.header))
        return cells

    def body_rows(self) -> list[str]:
        cells = [_Cells(self, column) for column in self.columns]
        return [
            mark_safe(
                f'<tr class="{"odd" if number % 2 else "even"}">'
                + "".join(cell.html(row) for cell in cells)
                + "</tr>"
            )
            for number, row in enumerate(self.paginated_rows)
        ]

    def pagination(self) -> dict | None:
        """The addresses of the previous, next and numbered pages; None for one page."""
        if not hasattr(self, "page") or self.paginator.num_pages <= 1:
            return None
        page, field = self.page, self.prefixed_page_field
        return {
            "previous": page.has_previous() and self.query_with(field, page.previous_page_number()),
            "next": page.has_next() and self.query_with(field, page.next_page_number()),
            "pages": [
                (p, "#" if p == "..." else self.query_with(field, p), p == page.number)
                for p in table_page_range(page, self.paginator)
            ],
        }

    def query_with(self, key: str, value) -> str:
        """The current query string with `key` set to `value`, as django-tables2's
        querystring_replace builds it."""
        params = dict(self.request.GET)
        params[key] = value
        return escape("?" + urlencode(params, doseq=True))

    class Meta:
        attrs = TABLE_ATTRS
        per_page = 25
        empty_text = _("Nothing matches these filters.")


class DateColumn(tables.Column):
    """A date in `format`, without django-tables2's template per cell."""

    def __init__(self, *args, format: str = "d-m-Y", **kwargs):
        self.format = format
        super().__init__(*args, **kwargs)

    def render(self, value):
        return date_filter(value, self.format)

    def fast_render(self):
        return self.render


class YesNoColumn(tables.BooleanColumn):
    """A boolean field as words; the two cells are built once per table."""

    def __init__(self, **kwargs):
        super().__init__(yesno=YES_NO, **kwargs)

    def fast_render(self):
        spans = {
            value: format_html('<span class="{}">{}</span>', str(value).lower(), text)
            for value, text in ((True, self.yesno[0]), (False, self.yesno[1]))
        }
        return lambda value: spans[bool(value)]


class _NamedTable(RegisterTable):
    name = tables.Column(linkify=True, verbose_name=_("Name"))

    class Meta(RegisterTable.Meta):
        pass


def _people_links(table: RegisterTable, assignments) -> str:
    return format_html_join(
        ", ",
        '<a href="{}">{}</a>',
        ((table.url_for(a.person), a.person.name) for a in assignments),
    )


class ComponentTable(_NamedTable):
    supplier = tables.Column(linkify=True)
    role_count = tables.Column(verbose_name=_("Roles"), attrs={"td": {"class": "number"}})

    class Meta(_NamedTable.Meta):
        model = Component
        fields = ("name", "kind", "supplier", "role_count")


class RoleTable(_NamedTable):
    component = tables.Column(linkify=True)
    holders = tables.Column(verbose_name=_("Holders"), empty_values=(), orderable=False)
    deputies = tables.Column(verbose_name=_("Deputies"), empty_values=(), orderable=False)

    class Meta(_NamedTable.Meta):
        model = Role
        fields = ("name", "kind", "component", "holders", "deputies")

    def render_holders(self, record):
        holders = [a for a in record.current_assignments if a.kind == "holder"]
        if not holders:
            return format_html('<span class="badge badge-risk">{}</span>', _("vacant"))
        return _people_links(self, holders)

    def render_deputies(self, record):
        deputies = [a for a in record.current_assignments if a.kind == "deputy"]
        return _people_links(self, deputies) or "—"


class PersonTable(_NamedTable):
    department = tables.Column(linkify=True)
    is_external = YesNoColumn(verbose_name=_("External"))
    organisation = tables.Column(
        verbose_name=_("Supplier or firm"), empty_values=(), order_by=("supplier__name", "firm")
    )
    is_active = YesNoColumn(verbose_name=_("Active"))
    leaving_date = DateColumn(format="d-m-Y", attrs={"td": {"class": "date"}})
    role_count = tables.Column(verbose_name=_("Roles"), attrs={"td": {"class": "number"}})

    class Meta(_NamedTable.Meta):
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


class ServiceProcessTable(_NamedTable):
    component = tables.Column(linkify=True)
    department = tables.Column(linkify=True)
    owner = tables.Column(verbose_name=_("Process owner"), empty_values=(), orderable=False)
    key_users = tables.Column(verbose_name=_("Key users"), empty_values=(), orderable=False)

    class Meta(_NamedTable.Meta):
        model = ServiceProcess
        fields = ("name", "component", "department", "owner", "key_users")

    def render_owner(self, record):
        owner_roles = [r for r in record.roles.all() if r.kind == Role.Kind.PROCESS_OWNER]
        if not owner_roles:
            return "—"
        people = [a for role in owner_roles for a in role.current_assignments]
        return _people_links(self, people) or format_html(
            '<span class="badge badge-risk">{}</span>', _("vacant")
        )

    def render_key_users(self, record):
        people = [
            a
            for role in record.roles.all()
            if role.kind == Role.Kind.KEY_USER
            for a in role.current_assignments
        ]
        return _people_links(self, people) or "—"


class SupplierTable(_NamedTable):
    component_count = tables.Column(verbose_name=_("Components"), attrs={"td": {"class": "number"}})
    people_count = tables.Column(verbose_name=_("People"), attrs={"td": {"class": "number"}})

    class Meta(_NamedTable.Meta):
        model = Supplier
        fields = ("name", "contact_name", "contact_email", "component_count", "people_count")


class DepartmentTable(_NamedTable):
    people_count = tables.Column(verbose_name=_("People"), attrs={"td": {"class": "number"}})

    class Meta(_NamedTable.Meta):
        model = Department
        fields = ("name", "people_count")
