"""Who may do what with maturity assessments.

Managers and beheerders create, invite, reopen, publish and see everything;
an invited respondent (a guardian grant on the assessment) answers it and sees
the results once published; MT reads published results; others get nothing.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from beheer import groups
from beheer.access import in_any_group
from maturity.models import Assessment, AssessmentUserObjectPermission

RESPOND = "respond_assessment"


def can_manage(user) -> bool:
    return in_any_group(user, groups.BEHEERDERS, groups.MANAGERS)


def invited_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        AssessmentUserObjectPermission.objects.filter(
            user=user, permission__codename=RESPOND
        ).values_list("content_object_id", flat=True)
    )


def is_invited(user, assessment: Assessment) -> bool:
    return assessment.pk in invited_ids(user)


def can_see_results(user, assessment: Assessment) -> bool:
    if can_manage(user):
        return True
    return assessment.is_published and (
        in_any_group(user, groups.MT) or is_invited(user, assessment)
    )


def visible_assessments(user):
    queryset = Assessment.objects.select_related("department")
    if can_manage(user):
        return queryset
    invited = invited_ids(user)
    mt = in_any_group(user, groups.MT)
    return [a for a in queryset if a.pk in invited or (mt and a.is_published)]


def with_visible_results(user) -> list[Assessment]:
    """The assessments whose results `user` may see (can_see_results of each),
    in one query beside the groups and invitations."""
    queryset = Assessment.objects.select_related("department")
    if can_manage(user):
        return list(queryset)
    invited = invited_ids(user)
    mt = in_any_group(user, groups.MT)
    return [a for a in queryset.filter(is_published=True) if mt or a.pk in invited]


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You have no access to this assessment."))
