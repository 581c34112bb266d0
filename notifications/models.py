"""Messages to users: in the application (Berichten) and by e-mail.

A message is stored once per recipient with a key that names what it is about
and when ("action:12:overdue:2026-11-30"): the daily rules may run any number
of times, a key exists once per recipient. Delivery by e-mail follows the
recipient's preference; a message is claimed in the database before it is
sent, so two servers running `send_reminders` at once never send it twice.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Preference(models.Model):
    """How and in which language one user receives messages by e-mail."""

    class Delivery(models.TextChoices):
        IMMEDIATELY = "immediately", _("Immediately, one e-mail per message")
        DAILY = "daily", _("Once a day, all messages in one e-mail")
        WEEKLY = "weekly", _("Once a week (on Monday), all messages in one e-mail")
        OFF = "off", _("No e-mail; only in the application")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    delivery = models.CharField(
        _("e-mail me"), max_length=20, choices=Delivery, default=Delivery.IMMEDIATELY
    )
    language = models.CharField(
        _("language of the e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return str(self.user)


class Message(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("To be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed, retried on the next run")
        NOT_MAILED = "not_mailed", _("Not mailed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    # What it is about, e.g. "action-due" or "questionnaire-overdue": groups a digest.
    kind = models.CharField(_("kind"), max_length=50)
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)  # a path of this site
    key = models.CharField(max_length=200)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    # The run that claimed it, and when: a run that died leaves its claim, which
    # a later run takes over after CLAIM_TIMEOUT.
    claim = models.CharField(max_length=40, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="one_message_per_key")
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="message_unread")]

    def __str__(self):
        return self.subject

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
