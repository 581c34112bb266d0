"""Recurring assessments: on a schedule's date the daily run opens the next
round of its department and invites the previous round's respondents who may
still answer (selectors.invitable_people)."""

from datetime import date, timedelta

from django.db import transaction
from django.utils.formats import date_format

from maturity import selectors, services
from maturity.models import Assessment, AssessmentSchedule, AssessmentUserObjectPermission
from notifications.reminders import next_start


def schedules_due(*, today: date) -> list[int]:
    return list(
        AssessmentSchedule.objects.filter(is_active=True, next_date__lte=today).values_list(
            "pk", flat=True
        )
    )


@transaction.atomic
def schedule_open_round(*, pk: int, today: date) -> Assessment | None:
    """Open the round schedule `pk` is due for, once: the schedule row is locked
    and its date moved on in the same transaction, so a second run finds it no
    longer due."""
    schedule = (
        AssessmentSchedule.objects.select_for_update()
        .select_related("department")
        .filter(pk=pk, is_active=True, next_date__lte=today)
        .first()
    )
    if schedule is None:
        return None
    previous = (
        Assessment.objects.filter(department=schedule.department)
        .order_by("-period_end", "-id")
        .first()
    )
    answer_by = today + timedelta(days=schedule.answer_days)
    assessment = Assessment.objects.create(
        department=schedule.department,
        name=f"{schedule.name} {date_format(schedule.next_date, 'F Y')}",
        period_start=today,
        period_end=answer_by,
        answer_by=answer_by,
        is_open=True,
        **({"threshold": previous.threshold} if previous else {}),
    )
    schedule.next_date = next_start(schedule.next_date, months=schedule.every_months, today=today)
    # save(), not update(): the history records the move, so an edit form opened
    # before it is refused instead of putting the old date back.
    schedule.save(update_fields=["next_date"])
    if previous is not None:
        asked_before = AssessmentUserObjectPermission.objects.filter(
            content_object=previous, permission__codename="respond_assessment"
        ).values("user_id")
        people = selectors.invitable_people(today=today).filter(user__in=asked_before)
        services.assessment_invite(assessment=assessment, people=people)
    return assessment


def schedules_run(*, today: date) -> int:
    """Open every round due today; how many were opened."""
    return sum(
        schedule_open_round(pk=pk, today=today) is not None for pk in schedules_due(today=today)
    )
