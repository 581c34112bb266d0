from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse

from beheer import demo, groups


def _load(**options) -> str:
    out = StringIO()
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=out, **options)
    return out.getvalue()


def _snapshot():
    User = get_user_model()
    return (
        User.objects.count(),
        User.groups.through.objects.count(),
        Group.objects.count(),
    )


def test_running_it_twice_duplicates_nothing(db):
    _load()
    first = _snapshot()

    output = _load()

    assert _snapshot() == first
    assert "accounts created: 0" in output


def test_every_persona_can_log_in_and_reach_the_dashboard(db):
    _load()

    for username, *_rest in demo.PERSONAS:
        client = Client()
        assert client.login(
            request=HttpRequest(), username=username, password=demo.DEMO_PASSWORD
        ), username
        response = client.get(reverse("dashboard"))
        expected = 403 if username == "buitenstaander" else 200
        assert response.status_code == expected, username


def test_each_persona_is_in_its_group(db):
    _load()
    User = get_user_model()

    assert list(User.objects.get(username="manager").groups.values_list("name", flat=True)) == [
        groups.MANAGERS
    ]
    assert not User.objects.get(username="buitenstaander").groups.exists()
    assert User.objects.get(username="beheerder").is_superuser


def test_scale_multiplies_the_data(db):
    _load(scale=1)
    at_one = get_user_model().objects.count()

    _load(scale=3)

    assert get_user_model().objects.count() == at_one + 2 * len(demo.COLLEAGUES)


def test_if_empty_leaves_an_existing_database_alone(db):
    get_user_model().objects.create_user("somebody")

    output = _load(if_empty=True)

    assert "not loaded" in output
    assert get_user_model().objects.count() == 1


def test_scale_must_be_positive(db):
    with pytest.raises(CommandError):
        _load(scale=0)


def test_it_refuses_to_run_with_debug_off_unless_asked_explicitly(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--allow-public-demo-passwords"):
        call_command("loaddemo", stdout=StringIO())

    assert not get_user_model().objects.exists()


def test_with_debug_on_it_needs_no_flag(db, settings):
    settings.DEBUG = True

    call_command("loaddemo", stdout=StringIO())

    assert get_user_model().objects.filter(username="manager").exists()
