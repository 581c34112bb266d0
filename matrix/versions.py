"""Adopted versions of the matrix: adopt, list, show and compare."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from beheer.forms import DateInput, NoControlCharactersMixin
from matrix import access, services
from matrix.models import MatrixVersion
from matrix.selectors import ROW_PROBLEMS, invalid_activities, matrix_snapshot, snapshot_diff

CURRENT = "current"


class AdoptForm(NoControlCharactersMixin, forms.Form):
    adopted_on = forms.DateField(label=gettext_lazy("Adopted by the MT on"), widget=DateInput())
    note = forms.CharField(
        label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    forum = forms.ModelChoiceField(
        label=gettext_lazy("Record the decision in the decision log of"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Do not record a decision"),
        help_text=gettext_lazy(
            "The decision to adopt this version, with the note as its rationale, dated the "
            "day of adoption."
        ),
    )
    accept_broken = forms.BooleanField(
        label=gettext_lazy("Adopt all the same; the note says why"), required=False
    )

    def __init__(self, *args, broken: list, **kwargs):
        super().__init__(*args, **kwargs)
        # Imported here: governance builds on the matrix, not the other way round.
        from governance.models import Forum

        self.fields["forum"].queryset = Forum.objects.filter(is_active=True)
        self.broken = broken
        if not broken:
            del self.fields["accept_broken"]

    def clean_adopted_on(self):
        adopted_on = self.cleaned_data["adopted_on"]
        if adopted_on > timezone.localdate():
            raise forms.ValidationError(_("A version cannot be adopted in the future."))
        return adopted_on

    def clean(self):
        cleaned = super().clean()
        if self.broken and not cleaned.get("accept_broken"):
            self.add_error(
                "accept_broken",
                ngettext(
                    "%(count)d task breaks the rules. Fix it first, or adopt all the same "
                    "and say why in the note.",
                    "%(count)d tasks break the rules. Fix them first, or adopt all the same "
                    "and say why in the note.",
                    len(self.broken),
                )
                % {"count": len(self.broken)},
            )
        elif self.broken and not cleaned.get("note", "").strip():
            self.add_error("note", _("Say why the version is adopted while tasks break the rules."))
        return cleaned


def _default_forum():
    """The steering group, where the MT adopts the matrix; else no decision."""
    from governance.models import Forum

    return Forum.objects.filter(kind=Forum.Kind.STUURGROEP, is_active=True).first()


def version_list(request):
    can_adopt = access.can_edit_all(request.user)
    broken = invalid_activities() if can_adopt else []
    form = None
    if can_adopt:
        form = AdoptForm(
            request.POST or None,
            initial={"adopted_on": timezone.localdate(), "forum": _default_forum()},
            broken=broken,
        )
    if request.method == "POST":
        access.require(can_adopt, _("Only managers may record an adopted version."))
        if form.is_valid():
            version = services.version_adopt(
                adopted_on=form.cleaned_data["adopted_on"],
                note=form.cleaned_data["note"],
                user=request.user,
                forum=form.cleaned_data["forum"],
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
            "broken": [(task, [ROW_PROBLEMS[key] for key in keys]) for task, keys in broken],
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
            "decisions": version.decisions.select_related("forum"),
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
