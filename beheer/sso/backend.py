"""mozilla-django-oidc's backend, with its endpoints from the discovery document.

The library exchanges the code (with the PKCE verifier) for tokens, finds the
provider's key in its JWKS, checks the ID token's signature and algorithm and
the nonce. This class adds what the library leaves out: issuer, audience,
expiry and authorized party of the ID token. Who the user then is, is decided
in beheer.sso.services.
"""

import logging

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from beheer.sso import provider
from beheer.sso.services import SsoRefused, sso_user_sync

logger = logging.getLogger(__name__)

# Clocks of the app and the provider may differ a little.
LEEWAY_SECONDS = 60


class SsoBackend(OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs):
        # Not the parent's, which reads the endpoints at once: Django makes a
        # backend for every request of a signed-in user, and the endpoints come
        # from the discovery document, fetched only when a login needs them.
        self.UserModel = get_user_model()

    OIDC_RP_IDP_SIGN_KEY = None

    @property
    def OIDC_RP_CLIENT_ID(self):
        return settings.OIDC_RP_CLIENT_ID

    @property
    def OIDC_RP_CLIENT_SECRET(self):
        return settings.OIDC_RP_CLIENT_SECRET

    @property
    def OIDC_RP_SIGN_ALGO(self):
        return settings.OIDC_RP_SIGN_ALGO

    @property
    def OIDC_OP_TOKEN_ENDPOINT(self):
        return provider.metadata()["token_endpoint"]

    @property
    def OIDC_OP_JWKS_ENDPOINT(self):
        return provider.metadata()["jwks_uri"]

    @property
    def OIDC_OP_USER_ENDPOINT(self):
        return provider.metadata().get("userinfo_endpoint")

    def authenticate(self, request, nonce=None, code_verifier=None, **kwargs):
        # Only the SSO callback logs in here (it passes the nonce); Django also
        # asks every backend about each local login, which is none of ours.
        if request is None or nonce is None:
            return None
        return super().authenticate(request, nonce=nonce, code_verifier=code_verifier)

    def _verify_jws(self, payload, key):
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(f"ID token signed with {header.get('alg')!r}")
        try:
            claims = jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=provider.metadata()["issuer"],
                leeway=LEEWAY_SECONDS,
                options={"require": ["iss", "aud", "exp", "iat", "sub"]},
            )
        except jwt.InvalidTokenError as error:
            raise SuspiciousOperation(f"ID token refused: {error}") from error
        several = isinstance(claims["aud"], list) and len(claims["aud"]) > 1
        if several and claims.get("azp") != self.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("ID token for several audiences, not authorized to us")
        return claims

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims, completed from the userinfo endpoint if there is one.

        Entra ID puts groups only in the ID token, other providers some claims only
        at the userinfo endpoint; the (verified) ID token wins where both have one.
        """
        claims = dict(payload)
        endpoint = self.OIDC_OP_USER_ENDPOINT
        if not endpoint or not access_token:
            return claims
        try:
            response = requests.get(
                endpoint,
                headers={"Authorization": f"Bearer {access_token}", "Accept": "application/json"},
                timeout=settings.OIDC_TIMEOUT,
            )
            response.raise_for_status()
            info = response.json()
        except (requests.RequestException, ValueError) as error:
            logger.warning("OIDC userinfo not used: %s", error)
            return claims
        if isinstance(info, dict) and info.get("sub") == payload.get("sub"):
            for name, value in info.items():
                claims.setdefault(name, value)
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        try:
            return sso_user_sync(
                claims=claims,
                groups_claim=settings.OIDC_GROUPS_CLAIM,
                group_map=settings.OIDC_GROUP_MAP,
            )
        except SsoRefused as refusal:
            self.request.sso_refusal = str(refusal)
            return None
