"""Periodic review of grants: owners confirm, per person holding a right of
their components, whether it stays; the outcome feeds the mutations list."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from beheer import data_versions
from beheer.models import Assignment, Role
from matrix.models import Grant, ReviewAnswer, ReviewRound, Right

ROLES_TEXT_LENGTH = 500  # ReviewAnswer.roles_at_close


@dataclass
class ReviewItem:
    person: object
    right: Right
    roles: list[Role]
    answer: ReviewAnswer | None = None
    # Set by the page for those who run the action register (reviews_views).
    follow_up_url: str = ""

    # A closed round shows the names as they were at closing (ReviewAnswer's
    # copies); rounds closed before those copies existed fall back to today's.
    @property
    def person_name(self) -> str:
        return (self.answer and self.answer.person_name) or self.person.name

    @property
    def right_name(self) -> str:
        return (self.answer and self.answer.right_name) or self.right.name

    @property
    def roles_text(self) -> str:
        if self.answer and self.answer.roles_at_close:
            return self.answer.roles_at_close
        return ", ".join(str(role) for role in self.roles)

    @property
    def is_answered(self) -> bool:
        return self.answer is not None and self.answer.decision in ReviewAnswer.ANSWERS


@dataclass
class ComponentProgress:
    component: object
    items: list[ReviewItem] = field(default_factory=list)
    owners: list = field(default_factory=list)  # people, while the round is open
    owners_at_close: list[str] | None = None  # names, once it is closed

    @property
    def owner_names(self) -> list[str]:
        if self.owners_at_close is not None:
            return self.owners_at_close
        return [owner.name for owner in self.owners]

    @property
    def answered(self) -> int:
        return sum(1 for item in self.items if item.is_answered)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def open(self) -> int:
        return self.total - self.answered

    @property
    def complete(self) -> bool:
        return self.answered == self.total


def _closed_review_items(review: ReviewRound, components) -> list[ComponentProgress]:
    """A closed round shows what was answered and what was not, with the owners
    and names as they were at closing, whoever holds what today."""
    progress = {c.pk: ComponentProgress(c) for c in components}
    for component_id, names in review.owners_at_close.items():
        if int(component_id) in progress:
            progress[int(component_id)].owners_at_close = list(names)
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
        person = assignment.person
        if role.kind == Role.Kind.OWNER and owners is not None and person not in owners:
            owners.append(person)
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


def open_items(progress: list[ComponentProgress]) -> list[tuple[object, int]]:
    """(component, number of unanswered items) for each component with any."""
    return [(p.component, p.open) for p in progress if p.open]


@transaction.atomic
def review_close(*, review: ReviewRound, by) -> int:
    """Close the round as it stands: every item nobody answered is recorded as
    "not reviewed" (and so reaches the mutations list, to be followed up), and
    the owners, names and roles of today are copied onto the round, so its
    report reads the same later. Returns the number of items not reviewed."""
    review = ReviewRound.objects.select_for_update().get(pk=review.pk)
    if not review.is_open:
        return 0
    progress = review_items(review)
    in_scope: dict[tuple[int, int], ReviewItem] = {}
    for component_progress in progress:
        for item in component_progress.items:
            in_scope[(item.person.pk, item.right.pk)] = item
    not_reviewed = [
        ReviewAnswer(
            round=review,
            person=item.person,
            right=item.right,
            decision=ReviewAnswer.Decision.NOT_REVIEWED,
        )
        for item in in_scope.values()
        if item.answer is None
    ]
    bulk_create_with_history(not_reviewed, ReviewAnswer, default_user=by)
    # Answers include those for people who no longer held the right at closing:
    # they keep their names but no roles.
    answers = list(review.answers.select_related("person", "right__component"))
    for answer in answers:
        item = in_scope.get((answer.person_id, answer.right_id))
        answer.person_name = answer.person.name
        answer.right_name = answer.right.name
        answer.component_name = answer.right.component.name
        roles = ", ".join(str(role) for role in item.roles) if item else ""
        answer.roles_at_close = roles[:ROLES_TEXT_LENGTH]
    bulk_update_with_history(
        answers,
        ReviewAnswer,
        ["person_name", "right_name", "component_name", "roles_at_close"],
        default_user=by,
    )
    data_versions.changed("rights")  # bulk writes send no signals
    review.owners_at_close = {str(p.component.pk): p.owner_names for p in progress}
    review.closed_at = timezone.now()
    review.closed_by = by
    review.save(update_fields=["closed_at", "closed_by", "owners_at_close"])
    return len(not_reviewed)


@transaction.atomic
def review_keep_remaining(*, review: ReviewRound, items: list[ReviewItem], user) -> int:
    """Answer "keep" for each of `items` that is still unanswered (an answer
    given meanwhile by someone else stands). Returns how many were answered."""
    review = ReviewRound.objects.select_for_update().get(pk=review.pk)
    if not review.is_open:
        raise ReviewConflict("closed")
    answered = set(
        ReviewAnswer.objects.filter(
            round=review, person__in={i.person.pk for i in items}
        ).values_list("person_id", "right_id")
    )
    new = [
        ReviewAnswer(
            round=review,
            person=item.person,
            right=item.right,
            decision=ReviewAnswer.Decision.KEEP,
            answered_by=user,
        )
        for item in items
        if (item.person.pk, item.right.pk) not in answered
    ]
    bulk_create_with_history(new, ReviewAnswer, default_user=user)
    data_versions.changed("rights")  # bulk writes send no signals
    return len(new)


def review_outcomes():
    """Outcomes of closed rounds that ask for something to be done: revoke,
    change, or (not reviewed) ask the owner."""
    return (
        ReviewAnswer.objects.filter(round__closed_at__isnull=False)
        .exclude(decision=ReviewAnswer.Decision.KEEP)
        .select_related("person", "right", "right__component", "round")
    )
