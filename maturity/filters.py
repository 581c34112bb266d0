import django_filters
from django.utils.translation import gettext_lazy as _

from maturity.models import Assessment


class CompareFilter(django_filters.FilterSet):
    """The comparison's choice of one department to follow over time; the
    parameter name is that of links people keep."""

    afdeling = django_filters.ChoiceFilter(
        field_name="department", label=_("Department"), empty_label=None
    )

    class Meta:
        model = Assessment
        fields = []

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        # The departments whose results the viewer may see, read once by the view.
        self.filters["afdeling"].extra["choices"] = [(d.pk, str(d)) for d in departments]

    @property
    def department_id(self) -> int | None:
        self.errors  # noqa: B018 - validates the form, which fills cleaned_data
        value = self.form.cleaned_data.get("afdeling")
        return int(value) if value else None
