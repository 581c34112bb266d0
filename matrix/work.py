"""The matrices' part of Mijn werk (beheer.work): an owner's rows that break the
RACI rules and the access reviews they still have to answer; for the managers,
the counts of the dashboard that ask for action."""

from datetime import date, timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from beheer.cache import cached
from beheer.models import Assignment, OrganisationSettings
from beheer.work import WorkItem
from matrix import summary
from matrix.access import editable_component_ids
from matrix.models import Activity, Grant, ReviewAnswer, ReviewRound
from matrix.selectors import ROW_PROBLEMS, row_problems


def work_items(*, user, person, today: date) -> list[WorkItem]:
    """For the components `user` owns (edits through a grant): one query for the
    grants, one for the broken rows, four for the open review rounds."""
    mine = editable_component_ids(user)
    if not mine:
        return []
    return [*_broken_rows(mine), *_reviews_to_answer(mine, today=today)]


def _broken_rows(components: set[int]) -> list[WorkItem]:
    rows = (
        Activity.objects.filter(component_id__in=components)
        .annotate(
            a_count=Count("responsibilities", filter=Q(responsibilities__code="A")),
            r_count=Count("responsibilities", filter=Q(responsibilities__code="R")),
        )
        .filter(~Q(a_count=1) | Q(r_count=0))
        .select_related("component")
        .order_by("order", "id")
    )
    items = []
    for row in rows:
        problems = row_problems(["A"] * row.a_count + ["R"] * row.r_count)
        items.append(
            WorkItem(
                kind="matrix-row",
                title=_("Correct the codes of “%(task)s”") % {"task": row.title},
                url=reverse("matrix:row", args=[row.pk]),
                detail=_("%(component)s: %(problems)s")
                % {
                    "component": row.component.name,
                    "problems": ", ".join(str(ROW_PROBLEMS[p]) for p in problems),
                },
                priority=3,
            )
        )
    return items


def _reviews_to_answer(components: set[int], *, today: date) -> list[WorkItem]:
    """Per open review round covering these components: how many of the people
    holding one of their rights today have been answered for."""
    covered = ReviewRound.components.through.objects.filter(
        reviewround__closed_at__isnull=True, component_id__in=components
    ).values_list("reviewround_id", "reviewround__name", "reviewround__deadline", "component_id")
    rounds: dict[int, tuple[str, date, set[int]]] = {}
    for round_id, name, deadline, component_id in covered:
        rounds.setdefault(round_id, (name, deadline, set()))[2].add(component_id)
    if not rounds:
        return []
    reviewed = set().union(*(found for _name, _deadline, found in rounds.values()))
    rights_by_role: dict[int, list[tuple[int, int]]] = {}
    for right_id, component_id, role_id in Grant.objects.filter(
        right__component_id__in=reviewed
    ).values_list("right_id", "right__component_id", "role_id"):
        rights_by_role.setdefault(role_id, []).append((right_id, component_id))
    held: set[tuple[int, int, int]] = set()  # (person, right, component)
    for role_id, person_id in (
        Assignment.objects.current(today)
        .filter(role_id__in=rights_by_role)
        .values_list("role_id", "person_id")
    ):
        for right_id, component_id in rights_by_role[role_id]:
            held.add((person_id, right_id, component_id))
    answered = set(
        ReviewAnswer.objects.filter(round_id__in=rounds).values_list(
            "round_id", "person_id", "right_id"
        )
    )
    items = []
    for round_id, (name, deadline, round_components) in rounds.items():
        to_answer = [(p, r) for p, r, c in held if c in round_components]
        done = sum(1 for p, r in to_answer if (round_id, p, r) in answered)
        if done == len(to_answer):
            continue
        items.append(
            WorkItem(
                kind="access-review",
                title=_("Answer the access review “%(name)s”") % {"name": name},
                url=reverse("matrix:review", args=[round_id]),
                due=deadline,
                overdue=deadline < today,
                detail=_("Confirm for each person whether they keep their rights."),
                progress=(done, len(to_answer)),
            )
        )
    return items


def attention_items(*, today: date) -> list[WorkItem]:
    """The matrices' counts that ask the managers for action: six count queries."""
    config = cached("organisation-settings", OrganisationSettings.load, scopes=("register",))
    _tasks, invalid = summary.task_counts()
    flagged = summary.flagged_right_count(today=today, max_admins=config.max_admin_holders)
    open_changes = summary.open_right_change_count(since=today - timedelta(days=30), today=today)
    late_reviews = ReviewRound.objects.filter(closed_at__isnull=True, deadline__lt=today).count()
    found = [
        (
            "matrix-invalid",
            invalid,
            _("tasks that break the RACI rules"),
            reverse("matrix:grid") + "?invalid=1",
            2,
        ),
        ("rights-flagged", flagged, _("rights that need attention"), reverse("matrix:rights"), 3),
        (
            "rights-changes",
            open_changes,
            _("changes to rights still to carry out"),
            reverse("matrix:mutations"),
            2,
        ),
        (
            "reviews-late",
            late_reviews,
            _("access reviews past their deadline"),
            reverse("matrix:reviews"),
            1,
        ),
    ]
    return [
        WorkItem(kind=kind, title=title, url=url, count=count, priority=priority)
        for kind, count, title, url, priority in found
        if count
    ]
