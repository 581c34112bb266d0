"""Whole pages are served again from the cache, safely."""

import re

from django.test import Client
from django.urls import reverse

from tests.beheer import makers

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_a_cached_page_costs_no_more_than_the_access_checks(
    client_as, django_assert_max_num_queries
):
    makers.person("Piet")
    client = client_as("mt")
    first = client.get(reverse("beheer:people")).content.decode()

    with django_assert_max_num_queries(4):  # session, user, groups, settings
        second = client.get(reverse("beheer:people")).content.decode()

    assert TOKEN.sub("", second) == TOKEN.sub("", first)


def test_the_forms_of_a_cached_page_still_pass_the_csrf_check(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.manager)
    client.get(reverse("dashboard"))
    cached = client.get(reverse("dashboard")).content.decode()
    token = TOKEN.search(cached).group(1)

    response = client.post(
        reverse("set_language"), {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 302


def test_each_user_gets_their_own_page(client_as):
    makers.person("Piet")
    client_as("manager").get(reverse("beheer:people"))

    reader = client_as("mt").get(reverse("beheer:people")).content.decode()

    assert reverse("beheer:person-create") not in reader
    assert "Mt" in reader  # the reader's own name in the header


def test_a_one_time_message_is_shown_once_and_never_cached(client_as):
    client = client_as("manager")
    client.get(reverse("beheer:components"))

    followed = client.post(
        reverse("beheer:component-create"), {"name": "Chatbot", "kind": "other"}, follow=True
    )
    assert "Chatbot is toegevoegd." in followed.content.decode()

    again = client.get(reverse("beheer:components")).content.decode()
    assert "Chatbot is toegevoegd." not in again
    assert "Chatbot" in again
