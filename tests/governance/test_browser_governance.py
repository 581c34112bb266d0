"""The governance cycle in a real browser, in English (the Dutch catalogue gets the
new strings when the translations are merged; the flow is the same)."""

import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Page, expect

from governance.models import Action, AgendaItem, Decision, Forum, Meeting
from matrix.models import Activity, Responsibility
from tests.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _in_english(page: Page) -> None:
    page.get_by_role("button", name="EN").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_a_meeting_from_planning_to_an_action_the_key_user_finishes(page: Page, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    # A task that lost its A: the agenda must bring it up.
    task = Activity.objects.filter(responsibilities__code="A").order_by("order").first()
    Responsibility.objects.filter(activity=task, code="A").delete()
    today = timezone.localdate()

    log_in(page, live_server.url, "manager")
    _in_english(page)
    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Meetings"
    ).click()
    forum = Forum.objects.get(name_nl="Beheeroverleg")  # in English: its English name
    page.locator(f'[data-forum="{forum.pk}"]').get_by_role("link", name=forum.name_en).click()
    page.get_by_role("button", name="Plan a meeting").first.click()
    page.get_by_label("Date").fill(today.isoformat())
    page.get_by_role("button", name="Plan the meeting").click()
    expect(page.get_by_text("has been planned")).to_be_visible()

    page.get_by_role("button", name="Propose the agenda").click()
    kpis = page.locator('[data-key="kpis"]')
    expect(kpis).to_contain_text("Reparatieverzoeken via het portaal: Off track")
    expect(page.locator('[data-key="matrix"]')).to_contain_text(f"{task.title}: no A")
    page.get_by_role("button", name="Put the ticked items on the agenda").click()
    expect(page.locator("ol.agenda > li")).to_have_count(8)

    page.get_by_role("button", name="Write the minutes").click()
    page.get_by_label(re.compile(r"KPIs: \d+ off track")).fill(
        "Reparaties via het portaal blijven achter; Yusuf zoekt uit waarom."
    )
    page.get_by_role("button", name="Save the minutes").click()
    expect(page.get_by_text("The minutes have been saved.")).to_be_visible()
    expect(page.locator("[data-minutes]")).to_contain_text("Yusuf zoekt uit waarom")

    page.locator("#decisions").get_by_role("button", name="Record a decision").click()
    page.get_by_label(re.compile(r"^Decision\b")).fill("Het doel van 70% online blijft staan.")
    kpi_item = AgendaItem.objects.get(meeting__forum=forum, meeting__date=today, key="kpis")
    page.get_by_label("Agenda item").select_option(label=kpi_item.title)
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("The decision has been recorded.")).to_be_visible()

    page.get_by_role("button", name="Add an action").click()
    page.get_by_label(re.compile(r"^Action\b")).fill("Telefonische reparatieverzoeken analyseren")
    page.get_by_label("Owner").select_option(label="Yusuf Demir")
    page.get_by_label("Due date").fill(f"{today.year + 1}-01-15")
    page.get_by_role("button", name="Add the action").click()
    expect(page.locator("#actions")).to_contain_text("Telefonische reparatieverzoeken analyseren")

    page.get_by_role("button", name="Close the meeting").click()  # to the check page
    page.get_by_role("button", name="Close the meeting").click()
    expect(page.get_by_text("The meeting has been closed")).to_be_visible()
    expect(page.locator("[data-meeting-status]")).to_have_text("Closed")
    expect(page.get_by_role("button", name="Write the minutes")).to_have_count(0)

    meeting = Meeting.objects.get(date=today, forum=forum)
    assert meeting.is_closed
    assert Decision.objects.get(meeting=meeting).agenda_item.key == "kpis"
    action = Action.objects.get(meeting=meeting)

    page.context.clear_cookies()
    log_in(page, live_server.url, "keyuser")
    _in_english(page)
    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Meetings"
    ).click()
    page.get_by_role("navigation", name="Meetings").get_by_role("link", name="Actions").click()
    row = page.locator(f'tr[data-action="{action.pk}"]')
    expect(row).to_contain_text("Open")
    row.get_by_role("link", name=action.title).click()
    page.get_by_label("Done", exact=True).check()
    page.get_by_label("Note on the status").fill("Analyse gedeeld met Vastgoed & Onderhoud.")
    page.get_by_role("button", name="Save the status").click()
    expect(page.get_by_text("The action has been updated.")).to_be_visible()
    expect(page.locator(".page-heading [data-status]")).to_have_text("Done")

    action.refresh_from_db()
    assert (action.status, action.done_on) == (Action.Status.DONE, today)


def test_the_printed_minutes_and_the_calendar_download(page: Page, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    meeting = Meeting.objects.filter(status="closed", forum__name_nl="Beheeroverleg").first()
    log_in(page, live_server.url, "mt")
    page.goto(live_server.url + meeting.get_absolute_url())
    with page.expect_download() as download:
        page.locator('a[href$="vergadering.ics"]').click()
    assert download.value.suggested_filename == f"vergadering-{meeting.pk}.ics"

    page.goto(live_server.url + f"/overleg/vergaderingen/{meeting.pk}/afdrukken/")
    expect(page.locator(".meeting-document h1")).to_contain_text("Beheeroverleg")
    expect(page.locator(".print-agenda > li")).not_to_have_count(0)
