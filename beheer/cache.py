"""The application's one cache: small computed results, keyed by what they depend on.

    risks = cached("risk-report", knowledge_risks, scopes=("register",))

The key holds the name, the versions of the scopes the result is computed
from (beheer.data_versions, where every invalidation is connected), the
language, today's date and `vary`: whatever else the result depends on, such
as the viewer's rights — never the viewer themselves, so a result has a
handful of entries, not one per user. Access checks belong to the caller and
run on every request; only results are cached, never whole pages.
"""

from hashlib import blake2b

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from beheer.data_versions import SCOPES, has_pending_changes, versions

_MISSING = object()


def cached(name: str, compute, *, scopes: tuple[str, ...], vary=(), timeout: int | None = None):
    """`compute()`'s result, from the cache while none of `scopes` has changed."""
    unknown = set(scopes) - SCOPES.keys()
    if unknown:
        raise ValueError(f"unknown scopes: {sorted(unknown)}")
    if not _caching() or has_pending_changes():
        # Caching off (CACHE_URL=dummy://): no version to read. Pending changes:
        # computed from data not committed yet, not for others to see.
        return compute()
    key = cache_key(name, scopes=scopes, vary=vary)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout)
    return value


def _caching() -> bool:
    return not settings.CACHES["default"]["BACKEND"].endswith(".DummyCache")


def cache_key(name: str, *, scopes, vary=()) -> str:
    parts = (
        sorted(versions(scopes).items()),
        get_language(),
        timezone.localdate().isoformat(),  # "in force today", "overdue"
        repr(vary),
    )
    return f"{name}:" + blake2b(repr(parts).encode(), digest_size=16).hexdigest()
