"""Reads for the notification pages and the header's bell."""

from notifications.models import Message


def unread_count(user) -> int:
    """The bell's number: one query, on the (recipient, read_at) index."""
    if not user.is_authenticated:
        return 0
    return Message.objects.filter(recipient=user, read_at__isnull=True).count()


def inbox(user):
    return Message.objects.filter(recipient=user).only(
        "pk", "kind", "subject", "text", "url", "created_at", "read_at"
    )


def sent_log():
    """What was sent to whom, when and how it went; never the bodies."""
    return Message.objects.select_related("recipient").defer("text").order_by("-created_at", "-pk")
