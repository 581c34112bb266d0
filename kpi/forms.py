from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beheer.forms import NoControlCharactersMixin
from beheer.models import Person
from kpi import services
from kpi.models import Channel, FactorReview, Kpi, Measurement, SuccessFactor
from kpi.uploads import parse_date


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class FactorForm(forms.ModelForm):
    class Meta:
        model = SuccessFactor
        fields = ["name_nl", "name_en", "theme", "order", "explanation_nl", "explanation_en"]
        widgets = {
            "explanation_nl": forms.Textarea(attrs={"rows": 4}),
            "explanation_en": forms.Textarea(attrs={"rows": 4}),
        }


class FactorReviewForm(NoControlCharactersMixin, forms.ModelForm):
    # The next step is not part of the review: it becomes an action in the one
    # action register (services.factor_review_record), owned by the owner above.
    next_action = forms.CharField(
        label=_("Next action"),
        max_length=300,
        required=False,
        help_text=_("Added to the action list, owned by the owner of the review."),
    )
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    class Meta:
        model = FactorReview
        fields = ["date", "status", "evidence", "owner"]
        widgets = {
            "date": DateInput(),
            "evidence": forms.Textarea(attrs={"rows": 3}),
            "status": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Person.objects.filter(is_active=True)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("next_action") and not cleaned.get("due_date"):
            self.add_error("due_date", _("Give the next action a due date."))
        return cleaned


class KpiForm(forms.ModelForm):
    class Meta:
        model = Kpi
        fields = [
            "name",
            "description",
            "factors",
            "level",
            "department",
            "component",
            "owner",
            "unit",
            "direction",
            "baseline",
            "target",
            "tolerance",
            "deadline",
            "frequency",
            "source",
            "channel",
            "service_process",
        ]
        # Dutch users write 7,5; English users 7.5.
        localized_fields = ["baseline", "target", "tolerance"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "deadline": DateInput(),
            "factors": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Person.objects.filter(is_active=True)

    def clean(self):
        cleaned = super().clean()
        gaps = services.smart_gaps(
            unit=cleaned.get("unit"),
            target=cleaned.get("target"),
            deadline=cleaned.get("deadline"),
            owner=cleaned.get("owner"),
            factor_count=len(cleaned.get("factors") or []),
        )
        field_of = {
            "measurable": "target" if cleaned.get("unit") else "unit",
            "time_bound": "deadline",
            "owned": "owner",
            "linked": "factors",
        }
        for gap in gaps:
            self.add_error(field_of[gap], services.SMART_PARTS[gap])
        if gaps:
            self.add_error(None, _("This KPI is not SMART yet."))
        source = cleaned.get("source")
        needs_channel = source in (Kpi.Source.CHANNEL_CONTACTS, Kpi.Source.CHANNEL_SHARE)
        if needs_channel and not cleaned.get("channel"):
            self.add_error("channel", _("Choose the channel this KPI counts."))
        if source == Kpi.Source.CHANGE_LEAD_TIME and cleaned.get("channel"):
            self.add_error("channel", _("A lead time of wishes is not counted per channel."))
        if cleaned.get("tolerance") is not None and cleaned["tolerance"] < 0:
            self.add_error("tolerance", _("The tolerance cannot be negative."))
        if cleaned.get("level") == Kpi.Level.DEPARTMENT and not cleaned.get("department"):
            self.add_error("department", _("A department KPI needs its department."))
        return cleaned


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["date", "period_end", "value", "source", "note"]
        localized_fields = ["value"]
        widgets = {"date": DateInput(), "period_end": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()
        first, last = services.date_window(today=self.today)
        for name in ("date", "period_end"):
            self.fields[name].widget.attrs.update(min=first.isoformat(), max=last.isoformat())

    def _in_window(self, name):
        day = self.cleaned_data.get(name)
        if day and (problem := services.date_problem(day, today=self.today)):
            raise forms.ValidationError(problem)
        return day

    def clean_date(self):
        return self._in_window("date")

    def clean_period_end(self):
        return self._in_window("period_end")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period ends before it starts."))
        return cleaned


class ChannelForm(forms.ModelForm):
    class Meta:
        model = Channel
        fields = ["name", "is_digital", "order", "colour"]
        widgets = {"colour": forms.TextInput(attrs={"type": "color"})}

    def clean_colour(self):
        colour = self.cleaned_data["colour"]
        if len(colour) != 7 or not colour.startswith("#"):
            raise forms.ValidationError(_("Give a colour as #rrggbb."))
        try:
            int(colour[1:], 16)
        except ValueError as error:
            raise forms.ValidationError(_("Give a colour as #rrggbb.")) from error
        return colour.lower()


class MonthVolumesForm(NoControlCharactersMixin, forms.Form):
    """One month's contacts on every channel, entered by hand."""

    month = forms.CharField(
        label=_("Month"),
        widget=forms.TextInput(attrs={"type": "month"}),
        help_text=_("e.g. 2026-10"),
    )

    def __init__(self, *args, channels, **kwargs):
        super().__init__(*args, **kwargs)
        self.channels = channels
        self.today = timezone.localdate()
        first, last = services.date_window(today=self.today)
        self.fields["month"].widget.attrs.update(min=f"{first:%Y-%m}", max=f"{last:%Y-%m}")
        for channel in channels:
            self.fields[f"channel_{channel.pk}"] = forms.IntegerField(
                label=channel.name, min_value=0, max_value=2_000_000_000, required=False
            )

    def clean_month(self):
        month = parse_date(self.cleaned_data["month"], month_only=True)
        if month is None:
            raise forms.ValidationError(_("This is not a month (use e.g. 2026-10)."))
        if problem := services.date_problem(month, today=self.today, month=True):
            raise forms.ValidationError(problem)
        return month

    def volumes(self):
        return {
            channel: self.cleaned_data.get(f"channel_{channel.pk}") for channel in self.channels
        }


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File (.xlsx or .csv)"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,.csv,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )
