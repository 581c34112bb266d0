from beheer.access import can_edit_register
from beheer.models import OrganisationSettings
from beheer.navigation import SECTIONS


def site(request):
    match = getattr(request, "resolver_match", None)
    current = match.view_name if match else ""
    return {
        "sections": SECTIONS,
        "current_section": next((s.key for s in SECTIONS if s.is_active(current)), ""),
        # Header and footer show it on every page.
        "organisation": OrganisationSettings.for_request(request),
        "can_edit_register": can_edit_register(request.user),
    }
