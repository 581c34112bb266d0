"""The beheermatrix grid in a real browser: clicks, keyboard, concurrency, owners."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import Page, expect

from beheer.models import Component, Role
from beheer.services import component_owner_grants_sync
from matrix.models import Activity, Responsibility
from tests.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _cell(page: Page, activity: Activity, role: Role):
    """The cell of a task and role: row by task, column by the role's heading."""
    column = page.evaluate(
        "(role) => Array.from(document.querySelectorAll('thead th[data-role]'))"
        ".findIndex((th) => th.dataset.role === role)",
        str(role.pk),
    )
    return page.locator(f"#activity-{activity.pk} > td:not(.row-status)").nth(column)


@pytest.fixture
def broken_task(live_server):
    """Demo data plus a task with an R but no A yet."""
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    task = Activity.objects.create(title="Testtaak zonder A", theme="Releases en updates", order=1)
    Responsibility.objects.create(
        activity=task, role=Role.objects.get(name="Functioneel beheer"), code="R"
    )
    return task


def test_a_manager_fixes_a_row_with_clicks_and_the_keyboard(page: Page, live_server, broken_task):
    log_in(page, live_server.url, "manager")
    page.goto(live_server.url + "/beheermatrix/")
    row = page.locator(f"#activity-{broken_task.pk}")
    expect(row.locator("td.row-status")).to_contain_text("geen A")

    owner = Role.objects.get(name="Eigenaar Klantvolgsysteem")
    cell = _cell(page, broken_task, owner)
    cell.click()  # empty -> R
    expect(_cell(page, broken_task, owner)).to_have_text("R")
    _cell(page, broken_task, owner).click()  # R -> A
    expect(_cell(page, broken_task, owner)).to_have_text("A")
    expect(row.locator("td.row-status")).to_have_attribute("data-invalid", "false")
    expect(row).not_to_have_class("invalid")

    # Keyboard: move right and type C, then clear it again with Delete.
    _cell(page, broken_task, owner).press("ArrowRight")
    page.keyboard.press("c")
    next_cell = page.locator(f"#activity-{broken_task.pk} > td:focus")
    expect(next_cell).to_have_text("C")
    page.keyboard.press("Delete")
    expect(page.locator(f"#activity-{broken_task.pk} > td:focus")).to_have_text("")

    codes = dict(broken_task.responsibilities.values_list("role__name", "code"))
    assert codes == {"Functioneel beheer": "R", "Eigenaar Klantvolgsysteem": "A"}

    _cell(page, broken_task, owner).click(modifiers=["Shift"])  # A -> R, backwards
    expect(row.locator("td.row-status")).to_contain_text("geen A")


def test_a_concurrent_edit_is_refused(page: Page, live_server, broken_task):
    log_in(page, live_server.url, "manager")
    page.goto(live_server.url + "/beheermatrix/")
    owner = Role.objects.get(name="Eigenaar Klantvolgsysteem")
    # A colleague sets the cell after this page was loaded.
    Responsibility.objects.create(activity=broken_task, role=owner, code="C")

    _cell(page, broken_task, owner).click()

    expect(page.locator("#matrix-message")).to_contain_text("Iemand anders heeft deze cel")
    expect(_cell(page, broken_task, owner)).to_have_text("C")
    assert Responsibility.objects.get(activity=broken_task, role=owner).code == "C"


def test_an_owner_edits_only_their_components_rows(page: Page, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    component_owner_grants_sync()  # the demo owner "eigenaar" owns the Klantvolgsysteem
    crm = Component.objects.get(name="Klantvolgsysteem")
    assert (
        get_user_model().objects.get(username="eigenaar").has_perm("beheer.edit_matrix_rows", crm)
    )
    own = Activity.objects.filter(component=crm).first()
    # She holds Klantvolgsysteem and stands in for Selfserviceprocessen; not the Kennisbank.
    other = Activity.objects.filter(component__name="Kennisbank").first()
    log_in(page, live_server.url, "eigenaar")

    page.goto(live_server.url + "/beheermatrix/")

    # Her own rows are marked, and a one-line hint says what the marker means.
    own_row, other_row = page.locator(f"#activity-{own.pk}"), page.locator(f"#activity-{other.pk}")
    expect(own_row).to_have_attribute("data-editable", "")
    expect(own_row).to_have_class("mine")
    expect(page.locator(".owner-hint")).to_contain_text("Klantvolgsysteem")
    # Another component's row is read-only: not marked, and its cells say so
    # (ARIA allows aria-readonly on a gridcell, not on a row).
    expect(other_row).not_to_have_attribute("data-editable", "")
    expect(other_row).not_to_have_class("mine")
    other_cell = other_row.locator("td:not(.row-status)").first
    expect(other_cell).to_have_attribute("aria-readonly", "true")
    # Clicking it changes nothing and says why.
    before = other_cell.text_content()
    other_cell.click()
    expect(page.locator("#matrix-message")).to_contain_text("alleen lezen")
    expect(page.locator("#matrix-message")).to_contain_text("Kennisbank")
    expect(other_cell).to_have_text(before)
    # A forged save for the other row is refused by the server too.
    status = page.evaluate(
        """async ([activity, role]) => {
            const token = document.cookie.match(/csrftoken=([^;]+)/)[1];
            const body = new URLSearchParams({activity, role, code: "R", expected: ""});
            const response = await fetch("/beheermatrix/cel/", {
                method: "POST", body, headers: {"X-CSRFToken": token}});
            return response.status;
        }""",
        [str(other.pk), str(Role.objects.get(name="Key user").pk)],
    )
    assert status == 403
