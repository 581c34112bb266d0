"""Login throttling with django-axes: the two hooks the settings name.

`client_address` says which address a login comes from (AXES_CLIENT_IP_CALLABLE);
`locked_out` is what a blocked login gets to see (AXES_LOCKOUT_CALLABLE).
"""

import ipaddress
import math

from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone


def client_address(request) -> str | None:
    """REMOTE_ADDR, or behind PROXY_COUNT proxies the address our outermost proxy saw.

    Each proxy appends the address it was connected from to X-Forwarded-For, so the
    client's is PROXY_COUNT entries from the right; anything further left is what
    the client itself sent, and a client must not choose its own address.
    """
    if settings.PROXY_COUNT:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(forwarded) >= settings.PROXY_COUNT:
            address = _valid(forwarded[-settings.PROXY_COUNT])
            if address:
                return address
    return _valid(request.META.get("REMOTE_ADDR", ""))


def _valid(address: str) -> str | None:
    # The address is stored in an IP address column; PostgreSQL refuses anything else.
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def locked_out(request, response, credentials):
    """The login page again, saying that and for how long this login is blocked.

    The form stays, with the username filled in: after the wait, or once a
    beheerder lifted the block, the user logs in right here.
    """
    username = get_client_username(request, credentials) or ""
    seconds = _seconds_left(username, request.axes_ip_address)
    context = {
        "form": AuthenticationForm(request, initial={"username": username}),
        "next": request.POST.get("next", request.GET.get("next", "")),
        "blocked_minutes": max(1, math.ceil(seconds / 60)),
    }
    page = render(request, "registration/login.html", context, status=429)
    page["Retry-After"] = str(seconds)
    return page


def _seconds_left(username: str, address: str) -> int:
    # Failures count per account and address (AXES_LOCKOUT_PARAMETERS), and the
    # block ends one cool-off after the last of them.
    cool_off = settings.AXES_COOLOFF_TIME
    last = AccessAttempt.objects.filter(username=username, ip_address=address).aggregate(
        last=Max("attempt_time")
    )["last"]
    if last is None:
        return int(cool_off.total_seconds())
    return max(0, math.ceil((last + cool_off - timezone.now()).total_seconds()))
