"""Who may do what with success factors, KPIs and channel statistics.

Every member of the beheerorganisatie reads; managers and beheerders edit
factors, KPIs, channels and upload data; the owner of a KPI (the person linked
to their login) adds measurements to it.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from beheer import groups
from beheer.access import in_any_group
from kpi.models import Kpi


def can_edit(user) -> bool:
    return in_any_group(user, groups.BEHEERDERS, groups.MANAGERS)


def owned_kpi_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Kpi.objects.filter(owner__user=user).values_list("pk", flat=True))


def can_measure(user, kpi: Kpi) -> bool:
    if kpi.from_channels:
        return False
    return can_edit(user) or (
        user.is_authenticated and kpi.owner_id is not None and kpi.owner.user_id == user.pk
    )


def can_remove_measurements(user, kpi: Kpi) -> bool:
    """Editors may also remove values typed by hand before a KPI switched to
    the channel statistics; owners remove their own KPI's values."""
    return can_edit(user) or can_measure(user, kpi)


def can_delete_measurement(user, measurement) -> bool:
    """Values the channel statistics computed follow the volumes and are never
    removed by hand."""
    return not measurement.from_channels and can_remove_measurements(user, measurement.kpi)


def can_upload_measurements(user) -> bool:
    return can_edit(user) or bool(owned_kpi_ids(user))


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not change this."))
