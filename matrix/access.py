"""Who may do what with the beheermatrix.

Managers and beheerders edit every row; a component owner edits the rows of
the components they hold a guardian grant for; MT, managers and beheerders
export; only managers and beheerders import and adopt versions.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from guardian.shortcuts import get_objects_for_user

from beheer import groups
from beheer.access import in_any_group
from beheer.models import Component

EDIT_ROWS = "beheer.edit_matrix_rows"


def can_edit_all(user) -> bool:
    return in_any_group(user, groups.BEHEERDERS, groups.MANAGERS)


def editable_component_ids(user) -> set[int]:
    """Components whose rows `user` may edit through an owner grant (one query)."""
    if not user.is_authenticated:
        return set()
    return set(
        get_objects_for_user(
            user, EDIT_ROWS, klass=Component, accept_global_perms=False
        ).values_list("pk", flat=True)
    )


def can_edit_activity(user, activity) -> bool:
    if can_edit_all(user):
        return True
    return activity.component_id is not None and user.has_perm(EDIT_ROWS, activity.component)


def can_export(user) -> bool:
    return in_any_group(user, groups.BEHEERDERS, groups.MANAGERS, groups.MT)


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not change this part of the matrix."))
