"""The main pages work in Chromium under the Content-Security-Policy, without a violation."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from beheer.models import Person
from kpi.models import Kpi
from maturity.models import Assessment
from tests.browser import log_in, watch_csp_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _visit(page: Page, url: str, violations: list[str]) -> None:
    response = page.goto(url)
    assert response.status == 200, url
    assert "default-src 'self'" in response.headers["content-security-policy"], url
    page.wait_for_load_state("networkidle")
    assert violations == [], f"{url}: {violations}"


def test_the_main_pages_report_no_violation(live_server, page: Page):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    violations = watch_csp_violations(page)
    kpi = Kpi.objects.filter(measurements__isnull=False).order_by("pk").first()
    assessment = Assessment.objects.filter(responses__isnull=False).order_by("pk").first()
    person = Person.objects.get(email="s.devries@delinde.example")
    base = live_server.url
    log_in(page, base, "manager")

    for name in ("dashboard", "beheer:components", "beheer:roles", "beheer:people"):
        _visit(page, base + reverse(name), violations)
    _visit(page, base + person.get_absolute_url(), violations)
    _visit(page, base + reverse("beheer:person-card", args=[person.pk]), violations)
    _visit(page, base + reverse("matrix:grid"), violations)
    _visit(page, base + reverse("matrix:print"), violations)
    _visit(page, base + reverse("matrix:rights"), violations)
    _visit(page, base + reverse("maturity:results", args=[assessment.pk]), violations)
    expect(page.locator("#radar")).to_have_attribute("data-rendered", "true")
    _visit(page, base + reverse("kpi:dashboard"), violations)
    _visit(page, base + reverse("kpi:kpi", args=[kpi.pk]), violations)
    expect(page.locator("#trend")).to_have_attribute("data-rendered", "true")
    _visit(page, base + reverse("kpi:channels"), violations)
    expect(page.locator("#mix")).to_have_attribute("data-rendered", "true")

    # A save through htmx swaps a cell in place, under the same policy.
    _visit(page, base + reverse("matrix:grid"), violations)
    cell = page.locator("tbody tr[data-editable] td:not(.row-status)").first
    before = cell.inner_text()
    cell.click()
    expect(page.locator("tbody tr[data-editable] td:not(.row-status)").first).not_to_have_text(
        before
    )
    assert violations == []


def test_the_admin_pages_report_no_violation(live_server, page: Page):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    violations = watch_csp_violations(page)
    base = live_server.url
    log_in(page, base, "beheerder")

    for name in (
        "admin:index",
        "admin:beheer_component_changelist",
        "admin:beheer_component_add",
        "admin:beheer_component_import",
        "admin:axes_accessattempt_changelist",
    ):
        _visit(page, base + reverse(name), violations)

    # The export page's "Select all" box works without its inline onchange.
    _visit(page, base + reverse("admin:beheer_component_export"), violations)
    fields = page.locator(".selectable-field-export-row input[type=checkbox]:visible")
    expect(fields.first).to_be_checked()
    page.locator("#select-all-toggle").uncheck()
    expect(fields.first).not_to_be_checked()
    page.locator("#select-all-toggle").check()
    expect(fields.first).to_be_checked()
    assert violations == []


def test_the_check_hears_a_violation(live_server, context: BrowserContext):
    # On a page of its own: the `page` fixture would fail this test for it.
    page = context.new_page()
    violations = watch_csp_violations(page)
    page.goto(live_server.url + reverse("login"))

    page.evaluate("document.body.setAttribute('style', 'color: red')")

    expect(page.locator("body")).to_have_attribute("style", "color: red")
    page.wait_for_timeout(200)
    assert violations and "style-src" in violations[0]
