from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beheer.models import (
    Assignment,
    Component,
    Department,
    OrganisationSettings,
    Person,
    Role,
    ServiceProcess,
    Supplier,
)
from beheer.validators import NoControlCharacters


class NoControlCharactersMixin:
    """For plain forms: every text field refuses control characters, as model fields do.

    A model field carries the rule itself (beheer.validators), so a ModelForm needs
    this only for text fields of its own. A Textarea keeps tabs and line breaks."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                rule = NoControlCharacters(multi_line=isinstance(field.widget, forms.Textarea))
                if rule not in field.validators:
                    field.validators.append(rule)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ComponentForm(forms.ModelForm):
    class Meta:
        model = Component
        fields = ["name", "kind", "description", "supplier", "work_agreements"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "work_agreements": forms.Textarea(attrs={"rows": 5}),
        }


class SupplierForm(forms.ModelForm):
    class Meta:
        model = Supplier
        fields = ["name", "contact_name", "contact_email", "contact_phone", "website", "sla_notes"]
        widgets = {"sla_notes": forms.Textarea(attrs={"rows": 4})}


class DepartmentForm(forms.ModelForm):
    class Meta:
        model = Department
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ServiceProcessForm(forms.ModelForm):
    class Meta:
        model = ServiceProcess
        fields = ["name", "description", "component", "department"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class RoleForm(forms.ModelForm):
    class Meta:
        model = Role
        fields = ["name", "kind", "component", "service_process", "description", "responsibilities"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "responsibilities": forms.Textarea(attrs={"rows": 4}),
        }


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "name",
            "email",
            "job_title",
            "department",
            "is_external",
            "supplier",
            "firm",
            "user",
            "is_active",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = self.fields["user"].queryset.order_by("username")


class AssignmentForm(forms.ModelForm):
    """Assign a person to a role; one of the two is fixed by the page it is on."""

    class Meta:
        model = Assignment
        fields = ["person", "role", "kind", "start_date", "end_date", "note"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args, person=None, role=None, **kwargs):
        super().__init__(*args, **kwargs)
        if person is not None:
            self.instance.person = person
            del self.fields["person"]
        if role is not None:
            self.instance.role = role
            del self.fields["role"]
        if "person" in self.fields:
            self.fields["person"].queryset = Person.objects.filter(is_active=True).select_related(
                "department"
            )
        if "role" in self.fields:
            self.fields["role"].queryset = Role.objects.all()


class LeaveForm(forms.Form):
    leaving_date = forms.DateField(label=_("Leaving date"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leaving_date"].initial = timezone.localdate()


class OrganisationSettingsForm(forms.ModelForm):
    class Meta:
        model = OrganisationSettings
        fields = [
            "name",
            "beheerteam_email",
            "intranet_url",
            "max_roles_per_person",
            "ending_soon_days",
            "max_admin_holders",
        ]
