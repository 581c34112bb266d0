"""Pages run a fixed number of queries, whatever the amount of data."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import HttpRequest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from beheer.models import Component, Department, Person, Role, ServiceProcess, Supplier


def _pages():
    person = Person.objects.get(email="s.devries@delinde.example")  # holds the most roles
    return [
        reverse("dashboard"),
        reverse("beheer:components"),
        reverse("beheer:roles"),
        reverse("beheer:people"),
        reverse("beheer:processes"),
        reverse("beheer:suppliers"),
        reverse("beheer:departments"),
        reverse("beheer:risks"),
        reverse("beheer:risks-xlsx"),
        Component.objects.get(name="Klantvolgsysteem").get_absolute_url(),
        Role.objects.get(name="Functioneel beheer").get_absolute_url(),
        person.get_absolute_url(),
        reverse("beheer:person-card", args=[person.pk]),
        reverse("beheer:person-update", args=[person.pk]),
        ServiceProcess.objects.get(name="Reparatieverzoek").get_absolute_url(),
        Supplier.objects.get(name="KlantLink B.V.").get_absolute_url(),
        Department.objects.get(name="Wonen").get_absolute_url(),
    ]


def _query_counts(client) -> dict[str, int]:
    counts = {}
    for url in _pages():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_data(client):
    call_command("loaddemo", allow_public_demo_passwords=True, scale=1, stdout=None)
    client.login(request=HttpRequest(), username="manager", password="beheer-demo")
    small = _query_counts(client)

    call_command("loaddemo", allow_public_demo_passwords=True, scale=4, stdout=None)
    large = _query_counts(client)

    assert large == small
    # Mijn werk asks every app for the person's work (a fixed number each); the
    # register's own pages need fewer.
    assert small.pop(reverse("dashboard")) <= 20
    assert max(small.values()) <= 18, small
