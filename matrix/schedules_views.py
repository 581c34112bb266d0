"""Recurring review rounds: managers and beheerders create, edit, pause and
delete them on the reviews page; the daily run starts the rounds."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from beheer.forms import DateInput, NoControlCharactersMixin
from beheer.history import edit_conflict, form_version
from matrix import access
from matrix.models import ReviewSchedule


class ReviewScheduleForm(NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = ReviewSchedule
        fields = ["name", "components", "every_months", "answer_days", "next_date"]
        widgets = {"next_date": DateInput(), "components": forms.CheckboxSelectMultiple}

    def clean_next_date(self):
        next_date = self.cleaned_data["next_date"]
        if next_date < timezone.localdate() and "next_date" in self.changed_data:
            raise forms.ValidationError(_("The next start cannot be in the past."))
        return next_date


def _require_manager(request):
    access.require(
        access.can_edit_all(request.user),
        _("Only managers may plan recurring review rounds."),
    )


def schedule_create(request):
    _require_manager(request)
    form = ReviewScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        schedule = form.save(commit=False)
        schedule.created_by = request.user
        schedule.save()
        form.save_m2m()
        messages.success(request, _("The recurring round has been planned."))
        return redirect("matrix:reviews")
    return render(request, "matrix/review_schedule_form.html", {"form": form})


def schedule_update(request, pk):
    _require_manager(request)
    schedule = get_object_or_404(ReviewSchedule, pk=pk)
    name = schedule.name  # the form's validation writes the input into `schedule`
    form = ReviewScheduleForm(request.POST or None, instance=schedule)
    conflicts = None
    if request.method == "POST" and form.is_valid():
        # A manager's old form must not put back a date the daily run moved on.
        conflicts = edit_conflict(request, schedule, form)
        if conflicts is None:
            form.save()
            messages.success(request, _("The recurring round has been saved."))
            return redirect("matrix:reviews")
    return render(
        request,
        "matrix/review_schedule_form.html",
        {
            "form": form,
            "schedule": schedule,
            "title": name,
            "seen_version": form_version(request, schedule, shown_current=conflicts is not None),
            "conflicts": conflicts,
        },
    )


@require_POST
def schedule_pause(request, pk):
    _require_manager(request)
    schedule = get_object_or_404(ReviewSchedule, pk=pk)
    # The wanted state, not a toggle: two managers pausing at once leave it paused.
    schedule.is_active = request.POST.get("active") == "1"
    schedule.save(update_fields=["is_active"])
    if schedule.is_active:
        messages.success(request, _("The recurring round is active again."))
    else:
        messages.success(request, _("The recurring round is paused."))
    return redirect("matrix:reviews")


@require_http_methods(["GET", "POST"])
def schedule_delete(request, pk):
    """GET asks to confirm, POST deletes: a schedule gone by a slip of the
    mouse would silently stop the recurring reviews."""
    _require_manager(request)
    schedule = get_object_or_404(ReviewSchedule, pk=pk)
    if request.method != "POST":
        return render(request, "matrix/schedule_confirm_delete.html", {"schedule": schedule})
    schedule.delete()
    messages.success(request, _("The recurring round has been deleted; its rounds stay."))
    return redirect("matrix:reviews")
