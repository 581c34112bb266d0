"""Lists and reports are cached per process, never served stale."""

import re

from django.urls import reverse

from beheer.models import OrganisationSettings
from tests.beheer import makers


def test_a_change_shows_at_once_in_a_cached_list(client_as):
    person = makers.person("Voor")
    client = client_as("mt")
    assert "Voor" in client.get(reverse("beheer:people")).content.decode()

    person.name = "Na"
    person.save()

    content = client.get(reverse("beheer:people")).content.decode()
    assert ">Na<" in content and ">Voor<" not in content


def test_a_deletion_shows_at_once_in_the_risk_report(client_as, empty_register):
    role = makers.role("Tijdelijke rol")
    client = client_as("mt")
    assert "Tijdelijke rol" in client.get(reverse("beheer:risks")).content.decode()

    role.delete()

    assert "Tijdelijke rol" not in client.get(reverse("beheer:risks")).content.decode()


def test_changing_a_limit_changes_the_report(client_as, empty_register):
    busy = makers.person("Druk")
    for number in range(3):
        makers.assign(busy, makers.role(f"Rol {number}"))
    client = client_as("mt")
    assert 'data-rule="overloaded">0<' in client.get(reverse("beheer:risks")).content.decode()

    settings = OrganisationSettings.load()
    settings.max_roles_per_person = 2
    settings.save()

    assert 'data-rule="overloaded">1<' in client.get(reverse("beheer:risks")).content.decode()


def test_saving_the_settings_never_lowers_the_data_version(db):
    stale = OrganisationSettings.load()
    OrganisationSettings.register_changed()
    OrganisationSettings.register_changed()

    stale.name = "Nieuwe naam"
    stale.save()

    assert OrganisationSettings.load().data_version == 3


def test_the_cache_is_per_language(client_as):
    makers.person()
    client = client_as("mt")
    client.get(reverse("beheer:people"))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    content = client.get(reverse("beheer:people")).content.decode()

    assert "Search and filter" in content


def test_a_second_visit_is_served_from_the_cache(client_as, django_assert_max_num_queries):
    for number in range(30):
        makers.person(f"Persoon {number:02d}")
    client = client_as("mt")
    url = reverse("beheer:people") + "?sort=-name"
    first = client.get(url).content.decode()

    with django_assert_max_num_queries(5):  # session, user, groups, settings; no rows
        second = client.get(url).content.decode()

    without_tokens = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert without_tokens.sub("", second) == without_tokens.sub("", first)
    assert second.index("Persoon 29") < second.index("Persoon 28")
