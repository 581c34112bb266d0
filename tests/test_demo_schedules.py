"""After `make run` the recurring rounds are there to see: a half-yearly access
review over the main components and a yearly self-assessment of one department,
both starting later, so the demo's first daily run opens no round."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from beheer.defaults import COMPONENTS
from matrix.models import ReviewRound, ReviewSchedule
from maturity.models import Assessment, AssessmentSchedule


def _load():
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=StringIO())


def test_the_demo_plans_one_access_review_and_one_yearly_assessment(db, client):
    _load()
    today = timezone.localdate()

    [review] = ReviewSchedule.objects.all()
    assert review.every_months == 6 and review.is_active
    assert review.next_date > today
    assert {c.name for c in review.components.all()} == {name for name, *_ in COMPONENTS}
    [assessment] = AssessmentSchedule.objects.select_related("department")
    assert assessment.every_months == 12 and assessment.is_active
    assert assessment.department.name == "Wonen"
    assert today < assessment.next_date <= today.replace(year=today.year + 1)

    client.force_login(get_user_model().objects.get(username="manager"))
    assert review.next_date.strftime("%d-%m-%Y") in client.get(reverse("matrix:reviews")).text
    index = client.get(reverse("maturity:index")).text
    assert assessment.next_date.strftime("%d-%m-%Y") in index


def test_loading_again_plans_nothing_twice_and_the_first_run_opens_no_round(db):
    _load()
    rounds, assessments = ReviewRound.objects.count(), Assessment.objects.count()
    _load()
    assert ReviewSchedule.objects.count() == AssessmentSchedule.objects.count() == 1

    call_command("send_reminders", "--no-mail", stdout=StringIO())
    assert (ReviewRound.objects.count(), Assessment.objects.count()) == (rounds, assessments)
