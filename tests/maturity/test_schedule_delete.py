"""Deleting a recurring assessment asks first: the index links to a page that
says what stops, its button deletes. Only managers and beheerders reach either."""

from datetime import date

import pytest
from django.urls import reverse

from maturity.models import Assessment, AssessmentSchedule
from tests.personas import ALL_PERSONAS

MANAGERS = {"beheerder", "manager"}


@pytest.fixture
def schedule(assessment):
    return AssessmentSchedule.objects.create(
        department=assessment.department,
        name="Jaarlijkse zelfevaluatie",
        every_months=12,
        next_date=date(2027, 9, 1),
    )


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_sees_the_confirmation_and_who_deletes(client_as, schedule, persona):
    client = client_as(persona)
    url = reverse("maturity:schedule-delete", args=[schedule.pk])

    asked = client.get(url)
    assert AssessmentSchedule.objects.exists()  # asking deletes nothing
    deleted = client.post(url)

    if persona == "anonymous":
        assert (asked.status_code, deleted.status_code) == (302, 302)
        assert "/login/" in asked["Location"] and "/login/" in deleted["Location"]
    elif persona in MANAGERS:
        assert asked.status_code == 200
        assert "Jaarlijkse zelfevaluatie" in asked.text
        assert "Klantcontact" in asked.text and "01-09-2027" in asked.text
        assert deleted.status_code == 302
        assert deleted["Location"] == reverse("maturity:index")
        assert not AssessmentSchedule.objects.exists()
        return
    else:
        assert (asked.status_code, deleted.status_code) == (403, 403)
    assert AssessmentSchedule.objects.filter(pk=schedule.pk).exists()


def test_the_index_links_to_the_confirmation_instead_of_deleting(client_as, schedule):
    index = client_as("manager").get(reverse("maturity:index")).text
    url = reverse("maturity:schedule-delete", args=[schedule.pk])
    assert f'href="{url}"' in index
    assert f'action="{url}"' not in index  # no one-click delete from the list


def test_deleting_keeps_the_rounds(client_as, schedule, assessment):
    client_as("manager").post(reverse("maturity:schedule-delete", args=[schedule.pk]))
    assert Assessment.objects.filter(pk=assessment.pk).exists()
