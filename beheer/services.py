"""Changes to the register that touch several records at once."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q

from beheer import data_versions
from beheer.models import Assignment, Person, Role


@dataclass(frozen=True)
class LeaveConsequence:
    role: Role
    kind: str  # Assignment.Kind of the ending assignment
    becomes_vacant: bool  # the last holder leaves
    loses_deputy: bool  # the last deputy leaves


def _affected_assignments(person: Person, leaving_date: date):
    """Assignments still running after the leaving date."""
    return (
        person.assignments.filter(Q(end_date__isnull=True) | Q(end_date__gt=leaving_date))
        .select_related("role")
        .order_by("role__name", "kind")
    )


def person_leave_consequences(*, person: Person, leaving_date: date) -> list[LeaveConsequence]:
    """What happens to the roles of `person` when they leave on `leaving_date`."""
    affected = list(_affected_assignments(person, leaving_date))
    day_after = leaving_date + timedelta(days=1)
    # Who else holds the same roles the day after, in one query.
    others = set(
        Assignment.objects.filter(role__in=[a.role_id for a in affected], start_date__lte=day_after)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day_after))
        .exclude(person=person)
        .values_list("role_id", "kind")
    )
    return [
        LeaveConsequence(
            role=assignment.role,
            kind=assignment.kind,
            becomes_vacant=assignment.kind == Assignment.Kind.HOLDER
            and (assignment.role_id, Assignment.Kind.HOLDER) not in others,
            loses_deputy=assignment.kind == Assignment.Kind.DEPUTY
            and (assignment.role_id, Assignment.Kind.DEPUTY) not in others,
        )
        for assignment in affected
    ]


@transaction.atomic
def person_leave(*, person: Person, leaving_date: date) -> list[LeaveConsequence]:
    """Record that `person` leaves: their assignments end on the leaving date.

    Assignments that would only start after the leaving date are removed, since
    they will never be in force.
    """
    consequences = person_leave_consequences(person=person, leaving_date=leaving_date)
    for assignment in _affected_assignments(person, leaving_date):
        if assignment.start_date > leaving_date:
            assignment.delete()
        else:
            assignment.end_date = leaving_date
            assignment.save(update_fields=["end_date"])
    person.leaving_date = leaving_date
    person.save(update_fields=["leaving_date"])
    component_owner_grants_sync()
    return consequences


# Who holds an owner role decides who may edit a component's matrix rows.
OWNERSHIP_MODELS = (Assignment, Person, Role)


def register_changed(*, model) -> None:
    """What follows any change to the register, called by every screen, the admin
    and the import that make one: the owners' edit grants follow the owner roles'
    holders at once. (Cached results follow by themselves: beheer.data_versions.)"""
    if model in OWNERSHIP_MODELS:
        component_owner_grants_sync()


def component_owner_grants_sync() -> None:
    """Make the per-component edit grants match who owns which component today.

    Current holders and deputies of an owner role tied to a component, when they
    have a login, may edit that component's matrix rows; nobody else keeps that
    grant. Runs after every register change (register_changed) and daily
    (`manage.py sync_owner_grants`), since assignments also end by the calendar.
    """
    from beheer.models import ComponentUserObjectPermission

    permission = Permission.objects.get(
        codename="edit_matrix_rows", content_type__app_label="beheer"
    )
    wanted = set(
        Assignment.objects.current()
        .filter(
            role__kind=Role.Kind.OWNER,
            role__component__isnull=False,
            person__user__isnull=False,
            person__is_active=True,
        )
        .values_list("person__user_id", "role__component_id")
    )
    granted = {
        (grant.user_id, grant.content_object_id): grant.pk
        for grant in ComponentUserObjectPermission.objects.filter(permission=permission)
    }
    removed, _details = ComponentUserObjectPermission.objects.filter(
        pk__in=[pk for key, pk in granted.items() if key not in wanted]
    ).delete()
    # Two syncs may run at once (after two commits); the second finds the grant made.
    ComponentUserObjectPermission.objects.bulk_create(
        (
            ComponentUserObjectPermission(
                user_id=user_id, content_object_id=component_id, permission=permission
            )
            for user_id, component_id in wanted - granted.keys()
        ),
        ignore_conflicts=True,
    )
    if removed or wanted - granted.keys():
        # What owners may edit shows in cached grids: bulk writes send no signals.
        data_versions.changed("users")
