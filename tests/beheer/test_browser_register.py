"""The register's main flows in a real browser, on the demo organisation."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from beheer.models import Person
from tests.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def manager_page(live_server, page: Page) -> Page:
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    log_in(page, live_server.url, "manager")
    return page


def test_a_new_deputy_clears_the_no_deputy_risk(manager_page: Page, live_server):
    page = manager_page
    page.goto(live_server.url + "/organisatie/borging/")
    no_deputy = page.locator("#no_deputy")
    expect(no_deputy.get_by_role("rowheader", name="Privacy & Security")).to_be_visible()

    # Add a person.
    page.get_by_role("link", name="Personen", exact=True).click()
    page.get_by_role("button", name="Persoon toevoegen").click()
    page.get_by_label("Naam").fill("Priya Ramdin")
    page.get_by_label("E-mailadres").fill("p.ramdin@delinde.example")
    page.get_by_label("Functie").fill("Privacy-adviseur")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Priya Ramdin")
    expect(page.get_by_text("Priya Ramdin is toegevoegd.")).to_be_visible()

    # Make her deputy of Privacy & Security from her page.
    page.get_by_text("Een rol toewijzen aan deze persoon").click()
    page.get_by_role("combobox", name="Rol").select_option(label="Privacy & Security")
    page.get_by_role("combobox", name="Als").select_option(label="Vervanger")
    page.get_by_role("button", name="Toewijzen", exact=True).click()
    expect(page.get_by_text("Priya Ramdin is nu vervanger van Privacy & Security.")).to_be_visible()

    page.get_by_role("link", name="Borging").first.click()
    expect(
        page.locator("#no_deputy").get_by_role("rowheader", name="Privacy & Security")
    ).to_have_count(0)


def test_a_person_leaving_shows_the_vacancies(manager_page: Page, live_server):
    page = manager_page
    lisa = Person.objects.get(email="l.vanleeuwen@delinde.example")  # sole holder of a role
    page.goto(live_server.url + lisa.get_absolute_url())

    page.get_by_role("button", name="Vertrek").click()
    page.get_by_label("Vertrekdatum").fill("2030-01-31")
    page.get_by_role("button", name="Toon de gevolgen").click()
    consequences = page.locator(".consequences")
    expect(consequences).to_contain_text("Privacy & Security")
    expect(consequences).to_contain_text("wordt vacant")

    page.get_by_role("button", name=re.compile("Bevestigen: vertrekt op 31-01-2030")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Lisa van Leeuwen")
    expect(page.get_by_text("Vanaf dan vacant: Privacy & Security")).to_be_visible()
    expect(page.get_by_text("Vertrekt op 31-01-2030", exact=True)).to_be_visible()


def test_the_role_card_of_the_busiest_person_prints_on_one_a4(manager_page: Page, live_server):
    page = manager_page
    sanne = Person.objects.get(email="s.devries@delinde.example")  # six roles
    page.goto(live_server.url + sanne.get_absolute_url())
    page.get_by_role("button", name="Rolkaart").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rolkaart: Sanne de Vries")

    pdf = page.pdf(format="A4", prefer_css_page_size=True)

    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
