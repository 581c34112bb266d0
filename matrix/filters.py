"""The filters of the matrix's change list: by person and by date (django-filter)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from beheer.forms import DateInput
from matrix.selectors import matrix_change_people


class MatrixChangeFilter(django_filters.FilterSet):
    """Filters a history queryset of any model: every historical model has the
    person (history_user) and the moment (history_date) of each change."""

    person = django_filters.ModelChoiceFilter(
        label=_("Changed by"), field_name="history_user", queryset=None
    )
    since = django_filters.DateFilter(
        label=_("From"), field_name="history_date", lookup_expr="date__gte", widget=DateInput()
    )
    until = django_filters.DateFilter(
        label=_("Until"), field_name="history_date", lookup_expr="date__lte", widget=DateInput()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["person"].queryset = matrix_change_people()
        self.form.fields["person"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
