import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beheer.forms import DateInput
from beheer.models import Component, Person
from governance.models import Action, Decision, Forum
from kpi.models import Kpi

UNFINISHED = "unfinished"


class DecisionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    forum = django_filters.ModelChoiceFilter(label=_("Decided by"), queryset=Forum.objects.none())
    since = django_filters.DateFilter(
        label=_("From"), field_name="date", lookup_expr="gte", widget=DateInput()
    )
    until = django_filters.DateFilter(
        label=_("Until"), field_name="date", lookup_expr="lte", widget=DateInput()
    )
    component = django_filters.ModelChoiceFilter(
        label=_("Component"), queryset=Component.objects.all()
    )
    kpi = django_filters.ModelChoiceFilter(label=_("KPI"), queryset=Kpi.objects.all())

    class Meta:
        model = Decision
        fields = []

    def __init__(self, *args, forums, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["forum"].queryset = forums

    def search(self, queryset, name, value):
        return queryset.filter(Q(text__icontains=value) | Q(rationale__icontains=value))


class ActionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    mine = django_filters.BooleanFilter(
        label=_("Only my actions"), method="filter_mine", widget=forms.CheckboxInput
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(UNFINISHED, _("Open or in progress")), *Action.Status.choices],
        method="filter_status",
        empty_label=_("All"),
    )
    overdue = django_filters.BooleanFilter(
        label=_("Overdue"), method="filter_overdue", widget=forms.CheckboxInput
    )
    forum = django_filters.ModelChoiceFilter(label=_("Forum"), queryset=Forum.objects.none())
    component = django_filters.ModelChoiceFilter(
        label=_("Component"), queryset=Component.objects.all()
    )
    owner = django_filters.ModelChoiceFilter(
        label=_("Owner"), queryset=Person.objects.filter(actions__isnull=False).distinct()
    )
    source = django_filters.ChoiceFilter(
        label=_("Source"), choices=Action.Source.choices, empty_label=_("All")
    )

    class Meta:
        model = Action
        fields = []

    def __init__(self, *args, forums, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["forum"].queryset = forums
        self.user = user

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))

    def filter_mine(self, queryset, name, value):
        return queryset.filter(owner__user=self.user) if value else queryset

    def filter_status(self, queryset, name, value):
        if value == UNFINISHED:
            return queryset.unfinished()
        return queryset.filter(status=value)

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue(timezone.localdate()) if value else queryset
