"""The matrices in numbers, for the dashboard: the counts the matrix pages show,
from a few count queries instead of the grids and lists they are shown in.

Each function gives exactly the number of its page (tests/beheer/test_dashboard.py
compares them on the demo data); when a rule changes there, change it here too.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import CharField, Count, Exists, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat

from beheer.models import Assignment, OrganisationSettings
from matrix.models import Activity, Grant, MutationTick, ReviewAnswer, Right
from matrix.mutations import LEAVING_WITHIN_DAYS, _in_force


def task_counts() -> tuple[int, int]:
    """(tasks, tasks that break the RACI rules): the rows and invalid rows of
    selectors.matrix_grid. A task breaks them without exactly one A or without
    an R (row_problems), also when it has no codes at all."""
    per_task = Activity.objects.annotate(
        a=Count("responsibilities", filter=Q(responsibilities__code="A")),
        r=Count("responsibilities", filter=Q(responsibilities__code="R")),
    )
    counts = per_task.aggregate(tasks=Count("pk"), invalid=Count("pk", filter=~Q(a=1) | Q(r=0)))
    return counts["tasks"], counts["invalid"]


def flagged_right_count(*, today: date, max_admins: int | None = None) -> int:
    """Rights with at least one of rights.right_flags: the flagged rows of
    rights.rights_grid. Holders are the people with an assignment in force
    today on a role that has the right."""
    if max_admins is None:
        max_admins = OrganisationSettings.load().max_admin_holders
    holder = "grants__role__assignments__person"
    in_force = Q(grants__role__assignments__start_date__lte=today) & (
        Q(grants__role__assignments__end_date__isnull=True)
        | Q(grants__role__assignments__end_date__gte=today)
    )
    return (
        Right.objects.annotate(
            holders=Count(holder, filter=in_force, distinct=True),
            external=Count(
                holder,
                filter=in_force & Q(grants__role__assignments__person__is_external=True),
                distinct=True,
            ),
        )
        .filter(
            Q(holders=0)
            | Q(sensitivity=Right.Sensitivity.PERSONAL_DATA, external__gt=0)
            | Q(sensitivity=Right.Sensitivity.ADMIN, holders__gt=max_admins)
        )
        .count()
    )


@dataclass
class _Assignment:
    role_id: int
    start_date: date
    end_date: date | None


def open_right_change_count(*, since: date, today: date) -> int:
    """The changes to rights not ticked off yet: the sum of `open_count` over
    mutations.mutations_list(since=since), with the same rules, from values
    instead of records (four queries)."""
    horizon = today + timedelta(days=LEAVING_WITHIN_DAYS)
    changed = (
        Q(start_date__gt=since, start_date__lte=horizon)
        | Q(end_date__gte=since, end_date__lt=horizon)
        | Q(person__leaving_date__gte=since, person__leaving_date__lte=horizon)
    )
    # As in mutations_list: people switched off who still hold roles today.
    switched_off = Q(person__is_active=False) | Q(person__user__is_active=False)
    holding_today = Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))
    people_ids = Assignment.objects.filter(changed | (switched_off & holding_today)).values(
        "person_id"
    )
    assignments: dict[int, list[_Assignment]] = {}
    leaving: dict[int, date | None] = {}
    # person -> False when switched off in the register or in the application
    active: dict[int, tuple[bool, bool | None]] = {}
    rows = Assignment.objects.filter(person_id__in=people_ids).values_list(
        "person_id",
        "role_id",
        "start_date",
        "end_date",
        "person__leaving_date",
        "person__is_active",
        "person__user__is_active",
    )
    for person_id, role_id, start, end, leaving_date, is_active, user_active in rows:
        assignments.setdefault(person_id, []).append(_Assignment(role_id, start, end))
        leaving[person_id] = leaving_date
        active[person_id] = (is_active, user_active)
    rights_by_role: dict[int, set[int]] = {}
    for right_id, role_id in Grant.objects.values_list("right_id", "role_id"):
        rights_by_role.setdefault(role_id, set()).add(right_id)
    ticked = set(
        MutationTick.objects.filter(person_id__in=list(assignments)).values_list(
            "person_id", "right_id", "action", "occasion"
        )
    )

    def rights_on(person_id: int, day: date) -> set[int]:
        held = set()
        for assignment in assignments[person_id]:
            if _in_force(assignment, day):
                held |= rights_by_role.get(assignment.role_id, set())
        return held

    open_count = 0
    for person_id, leaving_date in leaving.items():
        is_active, user_active = active[person_id]
        if leaving_date and leaving_date <= horizon:  # left, or leaving
            occasion = f"leaving:{leaving_date.isoformat()}"
            after = set()  # nothing stays after leaving
        elif not is_active:
            occasion, after = "inactive", set()
        elif user_active is False:
            occasion, after = "account-off", set()
        else:
            changes = [
                d
                for a in assignments[person_id]
                for d in (a.start_date, a.end_date)
                if d is not None and since <= d <= today
            ]
            occasion = f"changed:{max(changes).isoformat() if changes else today.isoformat()}"
            after = rights_on(person_id, today)
        before = rights_on(person_id, since) | rights_on(person_id, today)
        for action, right_ids in (
            (MutationTick.Action.REVOKE, before - after),
            (MutationTick.Action.GRANT, after - rights_on(person_id, since)),
        ):
            open_count += sum(
                1 for right_id in right_ids if (person_id, right_id, action, occasion) not in ticked
            )
    return open_count + _open_review_outcome_count()


def _open_review_outcome_count() -> int:
    """Review outcomes (mutations._review_mutations) not ticked off: a revoke
    for what was decided, a follow-up for what nobody reviewed."""

    def ticked(action):
        return Exists(
            MutationTick.objects.filter(
                person=OuterRef("person"),
                right=OuterRef("right"),
                action=action,
                occasion=Concat(Value("review:"), Cast(OuterRef("round_id"), CharField())),
            )
        )

    not_reviewed = Q(decision=ReviewAnswer.Decision.NOT_REVIEWED)
    return (
        ReviewAnswer.objects.filter(
            round__closed_at__isnull=False, person__isnull=False, right__isnull=False
        )
        .exclude(decision=ReviewAnswer.Decision.KEEP)
        .filter(
            (not_reviewed & ~ticked(MutationTick.Action.FOLLOW_UP))
            | (~not_reviewed & ~ticked(MutationTick.Action.REVOKE))
        )
        .count()
    )
