"""Who may enter the application at all.

Login is required everywhere (Django's LoginRequiredMiddleware). On top of that a
signed-in user needs at least one application group; without one they get a
friendly page that tells them whom to ask, instead of a wall of 403s.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from beheer import groups


def group_names(user) -> frozenset[str]:
    """The user's application groups, fetched once per request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_beheer_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._beheer_group_names = cached
    return cached


def has_access(user) -> bool:
    return user.is_superuser or bool(group_names(user) & set(groups.ALL))


def in_any_group(user, *names: str) -> bool:
    return user.is_superuser or bool(group_names(user) & set(names))


def membership_not_required(view):
    """Let signed-in users without a group reach this view (logout, language)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        return view(*args, **kwargs)

    wrapped.membership_required = False
    return wrapped


class MembershipRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "login_required", True):
            return None  # without loading the user: health checks stay cheap
        user = request.user
        if not user.is_authenticated:
            return None
        if not getattr(view_func, "membership_required", True) or has_access(user):
            return None
        return render(request, "beheer/no_access.html", status=403)


def can_edit_register(user) -> bool:
    """Managers and beheerders maintain the organisation register."""
    return in_any_group(user, groups.BEHEERDERS, groups.MANAGERS)


def require_register_editor(request) -> None:
    if not can_edit_register(request.user):
        raise PermissionDenied(
            _("Only the application management team (managers) may change the register.")
        )
