"""End to end: `send_reminders` delivers to a real SMTP server on 127.0.0.1, and
what arrives parses and links to pages that exist."""

import re
import socket
from email import message_from_bytes, policy
from io import StringIO
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.urls import resolve

from governance.models import Action
from notifications.models import Message, Preference
from tests.notifications.conftest import days

pytestmark = pytest.mark.django_db


class _Inbox:
    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.rcpt_tos, envelope.content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.SITE_URL = "http://testserver"
    yield inbox
    controller.stop()


def test_send_reminders_delivers_parseable_mails_with_working_links(
    smtp_server, people, personas, client_as
):
    Action.objects.create(title="Notulen rondsturen", owner=people.key_user, due_date=days(1))
    Action.objects.create(title="Mailbox inrichten", owner=people.owner, due_date=days(-2))
    Action.objects.create(title="Rooster maken", owner=people.owner, due_date=days(5))
    Preference.objects.create(user=personas.owner, delivery="daily", language="en")
    call_command("send_reminders", stdout=StringIO())

    by_recipient = {tuple(to): content for to, content in smtp_server.received}
    assert ("key_user@example.org",) in by_recipient
    assert ("owner@example.org",) in by_recipient
    sent = Message.objects.filter(status=Message.Status.SENT).count()
    assert sent == Message.objects.count() > 0

    for (address,), content in by_recipient.items():
        parsed = message_from_bytes(content, policy=policy.default)
        assert parsed["To"] == address
        assert parsed["Subject"]
        text = parsed.get_body(("plain",)).get_content()
        html = parsed.get_body(("html",)).get_content()
        assert "<html" in html
        links = set(re.findall(r"http://testserver[^\s\"<>]*", text + html))
        assert links, address
        username = address.split("@")[0]
        client = client_as(username) if username in vars(personas) else None
        for link in links:
            path = urlsplit(link).path
            resolve(path)  # raises Resolver404 for a link to nowhere
            if client is not None:
                assert client.get(path).status_code == 200, link

    owner_mail = message_from_bytes(by_recipient[("owner@example.org",)], policy=policy.default)
    digest = owner_mail.get_body(("plain",)).get_content()
    assert "Mailbox inrichten" in digest and "Rooster maken" in digest  # one digest, both
