"""The pages of a round run the same number of queries however far the
respondent is, and however many people are invited or may be invited."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from guardian.shortcuts import assign_perm

from beheer import groups
from beheer.models import Person
from maturity.models import Dimension, Response, Statement
from tests.maturity.conftest import answer, fill_and_submit


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_questionnaire_and_check_page_queries_do_not_grow_with_the_answers(
    client_as, assessment
):
    client = client_as("key_user")
    dimension = Dimension.objects.first()
    pages = [
        reverse("maturity:questionnaire", args=[assessment.pk, dimension.key]),
        reverse("maturity:submit", args=[assessment.pk]),
        reverse("maturity:assessment", args=[assessment.pk]),
    ]
    statements = list(Statement.objects.all())
    answer(client, assessment, statements[0], "fully", "Eerste")
    few = [_queries(client, url) for url in pages]

    for statement in statements[1:40]:
        answer(client, assessment, statement, "largely", "Met een opmerking")

    assert [_queries(client, url) for url in pages] == few


def _invitable(numbers: range, department) -> None:
    key_users = Group.objects.get_or_create(name=groups.KEY_USERS)[0]
    for n in numbers:
        user = get_user_model().objects.create_user(f"persoon{n}")
        user.groups.add(key_users)
        Person.objects.create(name=f"Persoon {n}", user=user, department=department)


def test_the_managers_round_page_queries_do_not_grow_with_the_people(client_as, assessment):
    manager = client_as("manager")
    url = reverse("maturity:assessment", args=[assessment.pk])
    _invitable(range(2), assessment.department)
    fill_and_submit(client_as("key_user"), assessment)
    manager.get(url)  # the organisation's settings are read once, then kept
    few = _queries(manager, url)

    _invitable(range(2, 17), assessment.department)
    for person in Person.objects.all()[:10]:
        assign_perm("maturity.respond_assessment", person.user, assessment)
        respondent = Client()
        respondent.force_login(person.user)
        answer(respondent, assessment, Statement.objects.first(), "fully")

    assert Response.objects.count() > 5
    assert _queries(manager, url) == few
