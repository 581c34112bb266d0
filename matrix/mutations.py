"""The mutations list: the rights to revoke and to grant in the software when
people leave, are about to leave, or changed roles since a date."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from beheer.models import Assignment, Person
from matrix.models import Grant, MutationTick, ReviewAnswer, Right
from matrix.reviews import review_outcomes

LEAVING_WITHIN_DAYS = 30
# Reasons after which a person keeps no right at all.
SWITCHED_OFF = ("left", "leaving", "inactive", "account_off")


@dataclass
class Mutation:
    right: Right
    action: str  # MutationTick.Action
    occasion: str  # what the change is for; ticks are per occasion
    tick: MutationTick | None = None
    note: str = ""


@dataclass
class PersonMutations:
    person: Person
    reason: str  # "left", "leaving", "inactive", "account_off", "changed", "review"
    effective: date  # when the rights should be as "after"
    mutations: list[Mutation] = field(default_factory=list)

    @property
    def open_count(self) -> int:
        return sum(1 for m in self.mutations if m.tick is None)


def _in_force(assignment, day: date) -> bool:
    return assignment.start_date <= day and (
        assignment.end_date is None or assignment.end_date >= day
    )


def mutations_list(*, since: date, today: date | None = None) -> list[PersonMutations]:
    """Per person whose roles change between `since` and 30 days ahead: what to
    revoke and grant. Five queries, whatever the number of people."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=LEAVING_WITHIN_DAYS)
    changed = (
        Q(start_date__gt=since, start_date__lte=horizon)
        | Q(end_date__gte=since, end_date__lt=horizon)
        | Q(person__leaving_date__gte=since, person__leaving_date__lte=horizon)
    )
    # Switched off in the register or in the application, without (yet) a leaving
    # date: whatever rights their roles still give them must go too.
    switched_off = Q(person__is_active=False) | Q(person__user__is_active=False)
    holding_today = Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))
    people_ids = set(
        Assignment.objects.filter(changed | (switched_off & holding_today)).values_list(
            "person_id", flat=True
        )
    )
    people = {
        p.pk: p
        for p in Person.objects.filter(pk__in=people_ids).select_related("user").order_by("name")
    }
    assignments: dict[int, list] = {}
    for assignment in Assignment.objects.filter(person_id__in=people_ids):
        assignments.setdefault(assignment.person_id, []).append(assignment)
    rights_by_role: dict[int, set[int]] = {}
    for right_id, role_id in Grant.objects.values_list("right_id", "role_id"):
        rights_by_role.setdefault(role_id, set()).add(right_id)
    rights = {r.pk: r for r in Right.objects.select_related("component")}
    ticks = {
        (t.person_id, t.right_id, t.action, t.occasion): t
        for t in MutationTick.objects.filter(person_id__in=people_ids).select_related("ticked_by")
    }

    def rights_on(person_id: int, day: date) -> set[int]:
        held = set()
        for assignment in assignments.get(person_id, []):
            if _in_force(assignment, day):
                held |= rights_by_role.get(assignment.role_id, set())
        return held

    result = []
    for person in people.values():
        if person.leaving_date and person.leaving_date < today:
            reason, effective = "left", today
            occasion = f"leaving:{person.leaving_date.isoformat()}"
        elif person.leaving_date and person.leaving_date <= horizon:
            reason, effective = "leaving", person.leaving_date + timedelta(days=1)
            occasion = f"leaving:{person.leaving_date.isoformat()}"
        elif not person.is_active:
            reason, effective, occasion = "inactive", today, "inactive"
        elif person.user is not None and not person.user.is_active:
            reason, effective, occasion = "account_off", today, "account-off"
        else:
            reason, effective = "changed", today
            changes = [
                d
                for a in assignments.get(person.pk, [])
                for d in (a.start_date, a.end_date)
                if d is not None and since <= d <= today
            ]
            occasion = f"changed:{max(changes).isoformat() if changes else today.isoformat()}"
        before = rights_on(person.pk, since) | rights_on(person.pk, today)
        after = rights_on(person.pk, effective)
        if reason in SWITCHED_OFF:
            after = set()  # whatever the register says: nothing stays
        entry = PersonMutations(person, reason, effective)
        for action, right_ids in (
            (MutationTick.Action.REVOKE, before - after),
            (MutationTick.Action.GRANT, after - rights_on(person.pk, since)),
        ):
            for right_id in sorted(
                right_ids, key=lambda pk: (str(rights[pk].component), rights[pk].name)
            ):
                entry.mutations.append(
                    Mutation(
                        rights[right_id],
                        action,
                        occasion,
                        ticks.get((person.pk, right_id, action, occasion)),
                    )
                )
        if entry.mutations:
            result.append(entry)
    return result + _review_mutations()


def _review_mutations() -> list[PersonMutations]:
    """What closed review rounds decided to revoke or change, as checklist items."""
    outcomes = list(review_outcomes())
    ticks = {
        (t.person_id, t.right_id, t.action, t.occasion): t
        for t in MutationTick.objects.filter(
            person_id__in={o.person_id for o in outcomes}
        ).select_related("ticked_by")
    }
    entries: dict[int, PersonMutations] = {}
    for outcome in sorted(outcomes, key=lambda o: (o.person.name, o.right.name)):
        entry = entries.setdefault(
            outcome.person_id,
            PersonMutations(outcome.person, "review", timezone.localdate(outcome.round.closed_at)),
        )
        action = review_outcome_action(outcome.decision)
        occasion = f"review:{outcome.round_id}"
        if outcome.decision == ReviewAnswer.Decision.NOT_REVIEWED:
            note = _("%(round)s: not reviewed — follow up") % {"round": outcome.round}
        else:
            note = f"{outcome.round}: {outcome.get_decision_display()}" + (
                f" – {outcome.comment}" if outcome.comment else ""
            )
        entry.mutations.append(
            Mutation(
                outcome.right,
                action,
                occasion,
                ticks.get((outcome.person_id, outcome.right_id, action, occasion)),
                note=note,
            )
        )
    return list(entries.values())


def review_outcome_action(decision: str) -> str:
    """A revoke or change decided in a review is carried out as a revoke; an
    item nobody reviewed is followed up with the owners first."""
    if decision == ReviewAnswer.Decision.NOT_REVIEWED:
        return MutationTick.Action.FOLLOW_UP
    return MutationTick.Action.REVOKE


def mutation_tick(*, person, right, action: str, occasion: str, user, done: bool) -> None:
    """Record that a change has (or, unticked, has not) been carried out."""
    if done:
        try:
            with transaction.atomic():
                MutationTick.objects.create(
                    person=person, right=right, action=action, occasion=occasion, ticked_by=user
                )
        except IntegrityError:
            pass  # ticked by someone else already: that stands
    else:
        ticks = MutationTick.objects.filter(
            person=person, right=right, action=action, occasion=occasion
        )
        for tick in ticks:
            tick.delete()
