"""What the login page offers: the SSO button, the local form, or both.

A tag rather than view context, because the login page is also rendered by
django-axes' lockout hook (beheer.login_throttle), which knows nothing of SSO.
"""

from types import SimpleNamespace
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def sso_login(context):
    """None without single sign-on; else the button's address and whether the
    local form shows (always after a posted form, and with ?lokaal=1)."""
    if not settings.OIDC_ENABLED:
        return None
    request = context["request"]
    next_url = context.get("next") or request.GET.get("next", "")
    keep_next = {"next": next_url} if next_url else {}
    query = f"?{urlencode(keep_next)}" if next_url else ""
    return SimpleNamespace(
        url=reverse("oidc_authentication_init") + query,
        show_local_form=(
            not settings.OIDC_HIDE_LOCAL_LOGIN
            or request.method == "POST"
            or request.GET.get("lokaal") == "1"
        ),
        local_url=reverse("login") + "?" + urlencode({"lokaal": 1, **keep_next}),
    )
