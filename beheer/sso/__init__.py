"""Single sign-on with OpenID Connect (mozilla-django-oidc); see the README.

config     reads the OIDC_* variables (imported by the settings: no models here)
provider   the provider's discovery document, fetched when first needed, cached
backend    the token exchange and ID token checks, on mozilla-django-oidc's backend
services   who an SSO login is: the account, its Person, its groups; leavers refused
views      start of the login, the provider's answer (callback), logout
forms      the local login form, limited to beheerders when it is hidden
"""
