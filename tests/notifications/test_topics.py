"""Delivery per topic: invitations and requests, reminders of one's own
deadlines, and the managers' signals about the register each follow the user's
setting for that topic, or their general one; the register's signals come as
one daily e-mail unless a manager wants them otherwise."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.core import mail
from django.utils import timezone

from governance.models import Action
from notifications import services
from notifications.models import Message, Preference, Topic
from tests.beheer import makers
from tests.notifications.conftest import days, mails_to, messages_of, run

pytestmark = pytest.mark.django_db


def _prefer(user, **fields):
    Preference.objects.update_or_create(user=user, defaults=fields)


def _actions(owner, *offsets):
    for n, offset in enumerate(offsets):
        Action.objects.create(title=f"Actie {n}", owner=owner, due_date=days(offset))


def _invite(user, key="uitnodiging"):
    return services.notify(user, "invitation", "Uitnodiging", "Vul in", "/", key=key)


def _register_signals():
    """An assignment ending and a person leaving, besides the roles nobody holds."""
    makers.assign(makers.person("Piet"), makers.role("Kennisbankredacteur"), end=days(10))
    makers.person("Jan Vertrek", leaving_date=days(20))


def test_a_topic_may_come_as_a_digest_while_the_rest_comes_at_once(
    people, personas, django_capture_on_commit_callbacks
):
    _prefer(personas.key_user, delivery="immediately", deadlines_delivery="daily")
    _actions(people.key_user, 1, 3, -2)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(personas.key_user)
    assert len(mails_to(personas.key_user)) == 1  # the invitation, at once
    run()
    invitation, digest = mails_to(personas.key_user)
    assert invitation.subject == "Uitnodiging"
    assert digest.subject.startswith("3 ")
    assert all(f"Actie {n}" in digest.body for n in range(3))


def test_as_my_general_setting_follows_the_general_delivery(people, personas):
    today = timezone.localdate()
    monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    _prefer(personas.key_user, delivery="weekly", deadlines_delivery="")
    _actions(people.key_user, 4, 5)
    run(today=monday - timedelta(days=2))
    assert mails_to(personas.key_user) == []
    services.messages_deliver(today=monday)
    [digest] = mails_to(personas.key_user)
    assert "Actie 0" in digest.body and "Actie 1" in digest.body


def test_a_topic_switched_off_stays_in_the_application_only(people, personas):
    _prefer(personas.key_user, delivery="immediately", requests_delivery="off")
    _actions(people.key_user, 1)
    _invite(personas.key_user)
    run()
    [sent] = mails_to(personas.key_user)
    assert "Actie 0" in sent.subject
    [invitation] = messages_of(personas.key_user, "invitation")
    assert invitation.status == Message.Status.NOT_MAILED
    assert invitation.read_at is None


def test_notify_waits_when_the_requests_topic_is_on_a_digest(
    personas, django_capture_on_commit_callbacks
):
    _prefer(personas.key_user, delivery="immediately", requests_delivery="daily")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _invite(personas.key_user)
    assert callbacks == []
    assert mail.outbox == []


def test_managers_get_the_register_signals_in_one_daily_mail_by_default(people, personas):
    _register_signals()
    _actions(people.manager, 1)
    run()
    register = messages_of(personas.manager)
    register = [m for m in register if m.topic == Topic.REGISTER]
    assert len(register) > 3  # the ending assignment, the leaver, the vacant roles
    assert {m.status for m in register} == {Message.Status.SENT}
    action, digest = _split(mails_to(personas.manager))
    assert "Actie 0" in action.subject
    assert digest.subject.startswith(f"{len(register)} ")
    assert "Piet" in digest.body and "Jan Vertrek" in digest.body


def _split(sent):
    """(the single mail about the action, the register's digest)."""
    [action] = [m for m in sent if "Actie" in m.subject]
    [digest] = [m for m in sent if m is not action]
    return action, digest


def test_the_next_day_brings_only_the_new_signals_in_one_mail(people, personas):
    _register_signals()
    run()
    first = len(mails_to(personas.manager))
    run(today=days(1))
    assert len(mails_to(personas.manager)) == first  # nothing new, no mail
    makers.person("Nieuw Vertrek", leaving_date=days(25))
    run(today=days(1))
    assert len(mails_to(personas.manager)) == first + 1
    latest = mails_to(personas.manager)[-1]
    assert "Nieuw Vertrek" in latest.subject  # a single new signal: its own subject
    assert "Piet" not in latest.body


def test_a_manager_may_want_the_register_signals_one_by_one(people, personas):
    _prefer(personas.manager, delivery="daily", register_delivery="immediately")
    _register_signals()
    run()
    register = [m for m in messages_of(personas.manager) if m.topic == Topic.REGISTER]
    assert len(mails_to(personas.manager)) == len(register)


def test_a_manager_may_switch_the_register_signals_off(people, personas):
    _prefer(personas.manager, delivery="immediately", register_delivery="off")
    _register_signals()
    run()
    assert mails_to(personas.manager) == []
    statuses = {m.status for m in messages_of(personas.manager)}
    assert statuses == {Message.Status.NOT_MAILED}


def test_a_digest_groups_its_messages_by_topic(people, personas):
    _prefer(personas.manager, delivery="daily", language="en")
    _register_signals()
    _actions(people.manager, 1)
    _invite(personas.manager)
    run()
    [digest] = mails_to(personas.manager)
    html = digest.alternatives[0].content
    for part in (digest.body, html):
        requests = part.index("Invitations and requests to you (1)")
        deadlines = part.index("Reminders of your deadlines (1)")
        register = part.index("Signals about the register (")
        assert requests < part.index("Uitnodiging") < deadlines
        assert deadlines < part.index("Actie 0") < register < part.index("Piet")


def test_messages_stored_before_topics_get_the_topic_of_their_rule(personas):
    """The migration that brought topics sorts the messages already stored."""
    for kind in ("role-vacant", "action-overdue", "kpi-measurement-soon", "wish-status"):
        Message.objects.create(recipient=personas.manager, kind=kind, key=kind, subject=kind)
    migration = import_module("notifications.migrations.0002_delivery_per_topic")
    migration.topics_of_stored_messages(apps, None)
    topics = dict(Message.objects.values_list("kind", "topic"))
    assert topics == {
        "role-vacant": "register",
        "action-overdue": "deadlines",
        "kpi-measurement-soon": "deadlines",
        "wish-status": "requests",
    }


def test_who_chose_less_mail_keeps_it_for_the_register_signals(personas):
    for user, delivery in ((personas.manager, "off"), (personas.beheerder, "immediately")):
        Preference.objects.create(user=user, delivery=delivery)
    migration = import_module("notifications.migrations.0002_delivery_per_topic")
    migration.keep_less_mail_for_those_who_chose_it(apps, None)
    assert Preference.objects.get(user=personas.manager).delivery_for(Topic.REGISTER) == "off"
    assert Preference.objects.get(user=personas.beheerder).delivery_for(Topic.REGISTER) == "daily"


def test_the_rules_give_their_topics(people, personas):
    _register_signals()
    _actions(people.key_user, 1)
    run()
    assert {m.topic for m in messages_of(personas.key_user, "action")} == {Topic.DEADLINES}
    kinds = {m.kind for m in messages_of(personas.manager) if m.topic == Topic.REGISTER}
    assert {"assignment-ending", "person-leaving", "role-vacant"} <= kinds
