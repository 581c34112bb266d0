"""Messages sent at once, after the transaction commits: an action given to
someone, a wish whose status changed (to its submitter), a test item assigned."""

from django.core import mail
from django.urls import reverse

from beheer.models import Component
from governance import services as governance
from governance.models import Action
from notifications.models import Message
from operations import services as operations
from operations.models import Release, TestItem
from tests.notifications.conftest import days, mails_to


def test_an_action_given_to_someone_reaches_them_after_the_commit(
    db, people, personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        action = governance.action_create(
            source=Action.Source.OTHER,
            title="Testscript bijwerken",
            owner=people.key_user,
            due_date=days(10),
            user=personas.manager,
        )
        assert mail.outbox == []  # not before the commit

    assert callbacks
    [message] = Message.objects.filter(recipient=personas.key_user)
    assert "Testscript bijwerken" in message.subject
    assert message.url == action.get_absolute_url()
    [sent] = mails_to(personas.key_user)
    assert "Testscript bijwerken" in sent.subject


def test_an_action_one_gives_oneself_sends_nothing(db, people, personas):
    governance.action_create(
        source=Action.Source.OTHER, title="Zelf doen", owner=people.manager, user=personas.manager
    )

    assert not Message.objects.exists()


def test_nobody_without_an_active_login_gets_a_message(db, people, personas):
    personas.key_user.is_active = False
    personas.key_user.save()

    governance.action_create(
        source=Action.Source.OTHER,
        title="Voor iemand",
        owner=people.key_user,
        user=personas.manager,
    )

    assert not Message.objects.exists()


def test_the_submitter_follows_each_status_of_their_wish(db, personas):
    wish = operations.request_submit(
        component=Component.objects.create(name="Testonderdeel"),
        title="Zoeken op postcode",
        description="Klanten zoeken op postcode",
        user=personas.key_user,
    )

    operations.request_accept(change_request=wish, user=personas.manager)
    operations.request_reject(change_request=wish, user=personas.manager, reason="Past niet")

    subjects = list(
        Message.objects.filter(recipient=personas.key_user)
        .order_by("pk")
        .values_list("subject", flat=True)
    )
    assert len(subjects) == 2
    assert all("Zoeken op postcode" in subject for subject in subjects)
    assert not Message.objects.filter(recipient=personas.manager).exists()


def test_a_key_user_given_a_test_item_hears_of_it_once(db, people, client_as, personas):
    component = Component.objects.create(name="Testonderdeel")
    release = Release.objects.create(component=component, version="2.0", planned_date=days(14))
    url = reverse("operations:test-item-create", args=[release.pk])
    data = {"title": "Inloggen met DigiD", "tester": people.key_user.pk}

    client_as("manager").post(url, data)
    item = TestItem.objects.get()
    client_as("manager").post(
        reverse("operations:test-item-edit", args=[item.pk]),
        {**data, "title": "Inloggen met DigiD en eHerkenning", "seen_version": _version(item)},
    )

    [message] = Message.objects.filter(recipient=personas.key_user)
    assert "Inloggen met DigiD" in message.subject and message.url == item.get_absolute_url()


def _version(obj):
    from beheer.history import current_version

    return current_version(obj)
