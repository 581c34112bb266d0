"""Pages of the register: components, roles, people, processes, suppliers, departments."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beheer import filters, forms, tables
from beheer.forms import AssignmentForm
from beheer.models import (
    Assignment,
    Component,
    Department,
    Person,
    Role,
    ServiceProcess,
    Supplier,
)
from beheer.risks import roles_with_current_assignments
from beheer.views.register import (
    RegisterCreateView,
    RegisterDeleteView,
    RegisterDetailView,
    RegisterListView,
    RegisterUpdateView,
)
from kpi import services as kpi_services
from kpi.models import Kpi
from matrix.rights import person_rights
from matrix.selectors import person_responsibilities


def _current_assignments(today=None):
    today = today or timezone.localdate()
    return Assignment.objects.current(today).select_related("person", "role")


def _count_of(queryset, link: str) -> Coalesce:
    """Per row, how many records of `queryset` point to it through `link`.

    A correlated subquery rather than Count() over a join: it needs no GROUP BY,
    so the paginator's count query stays a plain COUNT(*) of the listed table.
    """
    counted = (
        queryset.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


# Components ---------------------------------------------------------------


class ComponentMixin:
    model = Component
    url_prefix = "component"
    form_class = forms.ComponentForm


class ComponentList(ComponentMixin, RegisterListView):
    table_class = tables.ComponentTable
    filterset_class = filters.ComponentFilter
    empty_help = _(
        "Components are the parts of your customer-service software, such as the CRM or the "
        "knowledge base. Add the first one, then give it an owner role."
    )

    def get_queryset(self):
        # Aggregating queries ignore Meta.ordering, so order explicitly.
        return (
            Component.objects.select_related("supplier")
            .annotate(role_count=_count_of(Role.objects.all(), "component"))
            .order_by("name")
        )


class ComponentDetail(ComponentMixin, RegisterDetailView):
    template_name = "beheer/component_detail.html"

    def get_queryset(self):
        return Component.objects.select_related("supplier")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roles = list(
            roles_with_current_assignments(timezone.localdate()).filter(component=self.object)
        )
        context["owner_roles"] = [r for r in roles if r.kind == Role.Kind.OWNER]
        context["roles"] = roles
        context["processes"] = self.object.service_processes.select_related("department")
        return context


class ComponentCreate(ComponentMixin, RegisterCreateView):
    pass


class ComponentUpdate(ComponentMixin, RegisterUpdateView):
    pass


class ComponentDelete(ComponentMixin, RegisterDeleteView):
    pass


# Roles --------------------------------------------------------------------


class RoleMixin:
    model = Role
    url_prefix = "role"
    form_class = forms.RoleForm


class RoleList(RoleMixin, RegisterListView):
    table_class = tables.RoleTable
    filterset_class = filters.RoleFilter
    empty_help = _(
        "Roles say who does what after go-live: an owner per component, key users per "
        "process, technical and functional management. Add a role, then assign people."
    )

    def get_queryset(self):
        today = timezone.localdate()
        holder = Assignment.objects.current(today).filter(
            role=OuterRef("pk"), kind=Assignment.Kind.HOLDER
        )
        return (
            roles_with_current_assignments(today)
            .annotate(has_holder=Exists(holder))
            .order_by("name")
        )


class RoleDetail(RoleMixin, RegisterDetailView):
    template_name = "beheer/role_detail.html"

    def get_queryset(self):
        return Role.objects.select_related("component", "service_process")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        assignments = list(
            self.object.assignments.select_related("person", "person__supplier").order_by(
                "-start_date"
            )
        )
        current = [a for a in assignments if a.is_current(today)]
        context.update(
            holders=[a for a in current if a.kind == Assignment.Kind.HOLDER],
            deputies=[a for a in current if a.kind == Assignment.Kind.DEPUTY],
            other_assignments=[a for a in assignments if not a.is_current(today)],
            today=today,
            assign_form=AssignmentForm(role=self.object),
        )
        return context


class RoleCreate(RoleMixin, RegisterCreateView):
    pass


class RoleUpdate(RoleMixin, RegisterUpdateView):
    pass


class RoleDelete(RoleMixin, RegisterDeleteView):
    pass


# People -------------------------------------------------------------------


class PersonMixin:
    model = Person
    url_prefix = "person"
    form_class = forms.PersonForm


class PersonList(PersonMixin, RegisterListView):
    table_class = tables.PersonTable
    filterset_class = filters.PersonFilter
    empty_help = _(
        "Add the people who hold roles: employees, and external people with their supplier "
        "or firm. A person does not need a login."
    )

    def get_queryset(self):
        return (
            Person.objects.select_related("department", "supplier")
            .annotate(role_count=_count_of(Assignment.objects.current(), "person"))
            .order_by("name")
        )


class PersonDetail(PersonMixin, RegisterDetailView):
    template_name = "beheer/person_detail.html"

    def get_queryset(self):
        return Person.objects.select_related("department", "supplier", "user")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        assignments = list(
            self.object.assignments.select_related("role", "role__component").order_by(
                "-start_date"
            )
        )
        context.update(
            current_assignments=[a for a in assignments if a.is_current(today)],
            other_assignments=[a for a in assignments if not a.is_current(today)],
            today=today,
            assign_form=AssignmentForm(person=self.object),
            matrix_part=person_responsibilities(self.object, today),
            rights=person_rights(self.object, today),
            kpi_rows=kpi_services.kpi_rows(today=today, kpis=Kpi.objects.filter(owner=self.object)),
            factor_actions=[
                state
                for theme in kpi_services.factor_checklist(today=today).themes
                for state in theme.factors
                if state.latest and state.latest.owner_id == self.object.pk
            ],
        )
        return context


class PersonCreate(PersonMixin, RegisterCreateView):
    pass


class PersonUpdate(PersonMixin, RegisterUpdateView):
    pass


class PersonDelete(PersonMixin, RegisterDeleteView):
    pass


# Service processes --------------------------------------------------------


class ProcessMixin:
    model = ServiceProcess
    url_prefix = "process"
    form_class = forms.ServiceProcessForm


class ProcessList(ProcessMixin, RegisterListView):
    table_class = tables.ServiceProcessTable
    filterset_class = filters.ServiceProcessFilter
    empty_help = _(
        "Service processes are what customers come for, such as a repair request. Name the "
        "important ones and give each a key-user role."
    )

    def get_queryset(self):
        today = timezone.localdate()
        return ServiceProcess.objects.select_related("component", "department").prefetch_related(
            Prefetch(
                "roles",
                queryset=Role.objects.prefetch_related(
                    Prefetch(
                        "assignments",
                        queryset=_current_assignments(today),
                        to_attr="current_assignments",
                    )
                ),
            )
        )


class ProcessDetail(ProcessMixin, RegisterDetailView):
    template_name = "beheer/process_detail.html"

    def get_queryset(self):
        return ServiceProcess.objects.select_related("component", "department")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roles = list(
            roles_with_current_assignments(timezone.localdate()).filter(service_process=self.object)
        )
        context["owner_roles"] = [r for r in roles if r.kind == Role.Kind.PROCESS_OWNER]
        context["roles"] = [r for r in roles if r.kind != Role.Kind.PROCESS_OWNER]
        return context


class ProcessCreate(ProcessMixin, RegisterCreateView):
    pass


class ProcessUpdate(ProcessMixin, RegisterUpdateView):
    pass


class ProcessDelete(ProcessMixin, RegisterDeleteView):
    pass


# Suppliers ----------------------------------------------------------------


class SupplierMixin:
    model = Supplier
    url_prefix = "supplier"
    form_class = forms.SupplierForm


class SupplierList(SupplierMixin, RegisterListView):
    table_class = tables.SupplierTable
    filterset_class = filters.SupplierFilter
    empty_help = _("Add the vendors of your components, with their contact and SLA notes.")

    def get_queryset(self):
        return Supplier.objects.annotate(
            component_count=_count_of(Component.objects.all(), "supplier"),
            people_count=_count_of(Person.objects.all(), "supplier"),
        ).order_by("name")


class SupplierDetail(SupplierMixin, RegisterDetailView):
    template_name = "beheer/supplier_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["components"] = self.object.components.all()
        context["people"] = self.object.people.select_related("department")
        return context


class SupplierCreate(SupplierMixin, RegisterCreateView):
    pass


class SupplierUpdate(SupplierMixin, RegisterUpdateView):
    pass


class SupplierDelete(SupplierMixin, RegisterDeleteView):
    pass


# Departments --------------------------------------------------------------


class DepartmentMixin:
    model = Department
    url_prefix = "department"
    form_class = forms.DepartmentForm


class DepartmentList(DepartmentMixin, RegisterListView):
    table_class = tables.DepartmentTable
    filterset_class = filters.DepartmentFilter
    empty_help = _("Add the departments; maturity is assessed per department.")

    def get_queryset(self):
        return Department.objects.annotate(
            people_count=_count_of(Person.objects.all(), "department")
        ).order_by("name")


class DepartmentDetail(DepartmentMixin, RegisterDetailView):
    template_name = "beheer/department_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["people"] = self.object.people.select_related("supplier")
        context["processes"] = self.object.service_processes.select_related("component")
        return context


class DepartmentCreate(DepartmentMixin, RegisterCreateView):
    pass


class DepartmentUpdate(DepartmentMixin, RegisterUpdateView):
    pass


class DepartmentDelete(DepartmentMixin, RegisterDeleteView):
    pass
