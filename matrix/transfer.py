"""Views for the Excel round trip: export for the MT, import with preview."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from beheer import uploads
from beheer.models import OrganisationSettings
from beheer.xlsx import xlsx_response
from matrix import access, excel, excel_import
from matrix.models import MatrixVersion
from matrix.selectors import matrix_snapshot


def export(request):
    # No check beyond membership: the workbook shows what the grid pages show.
    version = None
    if request.GET.get("version"):
        if not request.GET["version"].isdecimal():
            raise Http404
        version = get_object_or_404(MatrixVersion, pk=request.GET["version"])
    snapshot = version.snapshot if version else matrix_snapshot()
    workbook = excel.matrix_workbook(
        snapshot, organisation=OrganisationSettings.for_request(request).name, version=version
    )
    suffix = f"versie-{version.pk}" if version else timezone.localdate().isoformat()
    return xlsx_response(workbook, f"beheermatrix-{suffix}.xlsx")


class UploadForm(forms.Form):
    workbook = forms.FileField(
        label=gettext_lazy("Workbook (.xlsx)"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )


PENDING_KIND = "matrix"


def _require_importer(request):
    access.require(access.can_edit_all(request.user), _("Only managers may import the matrix."))


def import_upload(request):
    """Upload a workbook; show its errors, or a preview of every change to confirm."""
    _require_importer(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["workbook"]
        plan = excel_import.import_plan(upload)
        context["plan"] = plan
        if not plan.errors and plan.has_changes:
            pending = uploads.pending_keep(upload, kind=PENDING_KIND, user=request.user)
            context.update(pending=pending, fingerprint=plan.fingerprint())
    return render(request, "matrix/import.html", context)


@require_POST
def import_confirm(request, pk):
    _require_importer(request)
    pending = uploads.pending_get(pk, kind=PENDING_KIND, user=request.user)
    plan = excel_import.import_plan(uploads.pending_file(pending))
    if plan.errors or plan.fingerprint() != request.POST.get("fingerprint"):
        # The matrix changed since the preview: show what the file would do now.
        messages.warning(
            request,
            _("The matrix has changed since the preview. Check the changes again."),
        )
        return render(
            request,
            "matrix/import.html",
            {
                "form": UploadForm(),
                "plan": plan,
                "pending": pending if not plan.errors else None,
                "fingerprint": plan.fingerprint(),
            },
        )
    try:
        excel_import.import_apply(plan)
    except excel_import.ImportConflict:
        messages.error(
            request,
            _(
                "Someone changed the matrix while you confirmed; nothing has been imported. "
                "Upload the file again to see the changes as they are now."
            ),
        )
        return redirect("matrix:import")
    pending.delete()
    messages.success(
        request,
        _(
            "Imported: %(cells)s cells changed, %(added)s tasks added, %(renamed)s tasks "
            "renamed, %(grants)s rights changed."
        )
        % {
            "cells": len(plan.changed_cells),
            "added": len(plan.added_activities),
            "renamed": len(plan.renamed_activities),
            "grants": len(plan.changed_grants),
        },
    )
    return redirect("matrix:grid")
