"""The OIDC_* variables, parsed for beheer.settings.

Imported by the settings module, so it touches no model and no app registry.
A wrong value stops the start with a message that names the variable: a typo
in a group map must not silently leave everyone without access.
"""

import json
import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from beheer import groups

DISCOVERY_SUFFIX = "/.well-known/openid-configuration"
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}
SIGN_ALGORITHMS = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"}


def sso_enabled(environ=os.environ) -> bool:
    """Whether single sign-on is configured: all three variables, or none."""
    required = ("OIDC_DISCOVERY_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET")
    present = [name for name in required if environ.get(name, "").strip()]
    if present and len(present) < len(required):
        missing = ", ".join(name for name in required if name not in present)
        raise ImproperlyConfigured(
            f"Single sign-on is half configured: {', '.join(present)} set, {missing} missing."
        )
    return bool(present)


def discovery_url(value: str) -> str:
    """The provider's discovery document: the issuer URL is enough, the suffix is added.

    Plain http only for a provider on this machine (tests): elsewhere anyone on
    the way could hand out their own signing keys.
    """
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ImproperlyConfigured(f"OIDC_DISCOVERY_URL={value!r}: not a web address")
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
        raise ImproperlyConfigured(f"OIDC_DISCOVERY_URL={value!r}: use https")
    if not value.endswith(DISCOVERY_SUFFIX):
        value = value.rstrip("/") + DISCOVERY_SUFFIX
    return value


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def group_map(value: str) -> dict[str, tuple[str, ...]]:
    """OIDC_GROUP_MAP: which value of the groups claim gives which app group(s).

    Either JSON, {"claim value": "Group"} or {"claim value": ["Group", ...]}, or
    the short form `claim value=Group,other value=Group`. Values that contain a
    comma (LDAP names such as CN=…,OU=…) need the JSON form. Claim values are
    compared without regard to case; group names must be app groups.
    Empty: groups are not managed by single sign-on at all.
    """
    value = value.strip()
    if not value:
        return {}
    if value.startswith(("{", "[")):
        try:
            parsed = json.loads(value)
        except ValueError as error:
            raise ImproperlyConfigured(f"OIDC_GROUP_MAP is not valid JSON: {error}") from None
        if not isinstance(parsed, dict):
            raise ImproperlyConfigured("OIDC_GROUP_MAP: JSON must be an object")
        pairs = [
            (claim, name)
            for claim, names in parsed.items()
            for name in (names if isinstance(names, list) else [names])
        ]
    else:
        pairs = []
        for item in value.split(","):
            if not item.strip():
                continue
            claim, sign, name = item.rpartition("=")
            if not sign or not claim.strip():
                raise ImproperlyConfigured(
                    f"OIDC_GROUP_MAP: {item.strip()!r} is not `claim value=Group`"
                )
            pairs.append((claim, name))
    mapping: dict[str, tuple[str, ...]] = {}
    for claim, name in pairs:
        group = _app_group(name)
        key = str(claim).strip().casefold()
        if group not in mapping.get(key, ()):
            mapping[key] = (*mapping.get(key, ()), group)
    return mapping


def _app_group(name) -> str:
    if isinstance(name, str):
        for group in groups.ALL:
            if group.casefold() == name.strip().casefold():
                return group
    raise ImproperlyConfigured(
        f"OIDC_GROUP_MAP: {name!r} is not an app group; use {', '.join(groups.ALL)}"
    )


def sign_algorithm(value: str) -> str:
    value = value.strip() or "RS256"
    if value not in SIGN_ALGORITHMS:
        raise ImproperlyConfigured(
            f"OIDC_SIGN_ALGORITHM={value!r}: use one of {', '.join(sorted(SIGN_ALGORITHMS))}"
        )
    return value
