from django import forms

from beheer.models import Component
from matrix import access
from matrix.models import Activity
from matrix.rights import GRANTED
from matrix.selectors import CODES

CODE_CHOICES = [("", "—"), *[(code, code) for code in CODES]]


class CellForm(forms.Form):
    """One cell save. The task and the role are ids: the save itself finds out
    whether they exist, so a save reads no more than its row."""

    activity = forms.IntegerField(min_value=1)
    role = forms.IntegerField(min_value=1)
    code = forms.ChoiceField(choices=CODE_CHOICES, required=False)
    expected = forms.ChoiceField(choices=CODE_CHOICES, required=False)


class GrantCellForm(forms.Form):
    """One grant save in the autorisatiematrix, like a CellForm."""

    right = forms.IntegerField(min_value=1)
    role = forms.IntegerField(min_value=1)
    code = forms.ChoiceField(choices=[("", ""), (GRANTED, GRANTED)], required=False)
    expected = forms.ChoiceField(choices=[("", ""), (GRANTED, GRANTED)], required=False)


class GridFilterForm(forms.Form):
    """The grids' filters, ?component= and ?invalid=1. A value that fits no
    component shows the whole grid, as an unfiltered address does."""

    component = forms.ModelChoiceField(queryset=Component.objects.all(), required=False)
    invalid = forms.BooleanField(required=False)

    def filters(self) -> tuple[Component | None, bool]:
        """(component or None, only rows that break the rules)."""
        self.is_valid()
        return self.cleaned_data.get("component"), self.cleaned_data.get("invalid", False)


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["title", "theme", "component", "description"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "theme": forms.TextInput(attrs={"list": "themes"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = list(
            Activity.objects.order_by("theme").values_list("theme", flat=True).distinct()
        )
        if not access.can_edit_all(user):
            # Owners add and move tasks only within their own components.
            component = self.fields["component"]
            component.queryset = Component.objects.filter(
                pk__in=access.editable_component_ids(user)
            )
            component.required = True


def row_form_class(roles) -> type[forms.Form]:
    """A form with one code field per role, for editing a row without JavaScript,
    and per role a hidden copy of the code the form showed (to detect conflicts)."""
    fields = {}
    for role in roles:
        fields[f"role_{role.pk}"] = forms.ChoiceField(
            label=role.name, choices=CODE_CHOICES, required=False
        )
        fields[f"seen_{role.pk}"] = forms.ChoiceField(
            choices=CODE_CHOICES, required=False, widget=forms.HiddenInput
        )
    return type("RowForm", (forms.Form,), fields)
