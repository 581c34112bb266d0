"""The identity provider's discovery document: its endpoints, keys and issuer.

Fetched when a login first needs it (not at start-up: the app must start, and
local logins work, while the provider is down), with a timeout, and kept for an
hour per process. When a refresh fails, the last good document is used a while
longer.
"""

import logging
import threading
import time

import requests
from django.conf import settings

from beheer.sso.config import DISCOVERY_SUFFIX

logger = logging.getLogger(__name__)

KEEP_SECONDS = 3600
RETRY_SECONDS = 60  # after a failed refresh, the old document serves this long
REQUIRED = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")

_lock = threading.Lock()
_documents: dict[str, tuple[float, dict]] = {}  # discovery URL -> (fetched at, document)


class ProviderUnavailable(Exception):
    """The provider's discovery document cannot be fetched or is not usable."""


def metadata() -> dict:
    url = settings.OIDC_DISCOVERY_URL
    kept = _documents.get(url)
    if kept and time.monotonic() - kept[0] < KEEP_SECONDS:
        return kept[1]
    with _lock:  # one fetch at a time; the others then find its result
        kept = _documents.get(url)
        if kept and time.monotonic() - kept[0] < KEEP_SECONDS:
            return kept[1]
        try:
            document = _fetch(url)
        except ProviderUnavailable:
            if not kept:
                raise
            logger.warning("OIDC discovery failed; using the document fetched before")
            _documents[url] = (time.monotonic() - KEEP_SECONDS + RETRY_SECONDS, kept[1])
            return kept[1]
        _documents[url] = (time.monotonic(), document)
        return document


def forget() -> None:
    """Drop the kept documents (tests; a changed provider)."""
    _documents.clear()


def _fetch(url: str) -> dict:
    try:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        logger.warning("OIDC discovery document %s: %s", url, error)
        raise ProviderUnavailable(str(error)) from error
    missing = [key for key in REQUIRED if not isinstance(document, dict) or key not in document]
    if missing:
        raise ProviderUnavailable(f"{url} lacks {', '.join(missing)}")
    # OpenID Connect Discovery 1.0, 4.3: the issuer is the discovery URL without its
    # suffix. Otherwise a document from elsewhere could name another issuer's keys.
    expected = url.removesuffix(DISCOVERY_SUFFIX)
    if document["issuer"].rstrip("/") != expected.rstrip("/"):
        logger.error("OIDC issuer %r does not match %s", document["issuer"], url)
        raise ProviderUnavailable(f"issuer {document['issuer']!r} does not match {url}")
    return document
