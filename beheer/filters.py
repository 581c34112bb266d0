"""The register's filters: django-filter, with choice lists that are quick to build.

Why the widgets and the choice iterator below: Django renders every <option>
through a template include, and reads a model's choices with iterator(), which
opens a server-side cursor on PostgreSQL (three round trips for a handful of
rows). A list page shows these forms on every cold request; here a choice list
is one plain query and a select is joined in Python, with the same markup.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_filters import fields as filter_fields

from beheer.models import Assignment, Component, Department, Person, Role, ServiceProcess, Supplier


def _attributes(attrs: dict) -> str:
    """As django/forms/widgets/attrs.html writes them."""
    return "".join(
        f" {name}" if value is True else f' {name}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class _PythonSelect:
    """The markup of django/forms/widgets/select.html, built without a template
    include per option."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{escape(widget["name"])}"{_attributes(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{escape(group_name)}">')
            for option in options:
                parts.append(
                    f'\n  <option value="{escape(option["value"])}"'
                    f"{_attributes(option['attrs'])}>{escape(option['label'])}</option>"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))


class Select(_PythonSelect, forms.Select):
    pass


class NullBooleanSelect(_PythonSelect, forms.NullBooleanSelect):
    pass


class _ChoiceIterator(filter_fields.ModelChoiceIterator):
    """django-filter's choices (empty, null, then the records) from one plain query."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        for obj in self.queryset:  # the field's own copy: read once per form
            yield self.choice(obj)


class _ModelChoiceField(filter_fields.ModelChoiceField):
    iterator = _ChoiceIterator


class FilterSet(django_filters.FilterSet):
    """The project's filter set: select boxes and choice lists as above, also
    for the filters generated from Meta.fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for filter_ in self.filters.values():  # this filter set's own copies
            if isinstance(filter_, django_filters.ModelChoiceFilter):
                filter_.field_class = _ModelChoiceField
            if isinstance(filter_, django_filters.BooleanFilter):
                filter_.extra.setdefault("widget", NullBooleanSelect)
            elif isinstance(filter_, django_filters.ChoiceFilter):  # also ModelChoiceFilter
                filter_.extra.setdefault("widget", Select)


class _SearchFilterSet(FilterSet):
    search_fields: tuple[str, ...] = ("name",)

    q = django_filters.CharFilter(label=_("Search"), method="search")

    def search(self, queryset, name, value):
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value})
        return queryset.filter(condition)


class ComponentFilter(_SearchFilterSet):
    search_fields = ("name", "description", "work_agreements")

    class Meta:
        model = Component
        fields = ["kind", "supplier"]


class RoleFilter(_SearchFilterSet):
    search_fields = ("name", "description", "responsibilities")
    vacant = django_filters.BooleanFilter(label=_("Without holder"), method="filter_vacant")

    class Meta:
        model = Role
        fields = ["kind", "component", "service_process"]

    def filter_vacant(self, queryset, name, value):
        # `has_holder` is annotated by the view, for today's date.
        return queryset.filter(has_holder=not value)


class PersonFilter(_SearchFilterSet):
    search_fields = ("name", "email", "job_title", "firm")
    component = django_filters.ModelChoiceFilter(
        label=_("Has a role on component"),
        queryset=Component.objects.all(),
        method="filter_component",
    )

    class Meta:
        model = Person
        fields = ["department", "is_external", "is_active", "supplier"]

    def filter_component(self, queryset, name, value):
        current = Assignment.objects.current().filter(role__component=value)
        return queryset.filter(pk__in=current.values("person"))


class ServiceProcessFilter(_SearchFilterSet):
    search_fields = ("name", "description")

    class Meta:
        model = ServiceProcess
        fields = ["component", "department"]


class SupplierFilter(_SearchFilterSet):
    search_fields = ("name", "contact_name", "sla_notes")

    class Meta:
        model = Supplier
        fields = []


class DepartmentFilter(_SearchFilterSet):
    search_fields = ("name", "description")

    class Meta:
        model = Department
        fields = []
