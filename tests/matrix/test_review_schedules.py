"""Recurring access reviews (#18): a schedule starts its round on its date,
once, asks the owners, and moves on; managers plan them on the reviews page."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from beheer.history import current_version
from beheer.models import Component, Role
from matrix.models import ReviewRound, ReviewSchedule
from matrix.schedules import schedules_run
from notifications.models import Message
from notifications.reminders import add_months, next_start
from tests.beheer import makers
from tests.beheer.makers import days
from tests.personas import ALL_PERSONAS

MANAGERS = {"beheerder", "manager"}


@pytest.fixture
def schedule(rights, personas):
    """Every six months over the owner persona's component, next on 1 March."""
    owner_role = Role.objects.create(
        name="Eigenaar eigen onderdeel", kind=Role.Kind.OWNER, component=rights["own"]
    )
    makers.assign(makers.person("Olga Owner", user=personas.owner), owner_role, start=days(-400))
    found = ReviewSchedule.objects.create(
        name="Halfjaarlijkse review", every_months=6, answer_days=21, next_date=date(2027, 3, 1)
    )
    found.components.set([rights["own"]])
    return found


def test_nothing_starts_before_the_date(schedule):
    assert schedules_run(today=date(2027, 2, 28)) == 0
    assert not ReviewRound.objects.exists()


def test_on_its_date_the_round_starts_and_the_owners_are_asked(schedule, personas, rights):
    assert schedules_run(today=date(2027, 3, 1)) == 1

    review = ReviewRound.objects.get()
    assert review.name.startswith("Halfjaarlijkse review ")
    assert "2027" in review.name
    assert review.deadline == date(2027, 3, 22)
    assert list(review.components.all()) == [rights["own"]]
    assert review.started_by is None
    schedule.refresh_from_db()
    assert schedule.next_date == date(2027, 9, 1)
    [message] = Message.objects.filter(kind="access-review")
    assert message.recipient == personas.owner
    assert message.url == review.get_absolute_url()


def test_running_twice_the_same_day_starts_one_round(schedule):
    assert schedules_run(today=date(2027, 3, 1)) == 1
    assert schedules_run(today=date(2027, 3, 1)) == 0

    assert ReviewRound.objects.count() == 1
    assert Message.objects.filter(kind="access-review").count() == 1


def test_a_missed_run_catches_up_with_one_round(schedule):
    assert schedules_run(today=date(2028, 1, 15)) == 1

    schedule.refresh_from_db()
    assert ReviewRound.objects.count() == 1
    assert schedule.next_date == date(2028, 3, 1)


def test_a_paused_schedule_starts_nothing(schedule):
    ReviewSchedule.objects.update(is_active=False)

    assert schedules_run(today=date(2027, 3, 1)) == 0
    assert not ReviewRound.objects.exists()


def test_the_daily_command_starts_the_rounds(schedule, capsys):
    call_command("send_reminders", "--date=2027-03-01", "--no-mail")

    assert "1 new rounds" in capsys.readouterr().out
    assert ReviewRound.objects.count() == 1


def test_the_date_moves_on_by_months_keeping_the_day_where_it_can():
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 15), 3) == date(2028, 2, 15)
    assert next_start(date(2027, 1, 31), months=1, today=date(2027, 3, 5)) == date(2027, 3, 31)


def _post_schedule(client, component, **extra):
    data = {
        "name": "Kwartaalreview",
        "components": [component.pk],
        "every_months": "3",
        "answer_days": "14",
        "next_date": days(10).isoformat(),
        **extra,
    }
    return client.post(reverse("matrix:review-schedule-create"), data)


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_may_plan_a_recurring_round(client_as, rights, persona):
    client = client_as(persona)

    form = client.get(reverse("matrix:review-schedule-create")).status_code
    create = _post_schedule(client, rights["own"]).status_code

    if persona == "anonymous":
        assert (form, create) == (302, 302)
    elif persona in MANAGERS:
        assert (form, create) == (200, 302)
    else:
        assert (form, create) == (403, 403)
    assert ReviewSchedule.objects.exists() == (persona in MANAGERS)


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_sees_edits_pauses_and_deletes_a_schedule(client_as, schedule, persona):
    client = client_as(persona)
    page = client.get(reverse("matrix:reviews"))
    edit_url = reverse("matrix:review-schedule", args=[schedule.pk])
    edit = client.get(edit_url).status_code
    saved = client.post(
        edit_url,
        {
            "name": "Hernoemd",
            "components": [c.pk for c in schedule.components.all()],
            "every_months": "6",
            "answer_days": "21",
            "next_date": "2027-03-01",
            "seen_version": current_version(schedule),
        },
    ).status_code
    paused = client.post(
        reverse("matrix:review-schedule-pause", args=[schedule.pk]), {"active": "0"}
    ).status_code
    deleted = client.post(reverse("matrix:review-schedule-delete", args=[schedule.pk])).status_code

    if persona == "anonymous":
        assert page.status_code == 302
        assert (edit, saved, paused, deleted) == (302, 302, 302, 302)
    elif persona == "outsider":
        assert page.status_code == 403
        assert (edit, saved, paused, deleted) == (403, 403, 403, 403)
    elif persona in MANAGERS:
        assert "01-03-2027" in page.content.decode()
        assert (edit, saved, paused, deleted) == (200, 302, 302, 302)
        assert not ReviewSchedule.objects.exists()
        return
    else:
        # Owners, key users and MT read the plan; they change nothing.
        assert "01-03-2027" in page.content.decode()
        assert reverse("matrix:review-schedule-delete", args=[schedule.pk]) not in (
            page.content.decode()
        )
        assert (edit, saved, paused, deleted) == (403, 403, 403, 403)
    schedule.refresh_from_db()
    assert (schedule.name, schedule.is_active) == ("Halfjaarlijkse review", True)


def test_pause_and_resume(client_as, schedule):
    client = client_as("manager")
    url = reverse("matrix:review-schedule-pause", args=[schedule.pk])

    client.post(url, {"active": "0"})
    schedule.refresh_from_db()
    paused = schedule.is_active
    client.post(url, {"active": "1"})
    schedule.refresh_from_db()

    assert (paused, schedule.is_active) == (False, True)


def test_an_edit_on_a_form_older_than_the_run_is_refused(client_as, schedule):
    client = client_as("manager")
    seen = current_version(schedule)
    schedules_run(today=date(2027, 3, 1))  # moves the date on to 1 September

    response = client.post(
        reverse("matrix:review-schedule", args=[schedule.pk]),
        {
            "name": "Hernoemd",
            "components": [c.pk for c in schedule.components.all()],
            "every_months": "6",
            "answer_days": "21",
            "next_date": "2027-03-01",
            "seen_version": seen,
        },
    )

    assert response.status_code == 200
    schedule.refresh_from_db()
    assert (schedule.name, schedule.next_date) == ("Halfjaarlijkse review", date(2027, 9, 1))


def test_a_next_start_in_the_past_and_control_characters_are_refused(client_as, rights):
    client = client_as("manager")

    past = _post_schedule(client, rights["own"], next_date=days(-1).isoformat())
    control = _post_schedule(client, rights["own"], name="Kwartaal\x07review")

    assert (past.status_code, control.status_code) == (200, 200)
    assert not ReviewSchedule.objects.exists()


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("matrix:reviews")).status_code == 200
    return len(captured)


def test_the_list_queries_do_not_grow_with_the_schedules(client_as, rights):
    client = client_as("manager")

    def add(count):
        for n in range(count):
            found = ReviewSchedule.objects.create(name=f"Plan {n}", next_date=days(30 + n))
            found.components.set(Component.objects.all())

    add(2)
    _list_queries(client)  # a first page after a change reads the cached settings anew
    few = _list_queries(client)
    add(20)
    _list_queries(client)

    assert _list_queries(client) == few
