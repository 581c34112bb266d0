"""A wish from submitting to production in a real browser, in English (the Dutch
catalogue gets the new strings when the translations are merged; the flow is the
same): the key user submits it, the owner accepts and plans it into a release,
the key user tests it (failed, then passed), the release goes live, and the
lead-time KPI shows the new value."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.template.defaultfilters import floatformat
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from beheer import demo
from kpi.models import Kpi
from kpi.services import median_lead_times
from operations.models import ChangeRequest, Release, TestItem
from operations.selectors import lead_time_pairs

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _as(page: Page, live_server, username: str) -> None:
    """Log in as a demo account, then read the application in English. (Whatever
    the start page is: this test is about the pages after it.)"""
    page.context.clear_cookies()
    page.goto(live_server.url + "/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(demo.DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/login/" not in url)
    page.set_default_timeout(10_000)
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])


def _field(page: Page, label: str):
    """A form field by its label, which ends in * when the field is required."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}\b"))


def _daily_management(page: Page) -> None:
    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Daily management"
    ).click()


def test_a_wish_from_the_key_user_to_production_and_the_lead_time_kpi(page: Page, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    release = Release.objects.get(component__name="Klantvolgsysteem", status="planned")
    kpi = Kpi.objects.get(name="Doorlooptijd wijzigingsverzoeken CRM")
    before = dict(kpi.measurements.values_list("date", "value"))

    # The key user submits a wish.
    _as(page, live_server, "keyuser")
    page.goto(live_server.url + "/")
    _daily_management(page)
    page.get_by_role("button", name="Submit a wish").first.click()
    _field(page, "Component").select_option(label="Klantvolgsysteem")
    _field(page, "Title").fill("Huisnummertoevoeging in de zoekresultaten")
    _field(page, "What should change").fill("Toon 12-A en 12-B apart in de zoekresultaten.")
    _field(page, "Why").fill("Nu lijken twee huurders dezelfde klant te zijn.")
    page.get_by_label("Urgent", exact=True).check()
    page.get_by_role("button", name="Submit the wish").click()
    expect(page.get_by_text("Your wish has been submitted")).to_be_visible()
    expect(page.locator("hgroup [data-status]")).to_have_text("Submitted")
    wish = ChangeRequest.objects.get(title="Huisnummertoevoeging in de zoekresultaten")
    # Submitted a while ago, so that its lead time stands out in the KPI.
    ChangeRequest.objects.filter(pk=wish.pk).update(
        submitted_at=timezone.now() - timedelta(days=300)
    )

    # The owner of the CRM finds it waiting, accepts it and plans it into the release.
    _as(page, live_server, "eigenaar")
    page.goto(live_server.url + "/dagelijks-beheer/wensen/?status=waiting")
    page.get_by_role("link", name=wish.title).click()
    page.get_by_role("button", name="Judge").click()
    page.get_by_label("Accept: we will handle it").check()
    _field(page, "Priority").select_option(label="Must have")
    page.get_by_role("button", name="Save the judgement").click()
    expect(page.get_by_text("The wish has been accepted")).to_be_visible()
    page.get_by_role("button", name="Plan", exact=True).click()
    _field(page, "Release").select_option(label=str(release))
    page.get_by_role("button", name="Plan it").click()
    expect(page.locator("hgroup [data-status]")).to_have_text("Planned")
    expect(page.locator("[data-planned]")).to_contain_text(str(release))

    # The beheerteam puts it on the test plan for the key user and starts the test.
    _as(page, live_server, "manager")
    page.goto(live_server.url + release.get_absolute_url())
    page.get_by_role("link", name="Add a test item").click()
    _field(page, "What to test").fill("Zoeken op 1234 AB 12-A")
    _field(page, "Tester").select_option(label="Yusuf Demir")
    _field(page, "Wish it tests").select_option(label=str(ChangeRequest.objects.get(pk=wish.pk)))
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_role("button", name="Start the test").click()
    expect(page.get_by_text("The test has started")).to_be_visible()
    item = TestItem.objects.get(title="Zoeken op 1234 AB 12-A")

    # The key user records a failed test, then a passed one after the fix.
    _as(page, live_server, "keyuser")
    page.goto(live_server.url + release.get_absolute_url())
    row = page.locator(f'[data-test-item="{item.pk}"]')
    row.get_by_role("button", name="Record the result").click()
    page.get_by_label("Failed", exact=True).check()
    _field(page, "Note").fill("12-B wordt niet gevonden.")
    page.get_by_role("button", name="Save the result").click()
    expect(row.locator("[data-result]")).to_have_text("Failed")
    row.get_by_role("button", name="Record the result").click()
    page.get_by_label("Passed", exact=True).check()
    page.get_by_role("button", name="Save the result").click()
    expect(row.locator("[data-result]")).to_have_text("Passed")

    # The beheerteam decides "go" and the release goes live.
    _as(page, live_server, "manager")
    page.goto(live_server.url + release.get_absolute_url())
    page.get_by_role("button", name="Go or no go").click()
    page.get_by_label("Go", exact=True).check()
    page.get_by_role("button", name="Record the decision").click()
    # The demo's other items are still open: a go says why it goes anyway.
    expect(page.get_by_text("Not every test passed")).to_be_visible()
    _field(page, "Explanation").fill("De overige punten zijn getest in de ketentest.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("[data-decision]")).to_have_text("Go")
    page.get_by_role("button", name="Goes live").click()
    page.get_by_role("button", name="Record that it is live").click()
    expect(page.locator("[data-release-status]")).to_have_text("Live")

    # The wish is in production, and the lead-time KPI shows this month's new value.
    page.locator(f'[data-wish="{wish.pk}"]').get_by_role("link").click()
    expect(page.locator("hgroup [data-status]")).to_have_text("In production")
    expect(page.locator("[data-steps] li")).to_have_count(5)
    latest = kpi.measurements.order_by("-date").first()
    this_month = timezone.localdate().replace(day=1)
    lead_times = median_lead_times(
        lead_time_pairs(component=kpi.component), frequency=kpi.frequency
    )
    assert (latest.date, latest.value) == (this_month, lead_times[this_month])
    assert latest.value != before.get(this_month)
    page.goto(live_server.url + kpi.get_absolute_url())
    with translation.override("en"):
        shown = floatformat(latest.value, "-2")
    expect(page.locator("hgroup")).to_contain_text(f"{shown} dagen")
