"""Messages to users: in the application (Berichten) and by e-mail.

A message is stored once per recipient with a key that names what it is about
and when ("action:12:overdue:2026-11-30"): the daily rules may run any number
of times, a key exists once per recipient. Delivery by e-mail follows the
recipient's preference for the message's topic (requests to them, their own
deadlines, the managers' register signals), or their general one; a message is
claimed in the database before it is sent, so two servers running
`send_reminders` at once never send it twice.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately, one e-mail per message")
    DAILY = "daily", _("Once a day, all messages in one e-mail")
    WEEKLY = "weekly", _("Once a week (on Monday), all messages in one e-mail")
    OFF = "off", _("No e-mail; only in the application")


class Topic(models.TextChoices):
    """What a message is about, for the user's choice per topic of how it arrives."""

    REQUESTS = "requests", _("Invitations and requests to you")
    DEADLINES = "deadlines", _("Reminders of your deadlines")
    REGISTER = "register", _("Signals about the register")


AS_GENERAL = ""  # a topic's delivery that follows the general setting
TOPIC_DELIVERY_CHOICES = [(AS_GENERAL, _("As my general setting")), *Delivery.choices]


def _topic_delivery(label, help_text, default=AS_GENERAL):
    return models.CharField(
        label,
        max_length=20,
        choices=TOPIC_DELIVERY_CHOICES,
        blank=True,
        default=default,
        help_text=help_text,
    )


class Preference(models.Model):
    """How and in which language one user receives messages by e-mail: in
    general, and per topic where the user wants it otherwise."""

    Delivery = Delivery

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    delivery = models.CharField(
        _("e-mail me"), max_length=20, choices=Delivery, default=Delivery.IMMEDIATELY
    )
    requests_delivery = _topic_delivery(
        _("invitations and requests to me"),
        _(
            "Questionnaires and access reviews to answer, actions and test items given to "
            "you, news about your wishes."
        ),
    )
    deadlines_delivery = _topic_delivery(
        _("reminders of my deadlines"),
        _(
            "A week before, the day before and after the due date of your actions, "
            "questionnaires, access reviews and KPI values."
        ),
    )
    # Daily by default: a manager's first run finds every ending assignment,
    # leaver, contract and vacant role at once, and should get one e-mail of
    # them, not a hundred.
    register_delivery = _topic_delivery(
        _("signals about the register"),
        _(
            "For managers: assignments that end, people who leave, contracts to renew or "
            "end, roles without a holder."
        ),
        default=Delivery.DAILY,
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

    def delivery_for(self, topic: str) -> str:
        """How messages of `topic` reach this user: the topic's own setting, or
        the general one."""
        return getattr(self, TOPIC_FIELDS[topic]) or self.delivery


TOPIC_FIELDS = {
    Topic.REQUESTS: "requests_delivery",
    Topic.DEADLINES: "deadlines_delivery",
    Topic.REGISTER: "register_delivery",
}


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
    # Which of the user's settings per topic decides how it is delivered.
    topic = models.CharField(_("topic"), max_length=20, choices=Topic, default=Topic.REQUESTS)
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
