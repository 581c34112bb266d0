import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from beheer.tables import TABLE_ATTRS
from notifications.models import Message


class SentTable(tables.Table):
    """The beheerders' log: to whom, what about, when, how it went. No bodies."""

    recipient = tables.Column(verbose_name=_("recipient"), order_by=("recipient__username",))
    email = tables.Column(
        verbose_name=_("e-mail"), accessor="recipient__email", orderable=False, default=""
    )

    class Meta:
        model = Message
        fields = (
            "created_at",
            "recipient",
            "email",
            "kind",
            "subject",
            "status",
            "sent_at",
            "attempts",
            "last_error",
        )
        sequence = fields
        attrs = TABLE_ATTRS
        per_page = 50
        empty_text = _("Nothing has been sent yet.")
