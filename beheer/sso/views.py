"""The three steps of single sign-on: to the provider, back from it, and logout.

The start is mozilla-django-oidc's view (state, nonce and the PKCE pair, kept in
the session). The return is ours: it logs in through SsoBackend directly rather
than through django.contrib.auth.authenticate, since django-axes counts every
failed authenticate as a password guess, and failed SSO logins (a leaver, an
expired answer) would block everyone behind the same address from SSO.
"""

import logging
from datetime import timedelta
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from beheer.sso import provider
from beheer.sso.backend import SsoBackend
from beheer.sso.config import origin

logger = logging.getLogger(__name__)

BACKEND = "beheer.sso.backend.SsoBackend"

# What can go wrong between the provider's answer and a verified ID token.
_PROTOCOL_ERRORS = (
    SuspiciousOperation,
    provider.ProviderUnavailable,
    requests.RequestException,
    jwt.PyJWTError,
    KeyError,
    ValueError,
)


def _unavailable(request):
    messages.error(
        request,
        _("The login service of your organisation cannot be reached. Please try again later."),
    )
    return redirect("login")


class SsoLoginStart(OIDCAuthenticationRequestView):
    """Send the browser to the provider's login page."""

    def __init__(self, **kwargs):
        # Not the parent's: it reads the endpoint when the view is made; here it
        # comes from the discovery document, and only when SSO is switched on.
        super(OIDCAuthenticationRequestView, self).__init__(**kwargs)

    def get(self, request):
        if not settings.OIDC_ENABLED:
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = provider.metadata()["authorization_endpoint"]
        except provider.ProviderUnavailable:
            return _unavailable(request)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)


@require_GET
@never_cache
def callback(request):
    """The provider's answer: check it belongs to a login this browser started,
    exchange the code, and log the user in, or say why not."""
    if not settings.OIDC_ENABLED:
        raise Http404
    states = request.session.get("oidc_states") or {}
    attempt = states.pop(request.GET.get("state", ""), None)
    if attempt is None:
        # Forged, replayed, or started in another browser: nothing to complete.
        logger.warning("SSO answer with an unknown state refused")
        return _failure(
            request,
            _(
                "This login could not be completed: it was not started in this browser, "
                "or it was already used. Please log in again."
            ),
        )
    request.session["oidc_states"] = states  # each state answers once
    if request.GET.get("error"):
        logger.info("SSO login ended by the provider: %s", request.GET.get("error"))
        return _failure(request, _("The identity provider did not log you in."))
    try:
        # RFC 9207: a provider that names itself in its answer must be ours.
        if "iss" in request.GET and request.GET["iss"] != provider.metadata()["issuer"]:
            raise SuspiciousOperation(f"answer from issuer {request.GET['iss']!r}")
        user = SsoBackend().authenticate(
            request, nonce=attempt["nonce"], code_verifier=attempt.get("code_verifier")
        )
    except _PROTOCOL_ERRORS as error:
        logger.warning("SSO login failed: %s", error)
        return _failure(request)
    if user is None:
        return _failure(request, getattr(request, "sso_refusal", None))

    next_url = request.session.pop("oidc_login_next", None)
    id_token = request.session.get("oidc_id_token")
    # Logging in as someone else than the session's user empties the session.
    auth.login(request, user, backend=BACKEND)
    request.session["oidc_id_token"] = id_token
    request.session.set_expiry(timedelta(hours=settings.OIDC_SESSION_HOURS))
    return HttpResponseRedirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))


def _failure(request, message: str | None = None):
    request.session.pop("oidc_id_token", None)
    messages.error(
        request,
        message
        or _(
            "Logging in with your organisation account did not succeed. Please try again; "
            "if it keeps failing, contact the application management team."
        ),
    )
    return redirect("login")


class LogoutView(auth_views.LogoutView):
    """Django's logout; after an SSO login, on to the provider's logout as well,
    when it has one, so that the next login asks for the password again."""

    def post(self, request, *args, **kwargs):
        id_token = request.session.get("oidc_id_token")
        response = super().post(request, *args, **kwargs)
        if id_token and settings.OIDC_ENABLED:
            provider_logout = _provider_logout_url(request, id_token)
            if provider_logout:
                return HttpResponseRedirect(provider_logout)
        return response


def _provider_logout_url(request, id_token: str) -> str | None:
    try:
        endpoint = provider.metadata().get("end_session_endpoint")
    except provider.ProviderUnavailable:
        return None
    if not endpoint:
        return None
    if origin(endpoint) not in settings.SECURE_CSP.get("form-action", []):
        # The browser would refuse to go there from the logout form (the settings
        # allow the discovery URL's host): a local logout is better than a blocked page.
        logger.warning("OIDC end_session_endpoint %s not on the provider's host", endpoint)
        return None
    query = urlencode(
        {
            "id_token_hint": id_token,
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
        }
    )
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
