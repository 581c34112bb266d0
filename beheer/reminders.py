"""The managers' signals about the register, part of the daily reminders
(notifications.reminders): assignments ending within 30 days, people leaving
within 30 days (with the rights their roles give them, to revoke), roles
without a holder, contracts whose last day to give notice is near.

They go to every manager with a login who has not left, under the topic
"register", which arrives as one daily e-mail unless a manager chooses
otherwise: the first run finds every item of a large register at once.
Each item is stored once, so the next days bring only what is new.
"""

from datetime import date, timedelta

from django.db.models import Max, Prefetch, Q
from django.utils.translation import gettext_lazy as _

from beheer.models import Assignment, Person, Role
from notifications.models import Topic
from notifications.reminders import Reminder, day_text, manager_ids

HORIZON_DAYS = 30


def reminders(*, today: date) -> list[Reminder]:
    """Five queries (managers, assignments, leavers with their rights, vacant
    roles) plus the contracts' three, however many managers and items."""
    managers = manager_ids(today=today)
    if not managers:
        return []
    horizon = today + timedelta(days=HORIZON_DAYS)
    return [
        *_ending_assignments(managers, today=today, horizon=horizon),
        *_leavers(managers, today=today, horizon=horizon),
        *_vacant_roles(managers, today=today),
        *_contracts(managers, today=today),
    ]


def _ending_assignments(managers, *, today: date, horizon: date) -> list[Reminder]:
    ending = (
        Assignment.objects.current(today)
        .filter(end_date__lte=horizon, person__is_active=True)
        .select_related("person", "role")
        .order_by("end_date", "pk")
    )
    return [
        Reminder(
            kind="assignment-ending",
            key=f"assignment-ending:{assignment.pk}:{assignment.end_date.isoformat()}",
            recipients=managers,
            subject=_("%(person)s's assignment as %(role)s ends on %(date)s"),
            text=_(
                "The assignment of %(person)s as %(kind)s of %(role)s ends on %(date)s. "
                "Arrange a successor or extend the assignment."
            ),
            url=assignment.role.get_absolute_url(),
            params={
                "person": assignment.person.name,
                "role": assignment.role.name,
                "kind": assignment.get_kind_display().lower(),
                "date": day_text(assignment.end_date),
            },
            topic=Topic.REGISTER,
        )
        for assignment in ending
    ]


def _leavers(managers, *, today: date, horizon: date) -> list[Reminder]:
    # The rights are the matrix's; read here, not in a hook, because the
    # message must name them (what to revoke) and the register owns the leaver.
    from matrix.models import Grant

    leavers = list(
        Person.objects.filter(leaving_date__gte=today, leaving_date__lte=horizon, is_active=True)
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.current(today).select_related("role"),
                to_attr="current_assignments",
            )
        )
        .order_by("leaving_date", "pk")
    )
    role_ids = {a.role_id for person in leavers for a in person.current_assignments}
    rights: dict[int, list[str]] = {}
    for grant in Grant.objects.filter(role_id__in=role_ids).select_related("right__component"):
        rights.setdefault(grant.role_id, []).append(str(grant.right))
    found = []
    for person in leavers:
        held = person.current_assignments
        roles = sorted({a.role.name for a in held})
        to_revoke = sorted({right for a in held for right in rights.get(a.role_id, [])})
        found.append(
            Reminder(
                kind="person-leaving",
                key=f"person-leaving:{person.pk}:{person.leaving_date.isoformat()}",
                recipients=managers,
                subject=_("%(person)s leaves on %(date)s"),
                text=_(
                    "%(person)s leaves on %(date)s. Roles to hand over: %(roles)s. "
                    "Rights to revoke: %(rights)s."
                ),
                url=person.get_absolute_url(),
                params={
                    "person": person.name,
                    "date": day_text(person.leaving_date),
                    "roles": ", ".join(roles) or "–",
                    "rights": ", ".join(to_revoke) or "–",
                },
                topic=Topic.REGISTER,
            )
        )
    return found


def _vacant_roles(managers, *, today: date) -> list[Reminder]:
    """Roles nobody holds today; keyed by the end of the last holder's assignment,
    so a role that is filled and falls vacant again is reported again."""
    held = Assignment.objects.current(today).filter(kind=Assignment.Kind.HOLDER)
    vacant = (
        Role.objects.exclude(pk__in=held.values("role_id"))
        .annotate(
            last_end=Max("assignments__end_date", filter=Q(assignments__kind="holder")),
        )
        .order_by("name")
    )
    return [
        Reminder(
            kind="role-vacant",
            key=f"role-vacant:{role.pk}:{role.last_end.isoformat() if role.last_end else 'never'}",
            recipients=managers,
            subject=_("Nobody holds the role %(role)s"),
            text=_(
                "The role %(role)s has no holder today, so nobody answers for its tasks. "
                "Assign a holder."
            ),
            url=role.get_absolute_url(),
            params={"role": role.name},
            topic=Topic.REGISTER,
        )
        for role in vacant
    ]


def _contracts(managers, *, today: date) -> list[Reminder]:
    # Contracts live in operations; their signal goes out with the register's
    # so the managers are read once per run.
    from operations.selectors import contracts_to_give_notice

    found = []
    for row in contracts_to_give_notice(today=today):
        if row.notice_by is None or row.notice_by < today:
            continue  # passed: the contract has renewed or ends; nothing to decide now
        found.append(
            Reminder(
                kind="contract-notice",
                key=f"contract-notice:{row.contract.pk}:{row.notice_by.isoformat()}",
                recipients=managers,
                subject=_("Give notice on %(contract)s by %(date)s, or let it renew"),
                text=_(
                    "The last day to give notice on the contract %(contract)s is %(date)s. "
                    "Decide whether to renew it."
                ),
                url=row.contract.get_absolute_url(),
                params={"contract": row.contract.name, "date": day_text(row.notice_by)},
                topic=Topic.REGISTER,
            )
        )
    return found
