"""Deleting a recurring review round asks first: the link shows what stops, the
confirmation deletes. Only managers and beheerders reach either."""

from datetime import date

import pytest
from django.urls import reverse

from beheer.models import Component
from matrix.models import ReviewRound, ReviewSchedule
from tests.personas import ALL_PERSONAS

MANAGERS = {"beheerder", "manager"}


@pytest.fixture
def schedule(db):
    found = ReviewSchedule.objects.create(
        name="Halfjaarlijkse review", every_months=6, answer_days=21, next_date=date(2027, 3, 1)
    )
    found.components.set([Component.objects.get(name="Kennisbank")])
    return found


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_sees_the_confirmation_and_who_deletes(client_as, schedule, persona):
    client = client_as(persona)
    url = reverse("matrix:review-schedule-delete", args=[schedule.pk])

    asked = client.get(url)
    assert ReviewSchedule.objects.exists()  # asking deletes nothing
    deleted = client.post(url)

    if persona == "anonymous":
        assert (asked.status_code, deleted.status_code) == (302, 302)
        assert "/login/" in asked["Location"] and "/login/" in deleted["Location"]
    elif persona in MANAGERS:
        assert asked.status_code == 200
        assert "Halfjaarlijkse review" in asked.text and "01-03-2027" in asked.text
        assert "Yes, delete" in asked.text or "Ja, verwijderen" in asked.text
        assert deleted.status_code == 302
        assert deleted["Location"] == reverse("matrix:reviews")
        assert not ReviewSchedule.objects.exists()
        return
    else:
        assert (asked.status_code, deleted.status_code) == (403, 403)
    assert ReviewSchedule.objects.filter(pk=schedule.pk).exists()


def test_deleting_keeps_the_rounds_it_started(client_as, schedule):
    started = ReviewRound.objects.create(
        name="Halfjaarlijkse review maart", deadline=date(2027, 3, 22)
    )
    client_as("manager").post(reverse("matrix:review-schedule-delete", args=[schedule.pk]))
    assert ReviewRound.objects.filter(pk=started.pk).exists()


def test_an_unknown_schedule_is_not_found(client_as):
    url = reverse("matrix:review-schedule-delete", args=[999])
    assert client_as("manager").get(url).status_code == 404
