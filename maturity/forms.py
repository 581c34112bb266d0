from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beheer.forms import DateInput, NoControlCharactersMixin
from beheer.models import Person
from maturity.models import Answer, Assessment, AssessmentSchedule
from maturity.services import Reopen


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["department", "name", "period_start", "period_end", "answer_by", "threshold"]
        widgets = {
            "period_start": DateInput(),
            "period_end": DateInput(),
            "answer_by": DateInput(),
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        answer_by = cleaned.get("answer_by")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        elif answer_by and start and end and not start <= answer_by <= end:
            self.add_error("answer_by", _("Choose a date within the period of the round."))
        return cleaned


class PersonChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, person):
        return f"{person.name} · {person.job_title}" if person.job_title else person.name


class InviteForm(forms.Form):
    """Invite people by name; only those whose account may answer are offered
    (selectors.invitable_people), grouped by department in the template."""

    people = PersonChoices(
        label=_("People to invite"),
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one person to invite.")},
    )

    def __init__(self, *args, candidates, first_department: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = candidates
        self.first_department = first_department

    def groups(self):
        """[(department name, [(checkbox, person)])], the department assessed first,
        then in the candidates' order."""
        grouped: dict[str, list] = {}
        people = {str(p.pk): p for p in self.fields["people"].queryset}
        for option in self["people"]:
            person = people[str(option.data["value"])]
            department = person.department.name if person.department else _("No department")
            grouped.setdefault(str(department), []).append((option, person))
        return sorted(grouped.items(), key=lambda group: group[0] != self.first_department)


def dimension_form_class(statements, answers):
    """One choice (and a comment) per statement of a dimension, filled with the answers so far."""
    fields = {}
    for statement in statements:
        fields[f"s{statement.pk}"] = forms.ChoiceField(
            label=statement.text("text"),
            choices=Answer.Value.choices,
            required=False,
            widget=forms.RadioSelect,
        )
        fields[f"c{statement.pk}"] = forms.CharField(
            label=_("Comment"), required=False, max_length=500
        )
    initial = {}
    for statement in statements:
        answer = answers.get(statement.pk)
        if answer:
            initial[f"s{statement.pk}"] = answer.value
            initial[f"c{statement.pk}"] = answer.comment
    return type("DimensionForm", (NoControlCharactersMixin, forms.Form), fields), initial


class ReopenForm(forms.Form):
    publication = forms.ChoiceField(
        label=_("What happens to the published results?"),
        choices=[
            (
                Reopen.WITHDRAW,
                _("Withdraw the publication until the results are published again"),
            ),
            (
                Reopen.MARK_CHANGED,
                _("Keep the results published, marked as changed since publication"),
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happens to the published results.")},
    )


class NextStepActionForm(NoControlCharactersMixin, forms.Form):
    """A next step of the results turned into an action of the register."""

    title = forms.CharField(label=_("Action"), max_length=300)
    owner = forms.ModelChoiceField(
        label=_("Owner"), queryset=Person.objects.filter(is_active=True).order_by("name")
    )
    due_date = forms.DateField(label=_("Due date"), widget=DateInput())

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("Choose a date from today on."))
        return due


class AssessmentScheduleForm(NoControlCharactersMixin, forms.ModelForm):
    """A recurring assessment of a department; one per department."""

    class Meta:
        model = AssessmentSchedule
        fields = ["department", "name", "every_months", "answer_days", "next_date"]
        widgets = {"next_date": DateInput()}

    def clean_next_date(self):
        next_date = self.cleaned_data["next_date"]
        if next_date < timezone.localdate() and "next_date" in self.changed_data:
            raise forms.ValidationError(_("The next start cannot be in the past."))
        return next_date
