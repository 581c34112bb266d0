"""Recurring assessments (#18): a schedule opens its department's next round on
its date, once, invites the previous round's respondents who may still answer,
and moves on; managers plan them on the index."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from guardian.shortcuts import assign_perm

from beheer.history import current_version
from beheer.models import Department
from maturity import access
from maturity.models import Assessment, AssessmentSchedule
from maturity.schedules import schedules_run
from notifications.models import Message
from tests.beheer.makers import days
from tests.personas import ALL_PERSONAS

MANAGERS = {"beheerder", "manager"}


@pytest.fixture
def schedule(assessment, people):
    """Yearly for Klantcontact, next on 1 September 2027; the previous round
    (the `assessment` fixture) invited the key user and the MT member."""
    assign_perm("maturity.respond_assessment", people.mt.user, assessment)
    return AssessmentSchedule.objects.create(
        department=assessment.department,
        name="Zelfevaluatie",
        every_months=12,
        answer_days=30,
        next_date=date(2027, 9, 1),
    )


def _new_round(previous):
    return Assessment.objects.exclude(pk=previous.pk).get()


def test_nothing_opens_before_the_date(schedule, assessment):
    assert schedules_run(today=date(2027, 8, 31)) == 0
    assert Assessment.objects.count() == 1


def test_on_its_date_the_round_opens_and_the_respondents_are_invited(
    schedule, assessment, personas
):
    assert schedules_run(today=date(2027, 9, 1)) == 1

    new = _new_round(assessment)
    assert new.name.startswith("Zelfevaluatie ") and "2027" in new.name
    assert (new.department, new.is_open) == (assessment.department, True)
    assert (new.period_start, new.answer_by) == (date(2027, 9, 1), date(2027, 10, 1))
    assert access.is_invited(personas.key_user, new)
    assert access.is_invited(personas.mt, new)
    invited = set(
        Message.objects.filter(kind="questionnaire-invitation").values_list(
            "recipient__username", flat=True
        )
    )
    assert invited == {"key_user", "mt"}
    schedule.refresh_from_db()
    assert schedule.next_date == date(2028, 9, 1)


def test_who_left_or_lost_their_login_is_not_invited_again(schedule, assessment, people, personas):
    people.mt.leaving_date = date(2027, 6, 30)
    people.mt.save()

    schedules_run(today=date(2027, 9, 1))

    new = _new_round(assessment)
    assert access.is_invited(personas.key_user, new)
    assert not access.is_invited(personas.mt, new)


def test_running_twice_the_same_day_opens_one_round(schedule, assessment):
    assert schedules_run(today=date(2027, 9, 1)) == 1
    assert schedules_run(today=date(2027, 9, 1)) == 0

    assert Assessment.objects.count() == 2
    assert Message.objects.filter(kind="questionnaire-invitation").count() == 2


def test_a_paused_schedule_opens_nothing(schedule):
    AssessmentSchedule.objects.update(is_active=False)

    assert schedules_run(today=date(2027, 9, 1)) == 0
    assert Assessment.objects.count() == 1


def test_a_first_round_invites_nobody(db):
    AssessmentSchedule.objects.create(
        department=Department.objects.create(name="Wonen"),
        name="Zelfevaluatie",
        next_date=date(2027, 9, 1),
    )

    assert schedules_run(today=date(2027, 9, 1)) == 1
    assert not Message.objects.exists()


def _form(department, **extra):
    return {
        "department": department.pk,
        "name": "Jaarlijkse zelfevaluatie",
        "every_months": "12",
        "answer_days": "28",
        "next_date": days(30).isoformat(),
        **extra,
    }


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_may_plan_a_recurring_assessment(client_as, assessment, persona):
    client = client_as(persona)

    form = client.get(reverse("maturity:schedule-create")).status_code
    create = client.post(
        reverse("maturity:schedule-create"), _form(assessment.department)
    ).status_code

    if persona == "anonymous":
        assert (form, create) == (302, 302)
    elif persona in MANAGERS:
        assert (form, create) == (200, 302)
    else:
        assert (form, create) == (403, 403)
    assert AssessmentSchedule.objects.exists() == (persona in MANAGERS)


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_sees_edits_pauses_and_deletes_a_schedule(client_as, schedule, persona):
    client = client_as(persona)
    index = client.get(reverse("maturity:index"))
    url = reverse("maturity:schedule", args=[schedule.pk])
    edit = client.get(url).status_code
    data = _form(schedule.department, name="Hernoemd", next_date="2027-09-01")
    saved = client.post(url, {**data, "seen_version": current_version(schedule)}).status_code
    paused = client.post(
        reverse("maturity:schedule-pause", args=[schedule.pk]), {"active": "0"}
    ).status_code
    deleted = client.post(reverse("maturity:schedule-delete", args=[schedule.pk])).status_code

    if persona == "anonymous":
        assert index.status_code == 302
        assert (edit, saved, paused, deleted) == (302, 302, 302, 302)
    elif persona == "outsider":
        assert index.status_code == 403
        assert (edit, saved, paused, deleted) == (403, 403, 403, 403)
    elif persona in MANAGERS:
        assert "01-09-2027" in index.content.decode()
        assert (edit, saved, paused, deleted) == (200, 302, 302, 302)
        assert not AssessmentSchedule.objects.exists()
        return
    else:
        # The plan is the managers' business: others do not even see it.
        assert index.status_code == 200
        assert "01-09-2027" not in index.content.decode()
        assert (edit, saved, paused, deleted) == (403, 403, 403, 403)
    schedule.refresh_from_db()
    assert (schedule.name, schedule.is_active) == ("Zelfevaluatie", True)


def test_pause_and_resume(client_as, schedule):
    client = client_as("manager")
    url = reverse("maturity:schedule-pause", args=[schedule.pk])

    client.post(url, {"active": "0"})
    schedule.refresh_from_db()
    paused = schedule.is_active
    client.post(url, {"active": "1"})
    schedule.refresh_from_db()

    assert (paused, schedule.is_active) == (False, True)


def test_an_edit_on_a_form_older_than_the_run_is_refused(client_as, schedule):
    client = client_as("manager")
    seen = current_version(schedule)
    schedules_run(today=date(2027, 9, 1))  # moves the date on a year

    data = _form(schedule.department, name="Hernoemd", next_date="2027-09-01")
    response = client.post(
        reverse("maturity:schedule", args=[schedule.pk]), {**data, "seen_version": seen}
    )

    assert response.status_code == 200
    schedule.refresh_from_db()
    assert (schedule.name, schedule.next_date) == ("Zelfevaluatie", date(2028, 9, 1))


def test_a_second_schedule_for_a_department_and_control_characters_are_refused(client_as, schedule):
    client = client_as("manager")
    url = reverse("maturity:schedule-create")

    twice = client.post(url, _form(schedule.department))
    other = Department.objects.create(name="Financiën")
    control = client.post(url, _form(other, name="Zelf\x07evaluatie"))

    assert (twice.status_code, control.status_code) == (200, 200)
    assert AssessmentSchedule.objects.count() == 1


def _index_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("maturity:index")).status_code == 200
    return len(captured)


def test_the_index_queries_do_not_grow_with_the_schedules(client_as, db):
    client = client_as("manager")

    def add(count):
        for n in range(count):
            AssessmentSchedule.objects.create(
                department=Department.objects.create(name=f"Afdeling {Department.objects.count()}"),
                name="Zelfevaluatie",
                next_date=days(30 + n),
            )

    add(2)
    _index_queries(client)  # a first page after a change reads the cached settings anew
    few = _index_queries(client)
    add(20)
    _index_queries(client)

    assert _index_queries(client) == few
