"""Every reminder rule: a week ahead, the day before, overdue; and who gets nothing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from guardian.shortcuts import assign_perm

from beheer.models import Department, Supplier
from governance.models import Action
from matrix.models import Grant, Right
from maturity.models import Assessment, Response
from notifications.models import Message
from operations.models import Contract
from tests.beheer import makers
from tests.notifications.conftest import days, mails_to, messages_of, run

pytestmark = pytest.mark.django_db


def _action(owner, due, **fields):
    return Action.objects.create(title="Verslag rondsturen", owner=owner, due_date=due, **fields)


@pytest.mark.parametrize(
    ("offset", "kind", "subject"),
    [
        (7, "action-soon", "Action due on"),
        (3, "action-soon", "Action due on"),
        (1, "action-tomorrow", "Action due tomorrow"),
        (0, "action-today", "Action due today"),
        (-2, "action-overdue", "Action overdue since"),
    ],
)
def test_the_owner_of_an_action_is_reminded_of_its_due_date(
    people, personas, offset, kind, subject
):
    _action(people.key_user, days(offset))
    with_language(personas.key_user, "en")
    run()
    [message] = messages_of(personas.key_user, "action")
    assert message.kind == kind
    [sent] = mails_to(personas.key_user)
    assert sent.subject.startswith(subject)
    assert "Verslag rondsturen" in sent.subject
    assert message.status == Message.Status.SENT


def with_language(user, language, delivery="immediately"):
    from notifications.models import Preference

    Preference.objects.update_or_create(
        user=user, defaults={"language": language, "delivery": delivery}
    )


def test_an_action_due_in_eight_days_or_finished_is_not_reminded(people, personas):
    _action(people.key_user, days(8))
    _action(people.key_user, days(-1), status=Action.Status.DONE, done_on=days(-1))
    _action(people.key_user, days(1), status=Action.Status.CANCELLED)
    run()
    assert messages_of(personas.key_user, "action") == []


def test_each_stage_is_sent_once_as_the_due_date_comes_closer(people, personas):
    action = _action(people.key_user, days(7))
    for offset in (0, 0, 1, 5, 6, 6, 8, 9):  # the run on several days, twice on some
        run(today=days(offset))
    kinds = [m.kind for m in messages_of(personas.key_user, "action")]
    # No run on the due date itself (day 7): no "due today".
    assert sorted(kinds) == ["action-overdue", "action-soon", "action-tomorrow"]
    assert len(mails_to(personas.key_user)) == 3
    action.due_date = days(20)  # a new date: reminded again when it comes near
    action.save()
    run(today=days(14))
    assert len(mails_to(personas.key_user)) == 4


def test_running_twice_the_same_day_sends_nothing_twice(people, personas):
    _action(people.key_user, days(1))
    _action(people.owner, days(-3))
    run()
    first = len(mail.outbox)
    run()
    assert first >= 2
    assert len(mail.outbox) == first
    assert Message.objects.filter(kind__startswith="action").count() == 2


def test_people_without_a_login_or_who_left_get_no_reminder(people, personas):
    no_login = makers.person("Zonder Login")
    _action(no_login, days(1))
    people.owner.leaving_date = days(-1)
    people.owner.save()
    _action(people.owner, days(1))
    people.mt.is_active = False
    people.mt.save()
    _action(people.mt, days(1))
    run()
    assert Message.objects.filter(kind__startswith="action").count() == 0
    assert mails_to(personas.owner) == mails_to(personas.mt) == []


def test_a_leaver_with_messages_waiting_gets_no_mail(people, personas):
    _action(people.owner, days(1))
    from notifications import services

    services.reminders_create(today=timezone.localdate())
    people.owner.leaving_date = days(-1)  # left before the mail went out
    people.owner.save()
    services.messages_deliver()
    [message] = messages_of(personas.owner, "action")
    assert message.status == Message.Status.NOT_MAILED
    assert message.last_error == "has left"
    assert mails_to(personas.owner) == []


def test_a_user_without_an_address_keeps_the_message_in_the_application(people, personas):
    personas.key_user.email = ""
    personas.key_user.save()
    _action(people.key_user, days(1))
    run()
    [message] = messages_of(personas.key_user, "action")
    assert message.status == Message.Status.NOT_MAILED
    assert message.last_error == "no e-mail address"
    assert all(m.to != [""] for m in mail.outbox)


# --- Questionnaires ------------------------------------------------------------------------


def _round(answer_by, *, invite, is_open=True):
    number = Assessment.objects.count() + 1
    assessment = Assessment.objects.create(
        department=Department.objects.create(name=f"Klantcontact {number}"),
        name="Najaar",
        period_start=days(-30),
        period_end=days(30),
        answer_by=answer_by,
        is_open=is_open,
    )
    for user in invite:
        assign_perm("maturity.respond_assessment", user, assessment)
    return assessment


@pytest.mark.parametrize(
    ("offset", "kind"),
    [(7, "questionnaire-soon"), (1, "questionnaire-tomorrow"), (-1, "questionnaire-overdue")],
)
def test_an_invited_respondent_is_reminded_of_the_answer_by_date(people, personas, offset, kind):
    assessment = _round(days(offset), invite=[personas.key_user])
    run()
    [message] = messages_of(personas.key_user, "questionnaire")
    assert message.kind == kind
    assert message.url == f"/volwassenheid/{assessment.pk}/"
    assert len(mails_to(personas.key_user)) == 1


def test_no_questionnaire_reminder_after_submitting_or_without_a_date_or_when_closed(
    people, personas
):
    submitted = _round(days(1), invite=[personas.key_user, personas.owner])
    Response.objects.create(
        assessment=submitted, respondent=personas.key_user, submitted_at=timezone.now()
    )
    _round(None, invite=[personas.key_user])
    _round(days(1), invite=[personas.key_user], is_open=False)
    _round(days(9), invite=[personas.key_user])
    run()
    assert messages_of(personas.key_user, "questionnaire") == []
    assert len(messages_of(personas.owner, "questionnaire")) == 1  # not submitted yet


def test_an_invited_leaver_gets_no_questionnaire_reminder(people, personas):
    people.key_user.is_active = False
    people.key_user.save()
    _round(days(1), invite=[personas.key_user])
    run()
    assert messages_of(personas.key_user, "questionnaire") == []


# --- For the managers ----------------------------------------------------------------------


def test_managers_hear_of_assignments_ending_within_30_days(people, personas):
    role = makers.role("Kennisbankredacteur")
    makers.assign(makers.person("Piet"), role, end=days(30))
    makers.assign(makers.person("Kees"), role, end=days(31))
    run()
    [message] = messages_of(personas.manager, "assignment-ending")
    assert "Piet" in message.subject
    assert messages_of(personas.key_user, "assignment-ending") == []
    assert messages_of(personas.beheerder, "assignment-ending") == []


def test_managers_hear_of_people_leaving_with_the_rights_to_revoke(people, personas):
    role = makers.role("CRM-functioneel beheerder")
    component = makers.component("CRM")
    Grant.objects.create(role=role, right=Right.objects.create(component=component, name="Export"))
    leaver = makers.person("Jan Vertrek", leaving_date=days(20))
    makers.assign(leaver, role)
    makers.person("Later Weg", leaving_date=days(40))
    run()
    [message] = messages_of(personas.manager, "person-leaving")
    assert "Jan Vertrek" in message.subject
    assert "CRM-functioneel beheerder" in message.text
    assert "CRM: Export" in message.text


def test_managers_hear_once_of_a_role_that_became_vacant(people, personas):
    role = makers.role("Privacy officer")
    makers.assign(makers.person("Els"), role, start=days(-100), end=days(-1))
    run()
    run()
    vacant = messages_of(personas.manager, "role-vacant")
    found = [m for m in vacant if "Privacy officer" in m.subject]
    assert len(found) == 1
    makers.assign(makers.person("Nieuw"), role, start=days(0))
    run()
    assert not [
        m
        for m in messages_of(personas.manager, "role-vacant")
        if "Privacy officer" in m.subject and m.pk != found[0].pk
    ]


def test_managers_hear_of_a_contract_whose_notice_date_is_near(people, personas):
    supplier = Supplier.objects.create(name="KlantLink B.V.")
    Contract.objects.create(
        name="Support CRM", supplier=supplier, end_date=days(100), notice_months=1
    )
    Contract.objects.create(name="Portaal", supplier=supplier, end_date=days(400), notice_months=1)
    run()
    [message] = messages_of(personas.manager, "contract-notice")
    assert "Support CRM" in message.subject


def test_a_manager_who_left_gets_no_manager_reminders(people, personas):
    people.manager.leaving_date = days(-1)
    people.manager.save()
    makers.assign(makers.person("Piet"), makers.role("Rol"), end=days(3))
    run()
    assert messages_of(personas.manager) == []


def test_reminder_dates_read_day_month_year(people, personas):
    due = days(3)
    _action(people.key_user, due)
    run()
    [message] = messages_of(personas.key_user, "action")
    assert due.strftime("%d-%m-%Y") in message.text
    assert timedelta(0) <= timezone.now() - message.created_at < timedelta(minutes=1)
