"""`send_reminders` runs the same number of queries for 3 recipients as for 12,
apart from the inserts of the new messages, batched by the database's limit;
and so does a day on which recurring rounds start and invite their people."""

import math
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from guardian.shortcuts import assign_perm

from beheer import groups
from beheer.models import Department, Person, Role
from governance.models import Action
from matrix import schedules as matrix_schedules
from matrix.models import ReviewSchedule
from maturity import schedules as maturity_schedules
from maturity.models import Assessment, AssessmentSchedule
from notifications import services
from notifications.models import Message, Preference
from tests.beheer import makers
from tests.notifications.conftest import days

pytestmark = pytest.mark.django_db

# The figure the README states: create the reminders, then deliver them
# (a savepoint and its release included), without the batched inserts.
EXPECTED_QUERIES = 21


def _world(size: int, offset: int):
    """`size` people with a login, each with two actions and an invitation, half
    of them on a daily digest, some with their deadlines on one; `size`
    managers, half of them wanting the register's signals at once; as many
    leavers and endings."""
    User = get_user_model()
    managers = Group.objects.get_or_create(name=groups.MANAGERS)[0]
    assessment = Assessment.objects.create(
        department=Department.objects.create(name=f"Afdeling {offset}"),
        name="Ronde",
        period_start=days(-10),
        period_end=days(10),
        answer_by=days(1),
    )
    for n in range(size):
        name = f"p{offset}-{n}"
        user = User.objects.create_user(username=name, email=f"{name}@example.org")
        person = Person.objects.create(name=name, user=user)
        Action.objects.create(title=f"A {name}", owner=person, due_date=days(1))
        Action.objects.create(title=f"B {name}", owner=person, due_date=days(-3))
        assign_perm("maturity.respond_assessment", user, assessment)
        if n % 2:
            Preference.objects.create(user=user, delivery="daily", language="en")
        elif n % 4 == 2:
            # A setting per topic: the deadlines on a digest, the rest at once.
            Preference.objects.create(user=user, deadlines_delivery="daily")
        boss = User.objects.create_user(username=f"m{name}", email=f"m{name}@example.org")
        boss.groups.add(managers)
        if n % 2:
            # The register's signals one by one; the others keep the daily default.
            Preference.objects.create(user=boss, register_delivery="immediately")
        leaver = makers.person(f"Leaver {name}", leaving_date=days(10))
        makers.assign(leaver, makers.role(f"Rol {name}"), end=days(10))


def _queries() -> tuple[int, int]:
    """The queries of one run, less the inserts (checked against their batches)."""
    today = timezone.localdate()
    with CaptureQueriesContext(connection) as captured:
        new = services.reminders_create(today=today)
        result = services.messages_deliver(today=today)
    inserts = [q for q in captured if q["sql"].startswith("INSERT")]
    fields = [f for f in Message._meta.concrete_fields if not f.primary_key]
    per_batch = min(services.BATCH_SIZE, connection.ops.bulk_batch_size(fields, [None] * new))
    assert len(inserts) == math.ceil(new / per_batch)
    return len(captured) - len(inserts), result.mails


def test_send_reminders_queries_do_not_grow_with_recipients(db):
    _world(3, offset=1)
    small, small_mails = _queries()
    _world(12, offset=2)  # fresh items for 24 more people: everything is new again
    large, large_mails = _queries()
    assert large_mails > small_mails * 3
    assert small == large == EXPECTED_QUERIES, (small, large)
    assert len(mail.outbox) == small_mails + large_mails


# --- A day on which recurring rounds start (#18) -------------------------------------------
# Both sizes below fit one batch of inserts on every database, so even the
# inserts are the same in number: the whole count must not move.
SMALL, LARGE = 4, 13


def _asked(size: int, offset: int, *, group: str = "") -> list:
    """`size` people with a login: some on a daily digest, some in English."""
    User = get_user_model()
    users = []
    for n in range(size):
        name = f"r{offset}-{n}"
        user = User.objects.create_user(username=name, email=f"{name}@example.org")
        if group:
            user.groups.add(Group.objects.get_or_create(name=group)[0])
        if n % 3 == 1:
            Preference.objects.create(user=user, delivery="daily")
        elif n % 3 == 2:
            Preference.objects.create(user=user, language="en")
        users.append(user)
    return users


def _review_schedule(size: int, offset: int) -> list:
    """A review schedule due today over a component with `size` owners."""
    component = makers.component(f"Onderdeel {offset}")
    role = makers.role(f"Eigenaar {offset}", kind=Role.Kind.OWNER, component=component)
    users = _asked(size, offset)
    for user in users:
        makers.assign(Person.objects.create(name=user.username, user=user), role)
    schedule = ReviewSchedule.objects.create(
        name=f"Review {offset}", every_months=6, answer_days=21, next_date=days(0)
    )
    schedule.components.set([component])
    return users


def _assessment_schedule(size: int, offset: int) -> list:
    """An assessment schedule due today whose previous round asked `size` people."""
    department = Department.objects.create(name=f"Afdeling {offset}")
    previous = Assessment.objects.create(
        department=department,
        name="Vorige",
        period_start=days(-400),
        period_end=days(-370),
    )
    users = _asked(size, offset, group=groups.KEY_USERS)
    for user in users:
        Person.objects.create(name=user.username, user=user, department=department)
    assign_perm("maturity.respond_assessment", users, previous)
    AssessmentSchedule.objects.create(
        department=department, name=f"Zelfevaluatie {offset}", next_date=days(0)
    )
    return users


SCHEDULES = {
    "access review": (_review_schedule, matrix_schedules.schedules_run, "access-review"),
    "assessment": (
        _assessment_schedule,
        maturity_schedules.schedules_run,
        "questionnaire-invitation",
    ),
}


def _counted(run, on_commit) -> int:
    """The queries of `run`, the deliveries after its commit included."""
    with CaptureQueriesContext(connection) as captured, on_commit(execute=True):
        run()
    return len(captured)


@pytest.mark.parametrize("kind", SCHEDULES)
def test_starting_a_round_takes_the_same_queries_however_many_are_asked(
    kind, django_capture_on_commit_callbacks
):
    world, run, message_kind = SCHEDULES[kind]
    today = timezone.localdate()
    small_users = world(SMALL, offset=1)
    small = _counted(lambda: run(today=today), django_capture_on_commit_callbacks)
    large_users = world(LARGE, offset=2)  # the first schedule has moved on
    large = _counted(lambda: run(today=today), django_capture_on_commit_callbacks)

    assert small == large, (small, large)
    asked = Message.objects.filter(kind=message_kind)
    assert asked.count() == SMALL + LARGE
    # Those who want their requests at once were mailed, the digests wait.
    at_once = [u for u in small_users + large_users if int(u.username.split("-")[1]) % 3 != 1]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in at_once)


def test_send_reminders_on_a_day_rounds_start_does_not_grow_with_recipients(
    django_capture_on_commit_callbacks,
):
    def day(size, offset):
        _review_schedule(size, offset)
        _assessment_schedule(size, offset + 1)
        out = StringIO()
        run = lambda: call_command("send_reminders", stdout=out)  # noqa: E731
        count = _counted(run, django_capture_on_commit_callbacks)
        assert out.getvalue().startswith("2 new rounds")
        return count

    small = day(SMALL, offset=1)
    mails = len(mail.outbox)
    large = day(LARGE, offset=3)

    assert small == large, (small, large)
    assert len(mail.outbox) - mails > mails
