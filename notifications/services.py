"""Storing messages and delivering them by e-mail.

- `messages_create` stores the daily run's reminders: one message per
  recipient and key, in the recipient's language, with a fixed number of
  queries however many recipients there are.
- `messages_deliver` claims the messages due for e-mail under the recipient's
  setting for each message's topic (or their general one) with one conditional
  UPDATE (the claim marks them with this run's token; a row another run has
  claimed no longer matches), sends them, and records per message whether it
  was sent or why not. A failure is retried on the next run, up to
  MAX_ATTEMPTS; a run that died while sending leaves its claim, which a later
  run takes over after CLAIM_TIMEOUT. A recipient's messages on a digest go
  out as one e-mail, grouped by topic; those wanted immediately one by one.
- `notify` and `notify_many` are the "at once" messages other apps call (one
  recipient, or many with a fixed number of queries); they are delivered
  after the caller's transaction commits, when the recipient wants e-mail
  immediately.
"""

import logging
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from beheer.models import OrganisationSettings
from notifications.models import TOPIC_FIELDS, Message, Preference, Topic
from notifications.reminders import Reminder, collect_reminders

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BATCH_SIZE = 500
CLAIM_TIMEOUT = timedelta(hours=1)
D = Preference.Delivery


def preferences_of(user_ids) -> dict[int, Preference]:
    """Each user's preference, the default for those without a row; one query."""
    found = {p.user_id: p for p in Preference.objects.filter(user_id__in=set(user_ids))}
    return {pk: found.get(pk) or Preference(user_id=pk) for pk in user_ids}


def _render(subject, text, params: dict) -> tuple[str, str]:
    subject = str(subject) % params if params else str(subject)
    text = str(text) % params if params else str(text)
    return subject[:300], text


@transaction.atomic
def messages_create(*, reminders: list[Reminder]) -> int:
    """Store the reminders not stored before; returns how many are new.

    Two queries, however many recipients: the recipients' preferences and the
    keys already stored; then the inserts, in batches of up to BATCH_SIZE
    messages (fewer on SQLite, which caps the parameters of a query)."""
    user_ids = {pk for reminder in reminders for pk in reminder.recipients}
    if not user_ids:
        return 0
    preferences = preferences_of(user_ids)
    keys = {reminder.key for reminder in reminders}
    existing = set(
        Message.objects.filter(recipient_id__in=user_ids, key__in=keys).values_list(
            "recipient_id", "key"
        )
    )
    now = timezone.now()
    rendered: dict[tuple[str, str], tuple[str, str]] = {}
    new = []
    for reminder in reminders:
        for user_id in reminder.recipients:
            if (user_id, reminder.key) in existing:
                continue
            existing.add((user_id, reminder.key))
            language = preferences[user_id].language
            if (reminder.key, language) not in rendered:
                with translation.override(language):
                    rendered[reminder.key, language] = _render(
                        reminder.subject, reminder.text, reminder.params
                    )
            subject, text = rendered[reminder.key, language]
            new.append(
                Message(
                    recipient_id=user_id,
                    kind=reminder.kind,
                    key=reminder.key,
                    subject=subject,
                    text=text,
                    url=reminder.url,
                    topic=reminder.topic,
                    created_at=now,
                )
            )
    # ignore_conflicts: a run on another server may have stored the same key
    # between our read and this insert; the unique constraint keeps one.
    Message.objects.bulk_create(new, batch_size=BATCH_SIZE, ignore_conflicts=True)
    return len(new)


def reminders_create(*, today: date) -> int:
    return messages_create(reminders=collect_reminders(today=today))


def notify(
    user,
    kind: str,
    subject,
    text,
    url: str = "",
    key: str = "",
    params: dict | None = None,
    topic: str = Topic.REQUESTS,
) -> Message | None:
    """An "at once" message to `user` (an action assigned, a wish's status):
    `notify_many` for one recipient. Returns the message stored (its id is not
    read back: it is stored in bulk), or None when the user has no active login
    or already has a message with this key."""
    new = _notify([user], kind, subject, text, url=url, key=key, params=params, topic=topic)
    return new[0] if new else None


def notify_many(
    users,
    kind: str,
    subject,
    text,
    url: str = "",
    key: str = "",
    params: dict | None = None,
    topic: str = Topic.REQUESTS,
) -> int:
    """The same "at once" message to each of `users` (the invitations of a
    round): stored now, e-mailed after the transaction commits to those who
    want e-mail immediately for `topic`, else with their next digest. `subject`
    and `text` may be lazy strings with %(name)s placeholders filled from
    `params`: they are rendered in each recipient's language. A recipient who
    already has a message with `key` gets no second one. Nobody without an
    active login gets one. Returns how many messages were stored.

    A fixed number of queries, however many recipients: their preferences, the
    keys already stored, the inserts in batches of up to BATCH_SIZE; after the
    commit one delivery run for all of them."""
    return len(_notify(users, kind, subject, text, url=url, key=key, params=params, topic=topic))


def _notify(users, kind, subject, text, *, url, key, params, topic) -> list[Message]:
    recipients = {user.pk: user for user in users if user is not None and user.is_active}
    if not recipients:
        return []
    preferences = preferences_of(recipients)
    key = key or f"{kind}:{uuid.uuid4().hex}"
    existing = set(
        Message.objects.filter(recipient_id__in=recipients, key=key).values_list(
            "recipient_id", flat=True
        )
    )
    now = timezone.now()
    rendered: dict[str, tuple[str, str]] = {}
    new = []
    for user_id in [pk for pk in recipients if pk not in existing]:
        language = preferences[user_id].language
        if language not in rendered:
            with translation.override(language):
                rendered[language] = _render(subject, text, params or {})
        new.append(
            Message(
                recipient_id=user_id,
                kind=kind,
                key=key,
                topic=topic,
                subject=rendered[language][0],
                text=rendered[language][1],
                url=url,
                created_at=now,
            )
        )
    # ignore_conflicts: a concurrent request or run may have stored the same key
    # for someone between our read and this insert; the unique constraint keeps one.
    Message.objects.bulk_create(new, batch_size=BATCH_SIZE, ignore_conflicts=True)
    at_once = [
        m.recipient_id
        for m in new
        if preferences[m.recipient_id].delivery_for(topic) == D.IMMEDIATELY
    ]
    if at_once:
        # By recipient and key, not by id: a bulk insert that ignores conflicts
        # reads no ids back; the key is unique per recipient.
        stored = Message.objects.filter(recipient_id__in=at_once, key=key).values("pk")
        transaction.on_commit(lambda: messages_deliver(only=stored), robust=True)
    return new


# --- Delivery ---------------------------------------------------------------------------


@dataclass
class Delivered:
    sent: int = 0
    failed: int = 0
    not_mailed: int = 0
    mails: int = 0


def _due_deliveries(today: date) -> list[str]:
    due = [D.IMMEDIATELY, D.DAILY]
    if today.weekday() == 0:  # Monday
        due.append(D.WEEKLY)
    return due


def _delivered(deliveries) -> Q:
    """The messages whose recipient wants their topic delivered in one of
    `deliveries`: the topic's own setting, else the general one, else (no
    settings saved) the defaults. One condition, so the claim stays one UPDATE."""
    preference = "recipient__notification_preference__"
    defaults = Preference()
    found = Q(pk__in=[])
    for topic, field in TOPIC_FIELDS.items():
        wanted = Q(**{f"{preference}{field}__in": deliveries}) | (
            Q(**{f"{preference}{field}": ""}) & Q(**{f"{preference}delivery__in": deliveries})
        )
        if defaults.delivery_for(topic) in deliveries:
            wanted |= Q(recipient__notification_preference__isnull=True)
        found |= Q(topic=topic) & wanted
    return found


def _claimable(now) -> Q:
    retry = Q(status=Message.Status.FAILED, attempts__lt=MAX_ATTEMPTS)
    abandoned = Q(status=Message.Status.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT)
    return Q(status=Message.Status.PENDING) | retry | abandoned


def messages_deliver(*, today: date | None = None, only=None, connection=None) -> Delivered:
    """E-mail the messages due today under each recipient's preference; `only`
    limits the run to some messages (their ids, or a query of them).

    A fixed number of queries: marking the "no e-mail" ones, the claim, reading
    what was claimed (with recipients, preferences and persons), the
    organisation's settings, and one update per outcome."""
    now = timezone.now()
    today = today or timezone.localdate()
    result = Delivered()
    candidates = Message.objects.filter(_claimable(now))
    if only is not None:
        candidates = candidates.filter(pk__in=only)
    # What a user wants without e-mail stays in the application only.
    result.not_mailed += candidates.filter(_delivered([D.OFF])).update(
        status=Message.Status.NOT_MAILED, claim="", claimed_at=None
    )
    due = candidates.filter(_delivered(_due_deliveries(today)))
    token = uuid.uuid4().hex
    # The claim: one UPDATE whose WHERE still requires a claimable status. Of two
    # runs updating the same row, the second re-evaluates the condition after the
    # first commits and finds it claimed, so each message goes to one run only.
    claimed = Message.objects.filter(_claimable(now), pk__in=due.values("pk"))
    if not claimed.update(status=Message.Status.SENDING, claim=token, claimed_at=now):
        return result
    messages = list(
        Message.objects.filter(claim=token, status=Message.Status.SENDING)
        .select_related("recipient__notification_preference", "recipient__person")
        .order_by("recipient_id", "created_at", "pk")
    )
    per_recipient: dict[int, list[Message]] = defaultdict(list)
    for message in messages:
        per_recipient[message.recipient_id].append(message)
    organisation = OrganisationSettings.load()
    sent: list[int] = []
    not_mailed: dict[str, list[int]] = defaultdict(list)
    failures: dict[str, list[int]] = defaultdict(list)
    connection = connection or get_connection()
    for batch in per_recipient.values():
        user = batch[0].recipient
        reason = _no_mail_reason(user, today=today)
        if reason:
            not_mailed[reason].extend(m.pk for m in batch)
            continue
        preference = _preference(user)
        at_once = [m for m in batch if preference.delivery_for(m.topic) == D.IMMEDIATELY]
        digest = [m for m in batch if preference.delivery_for(m.topic) != D.IMMEDIATELY]
        for group in [[m] for m in at_once] + ([digest] if digest else []):
            mail = compose(user=user, messages=group, preference=preference, org=organisation)
            try:
                connection.send_messages([mail])
            except Exception as error:  # any transport error: record it, retry next run
                log.warning("mail to user %s failed: %s", user.pk, error)
                failures[f"{type(error).__name__}: {error}"[:500]].extend(m.pk for m in group)
            else:
                sent.extend(m.pk for m in group)
                result.mails += 1
    _record(sent, not_mailed, failures, token=token, now=now)
    result.sent += len(sent)
    result.not_mailed += sum(len(pks) for pks in not_mailed.values())
    result.failed += sum(len(pks) for pks in failures.values())
    return result


def _record(sent, not_mailed, failures, *, token: str, now) -> None:
    """One UPDATE per outcome (and per distinct error), not one per message."""
    mine = Message.objects.filter(claim=token)
    if sent:
        mine.filter(pk__in=sent).update(
            status=Message.Status.SENT, sent_at=now, attempts=F("attempts") + 1, last_error=""
        )
    for reason, pks in not_mailed.items():
        mine.filter(pk__in=pks).update(status=Message.Status.NOT_MAILED, last_error=reason)
    for error, pks in failures.items():
        mine.filter(pk__in=pks).update(
            status=Message.Status.FAILED, attempts=F("attempts") + 1, last_error=error
        )


def _preference(user) -> Preference:
    try:
        return user.notification_preference
    except Preference.DoesNotExist:
        return Preference(user=user)


def _no_mail_reason(user, *, today: date) -> str:
    """Why this user gets no e-mail ("" when they do): an inactive login, no
    address, or their person in the register has left. Shown to beheerders,
    in English like the transport errors beside it."""
    if not user.is_active:
        return "login inactive"
    if not user.email:
        return "no e-mail address"
    person = getattr(user, "person", None)
    if person is not None and (not person.is_active or person.has_left(today)):
        return "has left"
    return ""


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path if path.startswith("/") else path


def compose(
    *, user, messages: list[Message], preference: Preference, org
) -> EmailMultiAlternatives:
    """One e-mail, plain text and HTML, in the recipient's language: a single
    message, or a digest of several, grouped by topic."""
    for message in messages:
        message.link = absolute(message.url) if message.url else ""
    with translation.override(preference.language):
        sections = [
            {"topic": label, "messages": [m for m in messages if m.topic == topic]}
            for topic, label in Topic.choices
        ]
        sections = [section for section in sections if section["messages"]]
        context = {
            "user": user,
            "messages": messages,
            "single": messages[0] if len(messages) == 1 else None,
            "sections": sections,
            "weekly": all(preference.delivery_for(m.topic) == D.WEEKLY for m in messages),
            "organisation": org,
            "language": preference.language,
            "settings_url": absolute(reverse("notifications:settings")),
            "inbox_url": absolute(reverse("notifications:inbox")),
        }
        subject = render_to_string("notifications/email/subject.txt", context).strip()
        text = render_to_string("notifications/email/message.txt", context)
        html = render_to_string("notifications/email/message.html", context)
    mail = EmailMultiAlternatives(
        subject=" ".join(subject.split())[:200],
        body=text,
        to=[user.email],
        headers={"Auto-Submitted": "auto-generated", "Content-Language": preference.language},
    )
    mail.attach_alternative(html, "text/html")
    return mail
