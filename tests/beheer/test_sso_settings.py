"""The OIDC_* variables: parsed strictly, and without them nothing changes."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from beheer.sso import config

ROOT = Path(__file__).resolve().parents[2]
COMPLETE = {
    "OIDC_DISCOVERY_URL": "https://login.example.org/realms/beheer",
    "OIDC_CLIENT_ID": "beheerorganisatie",
    "OIDC_CLIENT_SECRET": "s3cret",
}


def _settings(*names: str, **env: str) -> subprocess.CompletedProcess:
    """Print settings as a fresh process reads them from this environment."""
    clean = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    clean.update(DJANGO_SETTINGS_MODULE="beheer.settings", DEBUG="true", **env)
    script = "from django.conf import settings\n" + "".join(
        f"print(repr(settings.{name}))\n" for name in names
    )
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_the_short_form_maps_claim_values_to_app_groups():
    mapping = config.group_map("beheer-managers=Managers, beheer-mt=MT,beheer-mt=Key users")

    assert mapping == {"beheer-managers": ("Managers",), "beheer-mt": ("MT", "Key users")}


def test_the_json_form_takes_one_group_or_a_list_and_values_with_commas():
    mapping = config.group_map(
        '{"CN=Beheer,OU=Groepen,DC=corp": ["Beheerders", "managers"], "0b1c-guid": "Eigenaren"}'
    )

    assert mapping == {
        "cn=beheer,ou=groepen,dc=corp": ("Beheerders", "Managers"),
        "0b1c-guid": ("Eigenaren",),
    }


def test_an_empty_map_means_groups_are_not_managed_by_sso():
    assert config.group_map("") == {}
    assert config.group_map("  ") == {}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("beheer=Admins", "'Admins' is not an app group"),
        ('{"beheer": "Managers"', "not valid JSON"),
        ('["Managers"]', "must be an object"),
        ('{"beheer": 3}', "3 is not an app group"),
        ("Managers", "is not `claim value=Group`"),
        ("=Managers", "is not `claim value=Group`"),
    ],
)
def test_a_mistake_in_the_group_map_stops_the_start(value, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        config.group_map(value)


def test_the_discovery_url_may_be_the_issuer_and_must_be_https_except_on_this_machine():
    assert config.discovery_url("https://login.example.org/realms/beheer/") == (
        "https://login.example.org/realms/beheer/.well-known/openid-configuration"
    )
    assert config.discovery_url("http://127.0.0.1:9000/.well-known/openid-configuration") == (
        "http://127.0.0.1:9000/.well-known/openid-configuration"
    )
    with pytest.raises(ImproperlyConfigured, match="use https"):
        config.discovery_url("http://login.example.org/realms/beheer")
    with pytest.raises(ImproperlyConfigured, match="not a web address"):
        config.discovery_url("login.example.org")


def test_half_a_configuration_is_an_error_that_names_what_is_missing():
    with pytest.raises(ImproperlyConfigured, match="OIDC_CLIENT_SECRET missing"):
        config.sso_enabled(
            {"OIDC_DISCOVERY_URL": "https://idp.example.org", "OIDC_CLIENT_ID": "beheer"}
        )
    assert config.sso_enabled({}) is False
    assert config.sso_enabled(COMPLETE) is True


def test_an_unknown_signing_algorithm_is_refused():
    assert config.sign_algorithm("") == "RS256"
    with pytest.raises(ImproperlyConfigured, match="HS256"):
        config.sign_algorithm("HS256")


def test_without_the_variables_the_login_and_the_policy_stay_as_they_were():
    result = _settings("OIDC_ENABLED", "AUTHENTICATION_BACKENDS", "SECURE_CSP['form-action']")

    assert result.returncode == 0, result.stderr
    enabled, backends, form_action = result.stdout.splitlines()
    assert enabled == "False"
    assert "SsoBackend" not in backends
    assert form_action == "[\"'self'\"]"


def test_with_the_variables_sso_is_on_and_logout_may_go_to_the_provider():
    result = _settings(
        "OIDC_ENABLED",
        "OIDC_DISCOVERY_URL",
        "AUTHENTICATION_BACKENDS[-1]",
        "SECURE_CSP['form-action']",
        "OIDC_GROUP_MAP",
        "OIDC_GROUPS_CLAIM",
        **COMPLETE,
        OIDC_GROUP_MAP="beheer-mt=MT",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "True",
        "'https://login.example.org/realms/beheer/.well-known/openid-configuration'",
        "'beheer.sso.backend.SsoBackend'",
        "[\"'self'\", 'https://login.example.org']",
        "{'beheer-mt': ('MT',)}",
        "'groups'",
    ]


def test_a_half_configuration_stops_the_start():
    result = _settings("OIDC_ENABLED", OIDC_CLIENT_ID="beheerorganisatie")

    assert result.returncode != 0
    assert "OIDC_DISCOVERY_URL, OIDC_CLIENT_SECRET missing" in result.stderr
