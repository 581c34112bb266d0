"""Every list and page of daily management runs the same queries at two sizes of
the demo, and so do its contributions to Mijn werk."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.http import HttpRequest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from beheer.models import Person
from operations import work
from operations.models import ChangeRequest, Contract, Course, Release, TrainingSession


def _load(scale):
    call_command("loaddemo", allow_public_demo_passwords=True, scale=scale, stdout=io.StringIO())


def _pages(*, reads_reports: bool):
    release = Release.objects.get(version="5.14")
    wish = ChangeRequest.objects.filter(release=release).first()
    crm = wish.component
    contract = Contract.objects.get(name="Licentie en support klantvolgsysteem")
    course = Course.objects.get(name="Basistraining Klantvolgsysteem")

    def url(name, *args):
        return reverse(f"operations:{name}", args=args)

    return [
        url("requests"),
        url("requests") + "?status=&sort=-priority",
        url("requests") + f"?component={crm.pk}&page=2&status=",
        url("requests-xlsx") + "?status=",
        url("board"),
        url("board") + f"?component={crm.pk}",
        url("request", wish.pk),
        url("releases"),
        url("releases") + "?sort=-tests",
        url("calendar"),
        url("release", release.pk),
        url("contracts"),
        url("contract", contract.pk),
        url("catalogue"),
        url("courses"),
        url("course", course.pk),
        url("session", TrainingSession.objects.filter(course=course).order_by("id").first().pk),
        *([url("gaps")] if reads_reports else []),
        url("guides"),
        reverse("beheer:person-card", args=[Person.objects.get(name="Yusuf Demir").pk]),
    ]


def _counts(client, username) -> dict[str, int]:
    counts = {}
    for url in _pages(reads_reports=username == "manager"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def _work_counts(user) -> tuple[int, int]:
    person = Person.objects.filter(user=user).first()
    today = timezone.localdate()
    with CaptureQueriesContext(connection) as mine:
        work.work_items(user=user, person=person, today=today)
    with CaptureQueriesContext(connection) as attention:
        work.attention_items(today=today)
    return len(mine), len(attention)


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["manager", "keyuser"])
def test_the_pages_run_the_same_queries_at_scale_1_and_3(client, username):
    _load(1)
    client.login(request=HttpRequest(), username=username, password="beheer-demo")
    small = _counts(client, username)
    work_small = _work_counts(_user(username))
    sizes = (ChangeRequest.objects.count(), Release.objects.count(), Contract.objects.count())

    _load(3)

    assert (ChangeRequest.objects.count(), Release.objects.count(), Contract.objects.count()) == (
        3 * sizes[0],
        3 * sizes[1],
        3 * sizes[2],
    )
    assert _counts(client, username) == small
    assert _work_counts(_user(username)) == work_small
    assert max(small.values()) <= 30, small


def _user(username):
    return get_user_model().objects.get(username=username)
