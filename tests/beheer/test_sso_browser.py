"""Single sign-on end to end: Chromium, this app and a real OpenID Connect provider.

The provider is the certified `oidc-provider` package run by node
(tests/oidc_provider/); `npm ci` installs it from its lock file when it is
missing. Without node the tests skip, except under REQUIRE_BROWSER=1 (CI).

This module runs its own live server: the Content-Security-Policy is read
when a server starts, and its form-action must name the provider (logout is a
form whose answer redirects there), whose address is only known now.
"""

import json
import os
import re
import selectors
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test.utils import override_settings
from django.urls import reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from beheer import groups
from beheer.models import Component, OrganisationSettings, Role
from beheer.sso import provider
from tests.beheer.makers import assign, person

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PROVIDER_DIR = Path(__file__).resolve().parents[1] / "oidc_provider"
CLIENT_ID = "beheerorganisatie"
SECRET = "test-client-secret"
USERS = {
    "marit": {
        "password": "marit-wachtwoord",
        "sub": "2f7a-marit",
        "email": "Marit.Jansen@example.org",
        "email_verified": True,
        "given_name": "Marit",
        "family_name": "Jansen",
        "groups": ["beheer-managers"],
    },
    "mees": {
        "password": "mees-wachtwoord",
        "sub": "81c0-mees",
        "email": "mees@example.org",
        "email_verified": True,
        "name": "Mees de Vries",
        "groups": ["beheer-mt", "sportvereniging"],
    },
    "olaf": {
        "password": "olaf-wachtwoord",
        "sub": "c3d9-olaf",
        "email": "olaf@example.org",
        "email_verified": True,
        "name": "Olaf Bakker",
        "groups": ["marketing"],
    },
}
GROUP_MAP = {"beheer-managers": (groups.MANAGERS,), "beheer-mt": (groups.MT,)}


def _unavailable(reason: str) -> None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def _install_provider() -> None:
    if (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
        return
    if shutil.which("npm") is None:
        _unavailable("npm is not installed, so the test OpenID Connect provider cannot be")
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=PROVIDER_DIR,
        check=True,
        timeout=300,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_provider(config: dict, log) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        ["node", "provider.mjs"],
        cwd=PROVIDER_DIR,
        env={**os.environ, "PROVIDER_CONFIG": json.dumps(config)},
        stdin=subprocess.PIPE,  # the provider stops when this closes
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    waiting = selectors.DefaultSelector()
    waiting.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        if waiting.select(timeout=0.5):
            line = process.stdout.readline()
            if line.startswith("issuer "):
                return process, line.split()[1]
    process.kill()
    log.seek(0)
    raise RuntimeError(f"the test OpenID Connect provider did not start:\n{log.read()}")


@pytest.fixture(scope="module")
def sso_site(django_db_setup, django_db_blocker):
    """This app on a live server and the provider beside it: (app URL, issuer)."""
    if shutil.which("node") is None:
        _unavailable("node is not installed (needed for the test OpenID Connect provider)")
    _install_provider()
    issuer = f"http://127.0.0.1:{_free_port()}"
    policy = {
        **django_settings.SECURE_CSP,
        "form-action": [*django_settings.SECURE_CSP["form-action"], issuer],
    }
    with override_settings(SECURE_CSP=policy):  # as the settings do with SSO configured
        server = LiveServer("localhost")
    config = {
        "port": int(issuer.rsplit(":", 1)[1]),
        "client": {
            "client_id": CLIENT_ID,
            "client_secret": SECRET,
            "redirect_uris": [server.url + "/oidc/callback/"],
            "post_logout_redirect_uris": [server.url + "/login/"],
        },
        "users": USERS,
    }
    with tempfile.TemporaryFile("w+") as log:
        process, started = _start_provider(config, log)
        assert started == issuer
        yield server.url, issuer
        process.stdin.close()
        process.terminate()
        process.wait(timeout=10)
    server.stop()


@pytest.fixture
def site(sso_site, settings):
    url, issuer = sso_site
    settings.OIDC_ENABLED = True
    settings.OIDC_DISCOVERY_URL = issuer + "/.well-known/openid-configuration"
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = SECRET
    settings.OIDC_GROUP_MAP = GROUP_MAP
    settings.SECURE_CSP = {
        **settings.SECURE_CSP,
        "form-action": [*settings.SECURE_CSP["form-action"], issuer],
    }
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "beheer.sso.backend.SsoBackend",
    ]
    provider.forget()
    for name in groups.ALL:
        # The migration made them, but a transactional test before this one flushed them.
        Group.objects.get_or_create(name=name)
    record = OrganisationSettings.load()
    record.name = "Woonstad Lindeweg"
    record.save()
    yield url
    provider.forget()


@pytest.fixture
def page(page: Page, sso_site):
    # English: the strings of this feature reach the Dutch catalogue when merged.
    page.context.add_cookies(
        [{"name": django_settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": sso_site[0]}]
    )
    page.set_default_timeout(15_000)
    return page


def _sign_in_at_provider(page: Page, username: str) -> None:
    expect(page.get_by_role("heading", name="Sign in to the identity provider")).to_be_visible()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(USERS[username]["password"])
    page.get_by_role("button", name="Sign in").click()


def _sso_login(page: Page, site: str, username: str, start: str = "/") -> None:
    page.goto(site + start)
    expect(page).to_have_url(re.compile(r"/login/\?next="))
    button = page.locator("#sso-login")
    expect(button).to_have_text("Log in with Woonstad Lindeweg")
    button.click()
    _sign_in_at_provider(page, username)


def test_a_manager_logs_in_at_the_provider_and_may_edit_the_register(site, page: Page):
    owner_role = Role.objects.create(
        name="Eigenaar Klantportaal",
        kind="owner",
        component=Component.objects.create(name="Klantportaal"),
    )
    marit = person("Marit Jansen", email="marit.jansen@example.org")
    assign(marit, owner_role)

    _sso_login(page, site, "marit", start="/organisatie/onderdelen/")

    expect(page).to_have_url(site + "/organisatie/onderdelen/")
    expect(page.get_by_role("link", name="Settings")).to_be_visible()  # the register's editors
    assert page.goto(site + reverse("beheer:settings")).status == 200
    user = get_user_model().objects.get(email__iexact="marit.jansen@example.org")
    assert set(user.groups.values_list("name", flat=True)) == {groups.MANAGERS}
    marit.refresh_from_db()
    assert marit.user == user
    assert user.has_perm("beheer.edit_matrix_rows", owner_role.component)


def test_an_mt_member_logs_in_and_reads_but_may_not_edit_the_register(site, page: Page):
    _sso_login(page, site, "mees")

    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    page.goto(site + "/organisatie/onderdelen/")
    expect(page.get_by_role("link", name="Settings")).to_have_count(0)
    assert page.goto(site + reverse("beheer:settings")).status == 403
    user = get_user_model().objects.get(email="mees@example.org")
    assert set(user.groups.values_list("name", flat=True)) == {groups.MT}


def test_a_user_in_no_mapped_group_gets_the_no_access_page(site, page: Page):
    _sso_login(page, site, "olaf")

    expect(page.get_by_role("heading", level=1)).to_have_text("No access yet")
    assert not get_user_model().objects.get(email="olaf@example.org").groups.exists()


def test_a_tampered_state_is_refused_and_the_genuine_one_still_works(site, page: Page):
    # The app's redirect to the provider, taken by the browser's own cookie jar,
    # so that the state in it can be changed before the browser goes there.
    start = page.request.get(site + "/oidc/authenticate/", max_redirects=0)
    assert start.status == 302
    authorization = urlsplit(start.headers["location"])
    query = {name: values[0] for name, values in parse_qs(authorization.query).items()}
    assert query["code_challenge_method"] == "S256" and query["nonce"]
    tampered = authorization._replace(query=urlencode({**query, "state": query["state"][::-1]}))

    page.goto(tampered.geturl())
    _sign_in_at_provider(page, "marit")

    expect(page).to_have_url(site + "/login/")
    expect(page.locator(".messages")).to_contain_text("not started in this browser")
    page.goto(site + "/")
    expect(page).to_have_url(re.compile(r"/login/\?next=/$"))
    assert not get_user_model().objects.filter(email__iexact=USERS["marit"]["email"]).exists()

    page.goto(authorization.geturl())  # signed in at the provider already
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")


def test_logout_ends_the_session_here_and_at_the_provider(site, page: Page):
    _sso_login(page, site, "mees")
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")

    page.locator(".user-menu summary").click()
    page.get_by_role("button", name="Log out").click()

    expect(page.get_by_role("heading", name="Sign out")).to_be_visible()
    page.get_by_role("button", name="Yes, sign me out").click()
    expect(page).to_have_url(site + "/login/")
    page.goto(site + "/")
    expect(page).to_have_url(re.compile(r"/login/\?next=/$"))
    page.locator("#sso-login").click()
    # Signed out at the provider too: it asks for the password again.
    _sign_in_at_provider(page, "mees")
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
