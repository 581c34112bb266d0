from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beheer.forms import DateInput, NoControlCharactersMixin
from beheer.models import Person
from beheer.validators import NoControlCharacters
from governance.models import Action, AgendaItem, Decision, Forum, Meeting


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


def _active_people():
    return Person.objects.filter(is_active=True).order_by("name")


class ForumForm(forms.ModelForm):
    class Meta:
        model = Forum
        fields = [
            "name_nl",
            "name_en",
            "kind",
            "purpose_nl",
            "purpose_en",
            "chair",
            "roles",
            "people",
            "cadence",
            "components",
            "supplier",
            "usual_time",
            "usual_duration",
            "usual_place",
            "is_active",
        ]
        widgets = {
            "purpose_nl": forms.Textarea(attrs={"rows": 4}),
            "purpose_en": forms.Textarea(attrs={"rows": 4}),
            "roles": forms.SelectMultiple(attrs={"size": 8}),
            "people": forms.SelectMultiple(attrs={"size": 8}),
            "components": forms.CheckboxSelectMultiple,
            "usual_time": TimeInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = _active_people()
        self.fields["people"].queryset = _active_people()

    def clean_usual_duration(self):
        duration = self.cleaned_data["usual_duration"]
        if not 5 <= duration <= 600:
            raise forms.ValidationError(_("Give a length between 5 and 600 minutes."))
        return duration


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["date", "start_time", "duration", "place", "link"]
        widgets = {"date": DateInput(), "start_time": TimeInput()}

    def clean_duration(self):
        duration = self.cleaned_data["duration"]
        if not 5 <= duration <= 600:
            raise forms.ValidationError(_("Give a length between 5 and 600 minutes."))
        return duration


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class MinutesForm(NoControlCharactersMixin, forms.Form):
    """The minutes of every agenda item, each with the version it was based on."""

    def __init__(self, *args, items, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"minutes_{item.pk}"] = forms.CharField(
                label=item.title,
                required=False,
                initial=item.minutes,
                widget=forms.Textarea(attrs={"rows": 4}),
                # Added after the mixin has gone over the form's fields.
                validators=[NoControlCharacters(multi_line=True)],
            )
            self.fields[f"version_{item.pk}"] = forms.CharField(
                required=False,
                initial=versions[item.pk],
                widget=forms.HiddenInput,
                validators=[NoControlCharacters()],
            )

    def rows(self):
        return [
            (item, self[f"minutes_{item.pk}"], self[f"version_{item.pk}"]) for item in self.items
        ]

    def minutes(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data[f"minutes_{item.pk}"] for item in self.items}

    def seen(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data[f"version_{item.pk}"] for item in self.items}


PRESENCE = [("", _("not recorded")), ("1", _("present")), ("0", _("absent"))]


class AttendanceForm(NoControlCharactersMixin, forms.Form):
    guests = forms.ModelMultipleChoiceField(
        label=_("Add guests from the register"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    other_guests = forms.CharField(
        label=_("Other guests"),
        max_length=500,
        required=False,
        help_text=_("Guests who are not in the register, e.g. “R. Verbeek (KlantLink)”."),
    )

    def __init__(self, *args, attendances, **kwargs):
        super().__init__(*args, **kwargs)
        self.attendances = attendances
        invited = {a.person_id for a in attendances}
        self.fields["guests"].queryset = _active_people().exclude(pk__in=invited)
        for attendance in attendances:
            self.fields[f"present_{attendance.person_id}"] = forms.ChoiceField(
                label=attendance.person.name,
                choices=PRESENCE,
                required=False,
                initial={None: "", True: "1", False: "0"}[attendance.present],
                widget=forms.RadioSelect,
            )

    def rows(self):
        return [(a, self[f"present_{a.person_id}"]) for a in self.attendances]

    def presence(self) -> dict[int, bool | None]:
        values = {"": None, "1": True, "0": False}
        return {
            a.person_id: values[self.cleaned_data.get(f"present_{a.person_id}") or ""]
            for a in self.attendances
        }


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = [
            "text",
            "rationale",
            "agenda_item",
            "component",
            "role",
            "kpi",
            "success_factor",
            "matrix_version",
            "assessment",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "rationale": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        items = meeting.items.all() if meeting is not None else AgendaItem.objects.none()
        self.fields["agenda_item"].queryset = items
        self.fields["matrix_version"].queryset = self.fields["matrix_version"].queryset.defer(
            "snapshot"
        )


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = [
            "title",
            "description",
            "owner",
            "due_date",
            "decision",
            "component",
            "role",
            "kpi",
            "success_factor",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 2}), "due_date": DateInput()}

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _active_people()
        self.fields["owner"].required = True
        self.fields["due_date"].required = True
        decisions = self.fields["decision"]
        if meeting is not None:
            decisions.queryset = meeting.decisions.all()
        elif self.instance.meeting_id:
            decisions.queryset = self.instance.meeting.decisions.all()
        else:
            del self.fields["decision"]


class ActionStatusForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ["status", "status_note", "done_on"]
        widgets = {
            "status": forms.RadioSelect,
            "status_note": forms.Textarea(attrs={"rows": 2}),
            "done_on": DateInput(),
        }
        help_texts = {"done_on": _("Today when left empty.")}

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status == Action.Status.CANCELLED and not (cleaned.get("status_note") or "").strip():
            self.add_error("status_note", _("Say why the action is cancelled."))
        done_on = cleaned.get("done_on")
        if status == Action.Status.DONE and done_on and done_on > timezone.localdate():
            self.add_error("done_on", _("An action cannot be done in the future."))
        return cleaned


class AmendmentForm(NoControlCharactersMixin, forms.Form):
    concerns = forms.ChoiceField(label=_("Correction of"))
    text = forms.CharField(label=_("Correction"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, items, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = {str(item.pk): item for item in items}
        self.decisions = {str(decision.pk): decision for decision in decisions}
        self.fields["concerns"].choices = [
            ("", _("The minutes as a whole")),
            (_("Agenda items"), [(f"item-{pk}", item.title) for pk, item in self.items.items()]),
            (
                _("Decisions"),
                [(f"decision-{pk}", str(decision)) for pk, decision in self.decisions.items()],
            ),
        ]
        self.fields["concerns"].required = False

    def target(self) -> dict:
        kind, _sep, pk = self.cleaned_data["concerns"].partition("-")
        if kind == "item":
            return {"agenda_item": self.items[pk]}
        if kind == "decision":
            return {"decision": self.decisions[pk]}
        return {}
