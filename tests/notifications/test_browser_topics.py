"""The demo's manager after the first daily run: the day's signals about the
register are one folded entry of Berichten, opened with a click and marked read
together; the settings page offers a delivery per topic. Both pass axe."""

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from notifications.models import Message, Topic
from tests.browser import axe_violations, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_managers_register_signals_fold_into_one_entry(page: Page, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    call_command("send_reminders", "--no-mail", stdout=None)
    signals = Message.objects.filter(recipient__username="manager", topic=Topic.REGISTER)
    count = signals.count()
    assert count > 1

    log_in(page, live_server.url, "manager")
    page.goto(live_server.url + "/berichten/")
    day = page.locator("details.register-day")
    expect(day).to_have_count(1)
    expect(day.locator("summary")).to_contain_text(str(count))
    inner = day.locator(".notification-list li")
    expect(inner.first).to_be_hidden()
    day.locator("summary").click()
    expect(inner).to_have_count(count)
    expect(inner.first).to_be_visible()
    assert axe_violations(page) == []

    page.locator(".register-day + form button").click()
    expect(page.locator("details.register-day")).to_have_count(1)
    assert not signals.filter(read_at__isnull=True).exists()
    assert Message.objects.filter(recipient__username="manager", read_at__isnull=True).exists()

    page.goto(live_server.url + "/berichten/instellingen/")
    expect(page.locator("#id_register_delivery")).to_have_value("daily")
    assert axe_violations(page) == []
