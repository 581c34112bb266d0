import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from beheer.models import Assignment, Component, Department, Person, Role, ServiceProcess, Supplier


class _SearchFilterSet(django_filters.FilterSet):
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
