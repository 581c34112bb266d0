import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from kpi.models import Kpi


class KpiFilter(django_filters.FilterSet):
    """The overview's filters; the parameter names are those of links people keep."""

    afdeling = django_filters.ChoiceFilter(
        field_name="department", label=_("Department"), empty_label=_("All departments")
    )
    niveau = django_filters.ChoiceFilter(
        field_name="level", choices=Kpi.Level.choices, label=_("Level"), empty_label=_("All levels")
    )
    mijn = django_filters.BooleanFilter(
        label=_("Only my KPIs"), widget=forms.CheckboxInput, method="filter_mine"
    )

    class Meta:
        model = Kpi
        fields = []

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        # The departments that have KPIs, read once by the view for the choices.
        self.filters["afdeling"].extra["choices"] = [(d.pk, str(d)) for d in departments]

    def filter_mine(self, queryset, name, value):
        return queryset.filter(owner__user=self.request.user) if value else queryset

    @property
    def active(self) -> dict:
        """The filters given and valid, by name."""
        self.errors  # noqa: B018 - validates the form, which fills cleaned_data
        return {name: value for name, value in self.form.cleaned_data.items() if value}
