"""The governance pages and the agenda proposal run a fixed number of queries."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import HttpRequest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance import services
from governance.models import Action, Decision, Forum, Meeting


def _load(scale):
    call_command("loaddemo", allow_public_demo_passwords=True, scale=scale, stdout=io.StringIO())


def _pages():
    forum = Forum.objects.get(name_nl="Beheeroverleg")
    closed = forum.meetings.filter(status=Meeting.Status.CLOSED).first()
    action = Action.objects.filter(meeting__forum=forum).first()
    return [
        reverse("governance:forums"),
        forum.get_absolute_url(),
        closed.get_absolute_url(),
        reverse("governance:meeting-print", args=[closed.pk]),
        reverse("governance:decisions"),
        reverse("governance:decisions") + "?forum=" + str(forum.pk),
        reverse("governance:actions"),
        reverse("governance:actions") + "?status=&overdue=on",
        reverse("governance:actions") + "?mine=on",
        action.get_absolute_url(),
    ]


def _counts(client) -> dict[str, int]:
    counts = {}
    for url in _pages():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["manager", "keyuser"])
def test_the_pages_run_the_same_queries_at_scale_1_and_4(client, username):
    _load(1)
    client.login(request=HttpRequest(), username=username, password="beheer-demo")
    small = _counts(client)
    sizes = (Decision.objects.count(), Action.objects.count())

    _load(4)

    assert (Decision.objects.count(), Action.objects.count()) > sizes
    assert _counts(client) == small
    assert max(small.values()) <= 30, small


def _proposal_queries(meeting) -> int:
    with CaptureQueriesContext(connection) as queries:
        services.agenda_proposal(meeting=meeting)
    return len(queries)


@pytest.mark.django_db
def test_proposing_an_agenda_at_scale_20_takes_the_queries_of_scale_1():
    _load(1)
    kinds = [Forum.Kind.BEHEEROVERLEG, Forum.Kind.STUURGROEP, Forum.Kind.SUPPLIER]
    meetings = {
        kind: Meeting.objects.select_related("forum__supplier").filter(forum__kind=kind).first()
        for kind in kinds
    }
    small = {kind: _proposal_queries(meeting) for kind, meeting in meetings.items()}
    findings = len(services.agenda_proposal(meeting=meetings[Forum.Kind.BEHEEROVERLEG]))

    _load(20)

    assert Action.objects.count() > 20 * 40
    assert {kind: _proposal_queries(meeting) for kind, meeting in meetings.items()} == small
    assert len(services.agenda_proposal(meeting=meetings[Forum.Kind.BEHEEROVERLEG])) >= findings
    assert small[Forum.Kind.BEHEEROVERLEG] <= 25, small
