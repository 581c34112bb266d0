from django import forms

from beheer.models import Component, Role
from matrix import access
from matrix.models import Activity
from matrix.selectors import CODES

CODE_CHOICES = [("", "—"), *[(code, code) for code in CODES]]


class CellForm(forms.Form):
    activity = forms.ModelChoiceField(queryset=Activity.objects.only("id", "title", "component_id"))
    role = forms.ModelChoiceField(queryset=Role.objects.only("id", "name"))
    code = forms.ChoiceField(choices=CODE_CHOICES, required=False)
    expected = forms.ChoiceField(choices=CODE_CHOICES, required=False)


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
