"""Owners a review round still waits for are reminded (matrix/reminders.py)."""

import pytest

from beheer.models import Role
from matrix.models import ReviewAnswer, ReviewRound
from matrix.reminders import reminders
from tests.beheer import makers
from tests.beheer.makers import days


@pytest.fixture
def review(rights, personas):
    """A round over the owner persona's component, where Pim holds one right."""
    owner_role = Role.objects.create(
        name="Eigenaar eigen onderdeel", kind=Role.Kind.OWNER, component=rights["own"]
    )
    makers.assign(makers.person("Olga Owner", user=personas.owner), owner_role)
    pim = makers.person("Pim")
    makers.assign(pim, rights["roles"]["Medewerker"])
    round_ = ReviewRound.objects.create(name="Najaar", deadline=days(7))
    round_.components.set([rights["own"]])
    return {"round": round_, "pim": pim, **rights}


@pytest.mark.parametrize(
    ("deadline", "kind"),
    [
        (8, None),
        (7, "access-review-soon"),
        (1, "access-review-tomorrow"),
        (-2, "access-review-overdue"),
    ],
)
def test_the_owner_hears_until_every_item_is_answered(review, personas, deadline, kind):
    ReviewRound.objects.filter(pk=review["round"].pk).update(deadline=days(deadline))

    found = reminders(today=days(0))

    assert [(r.kind, r.recipients) for r in found] == (
        [(kind, (personas.owner.pk,))] if kind else []
    )


def test_a_complete_component_and_a_closed_round_remind_nobody(review, personas):
    from django.utils import timezone

    ReviewAnswer.objects.create(
        round=review["round"],
        person=review["pim"],
        right=review["view"],
        decision="keep",
        answered_by=personas.owner,
    )
    complete = reminders(today=days(0))
    ReviewAnswer.objects.all().delete()
    ReviewRound.objects.update(closed_at=timezone.now())

    assert complete == []
    assert reminders(today=days(0)) == []
