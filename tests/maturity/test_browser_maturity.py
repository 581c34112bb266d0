import pytest
from django.core.management import call_command
from guardian.shortcuts import assign_perm
from playwright.sync_api import Page, expect

from beheer.models import Department
from maturity.models import Assessment, Dimension, Response
from tests.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_key_user_fills_in_over_two_visits_and_the_manager_sees_the_chart(
    page: Page, live_server
):
    from datetime import date

    from django.contrib.auth import get_user_model

    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    assessment = Assessment.objects.create(
        department=Department.objects.get(name="Klantcontactcentrum"),
        name="Tussentijds 2026",
        period_start=date(2026, 9, 1),
        period_end=date(2026, 11, 30),
    )
    assign_perm(
        "maturity.respond_assessment", get_user_model().objects.get(username="keyuser"), assessment
    )
    dimensions = list(Dimension.objects.all())

    # First visit: one page, then leave.
    log_in(page, live_server.url, "keyuser")
    page.goto(live_server.url + f"/volwassenheid/{assessment.pk}/")
    page.get_by_role("button", name="Begin met de vragenlijst").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(str(dimensions[0]))
    for fieldset in page.locator("fieldset.statement").all():
        fieldset.get_by_label("Volledig").check()
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(str(dimensions[1]))
    page.context.clear_cookies()

    # Second visit: continue where it stopped, finish and submit.
    log_in(page, live_server.url, "keyuser")
    page.goto(live_server.url + f"/volwassenheid/{assessment.pk}/")
    page.get_by_role("button", name="Verder met de vragenlijst").click()
    expect(page.get_by_text("12 van 60 stellingen beantwoord")).to_be_visible()
    for _dimension in dimensions:
        for fieldset in page.locator("fieldset.statement").all():
            if not fieldset.locator("input:checked").count():
                fieldset.get_by_label("Grotendeels").check()
        page.get_by_role("button", name="Opslaan en").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw antwoorden indienen")
    page.get_by_role("button", name="Indienen").click()
    expect(page.get_by_text("Dank u: uw antwoorden zijn ingediend.")).to_be_visible()
    assert Response.objects.get(assessment=assessment).submitted_at is not None

    # The manager sees the results with a rendered radar chart.
    page.context.clear_cookies()
    log_in(page, live_server.url, "manager")
    page.goto(live_server.url + f"/volwassenheid/{assessment.pk}/resultaten/")
    expect(page.locator("#radar")).to_have_attribute("data-rendered", "true")
    expect(page.locator(".overall-level")).to_contain_text("1")
