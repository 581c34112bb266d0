"""Caching: no whole pages, results keyed by scoped data versions, changes seen at once."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse

from beheer import data_versions
from beheer.cache import cache_key, cached
from beheer.data_versions import versions
from beheer.groups import MANAGERS
from beheer.models import DataVersion, OrganisationSettings
from beheer.validators import project_app_configs
from kpi.models import Kpi
from matrix.models import Activity
from tests.beheer import makers


def test_every_model_of_the_project_belongs_to_a_scope_or_is_named_unversioned(db):
    """The general rule: a new model cannot silently escape invalidation."""
    labels = {
        model._meta.label
        for config in project_app_configs()
        for model in config.get_models()
        if not model.__name__.startswith("Historical")
    }
    versioned = {label for labels in data_versions.SCOPES.values() for label in labels}

    assert labels - versioned - data_versions.UNVERSIONED == set()
    for label in versioned | data_versions.UNVERSIONED:
        assert apps.get_model(label)  # no stale names in the registry


def test_a_kpi_write_leaves_the_matrix_version_alone(db):
    before = versions(["matrix", "kpi", "register"])

    Kpi.objects.create(name="Bereikbaarheid")

    after = versions(["matrix", "kpi", "register"])
    assert after["kpi"] == before["kpi"] + 1
    assert (after["matrix"], after["register"]) == (before["matrix"], before["register"])


def test_a_matrix_write_raises_only_the_matrix_version(db):
    before = versions(["matrix", "kpi", "rights"])

    Activity.objects.create(title="Nieuwe taak", theme="Thema", order=1)

    after = versions(["matrix", "kpi", "rights"])
    assert after == {**before, "matrix": before["matrix"] + 1}


def test_group_membership_raises_the_users_version(personas):
    before = versions(["users"])["users"]

    personas.outsider.groups.add(Group.objects.get(name=MANAGERS))

    assert versions(["users"])["users"] > before


@pytest.mark.django_db(transaction=True)
def test_the_version_is_raised_after_the_commit_once_per_transaction():
    DataVersion.objects.update_or_create(scope="kpi", defaults={"version": 5})
    with transaction.atomic():
        Kpi.objects.create(name="Een")
        Kpi.objects.create(name="Twee")
        # Not yet: the row is not locked while the transaction runs.
        assert DataVersion.objects.get(scope="kpi").version == 5

    assert DataVersion.objects.get(scope="kpi").version == 6


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_raises_nothing():
    DataVersion.objects.update_or_create(scope="kpi", defaults={"version": 5})
    with pytest.raises(RuntimeError), transaction.atomic():
        Kpi.objects.create(name="Een")
        raise RuntimeError

    assert DataVersion.objects.get(scope="kpi").version == 5


def test_a_cached_result_is_computed_again_after_a_change_in_its_scope(db):
    calls = []

    def count():
        calls.append(1)
        return Activity.objects.count()

    first = cached("activity-count", count, scopes=("matrix",))
    again = cached("activity-count", count, scopes=("matrix",))
    Kpi.objects.create(name="Andere scope")
    still = cached("activity-count", count, scopes=("matrix",))
    Activity.objects.create(title="Nieuw", theme="T", order=99)
    fresh = cached("activity-count", count, scopes=("matrix",))

    assert (again, still) == (first, first)
    assert fresh == first + 1
    assert len(calls) == 2


def test_keys_follow_what_a_result_depends_on_not_the_viewer(db):
    one = cache_key("grid", scopes=("matrix",), vary=(True, []))
    same = cache_key("grid", scopes=("matrix",), vary=(True, []))
    other_rights = cache_key("grid", scopes=("matrix",), vary=(False, [3]))

    assert one == same != other_rights


def test_an_unknown_scope_is_a_mistake(db):
    with pytest.raises(ValueError, match="unknown scopes"):
        cached("x", lambda: 1, scopes=("nonsense",))


def test_a_change_shows_at_once_in_a_list(client_as):
    person = makers.person("Voor")
    client = client_as("mt")
    assert "Voor" in client.get(reverse("beheer:people")).content.decode()

    person.name = "Na"
    person.save()

    content = client.get(reverse("beheer:people")).content.decode()
    assert ">Na<" in content and ">Voor<" not in content


def test_a_deletion_shows_at_once_in_the_risk_report(client_as, empty_register):
    role = makers.role("Tijdelijke rol")
    client = client_as("mt")
    assert "Tijdelijke rol" in client.get(reverse("beheer:risks")).content.decode()

    role.delete()

    assert "Tijdelijke rol" not in client.get(reverse("beheer:risks")).content.decode()


def test_changing_a_limit_changes_the_report(client_as, empty_register):
    busy = makers.person("Druk")
    for number in range(3):
        makers.assign(busy, makers.role(f"Rol {number}"))
    client = client_as("mt")
    assert 'data-rule="overloaded">0<' in client.get(reverse("beheer:risks")).content.decode()

    settings = OrganisationSettings.load()
    settings.max_roles_per_person = 2
    settings.save()

    assert 'data-rule="overloaded">1<' in client.get(reverse("beheer:risks")).content.decode()


def test_the_report_is_per_language(client_as, empty_register):
    makers.role("Rol zonder houder")
    client = client_as("mt")
    client.get(reverse("beheer:risks"))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    content = client.get(reverse("beheer:risks")).content.decode()

    assert "Knowledge risks" in content


def test_adding_a_user_to_a_group_shows_on_the_next_request(client_as, personas):
    client = client_as("outsider")
    assert client.get(reverse("matrix:grid")).status_code == 403

    personas.outsider.groups.add(Group.objects.get(name=MANAGERS))

    page = client.get(reverse("matrix:grid"))
    assert page.status_code == 200
    assert "Taak toevoegen" in page.content.decode()  # as a manager, at once


def test_making_a_user_staff_shows_on_the_next_request(client_as, personas):
    client = client_as("manager")
    assert reverse("admin:index") not in client.get(reverse("dashboard")).content.decode()

    personas.manager.is_staff = True
    personas.manager.save()

    assert reverse("admin:index") in client.get(reverse("dashboard")).content.decode()


def test_access_checks_run_on_every_request_even_for_a_cached_result(client_as, personas):
    client = client_as("manager")
    client.get(reverse("matrix:grid"))  # the grid's table is cached now
    personas.manager.groups.clear()

    assert client.get(reverse("matrix:grid")).status_code == 403


def test_a_page_reads_the_versions_once_however_many_results_it_uses(client_as, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("mt")
    client.get(reverse("beheer:risks"))  # fill the cache

    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("beheer:risks"))  # the settings and the report, both cached

    assert sum("dataversion" in q["sql"] for q in queries) == 1


@pytest.mark.django_db(transaction=True)
def test_a_result_computed_inside_a_writing_transaction_is_not_stored():
    calls = []

    def count():
        calls.append(1)
        return Activity.objects.count()

    with transaction.atomic():
        Activity.objects.create(title="Nog niet vastgelegd", theme="T", order=1)
        cached("count", count, scopes=("matrix",))
        cached("count", count, scopes=("matrix",))
    assert len(calls) == 2  # uncommitted data: never stored for others

    cached("count", count, scopes=("matrix",))
    cached("count", count, scopes=("matrix",))
    assert len(calls) == 3  # committed and versioned: stored once, then reused
