from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beheer.forms import DateInput, NoControlCharactersMixin
from beheer.models import Person, Role
from operations.models import (
    ChangeRequest,
    Comment,
    ComponentGuide,
    Contract,
    Course,
    Release,
    ReleaseImpact,
    ServiceLevel,
    TestItem,
    TrainingSession,
)
from operations.services import DOCUMENT_EXTENSIONS, MANUAL_MOVES


def _active_people():
    return Person.objects.filter(is_active=True).order_by("name")


# --- Wishes ------------------------------------------------------------------------------


class RequestForm(forms.ModelForm):
    class Meta:
        model = ChangeRequest
        fields = ["component", "title", "description", "reason", "service_process", "urgency"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "reason": forms.Textarea(attrs={"rows": 3}),
            "urgency": forms.RadioSelect,
        }
        help_texts = {
            "title": _("In a few words, e.g. “Show the tenant's contract number on the case”."),
            "description": _("What should be different, as concretely as you can."),
        }

    def clean(self):
        cleaned = super().clean()
        process, component = cleaned.get("service_process"), cleaned.get("component")
        if process and component and process.component_id not in (None, component.pk):
            self.add_error("service_process", _("This process belongs to another component."))
        return cleaned


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("Your addition")}


ACCEPT, MORE_INFORMATION, REJECT = "accept", "more_information", "reject"


class TriageForm(NoControlCharactersMixin, forms.Form):
    """The owner's judgement of a submitted wish."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (ACCEPT, _("Accept: we will handle it")),
            (MORE_INFORMATION, _("Ask the submitter for more information")),
            (REJECT, _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        choices=[("", _("Not yet")), *ChangeRequest.Priority.choices],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Must, should, could or won't have (this time): see the explanation below."),
    )
    note = forms.CharField(
        label=_("Explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when rejecting (the reason) or asking for more (your question)."),
    )

    def clean(self):
        cleaned = super().clean()
        decision, note = cleaned.get("decision"), (cleaned.get("note") or "").strip()
        if decision == REJECT and not note:
            self.add_error("note", _("Say why the wish is rejected."))
        if decision == MORE_INFORMATION and not note:
            self.add_error("note", _("Write down what you would like to know."))
        return cleaned


class PriorityForm(forms.Form):
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        choices=[("", _("Not yet")), *ChangeRequest.Priority.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )


class PlanForm(NoControlCharactersMixin, forms.Form):
    plan = forms.ChoiceField(
        label=_("Plan it"), choices=ChangeRequest.Plan.choices, widget=forms.RadioSelect
    )
    release = forms.ModelChoiceField(
        label=_("Release"),
        queryset=Release.objects.none(),
        required=False,
        help_text=_("The coming releases of this component."),
    )
    planned_for = forms.DateField(
        label=_("Planned for"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "For configuration work: when the application management team expects to do it."
        ),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, change_request: ChangeRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["release"].queryset = Release.objects.filter(
            component=change_request.component_id,
            status__in=[Release.Status.PLANNED, Release.Status.IN_TEST],
        ).order_by("planned_date")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("plan") == ChangeRequest.Plan.RELEASE and not cleaned.get("release"):
            self.add_error("release", _("Choose the release."))
        if cleaned.get("plan") == ChangeRequest.Plan.CONFIGURATION:
            cleaned["release"] = None
        return cleaned


class StatusForm(NoControlCharactersMixin, forms.Form):
    status = forms.ChoiceField(label=_("New status"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, change_request: ChangeRequest, **kwargs):
        super().__init__(*args, **kwargs)
        moves = MANUAL_MOVES.get(change_request.status, set())
        if change_request.release_id:  # goes into test and production with its release
            moves = moves - {ChangeRequest.Status.IN_TEST, ChangeRequest.Status.IN_PRODUCTION}
        self.fields["status"].choices = [
            (value, label) for value, label in ChangeRequest.Status.choices if value in moves
        ]

    @property
    def has_moves(self) -> bool:
        return bool(self.fields["status"].choices)


# --- Releases ------------------------------------------------------------------------------


class ReleaseForm(forms.ModelForm):
    class Meta:
        model = Release
        fields = ["component", "version", "planned_date", "notes", "communication"]
        widgets = {
            "planned_date": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 5}),
            "communication": forms.Textarea(attrs={"rows": 3}),
        }


class DocumentForm(forms.Form):
    file = forms.FileField(
        label=_("Release notes file"),
        help_text=_("PDF, Word, Excel, OpenDocument or text."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(DOCUMENT_EXTENSIONS)}),
    )


class DecisionForm(NoControlCharactersMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Release.Decision.choices, widget=forms.RadioSelect
    )
    decision_note = forms.CharField(
        label=_("Explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why, for a no-go; the accepted known issues, for a go despite failed tests."),
    )


class GoLiveForm(forms.Form):
    actual_date = forms.DateField(label=_("Live on"), widget=DateInput())

    def clean_actual_date(self):
        day = self.cleaned_data["actual_date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("A release cannot go live in the future."))
        return day


class CancelForm(NoControlCharactersMixin, forms.Form):
    note = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 2}))


class ImpactForm(forms.ModelForm):
    class Meta:
        model = ReleaseImpact
        fields = ["service_process", "level", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "level": forms.RadioSelect}

    def __init__(self, *args, release: Release, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.release = release
        taken = release.impacts.exclude(pk=self.instance.pk).values("service_process")
        self.fields["service_process"].queryset = self.fields["service_process"].queryset.exclude(
            pk__in=taken
        )


class TestItemForm(forms.ModelForm):
    __test__ = False

    class Meta:
        model = TestItem
        fields = ["title", "description", "tester", "service_process", "change_request"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"tester": _("Usually the key user of the process concerned.")}

    def __init__(self, *args, release: Release, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.release = release
        self.fields["tester"].queryset = _active_people()
        self.fields["change_request"].queryset = release.change_requests.all()
        self.fields["change_request"].label = _("Wish it tests")


class TestResultForm(NoControlCharactersMixin, forms.Form):
    __test__ = False

    result = forms.ChoiceField(
        label=_("Result"), choices=TestItem.Result.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when it failed: what you did, what you expected, what happened."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("result") == TestItem.Result.FAILED
            and not (cleaned.get("note") or "").strip()
        ):
            self.add_error("note", _("Describe what went wrong."))
        return cleaned


# --- Contracts and service levels -----------------------------------------------------------


class ContractForm(forms.ModelForm):
    class Meta:
        model = Contract
        fields = [
            "name",
            "kind",
            "supplier",
            "departments",
            "components",
            "start_date",
            "end_date",
            "notice_months",
            "renewal_months",
            "support_hours",
            "notes",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "departments": forms.CheckboxSelectMultiple,
            "components": forms.CheckboxSelectMultiple,
            "start_date": DateInput(),
            "end_date": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == Contract.Kind.SUPPLIER and not cleaned.get("supplier"):
            self.add_error("supplier", _("Choose the supplier of this contract."))
        if kind == Contract.Kind.INTERNAL and cleaned.get("supplier"):
            self.add_error("supplier", _("An internal agreement has no supplier."))
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        if cleaned.get("renewal_months") and not end:
            self.add_error("end_date", _("A contract that renews needs the end of its term."))
        return cleaned


class ServiceLevelForm(forms.ModelForm):
    class Meta:
        model = ServiceLevel
        fields = [
            "name",
            "kind",
            "priority",
            "component",
            "agreed_value",
            "unit",
            "description",
            "kpi",
            "order",
        ]
        localized_fields = ["agreed_value"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, contract: Contract, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.contract = contract


# --- Training -----------------------------------------------------------------------------


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = [
            "name",
            "kind",
            "component",
            "description",
            "required_for_kind",
            "required_for_roles",
            "is_active",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "required_for_roles": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["required_for_roles"].queryset = Role.objects.order_by("name")


class SessionForm(forms.ModelForm):
    participants = forms.ModelMultipleChoiceField(
        label=_("Participants"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Registered for a coming session; attended, for one that took place."),
    )

    class Meta:
        model = TrainingSession
        fields = ["date", "trainer", "trainer_name", "place", "note"]
        widgets = {"date": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainer"].queryset = _active_people()
        if self.instance.pk:
            del self.fields["participants"]  # the session's page records attendance
        else:
            self.fields["participants"].queryset = _active_people()


PRESENCE = [("", _("not recorded")), ("1", _("attended")), ("0", _("absent"))]


class SessionAttendanceForm(forms.Form):
    add = forms.ModelMultipleChoiceField(
        label=_("Add participants"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args, attendances, **kwargs):
        super().__init__(*args, **kwargs)
        self.attendances = attendances
        known = {a.person_id for a in attendances}
        self.fields["add"].queryset = _active_people().exclude(pk__in=known)
        for attendance in attendances:
            self.fields[f"attended_{attendance.person_id}"] = forms.ChoiceField(
                label=attendance.person.name,
                choices=PRESENCE,
                required=False,
                initial={None: "", True: "1", False: "0"}[attendance.attended],
                widget=forms.RadioSelect,
            )

    def rows(self):
        return [(a, self[f"attended_{a.person_id}"]) for a in self.attendances]

    def attended(self) -> dict[int, bool | None]:
        values = {"": None, "1": True, "0": False}
        return {
            a.person_id: values[self.cleaned_data.get(f"attended_{a.person_id}") or ""]
            for a in self.attendances
        }


class GuideForm(forms.ModelForm):
    class Meta:
        model = ComponentGuide
        fields = ["goal", "tips"]
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 4}),
            "tips": forms.Textarea(attrs={"rows": 6}),
        }
