"""Start the recurring rounds due today, create the reminders due today and
e-mail what is due; run daily (cron).

Running it twice the same day sends nothing twice: reminders are stored once
per recipient and key, and each message is claimed in the database before it
is sent, so two app servers may both run it."""

from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from notifications import services
from notifications.reminders import run_schedules


class Command(BaseCommand):
    help = "Create today's reminders and e-mail the messages that are due."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=date.fromisoformat, help="Act as if today were this date (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--no-mail", action="store_true", help="Only create the messages; send nothing."
        )

    def handle(self, *args, date=None, no_mail=False, **options):
        today = date or timezone.localdate()
        # Rounds first: a round started today sends its invitations with this run.
        rounds = run_schedules(today=today)
        self.stdout.write(f"{rounds} new rounds")
        created = services.reminders_create(today=today)
        self.stdout.write(f"{created} new messages")
        if no_mail:
            return
        result = services.messages_deliver(today=today)
        self.stdout.write(
            f"{result.mails} e-mails sent for {result.sent} messages; "
            f"{result.failed} failed (retried on the next run); "
            f"{result.not_mailed} not mailed"
        )
        if result.failed:
            # Non-zero so cron reports it; the failed messages stay queued.
            raise SystemExit(1)
