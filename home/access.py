"""Who sees which home page.

Mijn werk is every member's first screen. The managers' overview (the
register, matrices, KPIs, risks and actions in figures, attention first) is
for managers and beheerders; the MT overview for the MT, and for managers and
beheerders, who prepare what the MT decides on. Owners and key users find their
part on Mijn werk and in the sections themselves.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from beheer import groups
from beheer.access import in_any_group


def can_see_overview(user) -> bool:
    return in_any_group(user, groups.BEHEERDERS, groups.MANAGERS)


def can_see_mt_overview(user) -> bool:
    return in_any_group(user, groups.BEHEERDERS, groups.MANAGERS, groups.MT)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("This overview is not meant for your role."))
