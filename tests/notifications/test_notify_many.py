"""`notify_many`: one "at once" message to many people (the invitations of a
round), with the same rules as `notify` for each of them, in bulk (#18)."""

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.translation import gettext_lazy

from beheer.data_versions import versions
from beheer.models import Department, Person
from maturity import access
from maturity.models import Assessment, AssessmentUserObjectPermission
from maturity.services import assessment_invite
from notifications import services
from notifications.models import Message, Preference, Topic
from tests.notifications.conftest import mails_to


def _invite(users, key="ronde-1", **extra):
    return services.notify_many(
        users,
        "invitation",
        subject=gettext_lazy("Please fill in the questionnaire: %(name)s"),
        text="Vul in voor %(name)s",
        url="/vragenlijst/",
        key=key,
        params={"name": "Ronde 1"},
        **extra,
    )


def test_each_recipient_gets_one_message_in_their_language(personas):
    Preference.objects.create(user=personas.mt, language="en")

    assert _invite([personas.key_user, personas.mt, personas.key_user]) == 2

    by_user = {m.recipient: m for m in Message.objects.filter(kind="invitation")}
    assert set(by_user) == {personas.key_user, personas.mt}
    assert by_user[personas.mt].subject == "Please fill in the questionnaire: Ronde 1"
    assert by_user[personas.key_user].subject == "Vul de vragenlijst in: Ronde 1"
    assert by_user[personas.key_user].text == "Vul in voor Ronde 1"
    assert {m.url for m in by_user.values()} == {"/vragenlijst/"}
    assert {m.topic for m in by_user.values()} == {Topic.REQUESTS}


def test_the_same_key_again_reaches_only_who_had_none(personas):
    _invite([personas.key_user])

    assert _invite([personas.key_user, personas.mt]) == 1

    assert Message.objects.filter(recipient=personas.key_user).count() == 1
    assert Message.objects.filter(recipient=personas.mt).count() == 1


def test_nobody_without_an_active_login_gets_one(personas):
    personas.outsider.is_active = False
    personas.outsider.save()

    assert _invite([None, personas.outsider, personas.mt]) == 1

    assert list(Message.objects.values_list("recipient", flat=True)) == [personas.mt.pk]
    assert _invite([]) == 0


def test_the_topic_decides_the_delivery(personas, django_capture_on_commit_callbacks):
    # The deadlines on a digest, the requests at once.
    Preference.objects.create(user=personas.mt, deadlines_delivery="daily")
    with django_capture_on_commit_callbacks(execute=True):
        _invite([personas.mt], key="a", topic=Topic.DEADLINES)
    assert mail.outbox == []
    assert Message.objects.get(key="a").topic == Topic.DEADLINES

    with django_capture_on_commit_callbacks(execute=True):
        _invite([personas.mt], key="b")
    assert len(mail.outbox) == 1


def test_who_wants_it_at_once_gets_it_after_the_commit_the_others_with_their_digest(
    personas, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=personas.mt, delivery="daily")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _invite([personas.key_user, personas.mt, personas.owner])
        assert mail.outbox == []  # not before the commit

    # One delivery run for all of them, not one per recipient.
    assert len(callbacks) == 1
    assert {tuple(m.to) for m in mail.outbox} == {
        (personas.key_user.email,),
        (personas.owner.email,),
    }
    assert Message.objects.get(recipient=personas.mt).status == Message.Status.PENDING
    services.messages_deliver()
    assert len(mails_to(personas.mt)) == 1


def test_the_delivery_at_once_sends_only_the_new_messages(
    personas, django_capture_on_commit_callbacks
):
    # An older message of the same recipient, still waiting (a claim that a
    # run which died left behind, not yet timed out), is not sent along.
    older = Message.objects.create(
        recipient=personas.key_user,
        kind="other",
        key="older",
        subject="Ouder",
        status=Message.Status.SENDING,
        claimed_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        _invite([personas.key_user])

    [sent] = mail.outbox
    assert "Ronde 1" in sent.subject
    older.refresh_from_db()
    assert older.status == Message.Status.SENDING


def test_a_second_call_with_the_key_sends_nothing_again(
    personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite([personas.key_user])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert _invite([personas.key_user]) == 0
    assert callbacks == []
    assert len(mail.outbox) == 1


# --- The invitations of a maturity round, in bulk ----------------------------------------


def _round():
    return Assessment.objects.create(
        department=Department.objects.create(name="Wonen"),
        name="Ronde",
        period_start=timezone.localdate(),
        period_end=timezone.localdate(),
    )


def _person(user):
    return Person.objects.create(name=user.username, user=user)


def test_inviting_gives_each_login_the_right_to_answer_once(personas):
    assessment = _round()
    people = [_person(personas.key_user), _person(personas.mt)]

    assert assessment_invite(assessment=assessment, people=people) == 2
    assert assessment_invite(assessment=assessment, people=people) == 2  # again: no double rows

    assert access.is_invited(personas.key_user, assessment)
    assert access.is_invited(personas.mt, assessment)
    rows = AssessmentUserObjectPermission.objects.filter(content_object=assessment)
    assert sorted(rows.values_list("user__username", flat=True)) == ["key_user", "mt"]
    assert Message.objects.filter(kind="questionnaire-invitation").count() == 2


def test_inviting_raises_the_version_of_who_may_do_what(personas):
    # Cached pages that show who may answer are keyed by this version; a bulk
    # insert sends no signal to raise it.
    before = versions(["users"])["users"]

    assessment_invite(assessment=_round(), people=[_person(personas.key_user)])

    assert versions(["users"])["users"] > before


def test_a_person_without_a_login_stops_the_whole_invitation(personas):
    assessment = _round()
    people = [_person(personas.key_user), Person.objects.create(name="Zonder login")]

    with pytest.raises(ValueError):
        assessment_invite(assessment=assessment, people=people)

    assert not access.is_invited(personas.key_user, assessment)
    assert not Message.objects.exists()
