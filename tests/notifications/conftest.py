from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.utils import timezone

from beheer.models import Person
from notifications import services
from notifications.models import Message


@pytest.fixture
def people(personas):
    """Every persona as a person in the register, linked to their login."""
    return SimpleNamespace(
        **{
            name: Person.objects.create(
                name=name.replace("_", " ").title(), user=getattr(personas, name)
            )
            for name in ("beheerder", "manager", "owner", "key_user", "mt", "outsider")
        }
    )


def days(n: int, today: date | None = None) -> date:
    return (today or timezone.localdate()) + timedelta(days=n)


def run(today: date | None = None):
    """What `send_reminders` does: create today's reminders, deliver what is due."""
    today = today or timezone.localdate()
    services.reminders_create(today=today)
    return services.messages_deliver(today=today)


def mails_to(user) -> list:
    return [m for m in mail.outbox if user.email in m.to]


def messages_of(user, kind_prefix: str = "") -> list[Message]:
    return list(Message.objects.filter(recipient=user, kind__startswith=kind_prefix))
