"""The mutations checklist: what to revoke and grant, ticked off as it is done."""

from datetime import timedelta

from django import forms
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from beheer.forms import DateInput, NoControlCharactersMixin
from beheer.models import OrganisationSettings, Person
from beheer.xlsx import write_table, write_title, xlsx_response
from matrix import access
from matrix.models import MutationTick, Right
from matrix.mutations import mutation_tick, mutations_list

REASONS = {
    "left": gettext_lazy("left"),
    "leaving": gettext_lazy("leaves"),
    "inactive": gettext_lazy("inactive, still has rights"),
    "account_off": gettext_lazy("account switched off, still has rights"),
    "changed": gettext_lazy("roles changed"),
    "review": gettext_lazy("review outcome"),
}


class SinceForm(forms.Form):
    since = forms.DateField(label=gettext_lazy("Changes since"), widget=DateInput(), required=False)


def _since(request):
    form = SinceForm(request.GET or None)
    default = timezone.localdate() - timedelta(days=30)
    if form.is_bound and form.is_valid() and form.cleaned_data["since"]:
        return form, form.cleaned_data["since"]
    return SinceForm(initial={"since": default}), default


def _may_tick(user, right) -> bool:
    return access.can_edit_all(user) or right.component_id in access.editable_component_ids(user)


def _require_reader(request) -> None:
    access.require(
        access.can_read_mutations(request.user),
        _(
            "The mutations list is for the application management team, component owners "
            "and the MT."
        ),
    )


def mutations(request):
    _require_reader(request)
    form, since = _since(request)
    entries = mutations_list(since=since)
    return render(
        request,
        "matrix/mutations.html",
        {
            "form": form,
            "since": since,
            "entries": entries,
            "can_tick_all": access.can_edit_all(request.user),
            "tickable_components": access.editable_component_ids(request.user),
            "open_total": sum(entry.open_count for entry in entries),
        },
    )


class TickForm(NoControlCharactersMixin, forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.all())
    right = forms.ModelChoiceField(queryset=Right.objects.all())
    action = forms.ChoiceField(choices=MutationTick.Action.choices)
    occasion = forms.CharField(max_length=100)
    since = forms.DateField()
    done = forms.BooleanField(required=False)


@require_POST
def tick(request):
    form = TickForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Invalid request."))
    data = form.cleaned_data
    access.require(_may_tick(request.user, data["right"]))
    # Only what is on the list can be ticked off: a forged item is refused.
    listed = {
        (entry.person.pk, mutation.right.pk, mutation.action, mutation.occasion)
        for entry in mutations_list(since=data["since"])
        for mutation in entry.mutations
    }
    key = (data["person"].pk, data["right"].pk, data["action"], data["occasion"])
    if key not in listed:
        return HttpResponseBadRequest(_("This change is not on the list."))
    mutation_tick(
        person=data["person"],
        right=data["right"],
        action=data["action"],
        occasion=data["occasion"],
        user=request.user,
        done=data["done"],
    )
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("matrix:mutations")
    return redirect(back)


def mutations_xlsx(request):
    _require_reader(request)
    _form, since = _since(request)
    entries = mutations_list(since=since)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mutaties"
    row = write_title(
        sheet,
        _("Rights to change in the software"),
        [
            OrganisationSettings.for_request(request).name,
            _("Changes since %(date)s, and people leaving within 30 days")
            % {"date": since.strftime("%d-%m-%Y")},
        ],
    )
    rows = [
        (
            entry.person.name,
            # A review's outcome says which round and what was decided (or not).
            f"{REASONS[entry.reason]}: {mutation.note}"
            if mutation.note
            else str(REASONS[entry.reason]),
            entry.effective.strftime("%d-%m-%Y"),
            str(mutation.right.component),
            mutation.right.name,
            str(MutationTick.Action(mutation.action).label),
            _("done") if mutation.tick else _("to do"),
            (mutation.tick.ticked_by.get_full_name() or mutation.tick.ticked_by.get_username())
            if mutation.tick and mutation.tick.ticked_by
            else "",
            # A moment, written as the local time (beheer.xlsx.set_cell), never UTC.
            mutation.tick.ticked_at if mutation.tick else None,
        )
        for entry in entries
        for mutation in entry.mutations
    ]
    write_table(
        sheet,
        row,
        [
            _("Person"),
            _("Why"),
            _("From"),
            _("Component"),
            _("Right"),
            _("Action"),
            _("Status"),
            _("Done by"),
            _("Done on"),
        ],
        rows,
        widths=[20, 12, 11, 17, 28, 10, 9, 16, 15],
    )
    return xlsx_response(workbook, f"mutaties-{timezone.localdate().isoformat()}.xlsx")
