import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from beheer import demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(base_url + "/")
    expect(page).to_have_url(re.compile(r"/login/\?next=/$"))
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(demo.DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_the_demo_manager_logs_in_and_switches_to_english(live_server, page: Page):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)

    _log_in(page, live_server.url, "manager")

    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.get_by_role("link", name="Overzicht", exact=True).click()
    expect(page.get_by_role("columnheader", name="Wat leden mogen")).to_be_visible()

    page.get_by_role("button", name="EN").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("columnheader", name="What members may do")).to_be_visible()
    page.get_by_role("navigation", name="Home pages").get_by_role("link", name="My work").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")


def test_the_outsider_sees_the_no_access_page_and_can_log_out(live_server, page: Page):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)

    _log_in(page, live_server.url, "buitenstaander")

    expect(page.get_by_role("heading", level=1)).to_have_text("Nog geen toegang")
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/login/$"))


def test_the_skip_link_and_navigation_work_from_the_keyboard(live_server, page: Page):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    _log_in(page, live_server.url, "mt")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
