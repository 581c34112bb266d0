"""Delivering messages: digests, the weekly day, language, failures and the claim."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import gettext_lazy

from beheer.models import OrganisationSettings
from governance.models import Action
from notifications import services
from notifications.models import Message, Preference
from tests.notifications.conftest import days, mails_to, messages_of, run

pytestmark = pytest.mark.django_db


def _prefer(user, delivery="immediately", language="nl"):
    Preference.objects.update_or_create(
        user=user, defaults={"delivery": delivery, "language": language}
    )


def _actions(owner, *offsets):
    for n, offset in enumerate(offsets):
        Action.objects.create(title=f"Actie {n}", owner=owner, due_date=days(offset))


def test_immediately_sends_one_mail_per_message(people, personas):
    _actions(people.key_user, 1, 3, -2)
    run()
    assert len(mails_to(personas.key_user)) == 3


def test_a_daily_digest_groups_the_messages_in_one_mail(people, personas):
    _prefer(personas.key_user, "daily")
    _actions(people.key_user, 1, 3, -2)
    run()
    [digest] = mails_to(personas.key_user)
    assert digest.subject.startswith("3 ")
    for n in range(3):
        assert f"Actie {n}" in digest.body
        assert f"Actie {n}" in digest.alternatives[0].content
    assert {m.status for m in messages_of(personas.key_user, "action")} == {Message.Status.SENT}


def test_a_weekly_digest_waits_for_monday(people, personas):
    _prefer(personas.key_user, "weekly")
    today = timezone.localdate()
    monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    _actions(people.key_user, 1, 2)
    run(today=monday - timedelta(days=3))
    assert mails_to(personas.key_user) == []
    services.messages_deliver(today=monday)
    [digest] = mails_to(personas.key_user)
    assert "Actie 0" in digest.body and "Actie 1" in digest.body


def test_off_keeps_messages_in_the_application_only(people, personas):
    _prefer(personas.key_user, "off")
    _actions(people.key_user, 1)
    run()
    assert mails_to(personas.key_user) == []
    [message] = messages_of(personas.key_user, "action")
    assert message.status == Message.Status.NOT_MAILED
    assert message.read_at is None  # still in the Berichten list, unread


@pytest.mark.parametrize(("language", "word"), [("nl", "Acties"), ("en", "Actions")])
def test_a_mail_is_in_the_recipients_language(personas, language, word):
    _prefer(personas.mt, "immediately", language)
    services.notify(personas.mt, "test", gettext_lazy("Actions"), "", url="/", key="x")
    services.messages_deliver()
    [sent] = mails_to(personas.mt)
    assert sent.subject == word
    assert sent.extra_headers["Content-Language"] == language
    assert f'lang="{language}"' in sent.alternatives[0].content


def test_the_footer_names_the_organisation_and_the_team_and_links_the_settings(
    people, personas, settings
):
    settings.SITE_URL = "https://beheer.example.org"
    organisation = OrganisationSettings.load()
    organisation.name = "Woonstichting De Linde"
    organisation.beheerteam_email = "beheerteam@delinde.example"
    organisation.save()
    _actions(people.key_user, 1)
    run()
    [sent] = mails_to(personas.key_user)
    for part in (sent.body, sent.alternatives[0].content):
        assert "Woonstichting De Linde" in part
        assert "beheerteam@delinde.example" in part
        assert "https://beheer.example.org/berichten/instellingen/" in part
        assert "https://beheer.example.org/overleg/acties/" in part


class _Failing(EmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_a_failure_is_recorded_and_retried_on_the_next_run(people, personas):
    _actions(people.key_user, 1)
    services.reminders_create(today=timezone.localdate())
    result = services.messages_deliver(connection=_Failing())
    assert result.failed == Message.objects.count()  # the managers' reminders too
    [message] = messages_of(personas.key_user, "action")
    assert message.status == Message.Status.FAILED
    assert message.attempts == 1
    assert "mail server down" in message.last_error
    assert mails_to(personas.key_user) == []
    run()  # the server is back
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert message.attempts == 2
    assert message.last_error == ""
    assert len(mails_to(personas.key_user)) == 1


def test_a_message_is_given_up_after_the_maximum_attempts(people, personas):
    _actions(people.key_user, 1)
    services.reminders_create(today=timezone.localdate())
    for _ in range(services.MAX_ATTEMPTS + 2):
        services.messages_deliver(connection=_Failing())
    [message] = messages_of(personas.key_user, "action")
    assert message.attempts == services.MAX_ATTEMPTS


def test_two_runs_at_once_send_each_message_once(people, personas):
    """The second run starts while the first is sending (as on a second server):
    the messages are claimed, so it finds nothing to send."""
    _actions(people.key_user, 1, 2)
    _actions(people.owner, 1)
    services.reminders_create(today=timezone.localdate())
    inner = []

    class SecondServer(EmailBackend):
        def send_messages(self, messages):
            if not inner:
                inner.append(services.messages_deliver())
            return super().send_messages(messages)

    first = services.messages_deliver(connection=SecondServer())
    assert inner[0].sent == 0 and inner[0].mails == 0
    # Every message went out once: the managers' reminders (vacant roles) too,
    # in their daily digest.
    assert first.sent == Message.objects.count()
    assert first.mails == len(mail.outbox)
    assert len(mails_to(personas.key_user)) == 2
    assert len(mails_to(personas.owner)) == 1
    services.messages_deliver()
    assert len(mail.outbox) == first.mails


def test_a_claim_left_by_a_run_that_died_is_taken_over_later(people, personas):
    _actions(people.key_user, 1)
    services.reminders_create(today=timezone.localdate())
    minutes_ago = timezone.now() - timedelta(minutes=5)
    Message.objects.update(status=Message.Status.SENDING, claim="dead", claimed_at=minutes_ago)
    services.messages_deliver()
    assert mail.outbox == []  # perhaps still sending
    Message.objects.update(claimed_at=timezone.now() - services.CLAIM_TIMEOUT * 2)
    services.messages_deliver()
    assert len(mails_to(personas.key_user)) == 1


def test_notify_sends_after_the_transaction_commits(personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.notify(personas.key_user, "invitation", "Uitnodiging", "Vul in", "/", key="i1")
        assert mail.outbox == []  # not before the commit
    assert len(callbacks) == 1
    [sent] = mail.outbox
    assert sent.subject == "Uitnodiging"
    assert services.notify(personas.key_user, "invitation", "Nog eens", "", "/", key="i1") is None


def test_notify_waits_for_the_digest_when_the_user_prefers_one(
    personas, django_capture_on_commit_callbacks
):
    _prefer(personas.key_user, "daily")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.notify(personas.key_user, "invitation", "Uitnodiging", "", "/", key="i1")
    assert callbacks == []
    assert mail.outbox == []
    services.messages_deliver()
    assert len(mail.outbox) == 1


def test_the_command_creates_and_sends_and_reports(people, personas):
    _actions(people.key_user, 1)
    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert "e-mails sent for" in out.getvalue()
    assert len(mails_to(personas.key_user)) == 1
    call_command("send_reminders", stdout=StringIO())
    assert len(mails_to(personas.key_user)) == 1


def test_the_command_fails_when_mail_fails(people, personas, settings):
    settings.EMAIL_BACKEND = "tests.notifications.test_delivery._Failing"
    _actions(people.key_user, 1)
    with pytest.raises(SystemExit):
        call_command("send_reminders", stdout=StringIO())


def test_no_mail_only_creates_the_messages(people, personas):
    _actions(people.key_user, 1)
    call_command("send_reminders", "--no-mail", stdout=StringIO())
    assert mail.outbox == []
    assert messages_of(personas.key_user, "action")[0].status == Message.Status.PENDING
