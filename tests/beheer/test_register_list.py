"""The register's lists: the project's table rendering and the cached listing."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from beheer.detail_urls import DetailUrls
from beheer.models import Component, Department, Person, Role, ServiceProcess, Supplier
from tests.beheer import makers

pytestmark = pytest.mark.usefixtures("empty_register")


def _rows(content: str) -> list[str]:
    return re.findall(r"<tr class=\"(?:even|odd)\">(.*?)</tr>", content)


def test_a_person_row_shows_links_words_and_dates(client_as):
    wonen = Department.objects.create(name="Wonen & Zorg")
    flex = Supplier.objects.create(name="Flex IT")
    person = makers.person(
        "Eef <Extern>",
        job_title="Adviseur",
        department=wonen,
        is_external=True,
        supplier=flex,
        leaving_date=makers.today().replace(year=2031, month=1, day=31),
    )
    makers.assign(person, makers.role("Rol 1"))
    makers.assign(person, makers.role("Rol 2"), kind="deputy")

    content = client_as("mt").get(reverse("beheer:people")).content.decode()

    assert _rows(content) == [
        f'<td ><a href="{person.get_absolute_url()}">Eef &lt;Extern&gt;</a></td>'
        "<td >Adviseur</td>"
        f'<td ><a href="{wonen.get_absolute_url()}">Wonen &amp; Zorg</a></td>'
        '<td ><span class="true">ja</span></td>'
        "<td >Flex IT</td>"
        '<td ><span class="true">ja</span></td>'
        '<td class="date">31-01-2031</td>'
        '<td class="number">2</td>'
    ]


def test_empty_values_show_a_dash_and_choices_their_label(client_as):
    makers.person("Ina Intern")
    makers.component("CRM", kind="crm")

    people = client_as("mt").get(reverse("beheer:people")).content.decode()
    components = client_as("mt").get(reverse("beheer:components")).content.decode()

    assert "<td >—</td>" in _rows(people)[0]  # no department, no supplier or firm
    assert '<td class="date">—</td>' in _rows(people)[0]
    assert "<td >Klantvolgsysteem (CRM)</td>" in _rows(components)[0]


def test_the_roles_show_their_holders_and_vacancies(client_as):
    held, vacant = makers.role("Bezet"), makers.role("Vacant")
    anna, bob = makers.person("Anna"), makers.person("Bob")
    makers.assign(anna, held)
    makers.assign(bob, held, kind="deputy")

    content = client_as("mt").get(reverse("beheer:roles")).content.decode()

    bezet, leeg = _rows(content)
    assert f'<a href="{anna.get_absolute_url()}">Anna</a>' in bezet
    assert f'<a href="{bob.get_absolute_url()}">Bob</a>' in bezet
    assert vacant.get_absolute_url() in leeg
    assert 'class="badge badge-risk">vacant<' in leeg


def test_sorting_and_paging_keep_the_filters(client_as):
    for number in range(30):
        makers.person(f"Persoon {number:02}", is_external=number % 2 == 0)

    content = client_as("mt").get(reverse("beheer:people"), {"q": "Persoon"}).content.decode()

    assert len(_rows(content)) == 25
    assert 'href="?q=Persoon&amp;sort=-name"' in content  # the sorted column's link
    assert 'href="?q=Persoon&amp;page=2"' in content
    assert '<li class="next"><a href="?q=Persoon&amp;page=2">volgende</a></li>' in content
    second = client_as("mt").get(reverse("beheer:people"), {"q": "Persoon", "page": 2})
    assert len(_rows(second.content.decode())) == 5


def test_a_page_beyond_the_last_shows_the_last(client_as):
    for number in range(30):
        makers.person(f"Persoon {number:02}")

    content = client_as("mt").get(reverse("beheer:people"), {"page": 9}).content.decode()

    assert len(_rows(content)) == 5


@pytest.mark.parametrize(
    "model", [Component, Department, Person, Role, ServiceProcess, Supplier], ids=str
)
def test_detail_addresses_are_those_of_the_records(db, model):
    records = [model.objects.create(name=f"Record {n}") for n in range(3)]
    urls = DetailUrls()

    assert [urls(record) for record in records] == [r.get_absolute_url() for r in records]


def test_a_record_whose_address_needs_more_than_its_key_keeps_its_own():
    class Elsewhere:
        def __init__(self, pk, name="placeholder"):
            self.pk, self.name = pk, name

        def get_absolute_url(self):
            return f"/anders/{self.name}/"

    urls = DetailUrls()

    assert urls(Elsewhere(3, "drie")) == "/anders/drie/"
    assert urls(Elsewhere(4, "vier")) == "/anders/vier/"


# The cached listing -----------------------------------------------------------


def test_the_listing_comes_from_the_cache_the_second_time(client_as):
    makers.person("Anna")
    client = client_as("mt")
    client.get(reverse("beheer:people"))

    with CaptureQueriesContext(connection) as queries:
        content = client.get(reverse("beheer:people")).content.decode()

    assert ">Anna<" in content
    assert not [q for q in queries if "beheer_person" in q["sql"]]


def test_editors_see_their_buttons_and_readers_not_also_from_the_cache(client_as):
    makers.person("Anna")
    create = reverse("beheer:person-create")
    manager, reader = client_as("manager"), client_as("mt")

    first = manager.get(reverse("beheer:people")).content.decode()
    for_the_reader = reader.get(reverse("beheer:people")).content.decode()
    again = manager.get(reverse("beheer:people")).content.decode()

    assert create in first and create in again
    assert create not in for_the_reader
    assert ">Anna<" in for_the_reader
    settings = reverse("beheer:settings")  # in the register's navigation, for editors
    assert settings in first and settings in again and settings not in for_the_reader


def test_a_change_shows_at_once_in_a_cached_listing(client_as):
    person = makers.person("Voor")
    client = client_as("mt")
    client.get(reverse("beheer:people"))
    client.get(reverse("beheer:people"))  # from the cache

    person.name = "Na"
    person.save()

    content = client.get(reverse("beheer:people")).content.decode()
    assert ">Na<" in content and ">Voor<" not in content


def test_each_query_string_has_its_own_listing(client_as):
    makers.person("Interne Ina")
    makers.person("Externe Eef", is_external=True)
    client = client_as("mt")
    client.get(reverse("beheer:people"))

    content = client.get(reverse("beheer:people"), {"is_external": "true"}).content.decode()

    assert ">Externe Eef<" in content and ">Interne Ina<" not in content


def test_the_listing_follows_the_language(client_as):
    makers.person("Anna")
    client = client_as("mt")
    client.get(reverse("beheer:people"))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    content = client.get(reverse("beheer:people")).content.decode()

    assert "Search and filter" in content and "Zoeken en filteren" not in content


def test_roles_in_force_follow_the_date(client_as, monkeypatch):
    """The key holds the day: an assignment that ends today is gone tomorrow."""
    from datetime import timedelta

    from django.utils import timezone

    makers.assign(makers.person("Anna"), makers.role("Rol"), end=makers.today())
    client = client_as("mt")
    assert '<td class="number">1</td>' in client.get(reverse("beheer:people")).content.decode()

    tomorrow = makers.today() + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: tomorrow)

    assert '<td class="number">0</td>' in client.get(reverse("beheer:people")).content.decode()
