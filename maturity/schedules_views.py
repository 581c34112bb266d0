"""Recurring assessments: managers and beheerders create, edit, pause and
delete them from the index; the daily run opens the rounds."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from beheer.history import edit_conflict, form_version
from maturity import access
from maturity.forms import AssessmentScheduleForm
from maturity.models import AssessmentSchedule


def schedule_create(request):
    access.require(access.can_manage(request.user))
    form = AssessmentScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        schedule = form.save(commit=False)
        schedule.created_by = request.user
        schedule.save()
        messages.success(request, _("The recurring assessment has been planned."))
        return redirect("maturity:index")
    return render(request, "maturity/schedule_form.html", {"form": form})


def schedule_update(request, pk):
    access.require(access.can_manage(request.user))
    schedule = get_object_or_404(AssessmentSchedule.objects.select_related("department"), pk=pk)
    title = str(schedule)  # the form's validation writes the input into `schedule`
    form = AssessmentScheduleForm(request.POST or None, instance=schedule)
    conflicts = None
    if request.method == "POST" and form.is_valid():
        # A manager's old form must not put back a date the daily run moved on.
        conflicts = edit_conflict(request, schedule, form)
        if conflicts is None:
            form.save()
            messages.success(request, _("The recurring assessment has been saved."))
            return redirect("maturity:index")
    return render(
        request,
        "maturity/schedule_form.html",
        {
            "form": form,
            "schedule": schedule,
            "title": title,
            "seen_version": form_version(request, schedule, shown_current=conflicts is not None),
            "conflicts": conflicts,
        },
    )


@require_POST
def schedule_pause(request, pk):
    access.require(access.can_manage(request.user))
    schedule = get_object_or_404(AssessmentSchedule, pk=pk)
    # The wanted state, not a toggle: two managers pausing at once leave it paused.
    schedule.is_active = request.POST.get("active") == "1"
    schedule.save(update_fields=["is_active"])
    if schedule.is_active:
        messages.success(request, _("The recurring assessment is active again."))
    else:
        messages.success(request, _("The recurring assessment is paused."))
    return redirect("maturity:index")


@require_http_methods(["GET", "POST"])
def schedule_delete(request, pk):
    """GET asks to confirm, POST deletes: a schedule gone by a slip of the
    mouse would silently stop the department's recurring rounds."""
    access.require(access.can_manage(request.user))
    schedule = get_object_or_404(AssessmentSchedule.objects.select_related("department"), pk=pk)
    if request.method != "POST":
        return render(request, "maturity/schedule_confirm_delete.html", {"schedule": schedule})
    schedule.delete()
    messages.success(request, _("The recurring assessment has been deleted; its rounds stay."))
    return redirect("maturity:index")
