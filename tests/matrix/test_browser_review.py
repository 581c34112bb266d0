import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from beheer.models import Component, Person
from beheer.services import component_owner_grants_sync
from matrix.models import ReviewRound
from matrix.reviews import review_items
from tests.beheer.makers import days
from tests.browser import axe_violations, log_in

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
    # Everything was answered: the confirmation says so, and closes on request.
    expect(page.get_by_role("heading", level=1)).to_contain_text("afsluiten?")
    page.get_by_role("button", name="Ronde afsluiten").click()
    expect(page.get_by_text("gesloten op")).to_be_visible()
    page.goto(live_server.url + "/beheermatrix/autorisaties/mutaties/")

    section = page.locator(".mutation-person", has_text=eva.name)
    expect(section).to_contain_text("Klantdossier inzien")
    expect(section).to_contain_text("Alleen nog reparaties")


def test_an_owner_keeps_one_persons_rights_at_once_and_the_rest_is_followed_up(
    page: Page, live_server
):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    component_owner_grants_sync()
    crm = Component.objects.get(name="Klantvolgsysteem")
    review = ReviewRound.objects.create(name="Review voorjaar", deadline=days(14))
    review.components.set([crm])
    eva = Person.objects.get(email="e.mulder@delinde.example")  # a key user

    log_in(page, live_server.url, "eigenaar")
    page.goto(live_server.url + review.get_absolute_url())
    assert axe_violations(page) == []
    page.get_by_label("Persoon", exact=True).select_option(label=eva.name)
    page.get_by_role("button", name="Alle resterende rechten van deze persoon behouden…").click()
    # The confirmation lists Eva's rights, and saves nothing yet.
    rows = page.locator("table.review-keep-items tbody tr")
    expect(rows.first).to_contain_text(eva.name)
    eva_items = rows.count()
    assert eva_items >= 2
    assert axe_violations(page) == []
    page.get_by_role("button", name=f"Ja, {eva_items} items behouden").click()
    expect(page.get_by_role("status")).to_contain_text(f"{eva_items} rechten blijven behouden")
    expect(page.locator("#mine-progress-label")).to_contain_text(f"U hebt {eva_items} van de")

    page.context.clear_cookies()
    log_in(page, live_server.url, "manager")
    page.goto(live_server.url + review.get_absolute_url())
    page.get_by_role("button", name="Ronde afsluiten").click()
    # The confirmation counts what nobody answered, per component.
    not_answered = int(page.locator(f"td[data-component='{crm.pk}']").inner_text())
    assert not_answered == sum(p.total for p in review_items(review)) - eva_items
    assert axe_violations(page) == []
    page.get_by_role("button", name="Afsluiten, met de open items als niet beoordeeld").click()
    expect(page.get_by_text(f"{not_answered} items die niemand heeft beoordeeld")).to_be_visible()
    assert axe_violations(page) == []  # the closed round, with its not-reviewed items
    page.goto(live_server.url + "/beheermatrix/autorisaties/mutaties/")

    follow_ups = page.locator(".mutation-person", has_text="niet beoordeeld — navragen")
    expect(follow_ups.first).to_be_visible()
    expect(
        page.locator(".mutation-person", has_text=eva.name).filter(has_text="Review voorjaar")
    ).to_have_count(0)  # Eva's rights were all kept
