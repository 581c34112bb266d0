"""The Berichten pages: every view, every persona."""

import pytest
from django.urls import reverse

from notifications.models import Message, Preference
from tests.personas import ALL_PERSONAS, PERSONAS

pytestmark = pytest.mark.django_db

MEMBERS = set(PERSONAS) - {"outsider"}


def _message(user, **fields) -> Message:
    fields = {
        "key": f"k{Message.objects.count()}",
        "kind": "test",
        "subject": "Herinnering",
        "text": "Tekst",
        "url": "/",
        **fields,
    }
    return Message.objects.create(recipient=user, **fields)


def _refused(response, persona):
    if persona == "anonymous":
        return response.status_code == 302 and "/login/" in response["Location"]
    return response.status_code == 403


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_each_member_reads_their_own_messages(client_as, personas, persona):
    if persona != "anonymous":
        _message(getattr(personas, persona), subject="Voor mij")
    _message(personas.manager if persona != "manager" else personas.mt, subject="Niet voor mij")
    response = client_as(persona).get(reverse("notifications:inbox"))
    if persona not in MEMBERS:
        assert _refused(response, persona)
        return
    assert response.status_code == 200
    assert "Voor mij" in response.text
    assert "Niet voor mij" not in response.text
    assert "1 unread message" in response.text or "1 ongelezen" in response.text


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_each_member_marks_their_message_read(client_as, personas, persona):
    if persona == "anonymous":
        message = _message(personas.mt)
    else:
        message = _message(getattr(personas, persona))
    response = client_as(persona).post(reverse("notifications:mark-read", args=[message.pk]))
    message.refresh_from_db()
    if persona not in MEMBERS:
        assert _refused(response, persona)
        assert message.read_at is None
        return
    assert response.status_code == 302
    assert message.read_at is not None


@pytest.mark.parametrize("persona", sorted(MEMBERS))
def test_nobody_marks_anothers_message_read(client_as, personas, persona):
    other = personas.mt if persona != "mt" else personas.manager
    message = _message(other)
    response = client_as(persona).post(reverse("notifications:mark-read", args=[message.pk]))
    assert response.status_code == 404
    message.refresh_from_db()
    assert message.read_at is None


def test_open_marks_read_and_follows_the_link_on_this_site_only(client_as, personas):
    inside = _message(personas.key_user, url="/overleg/acties/")
    outside = _message(personas.key_user, url="https://evil.example/")
    client = client_as("key_user")
    url = reverse("notifications:mark-read", args=[inside.pk])
    assert client.post(url, {"open": "1"})["Location"] == "/overleg/acties/"
    url = reverse("notifications:mark-read", args=[outside.pk])
    assert client.post(url, {"open": "1"})["Location"] == reverse("notifications:inbox")


def test_reading_is_a_post(client_as, personas):
    message = _message(personas.key_user)
    url = reverse("notifications:mark-read", args=[message.pk])
    assert client_as("key_user").get(url).status_code == 405


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_mark_all_read_touches_only_ones_own(client_as, personas, persona):
    mine = _message(personas.key_user if persona == "anonymous" else getattr(personas, persona))
    other = _message(personas.mt if persona != "mt" else personas.manager)
    response = client_as(persona).post(reverse("notifications:mark-all-read"))
    mine.refresh_from_db()
    other.refresh_from_db()
    assert other.read_at is None
    if persona not in MEMBERS:
        assert _refused(response, persona)
        assert mine.read_at is None
        return
    assert response.status_code == 302
    assert mine.read_at is not None


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_each_member_sets_their_own_delivery_and_language(client_as, personas, persona):
    url = reverse("notifications:settings")
    client = client_as(persona)
    response = client.get(url)
    if persona not in MEMBERS:
        assert _refused(response, persona)
        assert _refused(client.post(url, {"delivery": "off", "language": "en"}), persona)
        assert not Preference.objects.exists()
        return
    assert response.status_code == 200
    response = client.post(url, {"delivery": "weekly", "language": "en"})
    assert response.status_code == 302
    [preference] = Preference.objects.all()
    assert preference.user == getattr(personas, persona)
    assert (preference.delivery, preference.language) == ("weekly", "en")


def test_settings_refuse_an_unknown_choice(client_as):
    response = client_as("mt").post(
        reverse("notifications:settings"), {"delivery": "hourly", "language": "nl"}
    )
    assert response.status_code == 200
    assert not Preference.objects.exists()


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_only_beheerders_see_the_sent_messages(client_as, personas, persona):
    _message(
        personas.key_user,
        subject="Actie morgen",
        text="Geheime inhoud",
        status=Message.Status.FAILED,
        last_error="SMTPServerDisconnected: gone",
    )
    response = client_as(persona).get(reverse("notifications:sent"))
    if persona != "beheerder":
        assert _refused(response, persona)
        return
    assert response.status_code == 200
    assert "Actie morgen" in response.text
    assert "key_user@example.org" in response.text
    assert "SMTPServerDisconnected" in response.text
    assert "Geheime inhoud" not in response.text  # no bodies


def test_the_sent_messages_filter_by_status(client_as, personas):
    _message(personas.key_user, subject="Gelukt", status=Message.Status.SENT)
    _message(personas.key_user, subject="Mislukt", status=Message.Status.FAILED)
    response = client_as("beheerder").get(reverse("notifications:sent"), {"status": "failed"})
    assert "Mislukt" in response.text
    assert "Gelukt" not in response.text


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_the_header_badge_counts_ones_own_unread_messages(client_as, personas, persona):
    if persona != "anonymous":
        user = getattr(personas, persona)
        _message(user, subject="Ongelezen")
        _message(user, subject="Gelezen", read_at="2026-11-01T10:00:00Z")
    _message(personas.beheerder if persona != "beheerder" else personas.mt)

    response = client_as(persona).get(reverse("notifications:unread-count"))

    if persona not in MEMBERS:
        assert _refused(response, persona)
    else:
        assert response.status_code == 200
        assert 'data-unread-count="1"' in response.text


def test_every_page_fetches_the_badge_after_it_is_drawn(client_as):
    page = client_as("key_user").get(reverse("dashboard")).text

    assert f'hx-get="{reverse("notifications:unread-count")}" hx-trigger="load"' in page
