"""Adopted versions of the matrix: adopt, list, show and compare."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from beheer.forms import DateInput, NoControlCharactersMixin
from matrix import access, services
from matrix.models import MatrixVersion
from matrix.selectors import matrix_snapshot, snapshot_diff

CURRENT = "current"


class AdoptForm(NoControlCharactersMixin, forms.Form):
    adopted_on = forms.DateField(label=gettext_lazy("Adopted by the MT on"), widget=DateInput())
    note = forms.CharField(
        label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_adopted_on(self):
        adopted_on = self.cleaned_data["adopted_on"]
        if adopted_on > timezone.localdate():
            raise forms.ValidationError(_("A version cannot be adopted in the future."))
        return adopted_on


def version_list(request):
    can_adopt = access.can_edit_all(request.user)
    form = AdoptForm(request.POST or None, initial={"adopted_on": timezone.localdate()})
    if request.method == "POST":
        access.require(can_adopt, _("Only managers may record an adopted version."))
        if form.is_valid():
            version = services.version_adopt(
                adopted_on=form.cleaned_data["adopted_on"],
                note=form.cleaned_data["note"],
                user=request.user,
            )
            messages.success(request, _("%(version)s has been recorded.") % {"version": version})
            return redirect(version)
    versions = MatrixVersion.objects.select_related("adopted_by").defer("snapshot")
    return render(
        request,
        "matrix/versions.html",
        {
            "versions": versions,
            "form": form,
            "can_adopt": can_adopt,
        },
    )


def version_detail(request, pk):
    version = get_object_or_404(MatrixVersion.objects.select_related("adopted_by"), pk=pk)
    snapshot = version.snapshot
    roles = snapshot["roles"]
    rows = []
    for activity in snapshot["activities"]:
        codes = snapshot["codes"].get(str(activity["id"]), {})
        rows.append((activity, [codes.get(str(role["id"]), "") for role in roles]))
    return render(
        request,
        "matrix/version_detail.html",
        {
            "version": version,
            "roles": roles,
            "rows": rows,
            "versions": MatrixVersion.objects.exclude(pk=pk).defer("snapshot"),
        },
    )


def _side(value):
    """A version from the query string, or the current matrix."""
    if value in (None, "", CURRENT):
        return _("current matrix"), matrix_snapshot()
    if not value.isdecimal():
        raise Http404
    version = get_object_or_404(MatrixVersion, pk=value)
    return str(version), version.snapshot


def version_compare(request):
    old_label, old = _side(request.GET.get("old"))
    new_label, new = _side(request.GET.get("new"))
    return render(
        request,
        "matrix/version_compare.html",
        {
            "old_label": old_label,
            "new_label": new_label,
            "diff": snapshot_diff(old, new),
            "versions": MatrixVersion.objects.defer("snapshot"),
            "old_value": request.GET.get("old", ""),
            "new_value": request.GET.get("new", CURRENT),
        },
    )
