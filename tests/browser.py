"""Helpers for the browser tests."""

from playwright.sync_api import Page, expect

from beheer import demo


def log_in(page: Page, base_url: str, username: str) -> None:
    """Log in through the login form as a demo account and land on the dashboard."""
    page.goto(base_url + "/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(demo.DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    page.set_default_timeout(10_000)
