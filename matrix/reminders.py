"""The access reviews' part of the daily reminders (notifications.reminders): the
owners of components a review round still waits for hear a week before its
deadline, the day before and once it has passed."""

from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from matrix.models import ReviewRound
from matrix.reviews import review_items
from notifications.reminders import Reminder, stage

_SUBJECTS = {
    "soon": _("Access review “%(round)s”: please answer by %(date)s"),
    "tomorrow": _("Access review “%(round)s”: the deadline is tomorrow"),
    "overdue": _("Access review “%(round)s”: your answers were due on %(date)s"),
}


def reminders(*, today: date) -> list[Reminder]:
    """A fixed number of queries per open round near its deadline (there are a
    few at a time), however many owners and items."""
    rounds = ReviewRound.objects.filter(
        closed_at__isnull=True, deadline__lte=today + timedelta(days=7)
    ).order_by("deadline", "pk")
    found = []
    for review in rounds:
        step = stage(review.deadline, today=today)
        if step is None:
            continue
        waiting = {
            owner.user_id
            for progress in review_items(review)
            if not progress.complete
            for owner in progress.owners
            if owner.user_id and owner.is_active
        }
        if waiting:
            found.append(
                Reminder(
                    kind="access-review-" + step,
                    key=f"access-review:{review.pk}:{step}:{review.deadline.isoformat()}",
                    recipients=tuple(sorted(waiting)),
                    subject=_SUBJECTS[step],
                    text=_(
                        "Some rights of your components in the access review “%(round)s” "
                        "have no answer yet. Confirm per person whether each right stays."
                    ),
                    url=review.get_absolute_url(),
                    params={"round": review.name, "date": review.deadline.strftime("%d-%m-%Y")},
                )
            )
    return found


def run_schedules(*, today: date) -> int:
    """The recurring review rounds due today (matrix.schedules)."""
    from matrix.schedules import schedules_run

    return schedules_run(today=today)
