from django.conf import settings

from beheer.navigation import SECTIONS


def site(request):
    match = getattr(request, "resolver_match", None)
    current = match.view_name if match else ""
    return {
        "sections": SECTIONS,
        "current_view": current,
        "organisation_name": settings.ORGANISATION_NAME,
        "beheerteam_email": settings.BEHEERTEAM_EMAIL,
    }
