"""Serving a whole rendered page again while nothing it shows has changed.

The key holds everything a page depends on: the user (name and groups), the
language, the date, the address and the register's data version, which every
change raises. The CSRF tokens in the page's forms are taken out before
storing and a fresh one is put in for each request, so a cached page posts
like a new one. Pages carrying a one-time message are never stored or served.
"""

import re
from functools import wraps
from hashlib import md5

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from beheer.access import group_names
from beheer.models import OrganisationSettings

TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
PLACEHOLDER = "\x00csrf\x00"  # cannot occur in the page's text


def _has_messages(request) -> bool:
    return bool(request.COOKIES.get("messages")) or "_messages" in request.session


def _key(request) -> str:
    user = request.user
    parts = (
        user.pk,
        user.get_full_name() or user.get_username(),
        ",".join(sorted(group_names(user))),
        user.is_superuser,
        get_language(),
        timezone.localdate(),
        OrganisationSettings.for_request(request).data_version,
        request.get_full_path(),
    )
    return "page:" + md5("|".join(map(str, parts)).encode()).hexdigest()


def cached_page(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "GET" or not request.user.is_authenticated or _has_messages(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        html = cache.get(key)
        if html is not None:
            response = HttpResponse(html.replace(PLACEHOLDER, get_token(request)))
            patch_vary_headers(response, ("Cookie",))
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            page = TOKEN.sub(rf"\g<1>{PLACEHOLDER}\g<2>", response.content.decode())
            cache.set(key, page)
        return response

    return wrapped
