import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from beheer.models import Person, Role
from matrix.models import Grant, Right
from tests.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_manager_grants_a_right_and_the_persons_page_shows_it(page: Page, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    right = Right.objects.get(name="Koppelingen beheren")
    role = Role.objects.get(name="Privacy & Security")
    lisa = Person.objects.get(email="l.vanleeuwen@delinde.example")  # holds Privacy & Security
    log_in(page, live_server.url, "manager")

    page.goto(live_server.url + "/beheermatrix/autorisaties/")
    column = page.evaluate(
        "(role) => Array.from(document.querySelectorAll('thead th[data-role]'))"
        ".findIndex((th) => th.dataset.role === role)",
        str(role.pk),
    )
    cell = page.locator(f"#right-{right.pk} > td:not(.row-status)").nth(column)
    cell.click()
    expect(page.locator(f"#right-{right.pk} > td:not(.row-status)").nth(column)).to_have_text("✓")
    assert Grant.objects.filter(right=right, role=role).exists()

    page.goto(live_server.url + lisa.get_absolute_url())
    expect(page.locator("#rights-heading + div")).to_contain_text("Koppelingen beheren")
