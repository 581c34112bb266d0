"""The pages for topics: the settings per topic (the register's only for
managers), the list by topic with a day's register signals folded into one
entry, and marking such a day read."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Message, Preference, Topic
from tests.personas import ALL_PERSONAS, PERSONAS

pytestmark = pytest.mark.django_db

MEMBERS = set(PERSONAS) - {"outsider"}
RECEIVES_REGISTER = {"manager"}  # the Managers group (beheer.reminders)


def _message(user, topic=Topic.DEADLINES, **fields) -> Message:
    fields = {
        "key": f"k{Message.objects.count()}",
        "kind": "test",
        "subject": "Herinnering",
        "url": "/",
        **fields,
    }
    return Message.objects.create(recipient=user, topic=topic, **fields)


def _refused(response, persona):
    if persona == "anonymous":
        return response.status_code == 302 and "/login/" in response["Location"]
    return response.status_code == 403


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_each_member_sets_a_delivery_per_topic(client_as, personas, persona):
    url = reverse("notifications:settings")
    client = client_as(persona)
    data = {
        "delivery": "immediately",
        "requests_delivery": "",
        "deadlines_delivery": "weekly",
        "register_delivery": "off",
        "language": "nl",
    }
    page = client.get(url)
    saved = client.post(url, data)
    if persona not in MEMBERS:
        assert _refused(page, persona) and _refused(saved, persona)
        assert not Preference.objects.exists()
        return
    assert 'name="deadlines_delivery"' in page.text
    assert ('name="register_delivery"' in page.text) == (persona in RECEIVES_REGISTER)
    assert saved.status_code == 302
    preference = Preference.objects.get(user=getattr(personas, persona))
    assert preference.delivery_for(Topic.REQUESTS) == "immediately"
    assert preference.delivery_for(Topic.DEADLINES) == "weekly"
    # Who gets no register signals cannot change them (the field is not offered).
    expected = "off" if persona in RECEIVES_REGISTER else "daily"
    assert preference.delivery_for(Topic.REGISTER) == expected


def test_a_topic_refuses_an_unknown_choice(client_as):
    response = client_as("manager").post(
        reverse("notifications:settings"),
        {"delivery": "daily", "register_delivery": "hourly", "language": "nl"},
    )
    assert response.status_code == 200
    assert not Preference.objects.exists()


def test_the_settings_page_shows_the_register_default_of_daily(client_as):
    page = client_as("manager").get(reverse("notifications:settings")).text
    assert '<option value="daily" selected>' in page


def test_a_days_register_signals_are_one_entry_of_the_list(client_as, personas):
    manager = personas.manager
    _message(manager, subject="Eigen actie morgen")
    for n in range(5):
        _message(manager, topic=Topic.REGISTER, subject=f"Signaal {n}")
    page = client_as("manager").get(reverse("notifications:inbox")).text
    assert page.count('<details class="register-day"') == 1
    assert "5 signals about the register" in page or "5 signalen over het register" in page
    assert all(f"Signaal {n}" in page for n in range(5))  # inside the folded entry
    assert "Eigen actie morgen" in page


def test_one_register_signal_is_not_folded(client_as, personas):
    _message(personas.manager, topic=Topic.REGISTER, subject="Enig signaal")
    page = client_as("manager").get(reverse("notifications:inbox")).text
    assert "register-day" not in page
    assert "Enig signaal" in page


def test_the_register_signals_of_different_days_are_folded_per_day(client_as, personas):
    yesterday = timezone.now() - timedelta(days=1)
    for n in range(2):
        _message(personas.manager, topic=Topic.REGISTER, subject=f"Oud {n}", created_at=yesterday)
        _message(personas.manager, topic=Topic.REGISTER, subject=f"Nieuw {n}")
    page = client_as("manager").get(reverse("notifications:inbox")).text
    assert page.count('<details class="register-day"') == 2
    assert page.index("Nieuw 0") < page.index("Oud 0")


@pytest.mark.parametrize("persona", sorted(MEMBERS))
def test_a_topic_lists_only_ones_own_messages_of_that_topic(client_as, personas, persona):
    user = getattr(personas, persona)
    other = personas.mt if persona != "mt" else personas.manager
    _message(user, topic=Topic.REQUESTS, subject="Verzoek aan mij")
    _message(user, topic=Topic.DEADLINES, subject="Mijn deadline")
    _message(other, topic=Topic.REQUESTS, subject="Verzoek aan een ander")
    page = client_as(persona).get(reverse("notifications:inbox"), {"topic": "requests"}).text
    assert "Verzoek aan mij" in page
    assert "Mijn deadline" not in page
    assert "Verzoek aan een ander" not in page
    assert "?topic=deadlines" in page  # the other topic is one click away


def test_an_unknown_topic_lists_everything(client_as, personas):
    _message(personas.key_user, subject="Mijn deadline")
    page = client_as("key_user").get(reverse("notifications:inbox"), {"topic": "x"}).text
    assert "Mijn deadline" in page


def test_mark_these_read_touches_only_the_listed_messages_of_ones_own(client_as, personas):
    listed = [_message(personas.manager, topic=Topic.REGISTER) for _ in range(2)]
    later = _message(personas.manager, topic=Topic.REGISTER)  # arrived after the page
    others = _message(personas.mt)
    response = client_as("manager").post(
        reverse("notifications:mark-all-read"),
        {"pk": [listed[0].pk, listed[1].pk, others.pk, "x"]},
    )
    assert response.status_code == 302
    read = set(Message.objects.filter(read_at__isnull=False).values_list("pk", flat=True))
    assert read == {listed[0].pk, listed[1].pk}
    assert later.pk not in read and others.pk not in read


@pytest.mark.parametrize("persona", ["outsider", "anonymous"])
def test_mark_these_read_is_refused_to_non_members(client_as, personas, persona):
    message = _message(personas.manager, topic=Topic.REGISTER)
    response = client_as(persona).post(reverse("notifications:mark-all-read"), {"pk": [message.pk]})
    assert _refused(response, persona)
    message.refresh_from_db()
    assert message.read_at is None
