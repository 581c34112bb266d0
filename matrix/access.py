"""Who may do what with the beheermatrix.

Managers and beheerders edit every row; a component owner edits the rows of
the components they hold a guardian grant for; every group reads the matrix
and downloads it (a download shows no more than the page); only managers and
beheerders import and adopt versions. The mutations list (who leaves, and the
rights to revoke) is personal data on a need-to-know basis: managers,
beheerders, owners (who tick their components' items) and MT read it.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from beheer import groups
from beheer.access import in_any_group
from beheer.models import ComponentGroupObjectPermission, ComponentUserObjectPermission

EDIT_ROWS = "beheer.edit_matrix_rows"
EDIT_ROWS_CODENAME = "edit_matrix_rows"


def can_edit_all(user) -> bool:
    return in_any_group(user, groups.BEHEERDERS, groups.MANAGERS)


def editable_component_ids(user) -> set[int]:
    """Components whose rows `user` may edit through a guardian grant, to them or
    to one of their groups. One plain query on the direct-foreign-key grant
    tables; guardian's generic shortcuts take several on every cell save."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_editable_component_ids", None)
    if cached is None:
        by_user = ComponentUserObjectPermission.objects.filter(
            user=user, permission__codename=EDIT_ROWS_CODENAME
        ).values("content_object_id")
        by_group = ComponentGroupObjectPermission.objects.filter(
            group__user=user, permission__codename=EDIT_ROWS_CODENAME
        ).values("content_object_id")
        cached = set(by_user.union(by_group).values_list("content_object_id", flat=True))
        user._editable_component_ids = cached
    return cached


def can_edit_activity(user, activity) -> bool:
    if can_edit_all(user):
        return True
    return activity.component_id in editable_component_ids(user)


def can_edit_row(user, model, pk: int) -> bool:
    """Whether `user` may edit row `pk` of a grid (a task, a right: `model`),
    known only by its id, as in a cell save: no query for those who edit all."""
    if can_edit_all(user):
        return True
    editable = editable_component_ids(user)
    return bool(editable) and model.objects.filter(pk=pk, component_id__in=editable).exists()


def can_read_mutations(user) -> bool:
    return in_any_group(user, groups.BEHEERDERS, groups.MANAGERS, groups.EIGENAREN, groups.MT)


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not change this part of the matrix."))
