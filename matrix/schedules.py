"""Recurring access reviews: on a schedule's date the daily run starts the next
round over its components and asks their owners (reviews.review_started)."""

from datetime import date, timedelta

from django.db import transaction
from django.utils.formats import date_format

from matrix.models import ReviewRound, ReviewSchedule
from matrix.reviews import review_started
from notifications.reminders import next_start


def schedules_due(*, today: date) -> list[int]:
    return list(
        ReviewSchedule.objects.filter(is_active=True, next_date__lte=today).values_list(
            "pk", flat=True
        )
    )


@transaction.atomic
def schedule_start_round(*, pk: int, today: date) -> ReviewRound | None:
    """Start the round schedule `pk` is due for, once: the schedule row is locked
    and its date moved on in the same transaction, so a second run (today, or
    on another server at the same moment) finds it no longer due."""
    schedule = (
        ReviewSchedule.objects.select_for_update()
        .filter(pk=pk, is_active=True, next_date__lte=today)
        .first()
    )
    if schedule is None:
        return None
    review = ReviewRound.objects.create(
        name=f"{schedule.name} {date_format(schedule.next_date, 'F Y')}",
        deadline=today + timedelta(days=schedule.answer_days),
    )
    review.components.set(schedule.components.all())
    schedule.next_date = next_start(schedule.next_date, months=schedule.every_months, today=today)
    # save(), not update(): the history records the move, so an edit form opened
    # before it is refused instead of putting the old date back.
    schedule.save(update_fields=["next_date"])
    review_started(review, by=None)
    return review


def schedules_run(*, today: date) -> int:
    """Start every round due today; how many were started."""
    return sum(
        schedule_start_round(pk=pk, today=today) is not None for pk in schedules_due(today=today)
    )
