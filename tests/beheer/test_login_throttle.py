"""Failed logins are throttled per account and address (django-axes)."""

import logging
from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from beheer.login_throttle import client_address
from beheer.models import OrganisationSettings
from tests.personas import PASSWORD

LIMIT = settings.AXES_FAILURE_LIMIT
HOME = "198.51.100.7"
ELSEWHERE = "203.0.113.9"


def _english_client() -> Client:
    client = Client(REMOTE_ADDR=HOME)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _log_in(client: Client, password: str, **extra):
    return client.post(reverse("login"), {"username": "manager", "password": password}, **extra)


def _fail_until_blocked(client: Client):
    for _ in range(LIMIT):
        response = _log_in(client, "wrong")
    return response


def test_the_limit_is_small_and_the_block_is_temporary():
    assert 3 <= LIMIT <= 10
    assert timedelta(minutes=5) <= settings.AXES_COOLOFF_TIME <= timedelta(hours=1)


def test_wrong_passwords_below_the_limit_only_say_the_password_is_wrong(personas):
    client = _english_client()
    for _ in range(LIMIT - 1):
        response = _log_in(client, "wrong")

    assert response.status_code == 200
    assert 'id="login-blocked"' not in response.content.decode()
    assert _log_in(client, PASSWORD).status_code == 302


def test_after_the_limit_the_right_password_is_refused_with_the_reason(personas):
    client = _english_client()

    blocked = _fail_until_blocked(client)
    response = _log_in(client, PASSWORD)

    for page in (blocked, response):
        assert page.status_code == 429
        content = page.content.decode()
        assert 'id="login-blocked"' in content
        assert "logging in is blocked for now" in content
        assert "Try again in 15 minutes" in content
        assert "ask the application management team to lift the block" in content
    assert int(response["Retry-After"]) > 14 * 60
    assert "_auth_user_id" not in client.session


def test_the_blocked_login_page_keeps_the_form_and_the_username(personas):
    client = _english_client()

    content = _fail_until_blocked(client).content.decode()

    assert f'action="{reverse("login")}"' in content
    assert 'name="username"' in content and 'value="manager"' in content
    assert 'name="password"' in content
    assert "csrfmiddlewaretoken" in content


def test_the_blocked_login_page_names_the_beheerteam_address(personas):
    organisation = OrganisationSettings.load()
    organisation.beheerteam_email = "beheerteam@delinde.example"
    organisation.save()

    content = _fail_until_blocked(_english_client()).content.decode()

    assert 'href="mailto:beheerteam@delinde.example"' in content


def test_sixty_wrong_passwords_make_only_the_limit_count(personas):
    client = _english_client()

    statuses = [_log_in(client, "wrong").status_code for _ in range(60)]

    assert statuses[: LIMIT - 1] == [200] * (LIMIT - 1)
    assert set(statuses[LIMIT - 1 :]) == {429}
    assert _log_in(client, PASSWORD).status_code == 429


def test_the_same_account_still_logs_in_from_another_address(personas):
    _fail_until_blocked(_english_client())

    response = _log_in(Client(REMOTE_ADDR=ELSEWHERE), PASSWORD)

    assert response.status_code == 302


def test_another_account_still_logs_in_from_the_blocked_address(personas):
    client = _english_client()
    _fail_until_blocked(client)

    response = client.post(reverse("login"), {"username": "mt", "password": PASSWORD})

    assert response.status_code == 302


def test_a_lockout_is_logged_with_the_account_and_the_address(personas, caplog):
    client = _english_client()

    with caplog.at_level(logging.WARNING, logger="axes"):
        _fail_until_blocked(client)

    lockouts = [r for r in caplog.records if "Locking out" in r.getMessage()]
    assert len(lockouts) == 1
    assert lockouts[0].levelno == logging.WARNING
    assert 'username: "manager"' in lockouts[0].getMessage()
    assert f'ip_address: "{HOME}"' in lockouts[0].getMessage()
    assert "wrong" not in lockouts[0].getMessage()  # never the password


def test_the_logging_config_lets_axes_warnings_through_and_keeps_its_chatter_out():
    axes_logger = logging.getLogger("axes.handlers.database")

    assert axes_logger.isEnabledFor(logging.WARNING)
    assert not axes_logger.isEnabledFor(logging.INFO)


def test_the_beheerder_lifts_the_block_in_the_admin(client_as, personas):
    client = _english_client()
    _fail_until_blocked(client)
    admin = client_as("beheerder")
    changelist = reverse("admin:axes_accessattempt_changelist")

    listing = admin.get(changelist)
    assert listing.status_code == 200
    assert "manager" in listing.content.decode()
    assert (
        reverse("admin:axes_accessattempt_changelist")
        in admin.get(reverse("admin:index")).content.decode()
    )

    attempt = AccessAttempt.objects.get(username="manager")
    response = admin.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )

    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert _log_in(client, PASSWORD).status_code == 302


def test_a_manager_cannot_reach_the_lockouts(client_as):
    response = client_as("manager").get(reverse("admin:axes_accessattempt_changelist"))

    assert response.status_code == 302  # to the admin login


def test_the_reset_command_lifts_the_block(personas):
    client = _english_client()
    _fail_until_blocked(client)

    call_command("axes_reset_username", "manager", stdout=StringIO())

    assert _log_in(client, PASSWORD).status_code == 302


def test_the_block_ends_after_the_cool_off(personas):
    client = _english_client()
    _fail_until_blocked(client)
    assert _log_in(client, PASSWORD).status_code == 429

    # Travel in time: the failures happened just over one cool-off ago.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )

    assert _log_in(client, PASSWORD).status_code == 302


def test_a_try_while_blocked_does_not_restart_the_clock(personas):
    client = _english_client()
    _fail_until_blocked(client)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=10)
    )

    response = _log_in(client, "wrong")

    assert response.status_code == 429
    assert "Try again in 5 minutes" in response.content.decode()


def test_a_good_login_clears_the_earlier_failures(personas):
    client = _english_client()
    for _ in range(LIMIT - 1):
        _log_in(client, "wrong")

    assert _log_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(LIMIT - 1):
        assert _log_in(client, "wrong").status_code == 200


def test_the_admin_login_is_throttled_too(personas):
    client = _english_client()
    _fail_until_blocked(client)

    response = client.post(reverse("admin:login"), {"username": "manager", "password": PASSWORD})

    assert response.status_code == 429
    assert 'id="login-blocked"' in response.content.decode()


@pytest.mark.parametrize(
    ("proxies", "meta", "expected"),
    [
        (0, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, "10.0.0.1"),
        (1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 1.2.3.4"}, "1.2.3.4"),
        (
            2,
            {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 1.2.3.4, 10.0.0.2"},
            "1.2.3.4",
        ),
        (1, {"REMOTE_ADDR": "10.0.0.1"}, "10.0.0.1"),
        (1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "unknown"}, "10.0.0.1"),
        (0, {"REMOTE_ADDR": "not an address"}, None),
    ],
)
def test_the_client_address_trusts_only_our_own_proxies(rf, settings, proxies, meta, expected):
    settings.PROXY_COUNT = proxies

    assert client_address(rf.get("/", **meta)) == expected


def test_behind_a_proxy_each_client_address_is_blocked_on_its_own(personas, settings):
    settings.PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    client = Client(**proxy)
    for _ in range(LIMIT):
        _log_in(client, "wrong", HTTP_X_FORWARDED_FOR=HOME)

    assert _log_in(client, PASSWORD, HTTP_X_FORWARDED_FOR=HOME).status_code == 429
    assert _log_in(client, PASSWORD, HTTP_X_FORWARDED_FOR=ELSEWHERE).status_code == 302
