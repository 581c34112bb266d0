from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from beheer.access import require_register_editor
from beheer.forms import OrganisationSettingsForm
from beheer.models import OrganisationSettings


def organisation_settings(request):
    require_register_editor(request)
    form = OrganisationSettingsForm(request.POST or None, instance=OrganisationSettings.load())
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The settings have been saved."))
        return redirect("beheer:settings")
    return render(request, "beheer/settings_form.html", {"form": form})
