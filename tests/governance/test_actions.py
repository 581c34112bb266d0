"""One action register: created by every source, updated by owners and managers."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from beheer.models import Role
from governance import selectors, services
from governance.models import Action
from kpi.models import FactorReview, SuccessFactor
from matrix.models import ReviewRound

TODAY = timezone.localdate


def _action(owner, *, due=7, **fields):
    return services.action_create(
        source=fields.pop("source", Action.Source.OTHER),
        title=fields.pop("title", "Iets doen"),
        owner=owner,
        due_date=TODAY() + timedelta(days=due),
        **fields,
    )


def test_an_action_from_a_meeting_belongs_to_the_meetings_forum(meeting, people, personas):
    action = _action(
        people.key_user, source=Action.Source.MEETING, meeting=meeting, user=personas.manager
    )

    assert (action.forum, action.meeting, action.created_by) == (
        meeting.forum,
        meeting,
        personas.manager,
    )
    assert action.status == Action.Status.OPEN


def test_every_source_is_one_call_away(db, people):
    """What the factor review, maturity, access review and risk pages will call."""
    factor = SuccessFactor.objects.get(key="architectuur")
    review = FactorReview.objects.create(factor=factor, date=TODAY(), status="developing")
    round_ = ReviewRound.objects.create(name="Q4", deadline=TODAY())
    role = Role.objects.get(name="Privacy & Security")

    from_review = _action(
        people.manager, source=Action.Source.FACTOR_REVIEW, concerns=[review, factor]
    )
    from_round = _action(people.manager, source=Action.Source.ACCESS_REVIEW, concerns=[round_])
    from_risk = _action(
        people.manager,
        source=Action.Source.KNOWLEDGE_RISK,
        title="Vervanger zoeken voor Privacy & Security",
        concerns=[role],
    )

    assert (from_review.factor_review, from_review.success_factor) == (review, factor)
    assert from_round.review_round == round_ and from_risk.role == role
    assert list(selectors.actions_about(role)) == [from_risk]
    assert list(selectors.actions_about(factor)) == [from_review]


def test_done_gets_the_date_it_was_done_and_loses_it_when_reopened(db, people):
    action = _action(people.key_user, due=-3)

    services.action_set_status(action=action, status=Action.Status.DONE)
    action.refresh_from_db()
    assert action.done_on == TODAY() and action.done_late

    services.action_set_status(action=action, status=Action.Status.IN_PROGRESS, note="Toch niet")
    action.refresh_from_db()
    assert action.done_on is None and action.is_overdue(TODAY())


def test_done_in_the_future_or_cancelled_without_a_reason_is_refused(db, people):
    action = _action(people.key_user)

    with pytest.raises(ValidationError):
        services.action_set_status(
            action=action, status=Action.Status.DONE, done_on=TODAY() + timedelta(days=1)
        )
    with pytest.raises(ValidationError):
        services.action_set_status(action=action, status=Action.Status.CANCELLED, note="  ")
    services.action_set_status(action=action, status=Action.Status.CANCELLED, note="Vervallen")
    action.refresh_from_db()
    assert action.status == Action.Status.CANCELLED and not action.is_overdue(TODAY())


def test_every_status_change_is_kept_in_the_history(db, people):
    action = _action(people.key_user)
    services.action_set_status(action=action, status=Action.Status.IN_PROGRESS)
    services.action_set_status(action=action, status=Action.Status.DONE)

    statuses = list(action.history.order_by("history_id").values_list("status", flat=True))
    assert statuses == ["open", "in_progress", "done"]


def test_a_persons_open_and_overdue_actions_for_mijn_werk(db, people, django_assert_num_queries):
    overdue = _action(people.key_user, due=-2, title="Te laat")
    soon = _action(people.key_user, due=5, title="Binnenkort")
    later = _action(people.key_user, due=40, title="Later")
    done = _action(people.key_user, due=-10, title="Klaar")
    services.action_set_status(action=done, status=Action.Status.DONE)
    _action(people.manager, due=-2, title="Van een ander")

    with django_assert_num_queries(1):
        mine = selectors.actions_of_person(person=people.key_user, today=TODAY())
        titles = [a.title for a in mine.unfinished]
        [str(a.owner) + str(a.forum) for a in mine.unfinished]

    assert titles == [overdue.title, soon.title, later.title]
    assert mine.overdue == [overdue] and mine.due_soon == [soon]
    assert selectors.actions_of_person(person=None).unfinished == []


def test_the_register_knows_overdue_from_its_due_date_and_status(db, people):
    overdue = _action(people.key_user, due=-1)
    _action(people.key_user, due=0)
    no_date = Action.objects.create(title="Zonder datum", owner=people.key_user)

    assert list(Action.objects.overdue(TODAY())) == [overdue]
    assert not no_date.is_overdue(TODAY())
