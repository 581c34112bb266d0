from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from beheer.forms import DateInput, NoControlCharactersMixin
from maturity.models import Answer, Assessment


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["department", "name", "period_start", "period_end", "threshold"]
        widgets = {"period_start": DateInput(), "period_end": DateInput()}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return cleaned


class InviteForm(forms.Form):
    respondents = forms.ModelMultipleChoiceField(
        label=_("Respondents"),
        queryset=get_user_model().objects.filter(is_active=True).order_by("first_name", "username"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Key users and others with a login who fill in the questionnaire."),
    )


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
