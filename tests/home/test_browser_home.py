"""The first screens in Chromium, as the demo accounts see them: a key user's
invitation on top of Mijn werk and one click from the questionnaire, an owner's
broken matrix row, the MT overview, the empty state; a header that stays on one
line at 1280 px; and no critical or serious axe-core findings on the new pages."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import Page, expect

from beheer.models import Component, Role
from matrix.models import Activity, Responsibility
from maturity.models import Assessment
from tests.beheer import makers
from tests.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"


@pytest.fixture
def demo(live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    return live_server


def _items(page: Page):
    return page.locator("ul.task-list > li")


def test_a_key_user_sees_the_invitation_first_and_reaches_the_questionnaire_in_one_click(
    page: Page, demo
):
    # The demo round, with its answer-by date the soonest of the key user's work
    # (in the demo as loaded a test item is due a few days earlier).
    round_ = Assessment.objects.get(name="Nulmeting", is_open=True)
    round_.answer_by = makers.days(2)
    round_.save()

    log_in(page, demo.url, "keyuser")

    first = _items(page).first
    expect(first).to_have_attribute("data-kind", "questionnaire")
    expect(first).to_contain_text("Nulmeting")
    expect(first.locator(".tag-due time")).to_have_attribute("datetime", str(makers.days(2)))
    expect(first.locator(".tag-progress")).to_contain_text(" van ")
    first.locator("a.task-link").click()

    expect(page).to_have_url(f"{demo.url}/volwassenheid/{round_.pk}/invullen/process/")
    expect(page.locator("fieldset.statement").first).to_be_visible()


def test_an_owner_sees_their_broken_matrix_row_and_goes_to_it(page: Page, demo):
    component = Component.objects.get(name="Selfserviceprocessen")
    task = Activity.objects.create(
        title="Formulier testen na een release", theme="Releases en updates", component=component
    )
    Responsibility.objects.create(
        activity=task, role=Role.objects.get(name="Functioneel beheer"), code="R"
    )

    log_in(page, demo.url, "eigenaar")

    row = _items(page).filter(has_text="Formulier testen na een release")
    expect(row).to_have_attribute("data-kind", "matrix-row")
    expect(row).to_contain_text("Selfserviceprocessen")
    row.locator("a.task-link").click()
    expect(page).to_have_url(demo.url + reverse("matrix:row", args=[task.pk]))


def test_the_mt_finds_its_overview_and_has_nothing_else_to_do(page: Page, demo):
    log_in(page, demo.url, "mt")

    # Nothing on Mijn werk: one friendly line, no list.
    expect(page.locator(".empty-line")).to_have_text(
        "Op dit moment is er niets te doen: u bent helemaal bij."
    )
    expect(_items(page)).to_have_count(0)
    expect(page.locator("[data-work-count]")).to_have_attribute("data-work-count", "0")

    page.locator("nav.subnav").get_by_role("link", name="MT-overzicht").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("MT-overzicht")
    for section in ("mt-matrix", "mt-maturity", "mt-factors"):
        expect(page.locator(f"#{section}")).to_be_visible()


@pytest.mark.parametrize("username", ["beheerder", "manager", "mt", "keyuser"])
def test_the_header_stays_on_one_line_at_1280_pixels(page: Page, demo, username):
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, demo.url, username)
    expect(page.locator("[data-work-count]")).to_be_attached()  # the badge is in

    tops = page.evaluate(
        """() => Array.from(document.querySelectorAll(
              '.header-bar > .brand, .site-nav li, .header-bar .tools > li'))
            .filter((el) => el.offsetParent !== null)
            .map((el) => { const box = el.getBoundingClientRect();
                           return [box.top, box.bottom]; })"""
    )
    header = page.locator(".header-bar").bounding_box()
    assert tops, "no header items found"
    # Every item shares one line: each overlaps the vertical middle of the others.
    middle = (min(top for top, _ in tops) + max(bottom for _, bottom in tops)) / 2
    assert all(top <= middle <= bottom for top, bottom in tops), tops
    assert header["height"] < 90
    # And side by side without overlapping: the sections end before the tools begin.
    spans = sorted(
        page.evaluate(
            """() => Array.from(document.querySelectorAll(
                  '.header-bar > .brand, .site-nav li, .header-bar .tools > li'))
                .filter((el) => el.offsetParent !== null)
                .map((el) => { const box = el.getBoundingClientRect();
                               return [box.left, box.right]; })"""
        )
    )
    overlaps = [(a, b) for a, b in zip(spans, spans[1:], strict=False) if a[1] > b[0] + 0.5]
    assert overlaps == [], overlaps
    # And the menu button that folds the navigation on small screens stays hidden.
    expect(page.locator("[data-menu-button]")).to_be_hidden()


def _serious_violations(page: Page) -> list[str]:
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    checked, results = page.evaluate(
        """async () => { const found = await axe.run(document);
             return [found.passes.length, found.violations.map((v) =>
               ({id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target)}))]; }"""
    )
    assert checked > 10  # axe did look at the page
    return [
        json.dumps(violation)
        for violation in results
        if violation["impact"] in ("critical", "serious")
    ]


@pytest.mark.parametrize(
    ("username", "path"),
    [("keyuser", "/"), ("mt", "/"), ("manager", "/overzicht/"), ("mt", "/mt/")],
)
def test_axe_finds_nothing_critical_or_serious(page: Page, demo, username, path):
    log_in(page, demo.url, username)
    page.goto(demo.url + path)
    expect(page.locator("[data-work-count]")).to_be_attached()

    assert _serious_violations(page) == []
