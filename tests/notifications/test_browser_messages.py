"""A manager gives the key user an action; the key user sees the badge in the
header, opens Berichten, follows the message to the action, and the badge clears."""

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from beheer.models import Person
from tests.browser import axe_violations, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_new_action_reaches_the_key_user_through_berichten(page: Page, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    key_user = Person.objects.get(user__username="keyuser")

    log_in(page, live_server.url, "manager")
    page.goto(live_server.url + "/overleg/acties/nieuw/")
    page.locator("#id_title").fill("Zoekfunctie portaal testen")
    page.locator("#id_owner").select_option(str(key_user.pk))
    page.locator("#id_due_date").fill("2026-12-24")
    page.get_by_role("button", name="De actie toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zoekfunctie portaal testen")
    page.context.clear_cookies()

    log_in(page, live_server.url, "keyuser")
    badge = page.locator(".messages-link [data-unread-count]")
    expect(badge).to_have_attribute("data-unread-count", "1")
    page.get_by_role("link", name="Berichten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Berichten")
    assert axe_violations(page) == []
    message = page.locator(".notification-list li.unread")
    expect(message).to_contain_text("Zoekfunctie portaal testen")
    message.get_by_role("button", name="Openen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Zoekfunctie portaal testen")
    expect(page.locator(".messages-link [data-unread-count]")).to_have_attribute(
        "data-unread-count", "0"
    )
