import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from beheer.filters import FilterSet
from beheer.models import Component, ServiceProcess
from operations.models import ChangeRequest, Release

OPEN, WAITING, NONE = "open", "waiting", "none"


class ChangeRequestFilter(FilterSet):
    """The backlog's filters; `component` and `status` are the names of links
    other pages make (a component's backlog, the KPI's wishes in production)."""

    q = django_filters.CharFilter(label=_("Search"), method="search")
    component = django_filters.ModelChoiceFilter(
        label=_("Component"), queryset=Component.objects.all()
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            (OPEN, _("Open (not in production or rejected)")),
            (WAITING, _("Waiting for the owner's judgement")),
            *ChangeRequest.Status.choices,
        ],
        method="filter_status",
        empty_label=_("All"),
    )
    priority = django_filters.ChoiceFilter(
        label=_("Priority"),
        choices=[(NONE, _("Not yet prioritised")), *ChangeRequest.Priority.choices],
        method="filter_priority",
        empty_label=_("All"),
    )
    urgency = django_filters.ChoiceFilter(
        label=_("Urgency"), choices=ChangeRequest.Urgency.choices, empty_label=_("All")
    )
    service_process = django_filters.ModelChoiceFilter(
        label=_("Service process"), queryset=ServiceProcess.objects.all()
    )
    release = django_filters.ModelChoiceFilter(
        label=_("Release"),
        queryset=Release.objects.select_related("component").order_by("-planned_date"),
    )
    mine = django_filters.BooleanFilter(
        label=_("Only the wishes I submitted"), method="filter_mine", widget=forms.CheckboxInput
    )

    class Meta:
        model = ChangeRequest
        fields = []

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def search(self, queryset, name, value):
        condition = Q(title__icontains=value) | Q(description__icontains=value)
        if value.lstrip("#").isdecimal():
            condition |= Q(pk=int(value.lstrip("#")))
        return queryset.filter(condition)

    def filter_status(self, queryset, name, value):
        if value == OPEN:
            return queryset.filter(status__in=ChangeRequest.OPEN)
        if value == WAITING:
            return queryset.filter(status=ChangeRequest.Status.SUBMITTED, needs_information=False)
        return queryset.filter(status=value)

    def filter_priority(self, queryset, name, value):
        if value == NONE:
            return queryset.filter(priority__isnull=True)
        return queryset.filter(priority=value)

    def filter_mine(self, queryset, name, value):
        return queryset.filter(submitted_by=self.user) if value else queryset


class ReleaseFilter(FilterSet):
    q = django_filters.CharFilter(label=_("Version"), field_name="version", lookup_expr="icontains")
    component = django_filters.ModelChoiceFilter(
        label=_("Component"), queryset=Component.objects.all()
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Release.Status.choices, empty_label=_("All")
    )

    class Meta:
        model = Release
        fields = []
