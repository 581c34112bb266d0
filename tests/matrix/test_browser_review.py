import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from beheer.models import Component, Person
from beheer.services import component_owner_grants_sync
from matrix.models import ReviewRound
from tests.beheer.makers import days
from tests.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_owner_completes_a_review_and_the_revoke_reaches_the_checklist(page: Page, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    component_owner_grants_sync()
    crm = Component.objects.get(name="Klantvolgsysteem")
    review = ReviewRound.objects.create(name="Review najaar", deadline=days(14))
    review.components.set([crm])
    eva = Person.objects.get(email="e.mulder@delinde.example")  # a key user

    log_in(page, live_server.url, "eigenaar")  # owner of the Klantvolgsysteem
    page.goto(live_server.url + review.get_absolute_url())
    # Answer every item: keep everything, except Eva's access to customer files.
    forms = page.locator("form.answer-form")
    for index in range(forms.count()):
        form = page.locator("form.answer-form").nth(index)
        label = form.locator("label").first.inner_text()
        if "Klantdossier inzien" in label and eva.name in label:
            form.locator("select").select_option("revoke")
            form.locator("input[name=comment]").fill("Alleen nog reparaties")
        form.get_by_role("button").click()
    expect(page.locator(f"td[data-component='{crm.pk}']")).to_contain_text(
        f"{forms.count()} / {forms.count()}"
    )
    expect(page.get_by_role("button", name="Ronde afsluiten")).to_have_count(0)  # managers close

    page.context.clear_cookies()
    log_in(page, live_server.url, "manager")
    page.goto(live_server.url + review.get_absolute_url())
    page.get_by_role("button", name="Ronde afsluiten").click()
    page.goto(live_server.url + "/beheermatrix/autorisaties/mutaties/")

    section = page.locator(".mutation-person", has_text=eva.name)
    expect(section).to_contain_text("Klantdossier inzien")
    expect(section).to_contain_text("Alleen nog reparaties")
