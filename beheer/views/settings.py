from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from beheer.access import require_register_editor
from beheer.forms import OrganisationSettingsForm
from beheer.history import edit_conflict, form_version
from beheer.models import OrganisationSettings


def organisation_settings(request):
    require_register_editor(request)
    settings = OrganisationSettings.load()
    form = OrganisationSettingsForm(request.POST or None, instance=settings)
    conflicts = None
    if request.method == "POST" and form.is_valid():
        # Two editors changing the settings: the second sees what the first saved.
        conflicts = edit_conflict(request, settings, form)
        if conflicts is None:
            form.save()
            messages.success(request, _("The settings have been saved."))
            return redirect("beheer:settings")
    return render(
        request,
        "beheer/settings_form.html",
        {
            "form": form,
            "seen_version": form_version(request, settings, shown_current=conflicts is not None),
            "conflicts": conflicts,
        },
    )
