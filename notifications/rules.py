"""The reminders of the daily run (notifications.reminders), for every app
until each app owns its own `reminders.py`. Read-only: nothing here changes
another app's data.

- The owner of an open action: its due date a week ahead, the day before (or
  the day itself) and once it has passed.
- An invited respondent who has not submitted: the answer-by date, likewise.
- The managers: assignments ending within 30 days, people leaving within 30
  days (with the rights their roles give them, to revoke), roles without a
  holder, contracts whose last day to give notice is near.

Only people with a login who have not left receive anything. Each rule runs
one or two queries, whatever the number of recipients.
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Exists, Max, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from beheer import groups
from beheer.models import Assignment, Person, Role
from governance.models import Action
from matrix.models import Grant
from maturity.access import RESPOND
from maturity.models import AssessmentUserObjectPermission, Response
from notifications.reminders import Reminder, stage

MANAGER_HORIZON_DAYS = 30

_ACTION_SUBJECTS = {
    "soon": _("Action due on %(date)s: %(title)s"),
    "tomorrow": _("Action due tomorrow: %(title)s"),
    "today": _("Action due today: %(title)s"),
    "overdue": _("Action overdue since %(date)s: %(title)s"),
}
_QUESTIONNAIRE_SUBJECTS = {
    "soon": _("Please answer “%(name)s” by %(date)s"),
    "tomorrow": _("Answer “%(name)s” by tomorrow"),
    "today": _("Answer “%(name)s” today"),
    "overdue": _("The answers to “%(name)s” were due on %(date)s"),
}


def reminders(*, today: date) -> list:
    return [
        *action_reminders(today=today),
        *questionnaire_reminders(today=today),
        *manager_reminders(today=today),
    ]


def _day(value: date) -> str:
    return value.strftime("%d-%m-%Y")


def _stage(due: date, today: date) -> str | None:
    found = stage(due, today=today)
    if found == "tomorrow" and due == today:
        return "today"
    return found


def _person_present(today: date, prefix: str = "") -> Q:
    """A person who has not left: active, and no leaving date before today."""
    return Q(**{f"{prefix}is_active": True}) & (
        Q(**{f"{prefix}leaving_date__isnull": True}) | Q(**{f"{prefix}leaving_date__gte": today})
    )


def _user_present(today: date) -> Q:
    """A login whose person (if any) has not left."""
    return Q(is_active=True) & (Q(person__isnull=True) | _person_present(today, "person__"))


def action_reminders(*, today: date) -> list[Reminder]:
    """One query: the open actions due within a week or overdue, with their owner."""
    actions = (
        Action.objects.unfinished()
        .filter(due_date__lte=today + timedelta(days=7), owner__user__is_active=True)
        .filter(_person_present(today, "owner__"))
        .select_related("owner")
        .order_by("due_date", "pk")
    )
    found = []
    for action in actions:
        step = _stage(action.due_date, today)
        found.append(
            Reminder(
                kind="action-" + step,
                key=f"action:{action.pk}:{step}:{action.due_date.isoformat()}",
                recipients=(action.owner.user_id,),
                subject=_ACTION_SUBJECTS[step],
                text=_(
                    "You own the action “%(title)s”, due on %(date)s. Update its status "
                    "when it is done, or agree a new date."
                ),
                url=action.get_absolute_url(),
                params={"title": action.title, "date": _day(action.due_date)},
            )
        )
    return found


def questionnaire_reminders(*, today: date) -> list[Reminder]:
    """One query: the invitations to open rounds with an answer-by date within
    a week or past, whose respondent has not submitted."""
    submitted = Response.objects.filter(
        assessment=OuterRef("content_object"),
        respondent=OuterRef("user"),
        submitted_at__isnull=False,
    )
    present = get_user_model().objects.filter(_user_present(today))
    invitations = (
        AssessmentUserObjectPermission.objects.filter(
            permission__codename=RESPOND,
            content_object__is_open=True,
            content_object__answer_by__lte=today + timedelta(days=7),
            user__in=present,
        )
        .exclude(Exists(submitted))
        .select_related("content_object__department")
        .order_by("content_object__answer_by", "pk")
    )
    found = []
    for invitation in invitations:
        assessment = invitation.content_object
        step = _stage(assessment.answer_by, today)
        found.append(
            Reminder(
                kind="questionnaire-" + step,
                key=f"questionnaire:{assessment.pk}:{step}:{assessment.answer_by.isoformat()}",
                recipients=(invitation.user_id,),
                subject=_QUESTIONNAIRE_SUBJECTS[step],
                text=_(
                    "You are invited to fill in the maturity questionnaire “%(name)s” of "
                    "%(department)s. Please submit your answers by %(date)s."
                ),
                url=reverse("maturity:assessment", args=[assessment.pk]),
                params={
                    "name": assessment.name,
                    "department": assessment.department.name,
                    "date": _day(assessment.answer_by),
                },
            )
        )
    return found


def manager_ids(*, today: date) -> tuple[int, ...]:
    """The managers with a login who have not left; one query."""
    return tuple(
        get_user_model()
        .objects.filter(_user_present(today), groups__name=groups.MANAGERS)
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )


def manager_reminders(*, today: date) -> list[Reminder]:
    """Five queries (managers, assignments, leavers with their rights, vacant
    roles) plus the contracts' three."""
    managers = manager_ids(today=today)
    if not managers:
        return []
    horizon = today + timedelta(days=MANAGER_HORIZON_DAYS)
    found = []
    ending = (
        Assignment.objects.current(today)
        .filter(end_date__lte=horizon, person__is_active=True)
        .select_related("person", "role")
        .order_by("end_date", "pk")
    )
    for assignment in ending:
        found.append(
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
                    "date": _day(assignment.end_date),
                },
            )
        )
    found.extend(_leaver_reminders(managers, today=today, horizon=horizon))
    found.extend(_vacant_role_reminders(managers, today=today))
    found.extend(_contract_reminders(managers, today=today))
    return found


def _leaver_reminders(managers, *, today: date, horizon: date) -> list[Reminder]:
    leavers = (
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
    leavers = list(leavers)
    role_ids = {a.role_id for person in leavers for a in person.current_assignments}
    rights: dict[int, list[str]] = {}
    for grant in Grant.objects.filter(role_id__in=role_ids).select_related("right__component"):
        rights.setdefault(grant.role_id, []).append(str(grant.right))
    found = []
    for person in leavers:
        roles = sorted({a.role.name for a in person.current_assignments})
        held = person.current_assignments
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
                    "date": _day(person.leaving_date),
                    "roles": ", ".join(roles) or "–",
                    "rights": ", ".join(to_revoke) or "–",
                },
            )
        )
    return found


def _vacant_role_reminders(managers, *, today: date) -> list[Reminder]:
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
    found = []
    for role in vacant:
        since = role.last_end.isoformat() if role.last_end else "never"
        found.append(
            Reminder(
                kind="role-vacant",
                key=f"role-vacant:{role.pk}:{since}",
                recipients=managers,
                subject=_("Nobody holds the role %(role)s"),
                text=_(
                    "The role %(role)s has no holder today, so nobody answers for its tasks. "
                    "Assign a holder."
                ),
                url=role.get_absolute_url(),
                params={"role": role.name},
            )
        )
    return found


def _contract_reminders(managers, *, today: date) -> list[Reminder]:
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
                params={"contract": row.contract.name, "date": _day(row.notice_by)},
            )
        )
    return found
