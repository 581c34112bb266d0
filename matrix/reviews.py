"""Periodic review of grants: owners confirm, per person holding a right of
their components, whether it stays; the outcome feeds the mutations list."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from beheer import data_versions
from beheer.models import Assignment, Role
from matrix.models import Grant, ReviewAnswer, ReviewRound, Right

ROLES_TEXT_LENGTH = 500  # ReviewAnswer.roles_at_close


@dataclass
class ReviewItem:
    person: object  # None once deleted from the register (closed rounds only)
    right: Right | None
    roles: list[Role]
    answer: ReviewAnswer | None = None
    # Set by the page for those who run the action register (reviews_views).
    follow_up_url: str = ""

    # A closed round shows the names as they were at closing (ReviewAnswer's
    # copies); rounds closed before those copies existed fall back to today's.
    @property
    def person_name(self) -> str:
        return (self.answer and self.answer.person_name) or getattr(self.person, "name", "")

    @property
    def right_name(self) -> str:
        return (self.answer and self.answer.right_name) or getattr(self.right, "name", "")

    @property
    def roles_text(self) -> str:
        if self.answer and self.answer.roles_at_close:
            return self.answer.roles_at_close
        return ", ".join(str(role) for role in self.roles)

    @property
    def is_answered(self) -> bool:
        return self.answer is not None and self.answer.decision in ReviewAnswer.ANSWERS


@dataclass(frozen=True)
class ComponentAtClose:
    """A component as a closed round knew it: its id and its name then."""

    pk: int
    name: str

    def __str__(self):
        return self.name


@dataclass
class ComponentProgress:
    component: object  # a Component, or a ComponentAtClose for a closed round
    items: list[ReviewItem] = field(default_factory=list)
    owners: list = field(default_factory=list)  # people, while the round is open
    deputy_ids: set[int] = field(default_factory=set)
    owners_at_close: list | None = None  # [name, is deputy] pairs, once closed

    @property
    def owner_pairs(self) -> list[tuple[str, bool]]:
        if self.owners_at_close is not None:
            return [(name, bool(deputy)) for name, deputy in self.owners_at_close]
        return [(owner.name, owner.pk in self.deputy_ids) for owner in self.owners]

    @property
    def owner_names(self) -> list[str]:
        """Names for a page or a cell, a deputy marked as such."""
        return [
            _("%(name)s (deputy)") % {"name": name} if deputy else name
            for name, deputy in self.owner_pairs
        ]

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


def _closed_review_items(review: ReviewRound) -> list[ComponentProgress]:
    """A closed round shows what was answered and what was not, with the
    components, owners and names as they were at closing, whatever the register
    says today. Rounds closed before those copies were kept show today's."""
    answers = list(
        review.answers.select_related("person", "right", "answered_by").order_by(
            "right_name", "person_name", "right__name", "person__name"
        )
    )
    if review.components_at_close:
        progress = {
            entry["id"]: ComponentProgress(
                ComponentAtClose(entry["id"], entry["name"]), owners_at_close=entry["owners"]
            )
            for entry in review.components_at_close
        }
    else:
        progress = {c.pk: ComponentProgress(c) for c in review.components.order_by("name")}
    for answer in answers:
        component_id = answer.component_at_close or (answer.right and answer.right.component_id)
        if component_id in progress:
            progress[component_id].items.append(ReviewItem(answer.person, answer.right, [], answer))
    return list(progress.values())


def review_items(review: ReviewRound) -> list[ComponentProgress]:
    """Per component of the round: who holds which right today (through which
    roles), with the answers given so far. A fixed number of queries."""
    if not review.is_open:
        return _closed_review_items(review)
    components = list(review.components.order_by("name"))
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
        if role.kind != Role.Kind.OWNER or role.component_id not in progress:
            continue
        owner_of = progress[role.component_id]
        if assignment.person not in owner_of.owners:
            owner_of.owners.append(assignment.person)
        if assignment.kind == Assignment.Kind.DEPUTY:
            owner_of.deputy_ids.add(assignment.person_id)
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


def answerable_progress(review: ReviewRound, user) -> list[ComponentProgress]:
    """review_items, each component marked `may_answer`: the round is open and
    `user` manages everything or owns the component."""
    from matrix import access

    edit_all = access.can_edit_all(user)
    mine = set() if edit_all else access.editable_component_ids(user)
    progress = review_items(review)
    for component_progress in progress:
        component_progress.may_answer = review.is_open and (
            edit_all or component_progress.component.pk in mine
        )
    return progress


def remaining_items(progress: list[ComponentProgress]) -> list[ReviewItem]:
    """The unanswered items of the components marked `may_answer`."""
    return [
        item
        for component_progress in progress
        if getattr(component_progress, "may_answer", False)
        for item in component_progress.items
        if item.answer is None
    ]


class ReviewConflict(Exception):
    """The round closed, or someone else answered, after the page was opened."""


def holds_right(person, right) -> bool:
    """Whether `person` holds `right` today, through any of their roles."""
    return Assignment.objects.current().filter(person=person, role__grants__right=right).exists()


def review_started(review: ReviewRound, *, by) -> int:
    """Ask the owners of the round's components (holders and deputies of their
    owner roles, with a login) to answer; returns how many were asked. One
    message to all of them: a fixed number of queries, however many owners."""
    from django.utils.translation import gettext_lazy

    from notifications.services import notify_many  # notifications reads this app

    owners = {
        assignment.person.user
        for assignment in Assignment.objects.current(timezone.localdate())
        .filter(role__kind=Role.Kind.OWNER, role__component__in=review.components.all())
        .exclude(person__user=None)
        .select_related("person__user")
    }
    owners.discard(by)
    notify_many(
        owners,
        "access-review",
        subject=gettext_lazy("Please review the rights of your components: %(round)s"),
        text=gettext_lazy(
            "Confirm per person whether each right of your components stays, before %(deadline)s."
        ),
        url=review.get_absolute_url(),
        key=f"access-review:{review.pk}",
        params={"round": review.name, "deadline": review.deadline.strftime("%d-%m-%Y")},
    )
    return len(owners)


def _copy_names(answer: ReviewAnswer, person, right) -> None:
    """Copy what the answer is about onto it: it outlives renames and deletions."""
    answer.person_name = person.name
    answer.right_name = right.name
    answer.component_name = right.component.name
    answer.component_at_close = right.component_id


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
    _copy_names(answer, person, right)
    answer.save()


def open_items(progress: list[ComponentProgress]) -> list[tuple[object, int]]:
    """(component, number of unanswered items) for each component with any."""
    return [(p.component, p.open) for p in progress if p.open]


@transaction.atomic
def review_close(*, review: ReviewRound, by) -> int:
    """Close the round as it stands: every item nobody answered is recorded as
    "not reviewed" (and so reaches the mutations list, to be followed up), and
    the components, owners, names and roles of today are copied onto the round,
    so its report reads the same later. Returns the number of items not reviewed."""
    review = ReviewRound.objects.select_for_update().get(pk=review.pk)
    if not review.is_open:
        return 0
    progress = review_items(review)
    in_scope: dict[tuple[int, int], ReviewItem] = {}
    for component_progress in progress:
        for item in component_progress.items:
            in_scope[(item.person.pk, item.right.pk)] = item
    not_reviewed = []
    for item in in_scope.values():
        if item.answer is None:
            answer = ReviewAnswer(
                round=review,
                person=item.person,
                right=item.right,
                decision=ReviewAnswer.Decision.NOT_REVIEWED,
            )
            _copy_names(answer, item.person, item.right)
            answer.roles_at_close = _roles_text(item)
            not_reviewed.append(answer)
    bulk_create_with_history(not_reviewed, ReviewAnswer, default_user=by)
    # The answers given: today's names and roles. Someone who no longer held the
    # right at closing keeps their name but no roles; one deleted from the
    # register meanwhile keeps the names copied when the answer was given. These
    # copies are bookkeeping, not a decision: no history entry in anyone's name.
    answers = list(
        review.answers.exclude(decision=ReviewAnswer.Decision.NOT_REVIEWED)
        .filter(person__isnull=False, right__isnull=False)
        .select_related("person", "right__component")
    )
    for answer in answers:
        _copy_names(answer, answer.person, answer.right)
        item = in_scope.get((answer.person_id, answer.right_id))
        answer.roles_at_close = _roles_text(item) if item else ""
    ReviewAnswer.objects.bulk_update(
        answers,
        ["person_name", "right_name", "component_name", "component_at_close", "roles_at_close"],
    )
    data_versions.changed("rights")  # bulk writes send no signals
    review.components_at_close = [
        {"id": p.component.pk, "name": p.component.name, "owners": p.owner_pairs} for p in progress
    ]
    review.closed_at = timezone.now()
    review.closed_by = by
    review.save(update_fields=["closed_at", "closed_by", "components_at_close"])
    return len(not_reviewed)


def _roles_text(item: ReviewItem) -> str:
    return ", ".join(str(role) for role in item.roles)[:ROLES_TEXT_LENGTH]


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
    new = []
    for item in items:
        if (item.person.pk, item.right.pk) not in answered:
            answer = ReviewAnswer(
                round=review,
                person=item.person,
                right=item.right,
                decision=ReviewAnswer.Decision.KEEP,
                answered_by=user,
            )
            _copy_names(answer, item.person, item.right)
            new.append(answer)
    bulk_create_with_history(new, ReviewAnswer, default_user=user)
    data_versions.changed("rights")  # bulk writes send no signals
    return len(new)


def review_outcomes():
    """Outcomes of closed rounds that ask for something to be done: revoke,
    change, or (not reviewed) ask the owner; for people and rights still in the
    register, since only those can be changed in the software."""
    return (
        ReviewAnswer.objects.filter(
            round__closed_at__isnull=False, person__isnull=False, right__isnull=False
        )
        .exclude(decision=ReviewAnswer.Decision.KEEP)
        .select_related("person", "right", "right__component", "round")
    )
