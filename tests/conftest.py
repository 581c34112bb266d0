import os
from pathlib import Path

import pytest
from django.test import Client

from tests.personas import create_personas

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture
def personas(db):
    return create_personas()


@pytest.fixture
def client_as(personas):
    """client_as("manager") -> a test client logged in as that persona."""

    def make(persona: str) -> Client:
        client = Client()
        if persona != "anonymous":
            client.force_login(getattr(personas, persona))
        return client

    return make


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Use the system's Chromium; Playwright cannot download its own here."""
    if not Path(CHROMIUM).exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in the test thread; the test's own
    # ORM calls are still synchronous, so Django's async guard must stand aside.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def page(page):
    """pytest-playwright's page; the test fails when the page breaks the CSP."""
    from tests.browser import watch_csp_violations

    violations = watch_csp_violations(page)
    yield page
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts without cached renderings: data versions repeat across tests."""
    from django.core.cache import cache

    cache.clear()
