"""The maturity assessments' part of the daily run (notifications.reminders):
an invited respondent who has not submitted hears of the answer-by date a week
ahead, the day before (or on the day itself) and once it has passed; and the
recurring rounds due today are opened and their respondents invited."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from maturity.access import RESPOND
from maturity.models import AssessmentUserObjectPermission, Response
from notifications.reminders import Reminder, day_text, stage, user_present

_SUBJECTS = {
    "soon": _("Please answer “%(name)s” by %(date)s"),
    "tomorrow": _("Answer “%(name)s” by tomorrow"),
    "today": _("Answer “%(name)s” today"),
    "overdue": _("The answers to “%(name)s” were due on %(date)s"),
}


def reminders(*, today: date) -> list[Reminder]:
    """One query: the invitations to open rounds with an answer-by date within
    a week or past, whose respondent has not submitted."""
    submitted = Response.objects.filter(
        assessment=OuterRef("content_object"),
        respondent=OuterRef("user"),
        submitted_at__isnull=False,
    )
    present = get_user_model().objects.filter(user_present(today))
    invitations = (
        AssessmentUserObjectPermission.objects.filter(
            permission__codename=RESPOND,
            content_object__is_open=True,
            content_object__answer_by__lte=today + timedelta(days=7),
            user__in=present,
        )
        .exclude(Exists(submitted))
        .select_related("content_object__department")
        .order_by("content_object__answer_by", "pk")
    )
    found = []
    for invitation in invitations:
        assessment = invitation.content_object
        step = stage(assessment.answer_by, today=today, say_today=True)
        found.append(
            Reminder(
                kind="questionnaire-" + step,
                key=f"questionnaire:{assessment.pk}:{step}:{assessment.answer_by.isoformat()}",
                recipients=(invitation.user_id,),
                subject=_SUBJECTS[step],
                text=_(
                    "You are invited to fill in the maturity questionnaire “%(name)s” of "
                    "%(department)s. Please submit your answers by %(date)s."
                ),
                url=reverse("maturity:assessment", args=[assessment.pk]),
                params={
                    "name": assessment.name,
                    "department": assessment.department.name,
                    "date": day_text(assessment.answer_by),
                },
            )
        )
    return found


def run_schedules(*, today: date) -> int:
    """The recurring assessments due today (maturity.schedules)."""
    from maturity.schedules import schedules_run

    return schedules_run(today=today)
