"""Reads for the notification pages and the header's bell."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from notifications.models import Message, Topic


def unread_count(user) -> int:
    """The bell's number: one query, on the (recipient, read_at) index."""
    if not user.is_authenticated:
        return 0
    return Message.objects.filter(recipient=user, read_at__isnull=True).count()


def inbox(user, *, topic: str = ""):
    found = Message.objects.filter(recipient=user)
    if topic:
        found = found.filter(topic=topic)
    return found.only("pk", "kind", "topic", "subject", "text", "url", "created_at", "read_at")


def topic_counts(user) -> list[dict]:
    """Per topic the user has messages of: its label, how many, how many
    unread; one query."""
    rows = {
        row["topic"]: row
        for row in Message.objects.filter(recipient=user)
        .values("topic")
        .annotate(total=Count("pk"), unread=Count("pk", filter=Q(read_at__isnull=True)))
    }
    return [
        {
            "topic": topic,
            "label": label,
            "total": rows[topic]["total"],
            "unread": rows[topic]["unread"],
        }
        for topic, label in Topic.choices
        if topic in rows
    ]


@dataclass
class Bundle:
    """A day's signals about the register, shown as one entry of the list."""

    day: date
    messages: list = field(default_factory=list)
    is_bundle = True

    @property
    def unread(self) -> int:
        return sum(not message.is_read for message in self.messages)


def bundled(messages) -> list:
    """The messages in their order, with each day's signals about the register
    folded into one entry where it stands (at its newest): a manager's first run
    brings a hundred, which would bury the messages of their own work."""
    entries: list = []
    bundles: dict[date, Bundle] = {}
    for message in messages:
        if message.topic != Topic.REGISTER:
            entries.append(message)
            continue
        day = timezone.localdate(message.created_at)
        if day not in bundles:
            bundles[day] = Bundle(day=day)
            entries.append(bundles[day])
        bundles[day].messages.append(message)
    # A day with one signal needs no folding.
    return [e.messages[0] if isinstance(e, Bundle) and len(e.messages) == 1 else e for e in entries]


def sent_log():
    """What was sent to whom, when and how it went; never the bodies."""
    return Message.objects.select_related("recipient").defer("text").order_by("-created_at", "-pk")
