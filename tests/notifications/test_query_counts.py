"""`send_reminders` runs the same number of queries for 3 recipients as for 12,
apart from the inserts of the new messages, batched by the database's limit."""

import math

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from guardian.shortcuts import assign_perm

from beheer import groups
from beheer.models import Department, Person
from governance.models import Action
from maturity.models import Assessment
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
