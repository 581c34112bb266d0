"""Periodic review of grants: owners confirm, per person holding a right of
their components, whether it stays; the outcome feeds the mutations list."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from beheer.models import Assignment, Role
from matrix.models import Grant, ReviewAnswer, ReviewRound, Right


@dataclass
class ReviewItem:
    person: object
    right: Right
    roles: list[Role]
    answer: ReviewAnswer | None = None
    # Set by the page for those who run the action register (reviews_views).
    follow_up_url: str = ""


@dataclass
class ComponentProgress:
    component: object
    items: list[ReviewItem] = field(default_factory=list)
    owners: list = field(default_factory=list)

    @property
    def answered(self) -> int:
        return sum(1 for item in self.items if item.answer)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def complete(self) -> bool:
        return self.answered == self.total


def _closed_review_items(review: ReviewRound, components) -> list[ComponentProgress]:
    """A closed round shows what was answered, whoever holds what today."""
    progress = {c.pk: ComponentProgress(c) for c in components}
    answers = review.answers.select_related("person", "right", "answered_by").order_by(
        "right__name", "person__name"
    )
    for answer in answers:
        if answer.right.component_id in progress:
            progress[answer.right.component_id].items.append(
                ReviewItem(answer.person, answer.right, [], answer)
            )
    return list(progress.values())


def review_items(review: ReviewRound) -> list[ComponentProgress]:
    """Per component of the round: who holds which right today (through which
    roles), with the answers given so far. A fixed number of queries."""
    components = list(review.components.order_by("name"))
    if not review.is_open:
        return _closed_review_items(review, components)
    today = timezone.localdate()
    rights = list(Right.objects.filter(component__in=components).select_related("component"))
    roles_by_right: dict[int, set[int]] = {}
    for right_id, role_id in Grant.objects.filter(right__in=rights).values_list(
        "right_id", "role_id"
    ):
        roles_by_right.setdefault(right_id, set()).add(role_id)
    assignments = list(
        Assignment.objects.current(today).select_related("person", "role", "role__component")
    )
    answers = {(a.person_id, a.right_id): a for a in review.answers.select_related("answered_by")}
    progress = {c.pk: ComponentProgress(c) for c in components}
    for assignment in assignments:
        role = assignment.role
        owners = progress[role.component_id].owners if role.component_id in progress else None
        if role.kind == Role.Kind.OWNER and owners is not None and assignment.person not in owners:
            owners.append(assignment.person)
    by_role: dict[int, list] = {}
    for assignment in assignments:
        by_role.setdefault(assignment.role_id, []).append(assignment)
    for right in rights:
        holders: dict[int, ReviewItem] = {}
        for role_id in roles_by_right.get(right.pk, ()):
            for assignment in by_role.get(role_id, []):
                item = holders.setdefault(
                    assignment.person_id,
                    ReviewItem(
                        assignment.person,
                        right,
                        [],
                        answers.get((assignment.person_id, right.pk)),
                    ),
                )
                item.roles.append(assignment.role)
        progress[right.component_id].items.extend(
            sorted(holders.values(), key=lambda i: (i.right.name, i.person.name))
        )
    return list(progress.values())


class ReviewConflict(Exception):
    """The round closed, or someone else answered, after the page was opened."""


def holds_right(person, right) -> bool:
    """Whether `person` holds `right` today, through any of their roles."""
    return Assignment.objects.current().filter(person=person, role__grants__right=right).exists()


def review_started(review: ReviewRound, *, by) -> int:
    """Ask the owners of the round's components (holders and deputies of their
    owner roles, with a login) to answer; returns how many were asked."""
    from django.utils.translation import gettext_lazy

    from notifications.services import notify  # notifications reads this app

    owners = {
        assignment.person.user
        for assignment in Assignment.objects.current(timezone.localdate())
        .filter(role__kind=Role.Kind.OWNER, role__component__in=review.components.all())
        .exclude(person__user=None)
        .select_related("person__user")
    }
    owners.discard(by)
    for user in owners:
        notify(
            user,
            "access-review",
            subject=gettext_lazy("Please review the rights of your components: %(round)s"),
            text=gettext_lazy(
                "Confirm per person whether each right of your components stays, "
                "before %(deadline)s."
            ),
            url=review.get_absolute_url(),
            key=f"access-review:{review.pk}",
            params={"round": review.name, "deadline": review.deadline.strftime("%d-%m-%Y")},
        )
    return len(owners)


@transaction.atomic
def review_answer(
    *, review: ReviewRound, person, right, decision: str, comment: str, seen: str, user
) -> None:
    """Record an answer; `seen` is the decision the form showed ("" for none)."""
    # Locking the round orders answers and the closing of the round.
    review = ReviewRound.objects.select_for_update().get(pk=review.pk)
    if not review.is_open:
        raise ReviewConflict("closed")
    answer = (
        ReviewAnswer.objects.select_for_update()
        .filter(round=review, person=person, right=right)
        .first()
    )
    if (answer.decision if answer else "") != seen:
        raise ReviewConflict("answered meanwhile")
    if answer is None:
        answer = ReviewAnswer(round=review, person=person, right=right)
    answer.decision, answer.comment, answer.answered_by = decision, comment, user
    answer.save()


@transaction.atomic
def review_close(*, review: ReviewRound) -> None:
    review = ReviewRound.objects.select_for_update().get(pk=review.pk)
    review.closed_at = timezone.now()
    review.save(update_fields=["closed_at"])


def review_outcomes():
    """Answers of closed rounds that ask for a change: revoke, or change."""
    return (
        ReviewAnswer.objects.filter(round__closed_at__isnull=False)
        .exclude(decision=ReviewAnswer.Decision.KEEP)
        .select_related("person", "right", "right__component", "round")
    )
